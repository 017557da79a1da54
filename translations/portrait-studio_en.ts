<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CurveGestureCommand</name>
    <message>
        <source>Nothing to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new curve needs an id of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curve is no longer in the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only keyframe curves can be changed this way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A curve is changed twice in one edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curve is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrameRateCommand</name>
    <message>
        <source>Set frame rate to %1 fps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>Brows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheeks &amp;&amp; Nose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tongue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::BlendshapeGroups</name>
    <message>
        <source>Inner brows up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brow down left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brow down right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outer brow up left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outer brow up right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blink left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blink right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wide left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wide right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squint left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squint right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look down left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look down right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look out left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look out right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheek puff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheek squint left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheek squint right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneer left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneer right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaw open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaw forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaw left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaw right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lips closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pucker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouth left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouth right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smile left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smile right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frown left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frown right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimple left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimple right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper lip up left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper lip up right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower lip down left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower lip down right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll upper lip in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll lower lip in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrug upper lip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrug lower lip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tongue out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tongue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::BlendshapePanel</name>
    <message>
        <source>Filter shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the shapes whose name, ARKit name or group contains this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: dragging a shape keys it at the playhead. Off: dragging sets an offset over the layers below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link L/R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit each left shape together with its right partner (and the other eye&apos;s gaze the same way).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The playhead: the values shown and the keys set are at this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the %1 shapes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ARKit: %2). Left and right are the subject&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at the playhead. Drag or type to key it (or, with auto-key off, to offset it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 at the playhead with the value shown. Filled: a key is there (a click removes it); outlined in the key colour: the shape has keys elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1 to the layers below: remove its keys at the playhead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyframe lane is locked: unlock it on the timeline to edit here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dragging a shape keys it at the playhead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-key is off: dragging sets an offset over the layers below; the first offset applies to the whole take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No layer moves this shape here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driven by %1. Layers acting here, bottom to top: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove key on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1 to the layers below</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::EngineBridge</name>
    <message>
        <source>Open a photo and a voice before exporting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ExportDialog</name>
    <message>
        <source>Export MP4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is better and makes a larger file. 18 looks lossless to most people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower presets make a smaller file at the same quality, and take longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality (CRF):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Do you want to replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimating time left…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::GraphEditorPanel</name>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bézier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Straight lines from the selected keys to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow out of the selected keys and slow into the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves shaped by the keys&apos; handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the selected keys&apos; values until the next key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aligned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every key of the shown curves (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale each curve to -1..1 so that weights and angles can be compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys land on frames; hold Ctrl while dragging to invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake the channel&apos;s motion into keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smooth the selected keys, keeping the curve&apos;s shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected keys&apos; handles move on their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected keys&apos; handles stay on one line through the key (aligns them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected keys&apos; handles follow the neighbouring keys (sets them; a drag makes them Aligned)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::GraphEditorView</name>
    <message>
        <source>Select keys or curves on the timeline,
or tick channels in the list to show their curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voice (ghost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture (ghost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Curves lane is locked: unlock it on the timeline to edit keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select keys to change their interpolation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select keys to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a channel in the list to key it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is already at %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another key is already at %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   in handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   out handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select keys to change their handles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free handles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::InspectorPanel</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add: adds to the layers beneath. Override: replaces them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strongly the voice moves the lips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scales every expression clip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scales the head motion of the voice, the idle sway and pose clips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times the idle blinks per minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blink rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame rate of the exported video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template the clip plays; its timing stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fade in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fade out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bézier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the curve goes from this key to the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mesh vertex the sculpt pushes fully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Towards the subject&apos;s left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of the face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre vertex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pose clip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expression clip “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (only in this project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> °</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The angle in degrees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blendshape&apos;s weight, from 0 (none) to 1 (fully).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curve on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sculpt at vertex %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full throughout (no keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 key on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keys on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another key of this curve is already at %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::LandmarkEditController</name>
    <message>
        <source>The sculpts lane is locked: unlock it on the timeline to sculpt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sculpts lane is muted (or another lane is soloed): sculpts would not show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face is still being prepared; sculpt once the preview shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vertex %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sculpt %1, mirrored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sculpt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::LandmarkEditTool</name>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper lid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower lid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaw line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::LibraryPanel</name>
    <message>
        <source>Save Current Face as Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the face at the playhead as an expression template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at Playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed or deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

New name for “%2”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your template “%1”? The built-in one of that name comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your template “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Voice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export MP4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Portrait Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies after restarting Portrait Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio and video (*.wav *.mp3 *.flac *.ogg *.opus *.m4a *.aac *.mp4 *.mov *.mkv *.webm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 (%2 × %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies the next time you start Portrait Studio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Portrait Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio-driven portrait animation: give it a photo and a voice, and it brings the portrait to life.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo plays still: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening to the voice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face follows the voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The panels are back where they started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Face &amp;Mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split View (Photo | Animated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Playback &amp;Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuttle &amp;Backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Shuttle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuttle &amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back One Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward One Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open P&amp;roject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Pose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait Studio projects (*.pstudio);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait Studio projects (*.pstudio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unsaved project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait Studio did not close properly last time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on %1 was autosaved at %2. Recover it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not recover the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered; save the project to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this project before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blendshapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake needs the voice listened to first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not bake %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baked %1: %2 frames into %3 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not smooth the keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothed %1 keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sculpt Landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sculpt Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the face&apos;s landmarks in the viewer; the wheel sets the radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mirror Both Sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key at the Playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole &amp;Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Onion Skin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face&apos;s outlines three frames back (blue) and ahead (orange)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::MissingMediaDialog</name>
    <message>
        <source>Missing Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files of the project are not where it expects them. Locate each one, or go on without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locate %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::PlaybackStatistics</name>
    <message>
        <source>Display: %1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render: %1 ms a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped frames: %1 (requests replaced: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture vs sound: %1 ms at most</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::SaveTemplateDialog</name>
    <message>
        <source>Save Face as Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. my smile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sentence: what the face shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these parts of the face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen parts of the face are at rest: there is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a template named “%1”. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a built-in template. Save yours in its place? The built-in one comes back if you delete yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace Template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::SettingsDialog</name>
    <message>
        <source>Play the voice while dragging the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the open project is saved to a recovery file (never over your own file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::TemplateListModel</name>
    <message>
        <source>%1
Your template.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::TemplateNames</name>
    <message>
        <source>angry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disgust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>laugh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wink-left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wink-right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anger: brows pulled down and together, a hard stare, lips pressed and the nose slightly wrinkled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contempt: a one-sided smirk, the left mouth corner tightened and raised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disgust: the nose wrinkles, the upper lip lifts and the brows lower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fear: brows raised and drawn together, eyes wide, the lips stretched back and the jaw a little open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An open-mouthed laugh: a broad smile, the jaw dropped a little, the cheeks high and the eyes narrowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears the expressions of the layers beneath (brows, eyes, cheeks, smile, frown, sneer) and leaves speech and blinks alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sadness: the inner brows lift, the mouth corners pull down and the chin rises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A warm smile that reaches the eyes: the mouth corners lift and the cheeks rise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surprise: brows raised high, eyes wide open and the jaw dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A playful wink of the left eye with a half smile on that side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A playful wink of the right eye with a half smile on that side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nod: the head dips about 8 degrees, rebounds slightly and settles, once every 0.9 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A head shake: the head turns side to side, about 9 degrees each way, once every 1.2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds the head still at the photo&apos;s own pose, whatever the layers beneath do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A curious tilt: the head eases over 8 degrees in half a second and stays there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::TimelineLaneHeader</name>
    <message>
        <source>M</source>
        <comment>mute switch</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <comment>solo switch</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <comment>lock switch</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sculpts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::TimelinePanel</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap to frames, edges, keys, markers and the playhead (N); hold Ctrl while dragging to invert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::TimelineView</name>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change fade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voice loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blinks %1/min, sway %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertex %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lips apart over a closure (p, b, m), %1: gap %2 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter: the head or jaw jumps, %1: %2× the limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::TransportBar</name>
    <message>
        <source>(no audio device — silent playback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ps::ui::ViewerPanel</name>
    <message>
        <source>Open a portrait photo (File ▸ Open Photo…) or drop one here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a landmark to sculpt it · Wheel: radius · Ctrl+Wheel: zoom · Alt+drag: pan · 1–6: lips, upper lid, lower lid, brows, jaw line, nose · 0: single points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyed at the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sculpt: %1 · radius %2 cm · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

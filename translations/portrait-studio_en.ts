<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
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
</context>
</TS>

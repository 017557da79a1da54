<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CurveGestureCommand</name>
    <message>
        <source>Nothing to change.</source>
        <translation>没有可更改的内容。</translation>
    </message>
    <message>
        <source>A new curve needs an id of its own.</source>
        <translation>新曲线需要有自己的 ID。</translation>
    </message>
    <message>
        <source>The curve is no longer in the document.</source>
        <translation>该曲线已不在文档中。</translation>
    </message>
    <message>
        <source>Only keyframe curves can be changed this way.</source>
        <translation>只有关键帧曲线可以这样更改。</translation>
    </message>
    <message>
        <source>A curve is changed twice in one edit.</source>
        <translation>同一条曲线在一次编辑中被更改了两次。</translation>
    </message>
    <message>
        <source>The curve is invalid: %1</source>
        <translation>曲线无效：%1</translation>
    </message>
</context>
<context>
    <name>FrameRateCommand</name>
    <message>
        <source>Set frame rate to %1 fps</source>
        <translation>将帧率设为 %1 fps</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>Brows</source>
        <translation>眉毛</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>眼睛</translation>
    </message>
    <message>
        <source>Gaze</source>
        <translation>视线</translation>
    </message>
    <message>
        <source>Cheeks &amp;&amp; Nose</source>
        <translation>脸颊和鼻子</translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation>嘴</translation>
    </message>
    <message>
        <source>Jaw</source>
        <translation>下颌</translation>
    </message>
    <message>
        <source>Tongue</source>
        <translation>舌头</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头部</translation>
    </message>
</context>
<context>
    <name>ps::ui::BlendshapeGroups</name>
    <message>
        <source>Inner brows up</source>
        <translation>内眉上扬</translation>
    </message>
    <message>
        <source>Brow down left</source>
        <translation>左眉下压</translation>
    </message>
    <message>
        <source>Brow down right</source>
        <translation>右眉下压</translation>
    </message>
    <message>
        <source>Outer brow up left</source>
        <translation>左外眉上扬</translation>
    </message>
    <message>
        <source>Outer brow up right</source>
        <translation>右外眉上扬</translation>
    </message>
    <message>
        <source>Blink left</source>
        <translation>左眼眨眼</translation>
    </message>
    <message>
        <source>Blink right</source>
        <translation>右眼眨眼</translation>
    </message>
    <message>
        <source>Wide left</source>
        <translation>左眼睁大</translation>
    </message>
    <message>
        <source>Wide right</source>
        <translation>右眼睁大</translation>
    </message>
    <message>
        <source>Squint left</source>
        <translation>左眼眯起</translation>
    </message>
    <message>
        <source>Squint right</source>
        <translation>右眼眯起</translation>
    </message>
    <message>
        <source>Look up left</source>
        <translation>左眼上看</translation>
    </message>
    <message>
        <source>Look up right</source>
        <translation>右眼上看</translation>
    </message>
    <message>
        <source>Look down left</source>
        <translation>左眼下看</translation>
    </message>
    <message>
        <source>Look down right</source>
        <translation>右眼下看</translation>
    </message>
    <message>
        <source>Look in left</source>
        <translation>左眼内看</translation>
    </message>
    <message>
        <source>Look in right</source>
        <translation>右眼内看</translation>
    </message>
    <message>
        <source>Look out left</source>
        <translation>左眼外看</translation>
    </message>
    <message>
        <source>Look out right</source>
        <translation>右眼外看</translation>
    </message>
    <message>
        <source>Cheek puff</source>
        <translation>鼓腮</translation>
    </message>
    <message>
        <source>Cheek squint left</source>
        <translation>左脸颊上提</translation>
    </message>
    <message>
        <source>Cheek squint right</source>
        <translation>右脸颊上提</translation>
    </message>
    <message>
        <source>Sneer left</source>
        <translation>左侧皱鼻</translation>
    </message>
    <message>
        <source>Sneer right</source>
        <translation>右侧皱鼻</translation>
    </message>
    <message>
        <source>Jaw open</source>
        <translation>下颌张开</translation>
    </message>
    <message>
        <source>Jaw forward</source>
        <translation>下颌前伸</translation>
    </message>
    <message>
        <source>Jaw left</source>
        <translation>下颌左移</translation>
    </message>
    <message>
        <source>Jaw right</source>
        <translation>下颌右移</translation>
    </message>
    <message>
        <source>Lips closed</source>
        <translation>双唇闭合</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>漏斗嘴</translation>
    </message>
    <message>
        <source>Pucker</source>
        <translation>噘嘴</translation>
    </message>
    <message>
        <source>Mouth left</source>
        <translation>嘴左移</translation>
    </message>
    <message>
        <source>Mouth right</source>
        <translation>嘴右移</translation>
    </message>
    <message>
        <source>Smile left</source>
        <translation>左嘴角上扬</translation>
    </message>
    <message>
        <source>Smile right</source>
        <translation>右嘴角上扬</translation>
    </message>
    <message>
        <source>Frown left</source>
        <translation>左嘴角下拉</translation>
    </message>
    <message>
        <source>Frown right</source>
        <translation>右嘴角下拉</translation>
    </message>
    <message>
        <source>Dimple left</source>
        <translation>左侧酒窝</translation>
    </message>
    <message>
        <source>Dimple right</source>
        <translation>右侧酒窝</translation>
    </message>
    <message>
        <source>Stretch left</source>
        <translation>左嘴角横拉</translation>
    </message>
    <message>
        <source>Stretch right</source>
        <translation>右嘴角横拉</translation>
    </message>
    <message>
        <source>Press left</source>
        <translation>左侧抿唇</translation>
    </message>
    <message>
        <source>Press right</source>
        <translation>右侧抿唇</translation>
    </message>
    <message>
        <source>Upper lip up left</source>
        <translation>左上唇上提</translation>
    </message>
    <message>
        <source>Upper lip up right</source>
        <translation>右上唇上提</translation>
    </message>
    <message>
        <source>Lower lip down left</source>
        <translation>左下唇下拉</translation>
    </message>
    <message>
        <source>Lower lip down right</source>
        <translation>右下唇下拉</translation>
    </message>
    <message>
        <source>Roll upper lip in</source>
        <translation>上唇内卷</translation>
    </message>
    <message>
        <source>Roll lower lip in</source>
        <translation>下唇内卷</translation>
    </message>
    <message>
        <source>Shrug upper lip</source>
        <translation>上唇上耸</translation>
    </message>
    <message>
        <source>Shrug lower lip</source>
        <translation>下唇上耸</translation>
    </message>
    <message>
        <source>Tongue out</source>
        <translation>伸舌</translation>
    </message>
    <message>
        <source>Brows</source>
        <translation>眉毛</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>眼睛</translation>
    </message>
    <message>
        <source>Cheeks</source>
        <translation>脸颊</translation>
    </message>
    <message>
        <source>Nose</source>
        <translation>鼻子</translation>
    </message>
    <message>
        <source>Jaw</source>
        <translation>下颌</translation>
    </message>
    <message>
        <source>Mouth</source>
        <translation>嘴</translation>
    </message>
    <message>
        <source>Tongue</source>
        <translation>舌头</translation>
    </message>
</context>
<context>
    <name>ps::ui::BlendshapePanel</name>
    <message>
        <source>Filter shapes</source>
        <translation>筛选形状</translation>
    </message>
    <message>
        <source>Show only the shapes whose name, ARKit name or group contains this.</source>
        <translation>只显示名称、ARKit 名称或分组包含此文本的形状。</translation>
    </message>
    <message>
        <source>Auto-key</source>
        <translation>自动关键帧</translation>
    </message>
    <message>
        <source>On: dragging a shape keys it at the playhead. Off: dragging sets an offset over the layers below.</source>
        <translation>开启：拖动形状会在播放头处为其设置关键帧。关闭：拖动会在下方各层之上设置偏移。</translation>
    </message>
    <message>
        <source>Link L/R</source>
        <translation>左右联动</translation>
    </message>
    <message>
        <source>Edit each left shape together with its right partner (and the other eye&apos;s gaze the same way).</source>
        <translation>编辑左侧形状时同时编辑对应的右侧形状（另一只眼睛的视线也同样联动）。</translation>
    </message>
    <message>
        <source>The playhead: the values shown and the keys set are at this time.</source>
        <translation>播放头：显示的数值和设置的关键帧都位于此时间。</translation>
    </message>
    <message>
        <source>Show or hide the %1 shapes.</source>
        <translation>显示或隐藏%1形状。</translation>
    </message>
    <message>
        <source>%1 (ARKit: %2). Left and right are the subject&apos;s.</source>
        <translation>%1（ARKit：%2）。左右均指人物自身的左右。</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>%1 at the playhead. Drag or type to key it (or, with auto-key off, to offset it).</source>
        <translation>播放头处的%1。拖动或输入数值可为其设置关键帧（关闭自动关键帧时则为设置偏移）。</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>为 %1 设置关键帧</translation>
    </message>
    <message>
        <source>Key %1 at the playhead with the value shown. Filled: a key is there (a click removes it); outlined in the key colour: the shape has keys elsewhere.</source>
        <translation>以显示的数值在播放头处为 %1 设置关键帧。实心：此处已有关键帧（单击可将其删除）；以关键帧颜色描边：该形状在其他位置有关键帧。</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>重置 %1</translation>
    </message>
    <message>
        <source>Reset %1 to the layers below: remove its keys at the playhead.</source>
        <translation>将 %1 重置为下方各层的值：删除其在播放头处的关键帧。</translation>
    </message>
    <message>
        <source>The keyframe lane is locked: unlock it on the timeline to edit here.</source>
        <translation>关键帧轨道已锁定：请先在时间轴上解锁，再在此处编辑。</translation>
    </message>
    <message>
        <source>Dragging a shape keys it at the playhead.</source>
        <translation>拖动形状会在播放头处为其设置关键帧。</translation>
    </message>
    <message>
        <source>Auto-key is off: dragging sets an offset over the layers below; the first offset applies to the whole take.</source>
        <translation>自动关键帧已关闭：拖动会在下方各层之上设置偏移；第一个偏移作用于整段动画。</translation>
    </message>
    <message>
        <source>at %1 s</source>
        <translation>%1 秒处</translation>
    </message>
    <message>
        <source>voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>clip “%1”</source>
        <translation>片段“%1”</translation>
    </message>
    <message>
        <source>capture</source>
        <translation>捕捉</translation>
    </message>
    <message>
        <source>key</source>
        <translation>关键帧</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>No layer moves this shape here.</source>
        <translation>此处没有图层驱动该形状。</translation>
    </message>
    <message>
        <source>Driven by %1. Layers acting here, bottom to top: %2.</source>
        <translation>由 %1 驱动。此处起作用的图层（自下而上）：%2。</translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation>偏移 %1</translation>
    </message>
    <message>
        <source>Remove key on %1</source>
        <translation>删除 %1 上的关键帧</translation>
    </message>
    <message>
        <source>Reset %1 to the layers below</source>
        <translation>将 %1 重置为下方各层的值</translation>
    </message>
</context>
<context>
    <name>ps::ui::EngineBridge</name>
    <message>
        <source>Open a photo and a voice before exporting.</source>
        <translation>导出前请先打开照片和语音。</translation>
    </message>
</context>
<context>
    <name>ps::ui::ExportDialog</name>
    <message>
        <source>Export MP4</source>
        <translation>导出 MP4</translation>
    </message>
    <message>
        <source>Open Containing Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 帧/秒</translation>
    </message>
    <message>
        <source>Lower is better and makes a larger file. 18 looks lossless to most people.</source>
        <translation>数值越低画质越好，文件也越大。对大多数人来说，18 看起来与无损无异。</translation>
    </message>
    <message>
        <source>Slower presets make a smaller file at the same quality, and take longer.</source>
        <translation>越慢的预设在相同画质下文件越小，但耗时更长。</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>帧率：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Quality (CRF):</source>
        <translation>画质 (CRF)：</translation>
    </message>
    <message>
        <source>Encoder preset:</source>
        <translation>编码预设：</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Choose where to save the video.</source>
        <translation>请选择视频的保存位置。</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Do you want to replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Estimating time left…</source>
        <translation>正在估算剩余时间…</translation>
    </message>
    <message>
        <source>About %1 s left</source>
        <translation>大约还剩 %1 秒</translation>
    </message>
    <message>
        <source>About %1 min left</source>
        <translation>大约还剩 %1 分钟</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
</context>
<context>
    <name>ps::ui::GraphEditorPanel</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>缓动</translation>
    </message>
    <message>
        <source>Bézier</source>
        <translation>贝塞尔</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <source>Straight lines from the selected keys to the next</source>
        <translation>从所选关键帧到下一个关键帧之间为直线</translation>
    </message>
    <message>
        <source>Slow out of the selected keys and slow into the next</source>
        <translation>从所选关键帧缓出，并缓入下一个关键帧</translation>
    </message>
    <message>
        <source>Curves shaped by the keys&apos; handles</source>
        <translation>由关键帧手柄决定形状的曲线</translation>
    </message>
    <message>
        <source>Hold the selected keys&apos; values until the next key</source>
        <translation>保持所选关键帧的数值，直到下一个关键帧</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>自由</translation>
    </message>
    <message>
        <source>Aligned</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Frame All</source>
        <translation>框显全部</translation>
    </message>
    <message>
        <source>Show every key of the shown curves (Home)</source>
        <translation>显示当前所示曲线的全部关键帧 (Home)</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Scale each curve to -1..1 so that weights and angles can be compared</source>
        <translation>将每条曲线缩放到 -1..1，以便比较权重和角度</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>吸附</translation>
    </message>
    <message>
        <source>Keys land on frames; hold Ctrl while dragging to invert</source>
        <translation>关键帧吸附到帧上；拖动时按住 Ctrl 可反转</translation>
    </message>
    <message>
        <source>Delete Keys</source>
        <translation>删除关键帧</translation>
    </message>
    <message>
        <source>Bake…</source>
        <translation>烘焙…</translation>
    </message>
    <message>
        <source>Bake the channel&apos;s motion into keys</source>
        <translation>将通道的运动烘焙为关键帧</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Smooth the selected keys, keeping the curve&apos;s shape</source>
        <translation>平滑所选关键帧，同时保持曲线形状</translation>
    </message>
    <message>
        <source>Filter channels</source>
        <translation>筛选通道</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>Handles</source>
        <translation>手柄</translation>
    </message>
    <message>
        <source>Has keys</source>
        <translation>有关键帧</translation>
    </message>
    <message>
        <source>The selected keys&apos; handles move on their own</source>
        <translation>所选关键帧的手柄各自独立移动</translation>
    </message>
    <message>
        <source>The selected keys&apos; handles stay on one line through the key (aligns them)</source>
        <translation>所选关键帧的手柄保持在穿过关键帧的同一直线上（对齐手柄）</translation>
    </message>
    <message>
        <source>The selected keys&apos; handles follow the neighbouring keys (sets them; a drag makes them Aligned)</source>
        <translation>所选关键帧的手柄随相邻关键帧自动计算（拖动后变为对齐）</translation>
    </message>
</context>
<context>
    <name>ps::ui::GraphEditorView</name>
    <message>
        <source>Select keys or curves on the timeline,
or tick channels in the list to show their curves.</source>
        <translation>在时间轴上选择关键帧或曲线，
或在列表中勾选通道以显示其曲线。</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>归一</translation>
    </message>
    <message>
        <source>deg</source>
        <translation>度</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>voice (ghost)</source>
        <translation>语音（虚影）</translation>
    </message>
    <message>
        <source>capture (ghost)</source>
        <translation>捕捉（虚影）</translation>
    </message>
    <message>
        <source>The Curves lane is locked: unlock it on the timeline to edit keys.</source>
        <translation>曲线轨道已锁定：请先在时间轴上解锁，再编辑关键帧。</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>操作被拒绝：%1</translation>
    </message>
    <message>
        <source>Select keys to change their interpolation.</source>
        <translation>请选择要更改插值的关键帧。</translation>
    </message>
    <message>
        <source>Change interpolation</source>
        <translation>更改插值</translation>
    </message>
    <message>
        <source>Auto handles</source>
        <translation>自动手柄</translation>
    </message>
    <message>
        <source>Align handles</source>
        <translation>对齐手柄</translation>
    </message>
    <message>
        <source>Select keys to delete.</source>
        <translation>请选择要删除的关键帧。</translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation>删除关键帧</translation>
    </message>
    <message>
        <source>Tick a channel in the list to key it.</source>
        <translation>请在列表中勾选一个通道，以便为其设置关键帧。</translation>
    </message>
    <message>
        <source>Insert key</source>
        <translation>插入关键帧</translation>
    </message>
    <message>
        <source>A key is already at %1 on %2.</source>
        <translation>%2 在 %1 处已有关键帧。</translation>
    </message>
    <message>
        <source>Another key is already at %1 on %2.</source>
        <translation>%2 在 %1 处已有另一个关键帧。</translation>
    </message>
    <message>
        <source>Move keys</source>
        <translation>移动关键帧</translation>
    </message>
    <message>
        <source>Shape curve</source>
        <translation>调整曲线形状</translation>
    </message>
    <message>
        <source>   in handle</source>
        <translation>   入手柄</translation>
    </message>
    <message>
        <source>   out handle</source>
        <translation>   出手柄</translation>
    </message>
    <message>
        <source>Select keys to change their handles.</source>
        <translation>选择关键帧以更改其手柄。</translation>
    </message>
    <message>
        <source>Free handles</source>
        <translation>自由手柄</translation>
    </message>
</context>
<context>
    <name>ps::ui::InspectorPanel</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Add: adds to the layers beneath. Override: replaces them.</source>
        <translation>叠加：加到下方各层上。覆盖：取代下方各层。</translation>
    </message>
    <message>
        <source>How strongly the voice moves the lips.</source>
        <translation>语音带动嘴唇的强度。</translation>
    </message>
    <message>
        <source>Scales every expression clip.</source>
        <translation>缩放每个表情片段。</translation>
    </message>
    <message>
        <source>Scales the head motion of the voice, the idle sway and pose clips.</source>
        <translation>缩放语音带来的头部动作、空闲摆动和姿态片段。</translation>
    </message>
    <message>
        <source>Times the idle blinks per minute.</source>
        <translation>空闲眨眼每分钟次数的倍数。</translation>
    </message>
    <message>
        <source>Lips</source>
        <translation>嘴唇</translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation>表情</translation>
    </message>
    <message>
        <source>Head motion</source>
        <translation>头部动作</translation>
    </message>
    <message>
        <source>Blink rate</source>
        <translation>眨眼频率</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>The frame rate of the exported video.</source>
        <translation>导出视频的帧率。</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>The template the clip plays; its timing stays.</source>
        <translation>片段播放的模板；时间保持不变。</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Fade in</source>
        <translation>淡入</translation>
    </message>
    <message>
        <source>Fade out</source>
        <translation>淡出</translation>
    </message>
    <message>
        <source>Blend</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>缓动</translation>
    </message>
    <message>
        <source>Bézier</source>
        <translation>贝塞尔</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <source>How the curve goes from this key to the next.</source>
        <translation>曲线从此关键帧到下一个关键帧的过渡方式。</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>关键帧</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>The mesh vertex the sculpt pushes fully.</source>
        <translation>雕刻完全推动的网格顶点。</translation>
    </message>
    <message>
        <source> cm</source>
        <translation> 厘米</translation>
    </message>
    <message>
        <source>Towards the subject&apos;s left.</source>
        <translation>朝向人物的左侧。</translation>
    </message>
    <message>
        <source>Up.</source>
        <translation>向上。</translation>
    </message>
    <message>
        <source>Out of the face.</source>
        <translation>朝脸外。</translation>
    </message>
    <message>
        <source>Centre vertex</source>
        <translation>中心顶点</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <source>Offset x</source>
        <translation>偏移 x</translation>
    </message>
    <message>
        <source>Offset y</source>
        <translation>偏移 y</translation>
    </message>
    <message>
        <source>Offset z</source>
        <translation>偏移 z</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Pose clip “%1”</source>
        <translation>姿态片段“%1”</translation>
    </message>
    <message>
        <source>Expression clip “%1”</source>
        <translation>表情片段“%1”</translation>
    </message>
    <message>
        <source>%1 (only in this project)</source>
        <translation>%1（仅在此项目中）</translation>
    </message>
    <message>
        <source>Key on %1</source>
        <translation>%1 上的关键帧</translation>
    </message>
    <message>
        <source> °</source>
        <translation> °</translation>
    </message>
    <message>
        <source>The angle in degrees.</source>
        <translation>角度（度）。</translation>
    </message>
    <message>
        <source>The blendshape&apos;s weight, from 0 (none) to 1 (fully).</source>
        <translation>混合形状的权重，从 0（无）到 1（完全）。</translation>
    </message>
    <message>
        <source>Curve on %1</source>
        <translation>%1 上的曲线</translation>
    </message>
    <message>
        <source>Capture “%1”</source>
        <translation>捕捉“%1”</translation>
    </message>
    <message>
        <source>Sculpt at vertex %1</source>
        <translation>顶点 %1 处的雕刻</translation>
    </message>
    <message>
        <source>full throughout (no keys)</source>
        <translation>始终完全生效（无关键帧）</translation>
    </message>
    <message>
        <source>1 key on the timeline</source>
        <translation>时间轴上有 1 个关键帧</translation>
    </message>
    <message>
        <source>%1 keys on the timeline</source>
        <translation>时间轴上有 %1 个关键帧</translation>
    </message>
    <message>
        <source>Another key of this curve is already at %1 s.</source>
        <translation>此曲线在 %1 秒处已有另一个关键帧。</translation>
    </message>
</context>
<context>
    <name>ps::ui::LandmarkEditController</name>
    <message>
        <source>The sculpts lane is locked: unlock it on the timeline to sculpt.</source>
        <translation>雕刻轨道已锁定：请先在时间轴上解锁，再进行雕刻。</translation>
    </message>
    <message>
        <source>The sculpts lane is muted (or another lane is soloed): sculpts would not show.</source>
        <translation>雕刻轨道已静音（或其他轨道处于独奏状态）：雕刻将不会显示。</translation>
    </message>
    <message>
        <source>The face is still being prepared; sculpt once the preview shows it.</source>
        <translation>面部仍在准备中；请等预览中显示面部后再雕刻。</translation>
    </message>
    <message>
        <source>vertex %1</source>
        <translation>顶点 %1</translation>
    </message>
    <message>
        <source>Sculpt %1, mirrored</source>
        <translation>雕刻 %1（镜像）</translation>
    </message>
    <message>
        <source>Sculpt %1</source>
        <translation>雕刻 %1</translation>
    </message>
</context>
<context>
    <name>ps::ui::LandmarkEditTool</name>
    <message>
        <source>Point</source>
        <translation>单点</translation>
    </message>
    <message>
        <source>Lips</source>
        <translation>嘴唇</translation>
    </message>
    <message>
        <source>Upper lid</source>
        <translation>上眼睑</translation>
    </message>
    <message>
        <source>Lower lid</source>
        <translation>下眼睑</translation>
    </message>
    <message>
        <source>Brows</source>
        <translation>眉毛</translation>
    </message>
    <message>
        <source>Jaw line</source>
        <translation>下颌线</translation>
    </message>
    <message>
        <source>Nose</source>
        <translation>鼻子</translation>
    </message>
</context>
<context>
    <name>ps::ui::LibraryPanel</name>
    <message>
        <source>Save Current Face as Template…</source>
        <translation>将当前面部存为模板…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>搜索模板</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation>表情</translation>
    </message>
    <message>
        <source>Poses</source>
        <translation>姿态</translation>
    </message>
    <message>
        <source>Save the face at the playhead as an expression template</source>
        <translation>将播放头处的面部存为表情模板</translation>
    </message>
    <message>
        <source>Add at Playhead</source>
        <translation>添加到播放头处</translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed or deleted</source>
        <translation>内置模板不能重命名或删除</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>%1

New name for “%2”:</source>
        <translation>%1

“%2”的新名称：</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>重命名模板</translation>
    </message>
    <message>
        <source>Delete your template “%1”? The built-in one of that name comes back.</source>
        <translation>删除你的模板“%1”？同名的内置模板将恢复。</translation>
    </message>
    <message>
        <source>Delete your template “%1”? This cannot be undone.</source>
        <translation>删除你的模板“%1”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>删除模板</translation>
    </message>
</context>
<context>
    <name>ps::ui::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Photo…</source>
        <translation>打开照片(&amp;P)…</translation>
    </message>
    <message>
        <source>Open &amp;Voice…</source>
        <translation>打开语音(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Export MP4…</source>
        <translation>导出 MP4(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Portrait Studio</source>
        <translation>关于 Portrait Studio(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Applies after restarting Portrait Studio</source>
        <translation>重启 Portrait Studio 后生效</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Open Photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Voice</source>
        <translation>打开语音</translation>
    </message>
    <message>
        <source>Audio and video (*.wav *.mp3 *.flac *.ogg *.opus *.m4a *.aac *.mp4 *.mov *.mkv *.webm);;All files (*)</source>
        <translation>音频和视频 (*.wav *.mp3 *.flac *.ogg *.opus *.m4a *.aac *.mp4 *.mov *.mkv *.webm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened %1 (%2 × %3)</source>
        <translation>已打开 %1（%2 × %3）</translation>
    </message>
    <message>
        <source>Opened %1 (%2)</source>
        <translation>已打开 %1（%2）</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>The new language applies the next time you start Portrait Studio.</source>
        <translation>新的语言将在下次启动 Portrait Studio 时生效。</translation>
    </message>
    <message>
        <source>About Portrait Studio</source>
        <translation>关于 Portrait Studio</translation>
    </message>
    <message>
        <source>Audio-driven portrait animation: give it a photo and a voice, and it brings the portrait to life.</source>
        <translation>音频驱动的肖像动画：给它一张照片和一段语音，它就能让肖像动起来。</translation>
    </message>
    <message>
        <source>The photo plays still: %1</source>
        <translation>照片保持静止：%1</translation>
    </message>
    <message>
        <source>Listening to the voice…</source>
        <translation>正在分析语音…</translation>
    </message>
    <message>
        <source>The face follows the voice</source>
        <translation>面部已跟随语音</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>模板库</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>The panels are back where they started.</source>
        <translation>各面板已恢复到初始位置。</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>%1 is no longer there.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom to &amp;100 %</source>
        <translation>缩放到 100 %(&amp;1)</translation>
    </message>
    <message>
        <source>Show Face &amp;Mesh</source>
        <translation>显示面部网格(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split View (Photo | Animated)</source>
        <translation>分屏视图（照片 | 动画）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Compare with Voice Only (A | B)</source>
        <translation>与仅语音对比（A | B）(&amp;C)</translation>
    </message>
    <message>
        <source>Shows the voice&apos;s own motion, before any edit, beside the edit</source>
        <translation>在编辑结果旁显示语音本身的、未经任何编辑的动作</translation>
    </message>
    <message>
        <source>Show Playback &amp;Statistics</source>
        <translation>显示播放统计(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Backward</source>
        <translation>向后穿梭(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Stop Shuttle</source>
        <translation>停止穿梭(&amp;S)</translation>
    </message>
    <message>
        <source>Shuttle &amp;Forward</source>
        <translation>向前穿梭(&amp;F)</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <source>Back One Second</source>
        <translation>后退一秒</translation>
    </message>
    <message>
        <source>Forward One Second</source>
        <translation>前进一秒</translation>
    </message>
    <message>
        <source>Go to &amp;Start</source>
        <translation>转到开头(&amp;S)</translation>
    </message>
    <message>
        <source>Go to &amp;End</source>
        <translation>转到结尾(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Open P&amp;roject…</source>
        <translation>打开项目(&amp;R)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Motion</source>
        <translation>动作(&amp;M)</translation>
    </message>
    <message>
        <source>Add &amp;Expression</source>
        <translation>添加表情(&amp;E)</translation>
    </message>
    <message>
        <source>Add &amp;Pose</source>
        <translation>添加姿态(&amp;P)</translation>
    </message>
    <message>
        <source>Could not add %1</source>
        <translation>无法添加 %1</translation>
    </message>
    <message>
        <source>Added %1 at %2</source>
        <translation>已在 %2 添加 %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Portrait Studio projects (*.pstudio);;All files (*)</source>
        <translation>Portrait Studio 项目 (*.pstudio);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Portrait Studio projects (*.pstudio)</source>
        <translation>Portrait Studio 项目 (*.pstudio)</translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation>已找到 %1</translation>
    </message>
    <message>
        <source>an unsaved project</source>
        <translation>一个未保存的项目</translation>
    </message>
    <message>
        <source>Portrait Studio did not close properly last time.</source>
        <translation>Portrait Studio 上次未正常关闭。</translation>
    </message>
    <message>
        <source>Work on %1 was autosaved at %2. Recover it?</source>
        <translation>%1 的工作已于 %2 自动保存。要恢复吗？</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>稍后决定(&amp;L)</translation>
    </message>
    <message>
        <source>Could not recover the project</source>
        <translation>无法恢复项目</translation>
    </message>
    <message>
        <source>Recovered; save the project to keep it.</source>
        <translation>已恢复；请保存项目以保留它。</translation>
    </message>
    <message>
        <source>Save the changes to this project before closing?</source>
        <translation>关闭前保存对此项目的更改吗？</translation>
    </message>
    <message>
        <source>Blendshapes</source>
        <translation>混合形状</translation>
    </message>
    <message>
        <source>Graph Editor</source>
        <translation>图形编辑器</translation>
    </message>
    <message>
        <source>Bake needs the voice listened to first.</source>
        <translation>烘焙前需要先完成语音分析。</translation>
    </message>
    <message>
        <source>Could not bake %1</source>
        <translation>无法烘焙 %1</translation>
    </message>
    <message>
        <source>Baked %1: %2 frames into %3 keys</source>
        <translation>已烘焙 %1：%2 帧转为 %3 个关键帧</translation>
    </message>
    <message>
        <source>Could not smooth the keys</source>
        <translation>无法平滑关键帧</translation>
    </message>
    <message>
        <source>Smoothed %1 keys</source>
        <translation>已平滑 %1 个关键帧</translation>
    </message>
    <message>
        <source>&amp;Sculpt Landmarks</source>
        <translation>雕刻特征点(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Sculpt Mode</source>
        <translation>雕刻模式(&amp;S)</translation>
    </message>
    <message>
        <source>Drag the face&apos;s landmarks in the viewer; the wheel sets the radius</source>
        <translation>在查看器中拖动面部特征点；滚轮可调整半径</translation>
    </message>
    <message>
        <source>&amp;Mirror Both Sides</source>
        <translation>两侧镜像(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Key at the Playhead</source>
        <translation>在播放头处设置关键帧(&amp;K)</translation>
    </message>
    <message>
        <source>Whole &amp;Take</source>
        <translation>整段动画(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Onion Skin</source>
        <translation>洋葱皮(&amp;O)</translation>
    </message>
    <message>
        <source>The face&apos;s outlines three frames back (blue) and ahead (orange)</source>
        <translation>前三帧（蓝色）与后三帧（橙色）的面部轮廓</translation>
    </message>
    <message>
        <source>3D Face</source>
        <translation>3D 人脸</translation>
    </message>
    <message>
        <source>Head Pose &amp;Gizmo</source>
        <translation>头部姿态操纵器(&amp;G)</translation>
    </message>
    <message>
        <source>Rings over the face: drag one to key pitch, yaw or roll at the playhead, or the centre to turn the head freely; Shift snaps to 5°</source>
        <translation>人脸上的圆环：拖动其中一个可在播放头处为俯仰、偏航或翻滚设置关键帧，拖动中心可自由转动头部；按住 Shift 以 5° 为步进吸附</translation>
    </message>
    <message>
        <source>&amp;Transcript…</source>
        <translation>文字稿(&amp;T)…</translation>
    </message>
    <message>
        <source>What the voice says: labels the timeline&apos;s mouth shapes with words</source>
        <translation>语音所说的内容：用文字标注时间线上的口型</translation>
    </message>
    <message>
        <source>Could not set the transcript</source>
        <translation>无法设置文字稿</translation>
    </message>
    <message>
        <source>Transcript cleared</source>
        <translation>已清除文字稿</translation>
    </message>
    <message>
        <source>Transcript set: the words show under the waveform</source>
        <translation>已设置文字稿：文字显示在波形下方</translation>
    </message>
</context>
<context>
    <name>ps::ui::MissingMediaDialog</name>
    <message>
        <source>Missing Files</source>
        <translation>缺失的文件</translation>
    </message>
    <message>
        <source>These files of the project are not where it expects them. Locate each one, or go on without it.</source>
        <translation>项目的这些文件不在预期的位置。请逐个找到它们，或在缺少它们的情况下继续。</translation>
    </message>
    <message>
        <source>&amp;Locate…</source>
        <translation>查找(&amp;L)…</translation>
    </message>
    <message>
        <source>Locate %1</source>
        <translation>查找 %1</translation>
    </message>
</context>
<context>
    <name>ps::ui::PlaybackStatistics</name>
    <message>
        <source>Display: %1 fps</source>
        <translation>显示：%1 fps</translation>
    </message>
    <message>
        <source>Render: %1 ms a frame</source>
        <translation>渲染：每帧 %1 毫秒</translation>
    </message>
    <message>
        <source>Dropped frames: %1 (requests replaced: %2)</source>
        <translation>丢帧：%1（被替换的请求：%2）</translation>
    </message>
    <message>
        <source>Picture vs sound: %1 ms at most</source>
        <translation>画面与声音：最多相差 %1 毫秒</translation>
    </message>
</context>
<context>
    <name>ps::ui::SaveTemplateDialog</name>
    <message>
        <source>Save Face as Template</source>
        <translation>将面部存为模板</translation>
    </message>
    <message>
        <source>e.g. my smile</source>
        <translation>例如：我的微笑</translation>
    </message>
    <message>
        <source>One sentence: what the face shows.</source>
        <translation>一句话：这张脸表现了什么。</translation>
    </message>
    <message>
        <source>Keep these parts of the face</source>
        <translation>保留面部的这些部分</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>请给模板起个名字。</translation>
    </message>
    <message>
        <source>The chosen parts of the face are at rest: there is nothing to save.</source>
        <translation>所选的面部部分处于静止状态：没有可保存的内容。</translation>
    </message>
    <message>
        <source>You already have a template named “%1”. Replace it?</source>
        <translation>你已有名为“%1”的模板。要替换它吗？</translation>
    </message>
    <message>
        <source>“%1” is a built-in template. Save yours in its place? The built-in one comes back if you delete yours.</source>
        <translation>“%1”是内置模板。要用你的模板代替它吗？如果删除你的模板，内置模板将恢复。</translation>
    </message>
    <message>
        <source>Replace Template</source>
        <translation>替换模板</translation>
    </message>
</context>
<context>
    <name>ps::ui::SettingsDialog</name>
    <message>
        <source>Play the voice while dragging the playhead</source>
        <translation>拖动播放头时播放语音</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>How often the open project is saved to a recovery file (never over your own file).</source>
        <translation>打开的项目多久保存一次到恢复文件（绝不覆盖你自己的文件）。</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>自动保存间隔：</translation>
    </message>
</context>
<context>
    <name>ps::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>ps::ui::TemplateListModel</name>
    <message>
        <source>%1
Your template.</source>
        <translation>%1
你的模板。</translation>
    </message>
</context>
<context>
    <name>ps::ui::TemplateNames</name>
    <message>
        <source>angry</source>
        <translation>愤怒</translation>
    </message>
    <message>
        <source>contempt</source>
        <translation>轻蔑</translation>
    </message>
    <message>
        <source>disgust</source>
        <translation>厌恶</translation>
    </message>
    <message>
        <source>fear</source>
        <translation>恐惧</translation>
    </message>
    <message>
        <source>laugh</source>
        <translation>大笑</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>悲伤</translation>
    </message>
    <message>
        <source>smile</source>
        <translation>微笑</translation>
    </message>
    <message>
        <source>surprise</source>
        <translation>惊讶</translation>
    </message>
    <message>
        <source>wink-left</source>
        <translation>左眼眨眼</translation>
    </message>
    <message>
        <source>wink-right</source>
        <translation>右眼眨眼</translation>
    </message>
    <message>
        <source>nod</source>
        <translation>点头</translation>
    </message>
    <message>
        <source>shake</source>
        <translation>摇头</translation>
    </message>
    <message>
        <source>still</source>
        <translation>静止</translation>
    </message>
    <message>
        <source>tilt</source>
        <translation>歪头</translation>
    </message>
    <message>
        <source>Anger: brows pulled down and together, a hard stare, lips pressed and the nose slightly wrinkled.</source>
        <translation>愤怒：眉头下压并皱起，目光严厉，嘴唇紧抿，鼻子微皱。</translation>
    </message>
    <message>
        <source>Contempt: a one-sided smirk, the left mouth corner tightened and raised.</source>
        <translation>轻蔑：单侧冷笑，左嘴角收紧上扬。</translation>
    </message>
    <message>
        <source>Disgust: the nose wrinkles, the upper lip lifts and the brows lower.</source>
        <translation>厌恶：鼻子皱起，上唇抬起，眉毛下压。</translation>
    </message>
    <message>
        <source>Fear: brows raised and drawn together, eyes wide, the lips stretched back and the jaw a little open.</source>
        <translation>恐惧：眉毛上扬并皱起，双眼睁大，嘴唇向后拉，下颌微张。</translation>
    </message>
    <message>
        <source>An open-mouthed laugh: a broad smile, the jaw dropped a little, the cheeks high and the eyes narrowed.</source>
        <translation>张嘴大笑：笑容灿烂，下颌微微张开，脸颊抬高，双眼眯起。</translation>
    </message>
    <message>
        <source>Clears the expressions of the layers beneath (brows, eyes, cheeks, smile, frown, sneer) and leaves speech and blinks alone.</source>
        <translation>清除下方各层的表情（眉毛、眼睛、脸颊、微笑、皱眉、冷笑），保留说话和眨眼。</translation>
    </message>
    <message>
        <source>Sadness: the inner brows lift, the mouth corners pull down and the chin rises.</source>
        <translation>悲伤：眉头内侧上扬，嘴角下拉，下巴抬起。</translation>
    </message>
    <message>
        <source>A warm smile that reaches the eyes: the mouth corners lift and the cheeks rise.</source>
        <translation>直达眼底的温暖微笑：嘴角上扬，脸颊抬起。</translation>
    </message>
    <message>
        <source>Surprise: brows raised high, eyes wide open and the jaw dropped.</source>
        <translation>惊讶：眉毛高高扬起，双眼圆睁，下颌张开。</translation>
    </message>
    <message>
        <source>A playful wink of the left eye with a half smile on that side.</source>
        <translation>俏皮地眨左眼，同侧嘴角半笑。</translation>
    </message>
    <message>
        <source>A playful wink of the right eye with a half smile on that side.</source>
        <translation>俏皮地眨右眼，同侧嘴角半笑。</translation>
    </message>
    <message>
        <source>A nod: the head dips about 8 degrees, rebounds slightly and settles, once every 0.9 seconds.</source>
        <translation>点头：头部下点约 8 度，轻微回弹后停稳，每 0.9 秒一次。</translation>
    </message>
    <message>
        <source>A head shake: the head turns side to side, about 9 degrees each way, once every 1.2 seconds.</source>
        <translation>摇头：头部左右转动，每侧约 9 度，每 1.2 秒一次。</translation>
    </message>
    <message>
        <source>Holds the head still at the photo&apos;s own pose, whatever the layers beneath do.</source>
        <translation>让头部保持照片本身的姿态不动，不论下方各层如何。</translation>
    </message>
    <message>
        <source>A curious tilt: the head eases over 8 degrees in half a second and stays there.</source>
        <translation>好奇地歪头：头部在半秒内缓缓倾斜 8 度并保持。</translation>
    </message>
</context>
<context>
    <name>ps::ui::TimelineLaneHeader</name>
    <message>
        <source>M</source>
        <comment>mute switch</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>静音 %1</translation>
    </message>
    <message>
        <source>S</source>
        <comment>solo switch</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>独奏 %1</translation>
    </message>
    <message>
        <source>L</source>
        <comment>lock switch</comment>
        <translation>L</translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>锁定 %1</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Expressions</source>
        <translation>表情</translation>
    </message>
    <message>
        <source>Poses</source>
        <translation>姿态</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>捕捉</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Sculpts</source>
        <translation>雕刻</translation>
    </message>
</context>
<context>
    <name>ps::ui::TimelinePanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add Marker</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom to Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>吸附</translation>
    </message>
    <message>
        <source>Snap to frames, edges, keys, markers and the playhead (N); hold Ctrl while dragging to invert</source>
        <translation>吸附到帧、边缘、关键帧、标记和播放头 (N)；拖动时按住 Ctrl 可反转</translation>
    </message>
</context>
<context>
    <name>ps::ui::TimelineView</name>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>修剪</translation>
    </message>
    <message>
        <source>Change fade</source>
        <translation>更改淡入淡出</translation>
    </message>
    <message>
        <source>No voice loaded</source>
        <translation>未载入语音</translation>
    </message>
    <message>
        <source>Blinks %1/min, sway %2</source>
        <translation>眨眼 %1 次/分钟，摆动 %2</translation>
    </message>
    <message>
        <source>Vertex %1</source>
        <translation>顶点 %1</translation>
    </message>
    <message>
        <source>frames %1–%2</source>
        <translation>第 %1–%2 帧</translation>
    </message>
    <message>
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
    <message>
        <source>Lips apart over a closure (p, b, m), %1: gap %2 mm</source>
        <translation>闭唇音（p、b、m）处双唇未合，%1：间隙 %2 毫米</translation>
    </message>
    <message>
        <source>Jitter: the head or jaw jumps, %1: %2× the limit</source>
        <translation>抖动：头部或下颌突跳，%1：为限值的 %2 倍</translation>
    </message>
    <message>
        <source>Remove Override</source>
        <translation>移除覆盖</translation>
    </message>
</context>
<context>
    <name>ps::ui::TransportBar</name>
    <message>
        <source>(no audio device — silent playback)</source>
        <translation>（无音频设备——静音播放）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
</context>
<context>
    <name>ps::ui::ViewerPanel</name>
    <message>
        <source>Open a portrait photo (File ▸ Open Photo…) or drop one here</source>
        <translation>打开一张肖像照片（文件 ▸ 打开照片…），或将照片拖放到这里</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Animated</source>
        <translation>动画</translation>
    </message>
    <message>
        <source>A · voice only</source>
        <translation>A · 仅语音</translation>
    </message>
    <message>
        <source>B · edit</source>
        <translation>B · 编辑</translation>
    </message>
    <message>
        <source>Drag a landmark to sculpt it · Wheel: radius · Ctrl+Wheel: zoom · Alt+drag: pan · 1–6: lips, upper lid, lower lid, brows, jaw line, nose · 0: single points</source>
        <translation>拖动特征点进行雕刻 · 滚轮：半径 · Ctrl+滚轮：缩放 · Alt+拖动：平移 · 1–6：嘴唇、上眼睑、下眼睑、眉毛、下颌线、鼻子 · 0：单点</translation>
    </message>
    <message>
        <source>whole take</source>
        <translation>整段动画</translation>
    </message>
    <message>
        <source>keyed at the playhead</source>
        <translation>在播放头处设置关键帧</translation>
    </message>
    <message>
        <source>Sculpt: %1 · radius %2 cm · %3 · %4</source>
        <translation>雕刻：%1 · 半径 %2 厘米 · %3 · %4</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>one side</source>
        <translation>单侧</translation>
    </message>
</context>
<context>
    <name>ps::ui::FaceView3D</name>
    <message>
        <source>Photo camera</source>
        <translation>照片相机</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>侧面</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>顶部</translation>
    </message>
    <message>
        <source>Open a photo with a face to see it here in 3D</source>
        <translation>打开一张有人脸的照片，即可在此以 3D 查看</translation>
    </message>
    <message>
        <source>The 3D view needs OpenGL 2, which this display lacks</source>
        <translation>3D 视图需要 OpenGL 2，而此显示器不支持</translation>
    </message>
    <message>
        <source>Orbit</source>
        <translation>环绕</translation>
    </message>
</context>
<context>
    <name>ps::ui::FaceViewPanel</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Look through the photo&apos;s camera (0)</source>
        <translation>透过照片的相机观看 (0)</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Look at the face from the front (1)</source>
        <translation>从正面观看人脸 (1)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>侧面</translation>
    </message>
    <message>
        <source>Look at the face from its right side (3)</source>
        <translation>从人脸的右侧观看 (3)</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>顶部</translation>
    </message>
    <message>
        <source>Look down on the head (7)</source>
        <translation>从上方俯视头部 (7)</translation>
    </message>
    <message>
        <source>Gizmo</source>
        <translation>操纵器</translation>
    </message>
    <message>
        <source>Show the head-pose rings: drag one to key pitch, yaw or roll at the playhead, or the centre to turn the head freely</source>
        <translation>显示头部姿态圆环：拖动其中一个可在播放头处为俯仰、偏航或翻滚设置关键帧，拖动中心可自由转动头部</translation>
    </message>
    <message>
        <source>The 3D face view needs OpenGL 2, which this display does not offer. The viewer&apos;s head-pose gizmo and the inspector&apos;s angles still edit the head.</source>
        <translation>3D 人脸视图需要 OpenGL 2，而此显示器不提供。查看器中的头部姿态操纵器和检查器中的角度仍可编辑头部。</translation>
    </message>
</context>
<context>
    <name>ps::ui::HeadPoseController</name>
    <message>
        <source>Key head pitch</source>
        <translation>为头部俯仰设置关键帧</translation>
    </message>
    <message>
        <source>Key head yaw</source>
        <translation>为头部偏航设置关键帧</translation>
    </message>
    <message>
        <source>Key head roll</source>
        <translation>为头部翻滚设置关键帧</translation>
    </message>
    <message>
        <source>The keyframe lane is locked: unlock it on the timeline to turn the head.</source>
        <translation>关键帧轨道已锁定：请在时间线上解锁后再转动头部。</translation>
    </message>
    <message>
        <source>The keyframe lane is muted (or another lane is soloed): head keys would not show.</source>
        <translation>关键帧轨道已静音（或其他轨道处于独奏）：头部关键帧不会显示。</translation>
    </message>
    <message>
        <source>The face is still being prepared; turn the head once the preview shows it.</source>
        <translation>人脸仍在准备中；请在预览显示后再转动头部。</translation>
    </message>
    <message>
        <source>Turn head</source>
        <translation>转动头部</translation>
    </message>
    <message>
        <source>Only the head&apos;s pitch, yaw and roll can be set here.</source>
        <translation>此处只能设置头部的俯仰、偏航和翻滚。</translation>
    </message>
    <message>
        <source>Only the head&apos;s pitch, yaw and roll can be keyed here.</source>
        <translation>此处只能为头部的俯仰、偏航和翻滚设置关键帧。</translation>
    </message>
    <message>
        <source>The face is not fitted yet: there is no head to key.</source>
        <translation>人脸尚未拟合：没有可设置关键帧的头部。</translation>
    </message>
    <message>
        <source>Remove head key</source>
        <translation>删除头部关键帧</translation>
    </message>
    <message>
        <source>There is no key to remove here.</source>
        <translation>此处没有可删除的关键帧。</translation>
    </message>
</context>
<context>
    <name>ps::ui::HeadPoseFields</name>
    <message>
        <source>Pitch</source>
        <translation>俯仰</translation>
    </message>
    <message>
        <source>Yaw</source>
        <translation>偏航</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>翻滚</translation>
    </message>
    <message>
        <source>Nods the head: positive looks down</source>
        <translation>点头：正值向下看</translation>
    </message>
    <message>
        <source>Turns the head: positive turns the nose to the picture&apos;s right</source>
        <translation>转头：正值使鼻子转向画面右侧</translation>
    </message>
    <message>
        <source>Tilts the head towards a shoulder</source>
        <translation>将头部向一侧肩膀倾斜</translation>
    </message>
    <message>
        <source>Head pose at playhead</source>
        <translation>播放头处的头部姿态</translation>
    </message>
    <message>
        <source>Key this angle at the playhead, or remove its key</source>
        <translation>在播放头处为此角度设置关键帧，或删除其关键帧</translation>
    </message>
</context>
<context>
    <name>HeadPoseGizmo</name>
    <message>
        <source>Pitch</source>
        <translation>俯仰</translation>
    </message>
    <message>
        <source>Yaw</source>
        <translation>偏航</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>翻滚</translation>
    </message>
    <message>
        <source>Trackball</source>
        <translation>轨迹球</translation>
    </message>
    <message>
        <source>Yaw %1° · Pitch %2°</source>
        <translation>偏航 %1° · 俯仰 %2°</translation>
    </message>
    <message>
        <source>%1 %2°</source>
        <translation>%1 %2°</translation>
    </message>
</context>
<context>
    <name>VisemeLaneEditor</name>
    <message>
        <source>rest</source>
        <translation>放松</translation>
    </message>
    <message>
        <source>M B P</source>
        <translation>闭唇</translation>
    </message>
    <message>
        <source>open</source>
        <translation>张开</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>咧开</translation>
    </message>
    <message>
        <source>round</source>
        <translation>圆唇</translation>
    </message>
    <message>
        <source>F V</source>
        <translation>咬唇</translation>
    </message>
    <message>
        <source>Rest (mouth at ease)</source>
        <translation>放松（嘴唇自然）</translation>
    </message>
    <message>
        <source>Closed (p, b, m)</source>
        <translation>闭合（p、b、m）</translation>
    </message>
    <message>
        <source>Open (a)</source>
        <translation>张开（a）</translation>
    </message>
    <message>
        <source>Wide (ee, s)</source>
        <translation>咧开（ee、s）</translation>
    </message>
    <message>
        <source>Rounded (oo, w)</source>
        <translation>圆唇（oo、w）</translation>
    </message>
    <message>
        <source>Teeth on lip (f, v)</source>
        <translation>齿压下唇（f、v）</translation>
    </message>
</context>
<context>
    <name>ps::ui::TranscriptDialog</name>
    <message>
        <source>Transcript</source>
        <translation>文字稿</translation>
    </message>
    <message>
        <source>What the voice says. The timeline&apos;s viseme row shows each word where it is spoken.</source>
        <translation>语音所说的内容。时间线的口型行会在每个词被说出的位置显示该词。</translation>
    </message>
    <message>
        <source>Type or paste the words, or load a text file</source>
        <translation>输入或粘贴文字，或载入文本文件</translation>
    </message>
    <message>
        <source>Load Text File…</source>
        <translation>载入文本文件…</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1: too large for a transcript (over 1 MB)</source>
        <translation>%1：作为文字稿过大（超过 1 MB）</translation>
    </message>
    <message>
        <source>%1: not a text file</source>
        <translation>%1：不是文本文件</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation>%1：不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>Load Transcript</source>
        <translation>载入文字稿</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
</context>
</TS>

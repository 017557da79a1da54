<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
</context>
</TS>

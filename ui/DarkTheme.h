// The studio's look: Qt's Fusion style with a dark palette, the convention of video and
// animation tools (a dark surround keeps the eye on the picture). Sizes come from the style and
// the font, never fixed pixels, so it scales on high-DPI screens.
#pragma once

class QApplication;

namespace ps::ui {

void applyDarkTheme(QApplication& app);

}  // namespace ps::ui

// Starts the studio's window: the application object, translations, settings and the main window.
#pragma once

namespace ps::ui {

// Runs the Qt event loop until the window closes; returns the process exit code. Arguments left
// after Qt's own (-style, -platform, ...) are files to open: photos and voices, in any order, as
// a file manager's "Open with" passes them.
int runStudio(int argc, char** argv);

}  // namespace ps::ui

// Starts the studio's window: the application object, translations, settings and the main window.
#pragma once

namespace ps::ui {

// Runs the Qt event loop until the window closes; returns the process exit code.
int runStudio(int argc, char** argv);

}  // namespace ps::ui

// portrait-studio: without arguments (or with files to open) the studio opens; with a subcommand
// it runs headless, so the command line works on machines without a display.
#include <string>
#include <vector>

#include "CommandLine.h"
#include "ui/StudioApp.h"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (ps::app::wantsStudio(args)) {
        return ps::ui::runStudio(argc, argv);
    }
    return ps::app::runCommandLine(args);
}

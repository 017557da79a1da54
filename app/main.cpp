// portrait-studio: without arguments the studio opens; with a subcommand it runs headless, so
// the command line works on machines without a display.
#include <string>
#include <vector>

#include "CommandLine.h"
#include "ui/StudioApp.h"

int main(int argc, char** argv) {
    if (argc <= 1) {
        return ps::ui::runStudio(argc, argv);
    }
    return ps::app::runCommandLine(std::vector<std::string>(argv + 1, argv + argc));
}

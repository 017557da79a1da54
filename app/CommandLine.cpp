#include "CommandLine.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "BlendshapeSheetCommand.h"
#include "RenderCommand.h"

namespace ps::app {

namespace {

void printUsage() {
    std::cout << "Portrait Studio " << PS_VERSION
              << " — audio-driven portrait animation\n"
                 "\n"
                 "Usage:\n"
                 "  portrait-studio [FILE...]        open the studio, with photos and voices\n"
                 "  portrait-studio render [options] render a photo and a voice to an MP4\n"
                 "  portrait-studio blendshapes --sheet OUT.png\n"
                 "                                   draw the 52 blendshapes on a contact sheet\n"
                 "  portrait-studio --version        print the version\n"
                 "  portrait-studio --help           print this help\n"
                 "  portrait-studio COMMAND --help   help for one command\n"
                 "\n"
                 "Exit codes: 0 success, 1 failure, 2 bad input, 3 no face found, "
                 "130 interrupted.\n";
}

}  // namespace

bool wantsStudio(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        std::error_code ec;
        if (arg.empty() || arg[0] == '-' || arg == "render" || arg == "blendshapes" ||
            arg == "help" || !std::filesystem::is_regular_file(std::filesystem::u8path(arg), ec)) {
            return false;
        }
    }
    return true;
}

void printError(const std::string& message) {
    std::string line = message;
    for (char& c : line) {
        if (c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    std::cerr << "error: " << line << std::endl;
}

int runCommandLine(const std::vector<std::string>& args) {
    if (args.empty()) {
        printUsage();
        return 0;
    }
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--version" || command == "-v") {
        std::cout << "portrait-studio " << PS_VERSION << std::endl;
        return 0;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage();
        return 0;
    }
    if (command == "render") {
        return runRenderCommand(rest);
    }
    if (command == "blendshapes") {
        return runBlendshapeSheetCommand(rest);
    }
    printError("unknown command '" + command + "' (try portrait-studio --help)");
    return 2;
}

}  // namespace ps::app

#include "CommandLine.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "BenchCommand.h"
#include "BlendshapeSheetCommand.h"
#include "FitCommand.h"
#include "MotionCommand.h"
#include "ProjectCommand.h"
#include "RenderCommand.h"
#include "TrackCommand.h"
#include "TrainVoiceCommand.h"

namespace ps::app {

namespace {

using Subcommand = int (*)(const std::vector<std::string>&);

// Every subcommand, once: what the dispatcher runs and what never counts as a file to open.
struct SubcommandEntry {
    const char* name;
    Subcommand run;
};
constexpr SubcommandEntry kSubcommands[] = {
    {"render", &runRenderCommand},
    {"fit", &runFitCommand},
    {"motion", &runMotionCommand},
    {"track", &runTrackCommand},
    {"train-voice", &runTrainVoiceCommand},
    {"blendshapes", &runBlendshapeSheetCommand},
    {"bench", &runBenchCommand},
    {"project", &runProjectCommand},
};

const SubcommandEntry* findSubcommand(const std::string& name) {
    for (const SubcommandEntry& entry : kSubcommands) {
        if (name == entry.name) {
            return &entry;
        }
    }
    return nullptr;
}

void printUsage() {
    std::cout << "Portrait Studio " << PS_VERSION
              << " — audio-driven portrait animation\n"
                 "\n"
                 "Usage:\n"
                 "  portrait-studio [FILE...]        open the studio, with photos and voices\n"
                 "  portrait-studio render [options] render a photo and a voice to an MP4\n"
                 "  portrait-studio render --project X.pstudio -o OUT.mp4\n"
                 "                                   render a project, with its edited motion\n"
                 "  portrait-studio project new|add-clip|import-csv|info|bake|smooth\n"
                 "                                   make and change projects (.pstudio)\n"
                 "  portrait-studio motion (--audio A | --project X) -o motion.csv|.json\n"
                 "                                   the face that goes with a voice, per frame\n"
                 "  portrait-studio track --video V -o motion.csv|.json [--face N]\n"
                 "                                   follow a face through a video, per frame\n"
                 "  portrait-studio fit --photo P -o FIT.json\n"
                 "                                   fit the face mesh to the photo's face\n"
                 "  portrait-studio blendshapes --sheet OUT.png\n"
                 "                                   draw the 52 blendshapes on a contact sheet\n"
                 "  portrait-studio train-voice -o DIR\n"
                 "                                   train the voice model (about an hour)\n"
                 "  portrait-studio bench [CASE]     measure speed (JSON lines)\n"
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
        if (arg.empty() || arg[0] == '-' || arg == "help" || findSubcommand(arg) ||
            !std::filesystem::is_regular_file(std::filesystem::u8path(arg), ec)) {
            return false;
        }
    }
    return true;
}

int failWith(const Error& error) {
    printError(error.message);
    return exitCodeFor(error.kind);
}

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::u8path(path).extension().u8string();
    for (char& c : ext) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return ext;
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
    if (const SubcommandEntry* subcommand = findSubcommand(command)) {
        return subcommand->run(rest);
    }
    printError("unknown command '" + command + "' (try portrait-studio --help)");
    return 2;
}

}  // namespace ps::app

#include "train/ExternalProgram.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

extern char** environ;

namespace ps::train {
namespace {

using Clock = std::chrono::steady_clock;

std::string systemError(const std::string& what) {
    return what + ": " + std::strerror(errno);
}

// Both ends close on exec, so children started at the same time on other threads do not keep
// this child's pipes open.
bool makePipe(std::array<int, 2>& fds) {
    return pipe2(fds.data(), O_CLOEXEC) == 0;
}

}  // namespace

Result<ProgramOutput> runProgram(const std::vector<std::string>& argv,
                                 std::chrono::milliseconds timeout) {
    if (argv.empty()) {
        return internalError("runProgram: no program given");
    }
    const std::string& name = argv.front();
    std::array<int, 2> out_pipe{-1, -1}, err_pipe{-1, -1};
    if (!makePipe(out_pipe) || !makePipe(err_pipe)) {
        return internalError(systemError(name + ": pipe"));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    std::vector<char*> args;
    for (const std::string& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, name.c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (spawned != 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        return internalError(name + ": cannot be started: " + std::strerror(spawned));
    }

    ProgramOutput output;
    const Clock::time_point deadline = Clock::now() + timeout;
    std::array<pollfd, 2> fds{pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
    std::array<std::string*, 2> sinks{&output.out, &output.err};
    bool timed_out = false;
    int open_count = 2;
    while (open_count > 0) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        const int ready = poll(fds.data(), fds.size(), int(left.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready < 0) {
            break;
        }
        for (size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            char buffer[65536];
            const ssize_t count = read(fds[i].fd, buffer, sizeof(buffer));
            if (count > 0) {
                sinks[i]->append(buffer, size_t(count));
            } else if (count == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            }
        }
    }
    for (pollfd& p : fds) {
        if (p.fd >= 0) {
            close(p.fd);
        }
    }
    if (timed_out) {
        kill(pid, SIGKILL);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out) {
        return internalError(name + ": did not finish within " + std::to_string(timeout.count()) +
                             " ms and was stopped");
    }
    if (WIFSIGNALED(status)) {
        return internalError(name + ": killed by signal " + std::to_string(WTERMSIG(status)));
    }
    output.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return output;
}

bool programExists(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
        if (access(candidate.c_str(), X_OK) == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace ps::train

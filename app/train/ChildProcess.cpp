#include "train/ChildProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <exception>

namespace ps::train {
namespace {

using Clock = std::chrono::steady_clock;

// The child's answer: [ok: u8][error kind: u8][size: u64][payload or error message].
constexpr size_t kHeaderBytes = 1 + 1 + sizeof(uint64_t);

std::string systemError(const char* call) {
    return std::string(call) + ": " + std::strerror(errno);
}

std::string frame(const Result<std::string>& result) {
    const std::string& payload = result ? result.value() : result.error().message;
    std::string message(kHeaderBytes, '\0');
    message[0] = result ? 1 : 0;
    message[1] = static_cast<char>(result ? ErrorKind::Unknown : result.error().kind);
    const uint64_t size = payload.size();
    std::memcpy(message.data() + 2, &size, sizeof(size));
    return message + payload;
}

bool writeAll(int fd, const std::string& bytes) {
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = write(fd, bytes.data() + written, bytes.size() - written);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count <= 0) {
            return false;
        }
        written += static_cast<size_t>(count);
    }
    return true;
}

[[noreturn]] void runChild(int answer_fd, const std::function<Result<std::string>()>& work) {
    // Descriptors inherited from the parent (other children's pipes among them) would keep those
    // pipes open for as long as this child lives.
    if (answer_fd > 3) {
        close_range(3, static_cast<unsigned>(answer_fd) - 1, 0);
    }
    close_range(static_cast<unsigned>(answer_fd) + 1, UINT_MAX, 0);
    Result<std::string> result = internalError("the child process failed");
    try {
        result = work();
    } catch (const std::exception& error) {
        result = internalError(std::string("the child process failed: ") + error.what());
    } catch (...) {
        result = internalError("the child process failed with an unknown exception");
    }
    _exit(writeAll(answer_fd, frame(result)) ? 0 : 1);
}

// Reads until `bytes` holds `wanted` bytes, the pipe closes, or the deadline passes.
enum class ReadEnd { Complete, Closed, TimedOut, Failed };
ReadEnd readUntil(int fd, std::string& bytes, size_t wanted, Clock::time_point deadline) {
    char buffer[65536];
    while (bytes.size() < wanted) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            return ReadEnd::TimedOut;
        }
        pollfd readable{fd, POLLIN, 0};
        const int ready =
            poll(&readable, 1, static_cast<int>(std::min<int64_t>(left.count(), INT_MAX)));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready < 0) {
            return ReadEnd::Failed;
        }
        if (ready == 0) {
            continue;  // the deadline check above ends the wait
        }
        const size_t room = std::min(sizeof(buffer), wanted - bytes.size());
        const ssize_t count = read(fd, buffer, room);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            return ReadEnd::Failed;
        }
        if (count == 0) {
            return ReadEnd::Closed;
        }
        bytes.append(buffer, static_cast<size_t>(count));
    }
    return ReadEnd::Complete;
}

std::string describeExit(int status) {
    if (WIFSIGNALED(status)) {
        return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
               strsignal(WTERMSIG(status)) + ")";
    }
    if (WIFEXITED(status)) {
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    }
    return "ended";
}

}  // namespace

Result<std::string> runInChildProcess(const std::function<Result<std::string>()>& work,
                                      std::chrono::milliseconds timeout) {
    const Clock::time_point deadline = Clock::now() + timeout;
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
        return internalError(systemError("pipe2"));
    }
    const pid_t pid = fork();
    if (pid < 0) {
        const std::string why = systemError("fork");
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        return internalError(why);
    }
    if (pid == 0) {
        close(pipe_fds[0]);
        runChild(pipe_fds[1], work);
    }
    close(pipe_fds[1]);

    std::string message;
    ReadEnd end = readUntil(pipe_fds[0], message, kHeaderBytes, deadline);
    uint64_t payload_size = 0;
    if (end == ReadEnd::Complete) {
        std::memcpy(&payload_size, message.data() + 2, sizeof(payload_size));
        end = readUntil(pipe_fds[0], message, kHeaderBytes + payload_size, deadline);
    }
    close(pipe_fds[0]);
    if (end != ReadEnd::Complete) {
        kill(pid, SIGKILL);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }

    switch (end) {
        case ReadEnd::Complete:
            break;
        case ReadEnd::TimedOut:
            return internalError("the child process did not answer within " +
                                 std::to_string(timeout.count()) + " ms and was killed");
        case ReadEnd::Closed:
            return internalError("the child process " + describeExit(status) +
                                 " before it answered");
        case ReadEnd::Failed:
            return internalError(systemError("reading the child process's answer"));
    }
    std::string payload = message.substr(kHeaderBytes);
    if (message[0] != 1) {
        return Error{static_cast<ErrorKind>(static_cast<unsigned char>(message[1])),
                     std::move(payload)};
    }
    return payload;
}

}  // namespace ps::train

#include "runtime/SilencedStderr.h"

#include <fcntl.h>
#include <cstdio>

#ifdef _WIN32
#include <io.h>
#define PS_DUP _dup
#define PS_DUP2 _dup2
#define PS_CLOSE _close
#define PS_OPEN _open
#define PS_NULL_DEVICE "NUL"
#else
#include <unistd.h>
#define PS_DUP dup
#define PS_DUP2 dup2
#define PS_CLOSE close
#define PS_OPEN open
#define PS_NULL_DEVICE "/dev/null"
#endif

namespace ps {

namespace {
constexpr int kStderrFd = 2;
}

SilencedStderr::SilencedStderr() {
    std::fflush(stderr);
    const int null_fd = PS_OPEN(PS_NULL_DEVICE, O_WRONLY);
    if (null_fd < 0) {
        return;  // nothing to silence with: leave stderr as it is
    }
    saved_fd_ = PS_DUP(kStderrFd);
    if (saved_fd_ >= 0) {
        PS_DUP2(null_fd, kStderrFd);
    }
    PS_CLOSE(null_fd);
}

SilencedStderr::~SilencedStderr() {
    if (saved_fd_ < 0) {
        return;
    }
    std::fflush(stderr);
    PS_DUP2(saved_fd_, kStderrFd);
    PS_CLOSE(saved_fd_);
}

}  // namespace ps

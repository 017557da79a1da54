// Image and audio libraries (libpng, libjpeg) print their own diagnostics straight to stderr,
// e.g. "libpng warning: iCCP: known incorrect sRGB profile". The command line promises one line
// per error, and the engine already reports every problem through its Result, so while a decoder
// runs the process's stderr goes to the null device.
#pragma once

namespace ps::app {

class SilencedStderr {
public:
    SilencedStderr();
    ~SilencedStderr();

    SilencedStderr(const SilencedStderr&) = delete;
    SilencedStderr& operator=(const SilencedStderr&) = delete;

private:
    int saved_fd_ = -1;
};

}  // namespace ps::app

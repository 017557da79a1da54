// Some libraries print their own diagnostics straight to stderr: libpng ("iCCP: known incorrect
// sRGB profile"), libjpeg, and PortAudio's ALSA and JACK back ends, which print hundreds of lines
// while probing a machine without a sound card. The engine reports every problem through its
// Result, and the command line promises one line per error, so while such a call runs the
// process's stderr goes to the null device. Process-wide: use it around short calls only.
#pragma once

namespace ps {

class SilencedStderr {
public:
    SilencedStderr();
    ~SilencedStderr();

    SilencedStderr(const SilencedStderr&) = delete;
    SilencedStderr& operator=(const SilencedStderr&) = delete;

private:
    int saved_fd_ = -1;
};

}  // namespace ps

#include "media/FfmpegError.h"

extern "C" {
#include <libavutil/error.h>
}

namespace ps {

std::string ffmpegErrorText(int averror) {
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(averror, buffer, sizeof(buffer)) < 0) {
        return "FFmpeg error " + std::to_string(averror);
    }
    return buffer;
}

}  // namespace ps

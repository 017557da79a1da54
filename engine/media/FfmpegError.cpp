#include "media/FfmpegError.h"

#include <mutex>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}

namespace ps {

std::string ffmpegErrorText(int averror) {
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(averror, buffer, sizeof(buffer)) < 0) {
        return "FFmpeg error " + std::to_string(averror);
    }
    return buffer;
}

void silenceFfmpegLogging() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_QUIET); });
}

}  // namespace ps

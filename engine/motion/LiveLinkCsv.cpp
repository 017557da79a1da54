#include "motion/LiveLinkCsv.h"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "runtime/AtomicFile.h"

namespace ps {

namespace {

// Head and eye angles, in the order Live Link Face writes them after the blendshapes.
constexpr const char* kAngleColumns[] = {"HeadYaw",     "HeadPitch",     "HeadRoll",
                                         "LeftEyeYaw",  "LeftEyePitch",  "LeftEyeRoll",
                                         "RightEyeYaw", "RightEyePitch", "RightEyeRoll"};
constexpr int kAngleCount = int(std::size(kAngleColumns));

std::string timecode(long long frame, double fps) {
    // Timecode counts whole frames per second: 24 for 23.976, 30 for 29.97.
    const long long per_second = std::max(1LL, (long long)std::ceil(fps - 1e-6));
    const long long seconds = frame / per_second;
    char text[96];  // room for any long long, so nothing is ever cut
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld:%02lld.000", seconds / 3600,
                  (seconds / 60) % 60, seconds % 60, frame % per_second);
    return text;
}

void appendNumber(std::string& out, double value) {
    char text[32];
    std::snprintf(text, sizeof text, ",%.6g", std::abs(value) < 5e-7 ? 0.0 : value);
    out += text;
}

}  // namespace

std::string liveLinkCsvHeader() {
    std::string header = "Timecode,BlendShapeCount";
    for (int i = 0; i < kBlendshapeCount; ++i) {
        std::string name(blendshapeName(static_cast<Blendshape>(i)));
        name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
        header += "," + name;
    }
    for (const char* column : kAngleColumns) {
        header += std::string(",") + column;
    }
    return header;
}

std::string liveLinkCsv(const FaceTrack& track) {
    std::string out = liveLinkCsvHeader() + "\n";
    out.reserve(out.size() + track.frames.size() * 400);
    const std::string count = "," + std::to_string(kBlendshapeCount + kAngleCount);
    for (size_t k = 0; k < track.frames.size(); ++k) {
        const FaceState& s = track.frames[k];
        out += timecode((long long)k, track.fps);
        out += count;
        for (float w : s.weights) {
            appendNumber(out, w);
        }
        // Yaw, pitch, roll: ours are stored pitch (x), yaw (y), roll (z).
        appendNumber(out, s.head_deg.y);
        appendNumber(out, s.head_deg.x);
        appendNumber(out, s.head_deg.z);
        appendNumber(out, s.left_eye_deg.x);
        appendNumber(out, s.left_eye_deg.y);
        appendNumber(out, 0.0);
        appendNumber(out, s.right_eye_deg.x);
        appendNumber(out, s.right_eye_deg.y);
        appendNumber(out, 0.0);
        out += "\n";
    }
    return out;
}

Status writeLiveLinkCsv(const FaceTrack& track, const std::string& path) {
    return writeFileAtomically(path, liveLinkCsv(track));
}

}  // namespace ps

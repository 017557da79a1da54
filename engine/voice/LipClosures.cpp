#include "voice/LipClosures.h"

#include <algorithm>
#include <cmath>

#include "voice/LipSeal.h"
#include "voice/VoiceModel.h"

namespace ps {

std::vector<LipClosure> findLipClosures(const std::vector<float>& closure, double frame_rate_hz,
                                        float threshold) {
    const size_t n = closure.size();
    // Local peaks at or above the threshold (the first frame of a plateau).
    std::vector<size_t> peaks;
    for (size_t i = 0; i < n; ++i) {
        const bool rises = i == 0 || closure[i] > closure[i - 1];
        const bool holds = i + 1 == n || closure[i] >= closure[i + 1];
        if (closure[i] >= threshold && rises && holds) {
            peaks.push_back(i);
        }
    }
    // Neighbouring peaks are one closure unless the output dips below half the lower between
    // them; then the higher stands for both.
    std::vector<size_t> kept;
    for (size_t p : peaks) {
        if (!kept.empty()) {
            const size_t q = kept.back();
            const float dip =
                *std::min_element(closure.begin() + long(q), closure.begin() + long(p));
            if (dip >= 0.5f * std::min(closure[p], closure[q])) {
                if (closure[p] > closure[q]) {
                    kept.back() = p;
                }
                continue;
            }
        }
        kept.push_back(p);
    }
    std::vector<LipClosure> events;
    for (size_t p : kept) {
        const float half = 0.5f * closure[p];
        size_t first = p, last = p;
        while (first > 0 && closure[first - 1] >= half && closure[first - 1] <= closure[first]) {
            --first;
        }
        while (last + 1 < n && closure[last + 1] >= half && closure[last + 1] <= closure[last]) {
            ++last;
        }
        events.push_back({double(first) / frame_rate_hz, double(last) / frame_rate_hz,
                          double(p) / frame_rate_hz, closure[p]});
    }
    return events;
}

std::vector<MouthWeights> mouthFrames(const MouthTrack& track, double fps, long long count,
                                      float threshold) {
    std::vector<MouthWeights> frames;
    frames.reserve(size_t(std::max(0LL, count)));
    for (long long k = 0; k < count; ++k) {
        frames.push_back(track.mouthAt(double(k) / fps));
    }
    if (fps <= 0.0) {
        return frames;
    }
    for (const LipClosure& e : findLipClosures(track.closure, track.frame_rate_hz, threshold)) {
        const long long first = std::max(0LL, (long long)std::ceil(e.start_s * fps - 1e-9));
        const long long last = std::min(count - 1, (long long)std::floor(e.end_s * fps + 1e-9));
        for (long long k = first; k <= last; ++k) {
            sealLips(frames[size_t(k)], 1.0f);
        }
        const long long nearest = std::llround(e.peak_s * fps);
        if (nearest >= 0 && nearest < count) {
            sealLips(frames[size_t(nearest)], 1.0f);
        }
    }
    return frames;
}

}  // namespace ps

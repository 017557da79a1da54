#include "motion/MotionCheck.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

#include "face/FaceMesh.h"
#include "motion/ApplyFaceState.h"
#include "motion/MotionEvaluator.h"
#include "voice/MouthChannels.h"

namespace ps {

namespace {

bool voiceClosesLips(const FaceState& voice, const MotionCheckSettings& settings) {
    const float press = (voice.weights[size_t(Blendshape::MouthPressLeft)] +
                         voice.weights[size_t(Blendshape::MouthPressRight)]) /
                        2.0f;
    return voice.speech >= settings.speaking_min && press >= settings.closed_min_press &&
           lipAperture(voice.weights) <= settings.closed_max_aperture;
}

// Appends the runs of frames with a value over `threshold` as issues of `kind`.
void collectRuns(const std::vector<float>& values, float threshold, MotionIssueKind kind,
                 double fps, std::vector<MotionIssue>& out) {
    const int count = int(values.size());
    for (int k = 0; k < count;) {
        if (!(values[size_t(k)] > threshold)) {
            ++k;
            continue;
        }
        MotionIssue issue;
        issue.kind = kind;
        issue.fps = fps;
        issue.first_frame = k;
        while (k < count && values[size_t(k)] > threshold) {
            issue.peak = std::max(issue.peak, values[size_t(k)]);
            ++k;
        }
        issue.end_frame = k;
        issue.severity = threshold > 0.0f ? issue.peak / threshold : 1.0f;
        out.push_back(issue);
    }
}

}  // namespace

float innerLipGapMm(const FaceFit& photo_fit, const FaceState& state) {
    const FaceFit target = applyFaceState(photo_fit, state);
    std::vector<glm::vec3> local =
        faceLocalVertices(target.identity, target.expression, target.shape_detail_cm);
    if (target.vertex_offsets_cm.size() == local.size()) {
        for (size_t i = 0; i < local.size(); ++i) {
            local[i] += target.vertex_offsets_cm[i];
        }
    }
    const float gap_cm = local[landmark::kUpperInnerLip].y - local[landmark::kLowerInnerLip].y;
    return gap_cm * 10.0f;
}

std::vector<MotionIssue> checkMotion(const FaceTrack& motion, const FaceTrack& voice,
                                     const FaceFit& photo_fit,
                                     const MotionCheckSettings& settings) {
    std::vector<MotionIssue> issues;
    const size_t count = motion.frames.size();
    if (count == 0 || motion.fps <= 0.0) {
        return issues;
    }
    const double fps = motion.fps;

    // Lips apart: only the frames the voice closes are put onto the face (the costly part).
    std::vector<float> gap_mm(count, 0.0f);
    if (!voice.frames.empty()) {
        for (size_t k = 0; k < count; ++k) {
            if (voiceClosesLips(sampleTrack(voice, double(k) / fps), settings)) {
                gap_mm[k] = innerLipGapMm(photo_fit, motion.frames[k]);
            }
        }
    }

    // Jitter: the second difference per frame, as the larger of the head's and the jaw's
    // acceleration each over its own threshold (so one threshold of 1 flags either).
    std::vector<float> jerk(count, 0.0f);
    std::vector<float> head_peak(count, 0.0f), jaw_peak(count, 0.0f);
    const float fps2 = float(fps * fps);
    for (size_t k = 1; k + 1 < count; ++k) {
        const FaceState& a = motion.frames[k - 1];
        const FaceState& b = motion.frames[k];
        const FaceState& c = motion.frames[k + 1];
        const float head = glm::length(a.head_deg - 2.0f * b.head_deg + c.head_deg) * fps2;
        const auto jaw_of = [](const FaceState& s) {
            const size_t j = size_t(Blendshape::JawOpen);
            return s.weights[j] + s.added[j];
        };
        const float jaw = std::abs(jaw_of(a) - 2.0f * jaw_of(b) + jaw_of(c)) * fps2;
        head_peak[k] = head;
        jaw_peak[k] = jaw;
        jerk[k] = std::max(head / settings.head_max_deg_s2, jaw / settings.jaw_max_per_s2);
    }

    collectRuns(gap_mm, settings.lips_apart_mm, MotionIssueKind::LipsApart, fps, issues);
    std::vector<MotionIssue> jitter;
    collectRuns(jerk, 1.0f, MotionIssueKind::Jitter, fps, jitter);
    for (MotionIssue& issue : jitter) {
        // Report the peak in the unit of whichever motion is over its threshold the most.
        float head = 0.0f, jaw = 0.0f;
        for (int k = issue.first_frame; k < issue.end_frame; ++k) {
            head = std::max(head, head_peak[size_t(k)]);
            jaw = std::max(jaw, jaw_peak[size_t(k)]);
        }
        issue.peak = head / settings.head_max_deg_s2 >= jaw / settings.jaw_max_per_s2 ? head : jaw;
        issues.push_back(issue);
    }
    std::stable_sort(issues.begin(), issues.end(), [](const MotionIssue& x, const MotionIssue& y) {
        return x.first_frame < y.first_frame;
    });
    return issues;
}

std::vector<MotionIssue> checkMotion(const MotionDocument& document, const MotionSources& sources,
                                     FrameRate fps, const FaceFit& photo_fit,
                                     const MotionCheckSettings& settings) {
    return checkMotion(motionTrack(document, sources, fps), sources.voice.track, photo_fit,
                       settings);
}

}  // namespace ps

// Checks of a finished motion that a viewer would notice: lips left apart where the voice closes
// them (p, b, m), and frames whose head or jaw jerks faster than a face moves. Reads the final
// per-frame motion (motionTrack) against the voice's own track; pure and without Qt, so the
// studio can run it on a worker over a snapshot.
#pragma once

#include <vector>

#include "face/FaceFit.h"
#include "media/FrameRate.h"
#include "motion/FaceTrack.h"
#include "motion/MotionDocument.h"
#include "motion/MotionSources.h"

namespace ps {

enum class MotionIssueKind {
    None = 0,
    LipsApart,  // the voice closes the lips and the final motion leaves them open
    Jitter,     // the head or the jaw accelerates faster than a face does
};

// A run of consecutive flagged frames of one kind.
struct MotionIssue {
    MotionIssueKind kind = MotionIssueKind::None;
    int first_frame = 0;
    int end_frame = 0;  // one past the last flagged frame
    double fps = 25.0;  // of the checked track, so the range reads as time
    // The worst value in the range in the check's own unit: LipsApart the inner lips' gap (mm),
    // Jitter the acceleration over its threshold's (head °/s² or jaw weight/s²), see `peak_unit`.
    float peak = 0.0f;
    // How far over the threshold the worst frame is: peak / threshold, so 1 is just flagged and
    // 2 twice as bad. Comparable across kinds.
    float severity = 0.0f;

    double start_s() const { return fps > 0.0 ? first_frame / fps : 0.0; }
    double end_s() const { return fps > 0.0 ? end_frame / fps : 0.0; }
};

struct MotionCheckSettings {
    // The voice means the lips to be shut where, while speaking, its own mouth is sealed: the
    // aperture (lipAperture) at most this and the lips pressed (mean mouthPress) at least
    // `closed_min_press`. The voice seals its output for a sure closure (LipSeal: press at least
    // 0.3, aperture 0), so these accept a seal about two-thirds of the way or more.
    float closed_max_aperture = 0.05f;
    float closed_min_press = 0.2f;
    float speaking_min = 0.5f;
    // Inner lips (13 above 14) further apart than this read as open on screen: 1.5 mm is about
    // a pixel and a half on a face 300 px tall, the smallest gap that shows as a dark line.
    float lips_apart_mm = 1.5f;
    // Head: a nod of 5° at 2 Hz peaks at 5·(2π·2)² ≈ 790 °/s² and a brisk one of 8° at 2.5 Hz at
    // ≈ 1970 °/s², so 2000 passes every nod a speaker makes while a one-frame pop of 1.6° at
    // 25 fps (2·1.6·25² = 2000) is flagged.
    float head_max_deg_s2 = 2000.0f;
    // Jaw: syllables at 6 Hz opening the jaw by 0.3 peak at 0.15·(2π·6)² ≈ 210 /s²; fast speech
    // stays under 500. 800 flags a one-frame pop of 0.64 at 25 fps or 0.11 at 60 fps.
    float jaw_max_per_s2 = 800.0f;
};

// Flags the frames of `motion` (the final motion) against `voice` (the voice source's own
// track, sampled at the motion's frame times) on the face fitted to the photo. Issues come in
// frame order, LipsApart before Jitter where both start on one frame.
std::vector<MotionIssue> checkMotion(const FaceTrack& motion, const FaceTrack& voice,
                                     const FaceFit& photo_fit,
                                     const MotionCheckSettings& settings = {});

// The same for a document: its motionTrack at `fps` against its voice source.
std::vector<MotionIssue> checkMotion(const MotionDocument& document, const MotionSources& sources,
                                     FrameRate fps, const FaceFit& photo_fit,
                                     const MotionCheckSettings& settings = {});

// The inner lips' gap (mm, upper 13 minus lower 14, face-local) of `state` on `photo_fit`:
// about 0 when they meet, negative never by more than the mesh's pressing.
float innerLipGapMm(const FaceFit& photo_fit, const FaceState& state);

}  // namespace ps

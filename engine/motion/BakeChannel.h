// "Bake to keys": one channel's final value, as every layer makes it, turned into an overriding
// keyframe curve a person can edit. The value baked is what the document finally says on each
// frame of the project's grid (finalChannelValue: what `motion --project` exports), so after the
// bake the channel looks as it did and every later edit starts from what was seen.
//
// The keys are linear and sit on frames, at the frame's own value; fewestLinearKeys picks the
// smallest such set whose lines stay within the tolerance of every frame.
#pragma once

#include <vector>

#include "media/FrameRate.h"
#include "motion/FaceTrack.h"
#include "motion/MotionDocument.h"
#include "motion/MotionEdit.h"
#include "motion/MotionSources.h"
#include "runtime/Result.h"

namespace ps {

// A channel's value in a state as the document finally has it: for a blendshape its absolute
// weight (weights + added, clamped to 0..1, as absoluteWeightsTrack gives it), for an angle its
// degrees.
float finalChannelValue(const FaceState& state, int channel);

// The fewest keys, each on one of the samples (t_s sorted, strictly increasing; values the same
// length) and holding that sample's value, such that the keys read with evaluateKeys (Linear)
// are within `tolerance` of every sample; the first and last samples are always keys. A
// breadth-first search over "key i can be followed by key j" (tested in one sweep from i that
// narrows the window of slopes the line may take), so the number of keys is the least possible
// for keys placed on samples; cost about n·L, L the most samples one line covers outside runs of
// equal values (pauses, which the sweep jumps over): 10 minutes at 60 fps take milliseconds. Any
// sample that float rounding in evaluateKeys (or the evaluator's mixing) could push past the
// tolerance becomes a key too, so the guarantee holds for the curve as the evaluator reads it; a
// tolerance finer than a float's precision keeps every sample. Empty for no samples.
std::vector<Keyframe> fewestLinearKeys(const std::vector<double>& t_s,
                                       const std::vector<float>& values, float tolerance);

struct ChannelBake {
    // One EditGroup: removes the Override curves on the channel that lie wholly inside the baked
    // span (the new curve hides them completely there and they do nothing outside it; the first
    // one's id is reused, so a bake done again replaces the last one), then appends the new
    // Override curve after every other curve, so nothing evaluated later changes the channel.
    MotionEdit edit;
    ElementId curve = 0;              // the baked curve's id once the edit is applied
    std::vector<ElementId> replaced;  // the Override curves the edit removes
    size_t frame_count = 0;           // frames sampled
    size_t key_count = 0;             // keys of the baked curve
    double first_frame_s = 0.0;       // the curve's span: its first and last key
    double last_frame_s = 0.0;
    float largest_error = 0.0f;  // the largest |curve − frame| over the frames
};

// What a bake keeps when no tolerance is asked for, in the channel's unit: a hundredth of a weight
// is below what the eye tells apart on a face; a tenth of a degree likewise for a turn. The command
// line's and the studio's default.
constexpr float kDefaultBakeWeightTolerance = 0.01f;
constexpr float kDefaultBakeAngleTolerance_deg = 0.1f;
float defaultBakeTolerance(int channel);

// Bakes `channel` over the frames of `fps` that lie in [from_s, to_s] and in the document's
// export (frame k at k / fps for k < frameCountFor(duration), as motionTrack places them, each
// evaluated with the frame's duration so blinks read as they export). Outside the first and last of
// those frames the document evaluates exactly as before (an Override curve acts only between its
// keys); on them the channel is within `tolerance` (the channel's unit: weight or degrees; 0 keeps
// every frame) of what it was, give or take the evaluator's float rounding (~1e-7). BadInput for an
// unknown channel, an invalid rate, a range that is not finite, negative, reversed or past the
// document's duration, one without a frame, or a tolerance below 0.
Result<ChannelBake> bakeChannel(const MotionDocument& document, const MotionSources& sources,
                                int channel, double from_s, double to_s, FrameRate fps,
                                float tolerance);

}  // namespace ps

// Which layers of a motion document make each channel's value at a moment: what the Blendshape
// panel names beside a slider ("voice", "clip “smile”", "key"). It follows the evaluator's order
// (MotionEvaluator) and its rules for when a layer acts, without mixing values: a layer
// contributes when it changes the channel (adds something other than zero, or overrides it), and
// a layer that overrides a channel completely hides the ones beneath it, so they are left out.
// Pure and cheap (one pass over the layers for all channels at once); safe on any thread.
#pragma once

#include <array>
#include <vector>

#include "motion/MotionChannel.h"
#include "motion/MotionDocument.h"
#include "motion/MotionSources.h"

namespace ps {

enum class MotionLayer {
    None = 0,
    Voice,    // the voice's derived track (layer 1)
    Idle,     // blinks and sway (layer 2)
    Clip,     // an expression or pose clip (layer 3)
    Capture,  // a Live Link Face recording (layer 4)
    Curve,    // a keyframe curve (layer 5)
};

struct ChannelContribution {
    MotionLayer layer = MotionLayer::None;
    ElementId id = 0;  // the clip, capture or curve; 0 for the voice and idle layers
    BlendMode blend = BlendMode::Add;
    bool operator==(const ChannelContribution& o) const {
        return layer == o.layer && id == o.id && blend == o.blend;
    }
    bool operator!=(const ChannelContribution& o) const { return !(*this == o); }
};

// Per channel, the layers acting on it at t, bottom to top; empty when nothing moves it.
using ChannelContributions = std::array<std::vector<ChannelContribution>, kMotionChannelCount>;

// Amounts smaller than this are no contribution (a clip whose channel is 0, a fade's last tail).
constexpr float kContributionEpsilon = 1e-4f;

ChannelContributions channelContributions(const MotionDocument& document,
                                          const MotionSources& sources, double t_s);

// The top of `contributions`: the layer that drives the channel; a None contribution when none.
ChannelContribution drivingLayer(const std::vector<ChannelContribution>& contributions);

}  // namespace ps

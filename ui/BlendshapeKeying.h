// The edits the Blendshape panel makes, as values: keys set at the playhead on a channel's own
// curve (the first enabled curve of that channel with the blend the panel keys: Override for
// keys, Add for offsets), a curve made for it when there is none, and keys removed again. New
// curves go to the end of the document's curves, so they act over every other layer. No widgets;
// the panel applies these through the session.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "motion/MotionEdit.h"

namespace ps::ui {

// Keys closer than this are one key (as SetKeyframe finds them).
constexpr double kSameKeyTime_s = 1e-6;

// The first enabled curve on `channel` with `blend`; nullptr when there is none.
const ps::KeyframeCurve* panelCurve(const ps::MotionDocument& document, int channel,
                                    ps::BlendMode blend);
// The key of `curve` at t, or nullptr.
const ps::Keyframe* keyAt(const ps::KeyframeCurve& curve, double t_s);
// Whether an enabled curve on `channel` (of `blend`, or of any blend when none is given) has a
// key at t.
bool channelHasKeyAt(const ps::MotionDocument& document, int channel, double t_s,
                     std::optional<ps::BlendMode> blend = std::nullopt);

// `curve` with `value` at t: the key there takes the value; a new key keeps the interpolation of
// the segment it splits, as a key added on the timeline does.
ps::KeyframeCurve withKeyAt(ps::KeyframeCurve curve, double t_s, float value);

struct ChannelValue {
    int channel = 0;
    float value = 0.0f;
};

// Keys every channel at t on its panel curve of `blend`: the curve replaced with the key in it,
// or a new curve inserted holding just that key (ids from document.next_id on). One group.
ps::EditGroup keyChannels(const ps::MotionDocument& document,
                          const std::vector<ChannelValue>& values, double t_s, ps::BlendMode blend,
                          std::string label);

// Removes the keys at t from the enabled curves of `channels` (of `blend`, or all of them), and
// a curve left without keys with its key. An empty group when no such key exists.
ps::EditGroup removeKeysAt(const ps::MotionDocument& document, const std::vector<int>& channels,
                           double t_s, std::optional<ps::BlendMode> blend, std::string label);

}  // namespace ps::ui

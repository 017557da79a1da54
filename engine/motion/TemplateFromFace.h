// An expression template made from a face: what "Save Current Face as Template…" stores. The
// creator picks which parts of the face to keep (the brows and mouth of a look, without the
// head's turn at that moment); each chosen channel becomes one constant key, added to the face
// beneath like the built-in expressions.
#pragma once

#include <string>
#include <vector>

#include "motion/ExpressionTemplate.h"
#include "motion/FaceTrack.h"

namespace ps {

// Parts of the face, each a set of channels (MotionChannel).
enum class ChannelGroup {
    None = 0,
    Brows,       // browDown*, browInnerUp, browOuterUp*
    Eyes,        // blinks, squints, wide eyes
    Gaze,        // eyeLook* and the eyes' yaw and pitch
    CheeksNose,  // cheekPuff, cheekSquint*, noseSneer*
    Mouth,       // mouthClose … mouthUpperUpRight
    Jaw,         // jawForward, jawLeft, jawRight, jawOpen
    Tongue,      // tongueOut
    Head,        // the head's pitch, yaw and roll
};

// Every group but None, in the order above.
std::vector<ChannelGroup> allChannelGroups();
// What a saved face keeps unless the creator says otherwise: all but the gaze and the head,
// which belong to the moment rather than to the expression.
std::vector<ChannelGroup> defaultTemplateGroups();
// The group a channel belongs to; None outside the channels.
ChannelGroup channelGroupOf(int channel);

// A constant expression (kind Expression, blend Add, no duration) with one key per channel of
// `groups`: the state's value, with its `added` speech shapes folded into the weights, kept in
// the channel's range and rounded to a thousandth. Channels at 0 are left out, since adding 0
// does nothing. The name is not checked here; the library checks it when saving.
ExpressionTemplate templateFromFace(const FaceState& state, const std::vector<ChannelGroup>& groups,
                                    const std::string& name, const std::string& description);

}  // namespace ps

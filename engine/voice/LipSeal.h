// Lips together for p, b and m: the one mouth shape speech must get exactly right, since lips
// that nearly meet read as lips that never closed. The training targets seal the lips over
// every bilabial, and the voice model, which also predicts how surely the lips are closed,
// seals its own output the same way, so a closure is never smoothed away.
#pragma once

#include "voice/MouthChannels.h"

namespace ps {

// The same mouth with the lips sealed: the jaw nearly shut, mouthClose cancelling what remains
// of its opening and pressing a little beyond it (so a mouth a little off still has its lips
// together), neither lip pulled away, a funnel (which parts the lips) mostly undone and the
// lips pressed at least as lightly as for an m (a p or b pressed harder keeps its press).
// Rounding and spreading stay, so an m before u is rounded.
MouthWeights sealedLips(MouthWeights weights);
// The same with `margin` instead of the usual press beyond closed.
MouthWeights sealedLips(MouthWeights weights, float margin);

// Moves `weights` towards the sealed mouth by `amount` (0 none, 1 exactly sealedLips(weights)).
void sealLips(MouthWeights& weights, float amount);

// How far to seal for the voice model's lip-closure output (0..1): none below 0.35, fully from
// 0.65, smoothly between, so an uncertain frame is not forced shut.
float sealAmountForClosure(float closure);

}  // namespace ps

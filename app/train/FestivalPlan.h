// Which utterances festival's and flite's voices say for the voice model (FestivalSpeech.h):
// a seeded list covering the part's voices evenly, each sentence from the voice's corpus language
// at a random speaking rate, with a fixed held-out split.
//
// The held-out voices: czech_machac (Czech, male), hy_fi_mv_diphone (Finnish, male), pc_diphone
// (Italian, male) and flite's rms (US English, male): a second speaker of every language the
// training voices speak, so the held-out score is of new people, not of new sounds. Training
// uses the rest: ked_diphone (US English), czech_dita (Czech, female), suo_fi_lj_diphone
// (Finnish, female), lp_diphone (Italian, female) and flite's awb (Scottish English). The
// reserved cmu_us_slt and kal voices are in neither.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/Result.h"
#include "train/UtterancePlan.h"

namespace ps::train {

const std::vector<std::string>& festivalHeldOutVoices();

// The voices of `part` (FestivalTraining or FestivalHeldOutVoices), in festivalVoices()' order.
std::vector<std::string> festivalPartVoices(PlanPart part);

// Duration stretch drawn uniformly from this range: from about 125 to 230 words per minute.
constexpr double kMinFestivalStretch = 0.75;
constexpr double kMaxFestivalStretch = 1.35;

// `count` utterances of `part`, the voices in a shuffled order, all before any repeats.
// BadInput for an espeak-ng part, or when a voice of the part is not installed (naming its
// Debian package).
Result<std::vector<PlannedUtterance>> planFestivalUtterances(PlanPart part, size_t count,
                                                             uint64_t seed);

}  // namespace ps::train

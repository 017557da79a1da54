#include "motion/UneditedMotion.h"

namespace ps {

MotionDocument voiceOnlyMotion(const MotionDocument& document) {
    MotionDocument unedited;
    unedited.duration_s = document.duration_s;
    unedited.voice = document.voice;
    unedited.idle = document.idle;
    // The idle track is made for this rate (MotionSources); the other strengths scale edits.
    unedited.strengths.blink_rate = document.strengths.blink_rate;
    unedited.next_id = document.next_id;
    return unedited;
}

}  // namespace ps

#include "motion/TemplatePreview.h"

#include <cmath>

#include "motion/MotionChannel.h"
#include "motion/MotionDocument.h"
#include "motion/MotionEvaluator.h"
#include "motion/MotionSources.h"

namespace ps {

namespace {

// Enough samples to land within a frame of a nod's deepest point.
constexpr int kPeakSamples = 60;

float headTurn_deg(const ExpressionTemplate& expression, double local_t_s) {
    ChannelValues values{};
    applyTemplate(expression, local_t_s, 1.0f, values.data());
    return std::abs(values[kHeadPitchChannel]) + std::abs(values[kHeadYawChannel]) +
           std::abs(values[kHeadRollChannel]);
}

}  // namespace

double templatePeakTime(const ExpressionTemplate& expression) {
    if (expression.duration_s <= 0.0) {
        return 0.0;
    }
    double best_t = 0.0;
    float best = -1.0f;
    for (int i = 0; i <= kPeakSamples; ++i) {
        const double t = expression.duration_s * double(i) / kPeakSamples;
        const float turn = headTurn_deg(expression, t);
        if (turn > best) {
            best = turn;
            best_t = t;
        }
    }
    return best_t;
}

FaceState templatePreviewState(const ExpressionTemplate& expression) {
    const double peak_s = templatePeakTime(expression);
    MotionDocument document;
    document.voice.enabled = false;
    document.idle.enabled = false;
    document.duration_s = peak_s + 1.0;
    ExpressionClip clip;
    clip.expression = expression;
    clip.expression.repeat = false;
    clip.start_s = 0.0;
    clip.duration_s = document.duration_s;
    clip.fade_in_s = 0.0;
    clip.fade_out_s = 0.0;
    document.clips.push_back(clip);
    const MotionSources sources{silentVoiceSource(document.duration_s), IdleSource{}};
    return evaluateMotion(document, sources, peak_s);
}

}  // namespace ps

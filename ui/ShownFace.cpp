#include "ui/ShownFace.h"

#include "motion/ApplyFaceState.h"
#include "motion/MotionEvaluator.h"
#include "ui/PreviewEngine.h"

namespace ps::ui {

std::optional<ps::FaceFit> shownFace(const PreviewEngine& engine,
                                     const ps::MotionDocument& playback_motion, double t_s,
                                     double frame_duration_s) {
    const std::shared_ptr<const ps::PreviewScene> scene = engine.scene();
    const std::shared_ptr<const ps::MotionSources> sources = engine.sources();
    if (scene == nullptr || sources == nullptr) {
        return std::nullopt;
    }
    const ps::FaceState state =
        ps::evaluateMotion(playback_motion, *sources, t_s, frame_duration_s);
    return ps::applyFaceState(scene->fit(), state);
}

}  // namespace ps::ui

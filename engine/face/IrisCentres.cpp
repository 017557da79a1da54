#include "face/IrisCentres.h"

#include "face/Camera.h"
#include "face/FaceMesh.h"
#include "face/HeadPose.h"

namespace ps {

namespace {

struct EyeCorners {
    int outer;
    int inner;
};

EyeCorners cornersOf(EyeSide side) {
    return side == EyeSide::Right ? EyeCorners{landmark::kRightEyeOuter, landmark::kRightEyeInner}
                                  : EyeCorners{landmark::kLeftEyeOuter, landmark::kLeftEyeInner};
}

}  // namespace

void setIrisCentres(FaceFit& fit, const IrisLandmarks& irises) {
    if (fit.vertices.size() != size_t(kFaceVertexCount)) {
        return;
    }
    const PerspectiveCamera camera;
    const glm::quat to_local = glm::inverse(toQuat(fit.pose));
    fit.iris_centres_cm.clear();
    for (EyeSide side : {EyeSide::Right, EyeSide::Left}) {
        const EyeLandmarks& eye = side == EyeSide::Right ? irises.right_eye : irises.left_eye;
        const EyeCorners c = cornersOf(side);
        const glm::vec3 middle =
            0.5f * (fit.vertices[size_t(c.outer)] + fit.vertices[size_t(c.inner)]);
        // The iris seen where the network put it, at the depth of its eye's corners.
        const glm::vec3 iris =
            camera.unproject({eye.iris_centre.x, eye.iris_centre.y}, middle.z, fit.image_size);
        const glm::vec3 local_iris = to_local * (iris - fit.pose.translation);
        fit.iris_centres_cm.push_back(local_iris);
    }
}

glm::vec2 eyeCentrePx(const FaceFit& fit, EyeSide side) {
    const size_t index = side == EyeSide::Right ? 0 : 1;
    if (fit.iris_centres_cm.size() == 2) {
        const glm::vec3 camera_point =
            toQuat(fit.pose) * fit.iris_centres_cm[index] + fit.pose.translation;
        return PerspectiveCamera().project(camera_point, fit.image_size);
    }
    const EyeCorners c = cornersOf(side);
    return 0.5f * (fit.landmarks2d[size_t(c.outer)] + fit.landmarks2d[size_t(c.inner)]);
}

}  // namespace ps

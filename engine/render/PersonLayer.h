// The person cut out of the part of the photo the renderer changes, so that the warp can move
// the person over a still background. It is kept premultiplied: each pixel's colour is the
// person's share of it, the photo less the background's share (alpha × the background plate),
// so that warping it with its alpha and adding the plate's share back gives the photo itself
// wherever the warp does not move, soft outline included, and clean hair edges over the plate
// wherever it does. Immutable once built; layOverPlate() is safe from several threads.
#pragma once

#include <opencv2/core/mat.hpp>

namespace ps {

class PersonLayer {
public:
    PersonLayer() = default;  // no person: empty()
    // `photo_bgr`: CV_8UC3; `person`: CV_8UC1 of the same size, 255 on the person, 0 on the
    // background. The layer's alpha is the person grown by `grow_px` with a soft edge (a mask a
    // little tight would leave slivers of the person behind), and the plate is filled under it
    // (backgroundPlate, growing it again by as much).
    PersonLayer(const cv::Mat& photo_bgr, const cv::Mat& person, int grow_px);

    bool empty() const { return layer_.empty(); }
    // CV_8UC4: the person's share of each pixel's colour (BGR, premultiplied) and the person's
    // level (alpha), in one image so that one warp moves both alike.
    const cv::Mat& layer() const { return layer_; }
    const cv::Mat& alpha() const { return alpha_; }  // CV_8UC1, layer()'s alpha alone
    const cv::Mat& plate() const { return plate_; }  // CV_8UC3, backgroundPlate()

    // `warped`: layer() warped into the layer's frame of pixels (same size). Writes into `frame`
    // (CV_8UC3, same size) the person laid over the plate.
    void layOverPlate(const cv::Mat& warped, cv::Mat& frame) const;

private:
    cv::Mat layer_, alpha_, plate_;
};

}  // namespace ps

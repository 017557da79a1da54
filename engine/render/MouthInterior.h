// The inside of the mouth. Teeth the photo shows are reused: the upper row moves with the skull
// and the lower row with the jaw, so opening the jaw parts them. Whatever the photo cannot
// supply (a mouth opened wider than in the photo, or a photo with closed lips) is painted: a
// dark oral cavity shaded towards the back, upper and lower teeth, and a hint of tongue, in
// colours taken from the photo's own lips and skin so they sit in its light. Lips that close
// leave no opening, so no teeth show through. Immutable once built; draw() is safe from
// several threads.
#pragma once

#include <glm/vec2.hpp>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace ps {

class MouthInterior {
public:
    MouthInterior() = default;
    // `source_landmarks`: the photo's 468 fitted landmarks.
    MouthInterior(const cv::Mat& photo, const std::vector<glm::vec2>& source_landmarks);

    // Paints the opening between `target_landmarks`' inner lips into `frame` (anti-aliased over
    // one pixel), writing only inside `clip`.
    void draw(const cv::Mat& photo, const std::vector<glm::vec2>& target_landmarks, cv::Mat& frame,
              cv::Rect clip) const;

    // How much of the photo's own mouth opening each jaw's row of teeth covers, in square
    // pixels: 0 for closed lips (then the teeth are painted).
    float upperArea() const { return upper_area_; }
    float lowerArea() const { return lower_area_; }

private:
    std::vector<glm::vec2> source_;
    // The photo's opening, split where the upper and lower lips' halves meet: 1 inside that
    // half, 0 outside (CV_32FC1 over parts_origin_ + their size; read bilinearly, so the
    // edge between the photo's teeth and the painted inside stays soft).
    cv::Mat upper_mask_, lower_mask_;
    cv::Point parts_origin_;
    float upper_area_ = 0.0f, lower_area_ = 0.0f;
    cv::Vec3f cavity_, teeth_, tongue_;  // BGR
};

}  // namespace ps

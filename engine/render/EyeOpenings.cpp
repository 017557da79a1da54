#include "render/EyeOpenings.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "face/FaceContours.h"
#include "face/FaceMesh.h"
#include "render/PixelSampling.h"

namespace ps {

namespace {

cv::Point2f point(const glm::vec2& p) {
    return {p.x, p.y};
}

// The face's downward direction in the frame: from the forehead's top to the chin.
cv::Point2f faceDown(const std::vector<glm::vec2>& landmarks) {
    const glm::vec2 d = landmarks[landmark::kChin] - landmarks[landmark::kForeheadTop];
    return cv::Point2f(d.x, d.y);
}

template <size_t N>
void drawOpening(const std::array<int, N>& loop, int outer, int inner, const cv::Mat& photo,
                 const std::vector<glm::vec2>& source, const std::vector<glm::vec2>& target,
                 cv::Mat& frame, cv::Rect clip) {
    std::vector<cv::Point2f> polygon;
    for (int i : loop) {
        polygon.push_back(point(target[i]));
    }
    uncrossOpening(polygon, faceDown(target), kClosedGapPx);
    if (std::abs(polygonArea(polygon)) < 0.25f) {
        return;  // closed: the lids cover it all
    }
    const Affine2 to_source = fitSimilarity(point(target[outer]), point(target[inner]),
                                            point(source[outer]), point(source[inner]));
    const cv::Rect box = cv::boundingRect(polygon) + cv::Size(2, 2) - cv::Point(1, 1);
    const cv::Rect area = box & clip;
    for (int y = area.y; y < area.y + area.height; ++y) {
        cv::Vec3b* row = frame.ptr<cv::Vec3b>(y);
        for (int x = area.x; x < area.x + area.width; ++x) {
            const float alpha =
                std::clamp(signedDistance(polygon, {float(x), float(y)}) + 0.5f, 0.0f, 1.0f);
            if (alpha <= 0.0f) {
                continue;
            }
            const cv::Point2f s = to_source(float(x), float(y));
            const cv::Vec3f eye = sampleBilinear(photo, s.x, s.y);
            for (int c = 0; c < 3; ++c) {
                row[x][c] = cv::saturate_cast<uchar>(alpha * eye[c] + (1.0f - alpha) * row[x][c]);
            }
        }
    }
}

}  // namespace

void drawEyeOpenings(const cv::Mat& photo, const std::vector<glm::vec2>& source_landmarks,
                     const std::vector<glm::vec2>& target_landmarks, cv::Mat& frame,
                     cv::Rect clip) {
    drawOpening(contour::kRightEye, landmark::kRightEyeOuter, landmark::kRightEyeInner, photo,
                source_landmarks, target_landmarks, frame, clip);
    drawOpening(contour::kLeftEye, landmark::kLeftEyeOuter, landmark::kLeftEyeInner, photo,
                source_landmarks, target_landmarks, frame, clip);
}

}  // namespace ps

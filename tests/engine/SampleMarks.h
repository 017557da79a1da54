// Where people put a face's key points on the public-domain portraits the face networks and the
// photo fit are measured against: the pupils, the nose's most forward point, the mouth corners,
// the inner edges of the lips at the middle (one point between closed lips), the bottom of the
// chin. Photo pixels, a pixel's centre at its integer coordinates; the subject's right eye is on
// the image's left. Each portrait was marked by two people independently, on 5-24x enlargements
// with a grid; they differ by up to 1.6 px (3.7 % of the sample's eye distance) at a point, which
// is how exactly "where a person puts it" is known, so the reference is their mean.
#pragma once

#include <cmath>
#include <opencv2/core/types.hpp>

namespace ps::test {

struct MarkedPoints {
    cv::Point2f right_eye, left_eye, nose, mouth_right, mouth_left, upper_lip, lower_lip, chin;

    float eyeDistance() const {
        const cv::Point2f d = left_eye - right_eye;
        return std::sqrt(d.x * d.x + d.y * d.y);
    }
};

inline MarkedPoints meanOf(const MarkedPoints& a, const MarkedPoints& b) {
    const auto mid = [](cv::Point2f p, cv::Point2f q) { return 0.5f * (p + q); };
    return {mid(a.right_eye, b.right_eye),
            mid(a.left_eye, b.left_eye),
            mid(a.nose, b.nose),
            mid(a.mouth_right, b.mouth_right),
            mid(a.mouth_left, b.mouth_left),
            mid(a.upper_lip, b.upper_lip),
            mid(a.lower_lip, b.lower_lip),
            mid(a.chin, b.chin)};
}

// resources/samples/astronaut.png (NASA, public domain): smiling with the lips parted over her
// teeth, turned a little towards the image's left.
inline const MarkedPoints kAstronautMarksFirst = {
    {204.4f, 101.4f}, {247.4f, 103.0f}, {224.4f, 126.0f}, {203.6f, 140.4f},
    {244.4f, 141.0f}, {223.0f, 143.0f}, {222.4f, 149.4f}, {221.0f, 178.0f}};
inline const MarkedPoints kAstronautMarksSecond = {
    {203.3f, 100.2f}, {246.8f, 102.0f}, {222.8f, 126.8f}, {203.0f, 139.8f},
    {243.5f, 141.0f}, {223.3f, 143.8f}, {223.3f, 149.3f}, {222.5f, 176.5f}};
inline const MarkedPoints kAstronautMarks = meanOf(kAstronautMarksFirst, kAstronautMarksSecond);

// tests/data/portraits/grace_hopper.jpg (US Navy official portrait, public domain; see that
// folder's README): glasses, closed mouth, frontal. Marked by the second person; the first
// checked the marks on the same enlargements.
inline const MarkedPoints kHopperMarks = {{221.5f, 189.2f}, {304.4f, 186.4f}, {265.5f, 237.0f},
                                          {227.0f, 281.0f}, {306.0f, 278.0f}, {266.0f, 279.0f},
                                          {266.0f, 279.0f}, {266.0f, 327.5f}};

}  // namespace ps::test

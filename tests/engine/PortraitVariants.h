// Copies of the sample portrait made the ways issue 3 names (mirrored, rolled, scaled, placed
// off-centre, darker, brighter), each with the exact map from the portrait's pixels into it, so
// hand-measured truth can follow every copy. Shared by the detector and feature tests.
#pragma once

#include <QString>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace portrait_variants {

inline cv::Mat portrait() {
    return cv::imread(PS_SAMPLES_DIR "/astronaut.png", cv::IMREAD_COLOR);
}

inline cv::Point2f apply(const cv::Matx23d& m, const cv::Point2f& p) {
    return {float(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
            float(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

inline float distance(const cv::Point2f& a, const cv::Point2f& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// A photo made from the portrait, with the map from the portrait's pixels into it.
struct Variant {
    cv::Mat image;
    cv::Matx23d map = cv::Matx23d(1, 0, 0, 0, 1, 0);
    bool mirrored = false;
    float roll_deg = 0.0f;  // DetectedFace's convention: clockwise on screen
};

inline Variant rolled(const cv::Mat& src, double angle_deg) {
    // Turned counter-clockwise on screen by angle_deg, on a canvas that crops nothing.
    const cv::Point2f centre(src.cols / 2.0f, src.rows / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(centre, angle_deg, 1.0);
    const cv::Rect2f bounds =
        cv::RotatedRect(centre, src.size(), float(angle_deg)).boundingRect2f();
    m.at<double>(0, 2) += bounds.width / 2.0 - centre.x;
    m.at<double>(1, 2) += bounds.height / 2.0 - centre.y;
    Variant v;
    cv::warpAffine(src, v.image, m, cv::Size(int(bounds.width), int(bounds.height)),
                   cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(128, 128, 128));
    v.map = m;
    v.roll_deg = float(-angle_deg);
    return v;
}

inline Variant scaled(const cv::Mat& src, double factor) {
    Variant v;
    cv::resize(src, v.image, cv::Size(), factor, factor,
               factor < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    // resize maps pixel centres, so pixel x lands at (x + 0.5) * factor - 0.5.
    v.map = cv::Matx23d(factor, 0, 0.5 * factor - 0.5, 0, factor, 0.5 * factor - 0.5);
    return v;
}

// The portrait (scaled by factor) pasted with its top-left at `at` onto a grey canvas, or onto
// `onto` when given (several faces in one picture).
inline Variant pasted(const cv::Mat& src, cv::Size canvas, cv::Point at, double factor,
                      cv::Mat* onto = nullptr) {
    Variant v;
    v.image = onto ? *onto : cv::Mat(canvas, CV_8UC3, cv::Scalar(128, 128, 128));
    cv::Mat resized = src;
    if (factor != 1.0) {
        cv::resize(src, resized, cv::Size(), factor, factor, cv::INTER_AREA);
    }
    resized.copyTo(v.image(cv::Rect(at, resized.size())));
    v.map = cv::Matx23d(factor, 0, at.x + 0.5 * factor - 0.5, 0, factor, at.y + 0.5 * factor - 0.5);
    return v;
}

// The portrait enlarged `factor` times and cut to `side` pixels square around `centre` (portrait
// pixels): a face that fills the frame.
inline Variant filling(const cv::Mat& src, double factor, cv::Point2f centre, int side) {
    Variant v = scaled(src, factor);
    const cv::Point2f c = apply(v.map, centre);
    const cv::Rect cut(int(c.x) - side / 2, int(c.y) - side / 2, side, side);
    v.image = v.image(cut & cv::Rect(cv::Point(0, 0), v.image.size())).clone();
    v.map(0, 2) -= cut.x;
    v.map(1, 2) -= cut.y;
    return v;
}

// The copy named `name`: "original", "mirrored", "rolled +15", "rolled -15", "rolled +30",
// "rolled -30", "scaled 40%", "scaled 200%", "face fills the frame", "off-centre", "darker" or
// "brighter".
// Made from the sample portrait unless another is given ("face fills the frame" is the sample's
// face only).
inline Variant make(const QString& name, const cv::Mat& source = cv::Mat()) {
    const cv::Mat src = source.empty() ? portrait() : source;
    if (name == "mirrored") {
        Variant v;
        cv::flip(src, v.image, 1);
        v.map = cv::Matx23d(-1, 0, src.cols - 1, 0, 1, 0);
        v.mirrored = true;
        return v;
    }
    if (name == "rolled +15") {
        return rolled(src, 15.0);
    }
    if (name == "rolled -15") {
        return rolled(src, -15.0);
    }
    if (name == "rolled +30") {
        return rolled(src, 30.0);
    }
    if (name == "rolled -30") {
        return rolled(src, -30.0);
    }
    if (name == "face fills the frame") {
        // Her face, about 85 px across, becomes about 500 px of a 640 px frame.
        return filling(src, 6.0, cv::Point2f(224.0f, 135.0f), 640);
    }
    if (name == "scaled 40%") {
        return scaled(src, 0.4);
    }
    if (name == "scaled 200%") {
        return scaled(src, 2.0);
    }
    if (name == "off-centre") {
        return pasted(src, cv::Size(1600, 1200), cv::Point(1010, 620), 1.0);
    }
    Variant v;
    if (name == "darker") {
        src.convertTo(v.image, -1, 0.35, 0.0);
    } else if (name == "brighter") {
        src.convertTo(v.image, -1, 1.6, 10.0);  // saturates
    } else {
        v.image = src.clone();  // "original"
    }
    return v;
}

}  // namespace portrait_variants

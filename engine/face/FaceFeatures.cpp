#include "face/FaceFeatures.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "face/FaceFeatureChin.h"
#include "face/FaceFeatureCrop.h"
#include "face/FaceFeatureEyes.h"
#include "face/FaceFeatureJaw.h"
#include "face/FaceFeatureMouth.h"
#include "face/FaceFeatureNose.h"
#include "face/FaceMesh.h"

namespace ps {

const FeaturePoint* FaceFeatures::find(int landmark) const {
    for (const FeaturePoint& p : points) {
        if (p.landmark == landmark) {
            return &p;
        }
    }
    return nullptr;
}

namespace {

using namespace landmark;

constexpr float kPi = 3.14159265f;

struct Anchor {
    cv::Point2f eye_mid;
    float iod_px = 0.0f;
    float roll_deg = 0.0f;
};

// Where the eyes should be: the detector's eyes when they are a plausible pair for the box,
// else the places the face cascade's box puts them (measured on the detector's boxes: the eyes
// lie about a quarter of the box above its centre, 0.45 box widths apart).
Anchor anchorFromDetection(const DetectedFace& face) {
    const cv::Point2f centre(face.box.x + face.box.width / 2, face.box.y + face.box.height / 2);
    if (face.eyes) {
        const cv::Point2f d = face.eyes->left - face.eyes->right;
        const float iod = std::hypot(d.x, d.y);
        if (iod > 0.25f * face.box.width && iod < 0.7f * face.box.width) {
            return {(face.eyes->left + face.eyes->right) * 0.5f, iod, face.roll_deg};
        }
    }
    const float r = face.roll_deg * kPi / 180.0f;
    const cv::Point2f up(std::sin(r), -std::cos(r));  // the face's up, turned with the roll
    return {centre + up * (0.24f * face.box.width), 0.45f * face.box.width, face.roll_deg};
}

struct EyePair {
    std::optional<EyeEvidence> image_left, image_right;
};

EyePair locateEyes(const FaceCrop& crop) {
    const cv::Point2f offset(kCropIodPx / 2, 0.0f);
    return {locateEye(crop, kCropEyeMid - offset, EyeSide::ImageLeft),
            locateEye(crop, kCropEyeMid + offset, EyeSide::ImageRight)};
}

// Both eyes found about where the crop put them: level and about one eye distance apart.
bool plausiblePair(const EyePair& eyes) {
    if (!eyes.image_left || !eyes.image_right) {
        return false;
    }
    const cv::Point2f d = eyes.image_right->centre.crop_px - eyes.image_left->centre.crop_px;
    const float iod = std::hypot(d.x, d.y) / kCropIodPx;
    return iod > 0.7f && iod < 1.4f && std::abs(d.y) < 0.3f * std::abs(d.x);
}

class Collector {
public:
    Collector(FaceFeatures& out, const FaceCrop& crop) : out_(out), crop_(crop) {}
    void add(int landmark, const CropPoint& p) {
        out_.points.push_back({landmark, mapPoint(crop_.to_photo, p.crop_px), p.confidence});
    }
    void add(int landmark, const std::optional<CropPoint>& p) {
        if (p) {
            add(landmark, *p);
        }
    }

private:
    FaceFeatures& out_;
    const FaceCrop& crop_;
};

}  // namespace

Result<FaceFeatures> locateFaceFeatures(const cv::Mat& photo, const DetectedFace& face) {
    if (photo.empty() || photo.depth() != CV_8U) {
        return Error{ErrorKind::BadInput, "the photo is empty or not 8-bit"};
    }
    const cv::Rect2f bounds(0.0f, 0.0f, float(photo.cols), float(photo.rows));
    if ((face.box & bounds).area() <= 0.0f) {
        return Error{ErrorKind::BadInput, "the face box lies outside the photo"};
    }
    cv::Mat bgr = photo;
    if (photo.channels() == 1) {
        cv::cvtColor(photo, bgr, cv::COLOR_GRAY2BGR);
    } else if (photo.channels() == 4) {
        cv::cvtColor(photo, bgr, cv::COLOR_BGRA2BGR);
    }

    // First pass from the detection; when both eyes are found, a second crop levelled and
    // scaled on them, so the mouth, nose and chin searches start from the face's own geometry.
    const Anchor anchor = anchorFromDetection(face);
    FaceCrop crop = makeFaceCrop(bgr, anchor.eye_mid, anchor.iod_px, anchor.roll_deg);
    EyePair eyes = locateEyes(crop);
    bool eyes_sure = plausiblePair(eyes);
    if (eyes_sure) {
        const cv::Point2f a = mapPoint(crop.to_photo, eyes.image_left->centre.crop_px);
        const cv::Point2f b = mapPoint(crop.to_photo, eyes.image_right->centre.crop_px);
        const float roll = std::atan2(b.y - a.y, b.x - a.x) * 180.0f / kPi;
        crop = makeFaceCrop(bgr, (a + b) * 0.5f, std::hypot(b.x - a.x, b.y - a.y), roll);
        eyes = locateEyes(crop);
        eyes_sure = plausiblePair(eyes);
    }

    FaceFeatures out;
    Collector add(out, crop);
    if (eyes_sure) {
        out.eyes = EyeCentres{mapPoint(crop.to_photo, eyes.image_left->centre.crop_px),
                              mapPoint(crop.to_photo, eyes.image_right->centre.crop_px)};
        out.eyes_confidence =
            std::min(eyes.image_left->centre.confidence, eyes.image_right->centre.confidence);
        // Image left is the subject's right eye: 33 outer; its brow 53, 52, 65.
        const EyeEvidence& r = *eyes.image_left;
        const EyeEvidence& l = *eyes.image_right;
        add.add(kRightEyeOuter, r.outer_corner);
        add.add(kLeftEyeOuter, l.outer_corner);
        const int right_brow[3] = {53, 52, 65}, left_brow[3] = {283, 282, 295};
        for (size_t i = 0; i < r.brow.size(); ++i) {
            add.add(right_brow[i], r.brow[i]);
        }
        for (size_t i = 0; i < l.brow.size(); ++i) {
            add.add(left_brow[i], l.brow[i]);
        }
    }
    // Without a sure pair the crop's geometry is the detector's guess; the lower face's search
    // windows still hold for it, at a lower confidence.
    const float geometry = eyes_sure ? 1.0f : 0.6f;
    const float mid_x = kCropEyeMid.x;
    const std::optional<MouthEvidence> mouth = locateMouth(crop, mid_x);
    float mouth_y = kCropEyeMid.y + 1.0f * kCropIodPx;
    float mouth_top = kCropEyeMid.y + 0.9f * kCropIodPx;
    float lip_bottom = kCropEyeMid.y + 1.15f * kCropIodPx;
    float chin_x = mid_x;
    if (mouth) {
        CropPoint a = mouth->corner_image_left, b = mouth->corner_image_right;
        a.confidence *= geometry;
        b.confidence *= geometry;
        add.add(kMouthRight, a);
        add.add(kMouthLeft, b);
        add.add(0, mouth->upper_outer);
        add.add(17, mouth->lower_outer);
        add.add(kUpperInnerLip, mouth->upper_inner);
        add.add(kLowerInnerLip, mouth->lower_inner);
        mouth_y = (a.crop_px.y + b.crop_px.y) / 2;
        chin_x = (a.crop_px.x + b.crop_px.x) / 2;
        if (mouth->upper_outer) {
            mouth_top = mouth->upper_outer->crop_px.y;
        }
        if (mouth->lower_outer) {
            lip_bottom = mouth->lower_outer->crop_px.y;
        }
    }
    if (std::optional<CropPoint> nose = locateNoseTip(crop, mid_x, mouth_top)) {
        nose->confidence *= geometry;
        add.add(kNoseTip, *nose);
    }
    // The jaw's contour is searched at heights between the mouth and the chin; without a found
    // chin, at the canonical mesh's distance below the mouth.
    float chin_y = mouth_y + 0.82f * kCropIodPx;
    if (std::optional<CropPoint> chin = locateChin(crop, chin_x, mouth_y, lip_bottom)) {
        chin->confidence *= geometry;
        add.add(kChin, *chin);
        chin_y = chin->crop_px.y;
    }
    for (ContourPoint contour : locateJawContour(crop, chin_x, mouth_y, chin_y)) {
        contour.point.confidence *= geometry;
        add.add(contour.landmark, contour.point);
    }
    return out;
}

}  // namespace ps

#include "face/FaceDetector.h"

#include <HaarCascades.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <string>

#include "face/FaceDetectEyes.h"
#include "face/FaceDetectMerge.h"

namespace ps {

namespace {

constexpr int kCascadeWindowPx = 20;  // all three cascades are trained on 20x20 windows
// A face is searched for at twice the window at least: at the window size the cascades miss more
// and fire more on texture, and at 1.6 times it a 95 px face in a 1400 px canvas was missed.
// Photos large enough for this to matter are capped by max_working_side_px anyway.
constexpr double kMinWorkingFacePx = 40.0;
// Small photos are searched at full size; the working copy is never smaller than this.
constexpr int kMinWorkingSidePx = 512;
// Between the sizes each cascade tries: fine for the upright frontal search, which finds most
// faces, and coarser for the rotated and profile ones, which cost most (a rotated canvas is up to
// 1.6 times the photo) and only add the faces the upright search misses.
constexpr double kFineScaleStep = 1.1;
constexpr double kCoarseScaleStep = 1.2;
// Eyes are looked for in at most this many faces, largest first, to bound the time a crowd takes.
constexpr size_t kMaxFacesWithEyes = 16;
// An eye line steeper than this against the found roll means the eye pair is wrong.
constexpr float kMaxEyeLineCorrectionDeg = 15.0f;

Result<cv::CascadeClassifier> loadCascade(std::string_view xml, const char* name) {
    cv::CascadeClassifier cascade;
    try {
        cv::FileStorage fs(std::string(xml), cv::FileStorage::READ | cv::FileStorage::MEMORY);
        if (!fs.isOpened() || !cascade.read(fs.getFirstTopLevelNode()) || cascade.empty()) {
            return internalError(std::string("the built-in cascade ") + name + " did not load");
        }
    } catch (const cv::Exception& e) {
        return internalError(std::string("the built-in cascade ") + name +
                             " did not load: " + e.what());
    }
    return cascade;
}

cv::Mat greyOf(const cv::Mat& photo) {
    cv::Mat grey;
    switch (photo.channels()) {
        case 1:
            grey = photo;
            break;
        case 3:
            cv::cvtColor(photo, grey, cv::COLOR_BGR2GRAY);
            break;
        default:
            cv::cvtColor(photo, grey, cv::COLOR_BGRA2GRAY);
            break;
    }
    return grey;
}

// Working scale: small enough that the smallest face wanted is kMinWorkingFacePx wide, but no
// smaller than needed, and never with a side over max_working_side_px.
double workingScale(const cv::Size& size, double min_face_px, int max_working_side_px) {
    const double long_side = std::max(size.width, size.height);
    double scale = kMinWorkingFacePx / min_face_px;
    scale = std::max(scale, std::min(1.0, kMinWorkingSidePx / long_side));
    scale = std::min(scale, std::max(1, max_working_side_px) / long_side);
    return std::min(scale, 1.0);
}

struct SearchImage {
    cv::Mat grey;
    cv::Matx23d to_working;  // search image -> working copy
};

// The working copy turned by angle_deg (counter-clockwise on screen, as getRotationMatrix2D)
// about its centre on a canvas large enough that no corner is cut off.
SearchImage rotated(const cv::Mat& working, float angle_deg) {
    const cv::Point2f centre(working.cols / 2.0f, working.rows / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(centre, angle_deg, 1.0);
    const cv::Rect2f bounds = cv::RotatedRect(centre, working.size(), angle_deg).boundingRect2f();
    m.at<double>(0, 2) += bounds.width / 2.0 - centre.x;
    m.at<double>(1, 2) += bounds.height / 2.0 - centre.y;
    SearchImage out;
    // Mid grey outside the photo: no edge for the cascades to fire on.
    cv::warpAffine(working, out.grey, m,
                   cv::Size(int(std::ceil(bounds.width)), int(std::ceil(bounds.height))),
                   cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(128));
    cv::Mat back;
    cv::invertAffineTransform(m, back);
    out.to_working = back;
    return out;
}

// Runs one cascade over one search image and maps what it finds back into photo pixels.
void search(cv::CascadeClassifier& cascade, const SearchImage& image, int min_window_px,
            int min_neighbours, double scale_step, float rotation_deg, FaceCascade kind,
            bool mirrored, double working_scale, std::vector<FaceCandidate>* out) {
    std::vector<cv::Rect> found;
    std::vector<int> neighbours;
    cascade.detectMultiScale(image.grey, found, neighbours, scale_step, min_neighbours, 0,
                             cv::Size(min_window_px, min_window_px));
    for (size_t i = 0; i < found.size(); ++i) {
        const cv::Rect& r = found[i];
        cv::Point2d p(r.x + r.width / 2.0, r.y + r.height / 2.0);
        if (mirrored) {
            p.x = image.grey.cols - p.x;
        }
        const cv::Matx23d& m = image.to_working;
        const cv::Point2d w(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2),
                            m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2));
        FaceCandidate c;
        c.centre = cv::Point2f(float(w.x / working_scale), float(w.y / working_scale));
        c.size = float(r.width / working_scale);
        c.rotation_deg = rotation_deg;
        c.neighbours = i < neighbours.size() ? neighbours[i] : min_neighbours;
        c.cascade = kind;
        out->push_back(c);
    }
}

float eyeLineDeg(const EyeCentres& eyes) {
    const cv::Point2f d = eyes.left - eyes.right;
    return float(std::atan2(d.y, d.x) * 180.0 / CV_PI);
}

float wrapDeg(float deg) {
    return float(std::remainder(double(deg), 360.0));
}

}  // namespace

Result<FaceDetector> FaceDetector::create() {
    FaceDetector d;
    auto frontal = loadCascade(embedded::haarcascade_frontalface_alt2_xml(), "frontal face");
    if (!frontal) {
        return frontal.error();
    }
    auto profile = loadCascade(embedded::haarcascade_profileface_xml(), "profile face");
    if (!profile) {
        return profile.error();
    }
    auto eye = loadCascade(embedded::haarcascade_eye_xml(), "eye");
    if (!eye) {
        return eye.error();
    }
    d.frontal_ = std::move(frontal.value());
    d.profile_ = std::move(profile.value());
    d.eye_ = std::move(eye.value());
    return d;
}

Result<std::vector<DetectedFace>> FaceDetector::detectFaces(const cv::Mat& photo,
                                                            const FaceDetectorOptions& options) {
    if (photo.empty()) {
        return Error{ErrorKind::BadInput, "The photo is empty."};
    }
    if (photo.depth() != CV_8U ||
        (photo.channels() != 1 && photo.channels() != 3 && photo.channels() != 4)) {
        return Error{ErrorKind::BadInput,
                     "Faces can only be found in an 8-bit grey, colour or colour+alpha photo."};
    }
    try {
        const cv::Mat grey = greyOf(photo);
        const int short_side = std::min(grey.cols, grey.rows);
        const double min_face_px =
            std::max(1.0, std::min<double>(options.min_face_px, short_side / 5.0));
        const double scale = workingScale(grey.size(), min_face_px, options.max_working_side_px);
        cv::Mat working;
        if (scale < 1.0) {
            cv::resize(grey, working, cv::Size(), scale, scale, cv::INTER_AREA);
        } else {
            working = grey.clone();
        }
        // Dark, bright or flat photos: equalising spreads the face's tones over the full range
        // the cascades were trained on.
        cv::equalizeHist(working, working);
        const int min_window = std::max(kCascadeWindowPx, int(std::lround(min_face_px * scale)));
        const int min_neighbours = std::max(1, options.min_neighbours);

        std::vector<FaceCandidate> candidates;
        const SearchImage upright{working, cv::Matx23d(1, 0, 0, 0, 1, 0)};
        std::vector<float> rotations = options.rotations_deg;
        if (std::find(rotations.begin(), rotations.end(), 0.0f) == rotations.end()) {
            rotations.insert(rotations.begin(), 0.0f);
        }
        for (float angle : rotations) {
            const SearchImage image = angle == 0.0f ? upright : rotated(working, angle);
            search(frontal_, image, min_window, min_neighbours,
                   angle == 0.0f ? kFineScaleStep : kCoarseScaleStep, angle, FaceCascade::Frontal,
                   false, scale, &candidates);
        }
        if (options.search_profiles) {
            search(profile_, upright, min_window, min_neighbours, kCoarseScaleStep, 0.0f,
                   FaceCascade::Profile, false, scale, &candidates);
            SearchImage mirrored = upright;
            cv::flip(working, mirrored.grey, 1);
            search(profile_, mirrored, min_window, min_neighbours, kCoarseScaleStep, 0.0f,
                   FaceCascade::ProfileMirrored, true, scale, &candidates);
        }

        std::vector<DetectedFace> faces = mergeFaceCandidates(std::move(candidates));
        if (options.find_eyes) {
            std::vector<DetectedFace> kept;
            for (size_t i = 0; i < faces.size(); ++i) {
                DetectedFace& f = faces[i];
                std::optional<EyeCentres> eyes;
                if (i < kMaxFacesWithEyes) {
                    eyes = findEyes(grey, f.box, f.roll_deg, eye_);
                    // A window only one search accepted, with no eye pair in it, is most often
                    // texture (a collar, a helmet rim): a real face is seen by neighbouring
                    // rotations too, or shows its eyes. The price is a face turned so far that
                    // only one profile search sees it.
                    if (!eyes && f.passes < 2) {
                        continue;
                    }
                }
                kept.push_back(f);
                if (!eyes) {
                    continue;
                }
                // The eye line is a finer roll than the 10-degree steps of the search.
                const float line = eyeLineDeg(*eyes);
                if (std::abs(wrapDeg(line - f.roll_deg)) <= kMaxEyeLineCorrectionDeg) {
                    kept.back().eyes = eyes;
                    kept.back().roll_deg = line;
                }
            }
            faces = std::move(kept);
        }
        return faces;
    } catch (const cv::Exception& e) {
        return internalError(std::string("Face detection failed: ") + e.what());
    }
}

Result<std::vector<DetectedFace>> detectFaces(const cv::Mat& photo,
                                              const FaceDetectorOptions& options) {
    // One detector per thread, loaded on the thread's first call: the cascades are not safe to
    // share between threads and too slow to load for every photo.
    thread_local Result<FaceDetector> detector = FaceDetector::create();
    if (!detector) {
        return detector.error();
    }
    return detector->detectFaces(photo, options);
}

}  // namespace ps

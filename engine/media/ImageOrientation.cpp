#include "media/ImageOrientation.h"

#include <opencv2/core.hpp>

namespace ps {

// Each case follows the tag's definition of where the stored first row and first column belong
// on screen (EXIF 2.3, tag 274): 2 and 4 are mirror images, 5 and 7 mirror across a diagonal.
cv::Mat orientUpright(const cv::Mat& stored, int exif_orientation) {
    cv::Mat upright;
    switch (exif_orientation) {
        case 2:
            cv::flip(stored, upright, 1);
            break;
        case 3:
            cv::rotate(stored, upright, cv::ROTATE_180);
            break;
        case 4:
            cv::flip(stored, upright, 0);
            break;
        case 5:
            cv::transpose(stored, upright);
            break;
        case 6:
            cv::rotate(stored, upright, cv::ROTATE_90_CLOCKWISE);
            break;
        case 7:
            cv::transpose(stored, upright);
            cv::flip(upright, upright, -1);
            break;
        case 8:
            cv::rotate(stored, upright, cv::ROTATE_90_COUNTERCLOCKWISE);
            break;
        default:
            upright = stored;
            break;
    }
    return upright;
}

}  // namespace ps

#include "motion/JsonFloat.h"

#include <charconv>
#include <system_error>

namespace ps {

nlohmann::json jsonFloat(float value) {
    // The reader parses a double and narrows it; that double rounding cannot change the float
    // (53 >= 2 * 24 + 2 bits), and the check keeps the round trip exact even if a library's
    // conversion were not.
    char text[32];
    const std::to_chars_result written = std::to_chars(text, text + sizeof(text), value);
    double parsed = 0.0;
    const std::from_chars_result read = std::from_chars(text, written.ptr, parsed);
    if (written.ec == std::errc() && read.ec == std::errc() &&
        static_cast<float>(parsed) == value) {
        return parsed;
    }
    return double(value);
}

}  // namespace ps

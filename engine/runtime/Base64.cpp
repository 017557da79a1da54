#include "runtime/Base64.h"

#include <array>
#include <cstdint>

namespace ps {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int kNotBase64 = -1;

// The inverse of kAlphabet, built once so decoding is a table lookup per character.
const std::array<int, 256>& sextetOf() {
    static const std::array<int, 256> table = [] {
        std::array<int, 256> t{};
        t.fill(kNotBase64);
        for (int i = 0; i < 64; ++i) {
            t[static_cast<unsigned char>(kAlphabet[i])] = i;
        }
        return t;
    }();
    return table;
}

}  // namespace

std::string base64Encode(std::string_view bytes) {
    std::string text;
    text.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t group = uint32_t(uint8_t(bytes[i])) << 16 |
                               uint32_t(uint8_t(bytes[i + 1])) << 8 |
                               uint32_t(uint8_t(bytes[i + 2]));
        text += kAlphabet[group >> 18 & 63];
        text += kAlphabet[group >> 12 & 63];
        text += kAlphabet[group >> 6 & 63];
        text += kAlphabet[group & 63];
    }
    const size_t left = bytes.size() - i;
    if (left > 0) {
        uint32_t group = uint32_t(uint8_t(bytes[i])) << 16;
        if (left == 2) {
            group |= uint32_t(uint8_t(bytes[i + 1])) << 8;
        }
        text += kAlphabet[group >> 18 & 63];
        text += kAlphabet[group >> 12 & 63];
        text += left == 2 ? kAlphabet[group >> 6 & 63] : '=';
        text += '=';
    }
    return text;
}

std::optional<std::string> base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    size_t padding = 0;
    if (!text.empty() && text.back() == '=') {
        padding = text[text.size() - 2] == '=' ? 2 : 1;
    }
    const std::array<int, 256>& sextet = sextetOf();
    std::string bytes;
    bytes.reserve(text.size() / 4 * 3);
    const size_t data_chars = text.size() - padding;
    for (size_t i = 0; i < text.size(); i += 4) {
        uint32_t group = 0;
        for (size_t j = i; j < i + 4; ++j) {
            int value = 0;
            if (j < data_chars) {
                value = sextet[static_cast<unsigned char>(text[j])];
                if (value == kNotBase64) {
                    return std::nullopt;  // also catches "=" before the last group's end
                }
            }
            group = group << 6 | uint32_t(value);
        }
        bytes += char(group >> 16 & 255);
        if (i + 4 < text.size() || padding < 2) {
            bytes += char(group >> 8 & 255);
        }
        if (i + 4 < text.size() || padding < 1) {
            bytes += char(group & 255);
        }
    }
    return bytes;
}

}  // namespace ps

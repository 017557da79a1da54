#include "train/PcmWaveFile.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

namespace ps::train {
namespace {

uint32_t le32(const unsigned char* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
uint16_t le16(const unsigned char* p) {
    return uint16_t(p[0] | p[1] << 8);
}

}  // namespace

Result<MonoWave> readPcm16Wave(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return badInput(path, "cannot be read");
    }
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(file)),
                                           std::istreambuf_iterator<char>());
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 ||
        std::memcmp(bytes.data() + 8, "WAVE", 4) != 0) {
        return badInput(path, "not a RIFF/WAVE file");
    }
    int channels = 0, rate = 0;
    size_t pos = 12;
    while (pos + 8 <= bytes.size()) {
        const unsigned char* chunk = bytes.data() + pos;
        const size_t size = le32(chunk + 4);
        const size_t body = pos + 8;
        const size_t available = std::min(size, bytes.size() - body);
        if (std::memcmp(chunk, "fmt ", 4) == 0) {
            if (available < 16 || le16(chunk + 8) != 1 || le16(chunk + 22) != 16) {
                return badInput(path, "not 16-bit PCM");
            }
            channels = le16(chunk + 10);
            rate = int(le32(chunk + 12));
        } else if (std::memcmp(chunk, "data", 4) == 0) {
            if (channels <= 0 || rate <= 0) {
                return badInput(path, "the data comes before its format");
            }
            MonoWave wave;
            wave.sample_rate_hz = rate;
            const size_t frames = available / (2 * size_t(channels));
            wave.samples.resize(frames);
            for (size_t i = 0; i < frames; ++i) {
                float sum = 0.0f;
                for (int c = 0; c < channels; ++c) {
                    sum += float(int16_t(le16(bytes.data() + body + 2 * (i * channels + c))));
                }
                wave.samples[i] = sum / (32768.0f * float(channels));
            }
            return wave;
        }
        pos = body + size + (size & 1);
    }
    return badInput(path, "has no audio data");
}

}  // namespace ps::train

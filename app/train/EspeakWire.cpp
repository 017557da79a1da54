#include "train/EspeakWire.h"

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace ps::train {
namespace {

// Both ends are the same binary (a forked child), so byte order and widths always agree; the
// tags only catch a message of the wrong kind.
constexpr uint32_t kRawSpeechTag = 0x52535031;       // "RSP1"
constexpr uint32_t kVoiceCatalogueTag = 0x56434131;  // "VCA1"

class Writer {
public:
    template <class T>
    void put(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes_.append(reinterpret_cast<const char*>(&value), sizeof(T));
    }
    void put(const std::string& text) {
        put<uint64_t>(text.size());
        bytes_.append(text);
    }
    void put(const std::vector<int16_t>& samples) {
        put<uint64_t>(samples.size());
        bytes_.append(reinterpret_cast<const char*>(samples.data()),
                      samples.size() * sizeof(int16_t));
    }
    std::string take() { return std::move(bytes_); }

private:
    std::string bytes_;
};

class Reader {
public:
    explicit Reader(const std::string& bytes) : bytes_(bytes) {}

    template <class T>
    bool get(T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        if (bytes_.size() - offset_ < sizeof(T)) {
            return false;
        }
        std::memcpy(&value, bytes_.data() + offset_, sizeof(T));
        offset_ += sizeof(T);
        return true;
    }
    bool get(std::string& text) {
        uint64_t size = 0;
        if (!get(size) || bytes_.size() - offset_ < size) {
            return false;
        }
        text.assign(bytes_, offset_, size);
        offset_ += size;
        return true;
    }
    bool get(std::vector<int16_t>& samples) {
        uint64_t count = 0;
        if (!get(count) || (bytes_.size() - offset_) / sizeof(int16_t) < count) {
            return false;
        }
        samples.resize(count);
        std::memcpy(samples.data(), bytes_.data() + offset_, count * sizeof(int16_t));
        offset_ += count * sizeof(int16_t);
        return true;
    }
    // Reads a count and checks that at least that many items of `min_item_bytes` could follow,
    // so that a corrupt count cannot make the reader allocate without bound.
    bool getCount(uint64_t& count, size_t min_item_bytes) {
        return get(count) && (bytes_.size() - offset_) / min_item_bytes >= count;
    }
    bool atEnd() const { return offset_ == bytes_.size(); }

private:
    const std::string& bytes_;
    size_t offset_ = 0;
};

Error truncated(const char* what) {
    return internalError(std::string("the speech process sent an incomplete ") + what);
}

}  // namespace

std::string encodeRawSpeech(const RawSpeech& speech) {
    Writer out;
    out.put(kRawSpeechTag);
    out.put<int32_t>(speech.sample_rate_hz);
    out.put<uint8_t>(speech.positions_exact ? 1 : 0);
    out.put(speech.samples);
    out.put<uint64_t>(speech.events.size());
    for (const EspeakPhonemeEvent& event : speech.events) {
        out.put<int64_t>(event.sample);
        out.put(event.name);
        out.put<int32_t>(event.output_block);
    }
    out.put<uint64_t>(speech.marks.size());
    for (const EspeakGeneratorMark& mark : speech.marks) {
        out.put(mark.mnemonic);
        out.put<int32_t>(mark.type);
        out.put<int64_t>(mark.hooked_position);
        out.put<int32_t>(mark.output_block);
        out.put(mark.silence);
    }
    out.put<uint64_t>(speech.clause_phonemes.size());
    for (const std::string& clause : speech.clause_phonemes) {
        out.put(clause);
    }
    return out.take();
}

Result<RawSpeech> decodeRawSpeech(const std::string& bytes) {
    Reader in(bytes);
    RawSpeech speech;
    uint32_t tag = 0;
    int32_t sample_rate_hz = 0;
    uint8_t positions_exact = 0;
    uint64_t count = 0;
    if (!in.get(tag) || tag != kRawSpeechTag || !in.get(sample_rate_hz) ||
        !in.get(positions_exact) || !in.get(speech.samples) ||
        !in.getCount(count, sizeof(int64_t))) {
        return truncated("recording");
    }
    speech.sample_rate_hz = sample_rate_hz;
    speech.positions_exact = positions_exact != 0;
    speech.events.resize(count);
    for (EspeakPhonemeEvent& event : speech.events) {
        int32_t block = 0;
        if (!in.get(event.sample) || !in.get(event.name) || !in.get(block)) {
            return truncated("phoneme event");
        }
        event.output_block = block;
    }
    if (!in.getCount(count, sizeof(uint64_t))) {
        return truncated("recording");
    }
    speech.marks.resize(count);
    for (EspeakGeneratorMark& mark : speech.marks) {
        int32_t type = 0;
        int32_t block = 0;
        if (!in.get(mark.mnemonic) || !in.get(type) || !in.get(mark.hooked_position) ||
            !in.get(block) || !in.get(mark.silence)) {
            return truncated("generator mark");
        }
        mark.type = type;
        mark.output_block = block;
    }
    if (!in.getCount(count, sizeof(uint64_t))) {
        return truncated("recording");
    }
    speech.clause_phonemes.resize(count);
    for (std::string& clause : speech.clause_phonemes) {
        if (!in.get(clause)) {
            return truncated("clause");
        }
    }
    if (!in.atEnd()) {
        return internalError("the speech process sent more than one recording");
    }
    return speech;
}

std::string encodeVoiceCatalogue(const VoiceCatalogue& catalogue) {
    Writer out;
    out.put(kVoiceCatalogueTag);
    out.put<uint64_t>(catalogue.languages.size());
    for (const VoiceLanguage& language : catalogue.languages) {
        out.put(language.code);
        out.put(language.name);
        out.put(language.identifier);
    }
    out.put<uint64_t>(catalogue.variants.size());
    for (const VoiceVariant& variant : catalogue.variants) {
        out.put(variant.id);
        out.put(variant.name);
        out.put<int32_t>(static_cast<int32_t>(variant.gender));
    }
    return out.take();
}

Result<VoiceCatalogue> decodeVoiceCatalogue(const std::string& bytes) {
    Reader in(bytes);
    VoiceCatalogue catalogue;
    uint32_t tag = 0;
    uint64_t count = 0;
    if (!in.get(tag) || tag != kVoiceCatalogueTag || !in.getCount(count, 3 * sizeof(uint64_t))) {
        return truncated("voice list");
    }
    catalogue.languages.resize(count);
    for (VoiceLanguage& language : catalogue.languages) {
        if (!in.get(language.code) || !in.get(language.name) || !in.get(language.identifier)) {
            return truncated("voice list");
        }
    }
    if (!in.getCount(count, 2 * sizeof(uint64_t))) {
        return truncated("voice list");
    }
    catalogue.variants.resize(count);
    for (VoiceVariant& variant : catalogue.variants) {
        int32_t gender = 0;
        if (!in.get(variant.id) || !in.get(variant.name) || !in.get(gender) || gender < 0 ||
            gender > 2) {
            return truncated("voice list");
        }
        variant.gender = static_cast<VoiceGender>(gender);
    }
    if (!in.atEnd()) {
        return internalError("the speech process sent more than one voice list");
    }
    return catalogue;
}

}  // namespace ps::train

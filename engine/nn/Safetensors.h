// Reads and writes safetensors files, the format of every weight file the studio ships or loads
// (AniPortrait's and Hugging Face's too): an 8-byte little-endian header length, a JSON header
// naming each tensor's dtype, shape and byte range, then the raw little-endian data.
// LibTorch-only; no exception leaves these functions.
#pragma once

#include <ATen/Tensor.h>
#include <map>
#include <string>
#include <vector>

namespace ps::nn {

struct TensorInfo {
    std::string dtype;  // "F32", "F16", "BF16", "F64", "I64", "I32", "I16", "I8", "U8", "BOOL"
    std::vector<long long> shape;
    unsigned long long begin = 0;  // byte range in the data section
    unsigned long long end = 0;
};

// The header alone: what a loader checks before it allocates anything.
struct SafetensorsHeader {
    std::map<std::string, TensorInfo> tensors;
    std::map<std::string, std::string> metadata;  // "__metadata__" (model card facts, versions)
    unsigned long long data_offset = 0;           // where the data section starts in the file
};

// Parses the header of `bytes` (a whole file). On failure returns false and sets `error` to a
// sentence saying what is wrong (truncated, not JSON, offsets out of range, overlapping, ...).
bool parseSafetensorsHeader(const std::string& bytes, SafetensorsHeader* header,
                            std::string* error);

struct NamedTensors {
    std::map<std::string, at::Tensor> tensors;  // CPU, contiguous
    std::map<std::string, std::string> metadata;
};

// Loads every tensor of `path`. Errors name the file: "<path>: <problem>".
bool loadSafetensors(const std::string& path, NamedTensors* out, std::string* error);

// Writes tensors (any device, any layout; stored contiguous from the CPU) to `path` through a
// temporary file renamed into place, so a failure never leaves a partial file.
bool saveSafetensors(const std::string& path, const NamedTensors& in, std::string* error);

}  // namespace ps::nn

#include "nn/Safetensors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "nn/HeaderJson.h"

namespace ps::nn {

namespace {

// The reference implementation caps the header at 100 MB; a larger one is a corrupt length.
constexpr unsigned long long kMaxHeaderBytes = 100ull * 1024 * 1024;

struct DtypeEntry {
    const char* name;
    c10::ScalarType type;
    int bytes;
};

constexpr DtypeEntry kDtypes[] = {
    {"F64", c10::ScalarType::Double, 8}, {"F32", c10::ScalarType::Float, 4},
    {"F16", c10::ScalarType::Half, 2},   {"BF16", c10::ScalarType::BFloat16, 2},
    {"I64", c10::ScalarType::Long, 8},   {"I32", c10::ScalarType::Int, 4},
    {"I16", c10::ScalarType::Short, 2},  {"I8", c10::ScalarType::Char, 1},
    {"U8", c10::ScalarType::Byte, 1},    {"BOOL", c10::ScalarType::Bool, 1},
};

const DtypeEntry* dtypeByName(const std::string& name) {
    for (const auto& d : kDtypes) {
        if (name == d.name) {
            return &d;
        }
    }
    return nullptr;
}

const DtypeEntry* dtypeByType(c10::ScalarType type) {
    for (const auto& d : kDtypes) {
        if (d.type == type) {
            return &d;
        }
    }
    return nullptr;
}

bool readTensorInfo(const std::string& name, const HeaderJson& value, TensorInfo* info,
                    std::string* error) {
    const HeaderJson* dtype = value.find("dtype");
    const HeaderJson* shape = value.find("shape");
    const HeaderJson* offsets = value.find("data_offsets");
    if (value.type != HeaderJson::Type::Object || !dtype || !shape || !offsets ||
        dtype->type != HeaderJson::Type::String || shape->type != HeaderJson::Type::Array ||
        offsets->type != HeaderJson::Type::Array || offsets->array.size() != 2) {
        *error = "tensor '" + name + "' needs dtype, shape and two data_offsets";
        return false;
    }
    const DtypeEntry* entry = dtypeByName(dtype->string);
    if (!entry) {
        *error = "tensor '" + name + "' has unsupported dtype '" + dtype->string + "'";
        return false;
    }
    info->dtype = dtype->string;
    unsigned long long elements = 1;
    for (const HeaderJson& dim : shape->array) {
        if (!dim.is_integer || dim.integer < 0) {
            *error = "tensor '" + name + "' has an invalid shape";
            return false;
        }
        info->shape.push_back(dim.integer);
        if (dim.integer != 0 &&
            elements > (1ull << 62) / static_cast<unsigned long long>(dim.integer)) {
            *error = "tensor '" + name + "' is impossibly large";
            return false;
        }
        elements *= static_cast<unsigned long long>(dim.integer);
    }
    for (const HeaderJson& o : offsets->array) {
        if (!o.is_integer || o.integer < 0) {
            *error = "tensor '" + name + "' has invalid data_offsets";
            return false;
        }
    }
    info->begin = static_cast<unsigned long long>(offsets->array[0].integer);
    info->end = static_cast<unsigned long long>(offsets->array[1].integer);
    if (info->end < info->begin || info->end - info->begin != elements * entry->bytes) {
        *error = "tensor '" + name + "': data_offsets do not match its dtype and shape";
        return false;
    }
    return true;
}

bool readFile(const std::string& path, std::string* bytes, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = path + ": cannot open the file";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *bytes = buffer.str();
    return true;
}

}  // namespace

bool parseSafetensorsHeader(const std::string& bytes, SafetensorsHeader* header,
                            std::string* error) {
    *header = SafetensorsHeader();
    if (bytes.size() < 8) {
        *error = "file is shorter than the 8-byte header length";
        return false;
    }
    unsigned long long header_len = 0;
    for (int i = 7; i >= 0; --i) {
        header_len = (header_len << 8) | static_cast<unsigned char>(bytes[i]);
    }
    if (header_len > kMaxHeaderBytes || header_len > bytes.size() - 8) {
        *error = "header length " + std::to_string(header_len) + " is beyond the end of the file";
        return false;
    }
    HeaderJson root;
    std::string json_error;
    if (!parseHeaderJson(bytes.substr(8, header_len), &root, &json_error)) {
        *error = "header is not valid JSON: " + json_error;
        return false;
    }
    if (root.type != HeaderJson::Type::Object) {
        *error = "header is not a JSON object";
        return false;
    }
    header->data_offset = 8 + header_len;
    const unsigned long long data_size = bytes.size() - header->data_offset;
    for (const auto& [name, value] : root.object) {
        if (name == "__metadata__") {
            for (const auto& [key, text] : value.object) {
                if (text.type != HeaderJson::Type::String) {
                    *error = "metadata '" + key + "' is not a string";
                    return false;
                }
                header->metadata[key] = text.string;
            }
            continue;
        }
        TensorInfo info;
        if (!readTensorInfo(name, value, &info, error)) {
            return false;
        }
        if (info.end > data_size) {
            *error = "tensor '" + name + "' lies beyond the end of the file";
            return false;
        }
        if (!header->tensors.emplace(name, info).second) {
            *error = "tensor '" + name + "' is listed twice";
            return false;
        }
    }
    // Byte ranges must not overlap: a tensor's bytes belong to it alone.
    std::vector<std::pair<unsigned long long, unsigned long long>> ranges;
    for (const auto& [name, info] : header->tensors) {
        if (info.end > info.begin) {
            ranges.emplace_back(info.begin, info.end);
        }
    }
    std::sort(ranges.begin(), ranges.end());
    for (size_t i = 1; i < ranges.size(); ++i) {
        if (ranges[i].first < ranges[i - 1].second) {
            *error = "tensors overlap in the data section";
            return false;
        }
    }
    return true;
}

bool loadSafetensors(const std::string& path, NamedTensors* out, std::string* error) {
    *out = NamedTensors();
    std::string bytes;
    if (!readFile(path, &bytes, error)) {
        return false;
    }
    SafetensorsHeader header;
    std::string problem;
    if (!parseSafetensorsHeader(bytes, &header, &problem)) {
        *error = path + ": not a valid safetensors file (" + problem + ")";
        return false;
    }
    try {
        for (const auto& [name, info] : header.tensors) {
            const DtypeEntry* entry = dtypeByName(info.dtype);
            const std::vector<int64_t> shape(info.shape.begin(), info.shape.end());
            torch::Tensor t = torch::empty(shape, torch::TensorOptions().dtype(entry->type));
            if (info.end > info.begin) {
                std::memcpy(t.data_ptr(), bytes.data() + header.data_offset + info.begin,
                            info.end - info.begin);
            }
            out->tensors.emplace(name, std::move(t));
        }
    } catch (const std::exception& e) {
        *error = path + ": cannot allocate its tensors (" + e.what() + ")";
        return false;
    }
    out->metadata = std::move(header.metadata);
    return true;
}

bool saveSafetensors(const std::string& path, const NamedTensors& in, std::string* error) {
    std::string json = "{";
    std::vector<torch::Tensor> contiguous;
    unsigned long long offset = 0;
    try {
        if (!in.metadata.empty()) {
            json += "\"__metadata__\":{";
            bool first = true;
            for (const auto& [key, value] : in.metadata) {
                json += (first ? "" : ",") + quoteJson(key) + ":" + quoteJson(value);
                first = false;
            }
            json += "}";
        }
        for (const auto& [name, tensor] : in.tensors) {
            const DtypeEntry* entry = dtypeByType(tensor.scalar_type());
            if (!entry) {
                *error = path + ": tensor '" + name + "' has a dtype safetensors cannot store";
                return false;
            }
            torch::Tensor t = tensor.to(torch::kCPU).contiguous();
            const unsigned long long size =
                t.numel() * static_cast<unsigned long long>(entry->bytes);
            std::string shape;
            for (const auto d : t.sizes()) {
                shape += (shape.empty() ? "" : ",") + std::to_string(d);
            }
            json += (json.size() > 1 ? "," : "") + quoteJson(name) + ":{\"dtype\":\"" +
                    entry->name + "\",\"shape\":[" + shape + "],\"data_offsets\":[" +
                    std::to_string(offset) + "," + std::to_string(offset + size) + "]}";
            offset += size;
            contiguous.push_back(std::move(t));
        }
    } catch (const std::exception& e) {
        *error = path + ": cannot prepare tensors for writing (" + e.what() + ")";
        return false;
    }
    json += "}";
    // Pad the header with spaces to a multiple of 8 so the data section stays aligned.
    while ((json.size() % 8) != 0) {
        json += ' ';
    }

    const std::string temporary = path + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            *error = path + ": cannot create the file (is the folder writable?)";
            return false;
        }
        const unsigned long long header_len = json.size();
        char length[8];
        for (int i = 0; i < 8; ++i) {
            length[i] = static_cast<char>((header_len >> (8 * i)) & 0xFF);
        }
        out.write(length, 8);
        out.write(json.data(), static_cast<std::streamsize>(json.size()));
        for (const torch::Tensor& t : contiguous) {
            out.write(static_cast<const char*>(t.data_ptr()),
                      static_cast<std::streamsize>(t.numel() * t.element_size()));
        }
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            *error = path + ": writing failed (is the disk full?)";
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        *error = path + ": cannot move the finished file into place";
        return false;
    }
    return true;
}

}  // namespace ps::nn

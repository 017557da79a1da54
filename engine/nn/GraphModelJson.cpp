#include "nn/GraphModelJson.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace ps::nn {

namespace {

// No real weight comes near this; it keeps byte counts far from overflowing on hostile shapes.
constexpr int64_t kMaxWeightElements = int64_t(1) << 32;

bool readWholeFile(const std::string& path, std::string* bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *bytes = buffer.str();
    return !in.bad();
}

std::string folderOf(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        text += (i ? "," : "") + std::to_string(shape[i]);
    }
    return text + "]";
}

// A protobuf int64 in JSON: a string of digits, or (from some writers) a plain number.
std::optional<int64_t> jsonInt(const HeaderJson& value) {
    if (value.type == HeaderJson::Type::Number && value.is_integer) {
        return value.integer;
    }
    if (value.type == HeaderJson::Type::String && !value.string.empty()) {
        errno = 0;
        char* end = nullptr;
        const long long v = std::strtoll(value.string.c_str(), &end, 10);
        if (errno == 0 && *end == '\0') {
            return v;
        }
    }
    return std::nullopt;
}

std::optional<std::string> decodeBase64(const std::string& text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : text) {
        int v = -1;
        if (c >= 'A' && c <= 'Z') {
            v = c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            v = c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            v = c - '0' + 52;
        } else if (c == '+' || c == '-') {
            v = 62;
        } else if (c == '/' || c == '_') {
            v = 63;
        } else if (c == '=') {
            break;
        } else {
            return std::nullopt;
        }
        buffer = (buffer << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

// "conv:1" -> {"conv", 1}; "^conv" (a control dependency) -> nullopt.
std::optional<GraphInputRef> parseInputRef(const std::string& text) {
    if (text.empty() || text[0] == '^') {
        return std::nullopt;
    }
    GraphInputRef ref{text, 0};
    const size_t colon = text.rfind(':');
    if (colon != std::string::npos && colon + 1 < text.size() &&
        text.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
        ref.node = text.substr(0, colon);
        ref.output = std::atoi(text.c_str() + colon + 1);
    }
    return ref;
}

bool parseShape(const HeaderJson* tensor_shape, std::vector<int64_t>* shape) {
    shape->clear();
    if (!tensor_shape || tensor_shape->type != HeaderJson::Type::Object) {
        return true;  // unknown rank
    }
    const HeaderJson* dims = tensor_shape->find("dim");
    if (!dims) {
        return true;  // a scalar
    }
    if (dims->type != HeaderJson::Type::Array) {
        return false;
    }
    for (const HeaderJson& dim : dims->array) {
        const HeaderJson* size = dim.find("size");
        // proto3 JSON leaves out zero values, so a dim without a size has size 0.
        const std::optional<int64_t> v = size ? jsonInt(*size) : std::optional<int64_t>(0);
        if (!v) {
            return false;
        }
        shape->push_back(*v);
    }
    return true;
}

bool parsePorts(const HeaderJson* ports, std::vector<GraphPort>* out) {
    if (!ports) {
        return true;
    }
    if (ports->type != HeaderJson::Type::Object) {
        return false;
    }
    for (const auto& [key, value] : ports->object) {
        GraphPort port;
        const HeaderJson* name = value.find("name");
        port.name = name && name->type == HeaderJson::Type::String ? name->string : key;
        if (!parseShape(value.find("tensorShape"), &port.shape)) {
            return false;
        }
        out->push_back(std::move(port));
    }
    return true;
}

class Reader {
public:
    Reader(const std::string& path, GraphModelSpec* spec, std::string* error)
        : path_(path), spec_(spec), error_(error) {}

    bool read() {
        std::string text;
        if (!readWholeFile(path_, &text)) {
            return fail("cannot be read");
        }
        HeaderJson root;
        std::string json_error;
        if (!parseHeaderJson(text, &root, &json_error)) {
            return fail("is not valid JSON (" + json_error + ")");
        }
        if (root.type != HeaderJson::Type::Object) {
            return fail("is not a TensorFlow.js graph model (not a JSON object)");
        }
        const HeaderJson* format = root.find("format");
        if (format &&
            (format->type != HeaderJson::Type::String || format->string != "graph-model")) {
            return fail("is not a TensorFlow.js graph model (its format is " +
                        (format->type == HeaderJson::Type::String ? "'" + format->string + "'"
                                                                  : std::string("not a string")) +
                        ")");
        }
        const HeaderJson* topology = root.find("modelTopology");
        const HeaderJson* nodes = topology ? topology->find("node") : nullptr;
        if (!nodes || nodes->type != HeaderJson::Type::Array) {
            return fail("is not a TensorFlow.js graph model (it has no modelTopology.node list)");
        }
        return readNodes(*nodes) && readSignature(root) &&
               readWeights(root.find("weightsManifest")) && checkConstants();
    }

private:
    bool fail(const std::string& problem) {
        *error_ = path_ + ": " + problem;
        return false;
    }

    bool readNodes(const HeaderJson& nodes) {
        std::set<std::string> names;
        for (size_t i = 0; i < nodes.array.size(); ++i) {
            const HeaderJson& n = nodes.array[i];
            const HeaderJson* name = n.find("name");
            const HeaderJson* op = n.find("op");
            if (!name || name->type != HeaderJson::Type::String || name->string.empty() || !op ||
                op->type != HeaderJson::Type::String) {
                return fail("node " + std::to_string(i) + " has no name or no op");
            }
            GraphNodeSpec node;
            node.name = name->string;
            node.op = op->string;
            if (!names.insert(node.name).second) {
                return fail("two nodes are named '" + node.name + "'");
            }
            if (const HeaderJson* inputs = n.find("input")) {
                if (inputs->type != HeaderJson::Type::Array) {
                    return fail("node '" + node.name + "' has an input list that is not a list");
                }
                for (const HeaderJson& input : inputs->array) {
                    if (input.type != HeaderJson::Type::String) {
                        return fail("node '" + node.name + "' has an input that is not a name");
                    }
                    if (std::optional<GraphInputRef> ref = parseInputRef(input.string)) {
                        node.inputs.push_back(*ref);
                    }
                }
            }
            if (const HeaderJson* attr = n.find("attr")) {
                node.attr = *attr;
            }
            spec_->nodes.push_back(std::move(node));
        }
        return true;
    }

    bool readSignature(const HeaderJson& root) {
        const HeaderJson* signature = root.find("signature");
        if (!signature) {
            if (const HeaderJson* meta = root.find("userDefinedMetadata")) {
                signature = meta->find("signature");
            }
        }
        if (!signature) {
            return true;
        }
        if (!parsePorts(signature->find("inputs"), &spec_->inputs) ||
            !parsePorts(signature->find("outputs"), &spec_->outputs)) {
            return fail("has a signature whose inputs or outputs cannot be read");
        }
        return true;
    }

    struct PendingWeight {
        std::string name;
        WeightType type = WeightType::Invalid;
        std::vector<int64_t> shape;
        int64_t elements = 1;
        std::string stored;  // "float32", "int32", "float16", "uint8", "uint16"
        double scale = 1.0, min = 0.0;
    };

    static int bytesPerElement(const std::string& stored) {
        if (stored == "float32" || stored == "int32") {
            return 4;
        }
        if (stored == "float16" || stored == "uint16") {
            return 2;
        }
        return stored == "uint8" ? 1 : 0;
    }

    bool readWeightEntry(const HeaderJson& w, PendingWeight* out) {
        const HeaderJson* name = w.find("name");
        if (!name || name->type != HeaderJson::Type::String) {
            return fail("has a weight without a name in its weightsManifest");
        }
        out->name = name->string;
        const std::string quoted = "weight '" + out->name + "'";
        const HeaderJson* dtype = w.find("dtype");
        const std::string type =
            dtype && dtype->type == HeaderJson::Type::String ? dtype->string : std::string();
        if (type == "float32") {
            out->type = WeightType::Float32;
        } else if (type == "int32") {
            out->type = WeightType::Int32;
        } else {
            return fail(quoted + " has dtype '" + type + "', which this runner does not read");
        }
        out->stored = type;
        const HeaderJson* shape = w.find("shape");
        if (!shape || shape->type != HeaderJson::Type::Array) {
            return fail(quoted + " has no shape");
        }
        for (const HeaderJson& dim : shape->array) {
            const std::optional<int64_t> d = jsonInt(dim);
            if (!d || *d < 0 || (*d > 0 && out->elements > kMaxWeightElements / *d)) {
                return fail(quoted + " has an invalid shape");
            }
            out->shape.push_back(*d);
            out->elements *= *d;
        }
        if (const HeaderJson* q = w.find("quantization")) {
            const HeaderJson* qtype = q->find("dtype");
            out->stored = qtype && qtype->type == HeaderJson::Type::String ? qtype->string : "";
            if (out->stored == "float16" && out->type != WeightType::Float32) {
                return fail(quoted + " is stored as float16 but is not a float32 weight");
            }
            if (out->stored == "uint8" || out->stored == "uint16") {
                const HeaderJson* scale = q->find("scale");
                const HeaderJson* min = q->find("min");
                if (!scale || scale->type != HeaderJson::Type::Number || !min ||
                    min->type != HeaderJson::Type::Number) {
                    return fail(quoted + " is quantised to " + out->stored +
                                " without a scale and min");
                }
                out->scale = scale->number;
                out->min = min->number;
            } else if (out->stored != "float16") {
                return fail(quoted + " is quantised to '" + out->stored +
                            "', which this runner does not read");
            }
        }
        return true;
    }

    void decode(const PendingWeight& p, const unsigned char* bytes, GraphWeight* out) const {
        out->type = p.type;
        out->shape = p.shape;
        std::vector<float> floats(size_t(p.elements));
        if (p.stored == "int32") {
            out->ints.resize(size_t(p.elements));
            std::memcpy(out->ints.data(), bytes, size_t(p.elements) * 4);
            return;
        }
        if (p.stored == "float32") {
            std::memcpy(floats.data(), bytes, size_t(p.elements) * 4);
        } else if (p.stored == "float16") {
            for (int64_t i = 0; i < p.elements; ++i) {
                floats[i] = halfToFloat(uint16_t(bytes[2 * i] | (bytes[2 * i + 1] << 8)));
            }
        } else if (p.stored == "uint16") {
            for (int64_t i = 0; i < p.elements; ++i) {
                const unsigned q = bytes[2 * i] | (bytes[2 * i + 1] << 8);
                floats[i] = float(q * p.scale + p.min);
            }
        } else {  // uint8
            for (int64_t i = 0; i < p.elements; ++i) {
                floats[i] = float(bytes[i] * p.scale + p.min);
            }
        }
        if (p.type == WeightType::Float32) {
            out->floats = std::move(floats);
            return;
        }
        out->ints.resize(floats.size());
        for (size_t i = 0; i < floats.size(); ++i) {
            out->ints[i] = int32_t(std::lround(floats[i]));
        }
    }

    bool readWeights(const HeaderJson* manifest) {
        if (!manifest) {
            return true;
        }
        if (manifest->type != HeaderJson::Type::Array) {
            return fail("has a weightsManifest that is not a list");
        }
        for (const HeaderJson& group : manifest->array) {
            if (!readGroup(group)) {
                return false;
            }
        }
        return true;
    }

    bool readGroup(const HeaderJson& group) {
        const HeaderJson* paths = group.find("paths");
        const HeaderJson* weights = group.find("weights");
        if (!paths || paths->type != HeaderJson::Type::Array || !weights ||
            weights->type != HeaderJson::Type::Array) {
            return fail("has a weightsManifest group without paths and weights");
        }
        std::string bytes;
        std::string shard_names;
        for (const HeaderJson& p : paths->array) {
            if (p.type != HeaderJson::Type::String || p.string.empty()) {
                return fail("has a weightsManifest path that is not a file name");
            }
            const std::string shard = folderOf(path_) + p.string;
            std::string shard_bytes;
            if (!readWholeFile(shard, &shard_bytes)) {
                return fail("its weight shard '" + shard + "' is missing or cannot be read");
            }
            bytes += shard_bytes;
            shard_names += (shard_names.empty() ? "'" : ", '") + shard + "'";
        }
        const std::string holds = "its weight shard" +
                                  std::string(paths->array.size() > 1 ? "s " : " ") + shard_names +
                                  " hold" + (paths->array.size() > 1 ? "" : "s") + " " +
                                  std::to_string(bytes.size()) + " bytes";
        size_t offset = 0;
        for (const HeaderJson& w : weights->array) {
            PendingWeight p;
            if (!readWeightEntry(w, &p)) {
                return false;
            }
            const size_t size = size_t(p.elements) * size_t(bytesPerElement(p.stored));
            if (offset + size > bytes.size()) {
                return fail(holds + ", too few for weight '" + p.name + "' (" + p.stored + " " +
                            shapeText(p.shape) + ", bytes " + std::to_string(offset) + " to " +
                            std::to_string(offset + size) + ")");
            }
            if (spec_->weights.count(p.name)) {
                return fail("names weight '" + p.name + "' twice in its weightsManifest");
            }
            decode(p, reinterpret_cast<const unsigned char*>(bytes.data()) + offset,
                   &spec_->weights[p.name]);
            offset += size;
        }
        if (offset != bytes.size()) {
            return fail(holds + ", more than the " + std::to_string(offset) +
                        " bytes its weights take");
        }
        return true;
    }

    bool checkConstants() {
        for (const GraphNodeSpec& node : spec_->nodes) {
            if (node.op != "Const") {
                continue;
            }
            const auto it = spec_->weights.find(node.name);
            if (it == spec_->weights.end()) {
                return fail("node '" + node.name + "' is a Const with no weight in the manifest");
            }
            const HeaderJson* value = node.attr.find("value");
            const HeaderJson* tensor = value ? value->find("tensor") : nullptr;
            std::vector<int64_t> declared;
            if (tensor && tensor->find("tensorShape") &&
                parseShape(tensor->find("tensorShape"), &declared) &&
                declared != it->second.shape) {
                return fail("weight '" + node.name + "' has shape " + shapeText(it->second.shape) +
                            " in the manifest, but its Const node declares " + shapeText(declared));
            }
        }
        return true;
    }

    const std::string& path_;
    GraphModelSpec* spec_;
    std::string* error_;
};

const HeaderJson* findAttr(const GraphNodeSpec& node, const char* name) {
    return node.attr.type == HeaderJson::Type::Object ? node.attr.find(name) : nullptr;
}

}  // namespace

bool readGraphModelFiles(const std::string& model_json_path, GraphModelSpec* spec,
                         std::string* error) {
    *spec = GraphModelSpec();
    if (!Reader(model_json_path, spec, error).read()) {
        *spec = GraphModelSpec();
        return false;
    }
    return true;
}

std::optional<int64_t> attrInt(const GraphNodeSpec& node, const char* name) {
    const HeaderJson* a = findAttr(node, name);
    const HeaderJson* i = a ? a->find("i") : nullptr;
    return i ? jsonInt(*i) : std::nullopt;
}

std::optional<double> attrFloat(const GraphNodeSpec& node, const char* name) {
    const HeaderJson* a = findAttr(node, name);
    const HeaderJson* f = a ? a->find("f") : nullptr;
    if (!f) {
        return std::nullopt;
    }
    if (f->type == HeaderJson::Type::Number) {
        return f->number;
    }
    if (f->type == HeaderJson::Type::String) {
        return std::strtod(f->string.c_str(), nullptr);  // "NaN", "Infinity"
    }
    return std::nullopt;
}

std::optional<bool> attrBool(const GraphNodeSpec& node, const char* name) {
    const HeaderJson* a = findAttr(node, name);
    const HeaderJson* b = a ? a->find("b") : nullptr;
    if (!b || b->type != HeaderJson::Type::Bool) {
        return std::nullopt;
    }
    return b->boolean;
}

std::optional<std::string> attrString(const GraphNodeSpec& node, const char* name) {
    const HeaderJson* a = findAttr(node, name);
    const HeaderJson* s = a ? a->find("s") : nullptr;
    if (!s || s->type != HeaderJson::Type::String) {
        return std::nullopt;
    }
    return decodeBase64(s->string);
}

std::optional<std::vector<int64_t>> attrIntList(const GraphNodeSpec& node, const char* name) {
    const HeaderJson* a = findAttr(node, name);
    const HeaderJson* list = a ? a->find("list") : nullptr;
    if (!list || list->type != HeaderJson::Type::Object) {
        return std::nullopt;
    }
    std::vector<int64_t> values;
    if (const HeaderJson* items = list->find("i")) {
        if (items->type != HeaderJson::Type::Array) {
            return std::nullopt;
        }
        for (const HeaderJson& item : items->array) {
            const std::optional<int64_t> v = jsonInt(item);
            if (!v) {
                return std::nullopt;
            }
            values.push_back(*v);
        }
    }
    return values;
}

std::optional<std::vector<std::string>> attrStringList(const GraphNodeSpec& node,
                                                       const char* name) {
    const HeaderJson* a = findAttr(node, name);
    const HeaderJson* list = a ? a->find("list") : nullptr;
    if (!list || list->type != HeaderJson::Type::Object) {
        return std::nullopt;
    }
    std::vector<std::string> values;
    if (const HeaderJson* items = list->find("s")) {
        if (items->type != HeaderJson::Type::Array) {
            return std::nullopt;
        }
        for (const HeaderJson& item : items->array) {
            std::optional<std::string> v =
                item.type == HeaderJson::Type::String ? decodeBase64(item.string) : std::nullopt;
            if (!v) {
                return std::nullopt;
            }
            values.push_back(std::move(*v));
        }
    }
    return values;
}

std::optional<std::vector<int64_t>> attrShape(const GraphNodeSpec& node, const char* name) {
    const HeaderJson* a = findAttr(node, name);
    const HeaderJson* shape = a ? a->find("shape") : nullptr;
    std::vector<int64_t> dims;
    if (!shape || shape->find("unknownRank") || !parseShape(shape, &dims)) {
        return std::nullopt;
    }
    return dims;
}

float halfToFloat(uint16_t bits) {
    const uint32_t sign = uint32_t(bits & 0x8000) << 16;
    const uint32_t exponent = (bits >> 10) & 0x1F;
    uint32_t mantissa = bits & 0x3FF;
    uint32_t out = 0;
    if (exponent == 0x1F) {  // infinity or NaN
        out = sign | 0x7F800000u | (mantissa << 13);
    } else if (exponent != 0) {
        out = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa != 0) {  // subnormal: normalise into a float32 exponent
        int e = 113;
        while (!(mantissa & 0x400)) {
            mantissa <<= 1;
            --e;
        }
        out = sign | (uint32_t(e) << 23) | ((mantissa & 0x3FF) << 13);
    } else {
        out = sign;
    }
    float f;
    std::memcpy(&f, &out, sizeof f);
    return f;
}

}  // namespace ps::nn

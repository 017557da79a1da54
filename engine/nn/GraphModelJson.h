// Reads a TensorFlow.js graph model's files: model.json (the nodes, the signature and the weights
// manifest) and the binary shards beside it, decoded (float16 and uint8/uint16 quantisation
// included) to plain float and int32 arrays. No LibTorch here: this is the file format alone, and
// every problem it finds is one line naming the file and the node or weight.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "nn/GraphModel.h"
#include "nn/HeaderJson.h"

namespace ps::nn {

// One input of a node: output `output` of node `node` ("conv:1" is node "conv", output 1).
struct GraphInputRef {
    std::string node;
    int output = 0;
};

struct GraphNodeSpec {
    std::string name;
    std::string op;
    std::vector<GraphInputRef> inputs;  // control dependencies ("^node") are dropped
    HeaderJson attr;                    // TensorFlow AttrValue JSON by attribute name
};

enum class WeightType { Invalid = 0, Float32, Int32 };

struct GraphWeight {
    WeightType type = WeightType::Invalid;
    std::vector<int64_t> shape;
    std::vector<float> floats;  // when Float32
    std::vector<int32_t> ints;  // when Int32
};

struct GraphModelSpec {
    std::vector<GraphNodeSpec> nodes;  // in file order
    std::map<std::string, GraphWeight> weights;
    // From the signature (top level or in userDefinedMetadata); both empty when there is none.
    std::vector<GraphPort> inputs;
    std::vector<GraphPort> outputs;
};

// Reads `model_json_path` and its shards. False with `error` ("<path>: <problem>") when the file
// is not JSON or not a graph model, a shard is missing or holds more or fewer bytes than the
// manifest's weights, a weight's dtype or shape cannot be read, or a Const node has no weight.
bool readGraphModelFiles(const std::string& model_json_path, GraphModelSpec* spec,
                         std::string* error);

// Attribute readers; nullopt when the attribute is absent or not of that kind.
std::optional<int64_t> attrInt(const GraphNodeSpec& node, const char* name);
std::optional<double> attrFloat(const GraphNodeSpec& node, const char* name);
std::optional<bool> attrBool(const GraphNodeSpec& node, const char* name);
std::optional<std::string> attrString(const GraphNodeSpec& node, const char* name);  // decoded
std::optional<std::vector<int64_t>> attrIntList(const GraphNodeSpec& node, const char* name);
std::optional<std::vector<std::string>> attrStringList(const GraphNodeSpec& node, const char* name);
// A "shape" attribute (a Placeholder's): -1 for a free dimension; nullopt when absent.
std::optional<std::vector<int64_t>> attrShape(const GraphNodeSpec& node, const char* name);

// Decodes IEEE 754 half-precision bits (subnormals, infinities and NaN included).
float halfToFloat(uint16_t bits);

}  // namespace ps::nn

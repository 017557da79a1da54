#include "nn/GraphModel.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <functional>
#include <numeric>

#include "nn/GraphKernels.h"
#include "nn/GraphModelJson.h"

namespace ps::nn {

namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i) {
        text += (i ? "," : "") + std::to_string(shape[i]);
    }
    return text + "]";
}

// "Identity_2:0" -> "Identity_2" (every operation here has a single output, output 0).
std::string nodeOfPort(const std::string& port) {
    const size_t colon = port.rfind(':');
    return colon != std::string::npos && port.substr(colon) == ":0" ? port.substr(0, colon) : port;
}

// LibTorch's messages carry a backtrace and sometimes several lines; the first says what.
std::string firstLine(const std::exception& e) {
    const c10::Error* torch_error = dynamic_cast<const c10::Error*>(&e);
    const std::string text = torch_error ? torch_error->what_without_backtrace() : e.what();
    return text.substr(0, text.find('\n'));
}

at::Tensor weightTensor(const GraphWeight& w) {
    if (w.type == WeightType::Int32) {
        return at::tensor(at::ArrayRef<int32_t>(w.ints), at::kInt).reshape(w.shape);
    }
    return at::tensor(at::ArrayRef<float>(w.floats), at::kFloat).reshape(w.shape);
}

bool shapeFits(const std::vector<int64_t>& given, const std::vector<int64_t>& expected) {
    if (expected.empty()) {
        return true;  // the signature leaves it open
    }
    if (given.size() != expected.size()) {
        return false;
    }
    for (size_t i = 0; i < given.size(); ++i) {
        if (expected[i] >= 0 && given[i] != expected[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

int64_t FloatTensor::elementCount() const {
    return std::accumulate(shape.begin(), shape.end(), int64_t(1), std::multiplies<int64_t>());
}

struct GraphModel::Impl {
    struct Step {
        std::string name;
        std::string op;
        GraphKernel kernel;
        int slot = 0;
        std::vector<int> inputs;   // slots
        std::vector<int> release;  // slots this step is the last to read
    };

    std::string path;
    std::vector<GraphPort> inputs;
    std::vector<GraphPort> outputs;
    std::vector<int> input_slots;               // per input port
    std::vector<int> output_slots;              // per output port
    std::map<std::string, size_t> input_names;  // a port's name, or its node's, to the port
    std::map<std::string, int> node_slots;
    std::vector<std::pair<int, at::Tensor>> constants;
    std::vector<Step> steps;    // in topological order
    std::vector<int> producer;  // per slot: the step computing it, -1 for constants and inputs
    size_t slot_count = 0;

    // Runs the steps the slots in `wanted` need; the error names the node that failed.
    bool execute(const std::vector<at::Tensor>& input_values, const std::vector<int>& wanted,
                 std::vector<at::Tensor>* results, std::string* error) const;
    bool build(const GraphModelSpec& spec, std::string* problem);
    bool buildPorts(const GraphModelSpec& spec, const std::map<std::string, size_t>& index,
                    const std::vector<int>& slot_of, std::string* problem);
    bool trialRun(std::string* problem) const;
};

bool GraphModel::Impl::execute(const std::vector<at::Tensor>& input_values,
                               const std::vector<int>& wanted, std::vector<at::Tensor>* results,
                               std::string* error) const {
    c10::InferenceMode inference;
    std::vector<at::Tensor> slots(slot_count);
    for (const auto& [slot, value] : constants) {
        slots[size_t(slot)] = value;
    }
    for (size_t i = 0; i < input_slots.size(); ++i) {
        slots[size_t(input_slots[i])] = input_values[i];
    }
    std::vector<char> keep(slot_count, 0);
    std::vector<char> needed(steps.size(), 0);
    std::vector<int> pending(wanted.begin(), wanted.end());
    for (const int slot : wanted) {
        keep[size_t(slot)] = 1;
    }
    while (!pending.empty()) {
        const int step = producer[size_t(pending.back())];
        pending.pop_back();
        if (step >= 0 && !needed[size_t(step)]) {
            needed[size_t(step)] = 1;
            pending.insert(pending.end(), steps[size_t(step)].inputs.begin(),
                           steps[size_t(step)].inputs.end());
        }
    }
    std::vector<at::Tensor> in;
    for (size_t i = 0; i < steps.size(); ++i) {
        const Step& step = steps[i];
        if (needed[i]) {
            in.clear();
            for (const int slot : step.inputs) {
                in.push_back(slots[size_t(slot)]);
            }
            try {
                slots[size_t(step.slot)] = step.kernel(in);
            } catch (const std::exception& e) {
                *error = "node '" + step.name + "' (" + step.op + ") " + firstLine(e);
                return false;
            }
        }
        for (const int slot : step.release) {
            if (!keep[size_t(slot)]) {
                slots[size_t(slot)].reset();
            }
        }
    }
    results->clear();
    for (const int slot : wanted) {
        results->push_back(slots[size_t(slot)]);
    }
    return true;
}

bool GraphModel::Impl::build(const GraphModelSpec& spec, std::string* problem) {
    const std::vector<GraphNodeSpec>& nodes = spec.nodes;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < nodes.size(); ++i) {
        index[nodes[i].name] = i;
        const std::string& op = nodes[i].op;
        if (op != "Const" && op != "Placeholder" && !isKernelOp(op)) {
            *problem = "node '" + nodes[i].name + "' uses operation '" + op +
                       "', which this runner does not execute";
            return false;
        }
    }
    // Inputs must name nodes; Kahn's algorithm then orders the nodes, file order among equals.
    std::vector<std::vector<size_t>> readers(nodes.size());
    std::vector<size_t> unmet(nodes.size(), 0);
    for (size_t i = 0; i < nodes.size(); ++i) {
        for (const GraphInputRef& ref : nodes[i].inputs) {
            const auto it = index.find(ref.node);
            if (it == index.end()) {
                *problem = "node '" + nodes[i].name + "' takes input '" + ref.node +
                           "', which names no node in the graph";
                return false;
            }
            if (ref.output != 0) {
                *problem = "node '" + nodes[i].name + "' takes output " +
                           std::to_string(ref.output) + " of node '" + ref.node +
                           "', which has only one output";
                return false;
            }
            readers[it->second].push_back(i);
            ++unmet[i];
        }
    }
    std::vector<size_t> order;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (unmet[i] == 0) {
            order.push_back(i);
        }
    }
    for (size_t k = 0; k < order.size(); ++k) {
        for (const size_t r : readers[order[k]]) {
            if (--unmet[r] == 0) {
                order.push_back(r);
            }
        }
    }
    if (order.size() != nodes.size()) {
        const size_t stuck =
            size_t(std::find_if(unmet.begin(), unmet.end(), [](size_t n) { return n > 0; }) -
                   unmet.begin());
        *problem = "node '" + nodes[stuck].name + "' is part of a cycle";
        return false;
    }
    std::vector<int> slot_of(nodes.size());
    for (size_t k = 0; k < order.size(); ++k) {
        slot_of[order[k]] = int(k);
        node_slots[nodes[order[k]].name] = int(k);
    }
    slot_count = nodes.size();
    producer.assign(slot_count, -1);
    std::vector<at::Tensor> constant_of(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].op == "Const") {
            constant_of[i] = weightTensor(spec.weights.at(nodes[i].name));
            constants.emplace_back(slot_of[i], constant_of[i]);
        }
    }
    for (const size_t i : order) {
        const GraphNodeSpec& node = nodes[i];
        if (node.op == "Const" || node.op == "Placeholder") {
            continue;
        }
        Step step;
        step.name = node.name;
        step.op = node.op;
        step.slot = slot_of[i];
        std::vector<at::Tensor> constant_inputs;
        for (const GraphInputRef& ref : node.inputs) {
            step.inputs.push_back(slot_of[index.at(ref.node)]);
            constant_inputs.push_back(constant_of[index.at(ref.node)]);
        }
        if (!makeGraphKernel(node, constant_inputs, &step.kernel, problem)) {
            return false;
        }
        producer[size_t(step.slot)] = int(steps.size());
        steps.push_back(std::move(step));
    }
    // Each value is dropped after the last step that reads it.
    std::vector<int> last_reader(slot_count, -1);
    for (size_t s = 0; s < steps.size(); ++s) {
        for (const int slot : steps[s].inputs) {
            last_reader[size_t(slot)] = int(s);
        }
    }
    for (size_t slot = 0; slot < slot_count; ++slot) {
        if (last_reader[slot] >= 0) {
            steps[size_t(last_reader[slot])].release.push_back(int(slot));
        }
    }
    return buildPorts(spec, index, slot_of, problem);
}

bool GraphModel::Impl::buildPorts(const GraphModelSpec& spec,
                                  const std::map<std::string, size_t>& index,
                                  const std::vector<int>& slot_of, std::string* problem) {
    const std::vector<GraphNodeSpec>& nodes = spec.nodes;
    // The signature's inputs first, then any Placeholder it leaves out (every one must be fed).
    std::vector<char> is_input(nodes.size(), 0);
    for (const GraphPort& port : spec.inputs) {
        const auto it = index.find(nodeOfPort(port.name));
        if (it == index.end() || nodes[it->second].op != "Placeholder") {
            *problem = "its signature input '" + port.name + "' names no Placeholder node";
            return false;
        }
        GraphPort p = port;
        if (p.shape.empty()) {
            p.shape = attrShape(nodes[it->second], "shape").value_or(std::vector<int64_t>());
        }
        is_input[it->second] = 1;
        inputs.push_back(p);
        input_slots.push_back(slot_of[it->second]);
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].op == "Placeholder" && !is_input[i]) {
            inputs.push_back({nodes[i].name + ":0",
                              attrShape(nodes[i], "shape").value_or(std::vector<int64_t>())});
            input_slots.push_back(slot_of[i]);
        }
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        input_names[inputs[i].name] = i;
        input_names[nodeOfPort(inputs[i].name)] = i;
    }
    if (!spec.outputs.empty()) {
        for (const GraphPort& port : spec.outputs) {
            const auto it = index.find(nodeOfPort(port.name));
            if (it == index.end()) {
                *problem = "its signature output '" + port.name + "' names no node";
                return false;
            }
            outputs.push_back(port);
            output_slots.push_back(slot_of[it->second]);
        }
        return true;
    }
    // Without a signature the outputs are the nodes nothing reads.
    std::vector<char> read(nodes.size(), 0);
    for (const GraphNodeSpec& node : nodes) {
        for (const GraphInputRef& ref : node.inputs) {
            read[index.at(ref.node)] = 1;
        }
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (!read[i] && nodes[i].op != "Const") {
            outputs.push_back({nodes[i].name + ":0", {}});
            output_slots.push_back(slot_of[i]);
        }
    }
    return true;
}

// Loading promises that shapes agree: run once on zeros of the signature's shapes (batch 1).
bool GraphModel::Impl::trialRun(std::string* problem) const {
    std::vector<at::Tensor> values;
    for (const GraphPort& port : inputs) {
        std::vector<int64_t> shape = port.shape;
        if (!shape.empty() && shape[0] < 0) {
            shape[0] = 1;
        }
        if (std::any_of(shape.begin(), shape.end(), [](int64_t d) { return d < 0; }) ||
            (shape.empty() && !port.shape.empty())) {
            return true;  // free dimensions besides the batch: nothing to try
        }
        values.push_back(at::zeros(shape, at::kFloat));
    }
    std::vector<at::Tensor> results;
    std::string failure;
    if (!execute(values, output_slots, &results, &failure)) {
        *problem = failure + " (on zero inputs of the signature's shapes)";
        return false;
    }
    for (size_t i = 0; i < outputs.size(); ++i) {
        if (!shapeFits(results[i].sizes().vec(), outputs[i].shape)) {
            *problem = "its output '" + outputs[i].name + "' has shape " +
                       shapeText(results[i].sizes().vec()) + ", but its signature says " +
                       shapeText(outputs[i].shape);
            return false;
        }
    }
    return true;
}

GraphModel::GraphModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphModel::~GraphModel() = default;

std::unique_ptr<GraphModel> GraphModel::load(const std::string& model_json_path,
                                             std::string* error) {
    GraphModelSpec spec;
    if (!readGraphModelFiles(model_json_path, &spec, error)) {
        return nullptr;
    }
    auto impl = std::make_unique<Impl>();
    impl->path = model_json_path;
    std::string problem;
    try {
        if (!impl->build(spec, &problem) || !impl->trialRun(&problem)) {
            *error = model_json_path + ": " + problem;
            return nullptr;
        }
    } catch (const std::exception& e) {  // LibTorch refusing a weight while building
        *error = model_json_path + ": " + firstLine(e);
        return nullptr;
    }
    return std::unique_ptr<GraphModel>(new GraphModel(std::move(impl)));
}

const std::vector<GraphPort>& GraphModel::inputs() const {
    return impl_->inputs;
}

const std::vector<GraphPort>& GraphModel::outputs() const {
    return impl_->outputs;
}

bool GraphModel::run(const std::map<std::string, FloatTensor>& inputs,
                     const std::vector<std::string>& output_names,
                     std::map<std::string, FloatTensor>* outputs, std::string* error) const {
    const Impl& impl = *impl_;
    const auto fail = [&](const std::string& problem) {
        *error = impl.path + ": " + problem;
        return false;
    };
    std::vector<const FloatTensor*> given(impl.inputs.size(), nullptr);
    for (const auto& [name, tensor] : inputs) {
        const auto it = impl.input_names.find(name);
        if (it == impl.input_names.end()) {
            return fail("the model has no input '" + name + "'");
        }
        given[it->second] = &tensor;
    }
    std::vector<at::Tensor> values;
    for (size_t i = 0; i < impl.inputs.size(); ++i) {
        const GraphPort& port = impl.inputs[i];
        const FloatTensor* t = given[i];
        if (!t) {
            return fail("input '" + port.name + "' is missing");
        }
        const bool valid =
            std::all_of(t->shape.begin(), t->shape.end(), [](int64_t d) { return d >= 0; });
        if (!valid || !shapeFits(t->shape, port.shape)) {
            return fail("input '" + port.name + "' has shape " + shapeText(t->shape) +
                        ", but the model takes " + shapeText(port.shape));
        }
        if (int64_t(t->data.size()) != t->elementCount()) {
            return fail("input '" + port.name + "' holds " + std::to_string(t->data.size()) +
                        " values, not the " + std::to_string(t->elementCount()) + " of its shape " +
                        shapeText(t->shape));
        }
        // Not copied: the steps only read their inputs.
        values.push_back(at::from_blob(const_cast<float*>(t->data.data()), t->shape, at::kFloat));
    }
    std::vector<std::string> names;
    std::vector<int> wanted;
    if (output_names.empty()) {
        for (size_t i = 0; i < impl.outputs.size(); ++i) {
            names.push_back(impl.outputs[i].name);
            wanted.push_back(impl.output_slots[i]);
        }
    }
    for (const std::string& name : output_names) {
        const auto it = impl.node_slots.find(nodeOfPort(name));
        if (it == impl.node_slots.end()) {
            return fail("the model has no output '" + name + "'");
        }
        names.push_back(name);
        wanted.push_back(it->second);
    }
    std::vector<at::Tensor> results;
    std::string problem;
    if (!impl.execute(values, wanted, &results, &problem)) {
        return fail(problem);
    }
    outputs->clear();
    for (size_t i = 0; i < results.size(); ++i) {
        const at::Tensor r = results[i].to(at::kFloat).contiguous();
        FloatTensor& out = (*outputs)[names[i]];
        out.shape = r.sizes().vec();
        out.data.assign(r.data_ptr<float>(), r.data_ptr<float>() + r.numel());
    }
    return true;
}

void GraphModel::setThreads(int threads) {
    at::set_num_threads(std::max(1, threads));
}

}  // namespace ps::nn

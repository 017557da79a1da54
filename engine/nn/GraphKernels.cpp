#include "nn/GraphKernels.h"

#include <map>
#include <stdexcept>

#include "nn/GraphOps.h"

namespace ps::nn {

namespace {

// What a factory knows about the node it compiles, and the node-naming error it reports.
class NodeInfo {
public:
    NodeInfo(const GraphNodeSpec& node, const std::vector<at::Tensor>& constants,
             std::string* error)
        : node(node), constants(constants), error_(error) {}

    bool fail(const std::string& problem) const {
        *error_ = "node '" + node.name + "' (" + node.op + ") " + problem;
        return false;
    }

    bool expectInputs(size_t least, size_t most) const {
        const size_t n = node.inputs.size();
        if (n >= least && n <= most) {
            return true;
        }
        const std::string wanted = least == most ? std::to_string(least)
                                   : most == size_t(-1)
                                       ? "at least " + std::to_string(least)
                                       : std::to_string(least) + " to " + std::to_string(most);
        return fail("has " + std::to_string(n) + " inputs, but " + node.op + " takes " + wanted);
    }

    // The node's constant input `i` repacked by `pack`, or undefined when it is computed.
    at::Tensor packed(size_t i, at::Tensor (*pack)(const at::Tensor&)) const {
        return constants[i].defined() ? pack(constants[i]) : at::Tensor();
    }

    const GraphNodeSpec& node;
    const std::vector<at::Tensor>& constants;

private:
    std::string* error_;
};

std::vector<int64_t> intValues(const at::Tensor& t) {
    const at::Tensor v = t.to(at::kLong).contiguous();
    return std::vector<int64_t>(v.data_ptr<int64_t>(), v.data_ptr<int64_t>() + v.numel());
}

[[noreturn]] void refuse(const std::string& problem) {
    throw std::runtime_error(problem);
}

bool readNhwcLayout(const NodeInfo& info) {
    const std::optional<std::string> format = attrString(info.node, "data_format");
    if (format && *format != "NHWC") {
        return info.fail("uses data format '" + *format + "'; this runner executes NHWC only");
    }
    return true;
}

// strides, dilations, padding (and ksize for pools) of an NHWC node.
bool readWindow(const NodeInfo& info, bool pool, Window2d* w) {
    if (!readNhwcLayout(info)) {
        return false;
    }
    const auto spatial = [&](const char* name, int64_t* h, int64_t* wd, bool required) {
        const std::optional<std::vector<int64_t>> v = attrIntList(info.node, name);
        if (!v || v->empty()) {
            return !required || info.fail(std::string("has no ") + name);
        }
        if (v->size() != 4 || (*v)[0] != 1 || (*v)[3] != 1 || (*v)[1] < 1 || (*v)[2] < 1) {
            return info.fail(std::string("has ") + name +
                             " this runner does not execute (4 positive values, 1 for batch "
                             "and channels)");
        }
        *h = (*v)[1];
        *wd = (*v)[2];
        return true;
    };
    if (!spatial("strides", &w->stride_h, &w->stride_w, true) ||
        !spatial("dilations", &w->dilation_h, &w->dilation_w, false) ||
        (pool && !spatial("ksize", &w->kernel_h, &w->kernel_w, true))) {
        return false;
    }
    const std::optional<std::string> padding = attrString(info.node, "padding");
    if (padding == "SAME") {
        w->padding = PaddingMode::Same;
    } else if (padding == "VALID") {
        w->padding = PaddingMode::Valid;
    } else if (padding == "EXPLICIT") {
        w->padding = PaddingMode::Explicit;
        const std::optional<std::vector<int64_t>> e = attrIntList(info.node, "explicit_paddings");
        if (!e || e->size() != 8) {
            return info.fail("has EXPLICIT padding without 8 explicit_paddings");
        }
        for (const int64_t p : *e) {
            if (p < 0) {
                return info.fail("has negative explicit_paddings");
            }
        }
        w->explicit_pads = {(*e)[2], (*e)[3], (*e)[4], (*e)[5]};
    } else {
        return info.fail("has padding '" + padding.value_or("") +
                         "'; this runner executes SAME, VALID and EXPLICIT");
    }
    return true;
}

enum class Activation { None = 0, Relu, Relu6, Prelu };

// In place: `x` is the convolution's fresh result, read by nothing else yet.
at::Tensor activate(Activation a, at::Tensor x, const at::Tensor& alpha) {
    switch (a) {
        case Activation::Relu:
            return x.relu_();
        case Activation::Relu6:
            return x.clamp_(0.0, 6.0);
        case Activation::Prelu:
            return tfPrelu(x, alpha);
        case Activation::None:
            break;
    }
    return x;
}

using ConvFn = at::Tensor (*)(const at::Tensor&, const at::Tensor&, const at::Tensor&,
                              const Window2d&);

// Conv2D, DepthwiseConv2dNative and _FusedConv2D (BiasAdd, then Relu, Relu6 or Prelu).
bool makeConvolution(const NodeInfo& info, GraphKernel* kernel) {
    const bool fused = info.node.op == "_FusedConv2D";
    const bool depthwise = info.node.op == "DepthwiseConv2dNative";
    Activation activation = Activation::None;
    size_t args = 0;
    if (fused) {
        const std::vector<std::string> ops =
            attrStringList(info.node, "fused_ops").value_or(std::vector<std::string>());
        if (ops.empty() || ops[0] != "BiasAdd" || ops.size() > 2) {
            std::string list;
            for (const std::string& op : ops) {
                list += (list.empty() ? "" : ", ") + op;
            }
            return info.fail("fuses [" + list +
                             "]; this runner executes BiasAdd optionally followed by Relu, "
                             "Relu6 or Prelu");
        }
        if (ops.size() == 2) {
            const std::map<std::string, Activation> known = {{"Relu", Activation::Relu},
                                                             {"Relu6", Activation::Relu6},
                                                             {"Prelu", Activation::Prelu}};
            const auto it = known.find(ops[1]);
            if (it == known.end()) {
                return info.fail("fuses '" + ops[1] + "', which this runner does not execute");
            }
            activation = it->second;
        }
        args = activation == Activation::Prelu ? 2 : 1;
        if (attrInt(info.node, "num_args").value_or(int64_t(args)) != int64_t(args)) {
            return info.fail("has num_args that do not match its fused_ops");
        }
    }
    Window2d window;
    if (!info.expectInputs(2 + args, 2 + args) || !readWindow(info, false, &window)) {
        return false;
    }
    if (info.constants[1].defined() && info.constants[1].dim() != 4) {
        return info.fail("has a filter that is not 4-D");
    }
    const auto pack = depthwise ? packDepthwiseFilter : packConvFilter;
    const ConvFn conv = depthwise ? depthwiseConv2d : conv2d;
    const at::Tensor filter = info.packed(1, pack);
    *kernel = [=](const std::vector<at::Tensor>& in) {
        if (in[1].dim() != 4) {
            refuse("its filter is not 4-D");
        }
        const at::Tensor bias = args >= 1 ? in[2].reshape({-1}) : at::Tensor();
        const at::Tensor y = conv(in[0], filter.defined() ? filter : pack(in[1]), bias, window);
        return activate(activation, y, args == 2 ? in[3] : at::Tensor());
    };
    return true;
}

bool makeTransposedConvolution(const NodeInfo& info, GraphKernel* kernel) {
    Window2d window;
    if (!info.expectInputs(3, 3) || !readWindow(info, false, &window)) {
        return false;
    }
    if (info.constants[1].defined() && info.constants[1].dim() != 4) {
        return info.fail("has a filter that is not 4-D");
    }
    const at::Tensor filter = info.packed(1, packTransposedFilter);
    *kernel = [=](const std::vector<at::Tensor>& in) {
        const std::vector<int64_t> sizes = intValues(in[0]);
        if (sizes.size() != 4 || in[1].dim() != 4) {
            refuse("needs a 4-D output shape and a 4-D filter");
        }
        return conv2dBackpropInput(in[2], filter.defined() ? filter : packTransposedFilter(in[1]),
                                   sizes[1], sizes[2], window);
    };
    return true;
}

bool makePool(const NodeInfo& info, GraphKernel* kernel) {
    Window2d window;
    if (!info.expectInputs(1, 1) || !readWindow(info, true, &window)) {
        return false;
    }
    if (info.node.op == "AvgPool" && window.padding == PaddingMode::Explicit) {
        return info.fail("has EXPLICIT padding, which TensorFlow allows only for MaxPool");
    }
    const bool max = info.node.op == "MaxPool";
    *kernel = [=](const std::vector<at::Tensor>& in) {
        return max ? maxPool(in[0], window) : avgPool(in[0], window);
    };
    return true;
}

bool makeResize(const NodeInfo& info, GraphKernel* kernel) {
    if (!info.expectInputs(2, 2)) {
        return false;
    }
    const bool align_corners = attrBool(info.node, "align_corners").value_or(false);
    const bool half_pixel = attrBool(info.node, "half_pixel_centers").value_or(false);
    if (align_corners && half_pixel) {
        return info.fail("sets both align_corners and half_pixel_centers");
    }
    *kernel = [=](const std::vector<at::Tensor>& in) {
        const std::vector<int64_t> size = intValues(in[1]);
        if (size.size() != 2 || size[0] < 1 || size[1] < 1 || in[0].dim() != 4) {
            refuse("needs a 4-D image and a size of two positive values");
        }
        return resizeBilinear(in[0], size[0], size[1], align_corners, half_pixel);
    };
    return true;
}

bool makePad(const NodeInfo& info, GraphKernel* kernel) {
    if (!info.expectInputs(2, 2)) {
        return false;
    }
    *kernel = [](const std::vector<at::Tensor>& in) {
        const std::vector<int64_t> paddings = intValues(in[1]);
        if (paddings.size() != size_t(2 * in[0].dim())) {
            refuse("has paddings for " + std::to_string(paddings.size() / 2) + " dimensions of a " +
                   std::to_string(in[0].dim()) + "-D tensor");
        }
        for (const int64_t p : paddings) {
            if (p < 0) {
                refuse("has negative paddings");
            }
        }
        return padConstant(in[0], paddings, 0.0);
    };
    return true;
}

bool makeReshape(const NodeInfo& info, GraphKernel* kernel) {
    if (!info.expectInputs(2, 2)) {
        return false;
    }
    *kernel = [](const std::vector<at::Tensor>& in) { return in[0].reshape(intValues(in[1])); };
    return true;
}

bool makeConcat(const NodeInfo& info, GraphKernel* kernel) {
    if (!info.expectInputs(2, size_t(-1))) {
        return false;
    }
    *kernel = [](const std::vector<at::Tensor>& in) {
        const std::vector<int64_t> axis = intValues(in.back());
        if (axis.size() != 1) {
            refuse("has an axis that is not one value");
        }
        const int64_t rank = in[0].dim();
        const int64_t a = axis[0] < 0 ? axis[0] + rank : axis[0];
        if (a < 0 || a >= rank) {
            refuse("has axis " + std::to_string(axis[0]) + " for " + std::to_string(rank) +
                   "-D inputs");
        }
        return at::cat(at::TensorList(in.data(), in.size() - 1), a);
    };
    return true;
}

bool makeElementwise(const NodeInfo& info, GraphKernel* kernel) {
    const std::string& op = info.node.op;
    if (op == "AddN") {
        if (!info.expectInputs(1, size_t(-1))) {
            return false;
        }
        *kernel = [](const std::vector<at::Tensor>& in) {
            at::Tensor sum = in[0];
            for (size_t i = 1; i < in.size(); ++i) {
                sum = sum + in[i];
            }
            return sum;
        };
        return true;
    }
    if (op == "Add" || op == "AddV2" || op == "Mul" || op == "Prelu") {
        if (!info.expectInputs(2, 2)) {
            return false;
        }
        if (op == "Mul") {
            *kernel = [](const std::vector<at::Tensor>& in) { return in[0] * in[1]; };
        } else if (op == "Prelu") {
            *kernel = [](const std::vector<at::Tensor>& in) { return tfPrelu(in[0], in[1]); };
        } else {
            *kernel = [](const std::vector<at::Tensor>& in) { return in[0] + in[1]; };
        }
        return true;
    }
    if (!info.expectInputs(1, 1)) {
        return false;
    }
    if (op == "Relu") {
        *kernel = [](const std::vector<at::Tensor>& in) { return at::relu(in[0]); };
    } else if (op == "Relu6") {
        *kernel = [](const std::vector<at::Tensor>& in) { return tfRelu6(in[0]); };
    } else if (op == "Sigmoid") {
        *kernel = [](const std::vector<at::Tensor>& in) { return at::sigmoid(in[0]); };
    } else {  // Identity
        *kernel = [](const std::vector<at::Tensor>& in) { return in[0]; };
    }
    return true;
}

using Factory = bool (*)(const NodeInfo&, GraphKernel*);

const std::map<std::string, Factory>& factories() {
    static const std::map<std::string, Factory> table = {
        {"Add", makeElementwise},
        {"AddN", makeElementwise},
        {"AddV2", makeElementwise},
        {"AvgPool", makePool},
        {"ConcatV2", makeConcat},
        {"Conv2D", makeConvolution},
        {"Conv2DBackpropInput", makeTransposedConvolution},
        {"DepthwiseConv2dNative", makeConvolution},
        {"Identity", makeElementwise},
        {"MaxPool", makePool},
        {"Mul", makeElementwise},
        {"Pad", makePad},
        {"Prelu", makeElementwise},
        {"Relu", makeElementwise},
        {"Relu6", makeElementwise},
        {"Reshape", makeReshape},
        {"ResizeBilinear", makeResize},
        {"Sigmoid", makeElementwise},
        {"_FusedConv2D", makeConvolution},
    };
    return table;
}

}  // namespace

bool isKernelOp(const std::string& op) {
    return factories().count(op) > 0;
}

bool makeGraphKernel(const GraphNodeSpec& node, const std::vector<at::Tensor>& constants,
                     GraphKernel* kernel, std::string* error) {
    const auto it = factories().find(node.op);
    if (it == factories().end()) {
        *error = "node '" + node.name + "' uses operation '" + node.op +
                 "', which this runner does not execute";
        return false;
    }
    try {
        return it->second(NodeInfo(node, constants, error), kernel);
    } catch (const std::exception& e) {  // a constant filter LibTorch could not repack
        *error = "node '" + node.name + "' (" + node.op + ") has inputs this runner cannot use";
        return false;
    }
}

}  // namespace ps::nn

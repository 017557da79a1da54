#include "nn/GraphOps.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ps::nn {

namespace {

// NHWC <-> NCHW as views: a contiguous NHWC tensor is a channels-last NCHW one.
at::Tensor toNchw(const at::Tensor& nhwc) {
    return nhwc.contiguous().permute({0, 3, 1, 2});
}

at::Tensor toNhwc(const at::Tensor& nchw) {
    return nchw.permute({0, 2, 3, 1}).contiguous();
}

struct SpatialPads {
    PadPair h, w;
    bool symmetric() const { return h.before == h.after && w.before == w.after; }
};

SpatialPads padsFor(const at::Tensor& nchw, const Window2d& win, int64_t kernel_h,
                    int64_t kernel_w) {
    const auto& e = win.explicit_pads;
    return {
        tfPadding(win.padding, nchw.size(2), kernel_h, win.stride_h, win.dilation_h, {e[0], e[1]}),
        tfPadding(win.padding, nchw.size(3), kernel_w, win.stride_w, win.dilation_w, {e[2], e[3]})};
}

at::Tensor padSpatial(const at::Tensor& nchw, const SpatialPads& p, double value) {
    return at::constant_pad_nd(nchw, {p.w.before, p.w.after, p.h.before, p.h.after}, value);
}

at::Tensor convolve(const at::Tensor& x, const at::Tensor& packed, const at::Tensor& bias,
                    const Window2d& win, int64_t groups) {
    at::Tensor in = toNchw(x);
    const SpatialPads pads = padsFor(in, win, packed.size(2), packed.size(3));
    std::vector<int64_t> padding = {pads.h.before, pads.w.before};
    if (!pads.symmetric()) {
        in = padSpatial(in, pads, 0.0);
        padding = {0, 0};
    }
    const c10::optional<at::Tensor> b =
        bias.defined() ? c10::optional<at::Tensor>(bias) : c10::nullopt;
    const std::vector<int64_t> stride = {win.stride_h, win.stride_w};
    const std::vector<int64_t> dilation = {win.dilation_h, win.dilation_w};
    // LibTorch sends small single-threaded convolutions (1x1 ones especially) to its im2col path,
    // which multiplies with the system BLAS: on Debian the slow reference one. oneDNN is fast for
    // every size; shape errors are checked first so that they read as LibTorch's usual ones.
    if (at::hasMKLDNN() && in.device().is_cpu() && in.scalar_type() == at::kFloat &&
        packed.scalar_type() == at::kFloat && packed.dim() == 4 && groups > 0 &&
        in.size(1) == packed.size(1) * groups && packed.size(0) % groups == 0 &&
        (!bias.defined() || (bias.dim() == 1 && bias.size(0) == packed.size(0))) &&
        in.size(2) + 2 * padding[0] >= (packed.size(2) - 1) * dilation[0] + 1 &&
        in.size(3) + 2 * padding[1] >= (packed.size(3) - 1) * dilation[1] + 1) {
        return toNhwc(at::mkldnn_convolution(in, packed, b, padding, stride, dilation, groups));
    }
    return toNhwc(at::conv2d(in, packed, b, stride, padding, dilation, groups));
}

// One axis of TensorFlow's bilinear resize: for each output index the two source indices and
// the weight of the second (resize_bilinear_op.cc, compute_interpolation_weights).
void interpolationWeights(int64_t in_size, int64_t out_size, bool align_corners,
                          bool half_pixel_centers, std::vector<int64_t>* lower,
                          std::vector<int64_t>* upper, std::vector<float>* lerp) {
    const float scale = align_corners && out_size > 1 ? float(in_size - 1) / float(out_size - 1)
                                                      : float(in_size) / float(out_size);
    for (int64_t i = 0; i < out_size; ++i) {
        const float in = half_pixel_centers ? (float(i) + 0.5f) * scale - 0.5f : float(i) * scale;
        const float in_floor = std::floor(in);
        lower->push_back(std::max<int64_t>(int64_t(in_floor), 0));
        upper->push_back(std::min<int64_t>(int64_t(std::ceil(in)), in_size - 1));
        lerp->push_back(in - in_floor);
    }
}

// Blends x along `dim` (1: rows, 2: columns of NHWC) at the given source positions.
at::Tensor lerpAlong(const at::Tensor& x, int64_t dim, int64_t out_size, bool align_corners,
                     bool half_pixel_centers) {
    std::vector<int64_t> lower, upper;
    std::vector<float> weight;
    interpolationWeights(x.size(dim), out_size, align_corners, half_pixel_centers, &lower, &upper,
                         &weight);
    const auto index = [](const std::vector<int64_t>& v) {
        return at::tensor(at::ArrayRef<int64_t>(v), at::kLong);
    };
    std::vector<int64_t> weight_shape = {1, 1, 1, 1};
    weight_shape[size_t(dim)] = out_size;
    const at::Tensor w = at::tensor(at::ArrayRef<float>(weight), at::kFloat).reshape(weight_shape);
    const at::Tensor a = x.index_select(dim, index(lower));
    const at::Tensor b = x.index_select(dim, index(upper));
    return a + (b - a) * w;
}

}  // namespace

PadPair tfPadding(PaddingMode mode, int64_t in, int64_t kernel, int64_t stride, int64_t dilation,
                  PadPair explicit_pad) {
    if (mode == PaddingMode::Explicit) {
        return explicit_pad;
    }
    if (mode != PaddingMode::Same) {
        return {};
    }
    // tensorflow/core/framework/kernel_shape_util.cc, GetWindowedOutputSizeVerbose.
    const int64_t effective_kernel = (kernel - 1) * dilation + 1;
    const int64_t out = (in + stride - 1) / stride;
    const int64_t total = std::max<int64_t>((out - 1) * stride + effective_kernel - in, 0);
    return {total / 2, total - total / 2};
}

at::Tensor packConvFilter(const at::Tensor& hwio) {
    return hwio.permute({3, 2, 0, 1}).contiguous(at::MemoryFormat::ChannelsLast);
}

at::Tensor packDepthwiseFilter(const at::Tensor& hwcm) {
    const at::Tensor hwk = hwcm.reshape({hwcm.size(0), hwcm.size(1), hwcm.size(2) * hwcm.size(3)});
    return hwk.permute({2, 0, 1}).unsqueeze(1).contiguous(at::MemoryFormat::ChannelsLast);
}

at::Tensor packTransposedFilter(const at::Tensor& hwoi) {
    return hwoi.permute({3, 2, 0, 1}).contiguous(at::MemoryFormat::ChannelsLast);
}

at::Tensor conv2d(const at::Tensor& x, const at::Tensor& packed, const at::Tensor& bias,
                  const Window2d& window) {
    const int64_t in_channels = packed.size(1);
    const int64_t groups = in_channels > 0 && x.size(3) % in_channels == 0
                               ? x.size(3) / in_channels
                               : 1;  // LibTorch reports the mismatch
    return convolve(x, packed, bias, window, groups);
}

at::Tensor depthwiseConv2d(const at::Tensor& x, const at::Tensor& packed, const at::Tensor& bias,
                           const Window2d& window) {
    return convolve(x, packed, bias, window, x.size(3));
}

at::Tensor conv2dBackpropInput(const at::Tensor& dy, const at::Tensor& packed, int64_t out_h,
                               int64_t out_w, const Window2d& window) {
    // The transposed convolution writes input pixel i to full-size positions i*stride + k*dilation;
    // the forward convolution's padding decides where the out_h x out_w result starts in them.
    const at::Tensor full =
        at::conv_transpose2d(toNchw(dy), packed, c10::nullopt, {window.stride_h, window.stride_w},
                             0, 0, 1, {window.dilation_h, window.dilation_w});
    const auto& e = window.explicit_pads;
    const PadPair ph = tfPadding(window.padding, out_h, packed.size(2), window.stride_h,
                                 window.dilation_h, {e[0], e[1]});
    const PadPair pw = tfPadding(window.padding, out_w, packed.size(3), window.stride_w,
                                 window.dilation_w, {e[2], e[3]});
    // Positions past the full result receive nothing: pad them with zeros, then crop.
    const int64_t extra_h = std::max<int64_t>(ph.before + out_h - full.size(2), 0);
    const int64_t extra_w = std::max<int64_t>(pw.before + out_w - full.size(3), 0);
    at::Tensor y =
        extra_h || extra_w ? at::constant_pad_nd(full, {0, extra_w, 0, extra_h}, 0.0) : full;
    y = y.narrow(2, ph.before, out_h).narrow(3, pw.before, out_w);
    return toNhwc(y);
}

at::Tensor maxPool(const at::Tensor& x, const Window2d& window) {
    at::Tensor in = toNchw(x);
    const SpatialPads pads = padsFor(in, window, window.kernel_h, window.kernel_w);
    std::vector<int64_t> padding = {pads.h.before, pads.w.before};
    if (!pads.symmetric() || 2 * pads.h.before > window.kernel_h ||
        2 * pads.w.before > window.kernel_w) {
        in = padSpatial(in, pads, -std::numeric_limits<double>::infinity());
        padding = {0, 0};
    }
    return toNhwc(at::max_pool2d(in, {window.kernel_h, window.kernel_w},
                                 {window.stride_h, window.stride_w}, padding));
}

at::Tensor avgPool(const at::Tensor& x, const Window2d& window) {
    const at::Tensor in = toNchw(x);
    const SpatialPads pads = padsFor(in, window, window.kernel_h, window.kernel_w);
    const std::vector<int64_t> kernel = {window.kernel_h, window.kernel_w};
    const std::vector<int64_t> stride = {window.stride_h, window.stride_w};
    if (pads.symmetric() && 2 * pads.h.before <= window.kernel_h &&
        2 * pads.w.before <= window.kernel_w) {
        return toNhwc(at::avg_pool2d(in, kernel, stride, {pads.h.before, pads.w.before}, false,
                                     /*count_include_pad=*/false));
    }
    // Sum over the zero-padded input, divided by how many real cells each window covers.
    const at::Tensor sums =
        at::avg_pool2d(padSpatial(in, pads, 0.0), kernel, stride, 0, false, true, 1);
    const at::Tensor ones = at::ones({1, 1, in.size(2), in.size(3)}, in.options());
    const at::Tensor counts =
        at::avg_pool2d(padSpatial(ones, pads, 0.0), kernel, stride, 0, false, true, 1);
    return toNhwc(sums / counts);
}

at::Tensor resizeBilinear(const at::Tensor& x, int64_t out_h, int64_t out_w, bool align_corners,
                          bool half_pixel_centers) {
    const at::Tensor columns = lerpAlong(x, 2, out_w, align_corners, half_pixel_centers);
    return lerpAlong(columns, 1, out_h, align_corners, half_pixel_centers).contiguous();
}

at::Tensor padConstant(const at::Tensor& x, const std::vector<int64_t>& paddings, double value) {
    std::vector<int64_t> pad;  // LibTorch lists the last dimension first
    for (int64_t d = x.dim() - 1; d >= 0; --d) {
        pad.push_back(paddings[size_t(2 * d)]);
        pad.push_back(paddings[size_t(2 * d + 1)]);
    }
    return at::constant_pad_nd(x, pad, value);
}

at::Tensor tfPrelu(const at::Tensor& x, const at::Tensor& alpha) {
    // The common case, one alpha per channel of a CPU float tensor, in a single pass; LibTorch's
    // own prelu wants NCHW and at::where takes three.
    const int64_t channels = x.dim() > 0 ? x.size(-1) : 0;
    if (x.device().is_cpu() && alpha.device().is_cpu() && x.scalar_type() == at::kFloat &&
        alpha.scalar_type() == at::kFloat && channels > 0 && alpha.numel() == channels &&
        alpha.dim() <= x.dim() && alpha.size(-1) == channels) {
        const at::Tensor in = x.contiguous();
        const at::Tensor a = alpha.contiguous();
        at::Tensor out = at::empty_like(in);
        const float* src = in.data_ptr<float>();
        const float* slope = a.data_ptr<float>();
        float* dst = out.data_ptr<float>();
        at::parallel_for(0, in.numel() / channels, 256, [&](int64_t begin, int64_t end) {
            for (int64_t p = begin; p < end; ++p) {
                const float* s = src + p * channels;
                float* d = dst + p * channels;
                for (int64_t c = 0; c < channels; ++c) {
                    d[c] = s[c] < 0.0f ? s[c] * slope[c] : s[c];
                }
            }
        });
        return out;
    }
    return at::where(x < 0, x * alpha, x);
}

at::Tensor tfRelu6(const at::Tensor& x) {
    return at::clamp(x, 0.0, 6.0);
}

}  // namespace ps::nn

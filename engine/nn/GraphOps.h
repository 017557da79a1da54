// TensorFlow's image operations on LibTorch tensors kept in TensorFlow's own NHWC layout. Each
// one views its input as NCHW (a channels-last view, so no copy), calls LibTorch, and views the
// result back; padding follows TensorFlow exactly, the odd SAME pixel going after (bottom, right).
// Private to ps_nn: only its .cpp files include this header.
#pragma once

#include <ATen/ATen.h>

#include <array>
#include <cstdint>
#include <vector>

namespace ps::nn {

enum class PaddingMode { Invalid = 0, Same, Valid, Explicit };

// The spatial window of a convolution or pooling (convolutions take their size from the filter).
struct Window2d {
    int64_t kernel_h = 1, kernel_w = 1;
    int64_t stride_h = 1, stride_w = 1;
    int64_t dilation_h = 1, dilation_w = 1;
    PaddingMode padding = PaddingMode::Invalid;
    std::array<int64_t, 4> explicit_pads{};  // top, bottom, left, right (Explicit only)
};

struct PadPair {
    int64_t before = 0;
    int64_t after = 0;
};

// TensorFlow's padding of one spatial axis of size `in` (Explicit returns `explicit_pad`).
PadPair tfPadding(PaddingMode mode, int64_t in, int64_t kernel, int64_t stride, int64_t dilation,
                  PadPair explicit_pad);

// Filters repacked once, at load, into LibTorch's layouts (channels-last, as the convolutions
// see their inputs).
at::Tensor packConvFilter(const at::Tensor& hwio);        // HWIO -> OIHW
at::Tensor packDepthwiseFilter(const at::Tensor& hwcm);   // H W C multiplier -> (C*M) 1 H W
at::Tensor packTransposedFilter(const at::Tensor& hwoi);  // H W out in -> in out H W

// x: NHWC; `bias` may be undefined. conv2d groups the input channels when the filter has fewer.
at::Tensor conv2d(const at::Tensor& x, const at::Tensor& packed, const at::Tensor& bias,
                  const Window2d& window);
at::Tensor depthwiseConv2d(const at::Tensor& x, const at::Tensor& packed, const at::Tensor& bias,
                           const Window2d& window);
// The gradient of a Conv2D with respect to its input, of size out_h x out_w: dy is NHWC.
at::Tensor conv2dBackpropInput(const at::Tensor& dy, const at::Tensor& packed, int64_t out_h,
                               int64_t out_w, const Window2d& window);

at::Tensor maxPool(const at::Tensor& x, const Window2d& window);
// SAME padding leaves the padded cells out of each average, as TensorFlow does.
at::Tensor avgPool(const at::Tensor& x, const Window2d& window);

// TensorFlow's ResizeBilinear in all three of its sampling conventions.
at::Tensor resizeBilinear(const at::Tensor& x, int64_t out_h, int64_t out_w, bool align_corners,
                          bool half_pixel_centers);

// `paddings` holds (before, after) for every dimension of `x`, first dimension first.
at::Tensor padConstant(const at::Tensor& x, const std::vector<int64_t>& paddings, double value);

at::Tensor tfPrelu(const at::Tensor& x, const at::Tensor& alpha);
at::Tensor tfRelu6(const at::Tensor& x);

}  // namespace ps::nn

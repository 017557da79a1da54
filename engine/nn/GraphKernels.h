// The operations a graph model's nodes name, each turned at load into a kernel: a function of
// the node's input tensors with its attributes already read and its constant filters already
// repacked. Private to ps_nn: only its .cpp files include this header.
#pragma once

#include <ATen/ATen.h>

#include <functional>
#include <string>
#include <vector>

#include "nn/GraphModelJson.h"

namespace ps::nn {

using GraphKernel = std::function<at::Tensor(const std::vector<at::Tensor>& inputs)>;

// Whether this runner executes `op` (Const and Placeholder are the graph's, not kernels).
bool isKernelOp(const std::string& op);

// The kernel for `node`; `constants[i]` is input i's value when that input is a Const node and
// undefined otherwise. False with `error` (a sentence naming the node, not the file) when the
// node's inputs or attributes are ones this runner cannot honour. Kernels throw std::exception
// for problems only the input's shape reveals.
bool makeGraphKernel(const GraphNodeSpec& node, const std::vector<at::Tensor>& constants,
                     GraphKernel* kernel, std::string* error);

}  // namespace ps::nn

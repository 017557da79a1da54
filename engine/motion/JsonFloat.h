// A float as a JSON number a person reads as typed: the shortest decimal that reads back as
// the same float (0.35, not the 0.3499999940395355 that widening to double prints). Every
// motion file (templates, keys, projects) writes its floats through this.
#pragma once

#include <nlohmann/json.hpp>

namespace ps {

nlohmann::json jsonFloat(float value);

}  // namespace ps

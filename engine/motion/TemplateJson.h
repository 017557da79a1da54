// An expression template as a JSON value (the layout is in ExpressionTemplate.h), shared by
// template files and by projects, which keep a copy of each clip's template.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "motion/ExpressionTemplate.h"
#include "runtime/Result.h"

namespace ps {

// The newest template layout this build reads and writes.
constexpr int kTemplateFormatVersion = 1;

nlohmann::json templateToJsonValue(const ExpressionTemplate& expression);

// BadInput naming `source` for anything a person could get wrong (see ExpressionTemplate.h).
Result<ExpressionTemplate> templateFromJsonValue(const nlohmann::json& json,
                                                 const std::string& source);

}  // namespace ps

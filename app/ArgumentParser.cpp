#include "ArgumentParser.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ps::app {

std::optional<std::string> ParsedOptions::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::optional<double> numberOption(const ParsedOptions& options, const std::string& name,
                                   double fallback, std::string* problem) {
    const std::optional<std::string> text = options.value(name);
    if (!text) {
        return fallback;
    }
    char* end = nullptr;
    const double value = std::strtod(text->c_str(), &end);
    if (text->empty() || *end != '\0' || !std::isfinite(value)) {
        *problem = name + " " + *text + ": give a number";
        return std::nullopt;
    }
    return value;
}

namespace {

const OptionSpec* findSpec(const std::vector<OptionSpec>& specs, const std::string& arg) {
    for (const OptionSpec& spec : specs) {
        if (arg == spec.name || (!spec.short_name.empty() && arg == spec.short_name)) {
            return &spec;
        }
    }
    return nullptr;
}

}  // namespace

bool parseOptions(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs,
                  ParsedOptions* out, std::string* error) {
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::optional<std::string> inline_value;
        // "--fps=25" is the same as "--fps 25".
        const size_t equals = arg.find('=');
        if (arg.rfind("--", 0) == 0 && equals != std::string::npos) {
            inline_value = arg.substr(equals + 1);
            arg = arg.substr(0, equals);
        }
        const OptionSpec* spec = findSpec(specs, arg);
        if (!spec) {
            *error = (arg.rfind("-", 0) == 0 ? "unknown option " : "unexpected argument ") + arg;
            return false;
        }
        if (spec->value_name.empty()) {
            if (inline_value) {
                *error = spec->name + " takes no value";
                return false;
            }
            out->set(spec->name, "");
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= args.size()) {
                *error = spec->name + " needs a value (" + spec->value_name + ")";
                return false;
            }
            inline_value = args[++i];
        }
        if (inline_value->empty()) {
            *error = spec->name + " needs a value (" + spec->value_name + ")";
            return false;
        }
        out->set(spec->name, *inline_value);
    }
    for (const OptionSpec& spec : specs) {
        if (spec.required && !out->has(spec.name)) {
            *error = spec.name + " is required";
            return false;
        }
    }
    return true;
}

std::string describeOptions(const std::vector<OptionSpec>& specs) {
    std::vector<std::string> heads;
    size_t width = 0;
    for (const OptionSpec& spec : specs) {
        std::string head = spec.short_name.empty() ? spec.name : spec.short_name + ", " + spec.name;
        if (!spec.value_name.empty()) {
            head += " " + spec.value_name;
        }
        width = std::max(width, head.size());
        heads.push_back(head);
    }
    std::string text;
    for (size_t i = 0; i < specs.size(); ++i) {
        text += "  " + heads[i] + std::string(width - heads[i].size() + 3, ' ') + specs[i].help;
        text += specs[i].required ? " (required)\n" : "\n";
    }
    return text;
}

}  // namespace ps::app

#include "motion/ExpressionTemplate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "motion/MotionChannel.h"
#include "motion/TemplateJson.h"
#include "runtime/AtomicFile.h"

namespace ps {

namespace {

// The fields in the order a person reads a template: what it is, how it combines, then the
// channels. nlohmann::json sorts keys, which would put "blend" first and "name" in the middle.
constexpr const char* kFieldOrder[] = {"format",      "version", "name",       "kind",
                                       "description", "blend",   "duration_s", "repeat"};

// A channel name or keys a file could not hold (and so could not read back).
std::optional<std::string> unwritable(const ExpressionTemplate& expression) {
    for (const TemplateChannel& channel : expression.channels) {
        if (motionChannelName(channel.channel).empty()) {
            return "has a channel number " + std::to_string(channel.channel) + " that has no name";
        }
        if (channel.keys.empty() || !keysAreValid(channel.keys)) {
            return "channel \"" + std::string(motionChannelName(channel.channel)) +
                   "\" has no keys, or keys out of order or not finite";
        }
    }
    return std::nullopt;
}

}  // namespace

double templateTime(const ExpressionTemplate& expression, double local_t_s) {
    if (expression.duration_s > 0.0 && expression.repeat) {
        const double t_s = std::fmod(local_t_s, expression.duration_s);
        return t_s < 0.0 ? t_s + expression.duration_s : t_s;
    }
    return local_t_s;
}

void applyTemplate(const ExpressionTemplate& expression, double local_t_s, float weight,
                   float* values) {
    const double t_s = templateTime(expression, local_t_s);
    for (const TemplateChannel& channel : expression.channels) {
        if (channel.channel < 0 || channel.channel >= kMotionChannelCount) {
            continue;
        }
        const float target = evaluateKeys(channel.keys, t_s);
        float& value = values[channel.channel];
        if (expression.blend == BlendMode::Override) {
            value += weight * (target - value);
        } else {
            value += weight * target;
        }
    }
}

Result<ExpressionTemplate> templateFromJson(const std::string& text, const std::string& source) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." without the
        // library's tag; the rest names the place, which is what the person needs.
        std::string what = e.what();
        const size_t tag_end = what.find("] ");
        if (what.rfind("[json.exception.", 0) == 0 && tag_end != std::string::npos) {
            what.erase(0, tag_end + 2);
        }
        for (char& c : what) {
            if (c == '\n' || c == '\r') {
                c = ' ';
            }
        }
        return badInput(source, "is not valid JSON: " + what);
    }
    try {
        return templateFromJsonValue(json, source);
    } catch (const nlohmann::json::exception& e) {
        // templateFromJsonValue checks types before reading them; this keeps a library
        // exception from crossing the engine's boundary should a check be missed.
        return badInput(source, std::string("has a field of the wrong type (") + e.what() + ")");
    }
}

std::string templateToJson(const ExpressionTemplate& expression) {
    const nlohmann::json value = templateToJsonValue(expression);
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const char* key : kFieldOrder) {
        if (value.contains(key)) {
            out[key] = value[key];
        }
    }
    // Channels in ARKit's order, then the head's and eyes': the same text whatever order the
    // template was built or read in (a JSON object's keys come back sorted by name), and the
    // eyes, mouth and brows each grouped together.
    std::vector<int> order;
    for (const TemplateChannel& channel : expression.channels) {
        order.push_back(channel.channel);
    }
    std::sort(order.begin(), order.end());
    nlohmann::ordered_json channels = nlohmann::ordered_json::object();
    const nlohmann::json& written = value["channels"];
    for (const int channel : order) {
        const std::string name(motionChannelName(channel));
        if (written.contains(name)) {
            channels[name] = written[name];
        }
    }
    out["channels"] = std::move(channels);
    for (const auto& [key, item] : value.items()) {
        if (!out.contains(key)) {
            out[key] = item;  // a field added to the layout later still gets written
        }
    }
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Result<ExpressionTemplate> readTemplate(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::status_known(status)) {
        return badInput(path, "cannot be read (" + error.message() + ")");
    }
    if (!fs::exists(status)) {
        return badInput(path, "does not exist");
    }
    if (fs::is_directory(status)) {
        return badInput(path, "is a folder, not a template file");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) {
        // An empty file leaves the stream failed too; it is not valid JSON either way.
        if (in && fs::file_size(path, error) == 0 && !error) {
            return badInput(path, "is empty");
        }
        return badInput(path, "cannot be read");
    }
    return templateFromJson(text.str(), path);
}

Status writeTemplate(const ExpressionTemplate& expression, const std::string& path) {
    if (const std::optional<std::string> problem = unwritable(expression)) {
        return badInput(path, "not written: the template " + *problem);
    }
    return writeFileAtomically(path, templateToJson(expression));
}

}  // namespace ps

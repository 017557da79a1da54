#include "motion/TemplateJson.h"

#include <cmath>
#include <optional>

#include "motion/JsonFloat.h"
#include "motion/KeyframeJson.h"
#include "motion/MotionChannel.h"

namespace ps {

namespace {

constexpr const char* kFormat = "portrait-studio template";

const char* kindName(TemplateKind kind) {
    return kind == TemplateKind::Pose ? "pose" : "expression";
}

const char* blendName(BlendMode blend) {
    return blend == BlendMode::Override ? "override" : "add";
}

// A channel held at one value is written as that number, so a hand-edited smile reads as a list
// of weights.
bool isConstant(const TemplateChannel& channel) {
    return channel.keys.size() == 1 && channel.keys[0].t_s == 0.0 &&
           channel.keys[0].interpolation == Interpolation::Linear;
}

// The text at `key`, or `fallback` when the key is absent; nullopt when it holds something else
// (json::value would throw a type error there, and exceptions must not leave the engine).
std::optional<std::string> textField(const nlohmann::json& json, const char* key,
                                     const char* fallback) {
    const auto found = json.find(key);
    if (found == json.end()) {
        return std::string(fallback);
    }
    if (!found->is_string()) {
        return std::nullopt;
    }
    return found->get<std::string>();
}

}  // namespace

nlohmann::json templateToJsonValue(const ExpressionTemplate& expression) {
    nlohmann::json channels = nlohmann::json::object();
    for (const TemplateChannel& channel : expression.channels) {
        const std::string name(motionChannelName(channel.channel));
        channels[name] =
            isConstant(channel) ? jsonFloat(channel.keys[0].value) : keysToJson(channel.keys);
    }
    return {{"format", kFormat},
            {"version", kTemplateFormatVersion},
            {"name", expression.name},
            {"kind", kindName(expression.kind)},
            {"description", expression.description},
            {"blend", blendName(expression.blend)},
            {"duration_s", expression.duration_s},
            {"repeat", expression.repeat},
            {"channels", std::move(channels)}};
}

Result<ExpressionTemplate> templateFromJsonValue(const nlohmann::json& json,
                                                 const std::string& source) {
    if (!json.is_object()) {
        return badInput(source, "is not a template (expected a JSON object)");
    }
    if (textField(json, "format", "") != std::optional<std::string>(kFormat)) {
        return badInput(source, "is not a portrait-studio template (\"format\" is missing)");
    }
    if (!json.contains("version") || !json["version"].is_number_integer()) {
        return badInput(source, "has no whole-number \"version\"");
    }
    const int version = json["version"].get<int>();
    if (version > kTemplateFormatVersion) {
        return badInput(source, "was saved by a newer Portrait Studio (template version " +
                                    std::to_string(version) + "; this one reads up to " +
                                    std::to_string(kTemplateFormatVersion) + ")");
    }
    if (version < 1) {
        return badInput(source, "has an invalid template version " + std::to_string(version));
    }
    ExpressionTemplate expression;
    if (!json.contains("name") || !json["name"].is_string() ||
        json["name"].get<std::string>().empty()) {
        return badInput(source, "needs a \"name\"");
    }
    expression.name = json["name"].get<std::string>();
    const std::optional<std::string> kind_text = textField(json, "kind", "expression");
    if (!kind_text) {
        return badInput(source, "\"kind\" is not text (expression or pose)");
    }
    const std::string& kind = *kind_text;
    if (kind == "pose") {
        expression.kind = TemplateKind::Pose;
    } else if (kind != "expression") {
        return badInput(source, "has an unknown \"kind\" \"" + kind + "\" (expression or pose)");
    }
    if (json.contains("description")) {
        if (!json["description"].is_string()) {
            return badInput(source, "\"description\" is not text");
        }
        expression.description = json["description"].get<std::string>();
    }
    const std::optional<std::string> blend_text = textField(json, "blend", "add");
    if (!blend_text) {
        return badInput(source, "\"blend\" is not text (add or override)");
    }
    const std::string& blend = *blend_text;
    if (blend == "override") {
        expression.blend = BlendMode::Override;
    } else if (blend != "add") {
        return badInput(source, "has an unknown \"blend\" \"" + blend + "\" (add or override)");
    }
    if (json.contains("duration_s")) {
        if (!json["duration_s"].is_number() || !std::isfinite(json["duration_s"].get<double>()) ||
            json["duration_s"].get<double>() < 0.0) {
            return badInput(source, "\"duration_s\" is not a number of seconds");
        }
        expression.duration_s = json["duration_s"].get<double>();
    }
    if (json.contains("repeat")) {
        if (!json["repeat"].is_boolean()) {
            return badInput(source, "\"repeat\" is not true or false");
        }
        expression.repeat = json["repeat"].get<bool>();
    }
    if (!json.contains("channels") || !json["channels"].is_object()) {
        return badInput(source, "needs \"channels\": an object of channel names");
    }
    for (const auto& [name, value] : json["channels"].items()) {
        const std::optional<int> channel = motionChannelFromName(name);
        if (!channel) {
            return badInput(source, "has an unknown channel \"" + name + "\"");
        }
        TemplateChannel out;
        out.channel = *channel;
        if (value.is_number()) {
            Keyframe key;
            key.value = value.get<float>();
            if (!std::isfinite(key.value)) {
                return badInput(source, "channel \"" + name + "\" is not a finite number");
            }
            out.keys.push_back(key);
        } else {
            Result<std::vector<Keyframe>> keys =
                keysFromJson(value, source, "channel \"" + name + "\"");
            if (!keys.ok()) {
                return keys.error();
            }
            if (keys->empty()) {
                return badInput(source, "channel \"" + name + "\" has no keys");
            }
            out.keys = std::move(*keys);
        }
        expression.channels.push_back(std::move(out));
    }
    return expression;
}

}  // namespace ps

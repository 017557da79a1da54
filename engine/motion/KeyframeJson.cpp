#include "motion/KeyframeJson.h"

#include "motion/JsonFloat.h"

namespace ps {

namespace {

const char* interpolationName(Interpolation interpolation) {
    switch (interpolation) {
        case Interpolation::Ease:
            return "ease";
        case Interpolation::Bezier:
            return "bezier";
        case Interpolation::Step:
            return "step";
        case Interpolation::Linear:
        default:
            return "linear";
    }
}

bool interpolationFromName(const std::string& name, Interpolation& out) {
    for (Interpolation candidate :
         {Interpolation::Linear, Interpolation::Ease, Interpolation::Bezier, Interpolation::Step}) {
        if (name == interpolationName(candidate)) {
            out = candidate;
            return true;
        }
    }
    return false;
}

const char* handleTypeName(HandleType type) {
    switch (type) {
        case HandleType::Aligned:
            return "aligned";
        case HandleType::Auto:
            return "auto";
        case HandleType::Free:
        default:
            return "free";
    }
}

bool handleTypeFromName(const std::string& name, HandleType& out) {
    for (HandleType candidate : {HandleType::Free, HandleType::Aligned, HandleType::Auto}) {
        if (name == handleTypeName(candidate)) {
            out = candidate;
            return true;
        }
    }
    return false;
}

bool readHandle(const nlohmann::json& key, const char* name, float& x, float& dy) {
    const auto found = key.find(name);
    if (found == key.end()) {
        return true;  // the default handle
    }
    if (!found->is_array() || found->size() != 2 || !(*found)[0].is_number() ||
        !(*found)[1].is_number()) {
        return false;
    }
    x = (*found)[0].get<float>();
    dy = (*found)[1].get<float>();
    return true;
}

}  // namespace

nlohmann::json keysToJson(const std::vector<Keyframe>& keys) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < keys.size(); ++i) {
        const Keyframe& key = keys[i];
        nlohmann::json item = {{"t", key.t_s}, {"value", jsonFloat(key.value)}};
        if (key.interpolation != Interpolation::Linear) {
            item["interp"] = interpolationName(key.interpolation);
        }
        if (key.interpolation == Interpolation::Bezier) {
            item["out"] = {jsonFloat(key.out_x), jsonFloat(key.out_dy)};
        }
        // The in handle shapes the segment that arrives at this key, which is a Bézier when the
        // key before is one, whatever this key's own interpolation.
        if (key.interpolation == Interpolation::Bezier ||
            (i > 0 && keys[i - 1].interpolation == Interpolation::Bezier)) {
            item["in"] = {jsonFloat(key.in_x), jsonFloat(key.in_dy)};
        }
        if (key.handles != HandleType::Free) {
            item["handles"] = handleTypeName(key.handles);
        }
        out.push_back(std::move(item));
    }
    return out;
}

Result<std::vector<Keyframe>> keysFromJson(const nlohmann::json& json, const std::string& source,
                                           const std::string& where) {
    if (!json.is_array()) {
        return badInput(source, where + " is not a list of keys");
    }
    std::vector<Keyframe> keys;
    keys.reserve(json.size());
    for (size_t i = 0; i < json.size(); ++i) {
        const nlohmann::json& item = json[i];
        const std::string at = where + ", key " + std::to_string(i + 1);
        if (!item.is_object() || !item.contains("t") || !item["t"].is_number() ||
            !item.contains("value") || !item["value"].is_number()) {
            return badInput(source, at + " needs a number \"t\" and a number \"value\"");
        }
        Keyframe key;
        key.t_s = item["t"].get<double>();
        key.value = item["value"].get<float>();
        if (item.contains("interp")) {
            if (!item["interp"].is_string() ||
                !interpolationFromName(item["interp"].get<std::string>(), key.interpolation)) {
                return badInput(source,
                                at + " has an unknown \"interp\" (linear, ease, bezier or step)");
            }
        }
        if (item.contains("handles")) {
            if (!item["handles"].is_string() ||
                !handleTypeFromName(item["handles"].get<std::string>(), key.handles)) {
                return badInput(source, at + " has an unknown \"handles\" (free, aligned or auto)");
            }
        }
        if (!readHandle(item, "out", key.out_x, key.out_dy) ||
            !readHandle(item, "in", key.in_x, key.in_dy)) {
            return badInput(source, at + " has a handle that is not [x, dy]");
        }
        keys.push_back(key);
    }
    if (!keysAreValid(keys)) {
        return badInput(source, where +
                                    ": keys must be finite, in increasing time, with handles' x "
                                    "between 0 and 1");
    }
    return keys;
}

}  // namespace ps

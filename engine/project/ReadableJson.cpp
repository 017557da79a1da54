#include "project/ReadableJson.h"

#include <algorithm>

namespace ps {

namespace {

using nlohmann::json;

bool isFlatList(const json& value) {
    return value.is_array() && std::all_of(value.begin(), value.end(), [](const json& item) {
               return item.is_number() || item.is_boolean() || item.is_null();
           });
}

void append(const json& value, int depth, std::string& out) {
    const std::string inner(size_t(depth + 1) * 2, ' ');
    if (value.is_object() && !value.empty()) {
        out += "{\n";
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            out += first ? "" : ",\n";
            first = false;
            out += inner + json(key).dump() + ": ";
            append(item, depth + 1, out);
        }
        out += "\n" + std::string(size_t(depth) * 2, ' ') + "}";
    } else if (value.is_array() && !value.empty() && !isFlatList(value)) {
        out += "[\n";
        for (size_t i = 0; i < value.size(); ++i) {
            out += i == 0 ? "" : ",\n";
            out += inner;
            append(value[i], depth + 1, out);
        }
        out += "\n" + std::string(size_t(depth) * 2, ' ') + "]";
    } else if (value.is_array()) {
        out += "[";
        for (size_t i = 0; i < value.size(); ++i) {
            out += i == 0 ? "" : ", ";
            out += value[i].dump();
        }
        out += "]";
    } else {
        out += value.dump();
    }
}

}  // namespace

std::string readableJson(const nlohmann::json& value) {
    std::string out;
    append(value, 0, out);
    return out;
}

}  // namespace ps

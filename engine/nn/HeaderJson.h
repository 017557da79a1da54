// The small JSON subset a safetensors header uses (objects, arrays, strings, integers), parsed
// without any library beyond the standard one so that ps_nn needs nothing but LibTorch.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ps::nn {

struct HeaderJson {
    enum class Type { Null = 0, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0.0;
    bool is_integer = false;
    long long integer = 0;
    std::string string;
    std::vector<HeaderJson> array;
    std::vector<std::pair<std::string, HeaderJson>> object;  // in file order

    const HeaderJson* find(const std::string& key) const;
};

// Parses all of `text`; on failure returns false and says where and why in `error`.
bool parseHeaderJson(const std::string& text, HeaderJson* out, std::string* error);

// Writes `s` as a JSON string literal, quotes included.
std::string quoteJson(const std::string& s);

}  // namespace ps::nn

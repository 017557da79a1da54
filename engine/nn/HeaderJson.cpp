#include "nn/HeaderJson.h"

#include <cerrno>
#include <cstdlib>

namespace ps::nn {

const HeaderJson* HeaderJson::find(const std::string& key) const {
    for (const auto& [k, v] : object) {
        if (k == key) {
            return &v;
        }
    }
    return nullptr;
}

namespace {

// Deep nesting in a header is never legitimate; the limit keeps recursion bounded on hostile
// files.
constexpr int kMaxDepth = 32;

class Parser {
public:
    explicit Parser(const std::string& text) : text_(text) {}

    bool parseDocument(HeaderJson* out, std::string* error) {
        if (!parseValue(out, 0)) {
            *error = error_ + " at byte " + std::to_string(pos_);
            return false;
        }
        skipSpace();
        if (pos_ != text_.size()) {
            *error = "unexpected text after the JSON value at byte " + std::to_string(pos_);
            return false;
        }
        return true;
    }

private:
    bool fail(const char* message) {
        error_ = message;
        return false;
    }

    void skipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t')) {
            ++pos_;
        }
    }

    bool consume(char c) {
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    bool parseLiteral(const char* word, HeaderJson* out, HeaderJson::Type type, bool value) {
        const std::string w(word);
        if (text_.compare(pos_, w.size(), w) != 0) {
            return fail("invalid literal");
        }
        pos_ += w.size();
        out->type = type;
        out->boolean = value;
        return true;
    }

    bool parseValue(HeaderJson* out, int depth) {
        if (depth > kMaxDepth) {
            return fail("nesting too deep");
        }
        skipSpace();
        if (pos_ >= text_.size()) {
            return fail("unexpected end of JSON");
        }
        const char c = text_[pos_];
        if (c == '{') {
            return parseObject(out, depth);
        }
        if (c == '[') {
            return parseArray(out, depth);
        }
        if (c == '"') {
            out->type = HeaderJson::Type::String;
            return parseString(&out->string);
        }
        if (c == 't') {
            return parseLiteral("true", out, HeaderJson::Type::Bool, true);
        }
        if (c == 'f') {
            return parseLiteral("false", out, HeaderJson::Type::Bool, false);
        }
        if (c == 'n') {
            return parseLiteral("null", out, HeaderJson::Type::Null, false);
        }
        return parseNumber(out);
    }

    bool parseObject(HeaderJson* out, int depth) {
        ++pos_;  // '{'
        out->type = HeaderJson::Type::Object;
        if (consume('}')) {
            return true;
        }
        do {
            skipSpace();
            std::string key;
            if (pos_ >= text_.size() || text_[pos_] != '"' || !parseString(&key)) {
                return fail("expected a string key");
            }
            if (!consume(':')) {
                return fail("expected ':'");
            }
            HeaderJson value;
            if (!parseValue(&value, depth + 1)) {
                return false;
            }
            out->object.emplace_back(std::move(key), std::move(value));
        } while (consume(','));
        return consume('}') || fail("expected ',' or '}'");
    }

    bool parseArray(HeaderJson* out, int depth) {
        ++pos_;  // '['
        out->type = HeaderJson::Type::Array;
        if (consume(']')) {
            return true;
        }
        do {
            HeaderJson value;
            if (!parseValue(&value, depth + 1)) {
                return false;
            }
            out->array.push_back(std::move(value));
        } while (consume(','));
        return consume(']') || fail("expected ',' or ']'");
    }

    bool parseString(std::string* out) {
        ++pos_;  // opening quote
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"') {
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return fail("control character in string");
            }
            if (c != '\\') {
                out->push_back(c);
                continue;
            }
            if (pos_ >= text_.size()) {
                break;
            }
            const char e = text_[pos_++];
            switch (e) {
                case '"':
                    out->push_back('"');
                    break;
                case '\\':
                    out->push_back('\\');
                    break;
                case '/':
                    out->push_back('/');
                    break;
                case 'b':
                    out->push_back('\b');
                    break;
                case 'f':
                    out->push_back('\f');
                    break;
                case 'n':
                    out->push_back('\n');
                    break;
                case 'r':
                    out->push_back('\r');
                    break;
                case 't':
                    out->push_back('\t');
                    break;
                case 'u':
                    if (!appendUnicodeEscape(out)) {
                        return false;
                    }
                    break;
                default:
                    return fail("invalid escape in string");
            }
        }
        return fail("unterminated string");
    }

    bool readHex4(unsigned* code) {
        if (pos_ + 4 > text_.size()) {
            return fail("truncated \\u escape");
        }
        char* end = nullptr;
        const std::string hex = text_.substr(pos_, 4);
        *code = static_cast<unsigned>(std::strtoul(hex.c_str(), &end, 16));
        if (end != hex.c_str() + 4) {
            return fail("invalid \\u escape");
        }
        pos_ += 4;
        return true;
    }

    bool appendUnicodeEscape(std::string* out) {
        unsigned code = 0;
        if (!readHex4(&code)) {
            return false;
        }
        if (code >= 0xD800 && code <= 0xDBFF) {  // a surrogate pair encodes one code point
            unsigned low = 0;
            if (text_.compare(pos_, 2, "\\u") != 0) {
                return fail("unpaired surrogate");
            }
            pos_ += 2;
            if (!readHex4(&low) || low < 0xDC00 || low > 0xDFFF) {
                return fail("invalid surrogate pair");
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        if (code < 0x80) {
            out->push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out->push_back(static_cast<char>(0xC0 | (code >> 6)));
            out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out->push_back(static_cast<char>(0xE0 | (code >> 12)));
            out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out->push_back(static_cast<char>(0xF0 | (code >> 18)));
            out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
            out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
        return true;
    }

    bool parseNumber(HeaderJson* out) {
        const size_t start = pos_;
        bool integral = true;
        if (pos_ < text_.size() && text_[pos_] == '-') {
            ++pos_;
        }
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c >= '0' && c <= '9') {
                ++pos_;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                ++pos_;
            } else {
                break;
            }
        }
        const std::string token = text_.substr(start, pos_ - start);
        if (token.empty() || token == "-") {
            return fail("invalid value");
        }
        char* end = nullptr;
        out->type = HeaderJson::Type::Number;
        out->number = std::strtod(token.c_str(), &end);
        if (end != token.c_str() + token.size()) {
            return fail("invalid number");
        }
        if (integral) {
            errno = 0;
            out->integer = std::strtoll(token.c_str(), &end, 10);
            out->is_integer = errno == 0;
        }
        return true;
    }

    const std::string& text_;
    size_t pos_ = 0;
    std::string error_;
};

}  // namespace

bool parseHeaderJson(const std::string& text, HeaderJson* out, std::string* error) {
    *out = HeaderJson();
    return Parser(text).parseDocument(out, error);
}

std::string quoteJson(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out.push_back(hex[(c >> 4) & 0xF]);
                    out.push_back(hex[c & 0xF]);
                } else {
                    out.push_back(c);
                }
        }
    }
    out += '"';
    return out;
}

}  // namespace ps::nn

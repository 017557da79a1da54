// Parses a subcommand's options ("--photo P", "-o OUT", "--flag") into a map, with errors a user
// can act on. Small on purpose: every subcommand declares its options and gets one-line errors.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ps::app {

struct OptionSpec {
    std::string name;        // "--photo"
    std::string short_name;  // "-o", or empty
    std::string value_name;  // "P"; empty for a flag without a value
    std::string help;
    bool required = false;
};

class ParsedOptions {
public:
    bool has(const std::string& name) const { return values_.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;
    void set(const std::string& name, std::string value) { values_[name] = std::move(value); }

private:
    std::map<std::string, std::string> values_;
};

// Returns false and sets `error` (e.g. "unknown option --foo", "--photo needs a value",
// "--audio is required") when the arguments do not fit `specs`.
bool parseOptions(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs,
                  ParsedOptions* out, std::string* error);

// The number given for option `name`, `fallback` when it is absent, or nullopt with `problem` set
// ("--start abc: give a number") when it is not a finite number.
std::optional<double> numberOption(const ParsedOptions& options, const std::string& name,
                                   double fallback, std::string* problem);

// "  --photo P    the portrait photo" lines for --help.
std::string describeOptions(const std::vector<OptionSpec>& specs);

}  // namespace ps::app

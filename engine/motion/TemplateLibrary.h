// The templates a creator can place: the ones installed with the studio (presets/expressions,
// presets/poses) and the user's own, saved in their data folder beside them. A user's template
// takes precedence over a built-in one of the same name and kind.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "motion/ExpressionTemplate.h"
#include "runtime/Result.h"

namespace ps {

// The installed presets folder: ../share/portrait-studio/presets beside an installed binary,
// else the source tree's presets/ the program was built from.
std::string defaultPresetsFolder();

class TemplateLibrary {
public:
    // Reads <folder>/expressions/*.json and <folder>/poses/*.json from each folder, built-in
    // first, then the user's (which may not exist yet). A file that cannot be read is skipped
    // and its one-line error kept in problems().
    static TemplateLibrary load(const std::string& builtin_folder, const std::string& user_folder);

    const std::vector<ExpressionTemplate>& templates() const { return templates_; }
    std::vector<std::string> names(TemplateKind kind) const;  // sorted
    std::optional<ExpressionTemplate> find(TemplateKind kind, const std::string& name) const;
    const std::vector<std::string>& problems() const { return problems_; }

    // Saves a template into the user's folder (<user>/expressions or <user>/poses, created when
    // missing) as <name>.json and adds it to the library. BadInput for a name that is empty or
    // not a plain file name.
    Status saveUserTemplate(const ExpressionTemplate& expression);

private:
    std::string user_folder_;
    std::vector<ExpressionTemplate> templates_;
    std::vector<std::string> problems_;
};

}  // namespace ps

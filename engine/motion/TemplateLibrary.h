// The templates a creator can place: the ones installed with the studio (presets/expressions,
// presets/poses) and the user's own, saved in their data folder beside them. A user's template
// takes precedence over a built-in one of the same name and kind.
#pragma once

#include <optional>
#include <string>
#include <utility>
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

    // Why saveUserTemplate would refuse `name` (a one-line message naming it), or empty when
    // it is a good name: for a dialog to say so before anything is written.
    static std::string problemWithName(const std::string& name);
    // Whether the template of that kind and name is the user's own (saved in their folder,
    // perhaps in a built-in's place) rather than one installed with the studio.
    bool isUserTemplate(TemplateKind kind, const std::string& name) const;
    // Whether the studio installs a template of that kind and name (which a user's own of the
    // same name may hide).
    bool isBuiltinTemplate(TemplateKind kind, const std::string& name) const;
    // Renames a user template: its file becomes <new_name>.json with the new name inside,
    // written atomically before the old file is removed. BadInput, changing nothing, for a
    // template that is not the user's, a new name that is not a plain file name, or one that
    // another of the user's templates or files of that kind already has.
    Status renameUserTemplate(TemplateKind kind, const std::string& name,
                              const std::string& new_name);
    // Deletes a user template's file; a built-in it stood in for comes back. BadInput, changing
    // nothing, for a template that is not the user's or a file that cannot be removed.
    Status removeUserTemplate(TemplateKind kind, const std::string& name);

private:
    std::string userPath(TemplateKind kind, const std::string& name) const;

    std::string user_folder_;
    std::vector<ExpressionTemplate> templates_;
    std::vector<ExpressionTemplate> builtins_;  // as installed, including those the user's hide
    std::vector<std::pair<TemplateKind, std::string>> user_names_;
    std::vector<std::string> problems_;
};

}  // namespace ps

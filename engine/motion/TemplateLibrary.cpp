#include "motion/TemplateLibrary.h"

#include <algorithm>
#include <filesystem>

#include "motion/MotionChannel.h"

namespace ps {

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxNameLength = 64;

const char* kindFolder(TemplateKind kind) {
    return kind == TemplateKind::Pose ? "poses" : "expressions";
}

const char* kindName(TemplateKind kind) {
    return kind == TemplateKind::Pose ? "a pose" : "an expression";
}

// Why a name cannot be a file's stem in any folder on any of the studio's systems; empty when
// it can. Path separators would save outside the user's folder, a leading dot hides the file.
std::string nameProblem(const std::string& name) {
    if (name.empty()) {
        return "a template needs a name";
    }
    if (name.size() > kMaxNameLength) {
        return "is longer than " + std::to_string(kMaxNameLength) + " characters";
    }
    if (name.front() == '.') {
        return "starts with a dot, which would hide the file";
    }
    for (const char c : name) {
        if (c == '/' || c == '\\') {
            return "contains a slash; a template's name becomes its file name";
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            return "contains a control character";
        }
    }
    return {};
}

// The .json files directly in `folder`, sorted so that problems are listed in a stable order.
// Hidden files (a half-written ".name.XXXXXX.part" among them) are not templates.
std::vector<fs::path> templateFiles(const fs::path& folder, std::string& problem) {
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const fs::path& path = it->path();
        const std::string file_name = path.filename().string();
        if (path.extension() == ".json" && file_name.front() != '.' &&
            !fs::is_directory(it->status())) {
            files.push_back(path);
        }
    }
    if (error) {
        problem = folder.string() + ": cannot be listed (" + error.message() + ")";
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Adds a template, or puts it in the place of one of the same kind and name: the user's own
// takes the built-in's place.
void addOrReplace(std::vector<ExpressionTemplate>& templates, ExpressionTemplate expression) {
    for (ExpressionTemplate& existing : templates) {
        if (existing.kind == expression.kind && existing.name == expression.name) {
            existing = std::move(expression);
            return;
        }
    }
    templates.push_back(std::move(expression));
}

// After a user's template left the library: the built-in it stood in for, if any, comes back.
void restoreBuiltin(std::vector<ExpressionTemplate>& templates,
                    const std::vector<ExpressionTemplate>& builtins,
                    const ExpressionTemplate& removed) {
    for (const ExpressionTemplate& builtin : builtins) {
        if (builtin.kind == removed.kind && builtin.name == removed.name) {
            addOrReplace(templates, builtin);
            return;
        }
    }
}

}  // namespace

std::string defaultPresetsFolder() {
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed =
            exe.parent_path().parent_path() / "share" / "portrait-studio" / "presets";
        if (fs::is_directory(installed, error)) {
            return installed.string();
        }
    }
    return PS_PRESETS_DIR;
}

TemplateLibrary TemplateLibrary::load(const std::string& builtin_folder,
                                      const std::string& user_folder) {
    TemplateLibrary library;
    library.user_folder_ = user_folder;
    const std::pair<std::string, bool> folders[] = {{builtin_folder, true}, {user_folder, false}};
    for (const auto& [folder, builtin] : folders) {
        if (folder.empty()) {
            continue;
        }
        for (const TemplateKind kind : {TemplateKind::Expression, TemplateKind::Pose}) {
            const fs::path sub = fs::path(folder) / kindFolder(kind);
            std::error_code error;
            if (!fs::is_directory(sub, error)) {
                // The user's folders appear with their first saved template; the installed
                // ones are always there, so their absence is worth a line.
                if (builtin) {
                    library.problems_.push_back(sub.string() + ": the presets folder is missing");
                }
                continue;
            }
            std::string listing_problem;
            for (const fs::path& file : templateFiles(sub, listing_problem)) {
                Result<ExpressionTemplate> read = readTemplate(file.string());
                if (!read.ok()) {
                    library.problems_.push_back(read.error().message);
                    continue;
                }
                if (read->kind != kind) {
                    library.problems_.push_back(
                        badInput(file.string(), std::string("is ") + (kindName(read->kind)) +
                                                    " but lies in the " + kindFolder(kind) +
                                                    " folder")
                            .message);
                    continue;
                }
                if (read->name != file.stem().string()) {
                    library.problems_.push_back(
                        badInput(file.string(), "is named \"" + read->name + "\" but its file is " +
                                                    file.filename().string() +
                                                    "; a template's file name is its name")
                            .message);
                    continue;
                }
                if (builtin) {
                    library.builtins_.push_back(*read);
                } else {
                    library.user_names_.emplace_back(kind, read->name);
                }
                addOrReplace(library.templates_, std::move(*read));
            }
            if (!listing_problem.empty()) {
                library.problems_.push_back(listing_problem);
            }
        }
    }
    return library;
}

std::vector<std::string> TemplateLibrary::names(TemplateKind kind) const {
    std::vector<std::string> out;
    for (const ExpressionTemplate& expression : templates_) {
        if (expression.kind == kind) {
            out.push_back(expression.name);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<ExpressionTemplate> TemplateLibrary::find(TemplateKind kind,
                                                        const std::string& name) const {
    for (const ExpressionTemplate& expression : templates_) {
        if (expression.kind == kind && expression.name == name) {
            return expression;
        }
    }
    return std::nullopt;
}

Status TemplateLibrary::saveUserTemplate(const ExpressionTemplate& expression) {
    const std::string quoted = "template \"" + expression.name + "\"";
    if (const std::string problem = nameProblem(expression.name); !problem.empty()) {
        return badInput(quoted, problem);
    }
    if (expression.kind != TemplateKind::Expression && expression.kind != TemplateKind::Pose) {
        return badInput(quoted, "is neither an expression nor a pose");
    }
    if (user_folder_.empty()) {
        return badInput(quoted, "cannot be saved: the library has no user folder");
    }
    const fs::path folder = fs::path(user_folder_) / kindFolder(expression.kind);
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) {
        return badInput(folder.string(), "cannot be created (" + error.message() + ")");
    }
    const fs::path path = folder / (expression.name + ".json");
    if (Status written = writeTemplate(expression, path.string()); !written.ok()) {
        return written;
    }
    addOrReplace(templates_, expression);
    if (!isUserTemplate(expression.kind, expression.name)) {
        user_names_.emplace_back(expression.kind, expression.name);
    }
    return {};
}

std::string TemplateLibrary::problemWithName(const std::string& name) {
    const std::string problem = nameProblem(name);
    return problem.empty() ? problem : badInput("template \"" + name + "\"", problem).message;
}

bool TemplateLibrary::isUserTemplate(TemplateKind kind, const std::string& name) const {
    return std::find(user_names_.begin(), user_names_.end(), std::pair{kind, name}) !=
           user_names_.end();
}

bool TemplateLibrary::isBuiltinTemplate(TemplateKind kind, const std::string& name) const {
    return std::any_of(builtins_.begin(), builtins_.end(), [&](const ExpressionTemplate& t) {
        return t.kind == kind && t.name == name;
    });
}

std::string TemplateLibrary::userPath(TemplateKind kind, const std::string& name) const {
    return (fs::path(user_folder_) / kindFolder(kind) / (name + ".json")).string();
}

Status TemplateLibrary::renameUserTemplate(TemplateKind kind, const std::string& name,
                                           const std::string& new_name) {
    const std::string quoted = "template \"" + name + "\"";
    if (!isUserTemplate(kind, name)) {
        return badInput(quoted,
                        "is not one of your templates; built-in templates cannot be renamed");
    }
    if (const std::string problem = nameProblem(new_name); !problem.empty()) {
        return badInput("template \"" + new_name + "\"", problem);
    }
    if (new_name == name) {
        return {};
    }
    const std::string to = userPath(kind, new_name);
    std::error_code error;
    if (isUserTemplate(kind, new_name) || fs::exists(to, error)) {
        return badInput(quoted, "cannot be renamed \"" + new_name +
                                    "\": one of your templates already has that name");
    }
    const auto it =
        std::find_if(templates_.begin(), templates_.end(),
                     [&](const ExpressionTemplate& t) { return t.kind == kind && t.name == name; });
    if (it == templates_.end()) {
        return badInput(quoted, "is not in the library");
    }
    ExpressionTemplate renamed = *it;
    renamed.name = new_name;
    // The new file is complete before the old one goes, so a failure leaves one of them whole.
    if (Status written = writeTemplate(renamed, to); !written.ok()) {
        return written;
    }
    const std::string from = userPath(kind, name);
    if (fs::remove(from, error); error) {
        fs::remove(to, error);
        return badInput(from, "cannot be removed to rename it (" + error.message() + ")");
    }
    const ExpressionTemplate old = *it;
    templates_.erase(it);
    user_names_.erase(std::find(user_names_.begin(), user_names_.end(), std::pair{kind, name}));
    restoreBuiltin(templates_, builtins_, old);
    addOrReplace(templates_, std::move(renamed));
    user_names_.emplace_back(kind, new_name);
    return {};
}

Status TemplateLibrary::removeUserTemplate(TemplateKind kind, const std::string& name) {
    const std::string quoted = "template \"" + name + "\"";
    if (!isUserTemplate(kind, name)) {
        return badInput(quoted,
                        "is not one of your templates; built-in templates cannot be deleted");
    }
    const std::string path = userPath(kind, name);
    std::error_code error;
    if (fs::remove(path, error); error) {
        return badInput(path, "cannot be deleted (" + error.message() + ")");
    }
    const auto it =
        std::find_if(templates_.begin(), templates_.end(),
                     [&](const ExpressionTemplate& t) { return t.kind == kind && t.name == name; });
    if (it != templates_.end()) {
        const ExpressionTemplate old = *it;
        templates_.erase(it);
        restoreBuiltin(templates_, builtins_, old);
    }
    user_names_.erase(std::find(user_names_.begin(), user_names_.end(), std::pair{kind, name}));
    return {};
}

}  // namespace ps

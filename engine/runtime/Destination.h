// Checks, before any work starts, that a file can be created at a destination path, so that a
// long export does not fail at its very end because of a typo in a folder name.
#pragma once

#include <filesystem>
#include <string>

#include "runtime/Result.h"

namespace ps {

// BadInput with "<path>: <problem>" when the folder is missing, is not a folder, cannot be
// written to, or when `path` is itself a folder. Probes by creating and removing a file, which
// is the only check that is true for permissions, ACLs and read-only mounts alike.
Status checkDestination(const std::string& path);

// The folder a file will be written in ("." for a bare file name).
std::filesystem::path containingFolder(const std::filesystem::path& file);

// True when `a` and `b` name the same existing file (after resolving links and relative parts).
bool sameFile(const std::string& a, const std::string& b);

}  // namespace ps

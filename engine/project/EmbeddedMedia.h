// Media embedded in a project file are handed to the decoders, which read paths, as files in a
// cache under the system's temporary folder:
//
//   <temp>/portrait-studio-media/<first 16 hex digits of the bytes' 64-bit FNV-1a hash>/<name>
//
// so opening the same project twice, or two projects embedding the same photo, writes it once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/Result.h"

namespace ps {

uint64_t fnv1a64(std::string_view bytes);

// The cache's root folder ("<temp>/portrait-studio-media"; TMPDIR moves it on POSIX).
std::string embeddedMediaCacheFolder();

// The absolute path of a file holding `bytes`, named after `name`'s last component (a name
// that is empty, "." or ".." becomes "media"). An existing file of the same size is reused;
// otherwise the file is written atomically. Internal error when the cache cannot be written.
Result<std::string> extractEmbeddedMedia(std::string_view bytes, const std::string& name);

}  // namespace ps

#include "face/ModelFiles.h"

#include "runtime/ResourcePath.h"

namespace ps {

std::string defaultModelsFolder() {
    return resourcePath("models");
}

}  // namespace ps

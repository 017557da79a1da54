// What a template is called on screen. The built-in templates' names and descriptions are
// English words in their JSON files (the files' stems, which projects store); the interface
// shows them in its own language. A user's template is shown as they named and described it.
#pragma once

#include <QString>
#include <string>

namespace ps::ui {

// "smile" → "微笑" in the Chinese interface; any other name as it is.
QString templateDisplayName(const std::string& name);
// A built-in template's description in the interface's language; any other text as it is.
QString templateDisplayDescription(const std::string& description);

}  // namespace ps::ui

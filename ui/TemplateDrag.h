// A template carried by drag and drop from the library to the timeline, and the clip a template
// becomes when it is placed.
#pragma once

#include <QString>
#include <optional>

#include "motion/MotionDocument.h"

class QMimeData;

namespace ps::ui {

inline constexpr char kTemplateMimeType[] = "application/x-portrait-studio-template";

struct TemplateName {
    ps::TemplateKind kind = ps::TemplateKind::Expression;
    QString name;
};

QMimeData* templateMimeData(const TemplateName& name);
std::optional<TemplateName> templateFromMimeData(const QMimeData* data);

// The clip a template makes when placed at `start_s`: two seconds, or one pass of a longer
// movement, with the clip's default fades.
ps::ExpressionClip templateClip(const ps::ExpressionTemplate& expression, double start_s);

}  // namespace ps::ui

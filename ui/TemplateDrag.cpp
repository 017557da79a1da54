#include "ui/TemplateDrag.h"

#include <QMimeData>
#include <algorithm>

namespace ps::ui {

namespace {

// "expression/smile", "pose/nod": readable in a drag's debug output, and unambiguous since a
// template's name is a plain file name.
QString kindPrefix(ps::TemplateKind kind) {
    return kind == ps::TemplateKind::Pose ? QStringLiteral("pose/") : QStringLiteral("expression/");
}

}  // namespace

QMimeData* templateMimeData(const TemplateName& name) {
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kTemplateMimeType),
                  (kindPrefix(name.kind) + name.name).toUtf8());
    return data;
}

std::optional<TemplateName> templateFromMimeData(const QMimeData* data) {
    if (data == nullptr || !data->hasFormat(QString::fromLatin1(kTemplateMimeType))) {
        return std::nullopt;
    }
    const QString text = QString::fromUtf8(data->data(QString::fromLatin1(kTemplateMimeType)));
    for (const ps::TemplateKind kind : {ps::TemplateKind::Expression, ps::TemplateKind::Pose}) {
        const QString prefix = kindPrefix(kind);
        if (text.startsWith(prefix) && text.size() > prefix.size()) {
            return TemplateName{kind, text.mid(prefix.size())};
        }
    }
    return std::nullopt;
}

ps::ExpressionClip templateClip(const ps::ExpressionTemplate& expression, double start_s) {
    ps::ExpressionClip clip;
    clip.expression = expression;
    clip.start_s = std::max(0.0, start_s);
    clip.duration_s = std::max(2.0, expression.duration_s);
    return clip;
}

}  // namespace ps::ui

#include "ui/TemplateListModel.h"

#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "ui/TemplateNames.h"
#include "ui/TemplateThumbnails.h"

namespace ps::ui {

namespace {

QString iconKey(ps::TemplateKind kind, const QString& name) {
    return QString::number(int(kind)) + QLatin1Char('/') + name;
}

// A face drawn in outline: what an item shows before its picture is there, or without a photo.
// Expressions and poses differ in tint so the two kinds tell apart at a glance.
QPixmap placeholder(ps::TemplateKind kind) {
    const int side = TemplateThumbnails::kSide_px;
    QPixmap pixmap(side, side);
    const QColor base = kind == ps::TemplateKind::Pose ? QColor(70, 92, 120) : QColor(120, 92, 70);
    pixmap.fill(base);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(base.lighter(190), 3.0);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const QRectF face(side * 0.28, side * 0.18, side * 0.44, side * 0.6);
    painter.drawEllipse(face);
    painter.setBrush(base.lighter(190));
    painter.drawEllipse(QPointF(side * 0.42, side * 0.42), side * 0.03, side * 0.03);
    painter.drawEllipse(QPointF(side * 0.58, side * 0.42), side * 0.03, side * 0.03);
    painter.setBrush(Qt::NoBrush);
    painter.drawArc(QRectF(side * 0.41, side * 0.52, side * 0.18, side * 0.12), 200 * 16, 140 * 16);
    if (kind == ps::TemplateKind::Pose) {
        // A curved arrow: this one moves.
        painter.drawArc(QRectF(side * 0.16, side * 0.1, side * 0.68, side * 0.78), 60 * 16,
                        60 * 16);
    }
    return pixmap;
}

// The user's own templates carry a small badge in the corner.
QPixmap withUserMarker(QPixmap pixmap) {
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal r = pixmap.width() * 0.09;
    const QPointF centre(pixmap.width() - r * 1.6, r * 1.6);
    painter.setPen(QPen(Qt::white, 2.0));
    painter.setBrush(QColor(40, 130, 230));
    painter.drawEllipse(centre, r, r);
    // A pencil-like stroke: made by the user.
    painter.drawLine(centre + QPointF(-r * 0.45, r * 0.45), centre + QPointF(r * 0.45, -r * 0.45));
    return pixmap;
}

}  // namespace

TemplateListModel::TemplateListModel(const ps::TemplateLibrary& library,
                                     TemplateThumbnails& thumbnails, QObject* parent)
    : QAbstractListModel(parent), library_(library), thumbnails_(thumbnails) {
    connect(&thumbnails_, &TemplateThumbnails::thumbnailReady, this,
            &TemplateListModel::pictureReady);
    rebuild();
}

void TemplateListModel::reload() {
    beginResetModel();
    icons_.clear();
    rebuild();
    endResetModel();
}

void TemplateListModel::setSearch(const QString& text) {
    const QString search = text.trimmed();
    if (search == search_) {
        return;
    }
    beginResetModel();
    search_ = search;
    rebuild();
    endResetModel();
}

void TemplateListModel::setFilter(Filter filter) {
    if (filter == filter_) {
        return;
    }
    beginResetModel();
    filter_ = filter;
    rebuild();
    endResetModel();
}

void TemplateListModel::refreshPictures() {
    icons_.clear();
    if (!shown_.empty()) {
        emit dataChanged(index(0), index(int(shown_.size()) - 1), {Qt::DecorationRole});
    }
}

bool TemplateListModel::isItem(const QModelIndex& index) const {
    // Views ask about invalid indexes (no current item) as a matter of course: not a misuse.
    return index.isValid() && index.model() == this && index.column() == 0 && index.row() >= 0 &&
           size_t(index.row()) < shown_.size();
}

std::optional<TemplateName> TemplateListModel::nameAt(const QModelIndex& index) const {
    if (!isItem(index)) {
        return std::nullopt;
    }
    const Item& item = shown_[size_t(index.row())];
    return TemplateName{item.expression.kind, item.name};
}

QModelIndex TemplateListModel::indexOf(const TemplateName& name) const {
    for (size_t row = 0; row < shown_.size(); ++row) {
        if (shown_[row].expression.kind == name.kind && shown_[row].name == name.name) {
            return index(int(row));
        }
    }
    return {};
}

int TemplateListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(shown_.size());
}

QVariant TemplateListModel::data(const QModelIndex& index, int role) const {
    if (!isItem(index)) {
        return {};
    }
    const Item& item = shown_[size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return item.shown_name;
        case NameRole:
            return item.name;
        case Qt::DecorationRole:
            return iconFor(item);
        case Qt::ToolTipRole:
            return item.user ? tr("%1\nYour template.").arg(item.description) : item.description;
        case DescriptionRole:
            return item.description;
        case KindRole:
            return int(item.expression.kind);
        case IsUserRole:
            return item.user;
        default:
            return {};
    }
}

Qt::ItemFlags TemplateListModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QStringList TemplateListModel::mimeTypes() const {
    return {QString::fromLatin1(kTemplateMimeType)};
}

QMimeData* TemplateListModel::mimeData(const QModelIndexList& indexes) const {
    // One template is placed per drop: the first of the selection.
    for (const QModelIndex& index : indexes) {
        if (const std::optional<TemplateName> name = nameAt(index)) {
            return templateMimeData(*name);
        }
    }
    return nullptr;
}

Qt::DropActions TemplateListModel::supportedDragActions() const {
    return Qt::CopyAction;
}

void TemplateListModel::rebuild() {
    std::vector<Item> items;
    for (const ps::TemplateKind kind : {ps::TemplateKind::Expression, ps::TemplateKind::Pose}) {
        for (const std::string& name : library_.names(kind)) {
            Item item;
            item.expression = *library_.find(kind, name);
            item.name = QString::fromStdString(name);
            item.shown_name = templateDisplayName(name);
            item.description = templateDisplayDescription(item.expression.description);
            item.user = library_.isUserTemplate(kind, name);
            if (accepts(item)) {
                items.push_back(std::move(item));
            }
        }
    }
    shown_ = std::move(items);
}

bool TemplateListModel::accepts(const Item& item) const {
    if ((filter_ == Filter::Expressions && item.expression.kind != ps::TemplateKind::Expression) ||
        (filter_ == Filter::Poses && item.expression.kind != ps::TemplateKind::Pose)) {
        return false;
    }
    return search_.isEmpty() || item.name.contains(search_, Qt::CaseInsensitive) ||
           item.shown_name.contains(search_, Qt::CaseInsensitive) ||
           item.description.contains(search_, Qt::CaseInsensitive);
}

QIcon TemplateListModel::iconFor(const Item& item) const {
    const QString key = iconKey(item.expression.kind, item.name);
    if (const auto cached = icons_.constFind(key); cached != icons_.constEnd()) {
        return *cached;
    }
    const QImage picture = thumbnails_.thumbnail(item.expression);
    QPixmap& blank = placeholders_[item.expression.kind == ps::TemplateKind::Pose ? 1 : 0];
    if (picture.isNull() && blank.isNull()) {
        blank = placeholder(item.expression.kind);
    }
    QPixmap pixmap = picture.isNull() ? blank : QPixmap::fromImage(picture);
    if (item.user) {
        pixmap = withUserMarker(std::move(pixmap));
    }
    const QIcon icon(pixmap);
    if (!picture.isNull() || thumbnails_.scene() == nullptr) {
        icons_.insert(key, icon);  // final; a placeholder for a pending picture is not
    }
    return icon;
}

void TemplateListModel::pictureReady(ps::TemplateKind kind, const QString& name) {
    icons_.remove(iconKey(kind, name));
    const QModelIndex at = indexOf(TemplateName{kind, name});
    if (at.isValid()) {
        emit dataChanged(at, at, {Qt::DecorationRole});
    }
}

}  // namespace ps::ui

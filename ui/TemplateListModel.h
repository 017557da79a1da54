// The library's templates as a list for the library panel: expressions then poses, each by
// name, filtered by a search text (name or description, any case) and by kind. Items show the
// template's picture on the open photo (TemplateThumbnails; a placeholder until it is there),
// the user's own templates with a marker, and drag as ui/TemplateDrag's mime data.
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QPixmap>
#include <optional>
#include <vector>

#include "motion/TemplateLibrary.h"
#include "ui/TemplateDrag.h"

namespace ps::ui {

class TemplateThumbnails;

class TemplateListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1,  // int(ps::TemplateKind)
        NameRole,                     // QString
        DescriptionRole,              // QString
        IsUserRole,                   // bool: the user's own template
    };
    enum class Filter { All = 1, Expressions, Poses };

    // Both must outlive the model.
    TemplateListModel(const ps::TemplateLibrary& library, TemplateThumbnails& thumbnails,
                      QObject* parent = nullptr);

    // Lists the library again (a template was saved, renamed or deleted).
    void reload();
    void setSearch(const QString& text);
    void setFilter(Filter filter);
    // Shows every picture again (the photo changed).
    void refreshPictures();

    std::optional<TemplateName> nameAt(const QModelIndex& index) const;
    QModelIndex indexOf(const TemplateName& name) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Item {
        ps::ExpressionTemplate expression;
        QString name;        // the file's stem, as projects and drags name it
        QString shown_name;  // in the interface's language (TemplateNames)
        QString description;
        bool user = false;
    };

    void rebuild();
    bool isItem(const QModelIndex& index) const;
    bool accepts(const Item& item) const;
    QIcon iconFor(const Item& item) const;
    void pictureReady(ps::TemplateKind kind, const QString& name);

    const ps::TemplateLibrary& library_;
    TemplateThumbnails& thumbnails_;
    QString search_;
    Filter filter_ = Filter::All;
    std::vector<Item> shown_;
    mutable QHash<QString, QIcon> icons_;  // finished pictures with their marker, by kind/name
    mutable QPixmap placeholders_[2];      // expression, pose: drawn once
};

}  // namespace ps::ui

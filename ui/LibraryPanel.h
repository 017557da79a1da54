// The template library as a panel: every expression and pose, shown on the open photo's own
// face, searchable and filtered by kind. Double-click or Enter places one (MainWindow adds it at
// the playhead); dragging one onto the timeline places it there. The user's own templates can be
// renamed and deleted; the current face can be saved as a new one.
#pragma once

#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include "motion/FaceTrack.h"
#include "motion/TemplateLibrary.h"
#include "render/PreviewScene.h"
#include "ui/TemplateDrag.h"

class QAbstractItemModel;
class QAction;
class QComboBox;
class QLineEdit;
class QListView;
class QModelIndex;

namespace ps::ui {

class TemplateListModel;
class TemplateThumbnails;

class LibraryPanel : public QWidget {
    Q_OBJECT
public:
    // `library` must outlive the panel; the panel saves, renames and deletes the user's
    // templates in it.
    explicit LibraryPanel(ps::TemplateLibrary& library, QWidget* parent = nullptr);
    ~LibraryPanel() override;

    // The open photo's fitted face, which the pictures show; nullptr: none (plain icons).
    void setScene(std::shared_ptr<const ps::PreviewScene> scene);
    // The evaluated face at the playhead, for Save Current Face as Template…; empty: the action
    // is disabled.
    void setFaceProvider(std::function<ps::FaceState()> provider);
    // "Save Current Face as Template…" (object name "saveFaceAsTemplateAction"), for menus.
    QAction* saveFaceAction() const { return save_face_action_; }

    // What the context menu does once the person confirmed: false with the library's reason
    // for a built-in template or a bad name.
    bool renameTemplate(const TemplateName& name, const QString& new_name, QString* error);
    bool deleteTemplate(const TemplateName& name, QString* error);
    // Lists the library again, after it changed elsewhere.
    void reload();

    // The template the list's current item names, if any.
    std::optional<TemplateName> currentTemplate() const;
    QAbstractItemModel* model() const;
    TemplateThumbnails& thumbnails() const { return *thumbnails_; }

signals:
    // Double-click or Enter on a template.
    void templateActivated(const ps::ui::TemplateName& name);
    // A user template was saved, renamed or deleted.
    void libraryChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activate(const QModelIndex& index);
    void updateActions();
    void showContextMenu(const QPoint& position);
    void saveCurrentFace();
    void renameCurrent();
    void deleteCurrent();
    void selectTemplate(const TemplateName& name);

    ps::TemplateLibrary& library_;
    std::function<ps::FaceState()> face_provider_;
    std::unique_ptr<TemplateThumbnails> thumbnails_;
    TemplateListModel* model_;
    QLineEdit* search_;
    QComboBox* filter_;
    QListView* view_;
    QAction* save_face_action_;
    QAction* rename_action_;
    QAction* delete_action_;
};

}  // namespace ps::ui

#include "ui/LibraryPanel.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/SaveTemplateDialog.h"
#include "ui/TemplateListModel.h"
#include "ui/TemplateThumbnails.h"

namespace ps::ui {

LibraryPanel::LibraryPanel(ps::TemplateLibrary& library, QWidget* parent)
    : QWidget(parent),
      library_(library),
      thumbnails_(std::make_unique<TemplateThumbnails>()),
      model_(new TemplateListModel(library, *thumbnails_, this)),
      search_(new QLineEdit(this)),
      filter_(new QComboBox(this)),
      view_(new QListView(this)),
      save_face_action_(new QAction(tr("Save Current Face as Template…"), this)),
      rename_action_(new QAction(tr("Rename…"), this)),
      delete_action_(new QAction(tr("Delete…"), this)) {
    setObjectName(QStringLiteral("libraryPanel"));
    search_->setObjectName(QStringLiteral("librarySearch"));
    search_->setPlaceholderText(tr("Search templates"));
    search_->setClearButtonEnabled(true);
    filter_->setObjectName(QStringLiteral("libraryFilter"));
    filter_->addItem(tr("All"), int(TemplateListModel::Filter::All));
    filter_->addItem(tr("Expressions"), int(TemplateListModel::Filter::Expressions));
    filter_->addItem(tr("Poses"), int(TemplateListModel::Filter::Poses));

    view_->setObjectName(QStringLiteral("libraryView"));
    view_->setModel(model_);
    view_->setViewMode(QListView::IconMode);
    view_->setIconSize(QSize(TemplateThumbnails::kSide_px, TemplateThumbnails::kSide_px));
    view_->setGridSize(QSize(TemplateThumbnails::kSide_px + 16,
                             TemplateThumbnails::kSide_px + 2 * fontMetrics().height() + 8));
    view_->setResizeMode(QListView::Adjust);
    view_->setMovement(QListView::Static);
    view_->setUniformItemSizes(true);
    view_->setWordWrap(true);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setDragEnabled(true);
    view_->setDragDropMode(QAbstractItemView::DragOnly);
    view_->setDefaultDropAction(Qt::CopyAction);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->installEventFilter(this);

    save_face_action_->setObjectName(QStringLiteral("saveFaceAsTemplateAction"));
    save_face_action_->setToolTip(tr("Save the face at the playhead as an expression template"));
    save_face_action_->setEnabled(false);
    rename_action_->setObjectName(QStringLiteral("renameTemplateAction"));
    delete_action_->setObjectName(QStringLiteral("deleteTemplateAction"));
    auto* save_button = new QToolButton(this);
    save_button->setObjectName(QStringLiteral("saveFaceButton"));
    save_button->setDefaultAction(save_face_action_);
    save_button->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* top = new QHBoxLayout;
    top->addWidget(search_, 1);
    top->addWidget(filter_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(save_button, 0, Qt::AlignLeft);

    connect(search_, &QLineEdit::textChanged, model_, &TemplateListModel::setSearch);
    connect(filter_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        model_->setFilter(static_cast<TemplateListModel::Filter>(filter_->itemData(index).toInt()));
    });
    connect(view_, &QListView::doubleClicked, this, &LibraryPanel::activate);
    connect(view_, &QListView::customContextMenuRequested, this, &LibraryPanel::showContextMenu);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LibraryPanel::updateActions);
    connect(model_, &QAbstractItemModel::modelReset, this, &LibraryPanel::updateActions);
    connect(save_face_action_, &QAction::triggered, this, &LibraryPanel::saveCurrentFace);
    connect(rename_action_, &QAction::triggered, this, &LibraryPanel::renameCurrent);
    connect(delete_action_, &QAction::triggered, this, &LibraryPanel::deleteCurrent);
    updateActions();
}

LibraryPanel::~LibraryPanel() {
    // The model asks the thumbnails for pictures; it goes first.
    delete model_;
    model_ = nullptr;
}

void LibraryPanel::setScene(std::shared_ptr<const ps::PreviewScene> scene) {
    thumbnails_->setScene(std::move(scene));
    model_->refreshPictures();
}

void LibraryPanel::setFaceProvider(std::function<ps::FaceState()> provider) {
    face_provider_ = std::move(provider);
    save_face_action_->setEnabled(bool(face_provider_));
}

QAbstractItemModel* LibraryPanel::model() const {
    return model_;
}

std::optional<TemplateName> LibraryPanel::currentTemplate() const {
    return model_->nameAt(view_->currentIndex());
}

void LibraryPanel::reload() {
    const std::optional<TemplateName> current = currentTemplate();
    model_->reload();
    if (current) {
        selectTemplate(*current);
    }
}

bool LibraryPanel::renameTemplate(const TemplateName& name, const QString& new_name,
                                  QString* error) {
    const ps::Status renamed = library_.renameUserTemplate(name.kind, name.name.toStdString(),
                                                           new_name.trimmed().toStdString());
    if (!renamed.ok()) {
        if (error != nullptr) {
            *error = QString::fromStdString(renamed.error().message);
        }
        return false;
    }
    model_->reload();
    selectTemplate(TemplateName{name.kind, new_name.trimmed()});
    emit libraryChanged();
    return true;
}

bool LibraryPanel::deleteTemplate(const TemplateName& name, QString* error) {
    const ps::Status removed = library_.removeUserTemplate(name.kind, name.name.toStdString());
    if (!removed.ok()) {
        if (error != nullptr) {
            *error = QString::fromStdString(removed.error().message);
        }
        return false;
    }
    model_->reload();
    emit libraryChanged();
    return true;
}

bool LibraryPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            activate(view_->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LibraryPanel::activate(const QModelIndex& index) {
    if (const std::optional<TemplateName> name = model_->nameAt(index)) {
        emit templateActivated(*name);
    }
}

void LibraryPanel::updateActions() {
    const bool user = model_->data(view_->currentIndex(), TemplateListModel::IsUserRole).toBool();
    rename_action_->setEnabled(user);
    delete_action_->setEnabled(user);
}

void LibraryPanel::showContextMenu(const QPoint& position) {
    const QModelIndex index = view_->indexAt(position);
    if (!index.isValid()) {
        return;
    }
    view_->setCurrentIndex(index);
    QMenu menu(this);
    QAction* place = menu.addAction(tr("Add at Playhead"));
    connect(place, &QAction::triggered, this, [this, index] { activate(index); });
    menu.addSeparator();
    menu.addAction(rename_action_);
    menu.addAction(delete_action_);
    if (!rename_action_->isEnabled()) {
        QAction* note = menu.addAction(tr("Built-in templates cannot be renamed or deleted"));
        note->setEnabled(false);
    }
    menu.exec(view_->viewport()->mapToGlobal(position));
}

void LibraryPanel::saveCurrentFace() {
    if (!face_provider_) {
        return;
    }
    SaveTemplateDialog dialog(library_, face_provider_(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    model_->reload();
    selectTemplate(TemplateName{ps::TemplateKind::Expression, dialog.savedName()});
    emit libraryChanged();
}

void LibraryPanel::renameCurrent() {
    const std::optional<TemplateName> current = currentTemplate();
    if (!current || !library_.isUserTemplate(current->kind, current->name.toStdString())) {
        return;
    }
    QString problem;
    QString name = current->name;
    for (;;) {
        bool ok = false;
        const QString label = problem.isEmpty()
                                  ? tr("New name for “%1”:").arg(current->name)
                                  : tr("%1\n\nNew name for “%2”:").arg(problem, current->name);
        name =
            QInputDialog::getText(this, tr("Rename Template"), label, QLineEdit::Normal, name, &ok);
        if (!ok || renameTemplate(*current, name, &problem)) {
            return;
        }
    }
}

void LibraryPanel::deleteCurrent() {
    const std::optional<TemplateName> current = currentTemplate();
    if (!current || !library_.isUserTemplate(current->kind, current->name.toStdString())) {
        return;
    }
    const bool hides_builtin =
        library_.isBuiltinTemplate(current->kind, current->name.toStdString());
    const QString question =
        hides_builtin ? tr("Delete your template “%1”? The built-in one of that name comes back.")
                            .arg(current->name)
                      : tr("Delete your template “%1”? This cannot be undone.").arg(current->name);
    if (QMessageBox::question(this, tr("Delete Template"), question,
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    QString problem;
    if (!deleteTemplate(*current, &problem)) {
        QMessageBox::warning(this, tr("Delete Template"), problem);
    }
}

void LibraryPanel::selectTemplate(const TemplateName& name) {
    const QModelIndex index = model_->indexOf(name);
    if (index.isValid()) {
        view_->setCurrentIndex(index);
        view_->scrollTo(index);
    }
    updateActions();
}

}  // namespace ps::ui

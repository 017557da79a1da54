#include "ui/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ps::ui {

namespace {

QString plainText(const QAction* action) {
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    return text;
}

// The menu's actions with shortcuts, submenus' included, as rows under one group item.
void addMenu(QTreeWidget* tree, const QMenu* menu, QTreeWidgetItem* group) {
    for (QAction* action : menu->actions()) {
        if (action->menu() != nullptr) {
            addMenu(tree, action->menu(), group);
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty()) {
            continue;
        }
        QStringList texts;
        for (const QKeySequence& key : keys) {
            texts << key.toString(QKeySequence::NativeText);
        }
        auto* item =
            new QTreeWidgetItem(group, {plainText(action), texts.join(QStringLiteral(", "))});
        item->setToolTip(0, action->toolTip());
    }
}

}  // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar& menus, QWidget* parent)
    : QDialog(parent), filter_(new QLineEdit(this)), tree_(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    filter_->setObjectName(QStringLiteral("shortcutsFilter"));
    filter_->setPlaceholderText(tr("Filter"));
    filter_->setClearButtonEnabled(true);
    tree_->setObjectName(QStringLiteral("shortcutsTree"));
    tree_->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree_->setRootIsDecorated(false);
    tree_->setAlternatingRowColors(true);
    for (QAction* top : menus.actions()) {
        if (top->menu() == nullptr) {
            continue;
        }
        auto* group = new QTreeWidgetItem(tree_, {plainText(top)});
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        addMenu(tree_, top->menu(), group);
        if (group->childCount() == 0) {
            delete group;
        }
    }
    tree_->expandAll();
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(filter_, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filter_);
    layout->addWidget(tree_, 1);
    layout->addWidget(buttons);
    resize(520, 600);
}

void ShortcutsDialog::applyFilter(const QString& text) {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* row = group->child(i);
            const bool match = text.isEmpty() || row->text(0).contains(text, Qt::CaseInsensitive) ||
                               row->text(1).contains(text, Qt::CaseInsensitive);
            row->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

int ShortcutsDialog::shortcutCount() const {
    int count = 0;
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = tree_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            count += group->child(i)->isHidden() ? 0 : 1;
        }
    }
    return count;
}

}  // namespace ps::ui

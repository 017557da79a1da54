// Help ▸ Keyboard Shortcuts: every action of the window that has a shortcut, grouped by the menu
// it is in, with a filter. Built from the menus themselves, so it cannot drift from them.
#pragma once

#include <QDialog>

class QLineEdit;
class QMenuBar;
class QTreeWidget;

namespace ps::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar& menus, QWidget* parent = nullptr);

    // Rows shown (after the filter), for tests.
    int shortcutCount() const;

private:
    void applyFilter(const QString& text);

    QLineEdit* filter_;
    QTreeWidget* tree_;
};

}  // namespace ps::ui

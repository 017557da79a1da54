// Installs the studio's own translation and Qt's (for the standard dialogs' buttons) into an
// application, for the language the user chose or else the system's. Menus and widgets read
// their text when they are built, so install before creating the main window.
#pragma once

#include <QLocale>
#include <QTranslator>

class QCoreApplication;

namespace ps::ui {

class Translations {
public:
    explicit Translations(QCoreApplication& app);
    ~Translations();  // removes what it installed

    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;

    // `language` as Settings::language(): "" follows the system. Returns whether the studio's
    // own translation for that language was found (English needs none and is the fallback).
    bool install(const QString& language);

    QLocale locale() const { return locale_; }

private:
    void uninstall();

    QCoreApplication& app_;
    QTranslator studio_;
    QTranslator qt_;
    bool studio_installed_ = false;
    bool qt_installed_ = false;
    QLocale locale_;
};

}  // namespace ps::ui

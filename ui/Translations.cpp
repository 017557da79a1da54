#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace ps::ui {

namespace {
const QString kStudioCatalogue = QStringLiteral("portrait-studio");
const QString kEmbeddedFolder = QStringLiteral(":/i18n");
}  // namespace

Translations::Translations(QCoreApplication& app) : app_(app) {}

Translations::~Translations() {
    uninstall();
}

bool Translations::install(const QString& language) {
    uninstall();
    locale_ = language.isEmpty() ? QLocale::system() : QLocale(language);
    // QTranslator::load(QLocale, ...) walks the locale's UI languages (zh_Hans_CN, zh_CN, zh...),
    // so a system set to any Chinese variant written in Simplified script finds our zh_CN file.
    if (studio_.load(locale_, kStudioCatalogue, QStringLiteral("_"), kEmbeddedFolder)) {
        studio_installed_ = app_.installTranslator(&studio_);
    }
    // Debian ships Qt 6's standard-dialog texts as qtbase_*.qm in some releases and only as the
    // older qt_*.qm catalogue in others; either serves.
    const QString qt_folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt_.load(locale_, QStringLiteral("qtbase"), QStringLiteral("_"), qt_folder) ||
        qt_.load(locale_, QStringLiteral("qt"), QStringLiteral("_"), qt_folder)) {
        qt_installed_ = app_.installTranslator(&qt_);
    }
    return studio_installed_;
}

void Translations::uninstall() {
    if (studio_installed_) {
        app_.removeTranslator(&studio_);
        studio_installed_ = false;
    }
    if (qt_installed_) {
        app_.removeTranslator(&qt_);
        qt_installed_ = false;
    }
}

}  // namespace ps::ui

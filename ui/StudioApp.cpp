#include "ui/StudioApp.h"

#include <QApplication>

#include "ui/DarkTheme.h"
#include "ui/MainWindow.h"
#include "ui/Settings.h"
#include "ui/Translations.h"

namespace ps::ui {

int runStudio(int argc, char** argv) {
    // Fractional scale factors (150 %) as the screen asks, not rounded to 100 % or 200 %.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    applyDarkTheme(app);
    // Before anything reads QSettings: they locate the user's settings file.
    QApplication::setOrganizationName(QStringLiteral("PortraitStudio"));
    QApplication::setApplicationName(QStringLiteral("Portrait Studio"));
    QApplication::setApplicationVersion(QStringLiteral(PS_VERSION));

    Settings settings;
    Translations translations(app);
    translations.install(settings.language());

    MainWindow window(settings);
    window.show();
    window.checkForRecovery();
    const QStringList files = QApplication::arguments().mid(1);
    if (!files.isEmpty()) {
        window.openFiles(files);
    }
    return QApplication::exec();
}

}  // namespace ps::ui

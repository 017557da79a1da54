#include "ui/StudioApp.h"

#include <QApplication>

#include "ui/MainWindow.h"
#include "ui/Settings.h"
#include "ui/Translations.h"

namespace ps::ui {

int runStudio(int argc, char** argv) {
    QApplication app(argc, argv);
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

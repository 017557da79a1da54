// Settings: every getter has a usable default on an empty file, values survive a round trip
// through the file, and damaged values read as the defaults.
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/Settings.h"

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void init();
    void defaultsOnEmptyFile();
    void roundTripThroughFile();
    void damagedValuesReadAsDefaults();
    void recentProjectsNewestFirstEachOnce();
    void layoutOnlyForItsVersion();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    QString file_;
};

void TestSettings::init() {
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    file_ = dir_->filePath(QStringLiteral("settings.ini"));
}

void TestSettings::defaultsOnEmptyFile() {
    QSettings store(file_, QSettings::IniFormat);
    const ps::ui::Settings settings(&store);
    QCOMPARE(settings.language(), QString());
    QVERIFY(QDir(settings.lastOpenFolder()).exists());
    QVERIFY(QDir(settings.lastExportFolder()).exists());
    QCOMPARE(settings.exportFrameRate(), ps::FrameRate::Fps25);
    QCOMPARE(settings.exportCrf(), 18);
    QCOMPARE(settings.exportPreset(), QStringLiteral("medium"));
}

void TestSettings::roundTripThroughFile() {
    {
        QSettings store(file_, QSettings::IniFormat);
        ps::ui::Settings settings(&store);
        settings.setLanguage(QStringLiteral("zh_CN"));
        settings.setLastOpenFolder(dir_->path());
        settings.setLastExportFolder(dir_->path());
        settings.setExportFrameRate(ps::FrameRate::Fps29_97);
        settings.setExportCrf(23);
        settings.setExportPreset(QStringLiteral("veryslow"));
        settings.sync();
    }
    QSettings store(file_, QSettings::IniFormat);
    const ps::ui::Settings settings(&store);
    QCOMPARE(settings.language(), QStringLiteral("zh_CN"));
    QCOMPARE(settings.lastOpenFolder(), dir_->path());
    QCOMPARE(settings.lastExportFolder(), dir_->path());
    QCOMPARE(settings.exportFrameRate(), ps::FrameRate::Fps29_97);
    QCOMPARE(settings.exportCrf(), 23);
    QCOMPARE(settings.exportPreset(), QStringLiteral("veryslow"));
}

void TestSettings::damagedValuesReadAsDefaults() {
    QSettings store(file_, QSettings::IniFormat);
    store.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
    store.setValue(QStringLiteral("files/lastOpenFolder"), dir_->filePath(QStringLiteral("gone")));
    store.setValue(QStringLiteral("export/fps"), QStringLiteral("31"));
    store.setValue(QStringLiteral("export/crf"), 99);
    store.setValue(QStringLiteral("export/preset"), QStringLiteral("warp9"));
    const ps::ui::Settings settings(&store);
    QCOMPARE(settings.language(), QString());
    QVERIFY(settings.lastOpenFolder() != dir_->filePath(QStringLiteral("gone")));
    QVERIFY(QDir(settings.lastOpenFolder()).exists());
    QCOMPARE(settings.exportFrameRate(), ps::FrameRate::Fps25);
    QCOMPARE(settings.exportCrf(), 18);
    QCOMPARE(settings.exportPreset(), QStringLiteral("medium"));
}

void TestSettings::recentProjectsNewestFirstEachOnce() {
    QSettings store(file_, QSettings::IniFormat);
    ps::ui::Settings settings(&store);
    QVERIFY(settings.recentProjects().isEmpty());
    const QString a = dir_->filePath(QStringLiteral("a.pstudio"));
    const QString b = dir_->filePath(QStringLiteral("b.pstudio"));
    settings.addRecentProject(a);
    settings.addRecentProject(b);
    settings.addRecentProject(a);
    QCOMPARE(settings.recentProjects(), (QStringList{a, b}));
    for (int i = 0; i < 20; ++i) {
        settings.addRecentProject(dir_->filePath(QStringLiteral("p%1.pstudio").arg(i)));
    }
    QCOMPARE(settings.recentProjects().size(), ps::ui::Settings::kMaxRecentProjects);
    QCOMPARE(settings.recentProjects().front(), dir_->filePath(QStringLiteral("p19.pstudio")));
    settings.removeRecentProject(dir_->filePath(QStringLiteral("p19.pstudio")));
    QCOMPARE(settings.recentProjects().front(), dir_->filePath(QStringLiteral("p18.pstudio")));
    settings.clearRecentProjects();
    QVERIFY(settings.recentProjects().isEmpty());
}

void TestSettings::layoutOnlyForItsVersion() {
    QSettings store(file_, QSettings::IniFormat);
    ps::ui::Settings settings(&store);
    QVERIFY(settings.windowState(2).isEmpty());
    settings.setWindowState(QByteArray("docks"), 2);
    settings.setWindowGeometry(QByteArray("place"));
    QCOMPARE(settings.windowState(2), QByteArray("docks"));
    QVERIFY(settings.windowState(3).isEmpty());  // a newer studio with another dock
    QCOMPARE(settings.windowGeometry(), QByteArray("place"));
    settings.clearWindowLayout();
    QVERIFY(settings.windowState(2).isEmpty());
    QVERIFY(settings.windowGeometry().isEmpty());
}

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"

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

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"

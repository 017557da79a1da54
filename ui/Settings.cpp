#include "ui/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace ps::ui {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kLastOpenFolder = QStringLiteral("files/lastOpenFolder");
const QString kLastExportFolder = QStringLiteral("export/lastFolder");
const QString kExportFps = QStringLiteral("export/fps");
const QString kExportCrf = QStringLiteral("export/crf");
const QString kExportPreset = QStringLiteral("export/preset");
const QString kDataFolder = QStringLiteral("paths/data");
const QString kAutosaveInterval = QStringLiteral("project/autosaveInterval");
const QString kScrubAudio = QStringLiteral("playback/scrubAudio");
const QString kRecentProjects = QStringLiteral("project/recent");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kWindowLayoutVersion = QStringLiteral("window/layoutVersion");

constexpr int kDefaultAutosaveInterval_s = 60;
constexpr int kMaxAutosaveInterval_s = 3600;

constexpr int kDefaultCrf = 18;
constexpr FrameRate kDefaultFrameRate = FrameRate::Fps25;

QString existingFolderOr(const QString& folder, const QString& fallback) {
    return !folder.isEmpty() && QDir(folder).exists() ? folder : fallback;
}
}  // namespace

Settings::Settings(QSettings* store)
    : owned_(store == nullptr ? std::make_unique<QSettings>() : nullptr),
      store_(store == nullptr ? owned_.get() : store) {}

Settings::~Settings() = default;

QString Settings::language() const {
    const QString code = store_->value(kLanguage).toString();
    return supportedLanguages().contains(code) ? code : QString();
}

void Settings::setLanguage(const QString& code) {
    store_->setValue(kLanguage, supportedLanguages().contains(code) ? code : QString());
}

QStringList Settings::supportedLanguages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Settings::lastOpenFolder() const {
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return existingFolderOr(store_->value(kLastOpenFolder).toString(),
                            existingFolderOr(pictures, QDir::homePath()));
}

void Settings::setLastOpenFolder(const QString& folder) {
    store_->setValue(kLastOpenFolder, folder);
}

QString Settings::lastExportFolder() const {
    const QString movies = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    return existingFolderOr(store_->value(kLastExportFolder).toString(),
                            existingFolderOr(movies, QDir::homePath()));
}

void Settings::setLastExportFolder(const QString& folder) {
    store_->setValue(kLastExportFolder, folder);
}

FrameRate Settings::exportFrameRate() const {
    const QString label = store_->value(kExportFps).toString();
    return parseFrameRate(label.toStdString()).value_or(kDefaultFrameRate);
}

void Settings::setExportFrameRate(FrameRate rate) {
    store_->setValue(kExportFps, QString::fromStdString(frameRateLabel(rate)));
}

int Settings::exportCrf() const {
    bool ok = false;
    const int crf = store_->value(kExportCrf).toInt(&ok);
    return ok && crf >= 0 && crf <= 51 ? crf : kDefaultCrf;
}

void Settings::setExportCrf(int crf) {
    store_->setValue(kExportCrf, crf);
}

QString Settings::exportPreset() const {
    const QString preset = store_->value(kExportPreset).toString();
    return x264Presets().contains(preset) ? preset : QStringLiteral("medium");
}

void Settings::setExportPreset(const QString& preset) {
    store_->setValue(kExportPreset, preset);
}

QStringList Settings::x264Presets() {
    return {QStringLiteral("ultrafast"), QStringLiteral("superfast"), QStringLiteral("veryfast"),
            QStringLiteral("faster"),    QStringLiteral("fast"),      QStringLiteral("medium"),
            QStringLiteral("slow"),      QStringLiteral("slower"),    QStringLiteral("veryslow")};
}

QString Settings::dataFolder() const {
    const QString chosen = store_->value(kDataFolder).toString();
    return !chosen.isEmpty()
               ? chosen
               : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

void Settings::setDataFolder(const QString& folder) {
    store_->setValue(kDataFolder, folder);
}

QString Settings::recoveryFolder() const {
    return QDir(dataFolder()).filePath(QStringLiteral("recovery"));
}

QString Settings::userPresetsFolder() const {
    return QDir(dataFolder()).filePath(QStringLiteral("presets"));
}

int Settings::autosaveInterval_s() const {
    bool ok = false;
    const int seconds = store_->value(kAutosaveInterval).toInt(&ok);
    return ok && seconds >= 0 && seconds <= kMaxAutosaveInterval_s ? seconds
                                                                   : kDefaultAutosaveInterval_s;
}

void Settings::setAutosaveInterval_s(int seconds) {
    store_->setValue(kAutosaveInterval, seconds);
}

bool Settings::scrubAudio() const {
    return store_->value(kScrubAudio, true).toBool();
}

void Settings::setScrubAudio(bool on) {
    store_->setValue(kScrubAudio, on);
}

QByteArray Settings::windowGeometry() const {
    return store_->value(kWindowGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry) {
    store_->setValue(kWindowGeometry, geometry);
}

QByteArray Settings::windowState(int layout_version) const {
    bool ok = false;
    const int saved_version = store_->value(kWindowLayoutVersion).toInt(&ok);
    return ok && saved_version == layout_version ? store_->value(kWindowState).toByteArray()
                                                 : QByteArray();
}

void Settings::setWindowState(const QByteArray& state, int layout_version) {
    store_->setValue(kWindowState, state);
    store_->setValue(kWindowLayoutVersion, layout_version);
}

void Settings::clearWindowLayout() {
    store_->remove(kWindowGeometry);
    store_->remove(kWindowState);
    store_->remove(kWindowLayoutVersion);
}

QStringList Settings::recentProjects() const {
    QStringList paths;
    for (const QString& path : store_->value(kRecentProjects).toStringList()) {
        if (!path.isEmpty() && !paths.contains(path) && paths.size() < kMaxRecentProjects) {
            paths << path;
        }
    }
    return paths;
}

void Settings::addRecentProject(const QString& path) {
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList paths = recentProjects();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    store_->setValue(kRecentProjects, paths.mid(0, kMaxRecentProjects));
}

void Settings::removeRecentProject(const QString& path) {
    QStringList paths = recentProjects();
    paths.removeAll(path);
    store_->setValue(kRecentProjects, paths);
}

void Settings::clearRecentProjects() {
    store_->remove(kRecentProjects);
}

void Settings::sync() {
    store_->sync();
}

}  // namespace ps::ui

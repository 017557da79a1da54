// .pstudio files as a creator relies on them: everything survives a save and a load; media paths
// are relative, so a project moved with its media still finds them; embedded media come back byte
// for byte; an old file opens without being rewritten; and a damaged, foreign or newer file is
// refused with one line naming it, never touched, while a save replaces a file only when complete.
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <functional>
#include <random>

#include "Keys.h"
#include "motion/MotionChannel.h"
#include "motion/MotionDocumentJson.h"
#include "project/EmbeddedMedia.h"
#include "project/ProjectFile.h"
#include "project/ProjectMigration.h"
#include "runtime/Base64.h"

using namespace ps;
using nlohmann::json;

namespace {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// What a failed read or save must leave alone: the bytes and the modification time (to the
// file system's resolution, nanoseconds here).
struct FileStamp {
    QByteArray bytes;
    long long modified_ns = 0;
    bool operator==(const FileStamp& other) const {
        return bytes == other.bytes && modified_ns == other.modified_ns;
    }
};

FileStamp stampOf(const QString& path) {
    std::error_code ec;
    const auto modified = std::filesystem::last_write_time(path.toStdString(), ec);
    return {readAll(path), ec ? -1
                              : (long long)std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    modified.time_since_epoch())
                                    .count()};
}

QByteArray randomBytes(int size, unsigned seed) {
    std::mt19937 random(seed);
    QByteArray bytes(size, '\0');
    for (char& b : bytes) {
        b = char(random());
    }
    bytes[0] = '\0';  // binary, not text
    return bytes;
}

MotionDocument sampleMotion(int capture_frames = 3) {
    MotionDocument motion;
    motion.duration_s = 8.25;
    motion.strengths.lips = 0.6f;
    ExpressionClip clip;
    clip.id = motion.newId();
    clip.expression.name = "smile";
    clip.expression.channels = {{*motionChannelFromName("mouthSmileLeft"), {key(0.0, 0.7f)}}};
    clip.intensity = 0.9f;
    motion.clips.push_back(clip);
    CaptureLayer capture;
    capture.id = motion.newId();
    capture.name = "take.csv";
    for (int k = 0; k < capture_frames; ++k) {
        FaceState state;
        state.head_deg.y = 0.1f * float(k);
        state.weights[3] = 0.01f * float(k);
        capture.track.frames.push_back(state);
    }
    motion.captures.push_back(capture);
    KeyframeCurve curve;
    curve.id = motion.newId();
    curve.channel = kHeadRollChannel;
    curve.keys = {key(0.0, -3.0f), key(2.0, 4.5f)};
    motion.curves.push_back(curve);
    LandmarkSculpt sculpt;
    sculpt.id = motion.newId();
    sculpt.center_vertex = 61;
    sculpt.offset_cm = {0.0f, 0.2f, 0.0f};
    motion.sculpts.push_back(sculpt);
    return motion;
}

std::string motionText(const Project& project) {
    return motionDocumentToJson(project.motion).dump();
}

const char* messageOf(const Result<Project>& result) {
    return result.ok() ? "" : result.error().message.c_str();
}

QStringList partFiles(const QString& folder) {
    return QDir(folder).entryList({"*.part"}, QDir::Files | QDir::Hidden);
}

}  // namespace

class TestProjectFile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTripsWithRelativePaths();
    void projectMovedWithItsMediaFindsThem();
    void embeddedMediaComeBackByteForByte();
    void embeddedMediaCacheIsReusedAndSafe();
    void hashesAsFnv1a();
    void versionOneFileOpensWithoutBeingRewritten();
    void migrationStepsFromVersionOne();
    void refusesDamagedFilesWithoutTouchingThem_data();
    void refusesDamagedFilesWithoutTouchingThem();
    void refusesMissingFilesAndFolders();
    void failedSaveKeepsTheExistingFile();
    void saveIntoReadOnlyFolderKeepsTheExistingFile();
    void saveReplacesAnExistingProjectAtomically();
    void capturesStayCompactWhenPretty();

private:
    QString path(const QString& relative) const { return dir_.filePath(relative); }
    Project sampleProject(const QString& folder) const;

    QTemporaryDir dir_;
};

void TestProjectFile::initTestCase() {
    QVERIFY(dir_.isValid());
    // Embedded media are extracted under the system's temporary folder; keep them in this test's.
    QVERIFY(QDir().mkpath(path("cache")));
    qputenv("TMPDIR", path("cache").toUtf8());
    QCOMPARE(QString::fromStdString(embeddedMediaCacheFolder()),
             path("cache/portrait-studio-media"));
}

// A photo in the project's media folder and a voice in a sibling folder of the project's.
Project TestProjectFile::sampleProject(const QString& folder) const {
    const QString photo = path(folder + "/project/media/astronaut.png");
    const QString voice = path(folder + "/sounds/voice.wav");
    writeAll(photo, randomBytes(5000, 1));
    writeAll(voice, randomBytes(12345, 2));
    Project project;
    project.photo.path = photo.toStdString();
    project.audio.path = voice.toStdString();
    project.fps = FrameRate::Fps29_97;
    project.motion = sampleMotion();
    return project;
}

void TestProjectFile::roundTripsWithRelativePaths() {
    const Project project = sampleProject("round");
    const QString file = path("round/project/story.pstudio");
    QVERIFY(writeProject(project, file.toStdString()).ok());

    const json root = json::parse(readAll(file).toStdString());
    QCOMPARE(root["format"], json("portrait-studio project"));
    QCOMPARE(root["version"], json(kProjectVersion));
    QCOMPARE(root["fps"], json("29.97"));
    QCOMPARE(root["photo"]["path"], json("media/astronaut.png"));
    QCOMPARE(root["audio"]["path"], json("../sounds/voice.wav"));
    QVERIFY(readAll(file).startsWith("{\n  \""));  // indented by two, a person can read it

    const Result<Project> back = readProject(file.toStdString());
    QVERIFY2(back.ok(), messageOf(back));
    QCOMPARE(back->photo.path, project.photo.path);
    QCOMPARE(back->audio.path, project.audio.path);
    QCOMPARE(back->photo.embed, false);
    QCOMPARE(back->fps, FrameRate::Fps29_97);
    QCOMPARE(motionText(*back), motionText(project));
    QCOMPARE(back->motion.strengths.lips, 0.6f);
    QVERIFY(missingMedia(*back).empty());
}

void TestProjectFile::projectMovedWithItsMediaFindsThem() {
    const Project project = sampleProject("before");
    QVERIFY(writeProject(project, path("before/project/story.pstudio").toStdString()).ok());
    QVERIFY(QDir(dir_.path()).rename("before", "after"));

    const Result<Project> moved = readProject(path("after/project/story.pstudio").toStdString());
    QVERIFY2(moved.ok(), messageOf(moved));
    QCOMPARE(QString::fromStdString(moved->photo.path), path("after/project/media/astronaut.png"));
    QCOMPARE(QString::fromStdString(moved->audio.path), path("after/sounds/voice.wav"));
    QVERIFY(missingMedia(*moved).empty());
    QCOMPARE(readAll(QString::fromStdString(moved->photo.path)), randomBytes(5000, 1));

    // The project file alone, away from its media: it still opens, and says what is missing.
    QVERIFY(QDir().mkpath(path("alone")));
    QVERIFY(QFile::rename(path("after/project/story.pstudio"), path("alone/story.pstudio")));
    const Result<Project> alone = readProject(path("alone/story.pstudio").toStdString());
    QVERIFY2(alone.ok(), messageOf(alone));
    const std::vector<std::string> missing = missingMedia(*alone);
    QCOMPARE(missing.size(), size_t(2));
    QCOMPARE(QString::fromStdString(missing[0]), path("alone/media/astronaut.png"));
    QCOMPARE(QString::fromStdString(missing[1]), path("sounds/voice.wav"));

    // The project file alone moved while its media stayed where they were: found where they
    // were when it was saved.
    const Project staying = sampleProject("staying");
    QVERIFY(writeProject(staying, path("staying/project/story.pstudio").toStdString()).ok());
    QVERIFY(QDir().mkpath(path("moved/deeper")));
    QVERIFY(
        QFile::rename(path("staying/project/story.pstudio"), path("moved/deeper/story.pstudio")));
    const Result<Project> found = readProject(path("moved/deeper/story.pstudio").toStdString());
    QVERIFY2(found.ok(), messageOf(found));
    QCOMPARE(QString::fromStdString(found->photo.path),
             path("staying/project/media/astronaut.png"));
    QCOMPARE(QString::fromStdString(found->audio.path), path("staying/sounds/voice.wav"));
    QVERIFY(missingMedia(*found).empty());
}

void TestProjectFile::embeddedMediaComeBackByteForByte() {
    Project project = sampleProject("embed");
    project.photo.embed = true;
    const QByteArray photo_bytes = readAll(QString::fromStdString(project.photo.path));
    const QString file = path("embed/project/story.pstudio");
    QVERIFY(writeProject(project, file.toStdString()).ok());

    const json root = json::parse(readAll(file).toStdString());
    QCOMPARE(root["photo"]["name"], json("astronaut.png"));
    QVERIFY(!root["photo"].contains("path"));
    QCOMPARE(QByteArray::fromStdString(root["photo"]["embedded"].get<std::string>()),
             photo_bytes.toBase64());
    QCOMPARE(root["audio"]["path"], json("../sounds/voice.wav"));

    // The original may go away: the project carries the photo.
    QVERIFY(QFile::remove(QString::fromStdString(project.photo.path)));
    const Result<Project> back = readProject(file.toStdString());
    QVERIFY2(back.ok(), messageOf(back));
    QVERIFY(back->photo.embed);
    const std::string bytes = photo_bytes.toStdString();
    char hash[17];
    std::snprintf(hash, sizeof(hash), "%016llx", (unsigned long long)fnv1a64(bytes));
    QCOMPARE(QString::fromStdString(back->photo.path),
             path("cache/portrait-studio-media/") + hash + "/astronaut.png");
    QCOMPARE(readAll(QString::fromStdString(back->photo.path)), photo_bytes);
    QVERIFY(!back->audio.embed);
    QVERIFY(missingMedia(*back).empty());

    // Saving the opened project embeds the photo again, from the extracted copy.
    const QString again = path("embed/project/again.pstudio");
    QVERIFY(writeProject(*back, again.toStdString()).ok());
    const json root_again = json::parse(readAll(again).toStdString());
    QCOMPARE(root_again["photo"], root["photo"]);
}

void TestProjectFile::embeddedMediaCacheIsReusedAndSafe() {
    const QByteArray bytes = randomBytes(3000, 9);
    const std::string text =
        json({{"format", "portrait-studio project"},
              {"version", 2},
              {"fps", "25"},
              {"photo",
               {{"embedded", base64Encode(bytes.toStdString())}, {"name", "../../escape.png"}}},
              {"audio", nullptr},
              {"motion", motionDocumentToJson(MotionDocument())}})
            .dump();
    const std::string project_path = path("cache-test/p.pstudio").toStdString();
    const Result<Project> first = projectFromJson(text, project_path);
    QVERIFY2(first.ok(), messageOf(first));
    const QFileInfo extracted(QString::fromStdString(first->photo.path));
    // A name written by hand cannot place the file outside the cache.
    QCOMPARE(extracted.fileName(), QString("escape.png"));
    QCOMPARE(extracted.dir().dirName().size(), 16);
    QVERIFY(extracted.absoluteFilePath().startsWith(path("cache/portrait-studio-media/")));
    QCOMPARE(readAll(extracted.absoluteFilePath()), bytes);

    // A file of the same size is reused as it is (here, deliberately altered to tell)...
    QByteArray altered = bytes;
    altered[10] = char(altered[10] ^ 0x5a);
    QVERIFY(writeAll(extracted.absoluteFilePath(), altered));
    const Result<Project> second = projectFromJson(text, project_path);
    QVERIFY2(second.ok(), messageOf(second));
    QCOMPARE(second->photo.path, first->photo.path);
    QCOMPARE(readAll(extracted.absoluteFilePath()), altered);
    // ...and one cut short, by an interrupted copy say, is written again.
    QVERIFY(writeAll(extracted.absoluteFilePath(), bytes.left(100)));
    const Result<Project> third = projectFromJson(text, project_path);
    QVERIFY2(third.ok(), messageOf(third));
    QCOMPARE(readAll(extracted.absoluteFilePath()), bytes);
    QCOMPARE(partFiles(extracted.absolutePath()), QStringList());
}

void TestProjectFile::hashesAsFnv1a() {
    // FNV's published 64-bit FNV-1a values.
    QCOMPARE(fnv1a64(""), 0xcbf29ce484222325ull);
    QCOMPARE(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
    QCOMPARE(fnv1a64("foobar"), 0x85944171f73967e8ull);
}

void TestProjectFile::versionOneFileOpensWithoutBeingRewritten() {
    const Project project = sampleProject("v1");
    json motion = motionDocumentToJson(project.motion);
    motion.erase("strengths");
    const json v1 = {{"format", "portrait-studio project"},
                     {"version", 1},
                     {"photo", "media/astronaut.png"},
                     {"audio", ""},
                     {"motion", motion}};
    const QString file = path("v1/project/old.pstudio");
    QVERIFY(writeAll(file, QByteArray::fromStdString(v1.dump(2))));
    const FileStamp before = stampOf(file);

    const Result<Project> read = readProject(file.toStdString());
    QVERIFY2(read.ok(), messageOf(read));
    QCOMPARE(read->fps, FrameRate::Fps25);
    QCOMPARE(read->photo.path, project.photo.path);
    QVERIFY(read->audio.path.empty());
    QVERIFY(read->motion.strengths == MotionStrengths());
    QCOMPARE(read->motion.clips.size(), project.motion.clips.size());
    QCOMPARE(read->motion.curves[0].keys[1].value, 4.5f);
    QVERIFY(stampOf(file) == before);

    // Only a save writes the new layout.
    QVERIFY(writeProject(*read, file.toStdString()).ok());
    const json saved = json::parse(readAll(file).toStdString());
    QCOMPARE(saved["version"], json(kProjectVersion));
    QCOMPARE(saved["photo"]["path"], json("media/astronaut.png"));
    QCOMPARE(saved["audio"], json(nullptr));
}

void TestProjectFile::migrationStepsFromVersionOne() {
    json v1 = {{"format", "portrait-studio project"},
               {"version", 1},
               {"photo", "/photos/a.png"},
               {"motion", {{"next_id", 1}}}};
    migrateProject(v1, 1);
    QCOMPARE(v1["version"], json(2));
    QCOMPARE(v1["fps"], json("25"));
    QCOMPARE(v1["photo"], json({{"path", "/photos/a.png"}}));
    QCOMPARE(v1["audio"], json(nullptr));
    QCOMPARE(v1["motion"]["strengths"]["lips"], json(1.0));
    QCOMPARE(v1["motion"]["strengths"]["blink_rate"], json(1.0));
    // A file already at the newest version is left as it is.
    json v2 = v1;
    migrateProject(v2, kProjectVersion);
    QCOMPARE(v2, v1);
}

void TestProjectFile::refusesDamagedFilesWithoutTouchingThem_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem");
    Project project;
    project.photo.path = "/photos/astronaut.png";
    project.motion = sampleMotion();
    const Result<std::string> good = projectToJson(project, "/projects/good.pstudio");
    QVERIFY(good.ok());
    const json valid = json::parse(*good);
    auto changed = [&valid](const std::function<void(json&)>& change) {
        json copy = valid;
        change(copy);
        return QByteArray::fromStdString(copy.dump(2));
    };

    QTest::newRow("truncated") << QByteArray::fromStdString(good->substr(0, good->size() / 2))
                               << "is not valid JSON (it may be truncated): ";
    QTest::newRow("empty") << QByteArray() << "file is empty";
    QTest::newRow("blank") << QByteArray(" \n\n") << "file is empty";
    QTest::newRow("not json") << QByteArray("PK\x03\x04 a zip, say") << "is not valid JSON";
    QTest::newRow("no format") << QByteArray(R"({"version": 2})")
                               << "is not a Portrait Studio project (\"format\" is missing)";
    QTest::newRow("a list") << QByteArray("[1, 2]") << "is not a Portrait Studio project";
    QTest::newRow("a template") << changed([](json& j) {
        j["format"] = "portrait-studio template";
    }) << "is not a Portrait Studio project (its \"format\" is \"portrait-studio template\")";
    QTest::newRow("newer version")
        << changed([](json& j) { j["version"] = 3; })
        << "was saved by a newer Portrait Studio (project version 3; this one reads up to 2)";
    QTest::newRow("version text") << changed([](json& j) { j["version"] = "2"; })
                                  << "has no whole-number \"version\"";
    QTest::newRow("photo path a number")
        << changed([](json& j) { j["photo"]["path"] = 7; }) << "photo.path is not text";
    QTest::newRow("audio a number")
        << changed([](json& j) { j["audio"] = 7; }) << "audio is not an object or null";
    QTest::newRow("photo without path") << changed([](json& j) { j["photo"] = json::object(); })
                                        << "photo needs \"path\" or \"embedded\"";
    QTest::newRow("embedded not base64") << changed([](json& j) {
        j["photo"] = {{"embedded", "not base64!"}, {"name", "a.png"}};
    }) << "photo.embedded is not base64";
    QTest::newRow("fps unknown") << changed([](json& j) { j["fps"] = "26"; })
                                 << "fps \"26\" is not a frame rate";
    QTest::newRow("fps a number") << changed([](json& j) { j["fps"] = 25; }) << "fps is not text";
    QTest::newRow("motion clips an object")
        << changed([](json& j) { j["motion"]["clips"] = json::object(); })
        << "motion: clips is not a list";
    QTest::newRow("motion missing")
        << changed([](json& j) { j.erase("motion"); }) << "motion is missing";
}

void TestProjectFile::refusesDamagedFilesWithoutTouchingThem() {
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);
    const QString file = path(QString("damaged/%1.pstudio").arg(QTest::currentDataTag()));
    QVERIFY(writeAll(file, text));
    const FileStamp before = stampOf(file);

    const Result<Project> read = readProject(file.toStdString());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(read.error().message);
    QVERIFY2(message.startsWith(file + ": "), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY2(!message.contains('\n'), qPrintable(message));
    QVERIFY(stampOf(file) == before);
    QCOMPARE(partFiles(path("damaged")), QStringList());
}

void TestProjectFile::refusesMissingFilesAndFolders() {
    const QString missing = path("nowhere/story.pstudio");
    Result<Project> read = readProject(missing.toStdString());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, ErrorKind::BadInput);
    QCOMPARE(QString::fromStdString(read.error().message), missing + ": file does not exist");

    QVERIFY(QDir().mkpath(path("folder.pstudio")));
    read = readProject(path("folder.pstudio").toStdString());
    QVERIFY(!read.ok());
    QCOMPARE(QString::fromStdString(read.error().message),
             path("folder.pstudio") + ": is a folder, not a project");
}

void TestProjectFile::failedSaveKeepsTheExistingFile() {
    Project project = sampleProject("kept");
    const QString file = path("kept/project/story.pstudio");
    QVERIFY(writeProject(project, file.toStdString()).ok());
    const FileStamp before = stampOf(file);

    // A value that JSON cannot hold would be written as null and refused on the next open.
    Project broken = project;
    broken.motion.clips[0].intensity = std::nanf("");
    Status saved = writeProject(broken, file.toStdString());
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, ErrorKind::BadInput);
    QVERIFY2(QString::fromStdString(saved.error().message)
                 .startsWith(file + ": cannot be saved: the motion: clips[0].intensity"),
             saved.error().message.c_str());
    QVERIFY(stampOf(file) == before);

    // Media to embed that have gone.
    Project unembeddable = project;
    unembeddable.audio.embed = true;
    unembeddable.audio.path = path("kept/gone.wav").toStdString();
    saved = writeProject(unembeddable, file.toStdString());
    QVERIFY(!saved.ok());
    QVERIFY2(QString::fromStdString(saved.error().message)
                 .startsWith(path("kept/gone.wav") + ": cannot be embedded"),
             saved.error().message.c_str());
    QVERIFY(stampOf(file) == before);
    QCOMPARE(partFiles(path("kept/project")), QStringList());
}

void TestProjectFile::saveIntoReadOnlyFolderKeepsTheExistingFile() {
    const Project project = sampleProject("readonly");
    const QString folder = path("readonly/project");
    const QString file = folder + "/story.pstudio";
    QVERIFY(writeProject(project, file.toStdString()).ok());
    const FileStamp before = stampOf(file);
    QVERIFY(::chmod(folder.toLocal8Bit().constData(), 0555) == 0);
    // An administrator writes through permissions; there is nothing to test then.
    const QString probe = folder + "/probe";
    if (QFile(probe).open(QIODevice::WriteOnly)) {
        QFile::remove(probe);
        ::chmod(folder.toLocal8Bit().constData(), 0755);
        QSKIP("running with permission to write into read-only folders (root)");
    }
    Project changed = project;
    changed.motion.duration_s = 99.0;
    const Status saved = writeProject(changed, file.toStdString());
    ::chmod(folder.toLocal8Bit().constData(), 0755);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, ErrorKind::BadInput);
    QVERIFY2(QString::fromStdString(saved.error().message).startsWith(file + ": "),
             saved.error().message.c_str());
    QVERIFY(stampOf(file) == before);
    QCOMPARE(partFiles(folder), QStringList());
}

void TestProjectFile::saveReplacesAnExistingProjectAtomically() {
    Project project = sampleProject("replace");
    const QString folder = path("replace/project");
    const QString file = folder + "/story.pstudio";
    QVERIFY(writeProject(project, file.toStdString()).ok());
    project.motion.duration_s = 42.0;
    project.motion.clips.clear();
    QVERIFY(writeProject(project, file.toStdString()).ok());
    const Result<Project> back = readProject(file.toStdString());
    QVERIFY2(back.ok(), messageOf(back));
    QCOMPARE(back->motion.duration_s, 42.0);
    QCOMPARE(motionText(*back), motionText(project));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList({"story.pstudio"}));
}

void TestProjectFile::capturesStayCompactWhenPretty() {
    Project project;
    project.motion = sampleMotion(500);
    const Result<std::string> text = projectToJson(project, path("compact.pstudio").toStdString());
    QVERIFY(text.ok());
    // One line per captured frame, not one per value (59 × 500).
    const int lines = int(std::count(text->begin(), text->end(), '\n'));
    QVERIFY2(lines > 500 && lines < 800, qPrintable(QString::number(lines)));
    const Result<Project> back = projectFromJson(*text, path("compact.pstudio").toStdString());
    QVERIFY2(back.ok(), messageOf(back));
    QCOMPARE(motionText(*back), motionText(project));
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "TestProjectFile.moc"

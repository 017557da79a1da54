// The template library: the shipped presets load without a problem and hold the eleven
// expressions and four poses, a user's template takes a built-in's place, saving writes a file
// that reads back and refuses names that are not plain file names, and a broken file in the
// user's folder is listed by name while the rest still load. With PS_TEST_ARTIFACTS set it also
// renders the sample portrait wearing each expression, for a person to judge.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cctype>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "face/PhotoFit.h"
#include "motion/ApplyFaceState.h"
#include "motion/MotionChannel.h"
#include "motion/TemplateLibrary.h"
#include "render/PortraitRenderer.h"

using namespace ps;

namespace {

const std::vector<std::string> kExpressions = {"neutral",  "smile",     "laugh",     "surprise",
                                               "angry",    "sad",       "disgust",   "fear",
                                               "contempt", "wink-left", "wink-right"};
const std::vector<std::string> kPoses = {"nod", "shake", "tilt", "still"};

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const QString& path, const std::string& text) {
    QDir().mkpath(QFileInfo(path).path());
    std::ofstream(path.toStdString(), std::ios::binary) << text;
}

ExpressionTemplate grin(const std::string& name) {
    ExpressionTemplate t;
    t.name = name;
    t.description = "A test grin.";
    Keyframe k;
    k.value = 0.8f;
    t.channels.push_back({int(Blendshape::MouthSmileLeft), {k}});
    return t;
}

std::vector<std::string> sorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    return names;
}

float valueAt(const ExpressionTemplate& t, int channel, double t_s) {
    ChannelValues values{};
    applyTemplate(t, t_s, 1.0f, values.data());
    return values[size_t(channel)];
}

}  // namespace

class TestTemplateLibrary : public QObject {
    Q_OBJECT

private slots:
    void defaultFolderIsTheSourceTreeWhenNotInstalled();
    void shippedPresetsLoadWithoutProblems();
    void shippedFilesArePrettyAndDescribed();
    void expressionsAreConstantWeights();
    void neutralClearsExpressionsButNotSpeech();
    void posesMoveTheHeadAsNamed();
    void userTemplateOverridesBuiltin();
    void saveWritesAFileThatReadsBack();
    void saveRefusesNamesThatAreNotFileNames_data();
    void saveRefusesNamesThatAreNotFileNames();
    void brokenUserFilesAreListedAndOthersLoad();
    void missingBuiltinFolderIsAProblem();
    void userTemplatesAreKnownAsTheUsers();
    void renameMovesTheFileAndTheName();
    void renameRefusesBuiltinsBadNamesAndTakenNames_data();
    void renameRefusesBuiltinsBadNamesAndTakenNames();
    void removeDeletesTheFileAndBringsBackTheBuiltin();
    void removeRefusesBuiltinsAndUnknownNames();
    void contactSheetOfExpressions();

private:
    TemplateLibrary shipped_ = TemplateLibrary::load(defaultPresetsFolder(), "");
};

void TestTemplateLibrary::defaultFolderIsTheSourceTreeWhenNotInstalled() {
    QCOMPARE(QDir(QString::fromStdString(defaultPresetsFolder())).canonicalPath(),
             QDir(PS_SOURCE_DIR "/presets").canonicalPath());
}

void TestTemplateLibrary::shippedPresetsLoadWithoutProblems() {
    std::string problems;
    for (const std::string& p : shipped_.problems()) {
        problems += p + "\n";
    }
    QVERIFY2(shipped_.problems().empty(), problems.c_str());
    QCOMPARE(shipped_.names(TemplateKind::Expression), sorted(kExpressions));
    QCOMPARE(shipped_.names(TemplateKind::Pose), sorted(kPoses));
    for (const std::string& name : kExpressions) {
        const std::optional<ExpressionTemplate> t = shipped_.find(TemplateKind::Expression, name);
        QVERIFY2(t && t->name == name && t->kind == TemplateKind::Expression, name.c_str());
        QVERIFY(!shipped_.find(TemplateKind::Pose, name));
    }
    for (const std::string& name : kPoses) {
        const std::optional<ExpressionTemplate> t = shipped_.find(TemplateKind::Pose, name);
        QVERIFY2(t && t->name == name && t->kind == TemplateKind::Pose, name.c_str());
    }
}

void TestTemplateLibrary::shippedFilesArePrettyAndDescribed() {
    for (const auto& [folder, names] : {std::pair{std::string("expressions"), kExpressions},
                                        std::pair{std::string("poses"), kPoses}}) {
        for (const std::string& name : names) {
            const std::string path = defaultPresetsFolder() + "/" + folder + "/" + name + ".json";
            const std::string text = readText(path);
            QVERIFY2(text.rfind("{\n  \"format\": \"portrait-studio template\",\n", 0) == 0,
                     path.c_str());
            QVERIFY2(text.find('\t') == std::string::npos, path.c_str());
            const std::string description =
                (folder == "poses" ? shipped_.find(TemplateKind::Pose, name)
                                   : shipped_.find(TemplateKind::Expression, name))
                    ->description;
            // One sentence: a capital first, a full stop last and none before.
            QVERIFY2(description.size() > 20 &&
                         std::isupper(static_cast<unsigned char>(description.front())) &&
                         description.back() == '.' && description.find(". ") == std::string::npos,
                     (path + ": " + description).c_str());
        }
    }
}

void TestTemplateLibrary::expressionsAreConstantWeights() {
    for (const std::string& name : kExpressions) {
        const ExpressionTemplate t = *shipped_.find(TemplateKind::Expression, name);
        QVERIFY2(!t.channels.empty(), name.c_str());
        QCOMPARE(t.duration_s, 0.0);
        QCOMPARE(int(t.blend), int(name == "neutral" ? BlendMode::Override : BlendMode::Add));
        for (const TemplateChannel& c : t.channels) {
            QVERIFY2(c.channel < kBlendshapeCount && c.keys.size() == 1 &&
                         c.keys[0].value >= 0.0f && c.keys[0].value <= 1.0f,
                     (name + ": " + std::string(motionChannelName(c.channel))).c_str());
        }
    }
    // Each side's wink closes its own eye only; contempt is one-sided.
    const ExpressionTemplate wink = *shipped_.find(TemplateKind::Expression, "wink-left");
    QCOMPARE(valueAt(wink, int(Blendshape::EyeBlinkLeft), 0.0), 1.0f);
    QCOMPARE(valueAt(wink, int(Blendshape::EyeBlinkRight), 0.0) + 1.0f, 1.0f);
    const ExpressionTemplate other = *shipped_.find(TemplateKind::Expression, "wink-right");
    for (int c = 0; c < kBlendshapeCount; ++c) {
        const int mirrored = int(mirroredBlendshape(static_cast<Blendshape>(c)));
        QCOMPARE(valueAt(other, c, 0.0) + 1.0f, valueAt(wink, mirrored, 0.0) + 1.0f);
    }
    const ExpressionTemplate contempt = *shipped_.find(TemplateKind::Expression, "contempt");
    QVERIFY(valueAt(contempt, int(Blendshape::MouthSmileLeft), 0.0) >
            valueAt(contempt, int(Blendshape::MouthSmileRight), 0.0) + 0.2f);
}

void TestTemplateLibrary::neutralClearsExpressionsButNotSpeech() {
    const ExpressionTemplate neutral = *shipped_.find(TemplateKind::Expression, "neutral");
    ChannelValues values;
    values.fill(0.6f);
    applyTemplate(neutral, 0.0, 1.0f, values.data());
    for (const Blendshape shape :
         {Blendshape::MouthSmileLeft, Blendshape::MouthFrownRight, Blendshape::BrowInnerUp,
          Blendshape::BrowDownLeft, Blendshape::EyeWideRight, Blendshape::CheekSquintLeft,
          Blendshape::NoseSneerRight, Blendshape::MouthStretchLeft, Blendshape::MouthDimpleRight}) {
        QCOMPARE(values[size_t(shape)] + 1.0f, 1.0f);
    }
    for (int c = 0; c < kBlendshapeCount; ++c) {
        const Blendshape shape = static_cast<Blendshape>(c);
        if (isSpeechShape(shape) || shape == Blendshape::EyeBlinkLeft ||
            shape == Blendshape::EyeBlinkRight) {
            QVERIFY2(values[size_t(c)] == 0.6f, blendshapeName(shape).data());
        }
    }
}

void TestTemplateLibrary::posesMoveTheHeadAsNamed() {
    const ExpressionTemplate nod = *shipped_.find(TemplateKind::Pose, "nod");
    QVERIFY(nod.repeat && nod.duration_s > 0.5 && nod.duration_s < 1.5);
    float deepest = 0.0f;
    for (double t = 0.0; t < nod.duration_s; t += 0.01) {
        deepest = std::max(deepest, valueAt(nod, kHeadPitchChannel, t));
        QCOMPARE(valueAt(nod, kHeadYawChannel, t) + 1.0f, 1.0f);
    }
    QVERIFY(deepest > 5.0f && deepest < 12.0f);  // nose down: a positive pitch
    QCOMPARE(valueAt(nod, kHeadPitchChannel, 0.0) + 1.0f, 1.0f);
    QVERIFY(std::abs(valueAt(nod, kHeadPitchChannel, nod.duration_s)) < 1e-4f);

    const ExpressionTemplate shake = *shipped_.find(TemplateKind::Pose, "shake");
    float left = 0.0f, right = 0.0f;
    for (double t = 0.0; t < shake.duration_s; t += 0.01) {
        left = std::min(left, valueAt(shake, kHeadYawChannel, t));
        right = std::max(right, valueAt(shake, kHeadYawChannel, t));
    }
    QVERIFY(shake.repeat && left < -6.0f && right > 6.0f);

    const ExpressionTemplate tilt = *shipped_.find(TemplateKind::Pose, "tilt");
    QVERIFY(!tilt.repeat);
    QCOMPARE(valueAt(tilt, kHeadRollChannel, 0.0) + 1.0f, 1.0f);
    QCOMPARE(valueAt(tilt, kHeadRollChannel, tilt.duration_s), 8.0f);
    QCOMPARE(valueAt(tilt, kHeadRollChannel, 5.0), 8.0f);  // and holds

    const ExpressionTemplate still = *shipped_.find(TemplateKind::Pose, "still");
    QCOMPARE(int(still.blend), int(BlendMode::Override));
    ChannelValues values{};
    values[kHeadPitchChannel] = 7.0f;
    values[kHeadYawChannel] = -12.0f;
    values[kHeadRollChannel] = 3.0f;
    applyTemplate(still, 2.0, 1.0f, values.data());
    QCOMPARE(values[kHeadPitchChannel] + 1.0f, 1.0f);
    QCOMPARE(values[kHeadYawChannel] + 1.0f, 1.0f);
    QCOMPARE(values[kHeadRollChannel] + 1.0f, 1.0f);
}

void TestTemplateLibrary::userTemplateOverridesBuiltin() {
    QTemporaryDir user;
    ExpressionTemplate mine = grin("smile");
    mine.description = "My own smile.";
    QVERIFY(writeTemplate(mine, (user.path() + "/expressions/smile.json").toStdString()).ok() ==
            false);  // the folder does not exist yet: writing does not create it
    QDir().mkpath(user.path() + "/expressions");
    QVERIFY(writeTemplate(mine, (user.path() + "/expressions/smile.json").toStdString()).ok());
    const TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    QVERIFY(library.problems().empty());
    QCOMPARE(library.names(TemplateKind::Expression), sorted(kExpressions));
    QCOMPARE(library.find(TemplateKind::Expression, "smile")->description,
             std::string("My own smile."));
    QCOMPARE(library.templates().size(), kExpressions.size() + kPoses.size());
    // The other built-ins are untouched.
    QCOMPARE(library.find(TemplateKind::Expression, "laugh")->description,
             shipped_.find(TemplateKind::Expression, "laugh")->description);
}

void TestTemplateLibrary::saveWritesAFileThatReadsBack() {
    QTemporaryDir dir;
    const QString user = dir.path() + "/user";  // not there yet
    TemplateLibrary library = TemplateLibrary::load(defaultPresetsFolder(), user.toStdString());
    QVERIFY(library.problems().empty());
    const std::string name(64, 'g');
    QVERIFY(library.saveUserTemplate(grin("my grin")).ok());
    QVERIFY(library.saveUserTemplate(grin(name)).ok());
    QVERIFY(TemplateLibrary::problemWithName("my grin").empty());
    QVERIFY(TemplateLibrary::problemWithName(name).empty());
    ExpressionTemplate sway = grin("sway");
    sway.kind = TemplateKind::Pose;
    QVERIFY(library.saveUserTemplate(sway).ok());
    const std::string path = (user + "/expressions/my grin.json").toStdString();
    Result<ExpressionTemplate> back = readTemplate(path);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    QCOMPARE(back->name, std::string("my grin"));
    QCOMPARE(back->channels[0].keys[0].value, 0.8f);
    QVERIFY(QFile::exists(user + "/poses/sway.json"));
    QVERIFY(library.find(TemplateKind::Expression, "my grin"));
    QVERIFY(library.find(TemplateKind::Pose, "sway"));
    QVERIFY(!library.find(TemplateKind::Expression, "sway"));
    // A library loaded afresh finds them too.
    const TemplateLibrary again = TemplateLibrary::load(defaultPresetsFolder(), user.toStdString());
    QVERIFY(again.problems().empty());
    QCOMPARE(again.names(TemplateKind::Expression).size(), kExpressions.size() + 2);
    QVERIFY(again.find(TemplateKind::Expression, name));
    // Saving again replaces the file and the library's copy rather than adding a second.
    ExpressionTemplate changed = grin("my grin");
    changed.description = "Changed.";
    QVERIFY(library.saveUserTemplate(changed).ok());
    QCOMPARE(library.names(TemplateKind::Expression).size(), kExpressions.size() + 2);
    QCOMPARE(library.find(TemplateKind::Expression, "my grin")->description,
             std::string("Changed."));
    QCOMPARE(readTemplate(path)->description, std::string("Changed."));
}

void TestTemplateLibrary::saveRefusesNamesThatAreNotFileNames_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << "";
    QTest::newRow("slash") << "a/b";
    QTest::newRow("up and out") << "../escape";
    QTest::newRow("backslash") << "a\\b";
    QTest::newRow("hidden") << ".grin";
    QTest::newRow("65 characters") << QString(65, 'g');
    QTest::newRow("line break") << "two\nlines";
}

void TestTemplateLibrary::saveRefusesNamesThatAreNotFileNames() {
    QFETCH(QString, name);
    QTemporaryDir dir;
    TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), dir.path().toStdString());
    const Status saved = library.saveUserTemplate(grin(name.toStdString()));
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, ErrorKind::BadInput);
    // A dialog can tell before saving, in the same words.
    QCOMPARE(TemplateLibrary::problemWithName(name.toStdString()), saved.error().message);
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    QCOMPARE(library.templates().size(), kExpressions.size() + kPoses.size());
}

void TestTemplateLibrary::brokenUserFilesAreListedAndOthersLoad() {
    QTemporaryDir user;
    writeText(user.path() + "/expressions/broken.json", "{\"format\": \"portrait-studio");
    ExpressionTemplate misnamed = grin("grin");
    writeText(user.path() + "/expressions/misnamed.json", templateToJson(misnamed));
    writeText(user.path() + "/poses/wrong-kind.json", templateToJson(grin("wrong-kind")));
    writeText(user.path() + "/expressions/good.json", templateToJson(grin("good")));
    writeText(user.path() + "/expressions/notes.txt", "not a template");
    const TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    const std::vector<std::string>& problems = library.problems();
    QCOMPARE(problems.size(), size_t(3));
    const auto listed = [&](const char* file, const char* what) {
        const std::string path = (user.path() + "/").toStdString() + file;
        return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
            return p.rfind(path + ": ", 0) == 0 && p.find(what) != std::string::npos &&
                   p.find('\n') == std::string::npos;
        });
    };
    QVERIFY(listed("expressions/broken.json", "is not valid JSON"));
    QVERIFY(listed("expressions/misnamed.json", "is named \"grin\""));
    QVERIFY(listed("poses/wrong-kind.json", "is an expression but lies in the poses folder"));
    QVERIFY(library.find(TemplateKind::Expression, "good"));
    QVERIFY(!library.find(TemplateKind::Expression, "grin"));
    QVERIFY(!library.find(TemplateKind::Expression, "wrong-kind"));
    QCOMPARE(library.names(TemplateKind::Expression).size(), kExpressions.size() + 1);
    QCOMPARE(library.names(TemplateKind::Pose), sorted(kPoses));
}

void TestTemplateLibrary::missingBuiltinFolderIsAProblem() {
    QTemporaryDir dir;
    const TemplateLibrary library =
        TemplateLibrary::load((dir.path() + "/nowhere").toStdString(), "");
    QCOMPARE(library.problems().size(), size_t(2));  // expressions and poses
    QVERIFY(library.templates().empty());
    QVERIFY(library.problems()[0].find("nowhere/expressions: ") != std::string::npos);
}

void TestTemplateLibrary::userTemplatesAreKnownAsTheUsers() {
    QTemporaryDir user;
    writeText(user.path() + "/expressions/good.json", templateToJson(grin("good")));
    writeText(user.path() + "/expressions/smile.json", templateToJson(grin("smile")));
    TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    QVERIFY(library.isUserTemplate(TemplateKind::Expression, "good"));
    QVERIFY(library.isUserTemplate(TemplateKind::Expression, "smile"));  // in the built-in's place
    QVERIFY(!library.isUserTemplate(TemplateKind::Expression, "laugh"));
    QVERIFY(!library.isUserTemplate(TemplateKind::Pose, "good"));
    QVERIFY(!library.isUserTemplate(TemplateKind::Pose, "nod"));
    QVERIFY(!library.isUserTemplate(TemplateKind::Expression, "nowhere"));
    QVERIFY(library.isBuiltinTemplate(TemplateKind::Expression, "smile"));  // hidden, still there
    QVERIFY(library.isBuiltinTemplate(TemplateKind::Pose, "nod"));
    QVERIFY(!library.isBuiltinTemplate(TemplateKind::Expression, "good"));
    QVERIFY(!library.isBuiltinTemplate(TemplateKind::Expression, "nod"));
    QVERIFY(library.saveUserTemplate(grin("new")).ok());
    QVERIFY(library.isUserTemplate(TemplateKind::Expression, "new"));
    QVERIFY(!shipped_.isUserTemplate(TemplateKind::Expression, "smile"));
}

void TestTemplateLibrary::renameMovesTheFileAndTheName() {
    QTemporaryDir user;
    TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    QVERIFY(library.saveUserTemplate(grin("my grin")).ok());
    const QString from = user.path() + "/expressions/my grin.json";
    const QString to = user.path() + "/expressions/big grin.json";
    const Status renamed =
        library.renameUserTemplate(TemplateKind::Expression, "my grin", "big grin");
    QVERIFY2(renamed.ok(), renamed.ok() ? "" : renamed.error().message.c_str());
    QVERIFY(!QFile::exists(from));
    QVERIFY(QFile::exists(to));
    QCOMPARE(readTemplate(to.toStdString())->name, std::string("big grin"));
    QVERIFY(!library.find(TemplateKind::Expression, "my grin"));
    QCOMPARE(library.find(TemplateKind::Expression, "big grin")->description,
             std::string("A test grin."));
    QVERIFY(library.isUserTemplate(TemplateKind::Expression, "big grin"));
    QVERIFY(!library.isUserTemplate(TemplateKind::Expression, "my grin"));
    QCOMPARE(library.names(TemplateKind::Expression).size(), kExpressions.size() + 1);
    // No stray temporary files, and a fresh load agrees.
    QCOMPARE(QDir(user.path() + "/expressions")
                 .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"big grin.json"});
    const TemplateLibrary again =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    QVERIFY(again.problems().empty());
    QVERIFY(again.find(TemplateKind::Expression, "big grin"));
    // Renaming to itself changes nothing; a user's template in a built-in's place, renamed,
    // gives the built-in back.
    QVERIFY(library.renameUserTemplate(TemplateKind::Expression, "big grin", "big grin").ok());
    QVERIFY(QFile::exists(to));
    QVERIFY(library.saveUserTemplate(grin("smile")).ok());
    QVERIFY(library.renameUserTemplate(TemplateKind::Expression, "smile", "my smile").ok());
    QCOMPARE(library.find(TemplateKind::Expression, "smile")->description,
             shipped_.find(TemplateKind::Expression, "smile")->description);
    QVERIFY(!library.isUserTemplate(TemplateKind::Expression, "smile"));
}

void TestTemplateLibrary::renameRefusesBuiltinsBadNamesAndTakenNames_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("new_name");
    QTest::addColumn<QString>("why");
    const auto row = [](const char* tag, TemplateKind kind, const char* name, const char* new_name,
                        const char* why) {
        QTest::newRow(tag) << int(kind) << QString(name) << QString(new_name) << QString(why);
    };
    const TemplateKind expression = TemplateKind::Expression;
    row("built-in", expression, "laugh", "giggle", "built-in");
    row("built-in pose", TemplateKind::Pose, "nod", "bob", "built-in");
    row("not there", expression, "nothing", "something", "built-in");
    row("wrong kind", TemplateKind::Pose, "mine", "theirs", "built-in");
    row("empty", expression, "mine", "", "needs a name");
    row("slash", expression, "mine", "a/b", "slash");
    row("hidden", expression, "mine", ".mine", "dot");
    row("taken", expression, "mine", "other", "already has that name");
    row("file there", expression, "mine", "stray", "already has that name");
}

void TestTemplateLibrary::renameRefusesBuiltinsBadNamesAndTakenNames() {
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, new_name);
    QFETCH(QString, why);
    QTemporaryDir user;
    writeText(user.path() + "/expressions/stray.json", "not a template");
    TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    QVERIFY(library.saveUserTemplate(grin("mine")).ok());
    QVERIFY(library.saveUserTemplate(grin("other")).ok());
    const QStringList before = QDir(user.path() + "/expressions").entryList(QDir::Files);
    const size_t count = library.templates().size();
    const Status renamed = library.renameUserTemplate(static_cast<TemplateKind>(kind),
                                                      name.toStdString(), new_name.toStdString());
    QVERIFY(!renamed.ok());
    QCOMPARE(renamed.error().kind, ErrorKind::BadInput);
    QVERIFY2(renamed.error().message.find(why.toStdString()) != std::string::npos,
             renamed.error().message.c_str());
    QVERIFY(renamed.error().message.find('\n') == std::string::npos);
    QCOMPARE(QDir(user.path() + "/expressions").entryList(QDir::Files), before);
    QCOMPARE(library.templates().size(), count);
    QVERIFY(library.find(TemplateKind::Expression, "mine"));
    QVERIFY(library.find(TemplateKind::Expression, "laugh"));
}

void TestTemplateLibrary::removeDeletesTheFileAndBringsBackTheBuiltin() {
    QTemporaryDir user;
    TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    ExpressionTemplate sway = grin("sway");
    sway.kind = TemplateKind::Pose;
    QVERIFY(library.saveUserTemplate(sway).ok());
    QVERIFY(library.saveUserTemplate(grin("smile")).ok());
    QVERIFY(library.removeUserTemplate(TemplateKind::Pose, "sway").ok());
    QVERIFY(!QFile::exists(user.path() + "/poses/sway.json"));
    QVERIFY(!library.find(TemplateKind::Pose, "sway"));
    QVERIFY(!library.isUserTemplate(TemplateKind::Pose, "sway"));
    QCOMPARE(library.names(TemplateKind::Pose), sorted(kPoses));

    QVERIFY(library.removeUserTemplate(TemplateKind::Expression, "smile").ok());
    QVERIFY(!QFile::exists(user.path() + "/expressions/smile.json"));
    QCOMPARE(library.find(TemplateKind::Expression, "smile")->description,
             shipped_.find(TemplateKind::Expression, "smile")->description);
    QCOMPARE(library.names(TemplateKind::Expression), sorted(kExpressions));
    QCOMPARE(library.templates().size(), kExpressions.size() + kPoses.size());
}

void TestTemplateLibrary::removeRefusesBuiltinsAndUnknownNames() {
    QTemporaryDir user;
    TemplateLibrary library =
        TemplateLibrary::load(defaultPresetsFolder(), user.path().toStdString());
    QVERIFY(library.saveUserTemplate(grin("mine")).ok());
    for (const auto& [kind, name] :
         {std::pair{TemplateKind::Expression, "laugh"}, std::pair{TemplateKind::Pose, "still"},
          std::pair{TemplateKind::Pose, "mine"}, std::pair{TemplateKind::Expression, "nothing"}}) {
        const Status removed = library.removeUserTemplate(kind, name);
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().kind, ErrorKind::BadInput);
        QVERIFY2(removed.error().message.find("cannot be deleted") != std::string::npos,
                 removed.error().message.c_str());
    }
    QCOMPARE(library.templates().size(), kExpressions.size() + kPoses.size() + 1);
    QVERIFY(QFile::exists(user.path() + "/expressions/mine.json"));
    QVERIFY(QFile::exists(PS_SOURCE_DIR "/presets/expressions/laugh.json"));
}

void TestTemplateLibrary::contactSheetOfExpressions() {
    const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
    if (artifacts.isEmpty()) {
        QSKIP("set PS_TEST_ARTIFACTS to a folder to write the expressions' contact sheets");
    }
    const cv::Mat photo = cv::imread(PS_SAMPLES_DIR "/astronaut.png");
    QVERIFY(!photo.empty());
    Result<LargestFaceFit> fitted = fitLargestFace(photo, "astronaut.png");
    QVERIFY(fitted.ok());
    const FaceFit& fit = fitted->report.fit;
    Result<PortraitRenderer> renderer = PortraitRenderer::create(photo, fit);
    QVERIFY(renderer.ok());
    // The photo's own expression, which every template adds to.
    for (int i = 0; i < kBlendshapeCount; ++i) {
        if (fit.expression[size_t(i)] > 0.05f) {
            qInfo("photo wears %s %.2f", blendshapeName(static_cast<Blendshape>(i)).data(),
                  fit.expression[size_t(i)]);
        }
    }
    // The same person with a calm face (no smile, lips closed), rendered from the photo: the
    // sample smiles broadly, which hides what the smile-like templates add.
    FaceFit calm = fit;
    calm.expression = {};
    calm.expression[size_t(Blendshape::MouthClose)] = 1.0f;
    updateFaceFit(calm);
    cv::Mat calm_photo;
    QVERIFY(renderer->render(calm, calm_photo).ok());
    Result<PortraitRenderer> calm_renderer = PortraitRenderer::create(calm_photo, calm);
    QVERIFY(calm_renderer.ok());

    std::vector<cv::Point2f> points;
    for (const glm::vec2& p : fit.landmarks2d) {
        points.emplace_back(p.x, p.y);
    }
    const cv::Rect box = cv::boundingRect(points);
    const int side = int(1.15f * std::max(box.width, box.height));
    const cv::Rect crop =
        cv::Rect(box.x + box.width / 2 - side / 2, box.y + box.height / 2 - side / 2, side, side) &
        cv::Rect(0, 0, photo.cols, photo.rows);

    // One sheet per face and speech: between phrases (speech 0: the mouth is the photo's own,
    // so only the expression shapes show) and while speaking (speech 1: the template's jaw and
    // lip shapes show, over a mouth at rest). The face is small in the photo; tiles enlarge it.
    const int tile = 330, columns = 4;
    const int rows = int(kExpressions.size() + columns) / columns;
    const auto sheet = [&](const PortraitRenderer& source, const FaceFit& base, float speech,
                           const char* first, const char* file) {
        cv::Mat out(rows * tile, columns * tile, CV_8UC3, cv::Scalar(30, 30, 30));
        cv::Mat rest;
        for (size_t k = 0; k <= kExpressions.size(); ++k) {
            const std::string name = k == 0 ? first : kExpressions[k - 1];
            ChannelValues values{};
            if (k > 0) {
                applyTemplate(*shipped_.find(TemplateKind::Expression, name), 0.0, 1.0f,
                              values.data());
            }
            FaceState state;
            setChannels(state, values);
            state.speech = speech;
            cv::Mat frame;
            int uncovered = 0;
            QVERIFY(source.render(applyFaceState(base, state), frame, &uncovered).ok());
            QCOMPARE(uncovered, 0);
            if (k == 0) {
                rest = frame.clone();
            } else {
                // Every expression but neutral changes the face; neutral, on a state whose
                // expression channels are empty, changes nothing.
                const double change =
                    cv::norm(frame(crop), rest(crop), cv::NORM_L1) / double(crop.area());
                qInfo("%s, %s: mean change %.3f", file, name.c_str(), change);
                QVERIFY2(name == "neutral" ? change == 0.0 : change > 0.1,
                         qPrintable(QString("%1: %2").arg(name.c_str()).arg(change)));
            }
            cv::Mat cell;
            cv::resize(frame(crop), cell, cv::Size(tile, tile), 0, 0, cv::INTER_CUBIC);
            cv::putText(cell, name, {10, tile - 14}, cv::FONT_HERSHEY_SIMPLEX, 0.7,
                        cv::Scalar(255, 255, 255), 2, cv::LINE_AA);
            cell.copyTo(
                out(cv::Rect(int(k) % columns * tile, int(k) / columns * tile, tile, tile)));
        }
        QVERIFY(cv::imwrite((artifacts + "/" + file).toStdString(), out));
    };
    sheet(*renderer, fit, 0.0f, "photo", "expressions_on_photo.png");
    sheet(*renderer, fit, 1.0f, "photo, speaking", "expressions_on_photo_speaking.png");
    sheet(*calm_renderer, calm, 1.0f, "calm, speaking", "expressions_on_calm_face.png");
}

QTEST_GUILESS_MAIN(TestTemplateLibrary)
#include "TestTemplateLibrary.moc"

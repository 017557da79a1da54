// Expression templates: the JSON a person edits read into a template and written back the same,
// the one-line errors for what a person can get wrong, files read and written, and a template
// applied to channel values by adding or overriding, repeating or holding its end.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "Keys.h"
#include "motion/ExpressionTemplate.h"
#include "motion/MotionChannel.h"

using namespace ps;

namespace {

int channel(const char* name) {
    return *motionChannelFromName(name);
}

// A smile held at constant weights and a one-second nod.
ExpressionTemplate sampleTemplate() {
    ExpressionTemplate t;
    t.name = "smile-nod";
    t.kind = TemplateKind::Pose;
    t.description = "A smile with a nod — “quoted” text survives.";
    t.blend = BlendMode::Add;
    t.duration_s = 1.0;
    t.repeat = true;
    t.channels.push_back({channel("mouthSmileLeft"), {key(0.0, 0.7f)}});
    t.channels.push_back({channel("cheekSquintRight"), {key(0.0, 0.35f)}});
    Keyframe out = key(0.3, 8.0f, Interpolation::Bezier);
    out.out_x = 0.25f;
    out.out_dy = -1.0f;
    t.channels.push_back(
        {channel("headPitch"), {key(0.0, 0.0f, Interpolation::Ease), out, key(1.0, 0.0f)}});
    return t;
}

std::string minimalJson(const std::string& channels) {
    return R"({"format": "portrait-studio template", "version": 1, "name": "t",
               "channels": )" +
           channels + "}";
}

}  // namespace

class TestExpressionTemplate : public QObject {
    Q_OBJECT

private slots:
    void jsonRoundTrip();
    void writtenTextIsReadable();
    void constantChannelIsANumber();
    void defaultsWhenOptionalFieldsAreMissing();
    void errorsAreOneLineNamingTheSource_data();
    void errorsAreOneLineNamingTheSource();
    void fileRoundTrip();
    void readingMissingFileFails();
    void writeRefusesKeysThatCouldNotBeRead();
    void addScalesByWeight_data();
    void addScalesByWeight();
    void overrideBlendsByWeight_data();
    void overrideBlendsByWeight();
    void touchesOnlyItsChannels();
    void repeatWrapsAndNonRepeatHolds();
};

void TestExpressionTemplate::jsonRoundTrip() {
    const ExpressionTemplate original = sampleTemplate();
    Result<ExpressionTemplate> back = templateFromJson(templateToJson(original), "t.json");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    QCOMPARE(back->name, original.name);
    QCOMPARE(int(back->kind), int(original.kind));
    QCOMPARE(back->description, original.description);
    QCOMPARE(int(back->blend), int(original.blend));
    QCOMPARE(back->duration_s, original.duration_s);
    QCOMPARE(back->repeat, original.repeat);
    QCOMPARE(back->channels.size(), original.channels.size());
    for (const TemplateChannel& want : original.channels) {
        const auto got =
            std::find_if(back->channels.begin(), back->channels.end(),
                         [&](const TemplateChannel& c) { return c.channel == want.channel; });
        QVERIFY(got != back->channels.end());
        QCOMPARE(got->keys.size(), want.keys.size());
        for (size_t k = 0; k < want.keys.size(); ++k) {
            QCOMPARE(got->keys[k].t_s, want.keys[k].t_s);
            QCOMPARE(got->keys[k].value, want.keys[k].value);  // exactly the same float
            QCOMPARE(int(got->keys[k].interpolation), int(want.keys[k].interpolation));
            QCOMPARE(got->keys[k].out_x, want.keys[k].out_x);
            QCOMPARE(got->keys[k].out_dy, want.keys[k].out_dy);
        }
    }
    // And the text is stable: writing what was read gives the same text.
    QCOMPARE(templateToJson(*back), templateToJson(original));
}

void TestExpressionTemplate::writtenTextIsReadable() {
    const std::string text = templateToJson(sampleTemplate());
    // Pretty-printed with two spaces, the identifying fields first, numbers as typed.
    QVERIFY(text.rfind("{\n  \"format\": \"portrait-studio template\",\n  \"version\": 1,\n"
                       "  \"name\": \"smile-nod\",\n",
                       0) == 0);
    QVERIFY2(text.find("\"mouthSmileLeft\": 0.7,") != std::string::npos, text.c_str());
    QVERIFY(text.find("0.699999") == std::string::npos);
    QVERIFY(text.find("\"description\": \"A smile with a nod — “quoted” text survives.\"") !=
            std::string::npos);
    QCOMPARE(text.back(), '\n');
}

void TestExpressionTemplate::constantChannelIsANumber() {
    const nlohmann::json json = nlohmann::json::parse(templateToJson(sampleTemplate()));
    QVERIFY(json["channels"]["mouthSmileLeft"].is_number());
    QVERIFY(json["channels"]["headPitch"].is_array());
    QCOMPARE(json["channels"]["headPitch"].size(), size_t(3));
    QCOMPARE(json["channels"]["headPitch"][0]["interp"].get<std::string>(), std::string("ease"));
}

void TestExpressionTemplate::defaultsWhenOptionalFieldsAreMissing() {
    Result<ExpressionTemplate> t =
        templateFromJson(minimalJson(R"({"browInnerUp": 0.5})"), "t.json");
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
    QCOMPARE(int(t->kind), int(TemplateKind::Expression));
    QCOMPARE(int(t->blend), int(BlendMode::Add));
    QCOMPARE(t->duration_s, 0.0);
    QCOMPARE(t->repeat, false);
    QCOMPARE(t->channels.size(), size_t(1));
    QCOMPARE(t->channels[0].channel, int(Blendshape::BrowInnerUp));
    QCOMPARE(t->channels[0].keys[0].value, 0.5f);
}

void TestExpressionTemplate::errorsAreOneLineNamingTheSource_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    const QString head = R"({"format": "portrait-studio template", "version": 1, )";
    const auto with = [&](const QString& fields) { return head + fields + "}"; };
    QTest::newRow("invalid JSON") << R"({"format": "portrait-studio template",
        "version": 1,, "name": "t"})"
                                  << "is not valid JSON: parse error at line 2";
    QTest::newRow("truncated") << with(R"("name": "t", "channels": {)") << "is not valid JSON";
    QTest::newRow("not an object") << "[1, 2]"
                                   << "is not a template";
    QTest::newRow("other format") << R"({"format": "something else", "version": 1})"
                                  << "is not a portrait-studio template";
    QTest::newRow("format not text") << R"({"format": 7, "version": 1})"
                                     << "is not a portrait-studio template";
    QTest::newRow("newer version")
        << R"({"format": "portrait-studio template", "version": 9, "name": "t", "channels": {}})"
        << "was saved by a newer Portrait Studio (template version 9";
    QTest::newRow("version not a number")
        << R"({"format": "portrait-studio template", "version": "1"})"
        << "\"version\"";
    QTest::newRow("missing name") << with(R"("channels": {})") << "needs a \"name\"";
    QTest::newRow("name not text") << with(R"("name": 3, "channels": {})") << "needs a \"name\"";
    QTest::newRow("kind not text")
        << with(R"("name": "t", "kind": 2, "channels": {})") << "\"kind\" is not text";
    QTest::newRow("unknown kind") << with(R"("name": "t", "kind": "mood", "channels": {})")
                                  << "unknown \"kind\" \"mood\"";
    QTest::newRow("blend not text")
        << with(R"("name": "t", "blend": true, "channels": {})") << "\"blend\" is not text";
    QTest::newRow("repeat not boolean")
        << with(R"("name": "t", "repeat": "yes", "channels": {})") << "\"repeat\"";
    QTest::newRow("negative duration")
        << with(R"("name": "t", "duration_s": -1, "channels": {})") << "\"duration_s\"";
    QTest::newRow("channels not an object")
        << with(R"("name": "t", "channels": [1])") << "needs \"channels\"";
    QTest::newRow("unknown channel")
        << with(R"("name": "t", "channels": {"grin": 1})") << "unknown channel \"grin\"";
    QTest::newRow("channel of text") << with(R"("name": "t", "channels": {"jawOpen": "x"})")
                                     << "channel \"jawOpen\" is not a list of keys";
    QTest::newRow("unknown interp")
        << with(R"("name": "t", "channels": {"jawOpen": [{"t": 0, "value": 0,
            "interp": "bounce"}]})")
        << "channel \"jawOpen\", key 1 has an unknown \"interp\"";
    QTest::newRow("keys out of order")
        << with(R"("name": "t", "channels": {"headYaw": [{"t": 1, "value": 0},
            {"t": 0, "value": 3}]})")
        << "channel \"headYaw\": keys must be finite, in increasing time";
    QTest::newRow("no keys") << with(R"("name": "t", "channels": {"headYaw": []})")
                             << "channel \"headYaw\" has no keys";
}

void TestExpressionTemplate::errorsAreOneLineNamingTheSource() {
    QFETCH(QString, json);
    QFETCH(QString, expected);
    Result<ExpressionTemplate> t = templateFromJson(json.toStdString(), "my/smile.json");
    QVERIFY(!t.ok());
    QCOMPARE(t.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(t.error().message);
    QVERIFY2(message.startsWith("my/smile.json: ") && message.contains(expected) &&
                 !message.contains('\n'),
             qPrintable(message));
}

void TestExpressionTemplate::fileRoundTrip() {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/smile-nod.json").toStdString();
    QVERIFY(writeTemplate(sampleTemplate(), path).ok());
    Result<ExpressionTemplate> back = readTemplate(path);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    QCOMPARE(templateToJson(*back), templateToJson(sampleTemplate()));
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    // A damaged file names itself.
    std::ofstream(path) << "{\"format\": ";
    Result<ExpressionTemplate> damaged = readTemplate(path);
    QVERIFY(!damaged.ok());
    QVERIFY(QString::fromStdString(damaged.error().message)
                .startsWith(QString::fromStdString(path + ": is not valid JSON")));
    QVERIFY(!writeTemplate(sampleTemplate(), (dir.path() + "/no/such/t.json").toStdString()).ok());
}

void TestExpressionTemplate::readingMissingFileFails() {
    QTemporaryDir dir;
    const std::string missing = (dir.path() + "/absent.json").toStdString();
    Result<ExpressionTemplate> t = readTemplate(missing);
    QVERIFY(!t.ok());
    QCOMPARE(t.error().kind, ErrorKind::BadInput);
    QCOMPARE(t.error().message, missing + ": does not exist");
    Result<ExpressionTemplate> folder = readTemplate(dir.path().toStdString());
    QVERIFY(!folder.ok());
    QVERIFY(folder.error().message.find("is a folder") != std::string::npos);
    const std::string empty = (dir.path() + "/empty.json").toStdString();
    std::ofstream{empty};
    Result<ExpressionTemplate> nothing = readTemplate(empty);
    QVERIFY(!nothing.ok());
    QCOMPARE(nothing.error().message, empty + ": is empty");
}

void TestExpressionTemplate::writeRefusesKeysThatCouldNotBeRead() {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/bad.json").toStdString();
    ExpressionTemplate t = sampleTemplate();
    std::swap(t.channels[2].keys[0], t.channels[2].keys[1]);
    const Status written = writeTemplate(t, path);
    QVERIFY(!written.ok());
    QVERIFY(written.error().message.rfind(path + ": not written", 0) == 0);
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
}

void TestExpressionTemplate::addScalesByWeight_data() {
    QTest::addColumn<float>("weight");
    QTest::newRow("0") << 0.0f;
    QTest::newRow("0.5") << 0.5f;
    QTest::newRow("1") << 1.0f;
}

void TestExpressionTemplate::addScalesByWeight() {
    QFETCH(float, weight);
    ExpressionTemplate t;
    t.channels.push_back({channel("mouthSmileLeft"), {key(0.0, 0.6f)}});
    t.channels.push_back({channel("headYaw"), {key(0.0, -10.0f)}});
    ChannelValues values{};
    values[size_t(channel("mouthSmileLeft"))] = 0.2f;
    values[size_t(channel("headYaw"))] = 4.0f;
    applyTemplate(t, 3.0, weight, values.data());
    QCOMPARE(values[size_t(channel("mouthSmileLeft"))] - 0.2f + 1.0f, 0.6f * weight + 1.0f);
    QCOMPARE(values[size_t(channel("headYaw"))], 4.0f - 10.0f * weight);
}

void TestExpressionTemplate::overrideBlendsByWeight_data() {
    addScalesByWeight_data();
}

void TestExpressionTemplate::overrideBlendsByWeight() {
    QFETCH(float, weight);
    ExpressionTemplate t;
    t.blend = BlendMode::Override;
    t.channels.push_back({channel("browDownLeft"), {key(0.0, 0.0f)}});
    t.channels.push_back({channel("headRoll"), {key(0.0, 6.0f)}});
    ChannelValues values{};
    values[size_t(channel("browDownLeft"))] = 0.8f;
    values[size_t(channel("headRoll"))] = -2.0f;
    applyTemplate(t, 0.0, weight, values.data());
    // Weight 0 leaves what is beneath, 1 replaces it, 0.5 is halfway.
    QCOMPARE(values[size_t(channel("browDownLeft"))] + 1.0f, 0.8f * (1.0f - weight) + 1.0f);
    QCOMPARE(values[size_t(channel("headRoll"))], -2.0f + weight * 8.0f);
}

void TestExpressionTemplate::touchesOnlyItsChannels() {
    ExpressionTemplate t;
    t.blend = BlendMode::Override;
    t.channels.push_back({channel("jawOpen"), {key(0.0, 0.0f)}});
    ChannelValues values;
    values.fill(0.25f);
    applyTemplate(t, 0.0, 1.0f, values.data());
    for (int c = 0; c < kMotionChannelCount; ++c) {
        QCOMPARE(values[size_t(c)], c == channel("jawOpen") ? 0.0f : 0.25f);
    }
}

void TestExpressionTemplate::repeatWrapsAndNonRepeatHolds() {
    // A 1 s movement: 0 → 10 at 0.5 s (linear) → 0 at 1 s.
    ExpressionTemplate t;
    t.kind = TemplateKind::Pose;
    t.duration_s = 1.0;
    t.repeat = true;
    t.channels.push_back({channel("headPitch"), {key(0.0, 0.0f), key(0.5, 10.0f), key(1.0, 4.0f)}});
    const auto at = [&](double t_s) {
        ChannelValues values{};
        applyTemplate(t, t_s, 1.0f, values.data());
        return values[size_t(channel("headPitch"))];
    };
    QCOMPARE(at(0.25), 5.0f);
    QCOMPARE(at(0.5), 10.0f);
    QCOMPARE(at(1.25), 5.0f);  // the second pass
    QCOMPARE(at(7.5), 10.0f);
    QCOMPARE(at(2.0) + 1.0f, 1.0f);  // wrapped to the start, not held at the end (4)
    t.repeat = false;
    QCOMPARE(at(0.25), 5.0f);
    QCOMPARE(at(1.0), 4.0f);
    QCOMPARE(at(1.25), 4.0f);  // holds the end
    QCOMPARE(at(30.0), 4.0f);
    // A constant expression (duration 0) is the same at any time, repeating or not.
    ExpressionTemplate constant;
    constant.repeat = true;
    constant.channels.push_back({channel("eyeWideLeft"), {key(0.0, 0.4f)}});
    for (double t_s : {0.0, 0.3, 12.0}) {
        ChannelValues values{};
        applyTemplate(constant, t_s, 1.0f, values.data());
        QCOMPARE(values[size_t(channel("eyeWideLeft"))], 0.4f);
    }
}

QTEST_APPLESS_MAIN(TestExpressionTemplate)
#include "TestExpressionTemplate.moc"

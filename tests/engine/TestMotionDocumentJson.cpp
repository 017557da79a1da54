// The motion document as a project stores it: every element kind survives a round trip exactly
// (floats included), captures are stored compactly by channel name, and each way a hand-edited or
// damaged document can be wrong is refused with one line naming the file, the place and the
// problem.
#include <QtTest>
#include <cmath>
#include <cstring>
#include <functional>
#include <random>

#include "Keys.h"
#include "motion/MotionChannel.h"
#include "motion/MotionDocumentJson.h"

using namespace ps;
using nlohmann::json;

namespace {

int channel(const char* name) {
    return *motionChannelFromName(name);
}

// A float from random bits, kept finite: exact round trips must hold for any value, not only
// for the short decimals a person types.
float randomFloat(std::mt19937& random) {
    for (;;) {
        const uint32_t bits = random();
        float value = 0.0f;
        std::memcpy(&value, &bits, sizeof(value));
        if (std::isfinite(value)) {
            return value;
        }
    }
}

// Every element kind, every field away from its default.
MotionDocument fullDocument() {
    MotionDocument document;
    document.duration_s = 12.345678901234;
    document.voice.enabled = false;
    document.voice.model_path = "/models/my voice.safetensors";
    document.voice.nods = 0.35f;
    document.voice.head_follow = 1.7f;
    document.voice.seed = 0xFFFFFFFFFFFFFFFFull;
    document.idle.enabled = false;
    document.idle.blinks_per_min = 23.5;
    document.idle.sway = 0.6f;
    document.idle.seed = 42;
    document.strengths = {0.8f, 1.25f, 0.1f, 2.0f / 3.0f};

    ExpressionClip smile;
    smile.id = document.newId();
    smile.expression.name = "smile";
    smile.expression.description = "A warm closed-mouth smile.";
    smile.expression.channels = {{channel("mouthSmileLeft"), {key(0.0, 0.7f)}},
                                 {channel("cheekSquintLeft"), {key(0.0, 0.3f)}}};
    smile.start_s = 1.5;
    smile.duration_s = 2.25;
    smile.intensity = 0.8f;
    smile.fade_in_s = 0.1;
    smile.fade_out_s = 0.3;
    smile.enabled = false;
    document.clips.push_back(smile);

    ExpressionClip nod;
    nod.id = document.newId();
    nod.expression.name = "nod";
    nod.expression.kind = TemplateKind::Pose;
    nod.expression.blend = BlendMode::Override;
    nod.expression.duration_s = 1.0;
    nod.expression.repeat = true;
    nod.expression.channels = {
        {kHeadPitchChannel, {key(0.0, 0.0f), key(0.3, 6.0f, Interpolation::Ease), key(1.0, 0.0f)}}};
    nod.start_s = 4.0;
    nod.duration_s = 3.0;
    nod.intensity = 1.0f / 3.0f;
    nod.fade_in_s = 0.0;
    nod.fade_out_s = 0.0;
    document.clips.push_back(nod);

    CaptureLayer capture;
    capture.id = document.newId();
    capture.name = "take 1.csv";
    capture.start_s = 0.5;
    capture.blend = BlendMode::Add;
    capture.strength = 0.75f;
    capture.enabled = false;
    capture.regions = CaptureRegion::Upper;
    capture.track.fps = 59.94;
    std::mt19937 random(11);
    for (int k = 0; k < 6; ++k) {
        FaceState state;
        ChannelValues values{};
        for (float& value : values) {
            value = std::uniform_real_distribution<float>(-1.0f, 1.0f)(random);
        }
        values[kHeadYawChannel] = 12.5f + float(k);
        setChannels(state, values);
        state.speech = float(k) / 7.0f;
        capture.track.frames.push_back(state);
    }
    document.captures.push_back(capture);

    KeyframeCurve yaw;
    yaw.id = document.newId();
    yaw.channel = kHeadYawChannel;
    yaw.blend = BlendMode::Override;
    Keyframe bezier = key(0.5, -12.345f, Interpolation::Bezier);
    bezier.out_x = 0.2f;
    bezier.out_dy = 0.5f;
    bezier.in_x = 0.7f;
    bezier.in_dy = -1.25f;
    yaw.keys = {key(0.0, 0.0f, Interpolation::Step), bezier, key(2.0, 1e-7f)};
    yaw.enabled = false;
    document.curves.push_back(yaw);

    KeyframeCurve jaw;
    jaw.id = document.newId();
    jaw.channel = channel("jawOpen");
    jaw.keys = {key(1.0, 0.25f)};
    document.curves.push_back(jaw);

    LandmarkSculpt sculpt;
    sculpt.id = document.newId();
    sculpt.center_vertex = 13;
    sculpt.radius_cm = 1.75f;
    sculpt.offset_cm = {0.1f, -0.2f, 0.3f};
    sculpt.strength = {key(0.0, 0.0f), key(1.0, 1.0f, Interpolation::Ease)};
    sculpt.enabled = false;
    document.sculpts.push_back(sculpt);

    VisemeOverride closed;
    closed.id = document.newId();
    closed.start_s = 0.25;
    closed.end_s = 0.4 + 1e-9;
    document.visemes.push_back(closed);
    VisemeOverride tuck;
    tuck.id = document.newId();
    tuck.start_s = 2.0;
    tuck.end_s = 13.0;  // past the end, within the second allowed
    tuck.shape = MouthShape::TeethOnLip;
    tuck.enabled = false;
    document.visemes.push_back(tuck);
    document.transcript = "Well \u2014 caf\u00e9, \"quoted\"\nsecond line";

    document.next_id += 5;  // ids of deleted elements are not handed out again
    return document;
}

Result<MotionDocument> roundTrip(const MotionDocument& document) {
    const std::string text = motionDocumentToJson(document).dump();
    return motionDocumentFromJson(json::parse(text), "doc.json");
}

const char* messageOf(const Result<MotionDocument>& result) {
    return result.ok() ? "" : result.error().message.c_str();
}

QByteArray mutated(const std::function<void(json&)>& change) {
    json document = motionDocumentToJson(fullDocument());
    change(document);
    return QByteArray::fromStdString(document.dump());
}

bool sameBits(float a, float b) {
    return std::memcmp(&a, &b, sizeof(float)) == 0;
}

}  // namespace

class TestMotionDocumentJson : public QObject {
    Q_OBJECT

private slots:
    void roundTripIsExact();
    void randomFloatsRoundTripBitForBit();
    void writesShortDecimalsAndNames();
    void capturesReadByChannelName();
    void refusesInvalidDocuments_data();
    void refusesInvalidDocuments();
    void refusesNumbersThatAreNotFinite();
    void readsProjectsWithoutVisemes();
    void readsCapturesWithoutRegions();
};

void TestMotionDocumentJson::roundTripIsExact() {
    const MotionDocument a = fullDocument();
    const Result<MotionDocument> read = roundTrip(a);
    QVERIFY2(read.ok(), messageOf(read));
    const MotionDocument& b = *read;
    QCOMPARE(motionDocumentToJson(b).dump(), motionDocumentToJson(a).dump());

    QCOMPARE(b.duration_s, a.duration_s);
    QVERIFY(b.voice == a.voice);
    QVERIFY(b.idle == a.idle);
    QVERIFY(b.strengths == a.strengths);
    QCOMPARE(b.next_id, a.next_id);
    QCOMPARE(b.clips.size(), size_t(2));
    QCOMPARE(b.clips[0].id, a.clips[0].id);
    QCOMPARE(b.clips[0].expression.name, std::string("smile"));
    QCOMPARE(b.clips[0].intensity, 0.8f);
    QCOMPARE(b.clips[0].fade_out_s, 0.3);
    QCOMPARE(b.clips[0].enabled, false);
    QCOMPARE(b.clips[1].expression.kind, TemplateKind::Pose);
    QCOMPARE(b.clips[1].expression.repeat, true);
    QCOMPARE(b.clips[1].intensity, 1.0f / 3.0f);
    QCOMPARE(b.clips[1].expression.channels[0].keys[1].interpolation, Interpolation::Ease);

    QCOMPARE(b.captures.size(), size_t(1));
    const CaptureLayer& capture = b.captures[0];
    QCOMPARE(capture.name, std::string("take 1.csv"));
    QCOMPARE(capture.blend, BlendMode::Add);
    QCOMPARE(capture.regions, CaptureRegion::Upper);
    QCOMPARE(capture.track.fps, 59.94);
    QCOMPARE(capture.track.frames.size(), size_t(6));
    for (size_t k = 0; k < capture.track.frames.size(); ++k) {
        const ChannelValues expected = channelsOf(a.captures[0].track.frames[k]);
        const ChannelValues got = channelsOf(capture.track.frames[k]);
        for (int c = 0; c < kMotionChannelCount; ++c) {
            QVERIFY2(sameBits(got[size_t(c)], expected[size_t(c)]),
                     qPrintable(QString("frame %1 channel %2").arg(k).arg(c)));
        }
        QVERIFY(sameBits(capture.track.frames[k].speech, a.captures[0].track.frames[k].speech));
    }

    QCOMPARE(b.curves.size(), size_t(2));
    QCOMPARE(b.curves[0].channel, int(kHeadYawChannel));
    QCOMPARE(b.curves[0].blend, BlendMode::Override);
    QCOMPARE(b.curves[0].keys[0].interpolation, Interpolation::Step);
    QCOMPARE(b.curves[0].keys[1].in_dy, -1.25f);
    QCOMPARE(b.curves[0].keys[2].value, 1e-7f);
    QCOMPARE(b.curves[1].blend, BlendMode::Add);
    QCOMPARE(b.curves[1].enabled, true);

    QCOMPARE(b.sculpts.size(), size_t(1));
    QCOMPARE(b.sculpts[0].center_vertex, 13);
    QCOMPARE(b.sculpts[0].radius_cm, 1.75f);
    QCOMPARE(b.sculpts[0].offset_cm.y, -0.2f);
    QCOMPARE(b.sculpts[0].strength.size(), size_t(2));
    QCOMPARE(b.sculpts[0].enabled, false);

    QCOMPARE(b.visemes.size(), size_t(2));
    QCOMPARE(b.visemes[0].id, a.visemes[0].id);
    QCOMPARE(b.visemes[0].shape, MouthShape::Closed);
    QCOMPARE(b.visemes[0].end_s, 0.4 + 1e-9);
    QCOMPARE(b.visemes[1].shape, MouthShape::TeethOnLip);
    QCOMPARE(b.visemes[1].enabled, false);
    QCOMPARE(b.transcript, a.transcript);

    // A second trip changes nothing either: the text is stable.
    const Result<MotionDocument> again = roundTrip(b);
    QVERIFY2(again.ok(), messageOf(again));
    QCOMPARE(motionDocumentToJson(*again).dump(), motionDocumentToJson(a).dump());
}

void TestMotionDocumentJson::randomFloatsRoundTripBitForBit() {
    MotionDocument document;
    CaptureLayer capture;
    capture.id = document.newId();
    std::mt19937 random(2024);
    for (int k = 0; k < 400; ++k) {
        FaceState state;
        ChannelValues values{};
        for (float& value : values) {
            value = randomFloat(random);
        }
        setChannels(state, values);
        state.speech = randomFloat(random);
        capture.track.frames.push_back(state);
    }
    document.captures.push_back(capture);
    document.strengths.lips = std::numeric_limits<float>::max();
    document.strengths.head = std::numeric_limits<float>::denorm_min();
    const Result<MotionDocument> read = roundTrip(document);
    QVERIFY2(read.ok(), messageOf(read));
    const MotionDocument& back = *read;
    int differing = 0;
    for (size_t k = 0; k < capture.track.frames.size(); ++k) {
        const ChannelValues expected = channelsOf(capture.track.frames[k]);
        const ChannelValues got = channelsOf(back.captures[0].track.frames[k]);
        for (int c = 0; c < kMotionChannelCount; ++c) {
            differing += sameBits(got[size_t(c)], expected[size_t(c)]) ? 0 : 1;
        }
        differing +=
            sameBits(back.captures[0].track.frames[k].speech, capture.track.frames[k].speech) ? 0
                                                                                              : 1;
    }
    QCOMPARE(differing, 0);
    QVERIFY(sameBits(back.strengths.lips, document.strengths.lips));
    QVERIFY(sameBits(back.strengths.head, document.strengths.head));
}

void TestMotionDocumentJson::writesShortDecimalsAndNames() {
    const json document = motionDocumentToJson(fullDocument());
    QCOMPARE(document["clips"][0]["intensity"].dump(), std::string("0.8"));
    QCOMPARE(document["sculpts"][0]["offset_cm"].dump(), std::string("[0.1,-0.2,0.3]"));
    QCOMPARE(document["strengths"]["head"].dump(), std::string("0.1"));
    QCOMPARE(document["curves"][0]["channel"], json("headYaw"));
    QCOMPARE(document["curves"][0]["blend"], json("override"));
    QCOMPARE(document["captures"][0]["blend"], json("add"));
    QCOMPARE(document["clips"][0]["template"]["name"], json("smile"));
    const json& capture = document["captures"][0];
    QCOMPARE(capture["channels"].size(), size_t(kMotionChannelCount));
    QCOMPARE(capture["channels"][0], json("eyeBlinkLeft"));
    QCOMPARE(capture["frames"].size(), size_t(6));
    QCOMPARE(capture["frames"][2].size(), size_t(kMotionChannelCount));
    QCOMPARE(capture["frames"][2][kHeadYawChannel].dump(), std::string("14.5"));
    QCOMPARE(capture["speech"].size(), size_t(6));
    QCOMPARE(document["voice"]["seed"].dump(), std::string("18446744073709551615"));
}

void TestMotionDocumentJson::capturesReadByChannelName() {
    // A capture whose columns come in another order (a later version adding a channel, or a
    // script writing only some) is read by name; channels it does not name are 0.
    json document = motionDocumentToJson(fullDocument());
    json& capture = document["captures"][0];
    const int jaw = channel("jawOpen");
    capture["channels"] = {"headYaw", "jawOpen"};
    capture["frames"] = {{10.5, 0.25}, {-3.0, 0.5}};
    capture["speech"] = {0.0, 1.0};
    const Result<MotionDocument> back = motionDocumentFromJson(document, "doc.json");
    QVERIFY2(back.ok(), messageOf(back));
    const FaceTrack& track = back->captures[0].track;
    QCOMPARE(track.frames.size(), size_t(2));
    QCOMPARE(track.frames[0].head_deg.y, 10.5f);
    QCOMPARE(track.frames[1].weights[size_t(jaw)], 0.5f);
    QCOMPARE(track.frames[1].weights[0], 0.0f);
    QCOMPARE(track.frames[1].speech, 1.0f);
}

void TestMotionDocumentJson::refusesInvalidDocuments_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem");
    const ElementId next_id = fullDocument().next_id;
    const ElementId first_clip = fullDocument().clips[0].id;

    QTest::newRow("intensity text") << mutated([](json& d) { d["clips"][1]["intensity"] = "high"; })
                                    << "clips[1].intensity is not a number";
    QTest::newRow("field missing") << mutated([](json& d) { d["clips"][0].erase("start_s"); })
                                   << "clips[0].start_s is missing";
    QTest::newRow("clips an object")
        << mutated([](json& d) { d["clips"] = json::object(); }) << "clips is not a list";
    QTest::newRow("clip not an object")
        << mutated([](json& d) { d["clips"][0] = 3; }) << "clips[0] is not an object";
    QTest::newRow("id zero") << mutated([](json& d) { d["curves"][0]["id"] = 0; })
                             << "curves[0].id must not be 0";
    QTest::newRow("id negative") << mutated([](json& d) { d["curves"][0]["id"] = -4; })
                                 << "curves[0].id is not a whole number";
    QTest::newRow("id shared across kinds")
        << mutated([first_clip](json& d) { d["sculpts"][0]["id"] = first_clip; })
        << "sculpts[0].id " + QString::number(first_clip) + " is also the id of clips[0]";
    QTest::newRow("id at next_id")
        << mutated([next_id](json& d) { d["captures"][0]["id"] = next_id; })
        << "captures[0].id " + QString::number(next_id) + " is not below next_id";
    QTest::newRow("next_id zero") << mutated([](json& d) { d["next_id"] = 0; })
                                  << "next_id must not be 0";
    QTest::newRow("vertex past the mesh")
        << mutated([](json& d) { d["sculpts"][0]["center_vertex"] = 468; })
        << "sculpts[0].center_vertex is not a vertex (0 to 467)";
    QTest::newRow("vertex negative")
        << mutated([](json& d) { d["sculpts"][0]["center_vertex"] = -1; })
        << "sculpts[0].center_vertex is not a vertex";
    QTest::newRow("vertex fractional")
        << mutated([](json& d) { d["sculpts"][0]["center_vertex"] = 1.5; })
        << "sculpts[0].center_vertex is not a vertex";
    QTest::newRow("radius zero") << mutated([](json& d) { d["sculpts"][0]["radius_cm"] = 0; })
                                 << "sculpts[0].radius_cm must be more than 0";
    QTest::newRow("radius negative")
        << mutated([](json& d) { d["sculpts"][0]["radius_cm"] = -1.0; })
        << "sculpts[0].radius_cm must be more than 0";
    QTest::newRow("offset short") << mutated([](json& d) {
        d["sculpts"][0]["offset_cm"] = {1, 2};
    }) << "sculpts[0].offset_cm is not a list of 3 numbers";
    QTest::newRow("fade negative") << mutated([](json& d) { d["clips"][0]["fade_in_s"] = -0.1; })
                                   << "clips[0].fade_in_s must not be negative";
    QTest::newRow("clip duration zero") << mutated([](json& d) { d["clips"][1]["duration_s"] = 0; })
                                        << "clips[1].duration_s must be more than 0";
    QTest::newRow("document duration negative")
        << mutated([](json& d) { d["duration_s"] = -2; }) << "duration_s must not be negative";
    QTest::newRow("float too large") << mutated([](json& d) { d["strengths"]["lips"] = 1e300; })
                                     << "strengths.lips is too large";
    QTest::newRow("seed text") << mutated([](json& d) { d["idle"]["seed"] = "7"; })
                               << "idle.seed is not a whole number";
    QTest::newRow("enabled a number") << mutated([](json& d) { d["voice"]["enabled"] = 1; })
                                      << "voice.enabled is not true or false";
    QTest::newRow("strengths missing")
        << mutated([](json& d) { d.erase("strengths"); }) << "strengths is missing";
    QTest::newRow("unknown channel")
        << mutated([](json& d) { d["curves"][1]["channel"] = "jawWide"; })
        << "curves[1].channel \"jawWide\" is not a channel name";
    QTest::newRow("unknown blend") << mutated([](json& d) { d["curves"][0]["blend"] = "multiply"; })
                                   << "curves[0].blend \"multiply\" is not add or override";
    QTest::newRow("keys out of order")
        << mutated([](json& d) { d["curves"][0]["keys"][2]["t"] = 0.1; })
        << "curves[0].keys: keys must be finite, in increasing time";
    QTest::newRow("sculpt strength not keys")
        << mutated([](json& d) { d["sculpts"][0]["strength"] = 1; })
        << "sculpts[0].strength is not a list of keys";
    QTest::newRow("template without a name")
        << mutated([](json& d) { d["clips"][0]["template"].erase("name"); })
        << "clips[0].template: needs a \"name\"";
    QTest::newRow("capture regions unknown")
        << mutated([](json& d) { d["captures"][0]["regions"] = "eyes"; })
        << "captures[0].regions \"eyes\" is not all, upper, lower or head";
    QTest::newRow("capture fps zero") << mutated([](json& d) { d["captures"][0]["fps"] = 0; })
                                      << "captures[0].fps must be more than 0";
    QTest::newRow("capture frame short")
        << mutated([](json& d) { d["captures"][0]["frames"][1].erase(0); })
        << "captures[0].frames[1] has 58 values for 59 channels";
    QTest::newRow("capture value text")
        << mutated([](json& d) { d["captures"][0]["frames"][0][3] = "x"; })
        << "captures[0].frames[0][3] is not a number";
    QTest::newRow("capture speech short")
        << mutated([](json& d) { d["captures"][0]["speech"].erase(0); })
        << "captures[0].speech has 5 values for 6 frames";
    QTest::newRow("capture channel unknown")
        << mutated([](json& d) { d["captures"][0]["channels"][4] = "frown"; })
        << "captures[0].channels[4] is not a channel name";
    QTest::newRow("capture channel twice")
        << mutated([](json& d) { d["captures"][0]["channels"][4] = "eyeBlinkLeft"; })
        << "captures[0].channels[4] names a channel twice";
    QTest::newRow("unknown mouth shape")
        << mutated([](json& d) { d["visemes"][1]["shape"] = "pout"; })
        << "visemes[1].shape \"pout\" is not rest, closed, open, wide, rounded or teethOnLip";
    QTest::newRow("mouth shape a number")
        << mutated([](json& d) { d["visemes"][0]["shape"] = 1; }) << "visemes[0].shape is not text";
    QTest::newRow("viseme end missing") << mutated([](json& d) { d["visemes"][0].erase("end_s"); })
                                        << "visemes[0].end_s is missing";
    QTest::newRow("viseme backwards") << mutated([](json& d) { d["visemes"][0]["end_s"] = 0.1; })
                                      << "visemes[0]: its end must be after its start";
    QTest::newRow("viseme past the end")
        << mutated([](json& d) { d["visemes"][1]["end_s"] = 14.0; })
        << "visemes[1]: it must lie within the motion";
    QTest::newRow("viseme id shared")
        << mutated([first_clip](json& d) { d["visemes"][0]["id"] = first_clip; })
        << "visemes[0].id " + QString::number(first_clip) + " is also the id of clips[0]";
    QTest::newRow("visemes an object")
        << mutated([](json& d) { d["visemes"] = json::object(); }) << "visemes is not a list";
    QTest::newRow("transcript a list")
        << mutated([](json& d) { d["transcript"] = json::array(); }) << "transcript is not text";
    QTest::newRow("not an object") << QByteArray("[]") << "is not an object";
}

void TestMotionDocumentJson::refusesInvalidDocuments() {
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);
    const Result<MotionDocument> read =
        motionDocumentFromJson(json::parse(text.toStdString()), "doc.json");
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, ErrorKind::BadInput);
    const QString message = QString::fromStdString(read.error().message);
    QVERIFY2(message.startsWith("doc.json: "), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY2(!message.contains('\n'), qPrintable(message));
}

void TestMotionDocumentJson::refusesNumbersThatAreNotFinite() {
    // JSON text cannot hold them, but a document built in memory can.
    json document = motionDocumentToJson(fullDocument());
    document["clips"][0]["intensity"] = std::nan("");
    Result<MotionDocument> read = motionDocumentFromJson(document, "doc.json");
    QVERIFY(!read.ok());
    QCOMPARE(QString::fromStdString(read.error().message),
             QString("doc.json: clips[0].intensity is not a finite number"));
    document = motionDocumentToJson(fullDocument());
    document["sculpts"][0]["offset_cm"][2] = INFINITY;
    read = motionDocumentFromJson(document, "doc.json");
    QVERIFY(!read.ok());
    QCOMPARE(QString::fromStdString(read.error().message),
             QString("doc.json: sculpts[0].offset_cm[2] is not a finite number"));
}

void TestMotionDocumentJson::readsProjectsWithoutVisemes() {
    // Projects saved before visemes and transcripts existed open with neither.
    json document = motionDocumentToJson(fullDocument());
    QVERIFY(document.contains("visemes") && document.contains("transcript"));
    document.erase("visemes");
    document.erase("transcript");
    const Result<MotionDocument> read = motionDocumentFromJson(document, "old.json");
    QVERIFY2(read.ok(), messageOf(read));
    QVERIFY(read->visemes.empty());
    QVERIFY(read->transcript.empty());
    // And a document without them writes neither, so its file reads as before.
    const json written = motionDocumentToJson(*read);
    QVERIFY(!written.contains("visemes") && !written.contains("transcript"));
}

void TestMotionDocumentJson::readsCapturesWithoutRegions() {
    // Captures saved before regions existed drive the whole face, as they did.
    json document = motionDocumentToJson(fullDocument());
    QCOMPARE(document["captures"][0]["regions"], json("upper"));
    document["captures"][0].erase("regions");
    const Result<MotionDocument> read = motionDocumentFromJson(document, "old.json");
    QVERIFY2(read.ok(), messageOf(read));
    QCOMPARE(read->captures[0].regions, CaptureRegion::All);
}

QTEST_GUILESS_MAIN(TestMotionDocumentJson)
#include "TestMotionDocumentJson.moc"

// Face tracks and Live Link Face CSVs: the export's exact header, timecodes and values (angles
// in radians, as the app records them), the JSON form with the same numbers, and the import:
// a round trip, columns found by name in any order or missing, a take that starts at a
// wall-clock timecode or skips frames, and one-line errors that name the line.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "motion/FaceTrackJson.h"
#include "motion/LiveLinkCsv.h"

using namespace ps;

namespace {

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');) {
        cells.push_back(cell);
    }
    return cells;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

double radians(double degrees) {
    return degrees * 3.14159265358979323846 / 180.0;
}

// A row of `header`'s columns: the timecode, then each column's value from `value`.
std::string row(const std::vector<std::string>& header, const std::string& timecode,
                const std::function<std::string(const std::string&)>& value) {
    std::string out = timecode;
    for (size_t c = 1; c < header.size(); ++c) {
        out += "," + value(header[c]);
    }
    return out;
}

// A track whose every channel moves: each weight its own ramp, the head and eyes swinging
// through tens of degrees either way.
FaceTrack movingTrack(double fps, int frames) {
    FaceTrack track;
    track.fps = fps;
    for (int k = 0; k < frames; ++k) {
        FaceState s;
        for (int i = 0; i < kBlendshapeCount; ++i) {
            s.weights[size_t(i)] = float(std::fmod(0.013 * (i + 1) * (k + 1), 1.0));
        }
        s.head_deg = {float(25.0 * std::sin(0.11 * k)), float(-40.0 * std::cos(0.07 * k)),
                      float(12.5 * std::sin(0.3 * k + 1.0))};
        s.left_eye_deg = {float(18.0 * std::sin(0.2 * k)), float(-9.0 + 0.1 * k)};
        s.right_eye_deg = {float(17.0 * std::sin(0.2 * k)), float(-8.5 + 0.1 * k)};
        track.frames.push_back(s);
    }
    return track;
}

void compareTracks(const FaceTrack& got, const FaceTrack& want) {
    QCOMPARE(got.fps, want.fps);
    QCOMPARE(got.frames.size(), want.frames.size());
    for (size_t k = 0; k < want.frames.size(); ++k) {
        const FaceState& a = got.frames[k];
        const FaceState& b = want.frames[k];
        for (int i = 0; i < kBlendshapeCount; ++i) {
            QVERIFY2(std::abs(a.weights[size_t(i)] - b.weights[size_t(i)]) < 1e-5f,
                     qPrintable(QString("frame %1, shape %2").arg(k).arg(i)));
        }
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(std::abs(a.head_deg[i] - b.head_deg[i]) < 1e-3f,
                     qPrintable(QString("frame %1 head %2: %3 vs %4")
                                    .arg(k)
                                    .arg(i)
                                    .arg(a.head_deg[i])
                                    .arg(b.head_deg[i])));
        }
        for (int i = 0; i < 2; ++i) {
            QVERIFY(std::abs(a.left_eye_deg[i] - b.left_eye_deg[i]) < 1e-3f);
            QVERIFY(std::abs(a.right_eye_deg[i] - b.right_eye_deg[i]) < 1e-3f);
        }
    }
}

std::string errorOf(const std::string& text) {
    Result<FaceTrack> track = faceTrackFromLiveLinkCsv(text, "take.csv");
    if (track.ok()) {
        return "(read without an error)";
    }
    return track.error().kind == ErrorKind::BadInput ? track.error().message
                                                     : "(not BadInput) " + track.error().message;
}

FaceTrack sampleTrack(double fps, int frames) {
    FaceTrack track;
    track.fps = fps;
    for (int k = 0; k < frames; ++k) {
        FaceState s;
        s.weights[size_t(Blendshape::JawOpen)] = 0.01f * float(k);
        s.weights[size_t(Blendshape::TongueOut)] = 0.5f;
        s.head_deg = {1.5f, -2.25f, 0.75f};  // pitch, yaw, roll
        s.left_eye_deg = {3.0f, -1.0f};
        track.frames.push_back(s);
    }
    return track;
}

}  // namespace

class TestLiveLinkCsv : public QObject {
    Q_OBJECT

private slots:
    void headerFollowsLiveLinkFace();
    void rowsCarryTimecodeWeightsAndAngles();
    void timecodeCountsWholeFramesPerSecond();
    void jsonHoldsTheSameNumbers();
    void writesAtomically();
    void importRoundTrip_data();
    void importRoundTrip();
    void readsAFileFromDisk();
    void columnsInAnyOrderAndMissingOnes();
    void takeStartsAtAWallClockTimecode();
    void frameRateFromTheTimecodes_data();
    void frameRateFromTheTimecodes();
    void missingFramesHoldTheRowBefore();
    void toleratesCrlfBomAndTrailingEmptyLine();
    void errorsNameTheLine_data();
    void errorsNameTheLine();
};

void TestLiveLinkCsv::headerFollowsLiveLinkFace() {
    const std::vector<std::string> header = split(liveLinkCsvHeader());
    QCOMPARE(int(header.size()), 2 + 52 + 9);
    QCOMPARE(header[0], std::string("Timecode"));
    QCOMPARE(header[1], std::string("BlendShapeCount"));
    QCOMPARE(header[2], std::string("EyeBlinkLeft"));
    QCOMPARE(header[2 + 17], std::string("JawOpen"));  // ARKit's order
    QCOMPARE(header[2 + 51], std::string("TongueOut"));
    const std::vector<std::string> angles(header.end() - 9, header.end());
    QCOMPARE(angles, (std::vector<std::string>{"HeadYaw", "HeadPitch", "HeadRoll", "LeftEyeYaw",
                                               "LeftEyePitch", "LeftEyeRoll", "RightEyeYaw",
                                               "RightEyePitch", "RightEyeRoll"}));
}

void TestLiveLinkCsv::rowsCarryTimecodeWeightsAndAngles() {
    const std::vector<std::string> rows = lines(liveLinkCsv(sampleTrack(25.0, 30)));
    QCOMPARE(int(rows.size()), 31);
    const std::vector<std::string> row = split(rows[1 + 27]);
    QCOMPARE(int(row.size()), 63);
    QCOMPARE(row[0], std::string("00:00:01:02.000"));
    QCOMPARE(row[1], std::string("61"));
    QCOMPARE(std::stod(row[2 + 17]), 0.27);
    QCOMPARE(std::stod(row[2 + 51]), 0.5);
    // Angles in radians, as Live Link Face records them.
    QVERIFY(std::abs(std::stod(row[54]) - radians(-2.25)) < 1e-7);  // HeadYaw
    QVERIFY(std::abs(std::stod(row[55]) - radians(1.5)) < 1e-7);    // HeadPitch
    QVERIFY(std::abs(std::stod(row[56]) - radians(0.75)) < 1e-7);   // HeadRoll
    QVERIFY(std::abs(std::stod(row[57]) - radians(3.0)) < 1e-7);    // LeftEyeYaw
    QVERIFY(std::abs(std::stod(row[58]) - radians(-1.0)) < 1e-7);   // LeftEyePitch
    QCOMPARE(std::stod(row[59]), 0.0);                              // LeftEyeRoll
}

void TestLiveLinkCsv::timecodeCountsWholeFramesPerSecond() {
    const std::vector<std::string> ntsc = lines(liveLinkCsv(sampleTrack(30000.0 / 1001.0, 31)));
    QCOMPARE(split(ntsc[1 + 29])[0], std::string("00:00:00:29.000"));
    QCOMPARE(split(ntsc[1 + 30])[0], std::string("00:00:01:00.000"));
    FaceTrack long_track = sampleTrack(25.0, 1);
    long_track.frames.resize(size_t(25 * 3725 + 3));
    const std::vector<std::string> rows = lines(liveLinkCsv(long_track));
    QCOMPARE(split(rows.back())[0], std::string("01:02:05:02.000"));
}

void TestLiveLinkCsv::jsonHoldsTheSameNumbers() {
    const FaceTrack track = sampleTrack(50.0, 4);
    const nlohmann::json doc = nlohmann::json::parse(faceTrackJson(track));
    QCOMPARE(doc["fps"].get<double>(), 50.0);
    QCOMPARE(doc["blendshape_names"].size(), size_t(52));
    QCOMPARE(doc["blendshape_names"][17].get<std::string>(), std::string("jawOpen"));
    QCOMPARE(doc["frames"].size(), size_t(4));
    const nlohmann::json& f = doc["frames"][3];
    QCOMPARE(f["t"].get<double>(), 0.06);
    QCOMPARE(f["blendshapes"][17].get<double>(), 0.03);
    QCOMPARE(f["head_deg"]["yaw"].get<double>(), -2.25);
    QCOMPARE(f["left_eye_deg"]["pitch"].get<double>(), -1.0);
}

void TestLiveLinkCsv::writesAtomically() {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/motion.csv").toStdString();
    QVERIFY(writeLiveLinkCsv(sampleTrack(25.0, 3), path).ok());
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    QCOMPARE(text.str(), liveLinkCsv(sampleTrack(25.0, 3)));
    QVERIFY(
        !writeLiveLinkCsv(sampleTrack(25.0, 3), (dir.path() + "/no/such/dir/m.csv").toStdString())
             .ok());
}

void TestLiveLinkCsv::importRoundTrip_data() {
    QTest::addColumn<double>("fps");
    QTest::addColumn<int>("frames");
    QTest::newRow("24 fps") << 24.0 << 60;
    QTest::newRow("25 fps") << 25.0 << 26;  // just into the second second
    QTest::newRow("30 fps") << 30.0 << 95;
    QTest::newRow("50 fps") << 50.0 << 120;
    QTest::newRow("60 fps") << 60.0 << 200;
    QTest::newRow("60 fps, under a second") << 60.0 << 40;  // ambiguous, read at 60
}

void TestLiveLinkCsv::importRoundTrip() {
    QFETCH(double, fps);
    QFETCH(int, frames);
    const FaceTrack track = movingTrack(fps, frames);
    Result<FaceTrack> back = faceTrackFromLiveLinkCsv(liveLinkCsv(track), "take.csv");
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    compareTracks(*back, track);
}

void TestLiveLinkCsv::readsAFileFromDisk() {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/take.csv").toStdString();
    const FaceTrack track = movingTrack(30.0, 45);
    QVERIFY(writeLiveLinkCsv(track, path).ok());
    Result<FaceTrack> back = readLiveLinkCsv(path);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
    compareTracks(*back, track);
    Result<FaceTrack> missing = readLiveLinkCsv(path + ".absent");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().message, path + ".absent: does not exist");
}

void TestLiveLinkCsv::columnsInAnyOrderAndMissingOnes() {
    // Live Link Face itself writes JawRight before JawLeft and MouthRight before MouthLeft;
    // here the columns are reversed outright, most are missing and one is another tool's.
    const std::vector<std::string> header = {"Timecode",      "Confidence",   "HeadPitch",
                                             "MouthLeft",     "JawRight",     "JawLeft",
                                             "EyeBlinkRight", "LeftEyePitch", "BlendShapeCount"};
    std::string text;
    for (const std::string& h : header) {
        text += (text.empty() ? "" : ",") + h;
    }
    text += "\n";
    const std::vector<std::string> values = {"0.9", "0.25", "0.1",   "0.6",
                                             "0.2", "1",    "-0.05", "61"};
    for (int k = 0; k < 40; ++k) {
        char timecode[48];
        std::snprintf(timecode, sizeof timecode, "00:00:%02d:%02d.000", k / 30, k % 30);
        text += row(header, timecode,
                    [&](const std::string& column) {
                        return values[size_t(std::find(header.begin(), header.end(), column) -
                                             header.begin() - 1)];
                    }) +
                "\n";
    }
    Result<FaceTrack> track = faceTrackFromLiveLinkCsv(text, "take.csv");
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().message.c_str());
    QCOMPARE(track->fps, 30.0);
    QCOMPARE(track->frames.size(), size_t(40));
    const FaceState& s = track->frames[17];
    QCOMPARE(s.weights[size_t(Blendshape::MouthLeft)], 0.1f);
    QCOMPARE(s.weights[size_t(Blendshape::JawRight)], 0.6f);
    QCOMPARE(s.weights[size_t(Blendshape::JawLeft)], 0.2f);
    QCOMPARE(s.weights[size_t(Blendshape::EyeBlinkRight)], 1.0f);
    QCOMPARE(s.weights[size_t(Blendshape::EyeBlinkLeft)] + 1.0f, 1.0f);      // missing: 0
    QVERIFY(std::abs(s.head_deg.x - 0.25f * 180.0f / 3.14159265f) < 1e-3f);  // pitch
    QCOMPARE(s.head_deg.y + 1.0f, 1.0f);                                     // yaw missing
    QVERIFY(std::abs(s.left_eye_deg.y - -0.05f * 180.0f / 3.14159265f) < 1e-3f);
    // ARKit's own spelling of the names reads the same.
    std::string arkit = text;
    arkit.replace(arkit.find("EyeBlinkRight"), 1, "e");
    Result<FaceTrack> lower = faceTrackFromLiveLinkCsv(arkit, "take.csv");
    QVERIFY(lower.ok());
    QCOMPARE(lower->frames[3].weights[size_t(Blendshape::EyeBlinkRight)], 1.0f);
}

void TestLiveLinkCsv::takeStartsAtAWallClockTimecode() {
    // A real take: it starts at the phone's clock, 14:03:22:17 with a sub-frame, at 60 frames a
    // second, and crosses into the next second.
    std::string text = liveLinkCsvHeader() + "\n";
    const std::vector<std::string> header = split(liveLinkCsvHeader());
    for (int k = 0; k < 70; ++k) {
        const int frame = 17 + k;
        char timecode[48];
        std::snprintf(timecode, sizeof timecode, "14:03:%02d:%02d.%03d", 22 + frame / 60,
                      frame % 60, 450 + k % 3);
        text += row(header, timecode,
                    [&](const std::string& column) {
                        if (column == "JawOpen") {
                            return std::to_string(0.01 * k);
                        }
                        return std::string(column == "HeadYaw" ? "0.1" : "0");
                    }) +
                "\n";
    }
    Result<FaceTrack> track = faceTrackFromLiveLinkCsv(text, "take.csv");
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().message.c_str());
    QCOMPARE(track->fps, 60.0);
    QCOMPARE(track->frames.size(), size_t(70));
    QCOMPARE(track->frames[0].weights[size_t(Blendshape::JawOpen)] + 1.0f, 1.0f);
    QVERIFY(std::abs(track->frames[50].weights[size_t(Blendshape::JawOpen)] - 0.5f) < 1e-6f);
    QVERIFY(std::abs(track->frames[69].head_deg.y - 5.729578f) < 1e-3f);  // 0.1 rad
}

void TestLiveLinkCsv::frameRateFromTheTimecodes_data() {
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("step");  // a row every `step` timecode frames
    QTest::addColumn<double>("fps");
    QTest::newRow("24") << 24 << 1 << 24.0;
    QTest::newRow("25") << 25 << 1 << 25.0;
    QTest::newRow("30") << 30 << 1 << 30.0;
    QTest::newRow("50") << 50 << 1 << 50.0;
    QTest::newRow("60") << 60 << 1 << 60.0;
    // Live Link Face recording at 30 frames a second against 60 frames a second timecode
    // writes every other frame: 31, 33, 35 ... 59.
    QTest::newRow("every other frame of 60") << 60 << 2 << 60.0;
}

void TestLiveLinkCsv::frameRateFromTheTimecodes() {
    QFETCH(int, rate);
    QFETCH(int, step);
    QFETCH(double, fps);
    const std::vector<std::string> header = {"Timecode", "JawOpen"};
    std::string text = "Timecode,JawOpen\n";
    int rows = 0;
    for (int frame = 1; frame < 3 * rate; frame += step, ++rows) {
        char timecode[48];
        std::snprintf(timecode, sizeof timecode, "10:00:%02d:%02d.652", frame / rate, frame % rate);
        text += std::string(timecode) + "," + std::to_string(0.001 * frame) + "\n";
    }
    Result<FaceTrack> track = faceTrackFromLiveLinkCsv(text, "take.csv");
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().message.c_str());
    QCOMPARE(track->fps, fps);
    QCOMPARE(int(track->frames.size()), (rows - 1) * step + 1);
}

void TestLiveLinkCsv::missingFramesHoldTheRowBefore() {
    const std::string text =
        "Timecode,BlendShapeCount,JawOpen\n"
        "00:00:00:20.000,61,0.1\n"
        "00:00:00:21.000,61,0.2\n"
        "00:00:00:24.000,61,0.5\n"   // 22 and 23 are missing
        "00:00:00:24.000,61,0.55\n"  // a second row on frame 24: the later wins
        "00:00:01:00.000,61,0.6\n";
    Result<FaceTrack> track = faceTrackFromLiveLinkCsv(text, "take.csv");
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().message.c_str());
    QCOMPARE(track->fps, 25.0);
    QCOMPARE(track->frames.size(), size_t(6));
    const float expected[] = {0.1f, 0.2f, 0.2f, 0.2f, 0.55f, 0.6f};
    for (size_t k = 0; k < 6; ++k) {
        QCOMPARE(track->frames[k].weights[size_t(Blendshape::JawOpen)], expected[k]);
    }
}

void TestLiveLinkCsv::toleratesCrlfBomAndTrailingEmptyLine() {
    std::string text = liveLinkCsv(movingTrack(25.0, 30));
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : text) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    crlf += "\r\n";
    Result<FaceTrack> track = faceTrackFromLiveLinkCsv(crlf, "take.csv");
    QVERIFY2(track.ok(), track.ok() ? "" : track.error().message.c_str());
    compareTracks(*track, movingTrack(25.0, 30));
}

void TestLiveLinkCsv::errorsNameTheLine_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QString header = "Timecode,BlendShapeCount,JawOpen,HeadYaw\n";
    const QString good = "00:00:00:00.000,61,0.1,0.0\n";
    QTest::newRow("empty") << ""
                           << "take.csv: is empty";
    QTest::newRow("no Timecode column")
        << "EyeBlinkLeft,JawOpen\n0.1,0.2\n"
        << "take.csv: is not a Live Link Face CSV (its first line has no \"Timecode\" column)";
    QTest::newRow("another file altogether") << "frame,timestamp,confidence\n1,0.0,0.98\n"
                                             << "take.csv: is not a Live Link Face CSV";
    QTest::newRow("header only") << header << "take.csv: has a Live Link Face header but no frames";
    QTest::newRow("bad number") << header + good + "00:00:00:01.000,61,0.2,abc\n"
                                << "take.csv: line 3: \"abc\" in column HeadYaw is not a number";
    QTest::newRow("empty value") << header + good + "00:00:00:01.000,61,,0.0\n"
                                 << "take.csv: line 3: \"\" in column JawOpen is not a number";
    QTest::newRow("decimal comma") << header + "00:00:00:00.000,61,\"0,1\",0\n"
                                   << "take.csv: line 2: has 5 fields where the header has 4";
    QTest::newRow("too few fields") << header + good + good + "00:00:00:02.000,61,0.1\n"
                                    << "take.csv: line 4: has 3 fields where the header has 4";
    QTest::newRow("blank line inside")
        << header + good + "\n" + good << "take.csv: line 3: has 1 fields where the header has 4";
    QTest::newRow("bad timecode") << header + "00:00:xx:00.000,61,0.1,0\n"
                                  << "take.csv: line 2: \"00:00:xx:00.000\" is not a timecode";
    QTest::newRow("timecode without frames") << header + "00:00:01,61,0.1,0\n"
                                             << "take.csv: line 2: \"00:00:01\" is not a timecode";
    QTest::newRow("frame beyond 60") << header + "00:00:00:75.000,61,0.1,0\n"
                                     << "take.csv: line 2: frame 75 of a second is beyond";
    QTest::newRow("back in time") << header + "00:00:01:00.000,61,0.1,0\n" + good
                                  << "take.csv: line 3: the timecode goes back in time";
    QTest::newRow("infinite") << header + "00:00:00:00.000,61,inf,0\n"
                              << "take.csv: line 2: \"inf\" in column JawOpen is not a number";
    QTest::newRow("days long") << header + good + "09:00:00:00.000,61,0.1,0\n"
                               << "take.csv: line 3: the take runs past four hours";
}

void TestLiveLinkCsv::errorsNameTheLine() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString message = QString::fromStdString(errorOf(text.toStdString()));
    QVERIFY2(message.startsWith(expected) && !message.contains('\n'), qPrintable(message));
}

QTEST_APPLESS_MAIN(TestLiveLinkCsv)
#include "TestLiveLinkCsv.moc"

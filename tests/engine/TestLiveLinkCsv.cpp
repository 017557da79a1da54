// Face-track export: the Live Link Face CSV's exact header, timecodes and values, and the JSON
// form read back with the same numbers.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
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
    QCOMPARE(std::stod(row[54]), -2.25);  // HeadYaw
    QCOMPARE(std::stod(row[55]), 1.5);    // HeadPitch
    QCOMPARE(std::stod(row[56]), 0.75);   // HeadRoll
    QCOMPARE(std::stod(row[57]), 3.0);    // LeftEyeYaw
    QCOMPARE(std::stod(row[58]), -1.0);   // LeftEyePitch
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

QTEST_APPLESS_MAIN(TestLiveLinkCsv)
#include "TestLiveLinkCsv.moc"

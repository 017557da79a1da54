// `portrait-studio project …`, `render --project` and `motion --project` run as a user would:
// a project made from the samples, given a smile and a nod, describes itself, renders, and
// exports exactly the motion it was given; the voice's jaw baked into keys exports as it did,
// within the tolerance, and its keys smooth; bad requests exit 2 and leave every file as it was.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "AppRunner.h"

namespace {

const QString kPhoto = QStringLiteral(PS_SAMPLES_DIR "/astronaut.png");
const QString kVoice = QStringLiteral(PS_SAMPLES_DIR "/voice.wav");

QByteArray contentsOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One column of a Live Link Face CSV, by its header name.
std::vector<double> column(const QString& csv_path, const QString& name) {
    const QStringList lines =
        QString::fromUtf8(contentsOf(csv_path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    std::vector<double> values;
    if (lines.isEmpty()) {
        return values;
    }
    const int index = lines[0].split(QLatin1Char(',')).indexOf(name);
    if (index < 0) {
        return values;
    }
    for (int i = 1; i < lines.size(); ++i) {
        values.push_back(lines[i].split(QLatin1Char(',')).value(index).toDouble());
    }
    return values;
}

// Every line of a Live Link Face CSV with one column left out.
QStringList linesWithout(const QString& csv_path, const QString& name) {
    QStringList lines =
        QString::fromUtf8(contentsOf(csv_path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int index = lines.isEmpty() ? -1 : lines[0].split(QLatin1Char(',')).indexOf(name);
    for (QString& line : lines) {
        QStringList cells = line.split(QLatin1Char(','));
        cells.removeAt(index);
        line = cells.join(QLatin1Char(','));
    }
    return lines;
}

// The project's keyframe curves, as saved.
QJsonArray curvesOf(const QString& project_path) {
    return QJsonDocument::fromJson(contentsOf(project_path))
        .object()["motion"]
        .toObject()["curves"]
        .toArray();
}

}  // namespace

class TestProjectCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The same project twice: one plain, one with a smile from 1 to 3 s and a nod from 4 s.
        for (const QString& name : {QStringLiteral("plain"), QStringLiteral("edited")}) {
            const AppRun run = runApp({"project", "new", "--photo", kPhoto, "--audio", kVoice, "-o",
                                       path(name + ".pstudio")});
            QVERIFY2(run.exit_code == 0, qPrintable(run.err));
        }
        const AppRun smile =
            runApp({"project", "add-clip", "--project", path("edited.pstudio"), "--expression",
                    "smile", "--start", "1", "--duration", "2", "--fade-in", "0.2"});
        QVERIFY2(smile.exit_code == 0, qPrintable(smile.err));
        const AppRun nod =
            runApp({"project", "add-clip", "--project", path("edited.pstudio"), "--pose", "nod",
                    "--start", "4", "--duration", "0.9", "--fade-in", "0", "--fade-out", "0"});
        QVERIFY2(nod.exit_code == 0, qPrintable(nod.err));
    }

    void describesItsClips() {
        const AppRun run = runApp({"project", "info", "--project", path("edited.pstudio")});
        QVERIFY2(run.exit_code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("expression smile from 1.00 s for 2.00 s")));
        QVERIFY(run.out.contains(QStringLiteral("pose nod from 4.00 s for 0.90 s")));
        QVERIFY(run.out.contains(QStringLiteral("astronaut.png")));
        const QJsonObject root =
            QJsonDocument::fromJson(contentsOf(path("edited.pstudio"))).object();
        QCOMPARE(root["version"].toInt(), 2);
        QCOMPARE(root["photo"].toObject()["path"].toString().endsWith("astronaut.png"), true);
    }

    void exportsExactlyTheEditedMotion() {
        for (const QString& name : {QStringLiteral("plain"), QStringLiteral("edited")}) {
            const AppRun run =
                runApp({"motion", "--project", path(name + ".pstudio"), "-o", path(name + ".csv")});
            QVERIFY2(run.exit_code == 0, qPrintable(run.err));
        }
        // The nod is 8 degrees down at 0.3 s into its pass (frame 107 at 25 fps is 4.28 s,
        // 0.28 s in); the plain project's head moves the same way without it.
        const std::vector<double> plain_pitch = column(path("plain.csv"), "HeadPitch");
        const std::vector<double> edited_pitch = column(path("edited.csv"), "HeadPitch");
        QCOMPARE(plain_pitch.size(), size_t(183));
        QCOMPARE(edited_pitch.size(), plain_pitch.size());
        const double nod_deg = (edited_pitch[107] - plain_pitch[107]) * 180.0 / M_PI;
        QVERIFY2(nod_deg > 7.0 && nod_deg < 8.0, qPrintable(QString::number(nod_deg)));
        QVERIFY(std::abs(edited_pitch[50] - plain_pitch[50]) < 1e-6);  // no nod at 2 s

        const std::vector<double> plain_smile = column(path("plain.csv"), "MouthSmileLeft");
        const std::vector<double> edited_smile = column(path("edited.csv"), "MouthSmileLeft");
        QVERIFY(edited_smile[50] - plain_smile[50] > 0.5);             // inside the clip
        QVERIFY(std::abs(edited_smile[10] - plain_smile[10]) < 1e-6);  // before it
        QVERIFY(std::abs(edited_smile[90] - plain_smile[90]) < 1e-6);  // after it
    }

    void rendersTheProject() {
        const QString out = path("edited.mp4");
        const AppRun run = runApp({"render", "--project", path("edited.pstudio"), "-o", out});
        QVERIFY2(run.exit_code == 0, qPrintable(run.err));
        QByteArray frames;
        QVERIFY(runTool("ffprobe",
                        {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                         "stream=nb_read_frames", "-of", "csv=p=0", out},
                        &frames));
        QCOMPARE(frames.trimmed().toInt(), 183);
    }

    void importsARecording() {
        QVERIFY(QFile::copy(path("plain.pstudio"), path("captured.pstudio")));
        QVERIFY(QFile::exists(path("edited.csv")));
        const AppRun run = runApp({"project", "import-csv", "--project", path("captured.pstudio"),
                                   "--csv", path("edited.csv"), "--start", "0.5"});
        QVERIFY2(run.exit_code == 0, qPrintable(run.err));
        const AppRun info = runApp({"project", "info", "--project", path("captured.pstudio")});
        QVERIFY(info.out.contains(QStringLiteral("edited.csv from 0.50 s, 183 frames at 25 fps")));
    }

    void badRequestsChangeNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("problem");
        const QString edited = path("edited.pstudio");
        QTest::newRow("unknown expression")
            << QStringList{"project",      "add-clip", "--project", edited,
                           "--expression", "smirk",    "--start",   "1"}
            << "surprise";  // the known names are listed
        QTest::newRow("both kinds")
            << QStringList{"project", "add-clip", "--project", edited,    "--expression",
                           "smile",   "--pose",   "nod",       "--start", "1"}
            << "either";
        QTest::newRow("start not a number")
            << QStringList{"project", "add-clip", "--project", edited,
                           "--pose",  "nod",      "--start",   "soon"}
            << "--start soon";
        QTest::newRow("no duration")
            << QStringList{"project", "add-clip", "--project", edited,       "--pose",
                           "nod",     "--start",  "1",         "--duration", "0"}
            << "duration";
        QTest::newRow("project exists")
            << QStringList{"project", "new", "--photo", kPhoto, "--audio", kVoice, "-o", edited}
            << "already exists";
        QTest::newRow("voice option with a project")
            << QStringList{"render", "--project", edited, "-o", path("x.mp4"), "--lips", "2"}
            << "project setting";
        QTest::newRow("not a recording")
            << QStringList{"project", "import-csv", "--project", edited, "--csv", kPhoto}
            << "astronaut.png";
    }

    void badRequestsChangeNothing() {
        QFETCH(QStringList, args);
        QFETCH(QString, problem);
        const QByteArray before = contentsOf(path("edited.pstudio"));
        const AppRun run = runApp(args);
        QCOMPARE(run.exit_code, 2);
        QVERIFY2(run.err.contains(problem), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);  // one line
        QCOMPARE(contentsOf(path("edited.pstudio")), before);
        QVERIFY(!QFile::exists(path("x.mp4")));
    }

    void bakesTheVoicesJaw() {
        QVERIFY(QFile::copy(path("plain.pstudio"), path("baked.pstudio")));
        const AppRun run = runApp({"project", "bake", path("baked.pstudio"), "--channel", "jawOpen",
                                   "--tolerance", "0.02"});
        QVERIFY2(run.exit_code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(QLatin1Char('\n')), 1);
        qInfo("%s", qPrintable(run.out.trimmed()));
        QVERIFY2(run.out.contains(QStringLiteral("baked jawOpen from 0.00 s to 7.28 s")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("183 frames to ")));

        // One Override curve on the jaw, with far fewer keys than frames.
        const QJsonArray curves = curvesOf(path("baked.pstudio"));
        QCOMPARE(curves.size(), 1);
        const QJsonObject curve = curves[0].toObject();
        QCOMPARE(curve["channel"].toString(), QStringLiteral("jawOpen"));
        QCOMPARE(curve["blend"].toString(), QStringLiteral("override"));
        const int keys = curve["keys"].toArray().size();
        QVERIFY2(keys >= 2 && keys < 183 / 2, qPrintable(QString::number(keys)));
        const AppRun info = runApp({"project", "info", "--project", path("baked.pstudio")});
        QVERIFY(info.out.contains(
            QRegularExpression(QStringLiteral("curve \\d+: jawOpen override, %1 keys from 0.00 s "
                                              "to 7.28 s")
                                   .arg(keys))));

        // Exported, the jaw is the voice's within the tolerance on every frame, and everything
        // else is exactly as it was.
        for (const QString& name : {QStringLiteral("plain"), QStringLiteral("baked")}) {
            const AppRun motion = runApp(
                {"motion", "--project", path(name + ".pstudio"), "-o", path(name + "-jaw.csv")});
            QVERIFY2(motion.exit_code == 0, qPrintable(motion.err));
        }
        const std::vector<double> voice = column(path("plain-jaw.csv"), "JawOpen");
        const std::vector<double> baked = column(path("baked-jaw.csv"), "JawOpen");
        QCOMPARE(voice.size(), size_t(183));
        QCOMPARE(baked.size(), voice.size());
        double worst = 0.0;
        for (size_t k = 0; k < voice.size(); ++k) {
            worst = std::max(worst, std::abs(baked[k] - voice[k]));
        }
        QVERIFY2(worst <= 0.02 + 1e-6, qPrintable(QString::number(worst)));
        QVERIFY(worst > 0.0);  // the keys are fewer than the frames, so some frames moved
        QCOMPARE(linesWithout(path("baked-jaw.csv"), "JawOpen"),
                 linesWithout(path("plain-jaw.csv"), "JawOpen"));
    }

    void smoothsTheBakedJaw() {
        QVERIFY(QFile::exists(path("baked.pstudio")));
        QVERIFY(QFile::copy(path("baked.pstudio"), path("smoothed.pstudio")));
        const AppRun run = runApp({"project", "smooth", path("smoothed.pstudio"), "--channel",
                                   "jawOpen", "--cutoff", "3", "--from", "1", "--to", "5"});
        QVERIFY2(run.exit_code == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(QLatin1Char('\n')), 1);
        qInfo("%s", qPrintable(run.out.trimmed()));
        QVERIFY(
            run.out.contains(QRegularExpression(QStringLiteral("smoothed \\d+ of \\d+ keys "
                                                               "on jawOpen"))));
        // The same keys at the same times; inside 1..5 s their values moved, outside they stay.
        const QJsonArray before = curvesOf(path("baked.pstudio"))[0].toObject()["keys"].toArray();
        const QJsonArray after = curvesOf(path("smoothed.pstudio"))[0].toObject()["keys"].toArray();
        QCOMPARE(after.size(), before.size());
        int moved = 0;
        for (int k = 0; k < before.size(); ++k) {
            const QJsonObject a = before[k].toObject();
            const QJsonObject b = after[k].toObject();
            QCOMPARE(b["t"].toDouble(), a["t"].toDouble());
            if (a["t"].toDouble() < 1.0 || a["t"].toDouble() > 5.0) {
                QCOMPARE(b["value"].toDouble(), a["value"].toDouble());
            } else {
                moved += b["value"].toDouble() != a["value"].toDouble() ? 1 : 0;
            }
        }
        QVERIFY(moved > 0);

        // A cutoff that is no frequency changes nothing.
        const QByteArray kept = contentsOf(path("smoothed.pstudio"));
        const AppRun zero = runApp({"project", "smooth", "--project", path("smoothed.pstudio"),
                                    "--channel", "jawOpen", "--cutoff", "0"});
        QCOMPARE(zero.exit_code, 2);
        QVERIFY2(zero.err.contains(QStringLiteral("smoothed.pstudio")) &&
                     zero.err.contains(QStringLiteral("cutoff")),
                 qPrintable(zero.err));
        QCOMPARE(contentsOf(path("smoothed.pstudio")), kept);
    }

    void badBakesChangeNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("problem");
        const QString edited = path("edited.pstudio");
        QTest::newRow("unknown channel")
            << QStringList{"project", "bake", edited, "--channel", "jawOpn"} << "jawOpn";
        QTest::newRow("past the end")
            << QStringList{"project", "bake", edited, "--channel", "jawOpen", "--to", "99"}
            << "ends after";
        QTest::newRow("reversed") << QStringList{"project", "bake", edited, "--channel", "jawOpen",
                                                 "--from",  "4",    "--to", "2"}
                                  << "forwards";
        QTest::newRow("negative tolerance")
            << QStringList{"project", "bake", edited, "--channel", "jawOpen", "--tolerance", "-1"}
            << "tolerance";
        QTest::newRow("tolerance not a number")
            << QStringList{"project", "bake", edited, "--channel", "jawOpen", "--tolerance", "x"}
            << "--tolerance x";
        QTest::newRow("smooth without a curve")
            << QStringList{"project", "smooth", edited, "--channel", "jawOpen"}
            << "no curve on jawOpen";
        QTest::newRow("smooth an unknown channel")
            << QStringList{"project", "smooth", edited, "--channel", "chin"} << "chin";
    }

    void badBakesChangeNothing() {
        QFETCH(QStringList, args);
        QFETCH(QString, problem);
        const QByteArray before = contentsOf(path("edited.pstudio"));
        const AppRun run = runApp(args);
        QCOMPARE(run.exit_code, 2);
        QVERIFY2(run.err.contains(problem), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("edited.pstudio")), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);  // one line
        QCOMPARE(contentsOf(path("edited.pstudio")), before);
    }

    void aMissingProjectIsNamed() {
        for (const char* action : {"bake", "smooth"}) {
            const AppRun run =
                runApp({"project", action, path("nowhere.pstudio"), "--channel", "jawOpen"});
            QCOMPARE(run.exit_code, 2);
            QVERIFY2(run.err.contains(QStringLiteral("nowhere.pstudio")), qPrintable(run.err));
            QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
            QVERIFY(!QFile::exists(path("nowhere.pstudio")));
        }
    }

    void aDamagedProjectIsNamedAndKept() {
        QVERIFY(QFile::copy(path("edited.pstudio"), path("damaged.pstudio")));
        QFile::resize(path("damaged.pstudio"), 200);
        const QByteArray before = contentsOf(path("damaged.pstudio"));
        for (const QStringList& args :
             {QStringList{"project", "info", "--project", path("damaged.pstudio")},
              QStringList{"project", "add-clip", "--project", path("damaged.pstudio"), "--pose",
                          "nod", "--start", "1"},
              QStringList{"render", "--project", path("damaged.pstudio"), "-o", path("d.mp4")}}) {
            const AppRun run = runApp(args);
            QCOMPARE(run.exit_code, 2);
            QVERIFY2(run.err.contains(QStringLiteral("damaged.pstudio")), qPrintable(run.err));
            QVERIFY(run.err.contains(QStringLiteral("truncated")));
        }
        QCOMPARE(contentsOf(path("damaged.pstudio")), before);
        QVERIFY(!QFile::exists(path("d.mp4")));
    }

private:
    QString path(const QString& name) const { return dir_.filePath(name); }
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestProjectCommand)
#include "TestProjectCommand.moc"

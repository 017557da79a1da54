// Option parsing and the choice between the studio window and the command line.
#include <QTemporaryDir>
#include <QtTest>

#include "ArgumentParser.h"
#include "CommandLine.h"

using ps::app::OptionSpec;
using ps::app::ParsedOptions;

namespace {

const std::vector<OptionSpec> kSpecs = {
    {"--photo", "", "P", "photo", true},
    {"--output", "-o", "OUT", "output", true},
    {"--fps", "", "N", "rate", false},
    {"--quiet", "-q", "", "flag", false},
};

std::vector<std::string> words(const QStringList& list) {
    std::vector<std::string> out;
    for (const QString& s : list) {
        out.push_back(s.toStdString());
    }
    return out;
}

}  // namespace

class TestArgumentParser : public QObject {
    Q_OBJECT

private slots:
    void parsesValuesFlagsAndShortNames();
    void rejectsWithAnActionableMessage_data();
    void rejectsWithAnActionableMessage();
    void studioOpensForNothingOrExistingFiles();
    void describesEveryOption();
};

void TestArgumentParser::parsesValuesFlagsAndShortNames() {
    ParsedOptions options;
    std::string error;
    QVERIFY2(ps::app::parseOptions(words({"--photo", "a.png", "-o", "x.mp4", "--fps=30", "-q"}),
                                   kSpecs, &options, &error),
             error.c_str());
    QCOMPARE(*options.value("--photo"), std::string("a.png"));
    QCOMPARE(*options.value("--output"), std::string("x.mp4"));
    QCOMPARE(*options.value("--fps"), std::string("30"));
    QVERIFY(options.has("--quiet"));
    QVERIFY(!options.value("--missing"));
}

void TestArgumentParser::rejectsWithAnActionableMessage_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown option")
        << QStringList{"--photo", "a", "-o", "b", "--colour", "red"} << "unknown option --colour";
    QTest::newRow("stray word") << QStringList{"--photo", "a", "-o", "b", "extra"}
                                << "unexpected argument extra";
    QTest::newRow("value missing at end")
        << QStringList{"-o", "b", "--photo"} << "--photo needs a value (P)";
    QTest::newRow("empty inline value")
        << QStringList{"--photo=", "-o", "b"} << "--photo needs a value (P)";
    QTest::newRow("flag given a value")
        << QStringList{"--photo", "a", "-o", "b", "--quiet=1"} << "--quiet takes no value";
    QTest::newRow("required missing") << QStringList{"--photo", "a"} << "--output is required";
}

void TestArgumentParser::rejectsWithAnActionableMessage() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    ParsedOptions options;
    std::string error;
    QVERIFY(!ps::app::parseOptions(words(args), kSpecs, &options, &error));
    QCOMPARE(QString::fromStdString(error), expected);
}

void TestArgumentParser::studioOpensForNothingOrExistingFiles() {
    QTemporaryDir dir;
    const QString photo = dir.filePath("photo.png");
    QFile file(photo);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();

    QVERIFY(ps::app::wantsStudio({}));
    QVERIFY(ps::app::wantsStudio(words({photo})));
    QVERIFY(ps::app::wantsStudio(words({photo, QStringLiteral(PS_SAMPLES_DIR "/voice.wav")})));
    QVERIFY(!ps::app::wantsStudio(words({"render", "--photo", photo})));
    QVERIFY(!ps::app::wantsStudio(words({"fit", "--photo", photo})));
    QVERIFY(!ps::app::wantsStudio(words({"blendshapes", "--sheet", "x.png"})));
    QVERIFY(!ps::app::wantsStudio(words({"--version"})));
    QVERIFY(!ps::app::wantsStudio(words({dir.filePath("missing.png")})));
    QVERIFY(!ps::app::wantsStudio(words({dir.path()})));  // a folder is not a file to open
    QVERIFY(!ps::app::wantsStudio(words({photo, "--fps"})));
}

void TestArgumentParser::describesEveryOption() {
    const std::string help = ps::app::describeOptions(kSpecs);
    for (const OptionSpec& spec : kSpecs) {
        QVERIFY2(help.find(spec.name) != std::string::npos, spec.name.c_str());
    }
    QVERIFY(help.find("-o, --output OUT") != std::string::npos);
    QVERIFY(help.find("(required)") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestArgumentParser)
#include "TestArgumentParser.moc"

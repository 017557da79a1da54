// Base64 as project files carry embedded media: RFC 4648's vectors, every byte value and length
// surviving a round trip, and text that is not base64 refused rather than half decoded.
#include <QtTest>
#include <random>

#include "runtime/Base64.h"

using namespace ps;

class TestBase64 : public QObject {
    Q_OBJECT

private slots:
    void matchesTheRfcVectors_data();
    void matchesTheRfcVectors();
    void roundTripsEveryByteAndLength();
    void refusesTextThatIsNotBase64_data();
    void refusesTextThatIsNotBase64();
};

void TestBase64::matchesTheRfcVectors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("text");
    // RFC 4648, section 10.
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg==");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8=");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg==");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE=");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    QTest::newRow("high bits") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("+/+/");
}

void TestBase64::matchesTheRfcVectors() {
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, text);
    QCOMPARE(QByteArray::fromStdString(base64Encode(bytes.toStdString())), text);
    const std::optional<std::string> decoded = base64Decode(text.toStdString());
    QVERIFY(decoded.has_value());
    QCOMPARE(QByteArray::fromStdString(*decoded), bytes);
}

void TestBase64::roundTripsEveryByteAndLength() {
    std::string all;
    for (int b = 0; b < 256; ++b) {
        all += char(b);
    }
    std::mt19937 random(7);
    for (int i = 0; i < 1000; ++i) {
        all += char(random());
    }
    for (size_t length = 0; length <= all.size(); length += (length < 300 ? 1 : 97)) {
        const std::string bytes = all.substr(0, length);
        const std::string text = base64Encode(bytes);
        QCOMPARE(text.size(), (length + 2) / 3 * 4);
        const std::optional<std::string> back = base64Decode(text);
        QVERIFY2(back.has_value(), qPrintable(QString::number(length)));
        QVERIFY2(*back == bytes, qPrintable(QString::number(length)));
    }
    // The same as Qt's encoder, an independent implementation.
    const QByteArray qt = QByteArray::fromStdString(all).toBase64();
    QCOMPARE(QByteArray::fromStdString(base64Encode(all)), qt);
}

void TestBase64::refusesTextThatIsNotBase64_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("length not a multiple of 4") << QByteArray("Zm9vY");
    QTest::newRow("missing padding") << QByteArray("Zg");
    QTest::newRow("only padding") << QByteArray("====");
    QTest::newRow("three pads") << QByteArray("Z===");
    QTest::newRow("padding inside") << QByteArray("Zg==Zm9v");
    QTest::newRow("pad then data") << QByteArray("Zm=v");
    QTest::newRow("newline") << QByteArray("Zm9v\nZm9");
    QTest::newRow("space") << QByteArray("Zm9 ");
    QTest::newRow("url alphabet") << QByteArray("-_-_");
    QTest::newRow("nul") << QByteArray("Zm9\0", 4);
}

void TestBase64::refusesTextThatIsNotBase64() {
    QFETCH(QByteArray, text);
    QVERIFY(!base64Decode(text.toStdString()).has_value());
}

QTEST_GUILESS_MAIN(TestBase64)
#include "TestBase64.moc"

// The committed networks are the ones their README names: every file listed in
// resources/models/SHA256SUMS is there with that checksum, each network has its weights beside
// it, and both licences are present.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QtTest>

namespace {
const QString kModels = QStringLiteral(PS_SOURCE_DIR "/resources/models");
}

class TestModelFiles : public QObject {
    Q_OBJECT
private slots:
    void everyFileMatchesItsChecksum() {
        QFile sums(QDir(kModels).filePath(QStringLiteral("SHA256SUMS")));
        QVERIFY(sums.open(QIODevice::ReadOnly | QIODevice::Text));
        int checked = 0;
        while (!sums.atEnd()) {
            const QString line = QString::fromUtf8(sums.readLine()).trimmed();
            if (line.isEmpty()) {
                continue;
            }
            const QStringList parts = line.split(QStringLiteral("  "));
            QCOMPARE(parts.size(), 2);
            QFile file(QDir(kModels).filePath(parts[1]));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(parts[1]));
            QCryptographicHash hash(QCryptographicHash::Sha256);
            QVERIFY(hash.addData(&file));
            QCOMPARE(QString::fromLatin1(hash.result().toHex()), parts[0]);
            ++checked;
        }
        QCOMPARE(checked, 8);
    }

    void everyNetworkHasItsWeightsAndLicences() {
        for (const char* name : {"blazeface", "facemesh", "iris", "selfie"}) {
            for (const char* suffix : {".json", ".bin"}) {
                QVERIFY2(QFileInfo::exists(QDir(kModels).filePath(QString::fromLatin1(name) +
                                                                  QString::fromLatin1(suffix))),
                         name);
            }
        }
        QVERIFY(QFileInfo::exists(QDir(kModels).filePath(QStringLiteral("LICENSE.Apache-2.0"))));
        QVERIFY(
            QFileInfo::exists(QDir(kModels).filePath(QStringLiteral("LICENSE.MIT-human-models"))));
    }
};

QTEST_GUILESS_MAIN(TestModelFiles)
#include "TestModelFiles.moc"

// The studio's open project: edits go through the undo stack (and merge within one gesture),
// saving marks it clean, opening starts a fresh history, and autosave writes a recovery on its
// timer without touching the user's own file.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "motion/MotionEdit.h"
#include "project/ProjectFile.h"
#include "ui/ProjectSession.h"

using ps::ui::ProjectSession;

namespace {

ps::ExpressionClip smileClip() {
    ps::ExpressionClip clip;
    clip.expression.name = "smile";
    ps::Keyframe key;
    key.value = 0.7f;
    clip.expression.channels.push_back({int(ps::Blendshape::MouthSmileLeft), {key}});
    clip.start_s = 1.0;
    clip.duration_s = 2.0;
    return clip;
}

ps::MotionEdit insert(ps::ExpressionClip clip) {
    return ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{std::move(clip)}};
}

QByteArray contentsOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestProjectSession : public QObject {
    Q_OBJECT

private slots:
    void editsAreUndoable() {
        ProjectSession session(QString{});
        QVERIFY(!session.isModified());
        QVERIFY(session.apply(insert(smileClip())));
        QCOMPARE(int(session.motion().clips.size()), 1);
        QVERIFY(session.isModified());
        QCOMPARE(session.undoStack()->undoText(), QStringLiteral("Add clip \u201csmile\u201d"));

        session.undoStack()->undo();
        QCOMPARE(int(session.motion().clips.size()), 0);
        QVERIFY(!session.isModified());
        session.undoStack()->redo();
        QCOMPARE(int(session.motion().clips.size()), 1);
        QCOMPARE(session.motion().clips[0].id, ps::ElementId(1));

        QString problem;
        ps::ExpressionClip empty = smileClip();
        empty.duration_s = 0.0;
        QVERIFY(!session.apply(insert(empty), &problem));
        QVERIFY(problem.contains(QStringLiteral("duration")));
        QCOMPARE(session.undoStack()->count(), 1);
    }

    void oneGestureIsOneUndoStep() {
        ProjectSession session(QString{});
        QVERIFY(session.apply(insert(smileClip())));
        ps::ExpressionClip clip = session.motion().clips[0];
        constexpr int kDrag = 7;
        for (float intensity : {0.8f, 0.6f, 0.4f}) {
            clip.intensity = intensity;
            QVERIFY(session.apply(ps::MotionEdit{ps::ReplaceElement<ps::ExpressionClip>{clip}},
                                  nullptr, kDrag));
        }
        QCOMPARE(session.undoStack()->count(), 2);
        session.undoStack()->undo();
        QCOMPARE(session.motion().clips[0].intensity, 1.0f);
        session.undoStack()->redo();
        QCOMPARE(session.motion().clips[0].intensity, 0.4f);
        // A different element within the same gesture number does not merge.
        QVERIFY(session.apply(insert(smileClip())));
        ps::ExpressionClip other = session.motion().clips[1];
        other.intensity = 0.1f;
        QVERIFY(session.apply(ps::MotionEdit{ps::ReplaceElement<ps::ExpressionClip>{other}},
                              nullptr, kDrag));
        QCOMPARE(session.undoStack()->count(), 4);
    }

    void savingMarksCleanAndOpeningStartsAfresh() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("take.pstudio"));
        ProjectSession session(QString{});
        QSignalSpy path_spy(&session, &ProjectSession::pathChanged);
        QVERIFY(session.apply(insert(smileClip())));
        QString problem;
        QVERIFY2(session.save(path, &problem), qPrintable(problem));
        QVERIFY(!session.isModified());
        QCOMPARE(session.path(), path);
        QCOMPARE(path_spy.count(), 1);

        QVERIFY(session.apply(insert(smileClip())));
        QVERIFY(session.isModified());
        QVERIFY(session.open(path, &problem));
        QCOMPARE(int(session.motion().clips.size()), 1);
        QCOMPARE(session.undoStack()->count(), 0);
        QVERIFY(!session.isModified());

        QFile::resize(path, 10);  // a damaged file: refused, the open project kept
        QVERIFY(!session.open(path, &problem));
        QVERIFY(problem.contains(QStringLiteral("take.pstudio")));
        QCOMPARE(int(session.motion().clips.size()), 1);
    }

    void autosavesOnItsTimerBesideTheUsersFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.pstudio"));
        const QString recovery_folder = dir.filePath(QStringLiteral("recovery"));
        auto session = std::make_unique<ProjectSession>(recovery_folder);
        QString problem;
        QVERIFY(session->save(path, &problem));
        const QByteArray saved = contentsOf(path);

        QSignalSpy autosaved(session.get(), &ProjectSession::autosaved);
        session->setAutosaveInterval(1);
        QTest::qWait(1500);
        QCOMPARE(autosaved.count(), 0);  // nothing changed, nothing written
        QVERIFY(session->apply(insert(smileClip())));
        QVERIFY(autosaved.wait(5000));
        const QString recovery = autosaved.takeFirst().at(0).toString();
        ps::Result<ps::Project> recovered = ps::readProject(recovery.toStdString());
        QVERIFY(recovered.ok());
        QCOMPARE(int(recovered->motion.clips.size()), 1);
        QCOMPARE(contentsOf(path), saved);  // the user's own file is never autosaved over

        // A clean close leaves nothing to recover.
        session.reset();
        QVERIFY(QDir(recovery_folder).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
    }
};

QTEST_MAIN(TestProjectSession)
#include "TestProjectSession.moc"

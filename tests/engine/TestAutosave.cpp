// Crash recovery as a creator meets it: a studio that really dies (a child process calling
// abort()) leaves a recovery the next studio finds, opens and discards; a studio still running
// keeps its autosave to itself; a clean exit leaves nothing behind; and autosaving never touches
// the user's own project file.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <functional>

#include "project/Autosave.h"
#include "project/ProjectFile.h"

#ifndef _WIN32
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace ps;

namespace {

Project markedProject(const std::string& marker) {
    Project project;
    project.photo.path = "/photos/astronaut.png";
    project.audio.path = "/voices/take 3.wav";
    project.audio.embed = true;  // kept as a wish in the recovery, which embeds nothing
    project.fps = FrameRate::Fps50;
    project.motion.duration_s = 42.5;
    ExpressionClip clip;
    clip.id = project.motion.newId();
    clip.expression.name = marker;
    clip.intensity = 0.625f;
    project.motion.clips.push_back(clip);
    return project;
}

// Two projects are the same when they write the same file.
std::string fileTextOf(const Project& project) {
    const Result<std::string> text =
        projectToJson(project, "/anywhere/p.pstudio", MediaLinks::Absolute);
    return text.ok() ? *text : "error: " + text.error().message;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesIn(const QString& folder) {
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

#ifndef _WIN32
// Runs `body` in a child process that never returns into the test (no QTemporaryDir cleanup
// there, no second test run).
pid_t runInChild(const std::function<void()>& body) {
    const pid_t pid = fork();
    if (pid == 0) {
        body();
        _exit(0);
    }
    return pid;
}

// Kills and reaps a child the test left running, whatever way the test ends.
struct ChildGuard {
    pid_t pid = -1;
    ~ChildGuard() {
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    }
};

// A studio crashing mid-session: its lock and autosave stay, its process is gone.
void crashAfterAutosave(const QString& folder, const Project& project,
                        const std::string& original_path) {
    RecoveryStore store(folder.toStdString());
    if (!store.beginSession().ok() || !store.autosave(project, original_path).ok()) {
        _exit(1);
    }
    // QtTest's crash handler would print a stack trace, and a core file is not wanted either.
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    signal(SIGABRT, SIG_DFL);
    std::abort();
}
#endif

}  // namespace

class TestAutosave : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void crashedSessionIsRecovered();
    void ownSessionIsNotListed();
    void liveProcessIsNotListedUntilItDies();
    void sessionWithoutItsLockIsListed();
    void reusedProcessIdDoesNotHideACrash();
    void endSessionLeavesNothingBehind();
    void autosaveLeavesTheOriginalUntouched();
    void locksOfSessionsThatDiedEmptyAreCleared();
    void aRunningSessionCannotBeDiscarded();

private:
    QString folderFor(const char* test) const { return dir_.filePath(test); }

    QTemporaryDir dir_;
};

void TestAutosave::initTestCase() {
    QVERIFY(dir_.isValid());
#ifdef _WIN32
    QSKIP("the crash simulations use fork()");
#endif
}

#ifndef _WIN32

void TestAutosave::crashedSessionIsRecovered() {
    const QString folder = folderFor("crash");
    const QString original = dir_.filePath("crash-original.pstudio");
    QVERIFY(
        writeProject(markedProject("as saved"), original.toStdString(), MediaLinks::Absolute).ok());
    const QByteArray original_bytes = readAll(original);
    const Project unsaved = markedProject("unsaved work 7f3a");

    const pid_t child =
        runInChild([&] { crashAfterAutosave(folder, unsaved, original.toStdString()); });
    QVERIFY(child > 0);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
             qPrintable(QString("child status %1").arg(status)));

    RecoveryStore next(folder.toStdString());
    QVERIFY(next.beginSession().ok());
    const std::vector<Recovery> recoveries = next.findRecoveries();
    QCOMPARE(recoveries.size(), size_t(1));
    const Recovery& recovery = recoveries[0];
    QCOMPARE(QString::fromStdString(recovery.original_path), original);
    QVERIFY(
        QString::fromStdString(recovery.session_id).startsWith(QString("session-%1-").arg(child)));
    QCOMPARE(QString::fromStdString(recovery.recovery_path),
             folder + "/" + QString::fromStdString(recovery.session_id) + ".pstudio");
    QVERIFY2(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")
                 .match(QString::fromStdString(recovery.saved_at))
                 .hasMatch(),
             recovery.saved_at.c_str());

    const Result<Project> opened = next.openRecovery(recovery);
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    QCOMPARE(fileTextOf(*opened), fileTextOf(unsaved));
    QCOMPARE(opened->motion.clips[0].expression.name, std::string("unsaved work 7f3a"));
    QVERIFY(opened->audio.embed);
    QCOMPARE(readAll(original), original_bytes);

    QVERIFY(next.discardRecovery(recovery).ok());
    QVERIFY(next.findRecoveries().empty());
    // Only the new session's lock is left.
    QCOMPARE(filesIn(folder), QStringList(QString::fromStdString(next.sessionId()) + ".lock"));
    QVERIFY(next.endSession().ok());
    QCOMPARE(filesIn(folder), QStringList());
}

void TestAutosave::ownSessionIsNotListed() {
    const QString folder = folderFor("own");
    RecoveryStore store(folder.toStdString());
    QVERIFY(store.autosave(markedProject("mine"), "").ok());
    QVERIFY(!store.sessionId().empty());
    QVERIFY(store.findRecoveries().empty());
    // Another studio in a running process (here, this one) does not see it either.
    RecoveryStore other(folder.toStdString());
    QVERIFY(other.beginSession().ok());
    QVERIFY(other.findRecoveries().empty());
    QVERIFY(store.endSession().ok());
    QVERIFY(other.endSession().ok());
}

void TestAutosave::liveProcessIsNotListedUntilItDies() {
    const QString folder = folderFor("live");
    int ready[2];
    QCOMPARE(pipe(ready), 0);
    ChildGuard child;
    child.pid = runInChild([&] {
        close(ready[0]);
        RecoveryStore store(folder.toStdString());
        const bool saved =
            store.beginSession().ok() && store.autosave(markedProject("live"), "").ok();
        const char answer = saved ? 'y' : 'n';
        if (write(ready[1], &answer, 1) != 1) {
            _exit(1);
        }
        for (;;) {
            pause();
        }
    });
    QVERIFY(child.pid > 0);
    close(ready[1]);
    char answer = 0;
    QCOMPARE(read(ready[0], &answer, 1), ssize_t(1));
    close(ready[0]);
    QCOMPARE(answer, 'y');

    RecoveryStore store(folder.toStdString());
    QVERIFY(store.findRecoveries().empty());

    QCOMPARE(kill(child.pid, SIGKILL), 0);
    QCOMPARE(waitpid(child.pid, nullptr, 0), child.pid);
    const pid_t dead = child.pid;
    child.pid = -1;
    const std::vector<Recovery> recoveries = store.findRecoveries();
    QCOMPARE(recoveries.size(), size_t(1));
    QVERIFY(QString::fromStdString(recoveries[0].session_id)
                .startsWith(QString("session-%1-").arg(dead)));
    QCOMPARE(recoveries[0].original_path, std::string());
    const Result<Project> opened = store.openRecovery(recoveries[0]);
    QVERIFY(opened.ok());
    QCOMPARE(opened->motion.clips[0].expression.name, std::string("live"));
}

void TestAutosave::sessionWithoutItsLockIsListed() {
    const QString folder = folderFor("unlocked");
    RecoveryStore store(folder.toStdString());
    QVERIFY(store.autosave(markedProject("lock lost"), "").ok());
    QVERIFY(QFile::remove(folder + "/" + QString::fromStdString(store.sessionId()) + ".lock"));
    RecoveryStore next(folder.toStdString());
    const std::vector<Recovery> recoveries = next.findRecoveries();
    QCOMPARE(recoveries.size(), size_t(1));
    QCOMPARE(recoveries[0].session_id, store.sessionId());
}

void TestAutosave::reusedProcessIdDoesNotHideACrash() {
#ifndef __linux__
    QSKIP("process start times are read from /proc");
#else
    // A lock written long before the process with its id started was not written by that
    // process: after a reboot, a crashed studio's id often belongs to something else.
    const QString folder = folderFor("reused");
    RecoveryStore store(folder.toStdString());
    QVERIFY(store.autosave(markedProject("before the reboot"), "").ok());
    const std::string lock = folder.toStdString() + "/" + store.sessionId() + ".lock";
    RecoveryStore next(folder.toStdString());
    QVERIFY(next.findRecoveries().empty());  // the lock is fresh: this process holds it
    std::filesystem::last_write_time(
        lock, std::filesystem::last_write_time(lock) - std::chrono::hours(24 * 365));
    const std::vector<Recovery> recoveries = next.findRecoveries();
    QCOMPARE(recoveries.size(), size_t(1));
    QCOMPARE(recoveries[0].session_id, store.sessionId());
#endif
}

void TestAutosave::endSessionLeavesNothingBehind() {
    const QString folder = folderFor("clean");
    RecoveryStore store(folder.toStdString());
    QVERIFY(store.beginSession().ok());
    QVERIFY(store.autosave(markedProject("one"), "").ok());
    QVERIFY(store.autosave(markedProject("two"), "/projects/two.pstudio").ok());
    QCOMPARE(filesIn(folder).size(), 3);  // lock, recovery, description
    QVERIFY(store.endSession().ok());
    QCOMPARE(filesIn(folder), QStringList());
    QVERIFY(store.sessionId().empty());
    QVERIFY(RecoveryStore(folder.toStdString()).findRecoveries().empty());
}

void TestAutosave::autosaveLeavesTheOriginalUntouched() {
    const QString folder = folderFor("original");
    const QString original = dir_.filePath("original.pstudio");
    QVERIFY(writeProject(markedProject("saved by the user"), original.toStdString(),
                         MediaLinks::Absolute)
                .ok());
    const QByteArray before = readAll(original);
    const auto modified_before = std::filesystem::last_write_time(original.toStdString());

    RecoveryStore store(folder.toStdString());
    for (int i = 0; i < 3; ++i) {
        Project edited = markedProject("edit " + std::to_string(i));
        QVERIFY(store.autosave(edited, original.toStdString()).ok());
    }
    QCOMPARE(readAll(original), before);
    QCOMPARE(std::filesystem::last_write_time(original.toStdString()), modified_before);
    const QString recovery = folder + "/" + QString::fromStdString(store.sessionId()) + ".pstudio";
    QVERIFY(readAll(recovery).contains("edit 2"));
    QVERIFY(!readAll(recovery).contains("saved by the user"));

    // Even told that the recovery file is the project's, it does not write over it.
    QVERIFY(!store.autosave(markedProject("x"), recovery.toStdString()).ok());
    QVERIFY(readAll(recovery).contains("edit 2"));
    QVERIFY(store.endSession().ok());
}

void TestAutosave::locksOfSessionsThatDiedEmptyAreCleared() {
    const QString folder = folderFor("empty");
    const pid_t child = runInChild([&] {
        RecoveryStore store(folder.toStdString());
        _exit(store.beginSession().ok() ? 0 : 1);  // dies before its first autosave
    });
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QCOMPARE(filesIn(folder).size(), 1);

    RecoveryStore next(folder.toStdString());
    QVERIFY(next.beginSession().ok());
    QVERIFY(next.findRecoveries().empty());
    QCOMPARE(filesIn(folder), QStringList(QString::fromStdString(next.sessionId()) + ".lock"));
    QVERIFY(next.endSession().ok());
}

void TestAutosave::aRunningSessionCannotBeDiscarded() {
    const QString folder = folderFor("running");
    RecoveryStore store(folder.toStdString());
    QVERIFY(store.autosave(markedProject("still open"), "").ok());
    Recovery recovery;
    recovery.session_id = store.sessionId();
    recovery.recovery_path =
        (folder + "/" + QString::fromStdString(store.sessionId()) + ".pstudio").toStdString();
    RecoveryStore other(folder.toStdString());
    const Status discarded = other.discardRecovery(recovery);
    QVERIFY(!discarded.ok());
    QCOMPARE(discarded.error().kind, ErrorKind::BadInput);
    QCOMPARE(filesIn(folder).size(), 3);
    QVERIFY(store.endSession().ok());
}

#else

void TestAutosave::crashedSessionIsRecovered() {}
void TestAutosave::ownSessionIsNotListed() {}
void TestAutosave::liveProcessIsNotListedUntilItDies() {}
void TestAutosave::sessionWithoutItsLockIsListed() {}
void TestAutosave::reusedProcessIdDoesNotHideACrash() {}
void TestAutosave::endSessionLeavesNothingBehind() {}
void TestAutosave::autosaveLeavesTheOriginalUntouched() {}
void TestAutosave::locksOfSessionsThatDiedEmptyAreCleared() {}
void TestAutosave::aRunningSessionCannotBeDiscarded() {}

#endif

QTEST_GUILESS_MAIN(TestAutosave)
#include "TestAutosave.moc"

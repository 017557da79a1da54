// Runs the real portrait-studio executable (and helper tools such as ffmpeg) as a user would,
// for the command-line tests.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

struct AppRun {
    int exit_code = -1;  // -1 when it crashed or did not finish in time
    QString out;
    QString err;
};

inline AppRun runApp(const QStringList& args, int timeout_ms = 240000) {
    QProcess process;
    process.start(QStringLiteral(PS_APP_PATH), args);
    AppRun run;
    if (!process.waitForFinished(timeout_ms)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// True when `program` ran and exited 0; its standard output goes to `out` if given.
inline bool runTool(const QString& program, const QStringList& args, QByteArray* out = nullptr) {
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        return false;
    }
    if (out) {
        *out = process.readAllStandardOutput();
    }
    return true;
}

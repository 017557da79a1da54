// Crash recovery. Each running studio holds a session in a recovery folder (the studio passes its
// data folder's "recovery" subfolder):
//
//   session-<pid>-<random>.lock      the session is running; holds its process id
//   session-<pid>-<random>.pstudio   the latest autosave: a whole project, media by absolute path
//   session-<pid>-<random>.json      {"original_path", "saved_at", "pid"} for the recovery dialog
//
// A clean exit ends the session and removes all three. At start-up the studio lists the
// recoveries of sessions that are no longer running (lock gone, or its process gone or replaced
// by another with the same id) and offers to open or discard each. Autosaves never touch the
// user's own project file. The timer that calls autosave() belongs to the UI.
//
// Not thread-safe: one store per studio session, used from one thread.
#pragma once

#include <string>
#include <vector>

#include "project/Project.h"
#include "runtime/Result.h"

namespace ps {

constexpr double kDefaultAutosaveInterval_s = 60.0;

struct Recovery {
    std::string recovery_path;  // the autosaved .pstudio in the recovery folder
    std::string original_path;  // where the user saved the project; empty if never saved
    std::string saved_at;       // UTC, ISO 8601 ("2024-05-01T10:36:52Z")
    std::string session_id;     // "session-<pid>-<random>"
};

class RecoveryStore {
public:
    explicit RecoveryStore(std::string folder);

    // Creates the folder if needed and this session's lock, and clears the locks of sessions
    // that died before their first autosave. Calling it again within a session does nothing.
    Status beginSession();

    // Replaces this session's recovery with `project` (beginning the session if needed).
    // `original_path` is the user's project file, or empty for a project never saved; it is
    // only recorded, never written.
    Status autosave(const Project& project, const std::string& original_path);

    // Removes this session's recovery, its description and its lock: a clean exit, or the user
    // having saved or chosen to lose the work.
    Status endSession();

    // Recoveries of sessions that are no longer running, newest first; never this session's.
    std::vector<Recovery> findRecoveries() const;

    Result<Project> openRecovery(const Recovery& recovery) const;
    // Removes the recovery's files. BadInput when its session is still running.
    Status discardRecovery(const Recovery& recovery) const;

    const std::string& folder() const { return folder_; }
    // Empty outside a session.
    const std::string& sessionId() const { return session_id_; }

private:
    std::string pathFor(const std::string& session_id, const char* extension) const;
    bool sessionIsRunning(const std::string& session_id) const;
    void removeDeadLocks() const;

    std::string folder_;
    std::string session_id_;
};

}  // namespace ps

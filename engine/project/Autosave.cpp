#include "project/Autosave.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <system_error>

#include "project/ProjectFile.h"
#include "runtime/AtomicFile.h"
#include "runtime/Destination.h"

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <process.h>
#include <windows.h>
#else
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace fs = std::filesystem;

namespace ps {

namespace {

constexpr const char* kSessionPrefix = "session-";

long currentProcessId() {
#ifdef _WIN32
    return long(_getpid());
#else
    return long(getpid());
#endif
}

std::string randomTag() {
    std::random_device device;
    std::uniform_int_distribution<uint32_t> pick;
    char text[9];
    std::snprintf(text, sizeof(text), "%08x", pick(device));
    return text;
}

std::string isoTimeUtc(std::time_t when) {
    std::tm parts{};
#ifdef _WIN32
    gmtime_s(&parts, &when);
#else
    gmtime_r(&when, &parts);
#endif
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A process that started after the lock was written cannot have written it: the operating
// system reused the crashed session's process id (likely after a reboot, when ids start low).
#if defined(_WIN32)
bool processHoldsLock(long pid, const fs::path& lock) {
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (process == nullptr) {
        // Denied means a process exists that we may not inspect; assume it is the session.
        return GetLastError() == ERROR_ACCESS_DENIED;
    }
    DWORD exit_code = 0;
    bool running = GetExitCodeProcess(process, &exit_code) && exit_code == STILL_ACTIVE;
    FILETIME created, exited, kernel, user;
    WIN32_FILE_ATTRIBUTE_DATA lock_data;
    if (running && GetProcessTimes(process, &created, &exited, &kernel, &user) &&
        GetFileAttributesExW(lock.c_str(), GetFileExInfoStandard, &lock_data)) {
        running = CompareFileTime(&created, &lock_data.ftLastWriteTime) <= 0;
    }
    CloseHandle(process);
    return running;
}
#else
#if defined(__linux__)
// Seconds since the epoch at which `pid` started, from /proc; 0 when unknown.
double processStartTime_s(long pid) {
    const std::string stat = readText("/proc/" + std::to_string(pid) + "/stat");
    const size_t name_end = stat.rfind(')');  // the command name may hold spaces and parentheses
    if (name_end == std::string::npos) {
        return 0.0;
    }
    std::istringstream fields(stat.substr(name_end + 1));
    std::string field;
    // Field 22 of proc(5), starttime in clock ticks since boot, is the 20th after the name.
    for (int i = 0; i < 20 && fields >> field; ++i) {
    }
    if (!fields) {
        return 0.0;
    }
    const double start_ticks = std::strtod(field.c_str(), nullptr);
    std::istringstream kernel_stat(readText("/proc/stat"));
    std::string line;
    while (std::getline(kernel_stat, line)) {
        if (line.rfind("btime ", 0) == 0) {
            const double boot_s = std::strtod(line.c_str() + 6, nullptr);
            return boot_s + start_ticks / double(sysconf(_SC_CLK_TCK));
        }
    }
    return 0.0;
}
#endif

bool processHoldsLock(long pid, const fs::path& lock) {
    if (pid <= 0 || (kill(pid_t(pid), 0) == -1 && errno == ESRCH)) {
        return false;
    }
#if defined(__linux__)
    struct stat lock_stat {};
    const double start_s = processStartTime_s(pid);
    // The start time is the boot time as the clock reads now plus the time since: a clock set
    // forward after the lock was written moves it later. The margin keeps such a step from
    // declaring a running session dead; a reused id after a reboot is hours off, not minutes.
    constexpr double kClockSlack_s = 300.0;
    if (start_s > 0.0 && ::stat(lock.c_str(), &lock_stat) == 0 &&
        start_s > double(lock_stat.st_mtime) + kClockSlack_s) {
        return false;
    }
#else
    (void)lock;
#endif
    return true;
}
#endif

bool isSessionFile(const fs::path& file, const char* extension) {
    const std::string name = file.filename().string();
    return name.rfind(kSessionPrefix, 0) == 0 && file.extension() == extension;
}

// A session is running while its lock exists and names a process that was running when the lock
// was written. A lock that does not hold a number cannot be checked; treating it as dead errs
// towards showing the user their work.
bool lockIsHeld(const fs::path& lock) {
    std::error_code ec;
    if (!fs::exists(lock, ec)) {
        return false;
    }
    const std::string text = readText(lock);
    char* end = nullptr;
    const long pid = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str()) {
        return false;
    }
    return processHoldsLock(pid, lock);
}

fs::path sibling(const fs::path& file, const char* extension) {
    fs::path other = file;
    return other.replace_extension(extension);
}

// The folder's entries, without exceptions: a folder that cannot be listed has no recoveries.
std::vector<fs::path> entriesOf(const std::string& folder) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        entries.push_back(it->path());
    }
    return entries;
}

std::string textField(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// Removing a file that is already gone is success: the state asked for holds.
Status removeIfPresent(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
    if (ec) {
        return internalError(path + ": could not remove the file: " + ec.message());
    }
    return {};
}

}  // namespace

RecoveryStore::RecoveryStore(std::string folder) : folder_(std::move(folder)) {}

std::string RecoveryStore::pathFor(const std::string& session_id, const char* extension) const {
    return (fs::path(folder_) / (session_id + extension)).string();
}

bool RecoveryStore::sessionIsRunning(const std::string& session_id) const {
    return lockIsHeld(pathFor(session_id, ".lock"));
}

void RecoveryStore::removeDeadLocks() const {
    for (const fs::path& file : entriesOf(folder_)) {
        if (!isSessionFile(file, ".lock")) {
            continue;
        }
        const std::string id = file.stem().string();
        std::error_code exists_ec;
        if (id != session_id_ && !fs::exists(pathFor(id, ".pstudio"), exists_ec) &&
            !sessionIsRunning(id)) {
            std::error_code ignored;
            fs::remove(file, ignored);
        }
    }
}

Status RecoveryStore::beginSession() {
    if (!session_id_.empty()) {
        return {};
    }
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec) {
        return badInput(folder_, "cannot create the recovery folder: " + ec.message());
    }
    removeDeadLocks();
    const long pid = currentProcessId();
    const std::string id = kSessionPrefix + std::to_string(pid) + "-" + randomTag();
    const Status locked = writeFileAtomically(pathFor(id, ".lock"), std::to_string(pid) + "\n");
    if (!locked) {
        return locked;
    }
    session_id_ = id;
    return {};
}

Status RecoveryStore::autosave(const Project& project, const std::string& original_path) {
    if (const Status begun = beginSession(); !begun) {
        return begun;
    }
    const std::string recovery_path = pathFor(session_id_, ".pstudio");
    if (!original_path.empty() && sameFile(recovery_path, original_path)) {
        return badInput(original_path, "is this session's recovery file; save it elsewhere");
    }
    const Status written = writeProject(project, recovery_path, MediaLinks::Absolute);
    if (!written) {
        return written;
    }
    std::string original = original_path;
    if (!original.empty()) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(fs::u8path(original), ec);
        original = ec ? original : absolute.lexically_normal().u8string();
    }
    const nlohmann::json description = {
        {"original_path", original},
        {"saved_at", isoTimeUtc(std::time(nullptr))},
        {"pid", currentProcessId()},
    };
    return writeFileAtomically(pathFor(session_id_, ".json"), description.dump(2) + "\n");
}

Status RecoveryStore::endSession() {
    if (session_id_.empty()) {
        return {};
    }
    // The lock goes last: without it another studio would take the remaining files for a crash.
    for (const char* extension : {".pstudio", ".json", ".lock"}) {
        if (const Status removed = removeIfPresent(pathFor(session_id_, extension)); !removed) {
            return removed;
        }
    }
    session_id_.clear();
    return {};
}

std::vector<Recovery> RecoveryStore::findRecoveries() const {
    std::vector<Recovery> recoveries;
    for (const fs::path& file : entriesOf(folder_)) {
        const std::string id = file.stem().string();
        if (!isSessionFile(file, ".pstudio") || id == session_id_ || sessionIsRunning(id)) {
            continue;
        }
        Recovery recovery;
        recovery.recovery_path = file.string();
        recovery.session_id = id;
        // The description is written after the project, so a crash between the two leaves a
        // recovery without one: it is still the user's work, dated by the file itself.
        const nlohmann::json description =
            nlohmann::json::parse(readText(pathFor(id, ".json")), nullptr, false);
        if (description.is_object()) {
            recovery.original_path = textField(description, "original_path");
            recovery.saved_at = textField(description, "saved_at");
        }
        if (recovery.saved_at.empty()) {
            std::error_code time_ec;
            const auto written = fs::last_write_time(file, time_ec);
            const auto now_file = fs::file_time_type::clock::now();
            const auto age = std::chrono::duration_cast<std::chrono::seconds>(now_file - written);
            recovery.saved_at = isoTimeUtc(std::time(nullptr) - std::time_t(age.count()));
        }
        recoveries.push_back(std::move(recovery));
    }
    std::sort(recoveries.begin(), recoveries.end(),
              [](const Recovery& a, const Recovery& b) { return a.saved_at > b.saved_at; });
    return recoveries;
}

Result<Project> RecoveryStore::openRecovery(const Recovery& recovery) const {
    return readProject(recovery.recovery_path);
}

Status RecoveryStore::discardRecovery(const Recovery& recovery) const {
    // The session's other files are found beside the recovery file, whichever store listed it.
    const fs::path file(recovery.recovery_path);
    const std::string id = file.stem().string();
    if (!isSessionFile(file, ".pstudio")) {
        return badInput(recovery.recovery_path, "is not a recovery file");
    }
    if (id == session_id_ || lockIsHeld(sibling(file, ".lock"))) {
        return badInput(recovery.recovery_path, "belongs to a studio that is still running");
    }
    for (const char* extension : {".pstudio", ".json", ".lock"}) {
        if (const Status removed = removeIfPresent(sibling(file, extension).string()); !removed) {
            return removed;
        }
    }
    return {};
}

}  // namespace ps

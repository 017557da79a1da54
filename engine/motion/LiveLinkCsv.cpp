#include "motion/LiveLinkCsv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "motion/MotionChannel.h"
#include "runtime/AtomicFile.h"

namespace ps {

namespace {

// Head and eye angles, in the order Live Link Face writes them after the blendshapes.
constexpr const char* kAngleColumns[] = {"HeadYaw",     "HeadPitch",     "HeadRoll",
                                         "LeftEyeYaw",  "LeftEyePitch",  "LeftEyeRoll",
                                         "RightEyeYaw", "RightEyePitch", "RightEyeRoll"};
constexpr int kAngleCount = int(std::size(kAngleColumns));

// The channel each angle column drives; FaceState has no eye roll.
constexpr int kAngleChannels[] = {kHeadYawChannel,     kHeadPitchChannel,     kHeadRollChannel,
                                  kLeftEyeYawChannel,  kLeftEyePitchChannel,  -1,
                                  kRightEyeYawChannel, kRightEyePitchChannel, -1};
static_assert(std::size(kAngleChannels) == std::size(kAngleColumns), "one channel per column");

constexpr double kDegreesPerRadian = 180.0 / 3.14159265358979323846;

// The rates a timecode's frame count snaps to, and the one an ambiguous take is read at.
constexpr int kTimecodeRates[] = {24, 25, 30, 50, 60};
constexpr int kAmbiguousRate = 60;
constexpr long long kMaxTake_s = 4 * 3600;

std::string timecode(long long frame, double fps) {
    // Timecode counts whole frames per second: 24 for 23.976, 30 for 29.97.
    const long long per_second = std::max(1LL, (long long)std::ceil(fps - 1e-6));
    const long long seconds = frame / per_second;
    char text[96];  // room for any long long, so nothing is ever cut
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld:%02lld.000", seconds / 3600,
                  (seconds / 60) % 60, seconds % 60, frame % per_second);
    return text;
}

// Seven significant digits hold weights to 1e-7 and radians to a few 1e-5 degrees; to_chars
// writes a '.' whatever the process's locale (a Qt program takes the user's, where printf
// might write "0,5").
void appendNumber(std::string& out, double value) {
    char text[32];
    text[0] = ',';
    const auto [end, error] =
        std::to_chars(text + 1, text + sizeof text, std::abs(value) < 5e-7 ? 0.0 : value,
                      std::chars_format::general, 7);
    out.append(text, error == std::errc() ? end : text + 1);
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

std::vector<std::string_view> splitFields(std::string_view line) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    for (;;) {
        const size_t comma = line.find(',', start);
        fields.push_back(trimmed(line.substr(start, comma - start)));
        if (comma == std::string_view::npos) {
            return fields;
        }
        start = comma + 1;
    }
}

// The channel a header names, -1 for a column that is known but unused (BlendShapeCount, eye
// roll), nullopt for one this reader does not know.
std::optional<int> columnChannel(std::string_view name) {
    std::string arkit(name);
    if (!arkit.empty()) {
        arkit[0] = char(std::tolower(static_cast<unsigned char>(arkit[0])));
    }
    if (const std::optional<Blendshape> shape = blendshapeFromName(arkit)) {
        return static_cast<int>(*shape);
    }
    for (int i = 0; i < kAngleCount; ++i) {
        std::string column = kAngleColumns[i];
        column[0] = char(std::tolower(static_cast<unsigned char>(column[0])));
        if (column == arkit) {
            return kAngleChannels[i];
        }
    }
    if (arkit == "blendShapeCount") {
        return -1;
    }
    return std::nullopt;
}

struct Timecode {
    long long second = 0;  // since midnight
    int frame = 0;         // within the second
};

bool parseDigits(std::string_view text, int max_digits, int& out) {
    if (text.empty() || int(text.size()) > max_digits) {
        return false;
    }
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

// HH:MM:SS:FF with an optional .mmm sub-frame; drop-frame timecode writes ';' before FF.
std::optional<Timecode> parseTimecode(std::string_view text) {
    const size_t dot = text.find('.');
    if (dot != std::string_view::npos) {
        const std::string_view sub = text.substr(dot + 1);
        if (sub.empty() || !std::all_of(sub.begin(), sub.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            })) {
            return std::nullopt;
        }
        text = text.substr(0, dot);
    }
    int parts[4];
    for (int i = 0; i < 4; ++i) {
        const size_t separator =
            i < 3 ? text.find_first_of(i == 2 ? ":;" : ":") : std::string_view::npos;
        if (i < 3 && separator == std::string_view::npos) {
            return std::nullopt;
        }
        if (!parseDigits(text.substr(0, separator), 2, parts[i])) {
            return std::nullopt;
        }
        text = i < 3 ? text.substr(separator + 1) : std::string_view();
    }
    if (parts[1] >= 60 || parts[2] >= 60) {
        return std::nullopt;
    }
    return Timecode{parts[0] * 3600LL + parts[1] * 60LL + parts[2], parts[3]};
}

bool parseNumber(std::string_view text, double& out) {
    // from_chars reads "1.5" the same in every locale and takes no leading '+', which no CSV
    // writer of this layout produces.
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

std::string lineError(int line, const std::string& problem) {
    return "line " + std::to_string(line) + ": " + problem;
}

struct Row {
    Timecode timecode;
    ChannelValues values{};
};

}  // namespace

std::string liveLinkCsvHeader() {
    std::string header = "Timecode,BlendShapeCount";
    for (int i = 0; i < kBlendshapeCount; ++i) {
        std::string name(blendshapeName(static_cast<Blendshape>(i)));
        name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
        header += "," + name;
    }
    for (const char* column : kAngleColumns) {
        header += std::string(",") + column;
    }
    return header;
}

std::string liveLinkCsv(const FaceTrack& track) {
    std::string out = liveLinkCsvHeader() + "\n";
    out.reserve(out.size() + track.frames.size() * 400);
    const std::string count = "," + std::to_string(kBlendshapeCount + kAngleCount);
    for (size_t k = 0; k < track.frames.size(); ++k) {
        const FaceState& s = track.frames[k];
        out += timecode((long long)k, track.fps);
        out += count;
        for (float w : s.weights) {
            appendNumber(out, w);
        }
        // Yaw, pitch, roll: ours are stored pitch (x), yaw (y), roll (z), in degrees.
        const auto radians = [](float degrees) { return double(degrees) / kDegreesPerRadian; };
        appendNumber(out, radians(s.head_deg.y));
        appendNumber(out, radians(s.head_deg.x));
        appendNumber(out, radians(s.head_deg.z));
        appendNumber(out, radians(s.left_eye_deg.x));
        appendNumber(out, radians(s.left_eye_deg.y));
        appendNumber(out, 0.0);
        appendNumber(out, radians(s.right_eye_deg.x));
        appendNumber(out, radians(s.right_eye_deg.y));
        appendNumber(out, 0.0);
        out += "\n";
    }
    return out;
}

Status writeLiveLinkCsv(const FaceTrack& track, const std::string& path) {
    return writeFileAtomically(path, liveLinkCsv(track));
}

Result<FaceTrack> faceTrackFromLiveLinkCsv(const std::string& text, const std::string& source) {
    std::vector<std::string_view> lines;
    {
        std::string_view rest(text);
        if (rest.substr(0, 3) == "\xEF\xBB\xBF") {
            rest.remove_prefix(3);  // a byte-order mark, as spreadsheet programs save
        }
        while (!rest.empty()) {
            const size_t end = rest.find('\n');
            lines.push_back(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        }
        while (!lines.empty() && trimmed(lines.back()).empty()) {
            lines.pop_back();
        }
    }
    if (lines.empty()) {
        return badInput(source, "is empty");
    }

    // The header: which channel each column feeds.
    const std::vector<std::string_view> header = splitFields(lines[0]);
    int timecode_column = -1;
    std::vector<int> channel_of(header.size(), -1);
    std::vector<bool> seen(kMotionChannelCount, false);
    for (size_t c = 0; c < header.size(); ++c) {
        if (header[c] == "Timecode" || header[c] == "timecode") {
            timecode_column = int(c);
            continue;
        }
        const std::optional<int> channel = columnChannel(header[c]);
        if (!channel || *channel < 0) {
            continue;  // unknown columns are another tool's additions
        }
        if (seen[size_t(*channel)]) {
            return badInput(source, "has two \"" + std::string(header[c]) + "\" columns");
        }
        seen[size_t(*channel)] = true;
        channel_of[c] = *channel;
    }
    if (timecode_column < 0) {
        return badInput(source,
                        "is not a Live Link Face CSV (its first line has no \"Timecode\" column)");
    }
    if (lines.size() < 2) {
        return badInput(source, "has a Live Link Face header but no frames");
    }

    std::vector<Row> rows;
    rows.reserve(lines.size() - 1);
    int largest_frame = 0;
    for (size_t i = 1; i < lines.size(); ++i) {
        const int line = int(i) + 1;
        const std::vector<std::string_view> fields = splitFields(lines[i]);
        if (fields.size() != header.size()) {
            return badInput(source, lineError(line, "has " + std::to_string(fields.size()) +
                                                        " fields where the header has " +
                                                        std::to_string(header.size())));
        }
        Row row;
        const std::optional<Timecode> timecode = parseTimecode(fields[size_t(timecode_column)]);
        if (!timecode) {
            return badInput(source,
                            lineError(line, "\"" + std::string(fields[size_t(timecode_column)]) +
                                                "\" is not a timecode (HH:MM:SS:FF)"));
        }
        if (timecode->frame >= kTimecodeRates[std::size(kTimecodeRates) - 1]) {
            return badInput(source, lineError(line, "frame " + std::to_string(timecode->frame) +
                                                        " of a second is beyond Live Link "
                                                        "Face's 60 frames a second"));
        }
        row.timecode = *timecode;
        largest_frame = std::max(largest_frame, timecode->frame);
        for (size_t c = 0; c < fields.size(); ++c) {
            const int channel = channel_of[c];
            if (channel < 0) {
                continue;
            }
            double value = 0.0;
            if (!parseNumber(fields[c], value)) {
                return badInput(source,
                                lineError(line, "\"" + std::string(fields[c]) + "\" in column " +
                                                    std::string(header[c]) + " is not a number"));
            }
            row.values[size_t(channel)] =
                float(isAngleChannel(channel) ? value * kDegreesPerRadian : value);
        }
        rows.push_back(row);
    }

    // Only a take that crosses into another second has shown a second's last frame.
    const bool one_second = std::all_of(rows.begin(), rows.end(), [&](const Row& row) {
        return row.timecode.second == rows.front().timecode.second;
    });
    int rate = kAmbiguousRate;
    if (!one_second) {
        for (const int candidate : kTimecodeRates) {
            if (candidate >= largest_frame + 1) {
                rate = candidate;
                break;
            }
        }
    }

    const auto frameOf = [&](const Timecode& timecode) {
        return (timecode.second - rows.front().timecode.second) * rate + timecode.frame -
               rows.front().timecode.frame;
    };
    FaceTrack track;
    track.fps = double(rate);
    long long previous = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const long long frame = frameOf(rows[i].timecode);
        const int line = int(i) + 2;
        if (frame < previous) {
            return badInput(source, lineError(line, "the timecode goes back in time"));
        }
        if (frame > kMaxTake_s * rate) {
            return badInput(source,
                            lineError(line, "the take runs past four hours from its first row"));
        }
        // Frames without a row of their own hold the row before.
        while ((long long)track.frames.size() < frame) {
            track.frames.push_back(track.frames.back());
        }
        FaceState state;
        setChannels(state, rows[i].values);
        if ((long long)track.frames.size() == frame) {
            track.frames.push_back(state);
        } else {
            track.frames.back() = state;  // a second row on the same frame: the later wins
        }
        previous = frame;
    }
    return track;
}

Result<FaceTrack> readLiveLinkCsv(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return badInput(path,
                        std::filesystem::exists(path, error) ? "is not a file" : "does not exist");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in) {
        return badInput(path, "cannot be opened");
    }
    text << in.rdbuf();
    return faceTrackFromLiveLinkCsv(text.str(), path);
}

}  // namespace ps

#include "motion/MotionDocumentJson.h"

#include <cmath>
#include <map>

#include "face/FaceMesh.h"
#include "motion/JsonFloat.h"
#include "motion/KeyframeJson.h"
#include "motion/MotionChannel.h"
#include "motion/MotionValidation.h"
#include "motion/TemplateJson.h"

namespace ps {

namespace {

using nlohmann::json;

const char* blendName(BlendMode blend) {
    return blend == BlendMode::Override ? "override" : "add";
}

json clipJson(const ExpressionClip& clip) {
    return {{"id", clip.id},
            {"template", templateToJsonValue(clip.expression)},
            {"start_s", clip.start_s},
            {"duration_s", clip.duration_s},
            {"intensity", jsonFloat(clip.intensity)},
            {"fade_in_s", clip.fade_in_s},
            {"fade_out_s", clip.fade_out_s},
            {"enabled", clip.enabled}};
}

// A capture can hold minutes of frames, so each frame is one plain list of channel values in the
// order "channels" names (an unnamed position per value would break when channels are added).
json captureJson(const CaptureLayer& capture) {
    json names = json::array();
    for (int c = 0; c < kMotionChannelCount; ++c) {
        names.push_back(std::string(motionChannelName(c)));
    }
    json frames = json::array();
    json speech = json::array();
    for (const FaceState& state : capture.track.frames) {
        json values = json::array();
        for (float value : channelsOf(state)) {
            values.push_back(jsonFloat(value));
        }
        frames.push_back(std::move(values));
        speech.push_back(jsonFloat(state.speech));
    }
    return {{"id", capture.id},
            {"name", capture.name},
            {"start_s", capture.start_s},
            {"blend", blendName(capture.blend)},
            {"strength", jsonFloat(capture.strength)},
            {"enabled", capture.enabled},
            {"regions", std::string(captureRegionName(capture.regions))},
            {"fps", capture.track.fps},
            {"channels", std::move(names)},
            {"frames", std::move(frames)},
            {"speech", std::move(speech)}};
}

json curveJson(const KeyframeCurve& curve) {
    return {{"id", curve.id},
            {"channel", std::string(motionChannelName(curve.channel))},
            {"blend", blendName(curve.blend)},
            {"enabled", curve.enabled},
            {"keys", keysToJson(curve.keys)}};
}

json sculptJson(const LandmarkSculpt& sculpt) {
    return {{"id", sculpt.id},
            {"center_vertex", sculpt.center_vertex},
            {"radius_cm", jsonFloat(sculpt.radius_cm)},
            {"offset_cm",
             {jsonFloat(sculpt.offset_cm.x), jsonFloat(sculpt.offset_cm.y),
              jsonFloat(sculpt.offset_cm.z)}},
            {"strength", keysToJson(sculpt.strength)},
            {"enabled", sculpt.enabled}};
}

json visemeJson(const VisemeOverride& viseme) {
    return {{"id", viseme.id},
            {"start_s", viseme.start_s},
            {"end_s", viseme.end_s},
            {"shape", mouthShapeKey(viseme.shape)},
            {"enabled", viseme.enabled}};
}

enum class Range {
    Any = 1,
    NotNegative,
    Positive,
};

// Reads typed fields and keeps the first problem as "<source>: <where>.<key> <problem>", so each
// element's reader is a list of fields rather than a ladder of checks.
class FieldReader {
public:
    explicit FieldReader(const std::string& source) : source_(source) {}

    const std::string& source() const { return source_; }
    const Error& error() const { return error_; }
    bool fail(const std::string& problem) { return fail(badInput(source_, problem)); }
    // Errors from the shared key and template readers arrive whole.
    bool fail(Error error) {
        error_ = std::move(error);
        return false;
    }

    static std::string path(const std::string& where, const char* key) {
        return where.empty() ? std::string(key) : where + "." + key;
    }

    // The field itself, or nullptr after recording that it is missing.
    const json* field(const json& object, const std::string& where, const char* key) {
        const auto found = object.find(key);
        if (found == object.end()) {
            fail(path(where, key) + " is missing");
            return nullptr;
        }
        return &*found;
    }

    bool object(const json& value, const std::string& where) {
        return value.is_object() || fail(where + " is not an object");
    }

    bool list(const json& value, const std::string& where) {
        return value.is_array() || fail(where + " is not a list");
    }

    bool realValue(const json& value, const std::string& where, double& out, Range range) {
        if (!value.is_number()) {
            return fail(where + " is not a number");
        }
        const double number = value.get<double>();
        if (!std::isfinite(number)) {
            return fail(where + " is not a finite number");
        }
        if (range == Range::NotNegative && number < 0.0) {
            return fail(where + " must not be negative");
        }
        if (range == Range::Positive && !(number > 0.0)) {
            return fail(where + " must be more than 0");
        }
        out = number;
        return true;
    }

    bool realValue(const json& value, const std::string& where, float& out, Range range) {
        double number = 0.0;
        if (!realValue(value, where, number, range)) {
            return false;
        }
        // Halfway past the largest float rounds to infinity; anything below rounds to a float.
        constexpr double kFloatOverflow = 0x1.ffffffp127;
        if (std::abs(number) >= kFloatOverflow) {
            return fail(where + " is too large");
        }
        out = static_cast<float>(number);
        return true;
    }

    template <class T>
    bool real(const json& object, const std::string& where, const char* key, T& out,
              Range range = Range::Any) {
        const json* value = field(object, where, key);
        return value && realValue(*value, path(where, key), out, range);
    }

    bool whole(const json& object, const std::string& where, const char* key, uint64_t& out) {
        const json* value = field(object, where, key);
        if (!value) {
            return false;
        }
        if (!value->is_number_unsigned()) {
            return fail(path(where, key) + " is not a whole number of 0 or more");
        }
        out = value->get<uint64_t>();
        return true;
    }

    bool boolean(const json& object, const std::string& where, const char* key, bool& out) {
        const json* value = field(object, where, key);
        if (!value) {
            return false;
        }
        if (!value->is_boolean()) {
            return fail(path(where, key) + " is not true or false");
        }
        out = value->get<bool>();
        return true;
    }

    bool text(const json& object, const std::string& where, const char* key, std::string& out) {
        const json* value = field(object, where, key);
        if (!value) {
            return false;
        }
        if (!value->is_string()) {
            return fail(path(where, key) + " is not text");
        }
        out = value->get<std::string>();
        return true;
    }

    bool blend(const json& object, const std::string& where, BlendMode& out) {
        std::string name;
        if (!text(object, where, "blend", name)) {
            return false;
        }
        if (name == "add") {
            out = BlendMode::Add;
        } else if (name == "override") {
            out = BlendMode::Override;
        } else {
            return fail(path(where, "blend") + " \"" + name + "\" is not add or override");
        }
        return true;
    }

    bool keys(const json& object, const std::string& where, const char* key,
              std::vector<Keyframe>& out) {
        const json* value = field(object, where, key);
        if (!value) {
            return false;
        }
        Result<std::vector<Keyframe>> read = keysFromJson(*value, source_, path(where, key));
        if (!read.ok()) {
            return fail(read.error());
        }
        out = std::move(*read);
        return true;
    }

private:
    std::string source_;
    Error error_;
};

// Every element's id: nonzero, below next_id and used once across all kinds, so an undo that
// looks an element up by id finds exactly one.
class IdRegistry {
public:
    explicit IdRegistry(ElementId next_id) : next_id_(next_id) {}

    bool add(FieldReader& reader, const json& object, const std::string& where, ElementId& out) {
        uint64_t id = 0;
        if (!reader.whole(object, where, "id", id)) {
            return false;
        }
        const std::string at = FieldReader::path(where, "id");
        if (id == 0) {
            return reader.fail(at + " must not be 0");
        }
        if (id >= next_id_) {
            return reader.fail(at + " " + std::to_string(id) + " is not below next_id " +
                               std::to_string(next_id_));
        }
        const auto [it, inserted] = owners_.emplace(id, where);
        if (!inserted) {
            return reader.fail(at + " " + std::to_string(id) + " is also the id of " + it->second);
        }
        out = id;
        return true;
    }

private:
    ElementId next_id_;
    std::map<ElementId, std::string> owners_;
};

std::string indexed(const char* list, size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

bool readVoice(FieldReader& r, const json& root, VoiceLayerSettings& voice) {
    const json* v = r.field(root, "", "voice");
    return v && r.object(*v, "voice") && r.boolean(*v, "voice", "enabled", voice.enabled) &&
           r.text(*v, "voice", "model_path", voice.model_path) &&
           r.real(*v, "voice", "nods", voice.nods) &&
           r.real(*v, "voice", "head_follow", voice.head_follow) &&
           r.whole(*v, "voice", "seed", voice.seed);
}

bool readIdle(FieldReader& r, const json& root, IdleLayerSettings& idle) {
    const json* v = r.field(root, "", "idle");
    return v && r.object(*v, "idle") && r.boolean(*v, "idle", "enabled", idle.enabled) &&
           r.real(*v, "idle", "blinks_per_min", idle.blinks_per_min, Range::NotNegative) &&
           r.real(*v, "idle", "sway", idle.sway) && r.whole(*v, "idle", "seed", idle.seed);
}

bool readStrengths(FieldReader& r, const json& root, MotionStrengths& strengths) {
    const json* v = r.field(root, "", "strengths");
    return v && r.object(*v, "strengths") && r.real(*v, "strengths", "lips", strengths.lips) &&
           r.real(*v, "strengths", "expressions", strengths.expressions) &&
           r.real(*v, "strengths", "head", strengths.head) &&
           r.real(*v, "strengths", "blink_rate", strengths.blink_rate, Range::NotNegative);
}

bool readClip(FieldReader& r, IdRegistry& ids, const json& item, const std::string& where,
              ExpressionClip& clip) {
    if (!r.object(item, where) || !ids.add(r, item, where, clip.id)) {
        return false;
    }
    const json* expression = r.field(item, where, "template");
    if (!expression) {
        return false;
    }
    Result<ExpressionTemplate> read = templateFromJsonValue(
        *expression, r.source() + ": " + FieldReader::path(where, "template"));
    if (!read.ok()) {
        return r.fail(read.error());
    }
    clip.expression = std::move(*read);
    return r.real(item, where, "start_s", clip.start_s) &&
           r.real(item, where, "duration_s", clip.duration_s, Range::Positive) &&
           r.real(item, where, "intensity", clip.intensity) &&
           r.real(item, where, "fade_in_s", clip.fade_in_s, Range::NotNegative) &&
           r.real(item, where, "fade_out_s", clip.fade_out_s, Range::NotNegative) &&
           r.boolean(item, where, "enabled", clip.enabled);
}

// Which channel each column of a capture's frames holds, from the capture's "channels" names.
bool readCaptureColumns(FieldReader& r, const json& item, const std::string& where,
                        std::vector<int>& columns) {
    const json* names = r.field(item, where, "channels");
    const std::string at = FieldReader::path(where, "channels");
    if (!names || !r.list(*names, at)) {
        return false;
    }
    std::vector<bool> seen(kMotionChannelCount, false);
    for (size_t i = 0; i < names->size(); ++i) {
        const json& name = (*names)[i];
        const std::optional<int> channel =
            name.is_string() ? motionChannelFromName(name.get<std::string>()) : std::nullopt;
        if (!channel) {
            return r.fail(indexed(at.c_str(), i) + " is not a channel name");
        }
        if (seen[size_t(*channel)]) {
            return r.fail(indexed(at.c_str(), i) + " names a channel twice");
        }
        seen[size_t(*channel)] = true;
        columns.push_back(*channel);
    }
    return true;
}

bool readCaptureFrames(FieldReader& r, const json& item, const std::string& where,
                       FaceTrack& track) {
    std::vector<int> columns;
    if (!r.real(item, where, "fps", track.fps, Range::Positive) ||
        !readCaptureColumns(r, item, where, columns)) {
        return false;
    }
    const json* frames = r.field(item, where, "frames");
    const json* speech = r.field(item, where, "speech");
    const std::string frames_at = FieldReader::path(where, "frames");
    const std::string speech_at = FieldReader::path(where, "speech");
    if (!frames || !speech || !r.list(*frames, frames_at) || !r.list(*speech, speech_at)) {
        return false;
    }
    if (speech->size() != frames->size()) {
        return r.fail(speech_at + " has " + std::to_string(speech->size()) + " values for " +
                      std::to_string(frames->size()) + " frames");
    }
    track.frames.resize(frames->size());
    for (size_t k = 0; k < frames->size(); ++k) {
        const json& values = (*frames)[k];
        const std::string at = indexed(frames_at.c_str(), k);
        if (!r.list(values, at)) {
            return false;
        }
        if (values.size() != columns.size()) {
            return r.fail(at + " has " + std::to_string(values.size()) + " values for " +
                          std::to_string(columns.size()) + " channels");
        }
        ChannelValues channels{};
        for (size_t c = 0; c < columns.size(); ++c) {
            if (!r.realValue(values[c], indexed(at.c_str(), c), channels[size_t(columns[c])],
                             Range::Any)) {
                return false;
            }
        }
        setChannels(track.frames[k], channels);
        if (!r.realValue((*speech)[k], indexed(speech_at.c_str(), k), track.frames[k].speech,
                         Range::Any)) {
            return false;
        }
    }
    return true;
}

// Older projects have no "regions": their captures drive the whole face.
bool readCaptureRegions(FieldReader& r, const json& item, const std::string& where,
                        CaptureRegion& regions) {
    if (!item.contains("regions")) {
        regions = CaptureRegion::All;
        return true;
    }
    std::string name;
    if (!r.text(item, where, "regions", name)) {
        return false;
    }
    const std::optional<CaptureRegion> read = captureRegionFromName(name);
    if (!read) {
        return r.fail(FieldReader::path(where, "regions") + " \"" + name +
                      "\" is not all, upper, lower or head");
    }
    regions = *read;
    return true;
}

bool readCapture(FieldReader& r, IdRegistry& ids, const json& item, const std::string& where,
                 CaptureLayer& capture) {
    return r.object(item, where) && ids.add(r, item, where, capture.id) &&
           r.text(item, where, "name", capture.name) &&
           r.real(item, where, "start_s", capture.start_s) && r.blend(item, where, capture.blend) &&
           r.real(item, where, "strength", capture.strength) &&
           r.boolean(item, where, "enabled", capture.enabled) &&
           readCaptureRegions(r, item, where, capture.regions) &&
           readCaptureFrames(r, item, where, capture.track);
}

bool readCurve(FieldReader& r, IdRegistry& ids, const json& item, const std::string& where,
               KeyframeCurve& curve) {
    std::string channel;
    if (!r.object(item, where) || !ids.add(r, item, where, curve.id) ||
        !r.text(item, where, "channel", channel)) {
        return false;
    }
    const std::optional<int> index = motionChannelFromName(channel);
    if (!index) {
        return r.fail(FieldReader::path(where, "channel") + " \"" + channel +
                      "\" is not a channel name");
    }
    curve.channel = *index;
    return r.blend(item, where, curve.blend) && r.boolean(item, where, "enabled", curve.enabled) &&
           r.keys(item, where, "keys", curve.keys);
}

bool readSculpt(FieldReader& r, IdRegistry& ids, const json& item, const std::string& where,
                LandmarkSculpt& sculpt) {
    if (!r.object(item, where) || !ids.add(r, item, where, sculpt.id)) {
        return false;
    }
    const json* vertex = r.field(item, where, "center_vertex");
    if (!vertex) {
        return false;
    }
    if (!vertex->is_number_integer() || vertex->get<int64_t>() < 0 ||
        vertex->get<int64_t>() >= kFaceVertexCount) {
        return r.fail(FieldReader::path(where, "center_vertex") + " is not a vertex (0 to " +
                      std::to_string(kFaceVertexCount - 1) + ")");
    }
    sculpt.center_vertex = int(vertex->get<int64_t>());
    const json* offset = r.field(item, where, "offset_cm");
    const std::string offset_at = FieldReader::path(where, "offset_cm");
    if (!offset) {
        return false;
    }
    if (!offset->is_array() || offset->size() != 3) {
        return r.fail(offset_at + " is not a list of 3 numbers");
    }
    for (int axis = 0; axis < 3; ++axis) {
        if (!r.realValue((*offset)[size_t(axis)], indexed(offset_at.c_str(), size_t(axis)),
                         sculpt.offset_cm[axis], Range::Any)) {
            return false;
        }
    }
    return r.real(item, where, "radius_cm", sculpt.radius_cm, Range::Positive) &&
           r.keys(item, where, "strength", sculpt.strength) &&
           r.boolean(item, where, "enabled", sculpt.enabled);
}

bool readViseme(FieldReader& r, IdRegistry& ids, const json& item, const std::string& where,
                VisemeOverride& viseme) {
    std::string shape;
    if (!r.object(item, where) || !ids.add(r, item, where, viseme.id) ||
        !r.real(item, where, "start_s", viseme.start_s) ||
        !r.real(item, where, "end_s", viseme.end_s) || !r.text(item, where, "shape", shape)) {
        return false;
    }
    const std::optional<MouthShape> read = mouthShapeFromKey(shape);
    if (!read) {
        std::string known;
        for (int i = 0; i < kMouthShapeCount; ++i) {
            known += std::string(i == 0                      ? ""
                                 : i + 1 == kMouthShapeCount ? " or "
                                                             : ", ") +
                     mouthShapeKey(MouthShape(i));
        }
        return r.fail(FieldReader::path(where, "shape") + " \"" + shape + "\" is not " + known);
    }
    viseme.shape = *read;
    return r.boolean(item, where, "enabled", viseme.enabled);
}

// Reads the list `key` of `root`, one element at a time with `read`.
template <class T, class ReadOne>
bool readList(FieldReader& r, IdRegistry& ids, const json& root, const char* key,
              std::vector<T>& out, ReadOne read) {
    const json* items = r.field(root, "", key);
    if (!items || !r.list(*items, key)) {
        return false;
    }
    out.resize(items->size());
    for (size_t i = 0; i < items->size(); ++i) {
        if (!read(r, ids, (*items)[i], indexed(key, i), out[i])) {
            return false;
        }
    }
    return true;
}

// A list added after the first projects: absent reads as empty, so older files open.
template <class T, class ReadOne>
bool readOptionalList(FieldReader& r, IdRegistry& ids, const json& root, const char* key,
                      std::vector<T>& out, ReadOne read) {
    return !root.contains(key) || readList(r, ids, root, key, out, read);
}

bool readTranscript(FieldReader& r, const json& root, std::string& transcript) {
    return !root.contains("transcript") || r.text(root, "", "transcript", transcript);
}

std::string firstVisemeProblem(const MotionDocument& document) {
    for (size_t i = 0; i < document.visemes.size(); ++i) {
        if (const std::string problem = problemWith(document.visemes[i], document.duration_s);
            !problem.empty()) {
            return indexed("visemes", i) + ": " + problem;
        }
    }
    return {};
}

template <class T>
std::string firstProblemIn(const std::vector<T>& list, const char* key) {
    for (size_t i = 0; i < list.size(); ++i) {
        if (const std::string problem = problemWith(list[i]); !problem.empty()) {
            return indexed(key, i) + ": " + problem;
        }
    }
    return {};
}

std::string firstProblem(const MotionDocument& document) {
    for (const std::string& problem :
         {std::string(problemWith(document.voice)), std::string(problemWith(document.idle)),
          problemWith(document.strengths), firstProblemIn(document.clips, "clips"),
          firstProblemIn(document.captures, "captures"), firstProblemIn(document.curves, "curves"),
          firstProblemIn(document.sculpts, "sculpts"), firstVisemeProblem(document)}) {
        if (!problem.empty()) {
            return problem;
        }
    }
    return {};
}

}  // namespace

nlohmann::json motionDocumentToJson(const MotionDocument& document) {
    json clips = json::array();
    for (const ExpressionClip& clip : document.clips) {
        clips.push_back(clipJson(clip));
    }
    json captures = json::array();
    for (const CaptureLayer& capture : document.captures) {
        captures.push_back(captureJson(capture));
    }
    json curves = json::array();
    for (const KeyframeCurve& curve : document.curves) {
        curves.push_back(curveJson(curve));
    }
    json sculpts = json::array();
    for (const LandmarkSculpt& sculpt : document.sculpts) {
        sculpts.push_back(sculptJson(sculpt));
    }
    const VoiceLayerSettings& voice = document.voice;
    const IdleLayerSettings& idle = document.idle;
    const MotionStrengths& strengths = document.strengths;
    json out = {{"duration_s", document.duration_s},
                {"voice",
                 {{"enabled", voice.enabled},
                  {"model_path", voice.model_path},
                  {"nods", jsonFloat(voice.nods)},
                  {"head_follow", jsonFloat(voice.head_follow)},
                  {"seed", voice.seed}}},
                {"idle",
                 {{"enabled", idle.enabled},
                  {"blinks_per_min", idle.blinks_per_min},
                  {"sway", jsonFloat(idle.sway)},
                  {"seed", idle.seed}}},
                {"strengths",
                 {{"lips", jsonFloat(strengths.lips)},
                  {"expressions", jsonFloat(strengths.expressions)},
                  {"head", jsonFloat(strengths.head)},
                  {"blink_rate", jsonFloat(strengths.blink_rate)}}},
                {"clips", std::move(clips)},
                {"captures", std::move(captures)},
                {"curves", std::move(curves)},
                {"sculpts", std::move(sculpts)},
                {"next_id", document.next_id}};
    // Written only when there is something, so a project without them reads as before.
    if (!document.visemes.empty()) {
        json visemes = json::array();
        for (const VisemeOverride& viseme : document.visemes) {
            visemes.push_back(visemeJson(viseme));
        }
        out["visemes"] = std::move(visemes);
    }
    if (!document.transcript.empty()) {
        out["transcript"] = document.transcript;
    }
    return out;
}

Result<MotionDocument> motionDocumentFromJson(const nlohmann::json& json,
                                              const std::string& source) {
    if (!json.is_object()) {
        return badInput(source, "the motion is not an object");
    }
    FieldReader r(source);
    MotionDocument document;
    uint64_t next_id = 0;
    if (!r.whole(json, "", "next_id", next_id)) {
        return r.error();
    }
    if (next_id == 0) {
        return badInput(source, "next_id must not be 0");
    }
    document.next_id = next_id;
    IdRegistry ids(next_id);
    const bool ok = r.real(json, "", "duration_s", document.duration_s, Range::NotNegative) &&
                    readVoice(r, json, document.voice) && readIdle(r, json, document.idle) &&
                    readStrengths(r, json, document.strengths) &&
                    readList(r, ids, json, "clips", document.clips, readClip) &&
                    readList(r, ids, json, "captures", document.captures, readCapture) &&
                    readList(r, ids, json, "curves", document.curves, readCurve) &&
                    readList(r, ids, json, "sculpts", document.sculpts, readSculpt) &&
                    readOptionalList(r, ids, json, "visemes", document.visemes, readViseme) &&
                    readTranscript(r, json, document.transcript);
    if (!ok) {
        return r.error();
    }
    // What an edit would refuse, a file may not bring in either (motion/MotionValidation).
    if (const std::string problem = firstProblem(document); !problem.empty()) {
        return badInput(source, problem);
    }
    return document;
}

}  // namespace ps

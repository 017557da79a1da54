#include "train/FestivalSpeech.h"

#include <iconv.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "media/AudioClip.h"
#include "train/ExternalProgram.h"
#include "train/FestivalPhoneSets.h"
#include "train/MonoResampler.h"
#include "train/PcmWaveFile.h"

namespace ps::train {
namespace {

namespace fs = std::filesystem;

constexpr std::chrono::milliseconds kTimeout{120000};
constexpr const char* kFestivalVoicesDir = "/usr/share/festival/voices";

// A temporary folder, removed with everything in it when this goes.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "ps-festival-XXXXXX").string();
        if (mkdtemp(pattern.data()) != nullptr) {
            path_ = pattern;
        }
    }
    ~TemporaryFolder() {
        if (!path_.empty()) {
            std::error_code ignored;
            fs::remove_all(path_, ignored);
        }
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// `utf8` in `charset`, dropping what the charset cannot hold.
std::string encodeText(const std::string& utf8, const std::string& charset) {
    iconv_t cd = iconv_open(charset.c_str(), "UTF-8");
    if (cd == iconv_t(-1)) {
        return utf8;
    }
    std::string out;
    char* in = const_cast<char*>(utf8.data());
    size_t in_left = utf8.size();
    char buffer[256];
    while (in_left > 0) {
        char* o = buffer;
        size_t o_left = sizeof(buffer);
        const size_t done = iconv(cd, &in, &in_left, &o, &o_left);
        out.append(buffer, size_t(o - buffer));
        if (done == size_t(-1) && errno == EILSEQ) {
            // Skip the character: its lead byte and continuation bytes.
            ++in, --in_left;
            while (in_left > 0 && (static_cast<unsigned char>(*in) & 0xC0) == 0x80) {
                ++in, --in_left;
            }
            out += ' ';
        } else if (done == size_t(-1) && errno != E2BIG) {
            break;
        }
    }
    iconv_close(cd);
    return out;
}

std::string schemeString(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        quoted += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return quoted + "\"";
}

struct Segment {
    std::string name;
    double end_s = 0.0;
    bool stressed = false;
};

// Segments in order into a timeline: each starts where the one before it ended, pauses left out.
Result<PhonemeTimeline> timelineOf(const std::vector<Segment>& segments, const FestivalVoice& v) {
    PhonemeTimeline timeline;
    double start = 0.0;
    for (const Segment& s : segments) {
        Result<std::optional<IpaPhone>> phone = festivalPhoneToIpa(v.phone_set, s.name);
        if (!phone) {
            return internalError(v.name + ": " + phone.error().message);
        }
        if (*phone && s.end_s > start) {
            timeline.push_back({(*phone)->ipa, start, s.end_s, s.stressed || (*phone)->stressed});
        }
        start = std::max(start, s.end_s);
    }
    return timeline;
}

Result<Utterance> utteranceOf(const std::string& wave_path, const std::vector<Segment>& segments,
                              const FestivalVoice& voice) {
    Result<MonoWave> wave = readPcm16Wave(wave_path);
    if (!wave) {
        return internalError(voice.name + " wrote no usable audio: " + wave.error().message);
    }
    Result<PhonemeTimeline> timeline = timelineOf(segments, voice);
    if (!timeline) {
        return timeline.error();
    }
    if (timeline->empty()) {
        return internalError(voice.name + ": said no phones");
    }
    Utterance u;
    u.native_sample_rate_hz = wave->sample_rate_hz;
    if (wave->sample_rate_hz == kAnalysisSampleRate_hz) {
        u.audio = {kAnalysisSampleRate_hz, 1, std::move(wave->samples)};
    } else {
        Result<PcmBuffer> resampled =
            resampleMono(wave->samples, wave->sample_rate_hz, kAnalysisSampleRate_hz);
        if (!resampled) {
            return resampled.error();
        }
        u.audio = std::move(resampled).value();
    }
    u.phonemes = std::move(timeline).value();
    return u;
}

Result<Utterance> speakFestival(const FestivalSpec& spec, const FestivalVoice& voice,
                                const TemporaryFolder& folder) {
    const std::string wave_path = folder.path() + "/speech.wav";
    const std::string script_path = folder.path() + "/speak.scm";
    std::ostringstream script;
    script << "(voice_" << voice.name << ")\n"
           << "(Parameter.set 'Duration_Stretch " << spec.duration_stretch << ")\n"
           << "(set! utt (utt.synth (Utterance Text "
           << schemeString(encodeText(spec.text, voice.charset)) << ")))\n"
           << "(utt.save.wave utt " << schemeString(wave_path) << " 'riff)\n"
           << "(mapcar (lambda (s) (format t \"SEG %s %f %s\\n\" (item.name s) "
              "(item.feat s \"end\") (item.feat s \"R:SylStructure.parent.stress\"))) "
              "(utt.relation.items utt 'Segment))\n";
    {
        std::ofstream file(script_path, std::ios::binary);
        file << script.str();
        if (!file) {
            return internalError(script_path + ": cannot be written");
        }
    }
    Result<ProgramOutput> run = runProgram({"festival", "-b", script_path}, kTimeout);
    if (!run) {
        return run.error();
    }
    if (run->exit_status != 0 || run->out.find("SIOD ERROR") != std::string::npos ||
        run->err.find("SIOD ERROR") != std::string::npos) {
        std::string why = run->err.empty() ? run->out : run->err;
        why = why.substr(0, why.find('\n'));
        return internalError("festival (" + voice.name + ") failed: " + why);
    }
    std::vector<Segment> segments;
    std::istringstream lines(run->out);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string tag;
        Segment s;
        int stress = 0;
        if (words >> tag && tag == "SEG" && words >> s.name >> s.end_s) {
            s.stressed = (words >> stress) && stress > 0;
            segments.push_back(std::move(s));
        }
    }
    return utteranceOf(wave_path, segments, voice);
}

Result<Utterance> speakFlite(const FestivalSpec& spec, const FestivalVoice& voice,
                             const TemporaryFolder& folder) {
    const std::string wave_path = folder.path() + "/speech.wav";
    std::ostringstream stretch;
    stretch << "duration_stretch=" << spec.duration_stretch;
    Result<ProgramOutput> run =
        runProgram({"flite", "-voice", voice.name, "--setf", stretch.str(), "-psdur", "-t",
                    encodeText(spec.text, voice.charset), "-o", wave_path},
                   kTimeout);
    if (!run) {
        return run.error();
    }
    if (run->exit_status != 0) {
        return internalError("flite (" + voice.name +
                             ") failed: " + run->err.substr(0, run->err.find('\n')));
    }
    // "pau:0.216 p:0.304 …": each segment's name and end.
    std::vector<Segment> segments;
    std::istringstream words(run->out);
    std::string word;
    while (words >> word) {
        const size_t colon = word.rfind(':');
        if (colon == std::string::npos || colon == 0) {
            continue;
        }
        char* end = nullptr;
        const double t = std::strtod(word.c_str() + colon + 1, &end);
        if (end != word.c_str() + colon + 1) {
            segments.push_back({word.substr(0, colon), t, false});
        }
    }
    return utteranceOf(wave_path, segments, voice);
}

}  // namespace

const std::vector<FestivalVoice>& festivalVoices() {
    using P = FestivalProgram;
    static const std::vector<FestivalVoice> voices = {
        {P::Festival, "ked_diphone", "en", "radio", "ISO-8859-1", "festvox-kdlpc16k"},
        {P::Festival, "czech_dita", "cs", "czech", "ISO-8859-2", "festvox-czech-dita"},
        {P::Festival, "czech_machac", "cs", "czech", "ISO-8859-2", "festvox-czech-machac"},
        {P::Festival, "suo_fi_lj_diphone", "fi", "finnish", "ISO-8859-1", "festvox-suopuhe-lj"},
        {P::Festival, "hy_fi_mv_diphone", "fi", "finnish", "ISO-8859-1", "festvox-suopuhe-mv"},
        {P::Festival, "lp_diphone", "it", "italian", "ISO-8859-1", "festvox-italp16k"},
        {P::Festival, "pc_diphone", "it", "italian", "ISO-8859-1", "festvox-itapc16k"},
        {P::Flite, "awb", "en", "radio", "ISO-8859-1", "flite"},
        {P::Flite, "rms", "en", "radio", "ISO-8859-1", "flite"},
    };
    return voices;
}

const FestivalVoice* findFestivalVoice(const std::string& name) {
    for (const FestivalVoice& v : festivalVoices()) {
        if (v.name == name) {
            return &v;
        }
    }
    return nullptr;
}

bool isReservedVoice(const std::string& name) {
    // Every form of the two names (cmu_us_slt_arctic_hts, slt; kal_diphone, kal, kal16).
    return name.find("slt") != std::string::npos || name.rfind("kal", 0) == 0;
}

bool isInstalled(const FestivalVoice& voice) {
    if (voice.program == FestivalProgram::Flite) {
        return programExists("flite");
    }
    if (!programExists("festival")) {
        return false;
    }
    std::error_code ignored;
    for (const fs::directory_entry& language :
         fs::directory_iterator(kFestivalVoicesDir, ignored)) {
        if (fs::is_directory(language.path() / voice.name, ignored)) {
            return true;
        }
    }
    return false;
}

Result<Utterance> speakWithFestival(const FestivalSpec& spec) {
    if (isReservedVoice(spec.voice)) {
        return badInput(spec.voice, "reserved for measuring lip sync; never used for training");
    }
    const FestivalVoice* voice = findFestivalVoice(spec.voice);
    if (voice == nullptr) {
        return badInput(spec.voice, "not a festival or flite voice this tool knows");
    }
    if (spec.text.find_first_not_of(" \t\n") == std::string::npos) {
        return badInput(spec.voice, "nothing to say: the text is empty");
    }
    if (!(spec.duration_stretch >= 0.5 && spec.duration_stretch <= 2.0)) {
        return badInput(spec.voice, "the duration stretch must be between 0.5 and 2");
    }
    if (!isInstalled(*voice)) {
        return badInput(spec.voice, "not installed (Debian package " + voice->package + ")");
    }
    const TemporaryFolder folder;
    if (folder.path().empty()) {
        return internalError("cannot make a temporary folder for " + spec.voice);
    }
    return voice->program == FestivalProgram::Festival ? speakFestival(spec, *voice, folder)
                                                       : speakFlite(spec, *voice, folder);
}

}  // namespace ps::train

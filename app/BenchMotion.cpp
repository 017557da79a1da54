#include "BenchMotion.h"

#include <cstdio>

#include "BenchTiming.h"
#include "CommandLine.h"
#include "media/AudioDecoder.h"
#include "motion/MotionChannel.h"
#include "motion/MotionEvaluator.h"
#include "motion/MotionSources.h"
#include "motion/TemplateLibrary.h"
#include "runtime/SeededRandom.h"
#include "runtime/SilencedStderr.h"

namespace ps::app {

namespace {

constexpr int kEvaluationsPerRun = 2000;

// Everything a busy edit could hold at once: every preset as a clip, overlapping; a recording
// over the whole voice; twenty keyed curves with every interpolation; three keyed sculpts.
MotionDocument crowdedDocument(const MotionDocument& plain, const TemplateLibrary& library,
                               const FaceTrack& recording) {
    MotionDocument document = plain;
    SeededRandom random(7);
    for (const ExpressionTemplate& expression : library.templates()) {
        ExpressionClip clip;
        clip.id = document.newId();
        clip.expression = expression;
        clip.start_s = random.uniform(0.0, document.duration_s * 0.6);
        clip.duration_s = random.uniform(1.0, 3.0);
        document.clips.push_back(clip);
    }
    CaptureLayer capture;
    capture.id = document.newId();
    capture.track = recording;
    capture.blend = BlendMode::Add;
    capture.strength = 0.2f;
    document.captures.push_back(capture);
    const Interpolation modes[] = {Interpolation::Linear, Interpolation::Ease,
                                   Interpolation::Bezier, Interpolation::Step};
    for (int c = 0; c < 20; ++c) {
        KeyframeCurve curve;
        curve.id = document.newId();
        // The head's three angles and the brows, the channels people key most.
        const int channels[] = {kHeadPitchChannel, kHeadYawChannel, kHeadRollChannel,
                                int(Blendshape::BrowInnerUp), int(Blendshape::BrowDownLeft)};
        curve.channel = channels[c % 5];
        curve.blend = c % 4 == 0 ? BlendMode::Override : BlendMode::Add;
        for (int k = 0; k < 30; ++k) {
            Keyframe key;
            key.t_s = document.duration_s * k / 30.0;
            key.value = float(random.uniform(-0.2, 0.2));
            key.interpolation = modes[k % 4];
            curve.keys.push_back(key);
        }
        document.curves.push_back(curve);
    }
    for (int vertex : {1, 61, 291}) {
        LandmarkSculpt sculpt;
        sculpt.id = document.newId();
        sculpt.center_vertex = vertex;
        sculpt.radius_cm = 1.5f;
        sculpt.offset_cm = {0.0f, 0.1f, 0.2f};
        sculpt.strength = {Keyframe{0.0, 0.0f}, Keyframe{document.duration_s, 1.0f}};
        document.sculpts.push_back(sculpt);
    }
    return document;
}

void report(const char* name, const MotionDocument& document, const MotionSources& sources,
            int repetitions) {
    // Scrubbing jumps about: random times, drawn once so every run evaluates the same frames.
    SeededRandom random(11);
    std::vector<double> times(kEvaluationsPerRun);
    for (double& t : times) {
        t = random.uniform(0.0, document.duration_s);
    }
    double checksum = 0.0;
    const double ms = medianMs(
        [&] {
            for (double t : times) {
                checksum += evaluateMotion(document, sources, t).head_deg.y;
            }
        },
        repetitions);
    std::printf(
        "{\"case\": \"motion\", \"document\": \"%s\", \"clips\": %zu, \"captures\": %zu, "
        "\"curves\": %zu, \"sculpts\": %zu, \"us_per_frame\": %.2f, \"checksum\": %.3f}\n",
        name, document.clips.size(), document.captures.size(), document.curves.size(),
        document.sculpts.size(), 1000.0 * ms / kEvaluationsPerRun, checksum);
}

}  // namespace

int benchMotion(const std::string& voice_path, int repetitions) {
    Result<AudioClip> audio = [&] {
        SilencedStderr quiet;
        return decodeAudio(voice_path);
    }();
    if (!audio) {
        return failWith(audio.error());
    }
    MotionDocument plain;
    plain.duration_s = audio->duration_s();
    Result<MotionSources> sources = makeMotionSources(plain, &*audio, CancelToken());
    if (!sources) {
        return failWith(sources.error());
    }
    const TemplateLibrary library = TemplateLibrary::load(defaultPresetsFolder(), std::string());
    report("voice and idle", plain, *sources, repetitions);
    report("crowded", crowdedDocument(plain, library, sources->voice.track), *sources, repetitions);
    return 0;
}

}  // namespace ps::app

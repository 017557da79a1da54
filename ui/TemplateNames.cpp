#include "ui/TemplateNames.h"

#include <QCoreApplication>
#include <algorithm>
#include <iterator>

namespace ps::ui {

namespace {

constexpr char kContext[] = "ps::ui::TemplateNames";

// The presets shipped in presets/: their names and descriptions, so that lupdate collects them.
// A preset added there without an entry here is shown in English until it gets one.
const char* const kBuiltinNames[] = {
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "angry"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "contempt"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "disgust"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "fear"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "laugh"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "neutral"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "sad"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "smile"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "surprise"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "wink-left"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "wink-right"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "nod"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "shake"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "still"),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames", "tilt"),
};

const char* const kBuiltinDescriptions[] = {
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "Anger: brows pulled down and together, a hard stare, lips pressed and the "
                      "nose slightly wrinkled."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "Contempt: a one-sided smirk, the left mouth corner tightened and raised."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "Disgust: the nose wrinkles, the upper lip lifts and the brows lower."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "Fear: brows raised and drawn together, eyes wide, the lips stretched back "
                      "and the jaw a little open."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "An open-mouthed laugh: a broad smile, the jaw dropped a little, the cheeks "
                      "high and the eyes narrowed."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "Clears the expressions of the layers beneath (brows, eyes, cheeks, smile, "
                      "frown, sneer) and leaves speech and blinks alone."),
    QT_TRANSLATE_NOOP(
        "ps::ui::TemplateNames",
        "Sadness: the inner brows lift, the mouth corners pull down and the chin rises."),
    QT_TRANSLATE_NOOP(
        "ps::ui::TemplateNames",
        "A warm smile that reaches the eyes: the mouth corners lift and the cheeks rise."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "Surprise: brows raised high, eyes wide open and the jaw dropped."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "A playful wink of the left eye with a half smile on that side."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "A playful wink of the right eye with a half smile on that side."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "A nod: the head dips about 8 degrees, rebounds slightly and settles, once "
                      "every 0.9 seconds."),
    QT_TRANSLATE_NOOP("ps::ui::TemplateNames",
                      "A head shake: the head turns side to side, about 9 degrees each way, once "
                      "every 1.2 seconds."),
    QT_TRANSLATE_NOOP(
        "ps::ui::TemplateNames",
        "Holds the head still at the photo's own pose, whatever the layers beneath do."),
    QT_TRANSLATE_NOOP(
        "ps::ui::TemplateNames",
        "A curious tilt: the head eases over 8 degrees in half a second and stays there."),
};

QString translateKnown(const std::string& text, const char* const* begin, const char* const* end) {
    const auto found =
        std::find_if(begin, end, [&text](const char* known) { return text == known; });
    return found != end ? QCoreApplication::translate(kContext, *found)
                        : QString::fromStdString(text);
}

}  // namespace

QString templateDisplayName(const std::string& name) {
    return translateKnown(name, std::begin(kBuiltinNames), std::end(kBuiltinNames));
}

QString templateDisplayDescription(const std::string& description) {
    return translateKnown(description, std::begin(kBuiltinDescriptions),
                          std::end(kBuiltinDescriptions));
}

}  // namespace ps::ui

#include "ui/BlendshapeGroups.h"

#include <QCoreApplication>
#include <algorithm>
#include <iterator>

namespace ps::ui {

namespace {

constexpr char kContext[] = "ps::ui::BlendshapeGroups";

using B = ps::Blendshape;
using G = BlendshapeGroup;

struct Named {
    B shape;
    G group;
    const char* name;  // translated in kContext
};

// The display order and names, marked for lupdate.
const Named kShapes[] = {
    {B::BrowInnerUp, G::Brows, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Inner brows up")},
    {B::BrowDownLeft, G::Brows, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Brow down left")},
    {B::BrowDownRight, G::Brows, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Brow down right")},
    {B::BrowOuterUpLeft, G::Brows,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Outer brow up left")},
    {B::BrowOuterUpRight, G::Brows,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Outer brow up right")},

    {B::EyeBlinkLeft, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Blink left")},
    {B::EyeBlinkRight, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Blink right")},
    {B::EyeWideLeft, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Wide left")},
    {B::EyeWideRight, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Wide right")},
    {B::EyeSquintLeft, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Squint left")},
    {B::EyeSquintRight, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Squint right")},
    {B::EyeLookUpLeft, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look up left")},
    {B::EyeLookUpRight, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look up right")},
    {B::EyeLookDownLeft, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look down left")},
    {B::EyeLookDownRight, G::Eyes,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look down right")},
    {B::EyeLookInLeft, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look in left")},
    {B::EyeLookInRight, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look in right")},
    {B::EyeLookOutLeft, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look out left")},
    {B::EyeLookOutRight, G::Eyes, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Look out right")},

    {B::CheekPuff, G::Cheeks, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Cheek puff")},
    {B::CheekSquintLeft, G::Cheeks,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Cheek squint left")},
    {B::CheekSquintRight, G::Cheeks,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Cheek squint right")},

    {B::NoseSneerLeft, G::Nose, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Sneer left")},
    {B::NoseSneerRight, G::Nose, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Sneer right")},

    {B::JawOpen, G::Jaw, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Jaw open")},
    {B::JawForward, G::Jaw, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Jaw forward")},
    {B::JawLeft, G::Jaw, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Jaw left")},
    {B::JawRight, G::Jaw, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Jaw right")},

    {B::MouthClose, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Lips closed")},
    {B::MouthFunnel, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Funnel")},
    {B::MouthPucker, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Pucker")},
    {B::MouthLeft, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Mouth left")},
    {B::MouthRight, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Mouth right")},
    {B::MouthSmileLeft, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Smile left")},
    {B::MouthSmileRight, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Smile right")},
    {B::MouthFrownLeft, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Frown left")},
    {B::MouthFrownRight, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Frown right")},
    {B::MouthDimpleLeft, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Dimple left")},
    {B::MouthDimpleRight, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Dimple right")},
    {B::MouthStretchLeft, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Stretch left")},
    {B::MouthStretchRight, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Stretch right")},
    {B::MouthPressLeft, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Press left")},
    {B::MouthPressRight, G::Mouth, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Press right")},
    {B::MouthUpperUpLeft, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Upper lip up left")},
    {B::MouthUpperUpRight, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Upper lip up right")},
    {B::MouthLowerDownLeft, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Lower lip down left")},
    {B::MouthLowerDownRight, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Lower lip down right")},
    {B::MouthRollUpper, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Roll upper lip in")},
    {B::MouthRollLower, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Roll lower lip in")},
    {B::MouthShrugUpper, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Shrug upper lip")},
    {B::MouthShrugLower, G::Mouth,
     QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Shrug lower lip")},

    {B::TongueOut, G::Tongue, QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Tongue out")},
};
static_assert(std::size(kShapes) == size_t(ps::kBlendshapeCount), "every shape once");

const char* const kGroupNames[] = {
    QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Brows"),
    QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Eyes"),
    QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Cheeks"),
    QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Nose"),
    QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Jaw"),
    QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Mouth"),
    QT_TRANSLATE_NOOP("ps::ui::BlendshapeGroups", "Tongue"),
};

}  // namespace

const std::vector<BlendshapeEntry>& blendshapesInDisplayOrder() {
    static const std::vector<BlendshapeEntry> order = [] {
        std::vector<BlendshapeEntry> entries;
        for (const Named& named : kShapes) {
            entries.push_back({named.shape, named.group});
        }
        return entries;
    }();
    return order;
}

QString blendshapeGroupName(BlendshapeGroup group) {
    const int index = int(group) - 1;
    if (index < 0 || index >= int(std::size(kGroupNames))) {
        return {};
    }
    return QCoreApplication::translate(kContext, kGroupNames[index]);
}

QString blendshapeDisplayName(ps::Blendshape shape) {
    const auto found = std::find_if(std::begin(kShapes), std::end(kShapes),
                                    [shape](const Named& named) { return named.shape == shape; });
    return found != std::end(kShapes) ? QCoreApplication::translate(kContext, found->name)
                                      : QString();
}

ps::Blendshape linkedBlendshape(ps::Blendshape shape) {
    switch (shape) {
        case B::JawLeft:
        case B::JawRight:
        case B::MouthLeft:
        case B::MouthRight:
            return shape;
        case B::EyeLookInLeft:
            return B::EyeLookOutRight;
        case B::EyeLookOutRight:
            return B::EyeLookInLeft;
        case B::EyeLookOutLeft:
            return B::EyeLookInRight;
        case B::EyeLookInRight:
            return B::EyeLookOutLeft;
        default:
            return shape == B::Count ? shape : ps::mirroredBlendshape(shape);
    }
}

}  // namespace ps::ui

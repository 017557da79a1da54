// The 52 ARKit blendshapes as the Blendshape panel shows them: in groups from the top of the face
// down (brows, eyes, cheeks, nose, jaw, mouth, tongue), each Left shape beside its Right one, with
// readable names in the interface's language ("Jaw open" for jawOpen; left and right are the
// subject's) and the partner that Link L/R moves with each shape.
#pragma once

#include <QString>
#include <vector>

#include "face/Blendshapes.h"

namespace ps::ui {

enum class BlendshapeGroup {
    None = 0,
    Brows,
    Eyes,
    Cheeks,
    Nose,
    Jaw,
    Mouth,
    Tongue,
};

struct BlendshapeEntry {
    ps::Blendshape shape = ps::Blendshape::Count;
    BlendshapeGroup group = BlendshapeGroup::None;
};

// Every shape once, group by group in the order above.
const std::vector<BlendshapeEntry>& blendshapesInDisplayOrder();

// "Eyes"; empty for None.
QString blendshapeGroupName(BlendshapeGroup group);
// "Blink left" for eyeBlinkLeft; empty for Count.
QString blendshapeDisplayName(ps::Blendshape shape);

// The shape Link L/R keys together with `shape`: the same movement on the other side
// (eyeBlinkLeft and eyeBlinkRight), so for the gaze the other eye looking the same way
// (eyeLookInLeft and eyeLookOutRight). Shapes without a side, and the jaw's and mouth's sideways
// moves (jawLeft, mouthRight: directions, not sides), are their own partner.
ps::Blendshape linkedBlendshape(ps::Blendshape shape);

}  // namespace ps::ui

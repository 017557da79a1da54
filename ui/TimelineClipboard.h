// What the timeline's Copy took: copies of clips and captures, and single keys with the curve
// they came from. Pasting makes new elements (id 0, so the document numbers them) keeping their
// offsets from one another, the earliest at the paste time. A plain value; UI thread only.
#pragma once

#include <QByteArray>
#include <QList>
#include <vector>

#include "motion/MotionEdit.h"
#include "ui/SelectionModel.h"

namespace ps::ui {

class TimelineClipboard {
public:
    // Copies the clips, captures and keys of `selection` (curves and sculpts are not copied).
    void copy(const ps::MotionDocument& document, const QList<ElementRef>& selection);
    bool isEmpty() const { return clips_.empty() && captures_.empty() && keys_.empty(); }
    // Whether clips or captures were copied (not only keys).
    bool hasBlocks() const { return !clips_.empty() || !captures_.empty(); }
    double earliest_s() const { return earliest_s_; }
    double span_s() const { return latest_s_ - earliest_s_; }

    // The edit (one group, labelled `label`) that puts the copies into `document` with the
    // earliest at `at_s`; keys whose curve is gone are left out. Empty when nothing would paste.
    std::vector<ps::MotionEdit> pasteEdits(const ps::MotionDocument& document, double at_s) const;
    // Where the pasted keys go: the refs of keys pasteEdits() sets.
    QList<ElementRef> pastedKeys(const ps::MotionDocument& document, double at_s) const;

    // The copies as a motion document's JSON, for other programs' clipboards.
    QByteArray toJson() const;

private:
    struct CopiedKey {
        ps::ElementId curve = 0;
        ps::Keyframe key;
    };
    std::vector<ps::ExpressionClip> clips_;
    std::vector<ps::CaptureLayer> captures_;
    std::vector<CopiedKey> keys_;
    double earliest_s_ = 0.0;
    double latest_s_ = 0.0;
};

}  // namespace ps::ui

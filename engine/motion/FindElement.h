// Looks an element of a motion document up by its id: what every view of the document does to
// turn a selection (ids) back into clips, curves and sculpts.
#pragma once

#include <algorithm>
#include <vector>

#include "motion/MotionDocument.h"

namespace ps {

// The element with `id` in `elements`, or nullptr.
template <class Element>
const Element* findById(const std::vector<Element>& elements, ElementId id) {
    const auto it = std::find_if(elements.begin(), elements.end(),
                                 [id](const Element& e) { return e.id == id; });
    return it == elements.end() ? nullptr : &*it;
}

}  // namespace ps

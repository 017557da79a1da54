#include "ui/BlendshapeKeying.h"

#include <algorithm>
#include <cmath>

namespace ps::ui {

const ps::KeyframeCurve* panelCurve(const ps::MotionDocument& document, int channel,
                                    ps::BlendMode blend) {
    for (const ps::KeyframeCurve& curve : document.curves) {
        if (curve.enabled && curve.channel == channel && curve.blend == blend) {
            return &curve;
        }
    }
    return nullptr;
}

const ps::Keyframe* keyAt(const ps::KeyframeCurve& curve, double t_s) {
    for (const ps::Keyframe& key : curve.keys) {
        if (std::fabs(key.t_s - t_s) <= kSameKeyTime_s) {
            return &key;
        }
    }
    return nullptr;
}

bool channelHasKeyAt(const ps::MotionDocument& document, int channel, double t_s,
                     std::optional<ps::BlendMode> blend) {
    return std::any_of(document.curves.begin(), document.curves.end(),
                       [&](const ps::KeyframeCurve& curve) {
                           return curve.enabled && curve.channel == channel &&
                                  (!blend || curve.blend == *blend) && keyAt(curve, t_s) != nullptr;
                       });
}

ps::KeyframeCurve withKeyAt(ps::KeyframeCurve curve, double t_s, float value) {
    for (ps::Keyframe& key : curve.keys) {
        if (std::fabs(key.t_s - t_s) <= kSameKeyTime_s) {
            key.value = value;
            return curve;
        }
    }
    ps::Keyframe key;
    key.t_s = t_s;
    key.value = value;
    const auto after = std::find_if(curve.keys.begin(), curve.keys.end(),
                                    [t_s](const ps::Keyframe& k) { return k.t_s > t_s; });
    if (after != curve.keys.begin()) {
        key.interpolation = std::prev(after)->interpolation;
    }
    curve.keys.insert(after, key);
    return curve;
}

ps::EditGroup keyChannels(const ps::MotionDocument& document,
                          const std::vector<ChannelValue>& values, double t_s, ps::BlendMode blend,
                          std::string label) {
    ps::EditGroup group{std::move(label), {}};
    ps::ElementId next_id = document.next_id;
    size_t next_index = document.curves.size();
    for (const ChannelValue& value : values) {
        if (const ps::KeyframeCurve* curve = panelCurve(document, value.channel, blend)) {
            group.edits.push_back(
                {ps::ReplaceElement<ps::KeyframeCurve>{withKeyAt(*curve, t_s, value.value)}});
            continue;
        }
        ps::KeyframeCurve curve;
        curve.id = next_id++;
        curve.channel = value.channel;
        curve.blend = blend;
        curve = withKeyAt(std::move(curve), t_s, value.value);
        group.edits.push_back(
            {ps::InsertElement<ps::KeyframeCurve>{std::move(curve), next_index++}});
    }
    return group;
}

ps::EditGroup removeKeysAt(const ps::MotionDocument& document, const std::vector<int>& channels,
                           double t_s, std::optional<ps::BlendMode> blend, std::string label) {
    ps::EditGroup group{std::move(label), {}};
    for (const ps::KeyframeCurve& curve : document.curves) {
        const bool chosen =
            std::find(channels.begin(), channels.end(), curve.channel) != channels.end();
        if (!chosen || !curve.enabled || (blend && curve.blend != *blend)) {
            continue;
        }
        const ps::Keyframe* key = keyAt(curve, t_s);
        if (key == nullptr) {
            continue;
        }
        if (curve.keys.size() == 1) {
            group.edits.push_back({ps::RemoveElement<ps::KeyframeCurve>{curve.id}});
        } else {
            group.edits.push_back({ps::RemoveKeyframe{curve.id, key->t_s}});
        }
    }
    return group;
}

}  // namespace ps::ui

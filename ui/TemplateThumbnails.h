// Pictures of templates on the open photo's own face, for the library: each template's face at
// its most telling moment (motion/TemplatePreview), rendered by the photo's PreviewScene on a
// worker thread, cropped to the face and kept in a cache. Asking for a picture never waits: it
// is null until rendered, and thumbnailReady says when it is there. UI thread only.
#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QString>
#include <memory>

#include "motion/ExpressionTemplate.h"
#include "render/PreviewScene.h"
#include "runtime/JobQueue.h"

namespace ps::ui {

class TemplateThumbnails : public QObject {
    Q_OBJECT
public:
    static constexpr int kSide_px = 112;

    explicit TemplateThumbnails(QObject* parent = nullptr);
    // Stops the worker; pictures it was rendering are dropped.
    ~TemplateThumbnails() override;

    // The face the pictures show; nullptr for none (no pictures). A new scene renders afresh.
    void setScene(std::shared_ptr<const ps::PreviewScene> scene);
    const std::shared_ptr<const ps::PreviewScene>& scene() const { return scene_; }

    // The picture of `expression` (kSide_px square), or a null image while it renders (the
    // first ask queues it), when there is no scene, or when it could not be rendered. The
    // cache knows a template by kind, name and content, so an edited template renders again.
    QImage thumbnail(const ps::ExpressionTemplate& expression);

    // Whether pictures are still being rendered for the current scene.
    bool isPending() const { return !pending_.isEmpty(); }
    // Pictures rendered for the current scene.
    int renderedCount() const;

signals:
    // A picture asked for is ready (or failed: thumbnail() then stays null).
    void thumbnailReady(ps::TemplateKind kind, const QString& name);

private:
    QString keyOf(const ps::ExpressionTemplate& expression) const;
    void finished(const QString& key, const QImage& image, ps::TemplateKind kind,
                  const QString& name);

    std::shared_ptr<const ps::PreviewScene> scene_;
    // Counts scenes, so that a picture of a scene that has gone never passes for the current
    // one's, even if a new scene happens to take the old one's address.
    quint64 scene_generation_ = 0;
    QHash<QString, QImage> cache_;           // rendered (or failed: null) for scene_
    QHash<QString, ps::JobTicket> pending_;  // queued or rendering for scene_
    std::unique_ptr<ps::JobQueue> jobs_;
};

}  // namespace ps::ui

#include "ui/TemplateThumbnails.h"

#include <QMetaObject>
#include <functional>
#include <opencv2/imgproc.hpp>

#include "motion/TemplatePreview.h"
#include "ui/PaintableImage.h"

namespace ps::ui {

namespace {

// Runs on the worker: the template's face on the scene's photo, cropped to the face.
QImage renderThumbnail(const ps::PreviewScene& scene, const ps::ExpressionTemplate& expression) {
    try {
        const ps::FaceState state = ps::templatePreviewState(expression);
        cv::Mat frame;
        if (!scene.render(state, frame).ok() || frame.empty()) {
            return {};
        }
        const cv::Rect box = scene.faceBox() & cv::Rect(0, 0, frame.cols, frame.rows);
        if (box.empty()) {
            return {};
        }
        cv::Mat small;
        cv::resize(frame(box), small,
                   cv::Size(TemplateThumbnails::kSide_px, TemplateThumbnails::kSide_px), 0, 0,
                   cv::INTER_AREA);
        return toPaintableImage(small);
    } catch (...) {
        // OpenCV throws on what it cannot do; a missing picture shows the placeholder.
        return {};
    }
}

}  // namespace

TemplateThumbnails::TemplateThumbnails(QObject* parent)
    : QObject(parent), jobs_(std::make_unique<ps::JobQueue>()) {}

TemplateThumbnails::~TemplateThumbnails() {
    // Join the worker while this object is whole: a job may be posting to it right now. What it
    // posted is discarded by ~QObject.
    jobs_.reset();
}

void TemplateThumbnails::setScene(std::shared_ptr<const ps::PreviewScene> scene) {
    if (scene == scene_) {
        return;
    }
    for (const ps::JobTicket& ticket : pending_) {
        ticket.cancel();
    }
    pending_.clear();
    cache_.clear();
    scene_ = std::move(scene);
    ++scene_generation_;
}

int TemplateThumbnails::renderedCount() const {
    int count = 0;
    for (const QImage& image : cache_) {
        count += image.isNull() ? 0 : 1;
    }
    return count;
}

QString TemplateThumbnails::keyOf(const ps::ExpressionTemplate& expression) const {
    const size_t content = std::hash<std::string>{}(ps::templateToJson(expression));
    return QStringLiteral("%1/%2/%3/%4")
        .arg(scene_generation_)
        .arg(int(expression.kind))
        .arg(QString::fromStdString(expression.name))
        .arg(quint64(content), 0, 16);
}

QImage TemplateThumbnails::thumbnail(const ps::ExpressionTemplate& expression) {
    if (scene_ == nullptr) {
        return {};
    }
    const QString key = keyOf(expression);
    if (const auto cached = cache_.constFind(key); cached != cache_.constEnd()) {
        return *cached;
    }
    if (!pending_.contains(key)) {
        const QString name = QString::fromStdString(expression.name);
        pending_.insert(key, jobs_->submit([this, scene = scene_, expression, key,
                                            name](const ps::CancelToken& cancel) {
            if (cancel.cancelled()) {
                return;  // the scene changed before its turn
            }
            const QImage image = renderThumbnail(*scene, expression);
            QMetaObject::invokeMethod(
                this,
                [this, key, image, kind = expression.kind, name] {
                    finished(key, image, kind, name);
                },
                Qt::QueuedConnection);
        }));
    }
    return {};
}

void TemplateThumbnails::finished(const QString& key, const QImage& image, ps::TemplateKind kind,
                                  const QString& name) {
    if (pending_.remove(key) == 0) {
        return;  // rendered for a scene that has since gone
    }
    cache_.insert(key, image);
    emit thumbnailReady(kind, name);
}

}  // namespace ps::ui

#include "ui/FaceView3D.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLShaderProgram>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/mat3x3.hpp>

#include "face/FaceMesh.h"
#include "face/MeshParts.h"

namespace ps::ui {

namespace {

// Degrees the view turns per pixel dragged, and the zoom per wheel notch (as the viewer's).
constexpr float kOrbit_deg_per_px = 0.4f;
constexpr float kZoomPerNotch = 1.15f;
const QColor kBackground(0x1e, 0x20, 0x24);
const QColor kHintText(0x9a, 0xa0, 0xa6);
// The mouth's inside: dark, a little red, as the warp renderer's mouth.
constexpr float kMouthColour[3] = {0.16f, 0.07f, 0.07f};

const char* kVertexShader = R"(
attribute vec3 a_position;
attribute vec3 a_normal;
attribute vec2 a_uv;
uniform mat4 u_mvp;
uniform mat3 u_normal_matrix;
varying vec2 v_uv;
varying float v_light;
void main() {
    vec3 n = normalize(u_normal_matrix * a_normal);
    // A light at the eye, a little above: the head's form reads from any side. abs(): a
    // deformed triangle's winding says nothing about which side shows.
    vec3 light = normalize(vec3(0.25, 0.45, 1.0));
    v_light = abs(dot(n, light));
    v_uv = a_uv;
    gl_Position = u_mvp * vec4(a_position, 1.0);
}
)";

const char* kFragmentShader = R"(
#ifdef GL_ES
precision mediump float;
#endif
uniform sampler2D u_photo;
uniform vec4 u_solid;
varying vec2 v_uv;
varying float v_light;
void main() {
    vec3 base = mix(texture2D(u_photo, v_uv).rgb, u_solid.rgb, u_solid.a);
    gl_FragColor = vec4(base * (0.5 + 0.5 * v_light), 1.0);
}
)";

QString presetName(CameraPreset preset) {
    switch (preset) {
        case CameraPreset::Photo:
            return FaceView3D::tr("Photo camera");
        case CameraPreset::Front:
            return FaceView3D::tr("Front");
        case CameraPreset::Side:
            return FaceView3D::tr("Side");
        case CameraPreset::Top:
            return FaceView3D::tr("Top");
    }
    return {};
}

// Per-vertex normals: the area-weighted sum of the triangles around each vertex.
std::vector<glm::vec3> vertexNormals(const std::vector<glm::vec3>& vertices) {
    std::vector<glm::vec3> normals(vertices.size(), glm::vec3(0.0f));
    for (const ps::MeshTriangle& t : ps::FaceMesh::canonical().triangles()) {
        const glm::vec3 n = glm::cross(vertices[size_t(t[1])] - vertices[size_t(t[0])],
                                       vertices[size_t(t[2])] - vertices[size_t(t[0])]);
        for (int k : t) {
            normals[size_t(k)] += n;
        }
    }
    for (glm::vec3& n : normals) {
        const float length = glm::length(n);
        n = length > 1e-9f ? n / length : glm::vec3(0.0f, 0.0f, 1.0f);
    }
    return normals;
}

}  // namespace

FaceView3D::FaceView3D(QWidget* parent) : QOpenGLWidget(parent) {
    setObjectName(QStringLiteral("faceView3D"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(minimumSizeHint());
    camera_.setPreset(CameraPreset::Front);
    const std::vector<ps::MeshPart> parts = ps::meshTriangleParts(ps::FaceMesh::canonical());
    const std::vector<ps::MeshTriangle>& triangles = ps::FaceMesh::canonical().triangles();
    for (size_t t = 0; t < triangles.size(); ++t) {
        auto& into = parts[t] == ps::MeshPart::Mouth ? mouth_indices_ : skin_indices_;
        for (int k : triangles[t]) {
            into.push_back(static_cast<unsigned short>(k));
        }
    }
}

FaceView3D::~FaceView3D() {
    if (gl_ready_ && context() != nullptr) {
        makeCurrent();
        if (texture_ != 0) {
            glDeleteTextures(1, &texture_);
        }
        program_.reset();
        doneCurrent();
    }
}

void FaceView3D::setPhoto(const QImage& photo, const ps::FaceFit& photo_fit) {
    if (photo.isNull() || photo_fit.landmarks2d.size() < size_t(ps::kFaceVertexCount) ||
        photo_fit.image_size.width <= 0 || photo_fit.image_size.height <= 0) {
        clear();
        return;
    }
    photo_ = photo.convertToFormat(QImage::Format_RGBA8888);
    uvs_.clear();
    uvs_.reserve(2 * size_t(ps::kFaceVertexCount));
    for (int i = 0; i < ps::kFaceVertexCount; ++i) {
        // Row 0 of the uploaded texture is the photo's top row: v grows downwards with y.
        uvs_.push_back(photo_fit.landmarks2d[size_t(i)].x / float(photo_fit.image_size.width));
        uvs_.push_back(photo_fit.landmarks2d[size_t(i)].y / float(photo_fit.image_size.height));
    }
    texture_dirty_ = true;
    aimed_ = false;
    update();
}

void FaceView3D::clear() {
    photo_ = QImage();
    uvs_.clear();
    frame_fit_.reset();
    head_pose_.setFrameFit(nullptr);
    update();
}

void FaceView3D::setFrameFit(std::shared_ptr<const ps::FaceFit> fit) {
    if (fit != nullptr && fit->vertices.size() < size_t(ps::kFaceVertexCount)) {
        fit.reset();
    }
    frame_fit_ = std::move(fit);
    head_pose_.setFrameFit(frame_fit_);
    followHead();
    update();
}

void FaceView3D::followHead() {
    const HeadPoseGizmo& gizmo = head_pose_.gizmo();
    if (!gizmo.hasPlacement() || head_pose_.isDragging()) {
        return;  // a drag measures against the view it started in
    }
    // The head's pivot stays the centre of orbits and zooms as the head moves; panning offsets
    // it only until the next frame, as a turntable does.
    if (!aimed_ || camera_.preset().has_value()) {
        camera_.setTarget(gizmo.pivot_cm());
        aimed_ = true;
    }
}

void FaceView3D::setPreset(CameraPreset preset) {
    if (head_pose_.gizmo().hasPlacement()) {
        camera_.setTarget(head_pose_.gizmo().pivot_cm());
    }
    camera_.setPreset(preset);
    update();
    emit presetChanged();
}

void FaceView3D::setHeadPoseGizmoVisible(bool visible) {
    if (!visible && head_pose_.isDragging()) {
        emit headPoseDragFinished();
    }
    head_pose_.setVisible(visible);
    update();
}

void FaceView3D::setHeadAnglesProvider(HeadPoseOverlay::AnglesProvider provider) {
    head_pose_.setAnglesProvider(std::move(provider));
}

GizmoProjector FaceView3D::headPoseProjector() const {
    const OrbitCamera camera = camera_;
    const QSize viewport = size();
    return [camera, viewport](const glm::vec3& point) { return camera.project(point, viewport); };
}

void FaceView3D::initializeGL() {
    initializeOpenGLFunctions();
    program_ = std::make_unique<QOpenGLShaderProgram>();
    const bool built =
        program_->addShaderFromSourceCode(QOpenGLShader::Vertex, kVertexShader) &&
        program_->addShaderFromSourceCode(QOpenGLShader::Fragment, kFragmentShader) &&
        program_->link();
    if (!built) {
        qWarning("3D face view: the shaders did not build: %s", qPrintable(program_->log()));
        program_.reset();
        return;
    }
    glGenTextures(1, &texture_);
    texture_dirty_ = true;
    gl_ready_ = true;
}

void FaceView3D::uploadTexture() {
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);  // RGBA rows are always 4-byte aligned
    if (!photo_.isNull()) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, photo_.width(), photo_.height(), 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, photo_.constBits());
    }
    texture_dirty_ = false;
}

void FaceView3D::paintGL() {
    glClearColor(kBackground.redF(), kBackground.greenF(), kBackground.blueF(), 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    if (gl_ready_ && hasFace()) {
        drawMesh();
    }
    drawOverlay();
}

void FaceView3D::drawMesh() {
    if (texture_dirty_) {
        uploadTexture();
    }
    const std::vector<glm::vec3>& vertices = frame_fit_->vertices;
    const std::vector<glm::vec3> normals = vertexNormals(vertices);
    const QSize viewport = size() * devicePixelRatio();
    glViewport(0, 0, viewport.width(), viewport.height());
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDisable(GL_CULL_FACE);

    const glm::mat4 view = camera_.viewMatrix();
    const glm::mat4 mvp = camera_.projectionMatrix(size()) * view;
    const glm::mat3 normal_matrix = glm::mat3(view);  // a rigid view: its rotation is its own
    program_->bind();
    glUniformMatrix4fv(program_->uniformLocation("u_mvp"), 1, GL_FALSE, glm::value_ptr(mvp));
    glUniformMatrix3fv(program_->uniformLocation("u_normal_matrix"), 1, GL_FALSE,
                       glm::value_ptr(normal_matrix));
    program_->setUniformValue("u_photo", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);

    const int position = program_->attributeLocation("a_position");
    const int normal = program_->attributeLocation("a_normal");
    const int uv = program_->attributeLocation("a_uv");
    // Client-side arrays: 468 vertices change every frame, a buffer object would only copy.
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    program_->enableAttributeArray(position);
    program_->enableAttributeArray(normal);
    program_->enableAttributeArray(uv);
    glVertexAttribPointer(GLuint(position), 3, GL_FLOAT, GL_FALSE, 0, vertices.data());
    glVertexAttribPointer(GLuint(normal), 3, GL_FLOAT, GL_FALSE, 0, normals.data());
    glVertexAttribPointer(GLuint(uv), 2, GL_FLOAT, GL_FALSE, 0, uvs_.data());

    const int solid = program_->uniformLocation("u_solid");
    glUniform4f(solid, 0.0f, 0.0f, 0.0f, 0.0f);
    glDrawElements(GL_TRIANGLES, GLsizei(skin_indices_.size()), GL_UNSIGNED_SHORT,
                   skin_indices_.data());
    glUniform4f(solid, kMouthColour[0], kMouthColour[1], kMouthColour[2], 1.0f);
    glDrawElements(GL_TRIANGLES, GLsizei(mouth_indices_.size()), GL_UNSIGNED_SHORT,
                   mouth_indices_.data());

    program_->disableAttributeArray(position);
    program_->disableAttributeArray(normal);
    program_->disableAttributeArray(uv);
    program_->release();
    glDisable(GL_DEPTH_TEST);
}

void FaceView3D::drawOverlay() {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!hasFace()) {
        painter.setPen(kHintText);
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         gl_ready_ ? tr("Open a photo with a face to see it here in 3D")
                                   : tr("The 3D view needs OpenGL 2, which this display lacks"));
        return;
    }
    head_pose_.setViewerPosition(camera_.eye());
    head_pose_.paint(painter, headPoseProjector());
    painter.setPen(kHintText);
    const QString label =
        camera_.preset().has_value() ? presetName(*camera_.preset()) : tr("Orbit");
    painter.drawText(rect().adjusted(8, 6, -8, -6), Qt::AlignLeft | Qt::AlignTop, label);
}

void FaceView3D::mousePressEvent(QMouseEvent* event) {
    const bool alt = event->modifiers() & Qt::AltModifier;
    last_mouse_ = event->position();
    if (event->button() == Qt::LeftButton && !alt) {
        head_pose_.setViewerPosition(camera_.eye());
        if (const GizmoHandle handle = head_pose_.press(event->position(), headPoseProjector());
            handle != GizmoHandle::None) {
            setCursor(Qt::ClosedHandCursor);
            emit headPoseDragStarted(handle);
            update();
            event->accept();
            return;
        }
        mouse_drag_ = MouseDrag::Orbit;
    } else if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && alt)) {
        mouse_drag_ = MouseDrag::Pan;
    } else {
        QOpenGLWidget::mousePressEvent(event);
        return;
    }
    setCursor(mouse_drag_ == MouseDrag::Pan ? Qt::ClosedHandCursor : Qt::SizeAllCursor);
    event->accept();
}

void FaceView3D::mouseMoveEvent(QMouseEvent* event) {
    const QPointF delta = event->position() - last_mouse_;
    last_mouse_ = event->position();
    const bool snap = event->modifiers() & Qt::ShiftModifier;
    if (const auto head_deg = head_pose_.move(event->position(), headPoseProjector(), snap)) {
        emit headPoseDragged(*head_deg, head_pose_.gizmo().activeHandle());
        update();
        return;
    }
    if (mouse_drag_ == MouseDrag::Orbit) {
        // Dragging right swings the view round to the face's right, as turning a bust on a
        // turntable to the left; dragging up looks from above.
        camera_.orbit(-float(delta.x()) * kOrbit_deg_per_px, float(delta.y()) * kOrbit_deg_per_px);
        emit presetChanged();
        update();
        return;
    }
    if (mouse_drag_ == MouseDrag::Pan) {
        camera_.pan(delta, size());
        emit presetChanged();
        update();
        return;
    }
    head_pose_.setViewerPosition(camera_.eye());
    if (head_pose_.hover(event->position(), headPoseProjector())) {
        if (head_pose_.gizmo().hovered() != GizmoHandle::None) {
            setCursor(Qt::OpenHandCursor);
        } else {
            unsetCursor();
        }
        update();
    }
}

void FaceView3D::mouseReleaseEvent(QMouseEvent* event) {
    if (head_pose_.isDragging() && event->button() == Qt::LeftButton) {
        const GizmoHandle handle = head_pose_.gizmo().activeHandle();
        const bool snap = event->modifiers() & Qt::ShiftModifier;
        if (const auto head_deg =
                head_pose_.release(event->position(), headPoseProjector(), snap)) {
            emit headPoseDragged(*head_deg, handle);
        }
        emit headPoseDragFinished();
        setCursor(Qt::OpenHandCursor);
        followHead();
        update();
        event->accept();
        return;
    }
    if (mouse_drag_ != MouseDrag::None) {
        mouse_drag_ = MouseDrag::None;
        unsetCursor();
        event->accept();
        return;
    }
    QOpenGLWidget::mouseReleaseEvent(event);
}

void FaceView3D::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0.0) {
        camera_.zoom(float(std::pow(kZoomPerNotch, -notches)));
        emit presetChanged();
        update();
    }
    event->accept();
}

void FaceView3D::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_1:
            setPreset(CameraPreset::Front);
            break;
        case Qt::Key_3:
            setPreset(CameraPreset::Side);
            break;
        case Qt::Key_7:
            setPreset(CameraPreset::Top);
            break;
        case Qt::Key_0:
            setPreset(CameraPreset::Photo);
            break;
        default:
            QOpenGLWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

void FaceView3D::leaveEvent(QEvent* event) {
    head_pose_.leave();
    update();
    QOpenGLWidget::leaveEvent(event);
}

}  // namespace ps::ui

// The Blendshape panel driven through its real widgets with mouse events: a drag on a slider's
// handle keys the shape at the playhead with the dragged value (the new curve and its key one
// undo step), Link L/R keys both sides, the key button pins and removes a key, reset goes back to
// the layers below, auto-key off sets an offset over them, and the rows show the value at the
// playhead and the layer driving it ("voice", "idle", "clip “smile”", "key"). Keys survive a
// save and reopen; a locked keyframe lane makes the rows read-only; the filter finds shapes.
#include <QApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <cmath>

#include "motion/FindElement.h"
#include "motion/MotionChannel.h"
#include "motion/MotionEdit.h"
#include "motion/TemplateLibrary.h"
#include "ui/BlendshapeGroups.h"
#include "ui/BlendshapePanel.h"
#include "ui/DarkTheme.h"
#include "ui/LayerChip.h"
#include "ui/ProjectSession.h"

using namespace ps::ui;
using ps::Blendshape;

namespace {

constexpr int kJaw = int(Blendshape::JawOpen);
constexpr int kBlinkLeft = int(Blendshape::EyeBlinkLeft);
constexpr int kBlinkRight = int(Blendshape::EyeBlinkRight);

// A voice at 10 fps over 4 s: the jaw at 0.3 throughout (speaking), with some funnel that
// varies, and the head pitched a little.
std::shared_ptr<const ps::MotionSources> voiceSources() {
    auto sources = std::make_shared<ps::MotionSources>();
    sources->voice.track.fps = 10.0;
    sources->voice.track.frames.resize(40);
    for (size_t k = 0; k < 40; ++k) {
        ps::FaceState& state = sources->voice.track.frames[k];
        state.weights[size_t(kJaw)] = 0.3f;
        state.weights[size_t(Blendshape::MouthFunnel)] = 0.2f + 0.15f * float(std::sin(0.7 * k));
        state.weights[size_t(Blendshape::MouthClose)] = 0.05f;
        state.speech = 1.0f;
        state.head_deg = {2.0f, 0.0f, 0.0f};
    }
    sources->idle.track.fps = 10.0;
    sources->idle.track.frames.resize(40);
    for (size_t k = 9; k <= 11; ++k) {  // a blink around 1 s
        sources->idle.track.frames[k].weights[size_t(kBlinkLeft)] = k == 10 ? 1.0f : 0.5f;
        sources->idle.track.frames[k].weights[size_t(kBlinkRight)] = k == 10 ? 1.0f : 0.5f;
    }
    return sources;
}

const ps::KeyframeCurve* onlyCurveOn(const ps::MotionDocument& document, int channel) {
    const ps::KeyframeCurve* found = nullptr;
    for (const ps::KeyframeCurve& curve : document.curves) {
        if (curve.channel == channel) {
            if (found != nullptr) {
                return nullptr;  // more than one
            }
            found = &curve;
        }
    }
    return found;
}

int curvesOn(const ps::MotionDocument& document, int channel) {
    return int(
        std::count_if(document.curves.begin(), document.curves.end(),
                      [channel](const ps::KeyframeCurve& c) { return c.channel == channel; }));
}

QStyleOptionSlider sliderOption(const QSlider* slider) {
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.subControls = QStyle::SC_All;
    option.orientation = slider->orientation();
    option.maximum = slider->maximum();
    option.minimum = slider->minimum();
    option.tickPosition = slider->tickPosition();
    option.tickInterval = slider->tickInterval();
    option.upsideDown = slider->invertedAppearance();
    option.direction = slider->layoutDirection();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    return option;
}

QRect handleRect(const QSlider* slider) {
    const QStyleOptionSlider option = sliderOption(slider);
    return slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle,
                                           slider);
}

// Where the handle's centre is when the slider shows `value` (in slider steps).
QPoint pointForValue(const QSlider* slider, int value) {
    const QStyleOptionSlider option = sliderOption(slider);
    const QRect groove = slider->style()->subControlRect(QStyle::CC_Slider, &option,
                                                         QStyle::SC_SliderGroove, slider);
    const QRect handle = handleRect(slider);
    const int span = groove.width() - handle.width();
    return {groove.x() + handle.width() / 2 +
                QStyle::sliderPositionFromValue(slider->minimum(), slider->maximum(), value, span),
            handle.center().y()};
}

// Presses the handle, moves in steps to where `fraction` of the range is and releases: a person's
// drag. Returns the slider's value at the release, as a fraction of its range.
double dragTo(QSlider* slider, double fraction) {
    const int target =
        slider->minimum() + int(std::lround(fraction * (slider->maximum() - slider->minimum())));
    const QPoint from = handleRect(slider).center();
    const QPoint to = pointForValue(slider, target);
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 6; ++step) {
        QTest::mouseMove(slider, from + (to - from) * step / 6);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, to);
    return double(slider->value() - slider->minimum()) / (slider->maximum() - slider->minimum());
}

// One pixel of the slider's travel, as a fraction of its range: how close a drag can aim.
double pixelOf(const QSlider* slider) {
    return 1.0 / std::max(1, slider->width() - handleRect(slider).width());
}

}  // namespace

class TestBlendshapePanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        applyDarkTheme(*qobject_cast<QApplication*>(QCoreApplication::instance()));
    }

    void init() {
        session_ = std::make_unique<ProjectSession>(QString{});
        sources_ = nullptr;
        panel_ = std::make_unique<BlendshapePanel>(*session_, [this] { return sources_; });
        panel_->resize(480, 900);
        panel_->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
        panel_->setTime(1.0);
    }

    void cleanup() {
        panel_.reset();
        session_.reset();
    }

    void everyShapeHasARowInItsGroup() {
        QCOMPARE(int(blendshapesInDisplayOrder().size()), ps::kBlendshapeCount);
        for (int i = 0; i < ps::kBlendshapeCount; ++i) {
            const QString name = QString::fromUtf8(ps::blendshapeName(Blendshape(i)).data());
            QVERIFY2(slider(name) != nullptr, qPrintable(name));
            QVERIFY(!blendshapeDisplayName(Blendshape(i)).isEmpty());
        }
        QCOMPARE(blendshapeDisplayName(Blendshape::JawOpen), QStringLiteral("Jaw open"));
        QCOMPARE(panel_->findChild<QLabel*>(QStringLiteral("jawOpenName"))->text(),
                 QStringLiteral("Jaw open"));
        QVERIFY(panel_->findChild<QLabel*>(QStringLiteral("jawOpenName"))
                    ->toolTip()
                    .contains(QStringLiteral("jawOpen")));
        QCOMPARE(linkedBlendshape(Blendshape::EyeBlinkLeft), Blendshape::EyeBlinkRight);
        QCOMPARE(linkedBlendshape(Blendshape::EyeLookInLeft), Blendshape::EyeLookOutRight);
        QCOMPARE(linkedBlendshape(Blendshape::JawLeft), Blendshape::JawLeft);
        QCOMPARE(linkedBlendshape(Blendshape::JawOpen), Blendshape::JawOpen);
        // An empty document at the playhead: every value 0, nothing drives it, no key.
        QCOMPARE(panel_->shownValue(Blendshape::JawOpen), 0.0);
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("\u2014"));
        QVERIFY(!button("jawOpenKey")->isChecked());
        QVERIFY(!button("jawOpenReset")->isEnabled());
    }

    void aSliderDragKeysTheShapeAtThePlayhead() {
        sources_ = voiceSources();
        panel_->refresh();
        QSlider* jaw = slider("jawOpen");
        revealed(jaw);
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("voice"));
        QCOMPARE(panel_->shownValue(Blendshape::JawOpen), 0.3);

        const double dragged = dragTo(jaw, 0.62);
        QVERIFY2(std::fabs(dragged - 0.62) <= pixelOf(jaw) + 1e-9,
                 qPrintable(QString::number(dragged)));
        const ps::KeyframeCurve* curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QCOMPARE(curve->blend, ps::BlendMode::Override);
        QCOMPARE(int(curve->keys.size()), 1);
        QCOMPARE(curve->keys[0].t_s, 1.0);
        QVERIFY(std::fabs(curve->keys[0].value - dragged) < 1e-3);
        QVERIFY(std::fabs(panel_->shownValue(Blendshape::JawOpen) - dragged) < 1e-3);
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("key"));
        QVERIFY(button("jawOpenKey")->isChecked());
        QVERIFY(button("jawOpenReset")->isEnabled());

        // The whole drag, new curve and all, is one undo step.
        QCOMPARE(session_->undoStack()->count(), 1);
        session_->undoStack()->undo();
        QCOMPARE(curvesOn(session_->motion(), kJaw), 0);
        QCOMPARE(panel_->shownValue(Blendshape::JawOpen), 0.3);
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("voice"));
        QVERIFY(!button("jawOpenKey")->isChecked());
        session_->undoStack()->redo();
        curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QVERIFY(std::fabs(curve->keys[0].value - dragged) < 1e-3);
    }

    void aDragOnAnExistingCurveAddsAKeyInOneStep() {
        QSlider* jaw = slider("jawOpen");
        revealed(jaw);
        const double first = dragTo(jaw, 0.5);
        panel_->setTime(2.0);
        // An override acts between its first and last key: one key, only at its own time.
        QCOMPARE(panel_->shownValue(Blendshape::JawOpen), 0.0);
        const double dragged = dragTo(jaw, 0.2);
        const ps::KeyframeCurve* curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QCOMPARE(int(curve->keys.size()), 2);
        QCOMPARE(curve->keys[1].t_s, 2.0);
        QVERIFY(std::fabs(curve->keys[1].value - dragged) < 1e-3);
        panel_->setTime(1.5);  // now it acts between them
        QVERIFY(std::fabs(panel_->shownValue(Blendshape::JawOpen) - (first + dragged) / 2) < 1e-3);
        QCOMPARE(session_->undoStack()->count(), 2);
        session_->undoStack()->undo();
        QCOMPARE(int(onlyCurveOn(session_->motion(), kJaw)->keys.size()), 1);
        QVERIFY(std::fabs(onlyCurveOn(session_->motion(), kJaw)->keys[0].value - first) < 1e-3);
    }

    void draggingWhilePlayingKeysEachMomentInOneStep() {
        QSlider* jaw = slider("jawOpen");
        revealed(jaw);
        const QPoint from = handleRect(jaw).center();
        QTest::mousePress(jaw, Qt::LeftButton, Qt::NoModifier, from);
        for (int step = 1; step <= 3; ++step) {
            panel_->setTime(1.0 + 0.2 * step);  // the transport's clock while playing
            QTest::mouseMove(jaw, pointForValue(jaw, 200 * step));
        }
        QTest::mouseRelease(jaw, Qt::LeftButton, Qt::NoModifier, pointForValue(jaw, 600));
        const ps::KeyframeCurve* curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QCOMPARE(int(curve->keys.size()), 3);
        QCOMPARE(curve->keys[0].t_s, 1.2);
        QCOMPARE(curve->keys[2].t_s, 1.6);
        QVERIFY(curve->keys[0].value < curve->keys[1].value);
        QVERIFY(curve->keys[1].value < curve->keys[2].value);
        QCOMPARE(session_->undoStack()->count(), 1);
        session_->undoStack()->undo();
        QVERIFY(session_->motion().curves.empty());
        // Paused, a new edit at another time is a step of its own.
        panel_->setTime(2.0);
        QDoubleSpinBox* spin_box = spin("jawOpen");
        spin_box->setValue(30.0);
        panel_->setTime(2.5);
        spin_box->setValue(40.0);
        QCOMPARE(session_->undoStack()->count(), 2);
    }

    void linkingKeysBothSides() {
        button("linkButton")->click();
        QVERIFY(panel_->linked());
        QSlider* left = slider("eyeBlinkLeft");
        revealed(left);
        const double dragged = dragTo(left, 0.8);
        const ps::KeyframeCurve* left_curve = onlyCurveOn(session_->motion(), kBlinkLeft);
        const ps::KeyframeCurve* right_curve = onlyCurveOn(session_->motion(), kBlinkRight);
        QVERIFY(left_curve != nullptr && right_curve != nullptr);
        QVERIFY(std::fabs(left_curve->keys[0].value - dragged) < 1e-3);
        QCOMPARE(right_curve->keys[0].value, left_curve->keys[0].value);
        QCOMPARE(right_curve->keys[0].t_s, 1.0);
        QVERIFY(std::fabs(panel_->shownValue(Blendshape::EyeBlinkRight) - dragged) < 1e-3);
        QCOMPARE(session_->undoStack()->count(), 1);
        session_->undoStack()->undo();
        QVERIFY(session_->motion().curves.empty());

        // Unlinked, the other side stays.
        button("linkButton")->click();
        dragTo(left, 0.4);
        QCOMPARE(curvesOn(session_->motion(), kBlinkLeft), 1);
        QCOMPARE(curvesOn(session_->motion(), kBlinkRight), 0);
    }

    void resetGoesBackToTheLayersBelow() {
        sources_ = voiceSources();
        panel_->refresh();
        QSlider* jaw = slider("jawOpen");
        revealed(jaw);
        dragTo(jaw, 0.9);
        QVERIFY(panel_->shownValue(Blendshape::JawOpen) > 0.8);
        QToolButton* reset = button("jawOpenReset");
        QVERIFY(reset->isEnabled());
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(curvesOn(session_->motion(), kJaw), 0);  // its only key gone, the curve too
        QCOMPARE(panel_->shownValue(Blendshape::JawOpen), 0.3);
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("voice"));
        QVERIFY(!reset->isEnabled());
        QCOMPARE(session_->undoStack()->count(), 2);
        session_->undoStack()->undo();
        QCOMPARE(curvesOn(session_->motion(), kJaw), 1);

        // With keys elsewhere on the curve, only the one at the playhead goes.
        panel_->setTime(2.0);
        dragTo(jaw, 0.1);
        panel_->setTime(1.0);
        QTest::mouseClick(reset, Qt::LeftButton);
        const ps::KeyframeCurve* curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QCOMPARE(int(curve->keys.size()), 1);
        QCOMPARE(curve->keys[0].t_s, 2.0);
    }

    void theKeyButtonPinsTheValueShownAndRemovesIt() {
        sources_ = voiceSources();
        panel_->refresh();
        QToolButton* key = button("jawOpenKey");
        revealed(key);
        QTest::mouseClick(key, Qt::LeftButton);
        const ps::KeyframeCurve* curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QCOMPARE(curve->blend, ps::BlendMode::Override);
        QVERIFY(std::fabs(curve->keys[0].value - 0.3f) < 1e-6);  // the voice's value, pinned
        QVERIFY(key->isChecked());
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("key"));
        QCOMPARE(panel_->shownValue(Blendshape::JawOpen), 0.3);
        QTest::mouseClick(key, Qt::LeftButton);
        QCOMPARE(curvesOn(session_->motion(), kJaw), 0);
        QVERIFY(!key->isChecked());
        QCOMPARE(session_->undoStack()->count(), 2);
        // The keyboard reaches it too.
        key->setFocus();
        QTest::keyClick(key, Qt::Key_Space);
        QCOMPARE(curvesOn(session_->motion(), kJaw), 1);
    }

    void autoKeyOffSetsAnOffsetOverTheLayersBelow() {
        sources_ = voiceSources();
        panel_->refresh();
        button("autoKeyButton")->click();
        QVERIFY(!panel_->autoKey());
        QSlider* jaw = slider("jawOpen");
        revealed(jaw);
        const double dragged = dragTo(jaw, 0.5);
        const ps::KeyframeCurve* curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QCOMPARE(curve->blend, ps::BlendMode::Add);
        QVERIFY(std::fabs(curve->keys[0].value - (dragged - 0.3)) < 1e-3);
        QVERIFY(std::fabs(panel_->shownValue(Blendshape::JawOpen) - dragged) < 1e-3);
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("offset"));
        QVERIFY(!button("jawOpenKey")->isChecked());  // an offset is not a key
        QCOMPARE(session_->undoStack()->count(), 1);
        // The offset holds over the whole take: elsewhere the voice plus the offset.
        panel_->setTime(3.0);
        QVERIFY(std::fabs(panel_->shownValue(Blendshape::JawOpen) - dragged) < 1e-3);
        // A second drag at the same time changes the offset, not adds to it.
        panel_->setTime(1.0);
        const double again = dragTo(jaw, 0.35);
        QCOMPARE(int(onlyCurveOn(session_->motion(), kJaw)->keys.size()), 1);
        QVERIFY(std::fabs(onlyCurveOn(session_->motion(), kJaw)->keys[0].value - (again - 0.3)) <
                1e-3);
    }

    void rowsNameTheLayerThatDrivesThem() {
        sources_ = voiceSources();
        ps::TemplateLibrary library = ps::TemplateLibrary::load(PS_SOURCE_DIR "/presets", "");
        ps::ExpressionClip smile;
        smile.expression = *library.find(ps::TemplateKind::Expression, "smile");
        smile.start_s = 0.5;
        smile.duration_s = 2.0;
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{smile}}));
        QCOMPARE(panel_->drivingLayerText(Blendshape::MouthSmileLeft),
                 QStringLiteral("clip \u201csmile\u201d"));
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("voice"));
        QCOMPARE(panel_->drivingLayerText(Blendshape::EyeBlinkLeft), QStringLiteral("idle"));
        QCOMPARE(panel_->drivingLayerText(Blendshape::TongueOut), QStringLiteral("\u2014"));
        const auto* chip = panel_->findChild<LayerChip*>(QStringLiteral("jawOpenLayer"));
        QVERIFY(chip != nullptr && chip->color().isValid());
        QVERIFY(chip->toolTip().contains(QStringLiteral("voice")));
        panel_->setTime(3.0);  // after the clip, between blinks
        QCOMPARE(panel_->drivingLayerText(Blendshape::MouthSmileLeft), QStringLiteral("\u2014"));
        QCOMPARE(panel_->drivingLayerText(Blendshape::EyeBlinkLeft), QStringLiteral("\u2014"));
        // Muting the voice's lane leaves it out, as the viewer does.
        session_->setLaneFlags(Lane::Voice, {true, false, false});
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("\u2014"));
        QCOMPARE(panel_->shownValue(Blendshape::JawOpen), 0.0);
    }

    void theValueShownFollowsThePlayhead() {
        ps::KeyframeCurve curve;
        curve.channel = kJaw;
        curve.blend = ps::BlendMode::Override;
        for (const auto& [t, v] : {std::pair{1.0, 0.2f}, std::pair{2.0, 0.8f}}) {
            ps::Keyframe key;
            key.t_s = t;
            key.value = v;
            curve.keys.push_back(key);
        }
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::KeyframeCurve>{curve}}));
        QCOMPARE(spin("jawOpen")->value(), 20.0);
        QVERIFY(button("jawOpenKey")->isChecked());
        panel_->setTime(1.5);
        QCOMPARE(spin("jawOpen")->value(), 50.0);
        QVERIFY(!button("jawOpenKey")->isChecked());
        QCOMPARE(panel_->drivingLayerText(Blendshape::JawOpen), QStringLiteral("key"));
        panel_->setTime(2.0);
        QCOMPARE(spin("jawOpen")->value(), 80.0);
        panel_->setTime(3.0);  // past an override's last key the layers below show again
        QCOMPARE(spin("jawOpen")->value(), 0.0);
        QCOMPARE(spin("jawOpen")->suffix(), QStringLiteral(" %"));
    }

    void typingAValueKeysIt() {
        QDoubleSpinBox* jaw = spin("jawOpen");
        revealed(jaw);
        jaw->setFocus();
        QTRY_VERIFY(jaw->hasFocus());
        jaw->selectAll();
        QTest::keyClicks(jaw, QStringLiteral("45"));
        QTest::keyClick(jaw, Qt::Key_Return);
        const ps::KeyframeCurve* curve = onlyCurveOn(session_->motion(), kJaw);
        QVERIFY(curve != nullptr);
        QVERIFY(std::fabs(curve->keys[0].value - 0.45f) < 1e-6);
        QCOMPARE(session_->undoStack()->count(), 1);
    }

    void keysSurviveSavingAndReopening() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keyed.pstudio"));
        QSlider* jaw = slider("jawOpen");
        revealed(jaw);
        const double dragged = dragTo(jaw, 0.7);
        QString problem;
        QVERIFY2(session_->save(path, &problem), qPrintable(problem));

        ProjectSession reopened(QString{});
        QVERIFY2(reopened.open(path, &problem), qPrintable(problem));
        const ps::KeyframeCurve* curve = onlyCurveOn(reopened.motion(), kJaw);
        QVERIFY(curve != nullptr);
        QCOMPARE(curve->blend, ps::BlendMode::Override);
        QCOMPARE(curve->keys[0].t_s, 1.0);
        QVERIFY(std::fabs(curve->keys[0].value - dragged) < 1e-3);
        BlendshapePanel other(reopened, [] { return std::shared_ptr<const ps::MotionSources>(); });
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        other.setTime(1.0);
        QVERIFY(std::fabs(other.shownValue(Blendshape::JawOpen) - dragged) < 1e-3);
        QVERIFY(other.findChild<QToolButton*>(QStringLiteral("jawOpenKey"))->isChecked());
    }

    void aLockedKeyframeLaneIsReadOnly() {
        session_->setLaneFlags(Lane::Curves, {false, false, true});
        QSlider* jaw = slider("jawOpen");
        QVERIFY(!jaw->isEnabled());
        QVERIFY(!button("jawOpenKey")->isEnabled());
        dragTo(jaw, 0.6);
        QVERIFY(session_->motion().curves.empty());
        session_->setLaneFlags(Lane::Curves, {});
        QVERIFY(jaw->isEnabled());
    }

    void theFilterFindsShapesByAnyName() {
        auto* filter = panel_->findChild<QLineEdit*>(QStringLiteral("blendshapeFilter"));
        QTest::keyClicks(filter, QStringLiteral("blink"));
        QVERIFY(slider("eyeBlinkLeft")->isVisible());
        QVERIFY(slider("eyeBlinkRight")->isVisible());
        QVERIFY(!slider("jawOpen")->isVisible());
        QVERIFY(!button("section5")->isVisible());        // the jaw's group has nothing to show
        panel_->setFilter(QStringLiteral("mouthSmile"));  // ARKit's names work too
        QVERIFY(slider("mouthSmileLeft")->isVisible());
        QVERIFY(!slider("eyeBlinkLeft")->isVisible());
        panel_->setFilter(QString());
        QVERIFY(slider("jawOpen")->isVisible());
        // A closed group hides its rows until opened again.
        QToolButton* jaw_group = button("section5");
        QTest::mouseClick(jaw_group, Qt::LeftButton);
        QVERIFY(!slider("jawOpen")->isVisible());
        QVERIFY(jaw_group->isVisible());
        QTest::mouseClick(jaw_group, Qt::LeftButton);
        QVERIFY(slider("jawOpen")->isVisible());
    }

    void pictureOfThePanel() {
        const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
        if (artifacts.isEmpty()) {
            QSKIP("set PS_TEST_ARTIFACTS to a folder to save a picture of the Blendshape panel");
        }
        sources_ = voiceSources();
        ps::TemplateLibrary library = ps::TemplateLibrary::load(PS_SOURCE_DIR "/presets", "");
        ps::ExpressionClip smile;
        smile.expression = *library.find(ps::TemplateKind::Expression, "smile");
        smile.start_s = 0.5;
        smile.duration_s = 2.0;
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{smile}}));
        // The eyes widened over a span (linked), the inner brows keyed at the playhead.
        button("linkButton")->click();
        revealed(slider("eyeWideLeft"));
        panel_->setTime(0.8);
        dragTo(slider("eyeWideLeft"), 0.3);
        panel_->setTime(1.4);
        dragTo(slider("eyeWideLeft"), 0.2);
        panel_->setTime(1.05);
        revealed(slider("browInnerUp"));
        dragTo(slider("browInnerUp"), 0.35);
        QCOMPARE(panel_->drivingLayerText(Blendshape::EyeWideRight), QStringLiteral("key"));
        QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/blendshape_panel.png")));
        auto* scroll = panel_->findChild<QScrollArea*>(QStringLiteral("blendshapeScroll"));
        scroll->ensureWidgetVisible(slider("mouthSmileLeft"), 0, 200);
        QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/blendshape_panel_mouth.png")));
        panel_->resize(340, 600);  // a narrow dock
        panel_->setFilter(QStringLiteral("left"));
        QCoreApplication::processEvents();
        QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/blendshape_panel_narrow.png")));
    }

private:
    QSlider* slider(const QString& shape) const {
        return panel_->findChild<QSlider*>(shape + QStringLiteral("Slider"));
    }
    QDoubleSpinBox* spin(const QString& shape) const {
        return panel_->findChild<QDoubleSpinBox*>(shape + QStringLiteral("Spin"));
    }
    QToolButton* button(const char* name) const {
        QToolButton* found = panel_->findChild<QToolButton*>(QString::fromLatin1(name));
        if (found == nullptr) {
            qFatal("no button %s", name);
        }
        return found;
    }
    // Scrolls the panel to the widget, as a person would before dragging it.
    void revealed(QWidget* widget) const {
        panel_->findChild<QScrollArea*>(QStringLiteral("blendshapeScroll"))
            ->ensureWidgetVisible(widget);
        QCoreApplication::processEvents();
    }

    std::unique_ptr<ProjectSession> session_;
    std::shared_ptr<const ps::MotionSources> sources_;
    std::unique_ptr<BlendshapePanel> panel_;
};

QTEST_MAIN(TestBlendshapePanel)
#include "TestBlendshapePanel.moc"

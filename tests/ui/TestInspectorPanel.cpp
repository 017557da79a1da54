// The inspector edits what the timeline selected through its real widgets: a clip's start,
// intensity and template, a key's value, interpolation and time, a curve's blend, a sculpt's
// offset, the project's strengths and frame rate. Each edit is an undo step that restores the
// document exactly; several changes in one field are one step until focus leaves it; selecting
// another element shows that element's values; and refreshes keep focus in the edited field.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

#include "motion/MotionChannel.h"
#include "motion/MotionEdit.h"
#include "motion/TemplateLibrary.h"
#include "ui/InspectorPanel.h"
#include "ui/ProjectSession.h"
#include "ui/SelectionModel.h"

using namespace ps::ui;

namespace {

ps::ExpressionClip clipOf(const ps::ExpressionTemplate& expression, double start_s) {
    ps::ExpressionClip clip;
    clip.expression = expression;
    clip.start_s = start_s;
    clip.duration_s = 2.0;
    return clip;
}

ps::KeyframeCurve jawCurve() {
    ps::KeyframeCurve curve;
    curve.channel = int(ps::Blendshape::JawOpen);
    for (const auto& [t, v] : {std::pair{0.5, 0.1f}, std::pair{1.0, 0.6f}, std::pair{2.0, 0.2f}}) {
        ps::Keyframe key;
        key.t_s = t;
        key.value = v;
        curve.keys.push_back(key);
    }
    return curve;
}

}  // namespace

class TestInspectorPanel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        session_ = std::make_unique<ProjectSession>(QString{});
        selection_ = std::make_unique<SelectionModel>();
        panel_ = std::make_unique<InspectorPanel>(*session_, *selection_, library_);
        panel_->resize(360, 560);
        panel_->show();
        panel_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(panel_.get()));
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{
            clipOf(*library_.find(ps::TemplateKind::Expression, "smile"), 1.0)}}));
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::ExpressionClip>{
            clipOf(*library_.find(ps::TemplateKind::Pose, "nod"), 4.0)}}));
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::KeyframeCurve>{jawCurve()}}));
        ps::LandmarkSculpt sculpt;
        sculpt.center_vertex = 13;
        sculpt.radius_cm = 1.5f;
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::LandmarkSculpt>{sculpt}}));
        session_->undoStack()->clear();
        smile_ = session_->motion().clips[0].id;
        nod_ = session_->motion().clips[1].id;
        curve_ = session_->motion().curves[0].id;
        sculpt_ = session_->motion().sculpts[0].id;
    }

    void cleanup() {
        panel_.reset();
        selection_.reset();
        session_.reset();
    }

    void nothingSelectedShowsTheProject() {
        QCOMPARE(panel_->title(), QStringLiteral("Project"));
        QVERIFY(spin("lipsStrengthSpin")->isVisible());
        QCOMPARE(spin("lipsStrengthSpin")->value(), 100.0);
        QCOMPARE(spin("lipsStrengthSpin")->suffix(), QStringLiteral(" %"));
        QCOMPARE(combo("frameRateCombo")->currentText(), QStringLiteral("25 fps"));
        QCOMPARE(combo("frameRateCombo")->count(), int(ps::allFrameRates().size()));
    }

    void clipShowsItsValuesAndAnotherClipItsOwn() {
        selection_->select({ElementKind::Clip, smile_});
        QCOMPARE(panel_->title(), QStringLiteral("Expression clip \u201csmile\u201d"));
        QCOMPARE(spin("clipStartSpin")->value(), 1.0);
        QCOMPARE(spin("clipStartSpin")->suffix(), QStringLiteral(" s"));
        QCOMPARE(spin("clipDurationSpin")->value(), 2.0);
        QCOMPARE(spin("clipIntensitySpin")->value(), 100.0);
        QCOMPARE(combo("clipTemplateCombo")->currentText(), QStringLiteral("smile"));
        QCOMPARE(combo("clipTemplateCombo")->count(),
                 int(library_.names(ps::TemplateKind::Expression).size()));
        QCOMPARE(combo("clipBlendCombo")->currentData().toInt(), int(ps::BlendMode::Add));
        QVERIFY(check("clipEnabledCheck")->isChecked());

        selection_->select({ElementKind::Clip, nod_});
        QCOMPARE(panel_->title(), QStringLiteral("Pose clip \u201cnod\u201d"));
        QCOMPARE(spin("clipStartSpin")->value(), 4.0);
        QCOMPARE(combo("clipTemplateCombo")->currentText(), QStringLiteral("nod"));
        QCOMPARE(combo("clipTemplateCombo")->count(),
                 int(library_.names(ps::TemplateKind::Pose).size()));

        selection_->clear();
        QCOMPARE(panel_->title(), QStringLiteral("Project"));
    }

    void typedClipStartIsOneUndoableEdit() {
        selection_->select({ElementKind::Clip, smile_});
        const ps::ExpressionClip before = session_->motion().clips[0];
        QDoubleSpinBox* start = spin("clipStartSpin");
        type(start, "2.25");
        QCOMPARE(session_->motion().clips[0].start_s, 2.25);
        QCOMPARE(session_->motion().clips[0].duration_s, before.duration_s);
        QCOMPARE(session_->undoStack()->count(), 1);
        QVERIFY(session_->isModified());
        session_->undoStack()->undo();
        QCOMPARE(session_->motion().clips[0].start_s, before.start_s);
        QCOMPARE(start->value(), 1.0);  // the field follows the undo
        session_->undoStack()->redo();
        QCOMPARE(session_->motion().clips[0].start_s, 2.25);
    }

    void intensityFromSliderOrEntryIsOneStepPerGesture() {
        selection_->select({ElementKind::Clip, smile_});
        QDoubleSpinBox* intensity = spin("clipIntensitySpin");
        type(intensity, "150");
        QCOMPARE(session_->motion().clips[0].intensity, 1.5f);
        // Stepping the same field again before focus leaves merges with the typed value.
        QTest::keyClick(intensity, Qt::Key_Up);
        QTest::keyClick(intensity, Qt::Key_Up);
        QCOMPARE(intensity->value(), 152.0);
        QCOMPARE(session_->motion().clips[0].intensity, 1.52f);
        QCOMPARE(session_->undoStack()->count(), 1);

        // Focus leaves: the next change is a step of its own.
        spin("clipStartSpin")->setFocus();
        QTRY_VERIFY(!intensity->hasFocus());
        intensity->setFocus();
        intensity->setValue(80.0);
        QCOMPARE(session_->undoStack()->count(), 2);
        session_->undoStack()->undo();
        QCOMPARE(session_->motion().clips[0].intensity, 1.52f);
        session_->undoStack()->undo();
        QCOMPARE(session_->motion().clips[0].intensity, 1.0f);

        // A slider's drag is one step, ended by its release.
        QSlider* slider = panel_->findChild<QSlider*>(QStringLiteral("clipIntensitySlider"));
        QVERIFY(slider != nullptr);
        const int steps = session_->undoStack()->index();
        slider->setSliderDown(true);
        for (int v : {1100, 1200, 1300}) {
            slider->setValue(v);
        }
        slider->setSliderDown(false);
        QCOMPARE(session_->motion().clips[0].intensity, 1.3f);
        QCOMPARE(session_->undoStack()->index(), steps + 1);
        slider->setSliderDown(true);
        slider->setValue(500);
        slider->setSliderDown(false);
        QCOMPARE(session_->undoStack()->index(), steps + 2);
    }

    void severalChangesInOneFieldAreOneStep() {
        selection_->select({ElementKind::Clip, smile_});
        QDoubleSpinBox* fade = spin("clipFadeInSpin");
        fade->setFocus();
        for (double v : {0.3, 0.4, 0.5, 0.6}) {
            fade->setValue(v);
        }
        QCOMPARE(session_->motion().clips[0].fade_in_s, 0.6);
        QCOMPARE(session_->undoStack()->count(), 1);
        session_->undoStack()->undo();
        QCOMPARE(session_->motion().clips[0].fade_in_s, 0.25);
        // Another element starts another step even in the same field.
        session_->undoStack()->redo();
        selection_->select({ElementKind::Clip, nod_});
        fade->setValue(0.1);
        QCOMPARE(session_->undoStack()->count(), 2);
        QCOMPARE(session_->motion().clips[1].fade_in_s, 0.1);
        QCOMPARE(session_->motion().clips[0].fade_in_s, 0.6);
    }

    void refreshKeepsFocusInTheEditedField() {
        selection_->select({ElementKind::Clip, smile_});
        QDoubleSpinBox* start = spin("clipStartSpin");
        start->setFocus();
        QTRY_VERIFY(start->hasFocus());
        QTest::keyClick(start, Qt::Key_Up);
        QCOMPARE(session_->motion().clips[0].start_s, 1.1);
        QVERIFY(start->hasFocus());
        QCOMPARE(focusWidgetName(), QStringLiteral("clipStartSpin"));
    }

    void templateBlendAndEnabled() {
        selection_->select({ElementKind::Clip, smile_});
        QComboBox* templates = combo("clipTemplateCombo");
        templates->setCurrentIndex(templates->findText(QStringLiteral("surprise")));
        const ps::ExpressionClip& clip = session_->motion().clips[0];
        QCOMPARE(clip.expression.name, std::string("surprise"));
        QCOMPARE(clip.start_s, 1.0);  // timing kept
        QCOMPARE(clip.duration_s, 2.0);
        QCOMPARE(panel_->title(), QStringLiteral("Expression clip \u201csurprise\u201d"));
        combo("clipBlendCombo")->setCurrentIndex(1);
        QCOMPARE(int(session_->motion().clips[0].expression.blend), int(ps::BlendMode::Override));
        check("clipEnabledCheck")->setChecked(false);
        QVERIFY(!session_->motion().clips[0].enabled);
        QCOMPARE(session_->undoStack()->count(), 3);
        for (int i = 0; i < 3; ++i) {
            session_->undoStack()->undo();
        }
        QCOMPARE(session_->motion().clips[0].expression.name, std::string("smile"));
        QCOMPARE(int(session_->motion().clips[0].expression.blend), int(ps::BlendMode::Add));
        QVERIFY(session_->motion().clips[0].enabled);
        QCOMPARE(templates->currentText(), QStringLiteral("smile"));
    }

    void keyValueInterpolationAndTime() {
        selection_->select({ElementKind::Key, curve_, 1.0});
        QCOMPARE(panel_->title(), QStringLiteral("Key on jawOpen"));
        QCOMPARE(label("keyChannelLabel")->text(), QStringLiteral("jawOpen"));
        QCOMPARE(spin("keyTimeSpin")->value(), 1.0);
        QCOMPARE(spin("keyValueSpin")->value(), 0.6);
        QCOMPARE(spin("keyValueSpin")->maximum(), 1.0);
        const ps::KeyframeCurve before = session_->motion().curves[0];

        type(spin("keyValueSpin"), "0.85");
        QCOMPARE(session_->motion().curves[0].keys[1].value, 0.85f);
        combo("keyInterpolationCombo")->setCurrentIndex(2);
        QCOMPARE(int(session_->motion().curves[0].keys[1].interpolation),
                 int(ps::Interpolation::Bezier));
        QCOMPARE(session_->undoStack()->count(), 2);

        // A new time moves the key, and the selection follows it.
        type(spin("keyTimeSpin"), "1.5");
        QCOMPARE(session_->motion().curves[0].keys[1].t_s, 1.5);
        QCOMPARE(selection_->current().key_t_s, 1.5);
        QCOMPARE(panel_->shownElement().key_t_s, 1.5);
        QCOMPARE(spin("keyValueSpin")->value(), 0.85);
        // Past its neighbour: the keys stay in time order.
        type(spin("keyTimeSpin"), "2.5");
        QCOMPARE(session_->motion().curves[0].keys[2].t_s, 2.5);
        QCOMPARE(session_->motion().curves[0].keys[2].value, 0.85f);
        QCOMPARE(selection_->current().key_t_s, 2.5);
        // Onto another key: refused, nothing changes.
        const int steps = session_->undoStack()->count();
        type(spin("keyTimeSpin"), "0.5");
        QCOMPARE(session_->undoStack()->count(), steps);
        QCOMPARE(spin("keyTimeSpin")->value(), 2.5);
        QVERIFY(!panel_->lastError().isEmpty());

        while (session_->undoStack()->canUndo()) {
            session_->undoStack()->undo();
        }
        const ps::KeyframeCurve& after = session_->motion().curves[0];
        QCOMPARE(after.keys.size(), before.keys.size());
        for (size_t i = 0; i < before.keys.size(); ++i) {
            QCOMPARE(after.keys[i].t_s, before.keys[i].t_s);
            QCOMPARE(after.keys[i].value, before.keys[i].value);
            QCOMPARE(int(after.keys[i].interpolation), int(before.keys[i].interpolation));
        }
    }

    void angleKeysAreInDegrees() {
        ps::KeyframeCurve curve;
        curve.channel = ps::kHeadYawChannel;
        ps::Keyframe key;
        key.t_s = 0.0;
        key.value = -12.0f;
        curve.keys.push_back(key);
        QVERIFY(session_->apply(ps::MotionEdit{ps::InsertElement<ps::KeyframeCurve>{curve}}));
        const ps::ElementId id = session_->motion().curves.back().id;
        selection_->select({ElementKind::Key, id, 0.0});
        QCOMPARE(spin("keyValueSpin")->suffix(), QStringLiteral(" \u00b0"));
        QCOMPARE(spin("keyValueSpin")->value(), -12.0);
        spin("keyValueSpin")->setValue(30.0);
        QCOMPARE(session_->motion().curves.back().keys[0].value, 30.0f);
    }

    void curveAndSculpt() {
        selection_->select({ElementKind::Curve, curve_});
        QCOMPARE(panel_->title(), QStringLiteral("Curve on jawOpen"));
        QCOMPARE(label("curveKeyCountLabel")->text(), QStringLiteral("3"));
        combo("curveBlendCombo")->setCurrentIndex(1);
        QCOMPARE(int(session_->motion().curves[0].blend), int(ps::BlendMode::Override));

        selection_->select({ElementKind::Sculpt, sculpt_});
        QCOMPARE(panel_->title(), QStringLiteral("Sculpt at vertex 13"));
        QCOMPARE(spin("sculptRadiusSpin")->value(), 1.5);
        QCOMPARE(spin("sculptRadiusSpin")->suffix(), QStringLiteral(" cm"));
        spin("sculptOffsetZSpin")->setValue(0.4);
        QCOMPARE(session_->motion().sculpts[0].offset_cm.z, 0.4f);
        auto* vertex = panel_->findChild<QSpinBox*>(QStringLiteral("sculptVertexSpin"));
        QVERIFY(vertex != nullptr);
        vertex->setValue(14);
        QCOMPARE(session_->motion().sculpts[0].center_vertex, 14);
        QCOMPARE(panel_->title(), QStringLiteral("Sculpt at vertex 14"));
        session_->undoStack()->undo();
        session_->undoStack()->undo();
        QCOMPARE(session_->motion().sculpts[0].offset_cm.z, 0.0f);
        QCOMPARE(session_->motion().sculpts[0].center_vertex, 13);
    }

    void globalStrengthsAreUndoable() {
        type(spin("lipsStrengthSpin"), "60");
        QCOMPARE(session_->motion().strengths.lips, 0.6f);
        spin("headStrengthSpin")->setValue(150.0);
        spin("headStrengthSpin")->setValue(170.0);
        QCOMPARE(session_->motion().strengths.head, 1.7f);
        QCOMPARE(session_->undoStack()->count(), 2);
        session_->undoStack()->undo();
        QCOMPARE(session_->motion().strengths.head, 1.0f);
        QCOMPARE(session_->motion().strengths.lips, 0.6f);
        session_->undoStack()->undo();
        QVERIFY(session_->motion().strengths == ps::MotionStrengths{});
        QCOMPARE(spin("lipsStrengthSpin")->value(), 100.0);
    }

    void frameRateIsUndoable() {
        QSignalSpy changed(session_.get(), &ProjectSession::frameRateChanged);
        QComboBox* rates = combo("frameRateCombo");
        rates->setCurrentIndex(rates->findText(QStringLiteral("29.97 fps")));
        QCOMPARE(int(session_->project().fps), int(ps::FrameRate::Fps29_97));
        QCOMPARE(changed.count(), 1);
        QVERIFY(session_->isModified());
        QCOMPARE(session_->undoStack()->count(), 1);
        session_->undoStack()->undo();
        QCOMPARE(int(session_->project().fps), int(ps::FrameRate::Fps25));
        QCOMPARE(rates->currentText(), QStringLiteral("25 fps"));
        QVERIFY(!session_->isModified());
        session_->undoStack()->redo();
        QCOMPARE(int(session_->project().fps), int(ps::FrameRate::Fps29_97));
        QCOMPARE(changed.count(), 3);
        session_->setFrameRate(ps::FrameRate::Fps29_97);  // the same rate: no step
        session_->setFrameRate(ps::FrameRate::Invalid);
        QCOMPARE(session_->undoStack()->count(), 1);
    }

    void aDeletedElementGivesWayToTheProject() {
        selection_->select({ElementKind::Clip, smile_});
        // The main window prunes the selection; until it does, a selection of something gone
        // shows the project, and the element again once an undo brings it back.
        QVERIFY(session_->apply(ps::MotionEdit{ps::RemoveElement<ps::ExpressionClip>{smile_}}));
        QCOMPARE(panel_->title(), QStringLiteral("Project"));
        session_->undoStack()->undo();
        QCOMPARE(panel_->title(), QStringLiteral("Expression clip \u201csmile\u201d"));
    }

    void pictureOfAClip() {
        const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
        if (artifacts.isEmpty()) {
            QSKIP("set PS_TEST_ARTIFACTS to a folder to save a picture of the inspector");
        }
        selection_->select({ElementKind::Clip, smile_});
        QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/inspector.png")));
        selection_->clear();
        QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/inspector_project.png")));
        selection_->select({ElementKind::Key, curve_, 1.0});
        QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/inspector_key.png")));
    }

private:
    QDoubleSpinBox* spin(const char* name) const {
        auto* found = panel_->findChild<QDoubleSpinBox*>(QString::fromLatin1(name));
        if (found == nullptr) {
            qFatal("no spin box %s", name);
        }
        return found;
    }
    QComboBox* combo(const char* name) const {
        auto* found = panel_->findChild<QComboBox*>(QString::fromLatin1(name));
        if (found == nullptr) {
            qFatal("no combo box %s", name);
        }
        return found;
    }
    QCheckBox* check(const char* name) const {
        auto* found = panel_->findChild<QCheckBox*>(QString::fromLatin1(name));
        if (found == nullptr) {
            qFatal("no check box %s", name);
        }
        return found;
    }
    QLabel* label(const char* name) const {
        auto* found = panel_->findChild<QLabel*>(QString::fromLatin1(name));
        if (found == nullptr) {
            qFatal("no label %s", name);
        }
        return found;
    }
    static QString focusWidgetName() {
        return QApplication::focusWidget() != nullptr ? QApplication::focusWidget()->objectName()
                                                      : QString();
    }
    // Types into a spin box as a person does: everything selected, the digits, Enter.
    static void type(QDoubleSpinBox* spin, const char* text) {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QString::fromLatin1(text));
        QTest::keyClick(spin, Qt::Key_Return);
    }

    ps::TemplateLibrary library_ = ps::TemplateLibrary::load(PS_SOURCE_DIR "/presets", "");
    std::unique_ptr<ProjectSession> session_;
    std::unique_ptr<SelectionModel> selection_;
    std::unique_ptr<InspectorPanel> panel_;
    ps::ElementId smile_ = 0, nod_ = 0, curve_ = 0, sculpt_ = 0;
};

QTEST_MAIN(TestInspectorPanel)
#include "TestInspectorPanel.moc"

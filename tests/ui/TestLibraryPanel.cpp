// The library panel lists every shipped template, filters by search text and kind, shows each
// on the sample photo's own face (different faces for different templates, rendered off the UI
// thread), drags and activates templates by name, saves the current face as a user template
// that it then lists, and renames and deletes the user's templates but never built-in ones.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <functional>

#include "face/PhotoFit.h"
#include "media/ImageDecoder.h"
#include "motion/MotionChannel.h"
#include "motion/TemplateLibrary.h"
#include "ui/LibraryPanel.h"
#include "ui/SaveTemplateDialog.h"
#include "ui/TemplateListModel.h"
#include "ui/TemplateThumbnails.h"

using namespace ps::ui;

namespace {

const QStringList kExpressions = {"angry",    "contempt",  "disgust",   "fear",
                                  "laugh",    "neutral",   "sad",       "smile",
                                  "surprise", "wink-left", "wink-right"};
const QStringList kPoses = {"nod", "shake", "still", "tilt"};

// Mean absolute difference per channel, 0..255.
double meanDifference(const QImage& a, const QImage& b) {
    if (a.size() != b.size() || a.isNull()) {
        return -1.0;
    }
    double sum = 0.0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                   std::abs(qBlue(p) - qBlue(q));
        }
    }
    return sum / (3.0 * a.width() * a.height());
}

// Runs `answer` on the first modal dialog of type Dialog that opens (within a few seconds).
template <class Dialog>
void whenDialogOpens(std::function<void(Dialog*)> answer) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, tries, answer] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        if (dialog != nullptr || ++*tries > 250) {
            timer->stop();
            timer->deleteLater();
            if (dialog != nullptr) {
                answer(dialog);
            }
        }
    });
    timer->start();
}

ps::FaceState smilingFace() {
    ps::FaceState face;
    face.weights[size_t(ps::Blendshape::MouthSmileLeft)] = 0.8f;
    face.weights[size_t(ps::Blendshape::MouthSmileRight)] = 0.7f;
    face.weights[size_t(ps::Blendshape::BrowInnerUp)] = 0.3f;
    face.head_deg = {4.0f, 0.0f, 0.0f};  // not kept by default
    return face;
}

}  // namespace

class TestLibraryPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        ps::Result<ps::Photo> photo = ps::decodeImage(PS_SAMPLES_DIR "/astronaut.png");
        QVERIFY(photo.ok());
        ps::Result<ps::LargestFaceFit> fitted = ps::fitLargestFace(photo->bgr, photo->path);
        QVERIFY2(fitted.ok(), fitted.ok() ? "" : fitted.error().message.c_str());
        ps::Result<ps::PreviewScene> scene =
            ps::PreviewScene::create(photo->bgr, fitted->report.fit);
        QVERIFY(scene.ok());
        scene_ = std::make_shared<const ps::PreviewScene>(std::move(*scene));
    }

    void init() {
        user_ = std::make_unique<QTemporaryDir>();
        library_ = std::make_unique<ps::TemplateLibrary>(
            ps::TemplateLibrary::load(PS_SOURCE_DIR "/presets", user_->path().toStdString()));
        QVERIFY(library_->problems().empty());
        panel_ = std::make_unique<LibraryPanel>(*library_);
        panel_->resize(560, 640);
        panel_->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
        tester_ = std::make_unique<QAbstractItemModelTester>(
            panel_->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup() {
        tester_.reset();
        panel_.reset();
        library_.reset();
        user_.reset();
    }

    void listsEveryBuiltinTemplate() {
        QCOMPARE(names(), kExpressions + kPoses);
        QAbstractItemModel* model = panel_->model();
        const QModelIndex smile = indexOf("smile");
        QCOMPARE(model->data(smile, Qt::ToolTipRole).toString(),
                 QString::fromStdString(
                     library_->find(ps::TemplateKind::Expression, "smile")->description));
        QCOMPARE(model->data(smile, TemplateListModel::KindRole).toInt(),
                 int(ps::TemplateKind::Expression));
        QCOMPARE(model->data(indexOf("nod"), TemplateListModel::KindRole).toInt(),
                 int(ps::TemplateKind::Pose));
        QVERIFY(!model->data(smile, TemplateListModel::IsUserRole).toBool());
        // Without a photo, every item still has an icon.
        QVERIFY(!model->data(smile, Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(view()->viewMode(), QListView::IconMode);
        const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
        if (!artifacts.isEmpty()) {
            QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/library_no_photo.png")));
        }
    }

    void searchAndKindFilter() {
        auto* search = panel_->findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        QVERIFY(search != nullptr);
        QTest::keyClicks(search, QStringLiteral("WINK"));
        QCOMPARE(names(), QStringList({"wink-left", "wink-right"}));
        search->clear();
        // The description counts too: smile's is "A warm closed-mouth smile."
        const QString description = QString::fromStdString(
            library_->find(ps::TemplateKind::Expression, "smile")->description);
        const QString word = description.section(QLatin1Char(' '), 1, 1);
        QTest::keyClicks(search, word.toUpper());
        QVERIFY2(names().contains(QStringLiteral("smile")), qPrintable(word));
        search->setText(QStringLiteral("no template is called this"));
        QCOMPARE(names(), QStringList());
        search->clear();
        QCOMPARE(names().size(), kExpressions.size() + kPoses.size());

        auto* filter = panel_->findChild<QComboBox*>(QStringLiteral("libraryFilter"));
        QVERIFY(filter != nullptr);
        filter->setCurrentIndex(filter->findText(QStringLiteral("Poses")));
        QCOMPARE(names(), kPoses);
        filter->setCurrentIndex(filter->findText(QStringLiteral("Expressions")));
        QCOMPARE(names(), kExpressions);
        search->setText(QStringLiteral("nod"));
        QCOMPARE(names(), QStringList());
        filter->setCurrentIndex(filter->findText(QStringLiteral("All")));
        QCOMPARE(names(), QStringList({"nod"}));
    }

    void thumbnailsShowEachTemplateOnThePhoto() {
        TemplateThumbnails& thumbnails = panel_->thumbnails();
        QSignalSpy ready(&thumbnails, &TemplateThumbnails::thumbnailReady);
        panel_->setScene(scene_);
        // Painting asks for every visible picture; ask for all in case the view shows few.
        for (int row = 0; row < panel_->model()->rowCount(); ++row) {
            (void)panel_->model()->data(panel_->model()->index(row, 0), Qt::DecorationRole);
        }
        QVERIFY(thumbnails.isPending());
        QTRY_VERIFY_WITH_TIMEOUT(!thumbnails.isPending(), 60000);
        QCOMPARE(thumbnails.renderedCount(), int(kExpressions.size() + kPoses.size()));
        QVERIFY(ready.count() >= kExpressions.size() + kPoses.size());

        const auto picture = [this, &thumbnails](ps::TemplateKind kind, const char* name) {
            return thumbnails.thumbnail(*library_->find(kind, name));
        };
        const QImage smile = picture(ps::TemplateKind::Expression, "smile");
        const QImage surprise = picture(ps::TemplateKind::Expression, "surprise");
        const QImage nod = picture(ps::TemplateKind::Pose, "nod");
        const QImage still = picture(ps::TemplateKind::Pose, "still");
        for (const QImage& image : {smile, surprise, nod, still}) {
            QCOMPARE(image.size(),
                     QSize(TemplateThumbnails::kSide_px, TemplateThumbnails::kSide_px));
        }
        const double expressions = meanDifference(smile, surprise);
        const double poses = meanDifference(nod, still);
        qInfo("mean difference: smile/surprise %.2f, nod/still %.2f", expressions, poses);
        QVERIFY(expressions > 1.0);
        QVERIFY(poses > 1.0);
        // The same template twice is the same picture, from the cache.
        QCOMPARE(meanDifference(smile, picture(ps::TemplateKind::Expression, "smile")), 0.0);
        QVERIFY(!thumbnails.isPending());

        // A new scene renders afresh; no scene, no pictures.
        panel_->setScene(nullptr);
        QVERIFY(picture(ps::TemplateKind::Expression, "smile").isNull());
        QCOMPARE(thumbnails.renderedCount(), 0);
        QVERIFY(!thumbnails.isPending());
        QVERIFY(
            !panel_->model()->data(indexOf("smile"), Qt::DecorationRole).value<QIcon>().isNull());

        const QString artifacts = qEnvironmentVariable("PS_TEST_ARTIFACTS");
        if (!artifacts.isEmpty()) {
            panel_->setScene(scene_);
            QTest::qWait(50);  // a paint asks for the visible pictures
            for (int row = 0; row < panel_->model()->rowCount(); ++row) {
                (void)panel_->model()->data(panel_->model()->index(row, 0), Qt::DecorationRole);
            }
            QTRY_VERIFY_WITH_TIMEOUT(!thumbnails.isPending(), 60000);
            QVERIFY(library_->saveUserTemplate(templateNamed("my look")).ok());
            panel_->reload();
            QTest::qWait(50);
            QTRY_VERIFY_WITH_TIMEOUT(!thumbnails.isPending(), 60000);
            QVERIFY(panel_->grab().save(artifacts + QStringLiteral("/library.png")));
        }
    }

    void dragCarriesTheTemplatesName() {
        QAbstractItemModel* model = panel_->model();
        QVERIFY(model->mimeTypes().contains(QString::fromLatin1(kTemplateMimeType)));
        QVERIFY(model->flags(indexOf("nod")) & Qt::ItemIsDragEnabled);
        for (const auto& [name, kind] : {std::pair{"surprise", ps::TemplateKind::Expression},
                                         std::pair{"nod", ps::TemplateKind::Pose}}) {
            std::unique_ptr<QMimeData> data(model->mimeData({indexOf(name)}));
            QVERIFY(data != nullptr);
            const std::optional<TemplateName> carried = templateFromMimeData(data.get());
            QVERIFY(carried.has_value());
            QCOMPARE(carried->name, QString::fromLatin1(name));
            QCOMPARE(int(carried->kind), int(kind));
        }
    }

    void doubleClickAndEnterActivate() {
        QSignalSpy activated(panel_.get(), &LibraryPanel::templateActivated);
        const QModelIndex laugh = indexOf("laugh");
        view()->scrollTo(laugh);
        const QPoint centre = view()->visualRect(laugh).center();
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view()->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated[0][0].value<TemplateName>().name, QStringLiteral("laugh"));

        view()->setCurrentIndex(indexOf("tilt"));
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        const TemplateName tilt = activated[1][0].value<TemplateName>();
        QCOMPARE(tilt.name, QStringLiteral("tilt"));
        QCOMPARE(int(tilt.kind), int(ps::TemplateKind::Pose));
    }

    void saveCurrentFaceMakesAUserTemplate() {
        QAction* save = panel_->saveFaceAction();
        QCOMPARE(save->objectName(), QStringLiteral("saveFaceAsTemplateAction"));
        QVERIFY(!save->isEnabled());  // no face to save yet
        panel_->setFaceProvider(smilingFace);
        QVERIFY(save->isEnabled());
        QSignalSpy changed(panel_.get(), &LibraryPanel::libraryChanged);

        whenDialogOpens<SaveTemplateDialog>([](SaveTemplateDialog* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("templateNameEdit"))
                ->setText(QStringLiteral("beam"));
            dialog->findChild<QLineEdit*>(QStringLiteral("templateDescriptionEdit"))
                ->setText(QStringLiteral("A beaming smile of my own."));
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        });
        save->trigger();
        QCOMPARE(changed.count(), 1);
        const QString file = user_->path() + QStringLiteral("/expressions/beam.json");
        QVERIFY(QFile::exists(file));
        ps::Result<ps::ExpressionTemplate> saved = ps::readTemplate(file.toStdString());
        QVERIFY(saved.ok());
        QCOMPARE(saved->description, std::string("A beaming smile of my own."));
        ps::ChannelValues values{};
        ps::applyTemplate(*saved, 0.0, 1.0f, values.data());
        QCOMPARE(values[size_t(ps::Blendshape::MouthSmileLeft)], 0.8f);
        QCOMPARE(values[ps::kHeadPitchChannel], 0.0f);  // the head is not kept by default
        QVERIFY(names().contains(QStringLiteral("beam")));
        QVERIFY(panel_->model()->data(indexOf("beam"), TemplateListModel::IsUserRole).toBool());
        QCOMPARE(panel_->currentTemplate()->name, QStringLiteral("beam"));
        QVERIFY(panel_->model()
                    ->data(indexOf("beam"), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Your template")));

        // Cancelled: nothing written, nothing changed.
        whenDialogOpens<SaveTemplateDialog>([](SaveTemplateDialog* dialog) { dialog->reject(); });
        save->trigger();
        QCOMPARE(changed.count(), 1);
    }

    void saveDialogExplainsBadNamesAndAsksBeforeReplacing() {
        QVERIFY(library_->saveUserTemplate(templateNamed("mine")).ok());
        SaveTemplateDialog dialog(*library_, smilingFace());
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("templateNameEdit"));
        auto* problem = dialog.findChild<QLabel*>(QStringLiteral("templateNameProblem"));
        QPushButton* save = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        dialog.show();
        QVERIFY(!save->isEnabled());
        name->setText(QStringLiteral("a/b"));
        QVERIFY(!save->isEnabled());
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(),
                 QString::fromStdString(ps::TemplateLibrary::problemWithName("a/b")));
        name->setText(QStringLiteral("fine name"));
        QVERIFY(save->isEnabled());
        QVERIFY(!problem->isVisible());
        // The default parts exclude the head and gaze; nothing chosen, nothing to save.
        QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("groupMouthCheck"))->isChecked());
        QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("groupHeadCheck"))->isChecked());
        QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("groupGazeCheck"))->isChecked());
        for (QCheckBox* check : dialog.findChildren<QCheckBox*>()) {
            check->setChecked(false);
        }
        QVERIFY(!save->isEnabled());
        dialog.findChild<QCheckBox*>(QStringLiteral("groupHeadCheck"))->setChecked(true);
        QVERIFY(save->isEnabled());

        // Replacing one of the user's own templates is asked first; No keeps it.
        name->setText(QStringLiteral("mine"));
        whenDialogOpens<QMessageBox>(
            [](QMessageBox* box) { box->button(QMessageBox::No)->click(); });
        save->click();
        QVERIFY(dialog.isVisible());
        QCOMPARE(library_->find(ps::TemplateKind::Expression, "mine")->description,
                 std::string("Test."));
        whenDialogOpens<QMessageBox>(
            [](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); });
        save->click();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.savedName(), QStringLiteral("mine"));
        ps::ChannelValues values{};
        ps::applyTemplate(*library_->find(ps::TemplateKind::Expression, "mine"), 0.0, 1.0f,
                          values.data());
        QCOMPARE(values[ps::kHeadPitchChannel], 4.0f);
    }

    void renameAndDeleteUserTemplatesOnly() {
        QVERIFY(library_->saveUserTemplate(templateNamed("mine")).ok());
        panel_->reload();
        QSignalSpy changed(panel_.get(), &LibraryPanel::libraryChanged);
        QAction* rename = panel_->findChild<QAction*>(QStringLiteral("renameTemplateAction"));
        QAction* remove = panel_->findChild<QAction*>(QStringLiteral("deleteTemplateAction"));
        QVERIFY(rename != nullptr && remove != nullptr);

        // Built-in: the actions are off and the library refuses.
        view()->setCurrentIndex(indexOf("smile"));
        QVERIFY(!rename->isEnabled());
        QVERIFY(!remove->isEnabled());
        QString problem;
        const TemplateName smile{ps::TemplateKind::Expression, QStringLiteral("smile")};
        QVERIFY(!panel_->renameTemplate(smile, QStringLiteral("grin"), &problem));
        QVERIFY(problem.contains(QStringLiteral("built-in")));
        QVERIFY(!panel_->deleteTemplate(smile, &problem));
        QVERIFY(names().contains(QStringLiteral("smile")));
        QCOMPARE(changed.count(), 0);

        // The user's own: renamed through its dialog, deleted after confirming.
        view()->setCurrentIndex(indexOf("mine"));
        QVERIFY(rename->isEnabled());
        QVERIFY(remove->isEnabled());
        whenDialogOpens<QInputDialog>([](QInputDialog* dialog) {
            dialog->setTextValue(QStringLiteral("ours"));
            dialog->accept();
        });
        rename->trigger();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!names().contains(QStringLiteral("mine")));
        QVERIFY(names().contains(QStringLiteral("ours")));
        QVERIFY(QFile::exists(user_->path() + QStringLiteral("/expressions/ours.json")));
        QVERIFY(!QFile::exists(user_->path() + QStringLiteral("/expressions/mine.json")));
        QCOMPARE(panel_->currentTemplate()->name, QStringLiteral("ours"));

        whenDialogOpens<QMessageBox>(
            [](QMessageBox* box) { box->button(QMessageBox::No)->click(); });
        remove->trigger();
        QVERIFY(names().contains(QStringLiteral("ours")));
        whenDialogOpens<QMessageBox>(
            [](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); });
        remove->trigger();
        QCOMPARE(changed.count(), 2);
        QVERIFY(!names().contains(QStringLiteral("ours")));
        QVERIFY(!QFile::exists(user_->path() + QStringLiteral("/expressions/ours.json")));
        QCOMPARE(names(), kExpressions + kPoses);
    }

private:
    QListView* view() const { return panel_->findChild<QListView*>(QStringLiteral("libraryView")); }
    QStringList names() const {
        QStringList out;
        for (int row = 0; row < panel_->model()->rowCount(); ++row) {
            out << panel_->model()->index(row, 0).data().toString();
        }
        return out;
    }
    QModelIndex indexOf(const char* name) const {
        const QModelIndexList found =
            panel_->model()->match(panel_->model()->index(0, 0), Qt::DisplayRole,
                                   QString::fromLatin1(name), 1, Qt::MatchExactly);
        return found.isEmpty() ? QModelIndex() : found.first();
    }
    static ps::ExpressionTemplate templateNamed(const std::string& name) {
        ps::ExpressionTemplate t;
        t.name = name;
        t.description = "Test.";
        ps::Keyframe key;
        key.value = 0.9f;
        t.channels.push_back({int(ps::Blendshape::JawOpen), {key}});
        return t;
    }

    std::shared_ptr<const ps::PreviewScene> scene_;
    std::unique_ptr<QTemporaryDir> user_;
    std::unique_ptr<ps::TemplateLibrary> library_;
    std::unique_ptr<LibraryPanel> panel_;
    std::unique_ptr<QAbstractItemModelTester> tester_;
};

QTEST_MAIN(TestLibraryPanel)
#include "TestLibraryPanel.moc"

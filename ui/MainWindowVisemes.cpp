// MainWindow's wiring of the viseme row: the voice's mouth shapes and the transcript's words
// for the timeline, kept current as the voice is analysed and the transcript changes, and
// Motion ▸ Transcript…. Kept apart from MainWindow.cpp, which arranges the rest.
#include <QStatusBar>

#include "motion/Viseme.h"
#include "ui/MainWindow.h"
#include "ui/PreviewEngine.h"
#include "ui/ProjectSession.h"
#include "ui/TimelinePanel.h"
#include "ui/TranscriptDialog.h"
#include "voice/TranscriptAlignment.h"

namespace ps::ui {

void MainWindow::connectVisemes() {
    connect(preview_, &PreviewEngine::sourcesChanged, this, [this] { updateVisemeLane(true); });
    // Only a new transcript needs the words placed again (undo and redo included).
    connect(session_, &ProjectSession::changed, this, [this] { updateVisemeLane(false); });
}

void MainWindow::updateVisemeLane(bool voice_changed) {
    const std::string& transcript = session_->motion().transcript;
    if (!voice_changed && transcript == aligned_transcript_) {
        return;
    }
    const std::shared_ptr<const ps::MotionSources> sources = preview_->sources();
    const ps::FaceTrack empty;
    const ps::FaceTrack& track = sources != nullptr ? sources->voice.track : empty;
    if (voice_changed) {
        timeline_->setVisemes(ps::visemeSegments(track));
    }
    aligned_transcript_ = transcript;
    timeline_->setTranscriptWords(track.frames.empty() ? std::vector<ps::AlignedWord>{}
                                                       : ps::alignTranscript(transcript, track));
}

void MainWindow::editTranscript() {
    TranscriptDialog dialog(QString::fromStdString(session_->motion().transcript), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const std::string text = dialog.transcript().toStdString();
    if (text == session_->motion().transcript) {
        return;
    }
    QString problem;
    if (!session_->apply(ps::MotionEdit{ps::SetTranscript{text}}, &problem)) {
        showError(tr("Could not set the transcript"), problem);
        return;
    }
    statusBar()->showMessage(text.empty() ? tr("Transcript cleared")
                                          : tr("Transcript set: the words show under the "
                                               "waveform"),
                             kStatusMessage_ms);
}

}  // namespace ps::ui

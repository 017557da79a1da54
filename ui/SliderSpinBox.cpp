#include "ui/SliderSpinBox.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <cmath>

namespace ps::ui {

namespace {

// Slider steps per shown unit: 0.1 % of a percentage, fine enough for a drag to feel smooth.
constexpr double kSliderStepsPerUnit = 10.0;

}  // namespace

SliderSpinBox::SliderSpinBox(QWidget* parent)
    : QWidget(parent), slider_(new QSlider(Qt::Horizontal, this)), spin_(new QDoubleSpinBox(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(slider_, 1);
    layout->addWidget(spin_);
    spin_->setKeyboardTracking(false);  // typed digits apply on Enter, not one edit per digit
    spin_->setAccelerated(true);
    spin_->setMinimumWidth(spin_->fontMetrics().horizontalAdvance(QStringLiteral("000.0 %")) + 36);
    setFocusProxy(spin_);
    setRange(0.0, 1.0);

    connect(slider_, &QSlider::valueChanged, this, [this](int steps) {
        // Through the spin box, which rounds to its decimals and emits valueEdited.
        spin_->setValue(steps / kSliderStepsPerUnit);
    });
    connect(spin_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double) {
        syncSlider();
        emit valueEdited(value());
    });
    connect(slider_, &QSlider::sliderReleased, this, &SliderSpinBox::gestureEnded);
    // After focus-out has applied what was typed, so that the typed value is still this gesture's.
    connect(spin_, &QDoubleSpinBox::editingFinished, this, [this] {
        if (!spin_->hasFocus()) {
            emit gestureEnded();
        }
    });
    slider_->installEventFilter(this);
}

void SliderSpinBox::setRange(double minimum, double maximum) {
    const QSignalBlocker block_spin(spin_);
    const QSignalBlocker block_slider(slider_);
    spin_->setRange(minimum * scale_, maximum * scale_);
    slider_->setRange(int(std::lround(minimum * scale_ * kSliderStepsPerUnit)),
                      int(std::lround(maximum * scale_ * kSliderStepsPerUnit)));
    slider_->setPageStep(int(kSliderStepsPerUnit * 10.0));
    syncSlider();
}

void SliderSpinBox::setDisplay(double scale, int decimals, const QString& suffix, double step) {
    const double minimum = spin_->minimum() / scale_, maximum = spin_->maximum() / scale_;
    const double current = value();
    scale_ = scale;
    {
        const QSignalBlocker block(spin_);
        spin_->setDecimals(decimals);
        spin_->setSuffix(suffix);
        spin_->setSingleStep(step);
    }
    setRange(minimum, maximum);
    setValue(current);
}

double SliderSpinBox::value() const {
    return spin_->value() / scale_;
}

void SliderSpinBox::setValue(double value) {
    const QSignalBlocker block(spin_);
    spin_->setValue(value * scale_);
    syncSlider();
}

void SliderSpinBox::setObjectNames(const QString& name) {
    setObjectName(name);
    spin_->setObjectName(name + QStringLiteral("Spin"));
    slider_->setObjectName(name + QStringLiteral("Slider"));
}

bool SliderSpinBox::eventFilter(QObject* watched, QEvent* event) {
    if (watched == slider_ && event->type() == QEvent::FocusOut) {
        emit gestureEnded();
    }
    return QWidget::eventFilter(watched, event);
}

void SliderSpinBox::syncSlider() {
    const QSignalBlocker block(slider_);
    slider_->setValue(int(std::lround(spin_->value() * kSliderStepsPerUnit)));
}

}  // namespace ps::ui

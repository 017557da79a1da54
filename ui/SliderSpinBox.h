// A slider with a spin box beside it for exact entry: the inspector's way to edit an amount.
// The value is the model's (an intensity of 1.5); `scale` is how it is shown (× 100 as a
// percentage), with the unit as the spin box's suffix. Setting the value from code emits
// nothing, so a panel can refresh it without feeding its own edit back.
#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace ps::ui {

class SliderSpinBox : public QWidget {
    Q_OBJECT
public:
    explicit SliderSpinBox(QWidget* parent = nullptr);

    // The model's range.
    void setRange(double minimum, double maximum);
    // How the value is shown: times `scale`, with `decimals`, the unit as `suffix` (" %"), and
    // the arrows stepping by `step` shown units.
    void setDisplay(double scale, int decimals, const QString& suffix, double step);
    double value() const;
    // Shows `value` without emitting valueEdited.
    void setValue(double value);

    QDoubleSpinBox* spinBox() const { return spin_; }
    QSlider* slider() const { return slider_; }
    // Names the children "<name>Spin" and "<name>Slider" so that tests and scripts find them.
    void setObjectNames(const QString& name);

signals:
    // The person changed the value (dragging, typing, stepping).
    void valueEdited(double value);
    // The slider was released or focus left the control: the end of one continuous edit.
    void gestureEnded();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void syncSlider();

    QSlider* slider_;
    QDoubleSpinBox* spin_;
    double scale_ = 1.0;
};

}  // namespace ps::ui

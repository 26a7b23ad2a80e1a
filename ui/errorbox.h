// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace bem {

// The error above the call form: a frame tinted with the "failed" colour and marked with
// its icon (told apart by more than colour), holding the error as selectable plain text.
// A long error is cut to a few lines, with a tooltip saying how long it is; the context
// menu copies all of it. Apart from CallForm so the form is only its fields.
class ErrorBox final : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorBox(QWidget *parent = nullptr);
    ~ErrorBox() override;
    Q_DISABLE_COPY_MOVE(ErrorBox)

    // Shows `text` (hidden when it is empty).
    void setError(const QString &text);
    // The whole error last set, uncut.
    const QString &error() const { return m_error; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static constexpr int IconSize = 16;
    static constexpr int Pad = 6;

    QIcon m_icon;
    QLabel *m_text = nullptr;
    QString m_error;
};

} // namespace bem

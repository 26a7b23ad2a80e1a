// SPDX-License-Identifier: MIT
#pragma once

#include "callstatus.h"

#include <QColor>
#include <QIcon>
#include <QWidget>

class QPalette;

namespace bem {

// The colour that stands for a state, chosen for the palette's window: darker tones on a
// light window, lighter ones on a dark window, so text in it stays readable on both.
// Never the only cue: show it with the status icon and word.
QColor statusColor(CallState state, const QPalette &palette);
// The status icon (:/icons/status-<state>.svg).
QIcon statusIcon(CallState state);
// The word for a status: "Completed", "Running", "Pending", "Failed"; an unknown value as
// the server sent it (made visible, one line); "—" when the status was absent.
QString statusWord(const Status &status);

// A status as a small rounded tag: icon, word and a tint of statusColor(). Plain text.
class StatusBadge final : public QWidget
{
    Q_OBJECT
public:
    explicit StatusBadge(QWidget *parent = nullptr);
    ~StatusBadge() override;
    Q_DISABLE_COPY_MOVE(StatusBadge)

    void setStatus(const Status &status);
    const Status &status() const { return m_status; }
    // The word shown (uncut).
    const QString &text() const { return m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int iconExtent() const;

    Status m_status;
    QString m_text;
    QIcon m_icon;
};

} // namespace bem

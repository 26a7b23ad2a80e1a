// SPDX-License-Identifier: MIT
#pragma once

#include "statuspresentation.h"

#include <QIcon>
#include <QWidget>

namespace bem {

// statusColor(), statusIcon() and statusWord() live in statuspresentation.h (the core),
// shared with the tree and its delegate.

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

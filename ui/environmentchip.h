// SPDX-License-Identifier: MIT
#pragma once

#include "environment.h"

#include <QWidget>

namespace bem {

// A small rounded label in the environment's colour with its name: on a tab and beside the
// call form, so a production call never looks like a sandbox one. The name is painted as
// plain text, elided when long; the tooltip gives the name and base URL.
class EnvironmentChip final : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentChip(QWidget *parent = nullptr);
    ~EnvironmentChip() override;
    Q_DISABLE_COPY_MOVE(EnvironmentChip)

    void setEnvironment(const Environment &environment);
    const Environment &environment() const { return m_environment; }
    // The name as painted (elided to the width there is).
    QString shownText() const;
    // The widest the chip grows before eliding the name.
    void setMaximumTextWidth(int pixels);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int horizontalPadding() const;

    Environment m_environment;
    int m_maxTextWidth = 160;
};

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

namespace bem {

// Help ▸ User Guide: the README, built into the app (so it is there offline and matches
// this version), opened at one of its sections.
class UserGuideDialog final : public QDialog
{
    Q_OBJECT
public:
    // `section`: the heading to open at ("Using it"); the top when there is none.
    explicit UserGuideDialog(const QString &section, QWidget *parent = nullptr);
    ~UserGuideDialog() override;
    Q_DISABLE_COPY_MOVE(UserGuideDialog)

    // The guide's text as shown (for tests).
    QTextBrowser *browser() const { return m_browser; }
    // The heading the view was opened at; empty when it was not found.
    QString openedSection() const { return m_openedSection; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scrollToSection();

    QTextBrowser *m_browser;
    QString m_openedSection;
    int m_sectionPosition = -1;
};

} // namespace bem

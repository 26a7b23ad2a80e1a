// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;
class QPushButton;

namespace bem {

// A non-modal strip above the content that says what went wrong (or what to know) in
// words, with a Retry action where retrying can help. Network failures never become
// dialogs: the data under the banner stays usable. Every text is shown as plain text.
class MessageBanner final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);

    // `details` (raw facts: status line, Qt's error, start of the body) go in the tooltip.
    // With an `actionText` ("Retry", "Refresh call") the banner offers that button.
    void showMessage(Kind kind, const QString &text, const QStringList &details = {},
                     const QString &actionText = {});
    void clearMessage();

    Kind kind() const { return m_kind; }
    QString text() const;
    // The offered action's label; empty when none is offered.
    QString actionText() const;
    void triggerAction();

Q_SIGNALS:
    void actionTriggered();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Kind m_kind = Kind::Info;
    bool m_applyingColours = false;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace bem

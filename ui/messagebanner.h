// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>
#include <QPointer>
#include <QStringList>

class QLabel;
class QToolButton;
class QPushButton;

namespace bem {

// A non-modal strip above the content that says what went wrong (or what to know) in
// words, with a Retry action where retrying can help. Network failures never become
// dialogs: the data under the banner stays usable. Every text is shown as plain text.
// Attached to a host (attachTo), it floats over the host's top or bottom edge instead of
// taking a place in a layout, so showing or clearing it never moves what is under it.
class MessageBanner final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };
    Q_ENUM(Kind)
    // Which edge of its host an attached banner floats over.
    enum class Edge { Top, Bottom };

    explicit MessageBanner(QWidget *parent = nullptr);

    // Makes the banner an overlay child of `host`: it leaves any layout it was in, keeps
    // to the host's width (less a margin) as the host resizes, grows away from `edge`
    // with its text (never past the host), and has a frame and shadow to stand out from
    // what it covers. The host's own layout never sees it.
    void attachTo(QWidget *host, Edge edge = Edge::Top);
    QWidget *host() const { return m_host; }

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
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyColours();
    void placeOverHost();

    Kind m_kind = Kind::Info;
    bool m_applyingColours = false;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    QPointer<QWidget> m_host;
    Edge m_edge = Edge::Top;
};

} // namespace bem

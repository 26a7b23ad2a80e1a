// SPDX-License-Identifier: MIT
#pragma once

#include "urlopenpolicy.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace bem {

// Hands a URL from the server to the desktop only when urlopenpolicy allows it: https at
// once, http after asking, anything else never. An expired presigned link is reported
// (the window offers to refresh the call for a fresh one) instead of sending the user to
// a storage error page. Reports go out as signals so the window can show them in its
// banner; only the http question is a dialog, because it needs an answer.
class UrlOpener final : public QObject
{
    Q_OBJECT
public:
    explicit UrlOpener(QWidget *dialogParent);

    // Replaceable for tests: asks `question` and returns whether to go on.
    using Confirm = std::function<bool(const QString &question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    // Returns whether the URL was handed to the desktop.
    bool open(const QString &url);

Q_SIGNALS:
    void refused(const QString &reason);
    void expired(const QString &reason);
    void openFailed(const QString &reason);

private:
    bool askFirst(const QString &question) const;

    QPointer<QWidget> m_dialogParent;
    Confirm m_confirm;
    std::function<QDateTime()> m_now;
};

} // namespace bem

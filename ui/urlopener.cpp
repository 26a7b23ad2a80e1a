// SPDX-License-Identifier: MIT
#include "urlopener.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QWidget>

namespace bem {

UrlOpener::UrlOpener(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

bool UrlOpener::open(const QString &url)
{
    const UrlCheck check = checkUrlToOpen(url, m_now());
    switch (check.verdict) {
    case UrlCheck::Verdict::Refuse:
        Q_EMIT refused(check.reason);
        return false;
    case UrlCheck::Verdict::Expired:
        Q_EMIT expired(check.reason);
        return false;
    case UrlCheck::Verdict::AskFirst:
        if (!(m_confirm ? m_confirm(check.reason) : askFirst(check.reason)))
            return false;
        break;
    case UrlCheck::Verdict::Open:
        break;
    }
    if (!QDesktopServices::openUrl(check.url)) {
        Q_EMIT openFailed(tr("No application on this computer would open the link. Use "
                             "\u201cCopy URL\u201d and paste it into a browser."));
        return false;
    }
    return true;
}

bool UrlOpener::askFirst(const QString &question) const
{
    // The question quotes the server's host: plain text, never markup.
    QMessageBox box(QMessageBox::Question, tr("Open link?"), question,
                    QMessageBox::Open | QMessageBox::Cancel, m_dialogParent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Open;
}

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace bem {

// Why a message is on the window's banner. Each cause has at most one message, and each
// goes when what caused it is resolved (BannerBoard::happened), not when something else
// happens to be shown.
enum class BannerCause {
    AppNotice,     // about the app, not one request (a bad --base-url, a demo that failed)
    CallIdRefused, // typed or pasted text with no usable call ID
    FileProblem,   // a file that could not be opened
    LinkProblem,   // a refused, expired or failed link
    RequestError,  // the last request for the call failed
    DataNotice,    // notes about the data shown (describeDataNotices)
    // A v3 call's trace (or its outputs and errors pages) could not be loaded: the call is
    // still shown and refreshed, and the session retries on its own.
    TraceProblem,
};

enum class BannerSeverity { Info, Warning, Error };

struct BannerMessage
{
    BannerCause cause = BannerCause::AppNotice;
    BannerSeverity severity = BannerSeverity::Info;
    QString text;        // plain text
    QStringList details; // plain text, for the tooltip
    QString actionText;  // "Retry", "Refresh call"; empty: no button

    bool sameContent(const BannerMessage &other) const
    {
        return cause == other.cause && severity == other.severity && text == other.text &&
               details == other.details && actionText == other.actionText;
    }
};

// What happened that may resolve a banner's cause.
enum class BannerEvent {
    LinkOpened,       // a link was handed to the desktop
    CallRequested,    // a call ID was accepted and is being loaded
    CallLoaded,       // the call asked for arrived (its first state shown)
    FileOpened,       // a saved response is now the call shown
    OtherCallShown,   // a different call replaced the one shown
    RequestSucceeded, // a request for the call answered with the call
};

// The bookkeeping behind the window's single banner, without widgets: one message per
// cause, the rules saying which events resolve which causes, and which message shows.
// An error about the call outranks notes about the data; otherwise the newest message
// shows, and when it is resolved the one under it shows again. A message the user
// dismissed stays hidden while the same message is raised again (a refresh repeating the
// same note); a different one shows.
class BannerBoard final : public QObject
{
    Q_OBJECT
public:
    explicit BannerBoard(QObject *parent = nullptr);
    ~BannerBoard() override;
    Q_DISABLE_COPY_MOVE(BannerBoard)

    // Puts up (or replaces) the message of `message.cause`.
    void raise(const BannerMessage &message);
    void raise(BannerCause cause, BannerSeverity severity, const QString &text,
               const QStringList &details = {}, const QString &actionText = {});
    // The cause is resolved: its message goes.
    void resolve(BannerCause cause);
    // Resolves every cause `event` resolves (causesResolvedBy()).
    void happened(BannerEvent event);
    // The user closed the banner: the message shown is hidden.
    void dismissShown();

    // The message to show; none when the banner should be hidden.
    std::optional<BannerMessage> shown() const;
    // A message of `cause` is held (shown, underneath, or dismissed).
    bool holds(BannerCause cause) const;
    // The message held for `cause`, shown or not; none when it holds none.
    std::optional<BannerMessage> message(BannerCause cause) const;

    static QList<BannerCause> causesResolvedBy(BannerEvent event);

Q_SIGNALS:
    // shown() changed.
    void changed();

private:
    struct Entry
    {
        BannerMessage message;
        quint64 order = 0; // when it was raised: newer shows first
        bool dismissed = false;
    };
    const Entry *top() const;
    void updateShown(const std::optional<BannerMessage> &before);

    QList<Entry> m_entries;
    quint64 m_nextOrder = 1;
};

} // namespace bem

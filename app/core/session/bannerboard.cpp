// SPDX-License-Identifier: MIT
#include "bannerboard.h"

#include <algorithm>

namespace bem {
namespace {

// Notes about the data are the least urgent: an error about the call, or an answer to
// something the user just did, goes over them.
int rankOf(BannerCause cause)
{
    return cause == BannerCause::DataNotice ? 0 : 1;
}

bool sameShown(const std::optional<BannerMessage> &a, const std::optional<BannerMessage> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || a->sameContent(*b);
}

} // namespace

BannerBoard::BannerBoard(QObject *parent)
    : QObject(parent)
{}

BannerBoard::~BannerBoard() = default;

QList<BannerCause> BannerBoard::causesResolvedBy(BannerEvent event)
{
    using C = BannerCause;
    switch (event) {
    case BannerEvent::LinkOpened:
        return {C::LinkProblem};
    case BannerEvent::CallRequested:
        return {C::AppNotice, C::CallIdRefused, C::FileProblem};
    case BannerEvent::CallLoaded:
        // Text refused while the call was on its way was about asking for a call: the
        // call is here now.
        return {C::CallIdRefused, C::FileProblem};
    case BannerEvent::FileOpened:
        return {C::AppNotice,   C::CallIdRefused, C::FileProblem,
                C::LinkProblem, C::RequestError,  C::TraceProblem};
    case BannerEvent::OtherCallShown:
        // What was said about the previous call's links, requests and data is moot.
        return {C::LinkProblem, C::RequestError, C::DataNotice, C::TraceProblem};
    case BannerEvent::RequestSucceeded:
        return {C::RequestError};
    }
    return {};
}

void BannerBoard::raise(const BannerMessage &message)
{
    const std::optional<BannerMessage> before = shown();
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const Entry &e) { return e.message.cause == message.cause; });
    if (it != m_entries.end()) {
        if (it->message.sameContent(message))
            return; // the same news again keeps its place (and stays dismissed)
        m_entries.erase(it);
    }
    m_entries.append(Entry{message, m_nextOrder++, false});
    updateShown(before);
}

void BannerBoard::raise(BannerCause cause, BannerSeverity severity, const QString &text,
                        const QStringList &details, const QString &actionText)
{
    raise(BannerMessage{cause, severity, text, details, actionText});
}

void BannerBoard::resolve(BannerCause cause)
{
    const std::optional<BannerMessage> before = shown();
    m_entries.removeIf([cause](const Entry &e) { return e.message.cause == cause; });
    updateShown(before);
}

void BannerBoard::happened(BannerEvent event)
{
    const std::optional<BannerMessage> before = shown();
    const QList<BannerCause> causes = causesResolvedBy(event);
    m_entries.removeIf([&causes](const Entry &e) { return causes.contains(e.message.cause); });
    updateShown(before);
}

void BannerBoard::dismissShown()
{
    const std::optional<BannerMessage> before = shown();
    for (Entry &e : m_entries) {
        if (&e == top())
            e.dismissed = true;
    }
    updateShown(before);
}

const BannerBoard::Entry *BannerBoard::top() const
{
    const Entry *best = nullptr;
    for (const Entry &e : m_entries) {
        if (e.dismissed)
            continue;
        const int rank = rankOf(e.message.cause);
        if (!best || rank > rankOf(best->message.cause) ||
            (rank == rankOf(best->message.cause) && e.order > best->order))
            best = &e;
    }
    return best;
}

std::optional<BannerMessage> BannerBoard::shown() const
{
    const Entry *e = top();
    if (!e)
        return std::nullopt;
    return e->message;
}

bool BannerBoard::holds(BannerCause cause) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [cause](const Entry &e) { return e.message.cause == cause; });
}

std::optional<BannerMessage> BannerBoard::message(BannerCause cause) const
{
    for (const Entry &e : m_entries) {
        if (e.message.cause == cause)
            return e.message;
    }
    return std::nullopt;
}

void BannerBoard::updateShown(const std::optional<BannerMessage> &before)
{
    if (!sameShown(before, shown()))
        Q_EMIT changed();
}

} // namespace bem

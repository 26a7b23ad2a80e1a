// SPDX-License-Identifier: MIT
#pragma once

#include "backoffpolicy.h"
#include "callsession.h"

#include <QNetworkAccessManager>

#include <memory>

namespace bem::test {

// A session on the local bem API that refreshes every 20–80 ms without jitter: the
// session tests check what it asks and shows, not how long it waits.
inline std::unique_ptr<CallSession> makeFastSession(QNetworkAccessManager *network,
                                                    const QUrl &baseUrl, const QByteArray &key,
                                                    ApiVersionChoice choice)
{
    auto session = std::make_unique<CallSession>(network);
    session->setApiVersionChoice(choice);
    session->setBaseUrl(baseUrl);
    session->setApiKey(QString::fromLatin1(key));
    BackoffPolicy fast;
    fast.initialMs = 20;
    fast.maxMs = 80;
    fast.jitter = 0;
    session->setPolicy(fast);
    return session;
}

} // namespace bem::test

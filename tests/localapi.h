// SPDX-License-Identifier: MIT
#pragma once

#include "bemclient.h"
#include "localbemserver.h"

#include <QNetworkAccessManager>

namespace bem::test {

// The local bem API on 127.0.0.1 and a client pointed at it with the right key: what the
// network, poller and window tests start from. Real sockets, no mocks.
struct LocalApi
{
    explicit LocalApi(const QByteArray &key)
    {
        server.setApiKey(key);
        if (!server.listen())
            qFatal("the local bem API could not listen on 127.0.0.1");
        client.setBaseUrl(server.baseUrl());
        client.setApiKey(QString::fromLatin1(key));
    }
    Q_DISABLE_COPY_MOVE(LocalApi)

    LocalBemServer server;
    QNetworkAccessManager network;
    BemClient client{&network};
};

} // namespace bem::test

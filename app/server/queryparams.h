// SPDX-License-Identifier: MIT
#pragma once

#include "serverreply.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace bem {

// The query parameters the local server's list endpoints share (/v2/calls, /v3/calls,
// /v3/outputs, /v3/errors), read from the raw query so that an array parameter can be
// both repeated (bem's docs) and comma-separated (bem's Python SDK): a literal comma
// separates values, a percent-encoded one ("%2C") belongs to its value.
class QueryParams final
{
public:
    explicit QueryParams(const QByteArray &rawQuery);

    bool has(const QString &key) const;
    // The first value of `key`, decoded; empty when absent.
    QString first(const QString &key) const;
    // Every value of an array parameter, decoded, repeated and comma-separated forms merged.
    QStringList array(const QString &key) const;

    // `limit` (default 50, 1..100) and `sortOrder` (asc / desc); a bad value sets `problem`
    // to the 400 that names it.
    int limit = 50;
    bool descending = false;
    std::optional<ServerReply> problem;

    static ServerReply badParameter(const QString &name, const QString &value, const QString &why);

private:
    QList<QPair<QString, QByteArray>> m_items; // decoded key, raw value
};

} // namespace bem

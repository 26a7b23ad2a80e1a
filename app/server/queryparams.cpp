// SPDX-License-Identifier: MIT
#include "queryparams.h"

#include <QUrl>

namespace bem {

QueryParams::QueryParams(const QByteArray &rawQuery)
{
    const QList<QByteArray> parts = rawQuery.split('&');
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        m_items.append({QUrl::fromPercentEncoding(key), value});
    }

    if (has(QStringLiteral("limit"))) {
        const QString text = first(QStringLiteral("limit"));
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok || limit < 1 || limit > 100)
            problem = badParameter(QStringLiteral("limit"), text,
                                   QStringLiteral("must be a whole number from 1 to 100."));
    }
    if (has(QStringLiteral("sortOrder"))) {
        const QString order = first(QStringLiteral("sortOrder"));
        if (order != QLatin1String("asc") && order != QLatin1String("desc"))
            problem = badParameter(QStringLiteral("sortOrder"), order,
                                   QStringLiteral("must be \"asc\" or \"desc\"."));
        descending = order == QLatin1String("desc");
    }
}

bool QueryParams::has(const QString &key) const
{
    for (const auto &[k, v] : m_items) {
        if (k == key)
            return true;
    }
    return false;
}

QString QueryParams::first(const QString &key) const
{
    for (const auto &[k, v] : m_items) {
        if (k == key)
            return QUrl::fromPercentEncoding(v);
    }
    return {};
}

QStringList QueryParams::array(const QString &key) const
{
    QStringList out;
    for (const auto &[k, v] : m_items) {
        if (k != key)
            continue;
        const QList<QByteArray> values = v.split(',');
        for (const QByteArray &value : values) {
            if (!value.isEmpty())
                out << QUrl::fromPercentEncoding(value);
        }
    }
    return out;
}

ServerReply QueryParams::badParameter(const QString &name, const QString &value, const QString &why)
{
    return ServerReply::error(
        400, QStringLiteral("Invalid %1: %2").arg(name, why),
        {{QStringLiteral("parameter"), name}, {QStringLiteral("value"), value}});
}

} // namespace bem

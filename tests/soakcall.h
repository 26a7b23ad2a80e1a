// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace bem::test {

// A large call that keeps progressing, cycle by cycle, for the memory soaks.
struct SoakCall
{
    static constexpr int FunctionCalls = 1000;

    // How many function calls cycle `i` has: 10 more per cycle up to 1,000, then the last
    // few come and go.
    static int presentIn(int i) { return i < 100 ? 10 * (i + 1) : FunctionCalls - (i % 10); }

    // Cycle `i` of a call that keeps progressing: function calls appear 10 per cycle up to
    // 1,000 (then the last few come and go, so rows are removed and inserted again),
    // statuses and activity steps move on every few cycles, and each function call hangs
    // under the one that spawned it (a tree four wide). `callStatus` is the call's own.
    static QByteArray body(const QString &callId, int i,
                           const QString &callStatus = QStringLiteral("running"))
    {
        static const char *const statuses[] = {"pending", "running", "completed", "failed"};
        const int present = presentIn(i);
        QJsonArray fcs;
        for (int k = 0; k < present; ++k) {
            QJsonObject fc;
            fc.insert(QStringLiteral("functionCallID"), QStringLiteral("fc_%1").arg(k));
            fc.insert(QStringLiteral("functionName"), QStringLiteral("transform-%1").arg(k % 37));
            fc.insert(QStringLiteral("type"), QStringLiteral("transform"));
            fc.insert(QStringLiteral("status"), QLatin1String(statuses[(i / 3 + k) % 4]));
            if (k > 0)
                fc.insert(QStringLiteral("sourceFunctionCallID"),
                          QStringLiteral("fc_%1").arg((k - 1) / 4));
            QJsonArray activity;
            activity.append(QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Read")},
                                        {QStringLiteral("status"), QStringLiteral("completed")}});
            activity.append(
                QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Step %1").arg(i % 5)},
                            {QStringLiteral("status"), QLatin1String(statuses[(i + k) % 4])}});
            fc.insert(QStringLiteral("activity"), activity);
            fcs.append(fc);
        }
        // One function call that is replaced every cycle: a row removed and one inserted.
        fcs.append(
            QJsonObject{{QStringLiteral("functionCallID"), QStringLiteral("fc_flip_%1").arg(i % 2)},
                        {QStringLiteral("status"), QStringLiteral("running")},
                        {QStringLiteral("sourceFunctionCallID"), QStringLiteral("fc_0")}});
        QJsonObject call{{QStringLiteral("callID"), callId},
                         {QStringLiteral("status"), callStatus},
                         {QStringLiteral("workflowName"), QStringLiteral("soak")},
                         {QStringLiteral("functionCalls"), fcs}};
        return QJsonDocument(QJsonObject{{QStringLiteral("call"), call}})
            .toJson(QJsonDocument::Compact);
    }
};

// The bodies repeat every 60 cycles once the call has all its function calls (statuses
// move every 3 cycles through 4 values, steps every cycle through 5 and 4, the tail every
// 10): made once and kept, so that the cycles measure the app rather than the test.
struct SoakBodyCache
{
    explicit SoakBodyCache(const QString &callId)
        : m_callId(callId)
    {}
    QByteArray of(int i)
    {
        if (i < 100)
            return SoakCall::body(m_callId, i);
        const int key = 100 + (i - 100) % 60;
        auto it = m_byPhase.find(key);
        if (it == m_byPhase.end())
            it = m_byPhase.insert(key, SoakCall::body(m_callId, i));
        return *it;
    }

private:
    QString m_callId;
    QHash<int, QByteArray> m_byPhase;
};

// VmRSS of this process in KiB, from /proc/self/status; -1 when unreadable.
inline qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace bem::test

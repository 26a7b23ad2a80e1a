// SPDX-License-Identifier: MIT
#include "recentcalls.h"

#include "callidinput.h"
#include "formatting.h"

#include <QSettings>
#include <QStringList>

#include <algorithm>

namespace bem {

namespace {

const QLatin1String Group("recentCalls");
const QLatin1String KeyId("callID");
const QLatin1String KeyName("name");
const QLatin1String KeyStatus("status");
const QLatin1String KeyLastOpened("lastOpened");

// A hand-edited "size=1000000000" must not keep us reading for minutes.
constexpr int MaxIndicesRead = 1000;
// Names and statuses are shown in one menu line; nothing longer is worth keeping.
constexpr qsizetype MaxTextLength = 256;

// An unquoted comma in an INI value makes a list; take the text back as written.
QString textValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1String(", ")).left(MaxTextLength);
    return value.toString().left(MaxTextLength);
}

} // namespace

RecentCalls::RecentCalls(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    load();
}

RecentCalls::~RecentCalls() = default;

void RecentCalls::load()
{
    const int size = std::min(m_settings->beginReadArray(Group), MaxIndicesRead);
    for (int i = 0; i < size && m_entries.size() < MaxEntries; ++i) {
        m_settings->setArrayIndex(i);
        RecentCall call;
        call.callId = textValue(m_settings->value(KeyId));
        if (!callIdProblem(call.callId).isEmpty())
            continue;
        const bool seen = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                      [&](const RecentCall &e) { return e.callId == call.callId; });
        if (seen)
            continue;
        call.workflowName = textValue(m_settings->value(KeyName));
        call.status = textValue(m_settings->value(KeyStatus));
        call.lastOpened =
            QDateTime::fromString(textValue(m_settings->value(KeyLastOpened)), Qt::ISODateWithMs)
                .toUTC();
        m_entries << call;
    }
    m_settings->endArray();
}

void RecentCalls::save()
{
    // Rewriting the whole group drops whatever else a hand edit left in it.
    m_settings->remove(Group);
    m_settings->beginWriteArray(Group, int(m_entries.size()));
    for (int i = 0; i < m_entries.size(); ++i) {
        const RecentCall &call = m_entries.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(KeyId, call.callId);
        m_settings->setValue(KeyName, call.workflowName);
        m_settings->setValue(KeyStatus, call.status);
        m_settings->setValue(KeyLastOpened,
                             call.lastOpened.isValid()
                                 ? call.lastOpened.toUTC().toString(Qt::ISODateWithMs)
                                 : QString());
    }
    m_settings->endArray();
    m_settings->sync();
}

void RecentCalls::record(const RecentCall &call)
{
    if (!callIdProblem(call.callId).isEmpty())
        return;
    RecentCall entry = call;
    entry.workflowName = entry.workflowName.left(MaxTextLength);
    entry.status = entry.status.left(MaxTextLength);
    if (!entry.lastOpened.isValid())
        entry.lastOpened = QDateTime::currentDateTimeUtc();
    entry.lastOpened = entry.lastOpened.toUTC();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const RecentCall &known = m_entries.at(i);
        if (known.callId != entry.callId)
            continue;
        if (entry.workflowName.isEmpty())
            entry.workflowName = known.workflowName;
        if (entry.status.isEmpty())
            entry.status = known.status;
        m_entries.removeAt(i);
        break;
    }
    m_entries.prepend(entry);
    while (m_entries.size() > MaxEntries)
        m_entries.removeLast();
    save();
    Q_EMIT changed();
}

void RecentCalls::remove(const QString &callId)
{
    const qsizetype removed =
        m_entries.removeIf([&](const RecentCall &call) { return call.callId == callId; });
    if (removed == 0)
        return;
    save();
    Q_EMIT changed();
}

void RecentCalls::clear()
{
    const bool hadEntries = !m_entries.isEmpty();
    m_entries.clear();
    save();
    if (hadEntries)
        Q_EMIT changed();
}

QString RecentCalls::label(const RecentCall &call)
{
    QString text = call.callId;
    if (!call.workflowName.isEmpty())
        text += QStringLiteral(" \u2014 ") + singleLine(call.workflowName, 80);
    if (!call.status.isEmpty())
        text += QStringLiteral(" \u00B7 ") + singleLine(call.status, 40);
    return text;
}

} // namespace bem

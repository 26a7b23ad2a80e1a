// SPDX-License-Identifier: MIT
#include "eventlistmodel.h"

#include "formatting.h"

#include <QHash>
#include <QSet>

namespace bem {

namespace {

QString timeText(const Timestamp &time)
{
    return time.isValid() ? formatLocalTime(time.value) : singleLine(time.raw(), 100);
}

QString optionalNumber(const std::optional<qint64> &n)
{
    return n ? QString::number(*n) : QString();
}

// Rows are matched by eventID; an event without one is matched by its position.
QString keyOf(const Event &event, qsizetype row)
{
    return event.eventId.isEmpty() ? QStringLiteral("\x01#%1").arg(row) : event.eventId;
}

} // namespace

EventListModel::EventListModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{}

EventListModel::~EventListModel() = default;

QString EventListModel::deliveryText(const Event &event)
{
    const bool published = !event.publishedAt.isEmpty();
    const bool failed = !event.lastPublishErrorAt.isEmpty();
    if (failed &&
        (!published || !event.publishedAt.isValid() || !event.lastPublishErrorAt.isValid() ||
         event.lastPublishErrorAt.value >= event.publishedAt.value))
        return tr("last delivery failed");
    if (published)
        return tr("delivered");
    return QString();
}

QString EventListModel::messageLine(const Event &event)
{
    const QString message = event.message.trimmed();
    return singleLine(message.section(u'\n', 0, 0).trimmed(), 300);
}

int EventListModel::rowOf(const QString &eventId) const
{
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        if (m_events.at(i).eventId == eventId)
            return int(i);
    }
    return -1;
}

bool EventListModel::mergeable(const QList<Event> &events) const
{
    // Merging needs unique keys on both sides, and the old rows that stay must keep their
    // order in the new list.
    QHash<QString, qsizetype> newPosition;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (newPosition.contains(keyOf(events.at(i), i)))
            return false;
        newPosition.insert(keyOf(events.at(i), i), i);
    }
    QSet<QString> oldKeys;
    qsizetype last = -1;
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        const QString key = keyOf(m_events.at(i), i);
        if (oldKeys.contains(key))
            return false;
        oldKeys.insert(key);
        const auto it = newPosition.constFind(key);
        if (it == newPosition.constEnd())
            continue;
        if (it.value() < last)
            return false;
        last = it.value();
    }
    return true;
}

void EventListModel::setEvents(const QList<Event> &events)
{
    if (!mergeable(events)) {
        beginResetModel();
        m_events = events;
        endResetModel();
        return;
    }
    QSet<QString> newKeys;
    for (qsizetype i = 0; i < events.size(); ++i)
        newKeys.insert(keyOf(events.at(i), i));
    // Rows gone from the list, from the end so the rows before keep their numbers.
    // Keys are taken from the original positions before anything moves.
    QStringList oldKeys;
    for (qsizetype i = 0; i < m_events.size(); ++i)
        oldKeys << keyOf(m_events.at(i), i);
    for (qsizetype i = m_events.size() - 1; i >= 0; --i) {
        if (newKeys.contains(oldKeys.at(i)))
            continue;
        qsizetype first = i;
        while (first > 0 && !newKeys.contains(oldKeys.at(first - 1)))
            --first;
        beginRemoveRows({}, int(first), int(i));
        m_events.remove(first, i - first + 1);
        oldKeys.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }
    // What is left is in the new list's order: walk both, inserting the new rows.
    const int lastColumn = columnCount() - 1;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString key = keyOf(events.at(i), i);
        if (i < m_events.size() && oldKeys.at(i) == key) {
            if (m_events.at(i) != events.at(i)) {
                m_events[i] = events.at(i);
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), lastColumn));
            }
            continue;
        }
        qsizetype end = i + 1;
        while (end < events.size() && !oldKeys.contains(keyOf(events.at(end), end)))
            ++end;
        beginInsertRows({}, int(i), int(end - 1));
        for (qsizetype j = i; j < end; ++j) {
            m_events.insert(j, events.at(j));
            oldKeys.insert(j, keyOf(events.at(j), j));
        }
        endInsertRows();
        i = end - 1;
    }
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_kind == Kind::Outputs ? int(OutputColumnCount) : int(ErrorColumnCount);
}

QString EventListModel::cellText(const Event &event, int column) const
{
    if (m_kind == Kind::Errors) {
        switch (column) {
        case ErrorMessage:
            return messageLine(event);
        case ErrorFunction:
            return singleLine(event.functionName.isEmpty() ? event.functionId : event.functionName);
        case ErrorTry:
            return optionalNumber(event.functionCallTryNumber);
        case ErrorReference:
            return singleLine(event.referenceId);
        case ErrorCreated:
            return timeText(event.createdAt);
        default:
            return QString();
        }
    }
    switch (column) {
    case OutputType:
        return singleLine(event.eventType);
    case OutputFunction:
        return singleLine(event.functionName.isEmpty() ? event.functionId : event.functionName);
    case OutputTry:
        return optionalNumber(event.functionCallTryNumber);
    case OutputReference:
        return singleLine(event.referenceId);
    case OutputCreated:
        return timeText(event.createdAt);
    case OutputConfidence:
        return event.avgConfidence ? QString::number(*event.avgConfidence, 'f', 2) : QString();
    case OutputDelivery:
        return deliveryText(event);
    case OutputItemOffset:
        return optionalNumber(event.itemOffset);
    default:
        return QString();
    }
}

QString EventListModel::toolTip(const Event &event) const
{
    QStringList lines;
    if (m_kind == Kind::Errors)
        lines << visibleText(event.message.left(2000), true);
    lines << tr("Event: %1").arg(singleLine(event.eventId, 200));
    if (!event.functionCallId.isEmpty())
        lines << tr("Function call: %1").arg(singleLine(event.functionCallId, 200));
    if (!event.publishedAt.isEmpty())
        lines << tr("Delivered: %1").arg(timeText(event.publishedAt));
    if (!event.lastPublishErrorAt.isEmpty())
        lines << tr("Last delivery failed: %1").arg(timeText(event.lastPublishErrorAt));
    return plainToolTip(lines);
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(e, index.column());
    case Qt::ToolTipRole:
        return toolTip(e);
    case FunctionCallIdRole:
        return e.functionCallId;
    case EventIdRole:
        return e.eventId;
    default:
        return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_kind == Kind::Errors) {
        switch (section) {
        case ErrorMessage:
            return tr("Message");
        case ErrorFunction:
            return tr("Function");
        case ErrorTry:
            return tr("Try");
        case ErrorReference:
            return tr("Reference");
        case ErrorCreated:
            return tr("Created");
        default:
            return {};
        }
    }
    switch (section) {
    case OutputType:
        return tr("Type");
    case OutputFunction:
        return tr("Function");
    case OutputTry:
        return tr("Try");
    case OutputReference:
        return tr("Reference");
    case OutputCreated:
        return tr("Created");
    case OutputConfidence:
        return tr("Avg. confidence");
    case OutputDelivery:
        return tr("Webhook");
    case OutputItemOffset:
        return tr("Item");
    default:
        return {};
    }
}

} // namespace bem

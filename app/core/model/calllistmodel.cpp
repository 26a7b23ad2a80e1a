// SPDX-License-Identifier: MIT
#include "calllistmodel.h"

#include "formatting.h"
#include "statuspresentation.h"

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace bem {

namespace {

// Long enough for any real name or reference; the whole value is in FullTextRole.
constexpr int CellChars = 200;

} // namespace

CallListModel::CallListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_clock.start();
}

CallListModel::~CallListModel() = default;

void CallListModel::reindexFrom(int row)
{
    for (int i = row; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).callId, i);
}

void CallListModel::shiftRows(int from, int delta)
{
    // Rows inserted or removed above move every row below: adjusting the numbers in
    // place costs no string hashing, which a re-index of a long list would.
    for (auto it = m_rowOf.begin(); it != m_rowOf.end(); ++it) {
        if (it.value() >= from)
            it.value() += delta;
    }
}

void CallListModel::setTotal(std::optional<qint64> totalCount, bool listEnds)
{
    m_totalCount = totalCount;
    m_hasMore = !listEnds && (!totalCount || *totalCount > m_rows.size());
    Q_EMIT countChanged();
}

void CallListModel::setFirstPage(const QList<CallSummary> &calls, std::optional<qint64> totalCount,
                                 bool listEnds)
{
    beginResetModel();
    m_rows = calls;
    m_changedAt = QList<qint64>(calls.size(), -1);
    m_rowOf.clear();
    reindexFrom(0);
    endResetModel();
    setTotal(totalCount, listEnds || (totalCount && *totalCount <= calls.size()));
}

void CallListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_changedAt.clear();
    m_rowOf.clear();
    endResetModel();
    setTotal(std::nullopt, true);
}

void CallListModel::removeRun(int first, int last)
{
    beginRemoveRows({}, first, last);
    for (int i = first; i <= last; ++i)
        m_rowOf.remove(m_rows.at(i).callId);
    m_rows.remove(first, last - first + 1);
    m_changedAt.remove(first, last - first + 1);
    shiftRows(last + 1, -(last - first + 1));
    endRemoveRows();
}

void CallListModel::mergeFirstPage(const QList<CallSummary> &calls,
                                   std::optional<qint64> totalCount, bool listEnds)
{
    const qint64 now = m_clock.elapsed();
    // 1. Calls already listed change in place.
    QSet<QString> onPage;
    int spanEnd = -1; // the last listed row the page still holds
    for (const CallSummary &call : calls) {
        onPage.insert(call.callId);
        const int row = rowOf(call.callId);
        if (row < 0)
            continue;
        spanEnd = std::max(spanEnd, row);
        if (m_rows.at(row) == call)
            continue;
        m_rows[row] = call;
        m_changedAt[row] = now;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    // 2. Rows the page covers but no longer holds are gone (a call that no longer matches
    // the filter, say). Rows after it may just have moved to the next page, unless the
    // page is the whole rest of the list.
    const int removeTo = listEnds ? int(m_rows.size()) - 1 : spanEnd;
    for (int row = removeTo; row >= 0;) {
        if (onPage.contains(m_rows.at(row).callId)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !onPage.contains(m_rows.at(first - 1).callId))
            --first;
        removeRun(first, row);
        row = first - 1;
    }
    // 3. New calls go where the page has them: before the first listed call (the top,
    // when newest first), or right after the listed call they follow.
    int insertAt = 0;
    for (qsizetype i = 0; i < calls.size();) {
        const int row = rowOf(calls.at(i).callId);
        if (row >= 0) {
            insertAt = row + 1;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < calls.size() && rowOf(calls.at(end).callId) < 0)
            ++end;
        const int count = int(end - i);
        beginInsertRows({}, insertAt, insertAt + count - 1);
        shiftRows(insertAt, count);
        for (int k = 0; k < count; ++k) {
            m_rows.insert(insertAt + k, calls.at(i + k));
            m_changedAt.insert(insertAt + k, now);
            m_rowOf.insert(calls.at(i + k).callId, insertAt + k);
        }
        endInsertRows();
        insertAt += count;
        i = end;
    }
    setTotal(totalCount, listEnds && m_rows.size() <= calls.size());
}

void CallListModel::appendPage(const QList<CallSummary> &calls, std::optional<qint64> totalCount,
                               bool listEnds)
{
    QList<CallSummary> fresh;
    fresh.reserve(calls.size());
    QSet<QString> added;
    for (const CallSummary &call : calls) {
        // A call inserted live at the top may come again further down: listed once.
        if (rowOf(call.callId) < 0 && !added.contains(call.callId)) {
            added.insert(call.callId);
            fresh << call;
        }
    }
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows << fresh;
        m_changedAt.resize(m_rows.size(), -1);
        reindexFrom(first);
        endInsertRows();
    }
    setTotal(totalCount, listEnds);
}

void CallListModel::setOpenCallId(const QString &callId)
{
    if (callId == m_openCallId)
        return;
    const int before = rowOf(m_openCallId);
    m_openCallId = callId;
    for (const int row : {before, rowOf(callId)}) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1),
                               {Qt::FontRole, OpenRole});
    }
}

void CallListModel::setApiVersion(ApiVersion version)
{
    if (version == m_version)
        return;
    m_version = version;
    Q_EMIT headerDataChanged(Qt::Horizontal, NameColumn, NameColumn);
}

QString CallListModel::countText() const
{
    const QLocale locale;
    if (!m_totalCount)
        return tr("Showing %1").arg(locale.toString(qint64(m_rows.size())));
    return tr("Showing %1 of %2")
        .arg(locale.toString(qint64(m_rows.size())), locale.toString(*m_totalCount));
}

bool CallListModel::isGlowing() const
{
    const qint64 now = m_clock.elapsed();
    return std::any_of(m_changedAt.cbegin(), m_changedAt.cend(),
                       [now](qint64 at) { return at >= 0 && now - at < GlowMs; });
}

int CallListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CallListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetchingMore;
}

void CallListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        Q_EMIT moreRequested();
}

QDateTime CallListModel::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

QString CallListModel::fullText(const CallSummary &call, int column) const
{
    switch (column) {
    case StatusColumn:
        return call.status.raw();
    case NameColumn:
        return call.name();
    case ReferenceColumn:
        return call.referenceId;
    case CreatedColumn:
        return call.createdAt.raw();
    case DurationColumn:
        return displayData(call, column).toString();
    case CallIdColumn:
        return call.callId;
    default:
        return {};
    }
}

QVariant CallListModel::displayData(const CallSummary &call, int column) const
{
    switch (column) {
    case StatusColumn:
        return statusWord(call.status);
    case NameColumn:
        return call.name().isEmpty() ? QStringLiteral("\u2014")
                                     : singleLine(call.name(), CellChars);
    case ReferenceColumn:
        return singleLine(call.referenceId, CellChars);
    case CreatedColumn:
        if (!call.createdAt.isValid())
            return singleLine(call.createdAt.raw(), CellChars);
        return formatAgo(call.createdAt.value.msecsTo(now()));
    case DurationColumn: {
        if (const auto ms = durationMs(call.createdAt, call.finishedAt))
            return formatDuration(*ms);
        if (!call.status.isTerminal() && call.createdAt.isValid()) {
            const QString so =
                formatDuration(std::max<qint64>(0, call.createdAt.value.msecsTo(now())));
            return call.status.state() == CallState::Pending ? tr("pending for %1").arg(so)
                                                             : tr("running for %1").arg(so);
        }
        return QStringLiteral("\u2014");
    }
    case CallIdColumn:
        return singleLine(call.callId, CellChars);
    default:
        return {};
    }
}

QVariant CallListModel::toolTipData(const CallSummary &call, int column) const
{
    switch (column) {
    case StatusColumn:
        return plainToolTip(statusToolTipLines(call.status));
    case CreatedColumn:
        if (!call.createdAt.isValid())
            return {};
        return plainToolTip(
            {formatLocalTime(call.createdAt.value), formatUtcTime(call.createdAt.value)});
    case DurationColumn:
        if (!call.finishedAt.isValid())
            return {};
        return plainToolTip({tr("Finished %1").arg(formatLocalTime(call.finishedAt.value))});
    default: {
        const QString text = fullText(call, column);
        return text.isEmpty() ? QVariant() : plainToolTip({visibleText(text.left(2000))});
    }
    }
}

QVariant CallListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const CallSummary &call = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(call, index.column());
    case Qt::ToolTipRole:
        return toolTipData(call, index.column());
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return statusIcon(call.status.state());
        return {};
    case Qt::FontRole:
        if (!m_openCallId.isEmpty() && call.callId == m_openCallId) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case CallIdRole:
        return call.callId;
    case StateRole:
        return QVariant::fromValue(call.status.state());
    case FullTextRole:
        return fullText(call, index.column());
    case OpenRole:
        return !m_openCallId.isEmpty() && call.callId == m_openCallId;
    case GlowRole: {
        const qint64 at = m_changedAt.at(index.row());
        const qint64 age = m_clock.elapsed() - at;
        return at < 0 || age >= GlowMs ? 0.0 : 1.0 - qreal(age) / GlowMs;
    }
    default:
        return {};
    }
}

QVariant CallListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case NameColumn:
        return m_version == ApiVersion::V2 ? tr("Workflow or function") : tr("Workflow");
    case ReferenceColumn:
        return tr("Reference ID");
    case CreatedColumn:
        return tr("Created");
    case DurationColumn:
        return tr("Duration");
    case CallIdColumn:
        return tr("Call ID");
    default:
        return {};
    }
}

} // namespace bem

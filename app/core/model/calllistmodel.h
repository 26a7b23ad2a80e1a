// SPDX-License-Identifier: MIT
#pragma once

#include "calllistparser.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include <optional>

namespace bem {

// The calls browser's rows: one call per row, in the order the server listed them. Updates
// are merges keyed by callID, never resets (except when the list starts over for a new
// filter): a refreshed first page changes rows in place, inserts new calls where the
// server placed them (the top, newest first) and removes a row only when the server's
// page shows it is gone, so the selection and the scroll position stay. Rows that
// changed glow for a moment (GlowRole). Further pages are asked for through fetchMore()
// (moreRequested()) and appended.
class CallListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        NameColumn,
        ReferenceColumn,
        CreatedColumn,
        DurationColumn,
        CallIdColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        CallIdRole = Qt::UserRole + 1,
        StateRole,    // CallState
        FullTextRole, // the cell's value uncut, as sent
        OpenRole,     // bool: the call shown in the window
        GlowRole,     // qreal in [0, 1]: how strongly the row glows after a change
    };
    Q_ENUM(Role)
    static constexpr int GlowMs = 1600;

    explicit CallListModel(QObject *parent = nullptr);
    ~CallListModel() override;
    Q_DISABLE_COPY_MOVE(CallListModel)

    // Starts over: the first page of a new list (a reset). `listEnds`: no more pages.
    void setFirstPage(const QList<CallSummary> &calls, std::optional<qint64> totalCount,
                      bool listEnds);
    // A refreshed first page merged in: rows change in place, new calls are inserted where
    // the page has them, rows the page's span no longer holds are removed (and every row
    // after the page when `listEnds`: the page is the end of the list).
    void mergeFirstPage(const QList<CallSummary> &calls, std::optional<qint64> totalCount,
                        bool listEnds);
    // The next page, appended (calls already listed are skipped). `listEnds`: no more
    // pages.
    void appendPage(const QList<CallSummary> &calls, std::optional<qint64> totalCount,
                    bool listEnds);
    // Empties the list (a reset); no more pages until the next first page.
    void clear();

    // The call shown in the window, marked in its row.
    void setOpenCallId(const QString &callId);
    QString openCallId() const { return m_openCallId; }
    // A fixed "now" for relative times (tests, screenshots); invalid: the clock.
    void setFixedNow(const QDateTime &now) { m_fixedNow = now; }
    // v2 lists function calls too: the name column says so.
    void setApiVersion(ApiVersion version);
    // Whether a further page may be asked for, and the ask being out.
    void setFetchingMore(bool fetching) { m_fetchingMore = fetching; }

    const CallSummary &callAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &callId) const { return m_rowOf.value(callId, -1); }
    QString lastCallId() const { return m_rows.isEmpty() ? QString() : m_rows.last().callId; }
    std::optional<qint64> totalCount() const { return m_totalCount; }
    bool hasMore() const { return m_hasMore; }
    // "Showing 100 of 2,314"; "Showing 3" when the server gave no total.
    QString countText() const;
    // Some row is glowing now (the view repaints while this holds).
    bool isGlowing() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // The view scrolled to the end and another page is wanted.
    void moreRequested();
    // The total or the number of rows changed (countText()).
    void countChanged();

private:
    QVariant displayData(const CallSummary &call, int column) const;
    QVariant toolTipData(const CallSummary &call, int column) const;
    QString fullText(const CallSummary &call, int column) const;
    QDateTime now() const;
    void reindexFrom(int row);
    void shiftRows(int from, int delta);
    void setTotal(std::optional<qint64> totalCount, bool listEnds);
    void removeRun(int first, int last);

    QList<CallSummary> m_rows;
    QList<qint64> m_changedAt; // per row: m_clock time of its last change, -1 for none
    QHash<QString, int> m_rowOf;
    std::optional<qint64> m_totalCount;
    bool m_hasMore = false;
    bool m_fetchingMore = false;
    QString m_openCallId;
    QDateTime m_fixedNow;
    ApiVersion m_version = ApiVersion::V3;
    QElapsedTimer m_clock;
};

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace bem {

// A call's outputs or its errors as a table, one event a row, in the order given.
// setEvents() merges by eventID: a list that grew inserts rows, a changed event changes
// its row's cells, so the selection survives a refresh; only an order it cannot follow
// resets.
class EventListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Outputs, Errors };
    enum OutputColumn {
        OutputType,
        OutputFunction,
        OutputTry,
        OutputReference,
        OutputCreated,
        OutputConfidence,
        OutputDelivery,
        OutputItemOffset,
        OutputColumnCount
    };
    enum ErrorColumn {
        ErrorMessage,
        ErrorFunction,
        ErrorTry,
        ErrorReference,
        ErrorCreated,
        ErrorColumnCount
    };
    enum Role { FunctionCallIdRole = Qt::UserRole + 1, EventIdRole };

    explicit EventListModel(Kind kind, QObject *parent = nullptr);
    ~EventListModel() override;
    Q_DISABLE_COPY_MOVE(EventListModel)

    Kind kind() const { return m_kind; }
    void setEvents(const QList<Event> &events);
    void clear() { setEvents({}); }
    const QList<Event> &events() const { return m_events; }
    const Event &eventAt(int row) const { return m_events.at(row); }
    // The row of this event; -1 when it is not listed.
    int rowOf(const QString &eventId) const;

    // "delivered", "last delivery failed", or empty when the event was never published.
    static QString deliveryText(const Event &event);
    // An error's message on one line: its first line, cut.
    static QString messageLine(const Event &event);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString cellText(const Event &event, int column) const;
    QString toolTip(const Event &event) const;
    bool mergeable(const QList<Event> &events) const;

    Kind m_kind;
    QList<Event> m_events;
};

} // namespace bem

// SPDX-License-Identifier: MIT
#include "eventlistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace bem;

namespace {

Timestamp time(const QString &raw)
{
    return {raw, QDateTime::fromString(raw, Qt::ISODate)};
}

// An event as the parser would give it: named fields and the same values in `object`.
Event output(const QString &id, const QString &functionCallId = QStringLiteral("fc_1"))
{
    Event e;
    e.eventId = id;
    e.eventType = QStringLiteral("transform");
    e.functionName = QStringLiteral("extract-invoice");
    e.functionCallId = functionCallId;
    e.functionCallTryNumber = 1;
    e.referenceId = QStringLiteral("ref-") + id;
    e.createdAt = time(QStringLiteral("2026-11-30T10:00:00Z"));
    e.avgConfidence = 0.875;
    e.itemOffset = 3;
    e.object = QJsonObject{{QStringLiteral("eventID"), id},
                           {QStringLiteral("eventType"), e.eventType},
                           {QStringLiteral("functionName"), e.functionName},
                           {QStringLiteral("functionCallID"), functionCallId},
                           {QStringLiteral("functionCallTryNumber"), 1},
                           {QStringLiteral("referenceID"), e.referenceId},
                           {QStringLiteral("createdAt"), e.createdAt.raw()},
                           {QStringLiteral("avgConfidence"), 0.875},
                           {QStringLiteral("itemOffset"), 3}};
    return e;
}

Event error(const QString &id, const QString &message)
{
    Event e;
    e.eventId = id;
    e.eventType = QStringLiteral("error");
    e.functionName = QStringLiteral("route-docs");
    e.functionCallId = QStringLiteral("fc_err_") + id;
    e.functionCallTryNumber = 2;
    e.message = message;
    e.object = QJsonObject{{QStringLiteral("eventID"), id},
                           {QStringLiteral("eventType"), e.eventType},
                           {QStringLiteral("functionCallID"), e.functionCallId},
                           {QStringLiteral("functionCallTryNumber"), 2},
                           {QStringLiteral("message"), message}};
    return e;
}

QList<Event> outputs(const QStringList &ids)
{
    QList<Event> list;
    for (const QString &id : ids)
        list << output(id);
    return list;
}

QStringList ids(const EventListModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, 0).data(EventListModel::EventIdRole).toString();
    return list;
}

class SignalLog : public QObject
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    entries << QStringLiteral("insert(%1,%2)").arg(first).arg(last);
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    entries << QStringLiteral("remove(%1,%2)").arg(first).arg(last);
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &tl, const QModelIndex &br) {
                    entries << QStringLiteral("change(%1,%2)").arg(tl.row()).arg(br.row());
                });
        connect(model, &QAbstractItemModel::modelReset, this,
                [this] { entries << QStringLiteral("reset"); });
    }
    QStringList take() { return std::exchange(entries, {}); }
    QStringList entries;
};

} // namespace

// The outputs and errors lists: their cells, and refreshes merged by event ID.
class TestEventListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outputs_cells()
    {
        EventListModel model(EventListModel::Kind::Outputs);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents({output(QStringLiteral("ev_1"))});
        QCOMPARE(model.columnCount(), int(EventListModel::OutputColumnCount));
        const auto text = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(text(EventListModel::OutputType), QStringLiteral("transform"));
        QCOMPARE(text(EventListModel::OutputFunction), QStringLiteral("extract-invoice"));
        QCOMPARE(text(EventListModel::OutputTry), QStringLiteral("1"));
        QCOMPARE(text(EventListModel::OutputReference), QStringLiteral("ref-ev_1"));
        QVERIFY(!text(EventListModel::OutputCreated).isEmpty());
        QCOMPARE(text(EventListModel::OutputConfidence), QStringLiteral("0.88"));
        QCOMPARE(text(EventListModel::OutputDelivery), QString());
        QCOMPARE(text(EventListModel::OutputItemOffset), QStringLiteral("3"));
        QCOMPARE(model.index(0, 0).data(EventListModel::FunctionCallIdRole).toString(),
                 QStringLiteral("fc_1"));
        QCOMPARE(model.headerData(EventListModel::OutputDelivery, Qt::Horizontal).toString(),
                 QStringLiteral("Webhook"));
    }

    void delivery_deliveredOrLastFailed()
    {
        Event e = output(QStringLiteral("ev"));
        QCOMPARE(EventListModel::deliveryText(e), QString());
        e.publishedAt = time(QStringLiteral("2026-11-30T10:00:05Z"));
        QCOMPARE(EventListModel::deliveryText(e), QStringLiteral("delivered"));
        e.lastPublishErrorAt = time(QStringLiteral("2026-11-30T10:00:01Z"));
        QCOMPARE(EventListModel::deliveryText(e), QStringLiteral("delivered"));
        e.lastPublishErrorAt = time(QStringLiteral("2026-11-30T10:00:09Z"));
        QCOMPARE(EventListModel::deliveryText(e), QStringLiteral("last delivery failed"));
        e.publishedAt = {};
        QCOMPARE(EventListModel::deliveryText(e), QStringLiteral("last delivery failed"));
    }

    void errors_firstLineOfMessageAndPlainTooltip()
    {
        EventListModel model(EventListModel::Kind::Errors);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvents(
            {error(QStringLiteral("err_1"),
                   QStringLiteral("<b>Timeout</b> calling OCR\nstack line 1\nline 2"))});
        QCOMPARE(model.columnCount(), int(EventListModel::ErrorColumnCount));
        QCOMPARE(model.index(0, EventListModel::ErrorMessage).data().toString(),
                 QStringLiteral("<b>Timeout</b> calling OCR"));
        QCOMPARE(model.index(0, EventListModel::ErrorTry).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(0, EventListModel::ErrorFunction).data().toString(),
                 QStringLiteral("route-docs"));
        QCOMPARE(model.index(0, 0).data(EventListModel::FunctionCallIdRole).toString(),
                 QStringLiteral("fc_err_err_1"));
        const QString tip = model.index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(!tip.contains(QStringLiteral("<b>")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("stack line 1")));
    }

    void setEvents_growingListInsertsRowsWithoutReset()
    {
        EventListModel model(EventListModel::Kind::Outputs);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        SignalLog log(&model);
        model.setEvents(outputs({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(log.take(), QStringList{QStringLiteral("insert(0,1)")});
        model.setEvents(outputs({QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(log.take(), QStringList{});
        model.setEvents(outputs(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
        QCOMPARE(log.take(), QStringList{QStringLiteral("insert(2,3)")});

        QList<Event> changed = outputs(
            {QStringLiteral("x"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("d")});
        changed[2].publishedAt = time(QStringLiteral("2026-11-30T10:00:05Z"));
        QJsonObject published = changed[2].object;
        published.insert(QStringLiteral("publishedAt"), changed[2].publishedAt.raw());
        changed[2].object = published;
        model.setEvents(changed);
        QCOMPARE(log.take(),
                 (QStringList{QStringLiteral("remove(2,2)"), QStringLiteral("insert(0,0)"),
                              QStringLiteral("change(2,2)")}));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("x"), QStringLiteral("a"),
                                          QStringLiteral("b"), QStringLiteral("d")}));
        QCOMPARE(model.index(2, EventListModel::OutputDelivery).data().toString(),
                 QStringLiteral("delivered"));
        QCOMPARE(model.rowOf(QStringLiteral("d")), 3);

        // An order it cannot follow resets; clearing removes every row.
        model.setEvents(outputs({QStringLiteral("d"), QStringLiteral("a")}));
        QCOMPARE(log.take(), QStringList{QStringLiteral("reset")});
        QCOMPARE(ids(model), (QStringList{QStringLiteral("d"), QStringLiteral("a")}));
        model.clear();
        QCOMPARE(log.take(), QStringList{QStringLiteral("remove(0,1)")});
    }
};

QTEST_MAIN(TestEventListModel)
#include "tst_eventlistmodel.moc"

// SPDX-License-Identifier: MIT
// CallTreeModel with v3 traces: events as rows, the trace columns and roles, and refreshes
// of a growing trace merged as exact row signals.
#include "callfilterproxymodel.h"
#include "calltreemodel.h"
#include "failednavigation.h"
#include "testutil.h"
#include "tracebuild.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace bem;
using bem::test::makeEvent;
using bem::test::makeTraceCall;
using bem::test::treeToString;

namespace {

QString name(const QModelIndex &parent)
{
    return parent.isValid() ? parent.data(CallTreeModel::FunctionCallIdRole).toString()
                            : QStringLiteral("root");
}

// The model's change signals as text: "insert(a,2,3)" = rows 2..3 inserted under a.
class SignalLog : public QObject
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &p, int first, int last) {
                    entries << QStringLiteral("insert(%1,%2,%3)").arg(name(p)).arg(first).arg(last);
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &p, int first, int last) {
                    entries << QStringLiteral("remove(%1,%2,%3)").arg(name(p)).arg(first).arg(last);
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
                    if (roles == QList<int>{CallTreeModel::FailedDescendantsRole})
                        return;
                    entries << QStringLiteral("change(%1,%2,%3)")
                                   .arg(name(tl.parent()))
                                   .arg(tl.row())
                                   .arg(br.row());
                });
        connect(model, &QAbstractItemModel::modelReset, this,
                [this] { entries << QStringLiteral("reset"); });
        connect(model, &QAbstractItemModel::layoutChanged, this,
                [this] { entries << QStringLiteral("layout"); });
    }
    QStringList take() { return std::exchange(entries, {}); }
    QStringList entries;
};

Event route(const QString &id, const QString &fc, const QString &choice)
{
    return makeEvent({id, QStringLiteral("route"), fc, {}, choice});
}

Event error(const QString &id, const QString &fc, const QString &message)
{
    return makeEvent({id, QStringLiteral("error"), fc, message});
}

Event transform(const QString &id, const QString &fc, std::optional<qint64> offset = {},
                std::optional<double> confidence = {})
{
    return makeEvent({id, QStringLiteral("transform"), fc, {}, {}, offset, confidence});
}

// a (one step, events ea1 ea2) spawns b from ea1; b emits eb1.
CallSnapshotPtr trace(const QList<FunctionCall> &fcs)
{
    Call call;
    call.callId = QStringLiteral("c_v3");
    call.apiVersion = ApiVersion::V3;
    call.functionCalls = fcs;
    return std::make_shared<const CallSnapshot>(CallSnapshot::fromCall(call));
}

FunctionCall callA(const QList<Event> &events)
{
    FunctionCall a = makeTraceCall(QStringLiteral("a"), {}, events);
    a.activity = {ActivityEntry{
        QStringLiteral("Classify"), Status::fromRaw(QStringLiteral("completed")), {}}};
    return a;
}

} // namespace

class TestCallTreeEvents : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_model = std::make_unique<CallTreeModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_proxy = std::make_unique<CallFilterProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    void cleanup()
    {
        m_proxyTester.reset();
        m_proxy.reset();
        m_tester.reset();
        m_model.reset();
    }

    void events_comeAfterStepsAndBeforeChildFunctionCalls()
    {
        m_model->setSnapshot(trace(
            {callA({route(QStringLiteral("ea1"), QStringLiteral("a"), QStringLiteral("invoices")),
                    error(QStringLiteral("ea2"), QStringLiteral("a"),
                          QStringLiteral("boom\nstack trace"))}),
             makeTraceCall(QStringLiteral("b"), QStringLiteral("ea1"),
                           {transform(QStringLiteral("eb1"), QStringLiteral("b"), 3, 0.92)})}));
        QCOMPARE(treeToString(*m_model),
                 QStringLiteral("[a[Classify route: invoices error: boom b[transform \u00b7 item 3 "
                                "\u00b7 92%]]]"));
        const QModelIndex a = m_model->index(0, 0);
        const QModelIndex step = m_model->index(0, 0, a);
        const QModelIndex routeRow = m_model->index(1, 0, a);
        const QModelIndex errorRow = m_model->index(2, 0, a);
        QCOMPARE(m_model->kind(step), CallTreeModel::NodeKind::Activity);
        QCOMPARE(m_model->kind(routeRow), CallTreeModel::NodeKind::Event);
        QCOMPARE(routeRow.data(CallTreeModel::NodeKindRole).value<CallTreeModel::NodeKind>(),
                 CallTreeModel::NodeKind::Event);
        QCOMPARE(routeRow.data(CallTreeModel::EventIdRole).toString(), QStringLiteral("ea1"));
        QCOMPARE(routeRow.data(CallTreeModel::EventTypeRole).toString(), QStringLiteral("route"));
        QCOMPARE(routeRow.data(CallTreeModel::FunctionCallIdRole).toString(), QStringLiteral("a"));
        QCOMPARE(m_model->eventAt(routeRow)->eventId, QStringLiteral("ea1"));
        QVERIFY(!m_model->eventAt(step));
        QVERIFY(!m_model->activityEntry(routeRow));
        QVERIFY(m_model->flags(routeRow).testFlag(Qt::ItemNeverHasChildren));
        QCOMPARE(routeRow.parent(), a);
        QCOMPARE(m_model->functionCall(routeRow)->functionCallId, QStringLiteral("a"));

        // An error looks failed, and its full message is one copy away.
        QCOMPARE(errorRow.data(CallTreeModel::StatusRole).value<CallState>(), CallState::Failed);
        QVERIFY(!errorRow.siblingAtColumn(CallTreeModel::StatusColumn)
                     .data(Qt::DecorationRole)
                     .isNull());
        QVERIFY(routeRow.siblingAtColumn(CallTreeModel::StatusColumn)
                    .data(Qt::DecorationRole)
                    .isNull());
        QVERIFY(errorRow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("stack trace")));

        const QModelIndex b = m_model->index(3, 0, a);
        QCOMPARE(b, m_model->indexForFunctionCallId(QStringLiteral("b")));
        const QModelIndex t = m_model->index(0, 0, b);
        QCOMPARE(t.data(CallTreeModel::ConfidenceRole).toDouble(), 0.92);
        QCOMPARE(t.data(CallTreeModel::ItemOffsetRole).toLongLong(), 3);
        QCOMPARE(t.siblingAtColumn(CallTreeModel::TypeColumn).data().toString(),
                 QStringLiteral("transform"));
        QVERIFY(t.data(Qt::ToolTipRole).toString().contains(QStringLiteral("92%")));
    }

    void functionCallRows_showNodeEdgeTryAndRunningDuration()
    {
        FunctionCall b = makeTraceCall(QStringLiteral("b"), {}, {}, QStringLiteral("running"));
        b.workflowNodeName = QStringLiteral("extract-invoice");
        b.incomingDestinationName = QStringLiteral("invoices");
        b.tryNumber = 2;
        b.startedAt = {QStringLiteral("x"), QDateTime::currentDateTimeUtc().addSecs(-5)};
        FunctionCall a = makeTraceCall(QStringLiteral("a"), {});
        m_model->setSnapshot(trace({a, b}));
        const QModelIndex row = m_model->indexForFunctionCallId(QStringLiteral("b"));
        QCOMPARE(row.siblingAtColumn(CallTreeModel::NodeColumn).data().toString(),
                 QStringLiteral("extract-invoice"));
        QCOMPARE(row.siblingAtColumn(CallTreeModel::EdgeColumn).data().toString(),
                 QStringLiteral("\u2192 invoices"));
        QCOMPARE(row.siblingAtColumn(CallTreeModel::TryColumn).data().toString(),
                 QStringLiteral("retry 2"));
        QCOMPARE(row.data(CallTreeModel::TryNumberRole).toLongLong(), 2);
        QVERIFY(row.data(CallTreeModel::RetryRole).toBool());
        QCOMPARE(row.data(CallTreeModel::WorkflowNodeRole).toString(),
                 QStringLiteral("extract-invoice"));
        QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("try 2")));
        QVERIFY(row.siblingAtColumn(CallTreeModel::DurationColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("running for")));
        const QModelIndex first = m_model->indexForFunctionCallId(QStringLiteral("a"));
        QCOMPARE(first.siblingAtColumn(CallTreeModel::TryColumn).data().toString(),
                 QStringLiteral("1"));
        QVERIFY(!first.data(CallTreeModel::RetryRole).toBool());
        QCOMPARE(m_model->headerData(CallTreeModel::NodeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Node"));
    }

    void growingTrace_mergesEventsAsRowSignalsNeverAReset()
    {
        const QString ea1 = QStringLiteral("ea1");
        const QString ea2 = QStringLiteral("ea2");
        const QString fa = QStringLiteral("a");
        m_model->setSnapshot(trace({callA({route(ea1, fa, QStringLiteral("x"))})}));
        SignalLog log(m_model.get());
        const QPersistentModelIndex firstEvent = m_model->index(1, 0, m_model->index(0, 0));

        // An event arrives, then a function call spawned by it (which emits one itself).
        m_model->setSnapshot(
            trace({callA({route(ea1, fa, QStringLiteral("x")), transform(ea2, fa)}),
                   makeTraceCall(QStringLiteral("b"), ea1)}));
        QCOMPARE(log.take(),
                 (QStringList{QStringLiteral("insert(a,2,2)"), QStringLiteral("insert(a,3,3)")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[Classify route: x transform b]]"));
        QVERIFY(firstEvent.isValid());
        QCOMPARE(firstEvent.row(), 1);

        // An event's content changes: one dataChanged on its row.
        m_model->setSnapshot(
            trace({callA({route(ea1, fa, QStringLiteral("y")), transform(ea2, fa)}),
                   makeTraceCall(QStringLiteral("b"), ea1)}));
        QCOMPARE(log.take(), QStringList{QStringLiteral("change(a,1,1)")});
        QCOMPARE(firstEvent.data().toString(), QStringLiteral("route: y"));

        // A step arrives and an event goes in the same refresh: the rows below keep up.
        FunctionCall a = callA({route(ea1, fa, QStringLiteral("y"))});
        a.activity.append(
            ActivityEntry{QStringLiteral("Route"), Status::fromRaw(QStringLiteral("running")), {}});
        m_model->setSnapshot(trace({a, makeTraceCall(QStringLiteral("b"), ea1)}));
        QCOMPARE(log.take(),
                 (QStringList{QStringLiteral("remove(a,2,2)"), QStringLiteral("insert(a,1,1)")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[Classify Route route: y b]]"));

        // A status change of a function call: its row, no reset.
        m_model->setSnapshot(
            trace({a, makeTraceCall(QStringLiteral("b"), ea1, {}, QStringLiteral("failed"))}));
        QCOMPARE(log.take(), QStringList{QStringLiteral("change(a,3,3)")});
    }

    void sourceEventArrivingLater_movesTheFunctionCallUnderItsEmitter()
    {
        const QString fa = QStringLiteral("a");
        const FunctionCall b = makeTraceCall(QStringLiteral("b"), QStringLiteral("ea2"));
        m_model->setSnapshot(
            trace({callA({route(QStringLiteral("ea1"), fa, QStringLiteral("x"))}), b}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[Classify route: x] b]"));
        QVERIFY(m_model->index(1, 0).data(CallTreeModel::ParentMissingRole).toBool());
        SignalLog log(m_model.get());
        m_model->setSnapshot(trace({callA({route(QStringLiteral("ea1"), fa, QStringLiteral("x")),
                                           route(QStringLiteral("ea2"), fa, QStringLiteral("y"))}),
                                    b}));
        QCOMPARE(log.take(),
                 (QStringList{QStringLiteral("insert(a,2,2)"), QStringLiteral("remove(root,1,1)"),
                              QStringLiteral("insert(a,3,3)")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[Classify route: x route: y b]]"));
        QVERIFY(!m_model->indexForFunctionCallId(QStringLiteral("b"))
                     .data(CallTreeModel::ParentMissingRole)
                     .toBool());
    }

    void filter_matchesEventsByTypeChoiceAndMessage()
    {
        m_model->setSnapshot(trace(
            {callA({route(QStringLiteral("ea1"), QStringLiteral("a"), QStringLiteral("invoices")),
                    error(QStringLiteral("ea2"), QStringLiteral("a"), QStringLiteral("timeout"))}),
             makeTraceCall(QStringLiteral("b"), QStringLiteral("ea1"))}));
        m_proxy->setFilterText(QStringLiteral("invoices"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[route: invoices]]"));
        QCOMPARE(m_proxy->matchCount(), 1);
        m_proxy->setFilterText(QStringLiteral("timeout"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[error: timeout]]"));
        m_proxy->setFilterText(QStringLiteral("route"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[route: invoices]]"));
    }

    void filteredView_followsEventsAsTheTraceGrows()
    {
        const QString fa = QStringLiteral("a");
        const FunctionCall b = makeTraceCall(QStringLiteral("b"), QStringLiteral("ea1"));
        m_model->setSnapshot(
            trace({callA({route(QStringLiteral("ea1"), fa, QStringLiteral("x"))}), b}));
        m_proxy->setFilterText(QStringLiteral("quota"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[]"));

        m_model->setSnapshot(
            trace({callA({route(QStringLiteral("ea1"), fa, QStringLiteral("x")),
                          error(QStringLiteral("ea2"), fa, QStringLiteral("quota exceeded"))}),
                   b}));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[error: quota exceeded]]"));
        QCOMPARE(m_proxy->matchCount(), 1);

        // The event goes again (a retry replaced it): so does the match.
        m_model->setSnapshot(
            trace({callA({route(QStringLiteral("ea1"), fa, QStringLiteral("x"))}), b}));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[]"));
        QCOMPARE(m_proxy->matchCount(), 0);
        m_proxy->setFilterText({});
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[Classify route: x b]]"));
    }

    void failedNavigation_visitsErrorEvents()
    {
        // bem marks a function call failed when it produced an error event; nothing fails
        // below it, yet its error is a stop of its own.
        FunctionCall a =
            callA({error(QStringLiteral("ea1"), QStringLiteral("a"), QStringLiteral("bad"))});
        a.status = Status::fromRaw(QStringLiteral("failed"));
        m_model->setSnapshot(trace({a, makeTraceCall(QStringLiteral("b"), {})}));
        const QModelIndex first = findFailedRow(m_model.get(), {}, SearchDirection::Forward);
        QCOMPARE(first.data().toString(), QStringLiteral("a"));
        const QModelIndex next = findFailedRow(m_model.get(), first, SearchDirection::Forward);
        QCOMPARE(next.data().toString(), QStringLiteral("error: bad"));
        QCOMPARE(findFailedRow(m_model.get(), next, SearchDirection::Forward), first);
    }

private:
    std::unique_ptr<CallTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<CallFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

QTEST_GUILESS_MAIN(TestCallTreeEvents)
#include "tst_calltreeevents.moc"

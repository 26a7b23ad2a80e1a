// SPDX-License-Identifier: MIT
// CallTreeModel's Timeline column: its roles, its tooltip and the subtree spans it keeps
// through merges.
#include "calltreemodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace bem;
using bem::test::makeFunctionCall;
using bem::test::snapshotOf;

namespace {

// 2023: in the past, so that none of these times is "far in the future".
const qint64 Base = qint64(1700000000) * 1000;

Timestamp at(qint64 seconds)
{
    return {QStringLiteral("t%1").arg(seconds),
            QDateTime::fromMSecsSinceEpoch(Base + seconds * 1000, Qt::UTC)};
}

FunctionCall timed(const QString &id, const QString &source, int startS, int endS,
                   const QString &status = QStringLiteral("completed"))
{
    FunctionCall fc = makeFunctionCall(id, source, status);
    if (startS >= 0)
        fc.startedAt = at(startS);
    if (endS >= 0)
        fc.finishedAt = at(endS);
    return fc;
}

QModelIndex row(const QAbstractItemModel &model, const QString &id, int column = 0)
{
    const QModelIndexList hits = model.match(model.index(0, 0), CallTreeModel::FunctionCallIdRole,
                                             id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    const QModelIndex hit = hits.value(0);
    return hit.sibling(hit.row(), column);
}

qint64 seconds(const QVariant &ms)
{
    return ms.isValid() ? (ms.toLongLong() - Base) / 1000 : -1;
}

QString span(const QAbstractItemModel &model, const QString &id)
{
    const QModelIndex i = row(model, id);
    return QStringLiteral("%1..%2")
        .arg(seconds(i.data(CallTreeModel::TimelineSpanStartRole)))
        .arg(seconds(i.data(CallTreeModel::TimelineSpanEndRole)));
}

// The span signals of a merge as text: "span(root,0,0)" = rows 0..0 at the top.
QStringList spanSignals(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy) {
        const auto tl = args.at(0).value<QModelIndex>();
        const auto br = args.at(1).value<QModelIndex>();
        const auto roles = args.at(2).value<QList<int>>();
        if (!roles.contains(CallTreeModel::TimelineSpanStartRole))
            continue;
        if (tl.column() != CallTreeModel::TimelineColumn || br.column() != tl.column())
            out << QStringLiteral("wrong column");
        out << QStringLiteral("span(%1,%2,%3)")
                   .arg(tl.parent().isValid()
                            ? tl.parent().data(CallTreeModel::FunctionCallIdRole).toString()
                            : QStringLiteral("root"))
                   .arg(tl.row())
                   .arg(br.row());
    }
    return out;
}

} // namespace

class TstCallTreeTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<CallTreeModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void column_isLastWithEmptyTextAndRolesForItsBars()
    {
        QCOMPARE(int(CallTreeModel::TimelineColumn), int(CallTreeModel::ColumnCount) - 1);
        QCOMPARE(int(CallTreeModel::TryColumn), 9); // the others keep their numbers
        QCOMPARE(m_model->headerData(CallTreeModel::TimelineColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Timeline"));
        m_model->setSnapshot(snapshotOf(
            QStringLiteral("c"),
            {timed(QStringLiteral("a"), {}, 10, 25),
             timed(QStringLiteral("b"), QStringLiteral("a"), 12, -1, QStringLiteral("running")),
             timed(QStringLiteral("p"), {}, -1, -1, QStringLiteral("pending"))}));
        const QModelIndex a = row(*m_model, QStringLiteral("a"), CallTreeModel::TimelineColumn);
        QVERIFY(a.data().toString().isEmpty());
        QCOMPARE(seconds(a.data(CallTreeModel::TimelineStartRole)), 10);
        QCOMPARE(seconds(a.data(CallTreeModel::TimelineEndRole)), 25);
        QCOMPARE(a.data(CallTreeModel::TimelineLiveRole).toBool(), false);
        QCOMPARE(a.data(CallTreeModel::TimelineSubtreeLiveRole).toBool(), true);
        const QModelIndex b = row(*m_model, QStringLiteral("b"), CallTreeModel::TimelineColumn);
        QVERIFY(!b.data(CallTreeModel::TimelineEndRole).isValid());
        QCOMPARE(b.data(CallTreeModel::TimelineLiveRole).toBool(), true);
        const QModelIndex p = row(*m_model, QStringLiteral("p"), CallTreeModel::TimelineColumn);
        QVERIFY(!p.data(CallTreeModel::TimelineStartRole).isValid());
        QVERIFY(!p.data(CallTreeModel::TimelineSpanStartRole).isValid());
        QVERIFY(p.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not drawn")));
        // Whole call: from the earliest start to "now" while a bar grows.
        const TimeWindow w = m_model->callWindow(Base + 40000);
        QCOMPARE(w.fromMs, Base + 10000);
        QCOMPARE(w.toMs, Base + 40000);
        QCOMPARE(m_model->subtreeWindow(row(*m_model, QStringLiteral("a")), Base + 30000).toMs,
                 Base + 30000);
    }

    void eventRows_carryTheirTimeAndAToolTip()
    {
        FunctionCall a = timed(QStringLiteral("a"), {}, 0, 20);
        Event e;
        e.eventId = QStringLiteral("e1");
        e.eventType = QStringLiteral("route");
        e.createdAt = at(8);
        a.events = {e};
        FunctionCall b = timed(QStringLiteral("b"), QStringLiteral("a"), 11, 19);
        b.sourceEventId = QStringLiteral("e1");
        Call call;
        call.callId = QStringLiteral("c");
        call.createdAt = at(-2);
        call.finishedAt = at(21);
        call.status = Status::fromRaw(QStringLiteral("completed"));
        call.functionCalls = {a, b};
        m_model->setSnapshot(CallSnapshot::fromCall(call));
        const QModelIndex aRow = row(*m_model, QStringLiteral("a"));
        const QModelIndex eventRow = m_model->index(0, CallTreeModel::TimelineColumn, aRow);
        QCOMPARE(m_model->kind(eventRow), CallTreeModel::NodeKind::Event);
        QCOMPARE(seconds(eventRow.data(CallTreeModel::TimelineStartRole)), 8);
        QVERIFY(eventRow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("10.0 s")));
        // The call's window runs from its creation to its end.
        const TimeWindow w = m_model->callWindow(Base + 99000);
        QCOMPARE(w.fromMs, Base - 2000);
        QCOMPARE(w.toMs, Base + 21000);
        QCOMPARE(m_model->callStartMs(), std::optional<qint64>(Base - 2000));
        // b: 8 s after the call's start... 13 s; it waited 3 s after the event that spawned it.
        const QString tip = row(*m_model, QStringLiteral("b"), CallTreeModel::TimelineColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
        QVERIFY2(tip.contains(QStringLiteral("Duration: 8.0 s")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("call's start: 13.0 s")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Waited before it started: 3.0 s")), qPrintable(tip));
        // Other columns keep their own tooltip.
        QVERIFY(!row(*m_model, QStringLiteral("b"), CallTreeModel::NameColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("Waited")));
    }

    void collapsedParent_spansItsWholeSubtree()
    {
        m_model->setSnapshot(snapshotOf(
            QStringLiteral("c"), {timed(QStringLiteral("split"), {}, 0, 2),
                                  timed(QStringLiteral("p1"), QStringLiteral("split"), 3, 9),
                                  timed(QStringLiteral("p2"), QStringLiteral("split"), 3, 14),
                                  timed(QStringLiteral("x"), QStringLiteral("p2"), 15, 30)}));
        QCOMPARE(span(*m_model, QStringLiteral("split")), QStringLiteral("0..30"));
        QCOMPARE(span(*m_model, QStringLiteral("p1")), QStringLiteral("3..9"));
        QCOMPARE(span(*m_model, QStringLiteral("p2")), QStringLiteral("3..30"));
    }

    void merge_updatesSpansOfAncestorsOnly_withoutAReset()
    {
        const QString c = QStringLiteral("c");
        QList<FunctionCall> fcs{
            timed(QStringLiteral("root"), {}, 0, 5),
            timed(QStringLiteral("a"), QStringLiteral("root"), 1, 4),
            timed(QStringLiteral("b"), QStringLiteral("a"), 2, -1, QStringLiteral("running")),
            timed(QStringLiteral("other"), {}, 0, 1)};
        m_model->setSnapshot(snapshotOf(c, fcs));
        QCOMPARE(span(*m_model, QStringLiteral("root")), QStringLiteral("0..5"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        // b finishes late: a's and root's spans grow, "other" is untouched.
        fcs[2] = timed(QStringLiteral("b"), QStringLiteral("a"), 2, 12);
        m_model->setSnapshot(snapshotOf(c, fcs));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(span(*m_model, QStringLiteral("a")), QStringLiteral("1..12"));
        QCOMPARE(span(*m_model, QStringLiteral("root")), QStringLiteral("0..12"));
        QCOMPARE(span(*m_model, QStringLiteral("other")), QStringLiteral("0..1"));
        // b's own row changed, announced with all its columns (the Timeline one too); its
        // ancestors' spans, one signal each and nothing more.
        QCOMPARE(spanSignals(changed),
                 (QStringList{QStringLiteral("span(root,0,0)"), QStringLiteral("span(root,0,0)")}));
        bool bAnnounced = false;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto tl = args.at(0).value<QModelIndex>();
            const auto br = args.at(1).value<QModelIndex>();
            bAnnounced =
                bAnnounced || (tl.data(CallTreeModel::FunctionCallIdRole) == QStringLiteral("b") &&
                               br.column() == CallTreeModel::TimelineColumn);
        }
        QVERIFY(bAnnounced);
        changed.clear();
        // A new, later child of "other" arrives: its span follows; removing it shrinks it back.
        fcs << timed(QStringLiteral("late"), QStringLiteral("other"), 20, 40);
        m_model->setSnapshot(snapshotOf(c, fcs));
        QCOMPARE(span(*m_model, QStringLiteral("other")), QStringLiteral("0..40"));
        QCOMPARE(spanSignals(changed), (QStringList{QStringLiteral("span(root,1,1)")}));
        fcs.removeLast();
        m_model->setSnapshot(snapshotOf(c, fcs));
        QCOMPARE(span(*m_model, QStringLiteral("other")), QStringLiteral("0..1"));
        QCOMPARE(resets.size(), 0);
        // A refresh that moves no time emits no span signal.
        changed.clear();
        fcs[3].functionName = QStringLiteral("renamed");
        m_model->setSnapshot(snapshotOf(c, fcs));
        QCOMPARE(spanSignals(changed), QStringList());
    }

    void farFutureTimes_stayOutOfTheSpans()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        FunctionCall ok = makeFunctionCall(QStringLiteral("ok"));
        ok.startedAt = {QStringLiteral("s"), QDateTime::fromMSecsSinceEpoch(now - 10000, Qt::UTC)};
        ok.finishedAt = {QStringLiteral("e"), QDateTime::fromMSecsSinceEpoch(now - 5000, Qt::UTC)};
        FunctionCall wild = makeFunctionCall(QStringLiteral("wild"), QStringLiteral("ok"));
        wild.startedAt = ok.startedAt;
        wild.finishedAt = {QStringLiteral("e"), QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC)};
        Call call;
        call.callId = QStringLiteral("c");
        call.status = Status::fromRaw(QStringLiteral("completed"));
        call.functionCalls = {ok, wild};
        m_model->setSnapshot(CallSnapshot::fromCall(call));
        const TimeWindow w = m_model->callWindow(now);
        QCOMPARE(w.toMs, now - 5000);
        const QString tip = row(*m_model, QStringLiteral("wild"), CallTreeModel::TimelineColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
        QVERIFY2(tip.contains(QStringLiteral("far ahead")), qPrintable(tip));
    }

private:
    std::unique_ptr<CallTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TstCallTreeTimeline)
#include "tst_calltreetimeline.moc"

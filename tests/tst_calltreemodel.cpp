// SPDX-License-Identifier: MIT
#include "calltreemodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFont>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace bem;
using bem::test::makeFunctionCall;
using bem::test::snapshotFromData;
using bem::test::snapshotOf;
using bem::test::treeToString;

namespace {

// Records a model's change signals as text, so a test can state the exact sequence a
// refresh must produce: "insert(fc_split,4,4)" = rows 4..4 inserted under fc_split;
// "failed(a,0,1)" = only the failed-descendant counts of rows 0..1 under a changed.
class SignalLog : public QObject
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        const auto name = [](const QModelIndex &parent) {
            return parent.isValid() ? parent.data(CallTreeModel::FunctionCallIdRole).toString()
                                    : QStringLiteral("root");
        };
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this, name](const QModelIndex &p, int first, int last) {
                    entries << QStringLiteral("insert(%1,%2,%3)").arg(name(p)).arg(first).arg(last);
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this, name](const QModelIndex &p, int first, int last) {
                    entries << QStringLiteral("remove(%1,%2,%3)").arg(name(p)).arg(first).arg(last);
                });
        connect(
            model, &QAbstractItemModel::dataChanged, this,
            [this, name](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
                // The Timeline column's subtree spans are logged apart (tst_calltreetimeline).
                if (tl.column() == CallTreeModel::TimelineColumn &&
                    roles.contains(CallTreeModel::TimelineSpanStartRole)) {
                    spanEntries << QStringLiteral("span(%1,%2,%3)")
                                       .arg(name(tl.parent()))
                                       .arg(tl.row())
                                       .arg(br.row());
                    return;
                }
                const bool countsOnly = roles == QList<int>{CallTreeModel::FailedDescendantsRole};
                entries << QStringLiteral("%1(%2,%3,%4)")
                               .arg(countsOnly ? QStringLiteral("failed")
                                               : QStringLiteral("change"))
                               .arg(name(tl.parent()))
                               .arg(tl.row())
                               .arg(br.row());
                QCOMPARE(tl.parent(), br.parent());
                QCOMPARE(tl.column(), 0);
                QCOMPARE(br.column(), countsOnly ? 0 : int(CallTreeModel::ColumnCount) - 1);
            });
        connect(model, &QAbstractItemModel::modelReset, this,
                [this] { entries << QStringLiteral("reset"); });
        connect(model, &QAbstractItemModel::layoutChanged, this,
                [this] { entries << QStringLiteral("layout"); });
        connect(model, &QAbstractItemModel::rowsMoved, this,
                [this] { entries << QStringLiteral("move"); });
    }
    QStringList take() { return std::exchange(entries, {}); }
    QStringList entries;
    QStringList spanEntries;
};

QModelIndex findById(const QAbstractItemModel &model, const QString &id)
{
    const QModelIndexList hits = model.match(model.index(0, 0), CallTreeModel::FunctionCallIdRole,
                                             id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return hits.value(0);
}

int failedBelow(const QModelIndex &index)
{
    return index.data(CallTreeModel::FailedDescendantsRole).toInt();
}

QStringList idsOf(const QList<QPersistentModelIndex> &rows)
{
    QStringList ids;
    for (const QPersistentModelIndex &row : rows) {
        ids << (row.column() == 0 ? row.data(CallTreeModel::FunctionCallIdRole).toString()
                                  : QStringLiteral("(not column 0)"));
    }
    ids.sort();
    return ids;
}

} // namespace

class TestCallTreeModel : public QObject
{
    Q_OBJECT
private slots:
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

    void apiExample_showsFunctionCallsWithActivityFirst()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("api-example.json")));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[route-docs[Classify split-pages]]"));
        const QModelIndex route = m_model->index(0, 0);
        QCOMPARE(m_model->index(0, CallTreeModel::TypeColumn).data().toString(),
                 QStringLiteral("route"));
        QCOMPARE(m_model->index(0, CallTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("completed"));
        QCOMPARE(m_model->index(0, CallTreeModel::VersionColumn).data().toString(),
                 QStringLiteral("v2"));
        QCOMPARE(m_model->index(0, CallTreeModel::ReferenceIdColumn).data().toString(),
                 QStringLiteral("ref-1"));
        QCOMPARE(m_model->index(0, CallTreeModel::DurationColumn).data().toString(),
                 QStringLiteral("2.5 s"));
        QVERIFY(!m_model->index(0, CallTreeModel::StartedColumn).data().toString().isEmpty());
        QCOMPARE(route.data(CallTreeModel::StatusRole).value<CallState>(), CallState::Completed);
        QCOMPARE(route.data(CallTreeModel::NodeKindRole).value<CallTreeModel::NodeKind>(),
                 CallTreeModel::NodeKind::FunctionCall);

        const QModelIndex classify = m_model->index(0, 0, route);
        QCOMPARE(classify.data(CallTreeModel::NodeKindRole).value<CallTreeModel::NodeKind>(),
                 CallTreeModel::NodeKind::Activity);
        QCOMPARE(m_model->kind(classify), CallTreeModel::NodeKind::Activity);
        QVERIFY(classify.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(!route.data(Qt::FontRole).isValid());
        QCOMPARE(classify.parent(), route);
        QVERIFY(!m_model->hasChildren(classify));
        QVERIFY(m_model->flags(classify).testFlag(Qt::ItemNeverHasChildren));

        const QModelIndex split = m_model->index(1, 0, route);
        QCOMPARE(split.data(CallTreeModel::FunctionCallIdRole).toString(), QStringLiteral("fc_2"));
        QCOMPARE(split.data(CallTreeModel::SourceFunctionCallIdRole).toString(),
                 QStringLiteral("fc_1"));
        QVERIFY(
            split.data(CallTreeModel::S3UrlRole).toString().contains(QStringLiteral("whole.pdf")));
        QCOMPARE(split.data(CallTreeModel::InputUrlsRole).toStringList().size(), 1);
        QCOMPARE(split.parent(), route);
        QCOMPARE(m_model->functionCall(split)->functionName, QStringLiteral("split-pages"));
        QCOMPARE(m_model->functionCallCount(), 2);
        QCOMPARE(m_model->callId(), QStringLiteral("c_1"));
    }

    void statusIsShownWithIconAndText()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("api-example.json")));
        const QModelIndex status = m_model->index(0, CallTreeModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("completed"));
        const QIcon icon = status.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!icon.isNull());
        QVERIFY(!icon.pixmap(16, 16).isNull());
        QVERIFY(statusIcon(CallState::Failed).cacheKey() !=
                statusIcon(CallState::Completed).cacheKey());
        // The one icon per state that the delegate and the status badge show too.
        QCOMPARE(icon.cacheKey(), statusIcon(CallState::Completed).cacheKey());
    }

    void progression_isMergedWithoutReset_andPersistentIndexesFollowTheirRows()
    {
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-1.json")));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(treeToString(*m_model), QStringLiteral("[]"));

        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-2.json")));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[route-invoices[Classify]]"));
        const QPersistentModelIndex route = findById(*m_model, QStringLiteral("fc_route"));
        const QPersistentModelIndex classify = m_model->index(0, 0, route);
        QVERIFY(route.isValid());

        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-3.json")));
        QCOMPARE(treeToString(*m_model),
                 QStringLiteral("[route-invoices[Classify Route split-pages[Split pages]]]"));
        const QPersistentModelIndex split = findById(*m_model, QStringLiteral("fc_split"));

        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        const QPersistentModelIndex t2 = findById(*m_model, QStringLiteral("fc_t2"));
        QCOMPARE(t2.data(CallTreeModel::StatusRole).value<CallState>(), CallState::Running);

        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QCOMPARE(log.take(), (QStringList{
                                 QStringLiteral("insert(fc_t2,1,1)"),    // "Validate" appears
                                 QStringLiteral("change(fc_t2,0,0)"),    // "Extract" completes
                                 QStringLiteral("insert(fc_t3,0,0)"),    // t3 gets a step
                                 QStringLiteral("change(fc_split,2,3)"), // t2, t3 complete
                                 QStringLiteral("insert(fc_split,4,4)"), // the join appears
                             }));
        QCOMPARE(treeToString(*m_model),
                 QStringLiteral("[route-invoices[Classify Route split-pages[Split pages "
                                "extract-totals[Extract] extract-totals[Extract Validate] "
                                "extract-totals[Extract] join-results[Join]]]]"));
        QCOMPARE(resets.count(), 1);

        for (const auto &[index, id] : {std::pair{route, QStringLiteral("fc_route")},
                                        std::pair{split, QStringLiteral("fc_split")},
                                        std::pair{t2, QStringLiteral("fc_t2")}}) {
            QVERIFY(index.isValid());
            QCOMPARE(index.data(CallTreeModel::FunctionCallIdRole).toString(), id);
        }
        QCOMPARE(t2.data(CallTreeModel::StatusRole).value<CallState>(), CallState::Completed);
        QVERIFY(classify.isValid());
        QCOMPARE(classify.data().toString(), QStringLiteral("Classify"));
        QCOMPARE(classify.parent(), QModelIndex(route));
    }

    void statusCounts_followTheProgression()
    {
        QSignalSpy changed(m_model.get(), &CallTreeModel::countsChanged);
        const auto load = [&](const char *file) {
            m_model->setSnapshot(snapshotFromData(QString::fromLatin1(file)));
            return CallTreeModel::describeCounts(m_model->statusCounts());
        };
        QCOMPARE(load("progress-1.json"), QStringLiteral("No function calls"));
        QCOMPARE(changed.count(), 0); // still nothing: no change to announce
        QCOMPARE(load("progress-2.json"), QStringLiteral("1 function call \u00B7 1 running"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(load("progress-3.json"),
                 QStringLiteral("2 function calls \u00B7 1 completed \u00B7 1 running"));
        QCOMPARE(load("progress-4.json"), QStringLiteral("5 function calls \u00B7 3 completed "
                                                         "\u00B7 1 running \u00B7 1 pending"));
        const StatusCounts four = m_model->statusCounts();
        QCOMPARE(four.total, 5);
        QCOMPARE(four.completed, 3);
        QCOMPARE(four.running, 1);
        QCOMPARE(four.pending, 1);
        QCOMPARE(four.failed, 0);
        QCOMPARE(four.other, 0);
        QCOMPARE(load("progress-5.json"), QStringLiteral("6 function calls \u00B7 6 completed"));
        QCOMPARE(changed.count(), 4);
        load("progress-5.json");
        QCOMPARE(changed.count(), 4);
        m_model->clear();
        QCOMPARE(changed.count(), 5);
        QCOMPARE(m_model->statusCounts(), StatusCounts{});
    }

    void describeCounts_groupsDigitsInTheUsersLocale()
    {
        // "100000 function calls · 98900 completed" is hard to read at a glance.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        StatusCounts c;
        c.total = 100000;
        c.completed = 98900;
        c.failed = 1100;
        const QString text = CallTreeModel::describeCounts(c);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString german = CallTreeModel::describeCounts(c);
        QLocale::setDefault(before);
        QCOMPARE(text, QStringLiteral("100,000 function calls \u00B7 98,900 completed \u00B7 "
                                      "1,100 failed"));
        QVERIFY2(german.startsWith(QStringLiteral("100.000 function calls")), qPrintable(german));
    }

    void describeCounts_omitsZeroCategoriesButTheTotal()
    {
        StatusCounts c;
        QCOMPARE(CallTreeModel::describeCounts(c), QStringLiteral("No function calls"));
        c.total = 14;
        c.completed = 9;
        c.running = 3;
        c.pending = 1;
        c.failed = 1;
        QCOMPARE(CallTreeModel::describeCounts(c),
                 QStringLiteral("14 function calls \u00B7 9 completed \u00B7 3 running \u00B7 "
                                "1 pending \u00B7 1 failed"));
        c = {};
        c.total = 1;
        c.failed = 1;
        QCOMPARE(CallTreeModel::describeCounts(c),
                 QStringLiteral("1 function call \u00B7 1 failed"));
        c = {};
        c.total = 3;
        c.running = 1;
        c.other = 2;
        QCOMPARE(CallTreeModel::describeCounts(c),
                 QStringLiteral("3 function calls \u00B7 1 running \u00B7 2 other"));
    }

    void statusCounts_countUnknownAndMissingStatusesAsOther()
    {
        FunctionCall noStatus = makeFunctionCall(QStringLiteral("n"));
        noStatus.status = Status();
        m_model->setSnapshot(snapshotOf(
            QStringLiteral("c"),
            {makeFunctionCall(QStringLiteral("q"), {}, QStringLiteral("queued")), noStatus,
             makeFunctionCall(QStringLiteral("f"), {}, QStringLiteral("FAILED"))}));
        const StatusCounts c = m_model->statusCounts();
        QCOMPARE(c.total, 3);
        QCOMPARE(c.other, 2);
        QCOMPARE(c.failed, 1);
    }

    void failedDescendants_countFailedFunctionCallsStrictlyBelow()
    {
        FunctionCall a = makeFunctionCall(QStringLiteral("a"), {}, QStringLiteral("failed"));
        ActivityEntry step;
        step.displayName = QStringLiteral("step");
        step.status = Status::fromRaw(QStringLiteral("failed"));
        a.activity = {step};
        m_model->setSnapshot(snapshotOf(
            QStringLiteral("c"),
            {a,
             makeFunctionCall(QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("failed")),
             makeFunctionCall(QStringLiteral("b1"), QStringLiteral("b"), QStringLiteral("failed")),
             makeFunctionCall(QStringLiteral("b2"), QStringLiteral("b"), QStringLiteral("running")),
             makeFunctionCall(QStringLiteral("d"), QStringLiteral("a")),
             makeFunctionCall(QStringLiteral("z"))}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[step b[b1 b2] d] z]"));
        const QModelIndex idxA = m_model->indexForFunctionCallId(QStringLiteral("a"));
        QCOMPARE(failedBelow(idxA), 2); // b and b1: not itself, not its failed step
        QCOMPARE(failedBelow(m_model->index(0, 0, idxA)), 0);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("b"))), 1);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("b1"))), 0);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("d"))), 0);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("z"))), 0);
        // The view draws the count; the texts stay as they were.
        QCOMPARE(idxA.data().toString(), QStringLiteral("a"));
        QVERIFY(!idxA.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2")));
    }

    void failedDescendants_followRemovalInsertionAndReparenting()
    {
        const QString c = QStringLiteral("c");
        const auto fc = [](const char *id, const char *parent, const char *status = "completed") {
            return makeFunctionCall(QString::fromLatin1(id), QString::fromLatin1(parent),
                                    QString::fromLatin1(status));
        };
        m_model->setSnapshot(snapshotOf(
            c, {fc("a", ""), fc("b", "a"), fc("x", "b", "failed"), fc("p", ""), fc("q", "p")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[b[x]] p[q]]"));
        SignalLog log(m_model.get());

        // x moves under q: a and b lose it, p and q gain it.
        m_model->setSnapshot(snapshotOf(
            c, {fc("a", ""), fc("b", "a"), fc("p", ""), fc("q", "p"), fc("x", "q", "failed")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[b] p[q[x]]]"));
        QCOMPARE(log.take(),
                 (QStringList{QStringLiteral("insert(q,0,0)"), QStringLiteral("remove(b,0,0)"),
                              QStringLiteral("failed(root,0,1)"), QStringLiteral("failed(a,0,0)"),
                              QStringLiteral("failed(p,0,0)")}));
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("a"))), 0);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("p"))), 1);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("q"))), 1);

        // A new subtree arrives with failures of its own: counted as built, no extra signal
        // for it, only for the ancestor above it.
        m_model->setSnapshot(snapshotOf(c, {fc("a", ""), fc("b", "a"), fc("p", ""), fc("q", "p"),
                                            fc("x", "q", "failed"), fc("n", "a", "failed"),
                                            fc("n1", "n", "failed")}));
        QCOMPARE(log.take(), (QStringList{QStringLiteral("insert(a,1,1)"),
                                          QStringLiteral("failed(root,0,0)")}));
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("a"))), 2);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("n"))), 1);

        // The failed subtree goes away again.
        m_model->setSnapshot(snapshotOf(
            c, {fc("a", ""), fc("b", "a"), fc("p", ""), fc("q", "p"), fc("x", "q", "failed")}));
        QCOMPARE(log.take(), (QStringList{QStringLiteral("remove(a,1,1)"),
                                          QStringLiteral("failed(root,0,0)")}));
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("a"))), 0);
    }

    void failedLeafInDeepChain_updatesEveryAncestorAndOnlyThem()
    {
        constexpr int depth = 10000;
        QList<FunctionCall> fcs;
        for (int i = 0; i < depth; ++i)
            fcs << makeFunctionCall(QString::number(i), i ? QString::number(i - 1) : QString(),
                                    QStringLiteral("running"));
        fcs << makeFunctionCall(QStringLiteral("side"), QStringLiteral("0"))
            << makeFunctionCall(QStringLiteral("other"));
        m_tester.reset(); // its walks of 10,000 rows would dominate; the signals are checked
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));

        fcs[depth - 1].status = Status::fromRaw(QStringLiteral("failed"));
        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        QStringList expected{QStringLiteral("change(%1,0,0)").arg(depth - 2),
                             QStringLiteral("failed(root,0,0)")};
        for (int i = 1; i < depth - 1; ++i)
            expected << QStringLiteral("failed(%1,0,0)").arg(i - 1);
        QCOMPARE(log.take(), expected);
        for (int i = 0; i < depth; ++i) {
            const QModelIndex idx = m_model->indexForFunctionCallId(QString::number(i));
            QCOMPARE(failedBelow(idx), i < depth - 1 ? 1 : 0);
        }
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("side"))), 0);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("other"))), 0);
        QCOMPARE(m_model->statusCounts().failed, 1);

        // And back: the same rows again, now to 0.
        fcs[depth - 1].status = Status::fromRaw(QStringLiteral("completed"));
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        QCOMPARE(log.take().size(), depth);
        QCOMPARE(failedBelow(m_model->index(0, 0)), 0);
    }

    void failedLeaf_signalsStayExactWithTheTesterAttached()
    {
        // A short chain, so QAbstractItemModelTester checks every signal of the update.
        QList<FunctionCall> fcs;
        for (int i = 0; i < 5; ++i)
            fcs << makeFunctionCall(QString::number(i), i ? QString::number(i - 1) : QString(),
                                    QStringLiteral("running"));
        fcs << makeFunctionCall(QStringLiteral("s1"), QStringLiteral("1"))
            << makeFunctionCall(QStringLiteral("s2"), QStringLiteral("1"),
                                QStringLiteral("failed"));
        m_model->setSnapshot(snapshotOf(QStringLiteral("c"), fcs));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[0[1[2[3[4]] s1 s2]]]"));
        QCOMPARE(failedBelow(m_model->index(0, 0)), 1);
        SignalLog log(m_model.get());
        fcs[4].status = Status::fromRaw(QStringLiteral("failed"));
        fcs[5].status = Status::fromRaw(QStringLiteral("failed"));
        m_model->setSnapshot(snapshotOf(QStringLiteral("c"), fcs));
        QCOMPARE(log.take(),
                 (QStringList{QStringLiteral("change(1,1,1)"), QStringLiteral("change(3,0,0)"),
                              QStringLiteral("failed(root,0,0)"), QStringLiteral("failed(0,0,0)"),
                              QStringLiteral("failed(1,0,0)"), QStringLiteral("failed(2,0,0)")}));
        QCOMPARE(failedBelow(m_model->index(0, 0)), 3);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("1"))), 3);
        QCOMPARE(failedBelow(m_model->indexForFunctionCallId(QStringLiteral("2"))), 1);
    }

    void statusesChanged_reportsChangedAndInsertedRowsAfterAMerge()
    {
        QSignalSpy spy(m_model.get(), &CallTreeModel::statusesChanged);
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-2.json")));
        QCOMPARE(spy.count(), 0); // a reset: the view has nothing to flash
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-3.json")));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(idsOf(spy.takeFirst().at(0).value<QList<QPersistentModelIndex>>()),
                 (QStringList{QStringLiteral("fc_route"), QStringLiteral("fc_split")}));
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        QCOMPARE(idsOf(spy.takeFirst().at(0).value<QList<QPersistentModelIndex>>()),
                 (QStringList{QStringLiteral("fc_split"), QStringLiteral("fc_t1"),
                              QStringLiteral("fc_t2"), QStringLiteral("fc_t3")}));
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QCOMPARE(spy.count(), 1);
        // t2 and t3 completed, the join is new; t2's new step is no status change of a row.
        QCOMPARE(idsOf(spy.takeFirst().at(0).value<QList<QPersistentModelIndex>>()),
                 (QStringList{QStringLiteral("fc_join"), QStringLiteral("fc_t2"),
                              QStringLiteral("fc_t3")}));
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QCOMPARE(spy.count(), 0);
    }

    void statusesChanged_ignoresChangesOtherThanStatus()
    {
        const QString c = QStringLiteral("c");
        FunctionCall f = makeFunctionCall(QStringLiteral("f"), {}, QStringLiteral("running"));
        m_model->setSnapshot(snapshotOf(c, {f}));
        QSignalSpy spy(m_model.get(), &CallTreeModel::statusesChanged);
        f.functionName = QStringLiteral("renamed");
        ActivityEntry step;
        step.displayName = QStringLiteral("step");
        step.status = Status::fromRaw(QStringLiteral("completed"));
        f.activity = {step};
        m_model->setSnapshot(snapshotOf(c, {f}));
        QCOMPARE(spy.count(), 0);
        f.status = Status::fromRaw(QStringLiteral("Running")); // same state, other text
        m_model->setSnapshot(snapshotOf(c, {f}));
        QCOMPARE(spy.count(), 1);
    }

    void indexForFunctionCallId_findsTheFirstOccurrenceAndFollowsMerges()
    {
        const QString c = QStringLiteral("c");
        const auto fc = [](const char *id, const char *parent, const char *name = nullptr) {
            FunctionCall f = makeFunctionCall(QString::fromLatin1(id), QString::fromLatin1(parent));
            if (name)
                f.functionName = QString::fromLatin1(name);
            return f;
        };
        m_model->setSnapshot(snapshotOf(
            c, {fc("a", ""), fc("k", "a"), fc("dup", "", "first"), fc("dup", "a", "second")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a[k second] first]"));
        QCOMPARE(m_model->indexForFunctionCallId(QStringLiteral("dup")).data().toString(),
                 QStringLiteral("first"));
        const QModelIndex k = m_model->indexForFunctionCallId(QStringLiteral("k"));
        QCOMPARE(k, findById(*m_model, QStringLiteral("k")));
        QCOMPARE(k.column(), 0);
        QVERIFY(!m_model->indexForFunctionCallId(QStringLiteral("nope")).isValid());

        // k moves to the top level; the first "dup" goes, so the other one is first now.
        m_model->setSnapshot(snapshotOf(c, {fc("k", ""), fc("a", ""), fc("dup", "a", "second")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[k a[second]]"));
        QCOMPARE(m_model->indexForFunctionCallId(QStringLiteral("k")), m_model->index(0, 0));
        QCOMPARE(m_model->indexForFunctionCallId(QStringLiteral("dup")).data().toString(),
                 QStringLiteral("second"));
        m_model->setSnapshot(snapshotOf(c, {fc("a", "")}));
        QVERIFY(!m_model->indexForFunctionCallId(QStringLiteral("k")).isValid());
        QVERIFY(!m_model->indexForFunctionCallId(QStringLiteral("dup")).isValid());
        QCOMPARE(m_model->indexForFunctionCallId(QStringLiteral("a")), m_model->index(0, 0));
        m_model->clear();
        QVERIFY(!m_model->indexForFunctionCallId(QStringLiteral("a")).isValid());
    }

    void identicalRefresh_emitsNothing()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        QCOMPARE(log.take(), QStringList());
    }

    void differentCall_resets()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotFromData(QStringLiteral("api-example.json")));
        QCOMPARE(log.take(), QStringList{QStringLiteral("reset")});
        QCOMPARE(treeToString(*m_model), QStringLiteral("[route-docs[Classify split-pages]]"));
        m_model->clear();
        QCOMPARE(log.take(), QStringList{QStringLiteral("reset")});
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_model->callId().isEmpty());
    }

    void vanishedFunctionCall_isRemovedWithItsSubtree()
    {
        const QString c = QStringLiteral("c");
        m_model->setSnapshot(
            snapshotOf(c, {makeFunctionCall(QStringLiteral("a")),
                           makeFunctionCall(QStringLiteral("b"), QStringLiteral("a")),
                           makeFunctionCall(QStringLiteral("b2"), QStringLiteral("b")),
                           makeFunctionCall(QStringLiteral("z"))}));
        const QPersistentModelIndex z = findById(*m_model, QStringLiteral("z"));
        const QPersistentModelIndex b2 = findById(*m_model, QStringLiteral("b2"));
        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotOf(
            c, {makeFunctionCall(QStringLiteral("a")), makeFunctionCall(QStringLiteral("z"))}));
        QCOMPARE(log.take(), QStringList{QStringLiteral("remove(a,0,0)")});
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a z]"));
        QVERIFY(!b2.isValid());
        QVERIFY(z.isValid());
        QCOMPARE(z.row(), 1);
    }

    void reparentedFunctionCall_movesByRemoveAndInsert()
    {
        const QString c = QStringLiteral("c");
        // First seen as an orphan, later its parent arrives.
        m_model->setSnapshot(
            snapshotOf(c, {makeFunctionCall(QStringLiteral("kid"), QStringLiteral("p"))}));
        QVERIFY(m_model->index(0, 0).data(CallTreeModel::ParentMissingRole).toBool());
        SignalLog log(m_model.get());
        m_model->setSnapshot(
            snapshotOf(c, {makeFunctionCall(QStringLiteral("p")),
                           makeFunctionCall(QStringLiteral("kid"), QStringLiteral("p"))}));
        QCOMPARE(log.take(), (QStringList{QStringLiteral("remove(root,0,0)"),
                                          QStringLiteral("insert(root,0,0)")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[p[kid]]"));
        QVERIFY(!findById(*m_model, QStringLiteral("kid"))
                     .data(CallTreeModel::ParentMissingRole)
                     .toBool());
    }

    void reorderedSiblings_keepTheLongestRunInPlace()
    {
        const QString c = QStringLiteral("c");
        m_model->setSnapshot(snapshotOf(c, {makeFunctionCall(QStringLiteral("a")),
                                            makeFunctionCall(QStringLiteral("b")),
                                            makeFunctionCall(QStringLiteral("c"))}));
        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotOf(c, {makeFunctionCall(QStringLiteral("a")),
                                            makeFunctionCall(QStringLiteral("c")),
                                            makeFunctionCall(QStringLiteral("b"))}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a c b]"));
        QCOMPARE(log.take(), (QStringList{QStringLiteral("remove(root,1,1)"),
                                          QStringLiteral("insert(root,2,2)")}));
    }

    void movedToFront_onlyTheMovedRowIsReinserted()
    {
        const QString c = QStringLiteral("c");
        m_model->setSnapshot(snapshotOf(c, {makeFunctionCall(QStringLiteral("c")),
                                            makeFunctionCall(QStringLiteral("a")),
                                            makeFunctionCall(QStringLiteral("b"))}));
        const QPersistentModelIndex a = m_model->index(1, 0);
        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotOf(c, {makeFunctionCall(QStringLiteral("a")),
                                            makeFunctionCall(QStringLiteral("b")),
                                            makeFunctionCall(QStringLiteral("c"))}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[a b c]"));
        QCOMPARE(log.take(), (QStringList{QStringLiteral("remove(root,0,0)"),
                                          QStringLiteral("insert(root,2,2)")}));
        QCOMPARE(a.row(), 0);
    }

    void shrinkingActivity_removesTrailingRows()
    {
        const QString c = QStringLiteral("c");
        FunctionCall fc = makeFunctionCall(QStringLiteral("f"));
        const auto step = [](const char *name, const char *status) {
            ActivityEntry a;
            a.displayName = QString::fromLatin1(name);
            a.status = Status::fromRaw(QString::fromLatin1(status));
            return a;
        };
        fc.activity = {step("one", "completed"), step("two", "running"), step("three", "pending")};
        m_model->setSnapshot(
            snapshotOf(c, {fc, makeFunctionCall(QStringLiteral("g"), QStringLiteral("f"))}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[f[one two three g]]"));
        fc.activity.resize(1);
        fc.activity[0].displayName = QStringLiteral("uno");
        SignalLog log(m_model.get());
        m_model->setSnapshot(
            snapshotOf(c, {fc, makeFunctionCall(QStringLiteral("g"), QStringLiteral("f"))}));
        QCOMPARE(log.take(),
                 (QStringList{QStringLiteral("remove(f,1,2)"), QStringLiteral("change(f,0,0)")}));
        QCOMPARE(treeToString(*m_model), QStringLiteral("[f[uno g]]"));
        QCOMPARE(findById(*m_model, QStringLiteral("g")).row(), 1);
    }

    void duplicateIds_areBothShownAndKeyedByOccurrence()
    {
        const QString c = QStringLiteral("c");
        m_model->setSnapshot(
            snapshotOf(c, {makeFunctionCall(QStringLiteral("d"), {}, QStringLiteral("running")),
                           makeFunctionCall(QStringLiteral("d"), {}, QStringLiteral("running"))}));
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(m_model->index(1, 0).data(CallTreeModel::DuplicateIdRole).toBool());
        SignalLog log(m_model.get());
        m_model->setSnapshot(
            snapshotOf(c, {makeFunctionCall(QStringLiteral("d"), {}, QStringLiteral("running")),
                           makeFunctionCall(QStringLiteral("d"), {}, QStringLiteral("failed"))}));
        QCOMPARE(log.take(), QStringList{QStringLiteral("change(root,1,1)")});
        QCOMPARE(m_model->index(1, CallTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("failed"));
    }

    void onePercentChanged_emitsDataChangedForThoseRowsOnly()
    {
        const QString c = QStringLiteral("c");
        QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("root"))};
        for (int i = 0; i < 10000; ++i)
            fcs << makeFunctionCall(QStringLiteral("s%1").arg(i), QStringLiteral("root"),
                                    QStringLiteral("running"));
        m_tester.reset(); // the tester's full walks make 10k rows slow; the signals are what matter
        m_model->setSnapshot(snapshotOf(c, fcs));
        for (int i = 0; i < 10000; i += 100)
            fcs[i + 1].status = Status::fromRaw(QStringLiteral("completed"));
        SignalLog log(m_model.get());
        m_model->setSnapshot(snapshotOf(c, fcs));
        const QStringList entries = log.take();
        QCOMPARE(entries.size(), 100);
        for (int k = 0; k < 100; ++k)
            QCOMPARE(entries[k], QStringLiteral("change(root,%1,%1)").arg(k * 100));
    }

    void onePercentChanged_inAFanOutTree_signalsOnlyThoseRowsWithTheTesterAttached()
    {
        // 1,000 function calls, fan-out 10, two steps each; one in a hundred finishes.
        // QAbstractItemModelTester (Fatal) stays attached through the load and the merge.
        const QString c = QStringLiteral("c");
        const auto build = [](bool advanced) {
            QList<FunctionCall> fcs;
            for (int i = 0; i < 1000; ++i) {
                const bool running = i % 100 == 7 && !advanced;
                FunctionCall fc = makeFunctionCall(
                    QStringLiteral("fc%1").arg(i),
                    i ? QStringLiteral("fc%1").arg((i - 1) / 10) : QString(),
                    running ? QStringLiteral("running") : QStringLiteral("completed"));
                fc.activity = {
                    {QStringLiteral("Read"), Status::fromRaw(QStringLiteral("completed")), {}},
                    {QStringLiteral("Extract"), fc.status, {}}};
                fcs << fc;
            }
            return std::make_shared<const CallSnapshot>(snapshotOf(QStringLiteral("c"), fcs));
        };
        m_model->setSnapshot(build(false));
        QCOMPARE(m_model->functionCallCount(), 1000);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layouts(m_model.get(), &QAbstractItemModel::layoutChanged);
        m_model->setSnapshot(build(true));
        QCOMPARE(m_model->callId(), c);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(layouts.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        // Every changed cell range names one function call row or one of its steps; the
        // rows they cover are exactly the 10 finished function calls and their "Extract".
        QStringList rows;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto topLeft = args.at(0).value<QModelIndex>();
            const auto bottomRight = args.at(1).value<QModelIndex>();
            QCOMPARE(topLeft.parent(), bottomRight.parent());
            for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
                const QModelIndex row = m_model->index(r, 0, topLeft.parent());
                const bool step = m_model->kind(row) == CallTreeModel::NodeKind::Activity;
                rows << (step ? row.parent().data(CallTreeModel::FunctionCallIdRole).toString() +
                                    QStringLiteral("/") + row.data().toString()
                              : row.data(CallTreeModel::FunctionCallIdRole).toString());
            }
        }
        rows.sort();
        QStringList expected;
        for (int i = 7; i < 1000; i += 100)
            expected << QStringLiteral("fc%1").arg(i) << QStringLiteral("fc%1/Extract").arg(i);
        expected.sort();
        QCOMPARE(rows, expected);
    }

    void rows_pointIntoTheSnapshotInsteadOfCopyingIt()
    {
        std::weak_ptr<const CallSnapshot> old;
        {
            const auto first = std::make_shared<const CallSnapshot>(snapshotOf(
                QStringLiteral("c"), {makeFunctionCall(QStringLiteral("a")),
                                      makeFunctionCall(QStringLiteral("b"), QStringLiteral("a"))}));
            m_model->setSnapshot(first);
            QCOMPARE(m_model->snapshot(), first);
            QCOMPARE(m_model->functionCall(m_model->index(0, 0)), &first->call.functionCalls[0]);
            old = first;
        }
        QVERIFY(!old.expired()); // the model keeps what it shows
        // After a merge the rows point into the new snapshot and the old one is let go:
        // a refresh does not keep two states of a huge call in memory.
        auto second = std::make_shared<const CallSnapshot>(snapshotOf(
            QStringLiteral("c"), {makeFunctionCall(QStringLiteral("a")),
                                  makeFunctionCall(QStringLiteral("b"), QStringLiteral("a"),
                                                   QStringLiteral("failed"))}));
        const CallSnapshot *secondRaw = second.get();
        m_model->setSnapshot(std::move(second));
        QVERIFY(old.expired());
        QCOMPARE(m_model->functionCall(m_model->index(0, 0)), &secondRaw->call.functionCalls[0]);
        const QModelIndex b = m_model->index(0, 0, m_model->index(0, 0));
        QCOMPARE(m_model->functionCall(b), &secondRaw->call.functionCalls[1]);
        QCOMPARE(b.siblingAtColumn(CallTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("failed"));
    }

    void deepChain_loadsWalksAndClearsWithoutRecursion()
    {
        constexpr int depth = 10000;
        QList<FunctionCall> fcs;
        for (int i = 0; i < depth; ++i)
            fcs << makeFunctionCall(QString::number(i), i ? QString::number(i - 1) : QString());
        m_tester.reset(); // its checks recurse only 10 deep, but walk every row on reset
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        QModelIndex idx = m_model->index(0, 0);
        int levels = 1;
        while (m_model->rowCount(idx) > 0) {
            idx = m_model->index(0, 0, idx);
            ++levels;
        }
        QCOMPARE(levels, depth);
        QCOMPARE(idx.data(CallTreeModel::FunctionCallIdRole).toString(),
                 QString::number(depth - 1));
        while (idx.parent().isValid()) {
            idx = idx.parent();
            --levels;
        }
        QCOMPARE(levels, 1);
        // A refresh that drops the whole chain frees it iteratively.
        fcs.removeFirst();
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        QCOMPARE(m_model->rowCount(), 1);
        QVERIFY(m_model->index(0, 0).data(CallTreeModel::ParentMissingRole).toBool());
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
    }

    void manyRefreshes_reuseStorageInsteadOfGrowing()
    {
        // Each refresh replaces 100 function calls with 100 new ones, as a long poll of a
        // busy call might. Freed rows' storage must be reused: the node numbers the model
        // hands out (internalId, scrambled) stay few instead of growing with every refresh.
        const QString c = QStringLiteral("c");
        m_tester.reset(); // 1,000 rounds of its full checks would dominate the run
        QSet<quintptr> ids;
        for (int round = 0; round < 1000; ++round) {
            QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("root"))};
            for (int i = 0; i < 100; ++i)
                fcs << makeFunctionCall(QStringLiteral("r%1-%2").arg(round).arg(i),
                                        QStringLiteral("root"));
            m_model->setSnapshot(snapshotOf(c, fcs));
            const QModelIndex root = m_model->index(0, 0);
            QCOMPARE(m_model->rowCount(root), 100);
            for (int i = 0; i < 100; ++i)
                ids.insert(m_model->index(i, 0, root).internalId());
        }
        QVERIFY2(ids.size() < 300, qPrintable(QString::number(ids.size())));
    }

    void serverStrings_areNeverMarkup()
    {
        FunctionCall fc = makeFunctionCall(QStringLiteral("x"));
        fc.functionName = QStringLiteral("<b>bold</b>\n<img src='file:///etc/passwd'>");
        m_model->setSnapshot(snapshotOf(QStringLiteral("c"), {fc}));
        const QModelIndex idx = m_model->index(0, 0);
        QCOMPARE(idx.data().toString(),
                 QStringLiteral("<b>bold</b> <img src='file:///etc/passwd'>"));
        QCOMPARE(idx.data(CallTreeModel::FullTextRole).toString(), fc.functionName);
        const QString tip = idx.data(Qt::ToolTipRole).toString();
        QVERIFY(!tip.contains(QStringLiteral("<img")));
        QVERIFY(!tip.contains(QStringLiteral("<b>")));
        QVERIFY(tip.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")));
    }

    void longNames_areCutForDisplayButKeptWhole()
    {
        FunctionCall fc = makeFunctionCall(QStringLiteral("x"));
        fc.functionName = QString(100000, u'n');
        m_model->setSnapshot(snapshotOf(QStringLiteral("c"), {fc}));
        const QModelIndex idx = m_model->index(0, 0);
        QVERIFY(idx.data().toString().size() < 1000);
        QCOMPARE(idx.data(CallTreeModel::FullTextRole).toString().size(), 100000);
    }

    void view_keepsExpansionSelectionAndScrollThroughRefreshes()
    {
        const QString c = QStringLiteral("c");
        QList<FunctionCall> fcs;
        for (int i = 0; i < 200; ++i) {
            fcs << makeFunctionCall(QStringLiteral("p%1").arg(i), {}, QStringLiteral("running"));
            fcs << makeFunctionCall(QStringLiteral("k%1").arg(i), QStringLiteral("p%1").arg(i),
                                    QStringLiteral("pending"));
        }
        m_model->setSnapshot(snapshotOf(c, fcs));
        QTreeView view;
        view.setModel(m_model.get());
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex p150 = findById(*m_model, QStringLiteral("p150"));
        view.expand(p150);
        const QModelIndex k150 = m_model->index(0, 0, p150);
        view.setCurrentIndex(k150);
        view.scrollTo(k150, QAbstractItemView::PositionAtTop);
        const int scroll = view.verticalScrollBar()->value();
        QVERIFY(scroll > 0);

        for (int round = 0; round < 5; ++round) {
            // Statuses move on, and a new function call appears before the selected one.
            for (int i = 0; i < fcs.size(); i += 7)
                fcs[i].status = Status::fromRaw(round % 2 ? QStringLiteral("running")
                                                          : QStringLiteral("completed"));
            fcs.insert(0, makeFunctionCall(QStringLiteral("new%1").arg(round)));
            m_model->setSnapshot(snapshotOf(c, fcs));
            QApplication::processEvents();
            const QModelIndex current = view.currentIndex();
            QCOMPARE(current.data(CallTreeModel::FunctionCallIdRole).toString(),
                     QStringLiteral("k150"));
            QVERIFY(view.isExpanded(current.parent()));
            QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
            // A reset would have sent the view back to the top.
            QCOMPARE(view.verticalScrollBar()->value(), scroll);
        }
    }

private:
    std::unique_ptr<CallTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestCallTreeModel)
#include "tst_calltreemodel.moc"

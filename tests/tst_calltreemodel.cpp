// SPDX-License-Identifier: MIT
#include "calltreemodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFont>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace bem;
using bem::test::makeFunctionCall;
using bem::test::snapshotFromData;
using bem::test::treeToString;

namespace {

// Records a model's change signals as text, so a test can state the exact sequence a
// refresh must produce: "insert(fc_split,4,4)" = rows 4..4 inserted under fc_split.
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
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this, name](const QModelIndex &tl, const QModelIndex &br) {
                    entries << QStringLiteral("change(%1,%2,%3)")
                                   .arg(name(tl.parent()))
                                   .arg(tl.row())
                                   .arg(br.row());
                    QCOMPARE(tl.parent(), br.parent());
                    QCOMPARE(tl.column(), 0);
                    QCOMPARE(br.column(), int(CallTreeModel::ColumnCount) - 1);
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
};

CallSnapshot snapshotOf(const QString &callID, const QList<FunctionCall> &fcs)
{
    Call call;
    call.callID = callID;
    call.functionCalls = fcs;
    return CallSnapshot::fromCall(call);
}

QModelIndex findById(const QAbstractItemModel &model, const QString &id)
{
    const QModelIndexList hits = model.match(model.index(0, 0), CallTreeModel::FunctionCallIdRole,
                                             id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return hits.value(0);
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
        QCOMPARE(m_model->callID(), QStringLiteral("c_1"));
    }

    void statusIsShownWithIconAndText()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("api-example.json")));
        const QModelIndex status = m_model->index(0, CallTreeModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("completed"));
        const QIcon icon = status.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!icon.isNull());
        QVERIFY(!icon.pixmap(16, 16).isNull());
        QVERIFY(m_model->statusIcon(CallState::Failed).cacheKey() !=
                m_model->statusIcon(CallState::Completed).cacheKey());
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
        QVERIFY(m_model->callID().isEmpty());
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
        // hands out (internalId) stay bounded instead of growing with every refresh.
        const QString c = QStringLiteral("c");
        m_tester.reset(); // 1,000 rounds of its full checks would dominate the run
        quintptr highest = 0;
        for (int round = 0; round < 1000; ++round) {
            QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("root"))};
            for (int i = 0; i < 100; ++i)
                fcs << makeFunctionCall(QStringLiteral("r%1-%2").arg(round).arg(i),
                                        QStringLiteral("root"));
            m_model->setSnapshot(snapshotOf(c, fcs));
            const QModelIndex root = m_model->index(0, 0);
            QCOMPARE(m_model->rowCount(root), 100);
            for (int i = 0; i < 100; ++i)
                highest = std::max(highest, m_model->index(i, 0, root).internalId());
        }
        QVERIFY2(highest < 300, qPrintable(QString::number(highest)));
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

// SPDX-License-Identifier: MIT
#include "callfilterproxymodel.h"
#include "calltreemodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace bem;
using bem::test::makeFunctionCall;
using bem::test::snapshotFromData;
using bem::test::snapshotOf;
using bem::test::treeToString;

namespace {

ActivityEntry step(const QString &name, const QString &status)
{
    ActivityEntry a;
    a.displayName = name;
    a.status = Status::fromRaw(status);
    return a;
}

// What the proxy should show, worked out from scratch from the source model with the rules
// the proxy documents, in treeToString's format. Recursive: only for small trees.
class ExpectedTree
{
public:
    ExpectedTree(const QAbstractItemModel &source, const QString &text)
        : m_source(source)
        , m_words(text.simplified().split(u' ', Qt::SkipEmptyParts))
    {}

    QString text() const
    {
        QStringList rows;
        for (int r = 0; r < m_source.rowCount(); ++r) {
            const QModelIndex index = m_source.index(r, 0);
            if (visible(index))
                rows << describe(index);
        }
        return u'[' + rows.join(u' ') + u']';
    }

private:
    static bool isActivity(const QModelIndex &index)
    {
        return index.data(CallTreeModel::NodeKindRole).value<CallTreeModel::NodeKind>() ==
               CallTreeModel::NodeKind::Activity;
    }
    bool selfMatches(const QModelIndex &index) const
    {
        QStringList fields{index.siblingAtColumn(CallTreeModel::NameColumn)
                               .data(CallTreeModel::FullTextRole)
                               .toString(),
                           index.data(CallTreeModel::RawStatusRole).toString()};
        if (!isActivity(index)) {
            fields << index.data(CallTreeModel::FunctionCallIdRole).toString()
                   << index.data(CallTreeModel::FunctionIdRole).toString()
                   << index.data(CallTreeModel::ReferenceIdRole).toString()
                   << index.siblingAtColumn(CallTreeModel::TypeColumn)
                          .data(CallTreeModel::FullTextRole)
                          .toString();
        }
        for (const QString &word : m_words) {
            bool found = false;
            for (const QString &f : fields)
                found = found || f.contains(word, Qt::CaseInsensitive);
            if (!found)
                return false;
        }
        return true;
    }
    bool anyMatchBelow(const QModelIndex &index) const
    {
        for (int r = 0; r < m_source.rowCount(index); ++r) {
            const QModelIndex child = m_source.index(r, 0, index);
            if (selfMatches(child) || anyMatchBelow(child))
                return true;
        }
        return false;
    }
    bool visible(const QModelIndex &index) const
    {
        if (m_words.isEmpty() || selfMatches(index))
            return true;
        if (isActivity(index))
            return selfMatches(index.parent());
        return anyMatchBelow(index);
    }
    QString describe(const QModelIndex &index) const
    {
        QStringList rows;
        for (int r = 0; r < m_source.rowCount(index); ++r) {
            const QModelIndex child = m_source.index(r, 0, index);
            if (visible(child))
                rows << describe(child);
        }
        const QString name = index.data().toString();
        return rows.isEmpty() ? name : name + u'[' + rows.join(u' ') + u']';
    }

    const QAbstractItemModel &m_source;
    QStringList m_words;
};

} // namespace

class TestCallFilterProxyModel : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_model = std::make_unique<CallTreeModel>();
        m_proxy = std::make_unique<CallFilterProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void emptyFilter_showsEverythingInApiOrder()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QCOMPARE(treeToString(*m_proxy), treeToString(*m_model));
        m_proxy->setFilterText(QStringLiteral("   "));
        QCOMPARE(treeToString(*m_proxy), treeToString(*m_model));
        QCOMPARE(m_proxy->sortColumn(), -1);
        QVERIFY(!m_proxy->matches(m_model->index(0, 0)));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tree");
        // A matching function call shows its steps; its ancestors are shown for it.
        QTest::newRow("name") << QStringLiteral("join")
                              << QStringLiteral(
                                     "[route-invoices[split-pages[join-results[Join]]]]");
        QTest::newRow("case and spaces")
            << QStringLiteral("  JOIN-Results ")
            << QStringLiteral("[route-invoices[split-pages[join-results[Join]]]]");
        // A matching step keeps its function call, without the other steps.
        QTest::newRow("step") << QStringLiteral("validate")
                              << QStringLiteral(
                                     "[route-invoices[split-pages[extract-totals[Validate]]]]");
        QTest::newRow("functionCallID")
            << QStringLiteral("FC_T3")
            << QStringLiteral("[route-invoices[split-pages[extract-totals[Extract]]]]");
        QTest::newRow("functionID") << QStringLiteral("f_split")
                                    << QStringLiteral("[route-invoices[split-pages[Split pages]]]");
        // The children of a match show only when they match too.
        QTest::newRow("type") << QStringLiteral("route")
                              << QStringLiteral("[route-invoices[Classify Route]]");
        QTest::newRow("all words in one row")
            << QStringLiteral("extract fc_t2")
            << QStringLiteral("[route-invoices[split-pages[extract-totals[Extract Validate]]]]");
        QTest::newRow("words in different rows")
            << QStringLiteral("join validate") << QStringLiteral("[]");
        QTest::newRow("status") << QStringLiteral("completed")
                                << QStringLiteral(
                                       "[route-invoices[Classify Route split-pages[Split "
                                       "pages extract-totals[Extract] extract-totals["
                                       "Extract Validate] extract-totals[Extract] "
                                       "join-results[Join]]]]");
        QTest::newRow("nothing") << QStringLiteral("no such thing") << QStringLiteral("[]");
    }
    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QString, tree);
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        m_proxy->setFilterText(text);
        QCOMPARE(treeToString(*m_proxy), tree);
        QCOMPARE(treeToString(*m_proxy), ExpectedTree(*m_model, text).text());
    }

    // Typed filters are matched across event-loop turns: the filter shown stays until the
    // new one is ready, and then it shows the same rows as setFilterText() would.
    void requestedFilter_arrivesLater_withTheSameRows_data() { filter_data(); }
    void requestedFilter_arrivesLater_withTheSameRows()
    {
        QFETCH(QString, text);
        QFETCH(QString, tree);
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        const QString everything = treeToString(*m_proxy);
        QSignalSpy aboutToApply(m_proxy.get(), &CallFilterProxyModel::filterAboutToBeApplied);
        QSignalSpy applied(m_proxy.get(), &CallFilterProxyModel::filterApplied);
        m_proxy->requestFilterText(text);
        QVERIFY(m_proxy->isFilterPending());
        QCOMPARE(m_proxy->pendingFilterText(), text);
        QCOMPARE(m_proxy->filterText(), QString());
        QCOMPARE(treeToString(*m_proxy), everything);
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(aboutToApply.size(), 1);
        QVERIFY(!m_proxy->isFilterPending());
        QCOMPARE(m_proxy->filterText(), text);
        QCOMPARE(treeToString(*m_proxy), tree);
        const int count = m_proxy->matchCount();
        m_proxy->setFilterText(QString());
        m_proxy->setFilterText(text);
        QCOMPARE(m_proxy->matchCount(), count);
    }

    void newerRequest_discardsTheOlderOne()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QSignalSpy applied(m_proxy.get(), &CallFilterProxyModel::filterApplied);
        m_proxy->requestFilterText(QStringLiteral("join"));
        m_proxy->requestFilterText(QStringLiteral("validate"));
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(m_proxy->filterText(), QStringLiteral("validate"));
        QCOMPARE(treeToString(*m_proxy),
                 QStringLiteral("[route-invoices[split-pages[extract-totals[Validate]]]]"));
        QTest::qWait(50);
        QCOMPARE(applied.size(), 1);
        // And setFilterText() drops a request in progress.
        m_proxy->requestFilterText(QStringLiteral("join"));
        m_proxy->setFilterText(QStringLiteral("f_split"));
        QVERIFY(!m_proxy->isFilterPending());
        QTest::qWait(50);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(treeToString(*m_proxy),
                 QStringLiteral("[route-invoices[split-pages[Split pages]]]"));
    }

    void refreshWhileMatching_theRequestSeesTheNewState()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        QSignalSpy applied(m_proxy.get(), &CallFilterProxyModel::filterApplied);
        m_proxy->requestFilterText(QStringLiteral("running"));
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json"))); // t2 done
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[]"));
        QCOMPARE(m_proxy->matchCount(), 0);
    }

    void referenceIdAndRawStatus_areSearched()
    {
        FunctionCall a = makeFunctionCall(QStringLiteral("a"), {}, QStringLiteral("Queued-Later"));
        a.referenceId = QStringLiteral("Order-77");
        a.activity = {step(QStringLiteral("prepare"), QStringLiteral("waiting-for-gpu"))};
        m_model->setSnapshot(
            snapshotOf(QStringLiteral("c"), {a, makeFunctionCall(QStringLiteral("b"))}));
        m_proxy->setFilterText(QStringLiteral("order-77"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[prepare]]"));
        m_proxy->setFilterText(QStringLiteral("queued"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[prepare]]"));
        m_proxy->setFilterText(QStringLiteral("GPU"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[prepare]]"));
        QVERIFY(!m_proxy->matches(m_model->index(0, 0)));
        QVERIFY(m_proxy->matches(m_model->index(0, 0, m_model->index(0, 0))));
    }

    void matches_tellsDirectMatchesFromAncestors()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        m_proxy->setFilterText(QStringLiteral("join"));
        const QModelIndex route = m_model->indexForFunctionCallId(QStringLiteral("fc_route"));
        const QModelIndex join = m_model->indexForFunctionCallId(QStringLiteral("fc_join"));
        QVERIFY(m_proxy->mapFromSource(route).isValid());
        QVERIFY(!m_proxy->matches(route));
        QVERIFY(m_proxy->matches(join));
        QVERIFY(m_proxy->matches(join.siblingAtColumn(CallTreeModel::StatusColumn)));
        // A proxy index works too, for a view's delegate.
        QVERIFY(m_proxy->matches(m_proxy->mapFromSource(join)));
        QVERIFY(!m_proxy->matches(QModelIndex()));
    }

    void filter_isKeptAcrossMerges()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        m_proxy->setFilterText(QStringLiteral("running"));
        QCOMPARE(treeToString(*m_proxy),
                 QStringLiteral("[route-invoices[split-pages[extract-totals[Extract]]]]"));
        QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[]")); // t2 stopped running

        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-3.json")));
        m_proxy->setFilterText(QStringLiteral("extract"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[]"));
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        QCOMPARE(treeToString(*m_proxy),
                 QStringLiteral("[route-invoices[split-pages[extract-totals[Extract] "
                                "extract-totals[Extract] extract-totals]]]"));
        m_proxy->setFilterText(QStringLiteral("validate"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[]"));
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QCOMPARE(treeToString(*m_proxy),
                 QStringLiteral("[route-invoices[split-pages[extract-totals[Validate]]]]"));
        QCOMPARE(resets.count(), 0);
    }

    void persistentIndexes_surviveMergesThroughTheProxy()
    {
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-4.json")));
        m_proxy->setFilterText(QStringLiteral("extract"));
        const QPersistentModelIndex t1 =
            m_proxy->mapFromSource(m_model->indexForFunctionCallId(QStringLiteral("fc_t1")));
        QVERIFY(t1.isValid());
        m_model->setSnapshot(snapshotFromData(QStringLiteral("progress-5.json")));
        QVERIFY(t1.isValid());
        QCOMPARE(t1.data(CallTreeModel::FunctionCallIdRole).toString(), QStringLiteral("fc_t1"));
    }

    void functionCallStartingToMatch_showsItsSteps()
    {
        const QString c = QStringLiteral("c");
        FunctionCall a = makeFunctionCall(QStringLiteral("a"));
        a.activity = {step(QStringLiteral("one"), QStringLiteral("completed")),
                      step(QStringLiteral("two"), QStringLiteral("failed"))};
        FunctionCall b = makeFunctionCall(QStringLiteral("b"), QStringLiteral("a"));
        m_model->setSnapshot(snapshotOf(c, {a, b}));
        m_proxy->setFilterText(QStringLiteral("failed"));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[two]]"));
        a.status = Status::fromRaw(QStringLiteral("failed"));
        m_model->setSnapshot(snapshotOf(c, {a, b}));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[one two]]"));
        a.status = Status::fromRaw(QStringLiteral("completed"));
        a.activity[1].status = Status::fromRaw(QStringLiteral("completed"));
        b.status = Status::fromRaw(QStringLiteral("failed"));
        m_model->setSnapshot(snapshotOf(c, {a, b}));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[b]]"));
        m_model->clear();
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[]"));
        m_model->setSnapshot(snapshotOf(c, {a, b}));
        QCOMPARE(treeToString(*m_proxy), QStringLiteral("[a[b]]"));
    }

    void randomMerges_matchAFilterWorkedOutFromScratch()
    {
        // Random trees changing at random; after every refresh the proxy must show exactly
        // what the rules give when applied from scratch, QAbstractItemModelTester watching.
        QRandomGenerator random(20261130);
        const QStringList statuses{QStringLiteral("pending"), QStringLiteral("running"),
                                   QStringLiteral("completed"), QStringLiteral("failed")};
        const QStringList filters{QStringLiteral("failed"),    QStringLiteral("run"),
                                  QStringLiteral("fc1"),       QStringLiteral("alpha"),
                                  QStringLiteral("beta step"), QStringLiteral("s2 completed")};
        QList<FunctionCall> fcs;
        int nextId = 0;
        const auto randomFunctionCall = [&] {
            const QString id = QStringLiteral("fc%1").arg(nextId++);
            const QString parent = fcs.isEmpty() || random.bounded(5) == 0
                                       ? QString()
                                       : fcs[random.bounded(int(fcs.size()))].functionCallId;
            FunctionCall fc = makeFunctionCall(id, parent, statuses[random.bounded(4)]);
            fc.functionName = random.bounded(2) ? QStringLiteral("alpha") : QStringLiteral("beta");
            return fc;
        };
        for (int i = 0; i < 30; ++i)
            fcs << randomFunctionCall();
        for (int round = 0; round < 300; ++round) {
            if (round % 50 == 0)
                m_proxy->setFilterText(filters[(round / 50) % filters.size()]);
            for (int change = random.bounded(1, 6); change > 0; --change) {
                const int pick = int(random.bounded(int(fcs.size())));
                switch (random.bounded(5)) {
                case 0:
                    fcs.insert(pick, randomFunctionCall());
                    break;
                case 1:
                    if (fcs.size() > 5)
                        fcs.removeAt(pick);
                    break;
                case 2:
                    fcs[pick].status = Status::fromRaw(statuses[random.bounded(4)]);
                    break;
                case 3: {
                    QList<ActivityEntry> &steps = fcs[pick].activity;
                    if (steps.size() < 3 && random.bounded(2))
                        steps << step(QStringLiteral("s%1 step").arg(steps.size()),
                                      statuses[random.bounded(4)]);
                    else if (!steps.isEmpty())
                        steps.removeLast();
                    break;
                }
                default:
                    if (!fcs[pick].activity.isEmpty())
                        fcs[pick].activity[0].status = Status::fromRaw(statuses[random.bounded(4)]);
                    else
                        fcs[pick].functionName = fcs[pick].functionName == QStringLiteral("alpha")
                                                     ? QStringLiteral("beta")
                                                     : QStringLiteral("alpha");
                    break;
                }
            }
            m_model->setSnapshot(snapshotOf(QStringLiteral("random"), fcs));
            const QString want = ExpectedTree(*m_model, m_proxy->filterText()).text();
            QVERIFY2(treeToString(*m_proxy) == want,
                     qPrintable(QStringLiteral("round %1, filter \"%2\":\n got %3\nwant %4")
                                    .arg(round)
                                    .arg(m_proxy->filterText(), treeToString(*m_proxy), want)));
            checkMatchesAgainstARecount(round);
        }
    }

    void deepChain_filtersWithoutQuadraticWork()
    {
        constexpr int depth = 10000;
        QList<FunctionCall> fcs;
        for (int i = 0; i < depth; ++i)
            fcs << makeFunctionCall(QStringLiteral("n%1").arg(i),
                                    i ? QStringLiteral("n%1").arg(i - 1) : QString(),
                                    QStringLiteral("running"));
        fcs[depth - 1].functionName = QStringLiteral("needle");
        m_tester.reset(); // its walks of 10,000 rows would dominate
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        m_proxy->setFilterText(QStringLiteral("needle"));
        // Walk to the bottom through the proxy: every level is there, for the match below.
        QModelIndex index = m_proxy->index(0, 0);
        int levels = 1;
        while (m_proxy->rowCount(index) > 0) {
            QCOMPARE(m_proxy->rowCount(index), 1);
            index = m_proxy->index(0, 0, index);
            ++levels;
        }
        QCOMPARE(levels, depth);
        QCOMPARE(index.data().toString(), QStringLiteral("needle"));

        // The bottom stops matching, then starts again, through merges.
        fcs[depth - 1].functionName = QStringLiteral("hay");
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        QCOMPARE(m_proxy->rowCount(), 0);
        fcs[depth - 1].functionName = QStringLiteral("needle");
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        QCOMPARE(m_proxy->rowCount(), 1);
    }

    void manyRows_walkAndRefreshThroughTheProxy()
    {
        // 100,000 function calls in 1,000 branches, every row mapped through the proxy.
        QList<FunctionCall> fcs{makeFunctionCall(QStringLiteral("root"))};
        for (int b = 0; b < 1000; ++b) {
            const QString branch = QStringLiteral("b%1").arg(b);
            fcs << makeFunctionCall(branch, QStringLiteral("root"));
            for (int k = 0; k < 99; ++k)
                fcs << makeFunctionCall(QStringLiteral("b%1-%2").arg(b).arg(k), branch,
                                        QStringLiteral("running"));
        }
        m_tester.reset(); // its walks of 100,000 rows would dominate
        m_model->setSnapshot(snapshotOf(QStringLiteral("wide"), fcs));
        for (const QString &text : {QString(), QStringLiteral("running"), QStringLiteral("b7")}) {
            m_proxy->setFilterText(text);
            QVERIFY(treeToString(*m_proxy).size() > 10);
            for (int k = 0; k < 99; k += 7)
                fcs[2 + 100 * k + k].status = Status::fromRaw(QStringLiteral("failed"));
            m_model->setSnapshot(snapshotOf(QStringLiteral("wide"), fcs));
        }
        QCOMPARE(treeToString(*m_proxy), ExpectedTree(*m_model, m_proxy->filterText()).text());
    }

private:
    // The match count kept through refreshes equals a recount, and the match navigation
    // goes through exactly those rows, in tree order, both ways, wrapping.
    void checkMatchesAgainstARecount(int round)
    {
        int recount = 0;
        std::vector<QModelIndex> stack{QModelIndex()};
        while (!stack.empty()) {
            const QModelIndex parent = stack.back();
            stack.pop_back();
            for (int row = 0; row < m_model->rowCount(parent); ++row) {
                const QModelIndex child = m_model->index(row, 0, parent);
                recount += int(m_proxy->matches(child));
                stack.push_back(child);
            }
        }
        QVERIFY2(m_proxy->matchCount() == recount,
                 qPrintable(QStringLiteral("round %1: %2 kept, %3 recounted")
                                .arg(round)
                                .arg(m_proxy->matchCount())
                                .arg(recount)));
        const QList<QModelIndex> all = m_proxy->firstMatches(recount + 1);
        QCOMPARE(all.size(), qsizetype(recount));
        if (all.isEmpty()) {
            QVERIFY(!m_proxy->nextMatch({}, SearchDirection::Forward).isValid());
            return;
        }
        QCOMPARE(m_proxy->nextMatch({}, SearchDirection::Forward), all.first());
        QCOMPARE(m_proxy->nextMatch({}, SearchDirection::Backward), all.last());
        for (qsizetype k = 0; k < all.size(); ++k) {
            QCOMPARE(m_proxy->nextMatch(all[k], SearchDirection::Forward),
                     all[(k + 1) % all.size()]);
            QCOMPARE(m_proxy->nextMatch(all[k], SearchDirection::Backward),
                     all[(k + all.size() - 1) % all.size()]);
        }
        QCOMPARE(m_proxy->firstMatches(2).size(), std::min(qsizetype(2), all.size()));
    }

    std::unique_ptr<CallTreeModel> m_model;
    std::unique_ptr<CallFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestCallFilterProxyModel)
#include "tst_callfilterproxymodel.moc"

// SPDX-License-Identifier: MIT
#include "callfilterproxymodel.h"
#include "calltreemodel.h"
#include "failednavigation.h"
#include "testutil.h"

#include <QTest>

using namespace bem;
using bem::test::makeFunctionCall;
using bem::test::snapshotOf;
using bem::test::treeToString;

namespace {

FunctionCall fc(const char *id, const char *parent, const char *status = "completed")
{
    FunctionCall f = makeFunctionCall(QString::fromLatin1(id), QString::fromLatin1(parent),
                                      QString::fromLatin1(status));
    f.functionName = QStringLiteral("keep-") + f.functionCallId;
    return f;
}

QString nameOf(const QModelIndex &index)
{
    return index.isValid() ? index.data().toString() : QStringLiteral("(none)");
}

// Follows findFailedRow() `steps` times from `from`, naming each row it lands on.
QStringList walk(const QAbstractItemModel *model, QModelIndex from, SearchDirection direction,
                 int steps)
{
    QStringList names;
    for (int i = 0; i < steps; ++i) {
        from = findFailedRow(model, from, direction);
        if (from.isValid() && from.column() != 0)
            return {QStringLiteral("not column 0")};
        names << nameOf(from);
    }
    return names;
}

} // namespace

class TestFailedNavigation : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_model = std::make_unique<CallTreeModel>();
        // a(failed)[step(failed) b[c(failed)] d(failed)] e f(failed)[g(failed)]
        FunctionCall a = fc("a", "", "failed");
        ActivityEntry step;
        step.displayName = QStringLiteral("step");
        step.status = Status::fromRaw(QStringLiteral("failed"));
        a.activity = {step};
        FunctionCall c = fc("c", "b", "failed");
        c.functionName = QStringLiteral("hide-c");
        m_model->setSnapshot(snapshotOf(QStringLiteral("call"),
                                        {a, fc("b", "a"), c, fc("d", "a", "failed"), fc("e", ""),
                                         fc("f", "", "failed"), fc("g", "f", "failed")}));
        QCOMPARE(treeToString(*m_model),
                 QStringLiteral("[keep-a[step keep-b[hide-c] keep-d] keep-e keep-f[keep-g]]"));
    }
    void cleanup() { m_model.reset(); }

    void forward_visitsFailedRowsInPreOrderAndWraps()
    {
        QCOMPARE(walk(m_model.get(), {}, SearchDirection::Forward, 6),
                 (QStringList{QStringLiteral("keep-a"), QStringLiteral("hide-c"),
                              QStringLiteral("keep-d"), QStringLiteral("keep-f"),
                              QStringLiteral("keep-g"), QStringLiteral("keep-a")}));
    }

    void backward_visitsThemInReverseAndWraps()
    {
        QCOMPARE(walk(m_model.get(), {}, SearchDirection::Backward, 6),
                 (QStringList{QStringLiteral("keep-g"), QStringLiteral("keep-f"),
                              QStringLiteral("keep-d"), QStringLiteral("hide-c"),
                              QStringLiteral("keep-a"), QStringLiteral("keep-g")}));
    }

    void fromAnActivityOrHealthyRow_searchesAroundIt()
    {
        const QModelIndex a = m_model->indexForFunctionCallId(QStringLiteral("a"));
        const QModelIndex step = m_model->index(0, 0, a);
        QCOMPARE(step.data().toString(), QStringLiteral("step")); // failed, but not a target
        QCOMPARE(nameOf(findFailedRow(m_model.get(), step, SearchDirection::Forward)),
                 QStringLiteral("hide-c"));
        QCOMPARE(nameOf(findFailedRow(m_model.get(), step, SearchDirection::Backward)),
                 QStringLiteral("keep-a"));
        const QModelIndex e = m_model->indexForFunctionCallId(QStringLiteral("e"));
        QCOMPARE(nameOf(findFailedRow(m_model.get(), e, SearchDirection::Forward)),
                 QStringLiteral("keep-f"));
        QCOMPARE(nameOf(findFailedRow(m_model.get(), e, SearchDirection::Backward)),
                 QStringLiteral("keep-d"));
        // Any column of the row will do; the answer is in column 0.
        const QModelIndex eStatus = e.siblingAtColumn(CallTreeModel::StatusColumn);
        const QModelIndex next = findFailedRow(m_model.get(), eStatus, SearchDirection::Forward);
        QCOMPARE(next.column(), 0);
        QCOMPARE(nameOf(next), QStringLiteral("keep-f"));
    }

    void noneFailed_findsNothing()
    {
        m_model->setSnapshot(
            snapshotOf(QStringLiteral("other"), {fc("x", ""), fc("y", "x", "running")}));
        const QModelIndex y = m_model->indexForFunctionCallId(QStringLiteral("y"));
        for (auto direction : {SearchDirection::Forward, SearchDirection::Backward}) {
            QVERIFY(!findFailedRow(m_model.get(), {}, direction).isValid());
            QVERIFY(!findFailedRow(m_model.get(), y, direction).isValid());
        }
        m_model->clear();
        QVERIFY(!findFailedRow(m_model.get(), {}, SearchDirection::Forward).isValid());
        QVERIFY(!findFailedRow(nullptr, {}, SearchDirection::Forward).isValid());
    }

    void oneFailed_isFoundFromEverywhereIncludingItself()
    {
        m_model->setSnapshot(snapshotOf(QStringLiteral("other"),
                                        {fc("x", ""), fc("y", "x", "failed"), fc("z", "")}));
        const QModelIndex y = m_model->indexForFunctionCallId(QStringLiteral("y"));
        for (auto direction : {SearchDirection::Forward, SearchDirection::Backward}) {
            QCOMPARE(findFailedRow(m_model.get(), {}, direction), y);
            QCOMPARE(findFailedRow(m_model.get(), y, direction), y);
            QCOMPARE(findFailedRow(m_model.get(), m_model->index(1, 0), direction), y);
        }
    }

    void throughAProxy_skipsFilteredRows()
    {
        CallFilterProxyModel proxy;
        proxy.setSourceModel(m_model.get());
        proxy.setFilterText(QStringLiteral("keep"));
        // b is shown for its own name: its count says 1, but c is filtered out.
        QCOMPARE(treeToString(proxy),
                 QStringLiteral("[keep-a[step keep-b keep-d] keep-e keep-f[keep-g]]"));
        const QStringList forward = walk(&proxy, {}, SearchDirection::Forward, 5);
        QCOMPARE(forward, (QStringList{QStringLiteral("keep-a"), QStringLiteral("keep-d"),
                                       QStringLiteral("keep-f"), QStringLiteral("keep-g"),
                                       QStringLiteral("keep-a")}));
        QCOMPARE(walk(&proxy, {}, SearchDirection::Backward, 5),
                 (QStringList{QStringLiteral("keep-g"), QStringLiteral("keep-f"),
                              QStringLiteral("keep-d"), QStringLiteral("keep-a"),
                              QStringLiteral("keep-g")}));
        const QModelIndex found = findFailedRow(&proxy, {}, SearchDirection::Forward);
        QCOMPARE(found.model(), &proxy);

        proxy.setFilterText(QStringLiteral("keep-b"));
        QCOMPARE(treeToString(proxy), QStringLiteral("[keep-a[keep-b]]"));
        QCOMPARE(nameOf(findFailedRow(&proxy, {}, SearchDirection::Forward)),
                 QStringLiteral("keep-a"));
        const QModelIndex proxyA = proxy.index(0, 0);
        QCOMPARE(findFailedRow(&proxy, proxyA, SearchDirection::Backward), proxyA);
        proxy.setFilterText(QStringLiteral("keep-e"));
        QVERIFY(!findFailedRow(&proxy, proxy.index(0, 0), SearchDirection::Forward).isValid());
    }

    void deepChain_failureAtTheBottomIsFoundWithoutRecursion()
    {
        constexpr int depth = 10000;
        QList<FunctionCall> fcs;
        for (int i = 0; i < depth; ++i)
            fcs << makeFunctionCall(QString::number(i), i ? QString::number(i - 1) : QString(),
                                    i == depth - 1 ? QStringLiteral("failed")
                                                   : QStringLiteral("running"));
        fcs << makeFunctionCall(QStringLiteral("after"));
        m_model->setSnapshot(snapshotOf(QStringLiteral("deep"), fcs));
        const QModelIndex bottom = m_model->indexForFunctionCallId(QString::number(depth - 1));
        for (auto direction : {SearchDirection::Forward, SearchDirection::Backward}) {
            QCOMPARE(findFailedRow(m_model.get(), {}, direction), bottom);
            QCOMPARE(findFailedRow(m_model.get(), bottom, direction), bottom);
            QCOMPARE(findFailedRow(m_model.get(), m_model->index(1, 0), direction), bottom);
        }
        CallFilterProxyModel proxy;
        proxy.setSourceModel(m_model.get());
        proxy.setFilterText(QStringLiteral("running"));
        QCOMPARE(findFailedRow(&proxy, {}, SearchDirection::Forward), QModelIndex());
        proxy.setFilterText(QString());
        QCOMPARE(findFailedRow(&proxy, {}, SearchDirection::Backward), proxy.mapFromSource(bottom));
    }

    void manyRows_subtreesWithoutFailureAreSkipped()
    {
        // 100,000 function calls in 1,000 branches; one failure, in the last branch.
        QList<FunctionCall> fcs;
        for (int b = 0; b < 1000; ++b) {
            const QString branch = QStringLiteral("b%1").arg(b);
            fcs << makeFunctionCall(branch);
            for (int k = 0; k < 99; ++k)
                fcs << makeFunctionCall(QStringLiteral("b%1-%2").arg(b).arg(k), branch,
                                        b == 999 && k == 50 ? QStringLiteral("failed")
                                                            : QStringLiteral("running"));
        }
        m_model->setSnapshot(snapshotOf(QStringLiteral("wide"), fcs));
        const QModelIndex target = m_model->indexForFunctionCallId(QStringLiteral("b999-50"));
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(findFailedRow(m_model.get(), {}, SearchDirection::Forward), target);
            QCOMPARE(findFailedRow(m_model.get(), target, SearchDirection::Backward), target);
        }
        // 200 searches over 100,000 rows: cheap only because the 999 healthy branches are
        // skipped whole.
    }

private:
    std::unique_ptr<CallTreeModel> m_model;
};

QTEST_MAIN(TestFailedNavigation)
#include "tst_failednavigation.moc"

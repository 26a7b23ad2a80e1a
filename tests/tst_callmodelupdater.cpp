// SPDX-License-Identifier: MIT
#include "backgroundpool.h"
#include "callmodelupdater.h"
#include "calltreemodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace bem;
using bem::test::makeFunctionCall;
using bem::test::snapshotOf;

namespace {

// `n` function calls in a fan-out-10 tree; those with i % 100 == 7 are running unless
// `advanced`, so an advanced state differs in 1% of them. `callId` names the call.
CallSnapshotPtr fanOut(int n, bool advanced, const QString &callId = QStringLiteral("c"))
{
    QList<FunctionCall> fcs;
    fcs.reserve(n);
    for (int i = 0; i < n; ++i) {
        const bool running = i % 100 == 7 && !advanced;
        fcs << makeFunctionCall(QStringLiteral("fc%1").arg(i),
                                i ? QStringLiteral("fc%1").arg((i - 1) / 10) : QString(),
                                running ? QStringLiteral("running") : QStringLiteral("completed"));
    }
    return std::make_shared<const CallSnapshot>(snapshotOf(callId, fcs));
}

QString statusOf(const CallTreeModel &model, const QString &id)
{
    return model.indexForFunctionCallId(id)
        .siblingAtColumn(CallTreeModel::StatusColumn)
        .data()
        .toString();
}

// Holds every thread of Qt's global pool until destroyed: what Qt's raster engine finds
// when it splits a paint into tasks while the pool is busy.
class GlobalPoolHeld final
{
public:
    GlobalPoolHeld()
    {
        QThreadPool *pool = QThreadPool::globalInstance();
        m_count = pool->maxThreadCount();
        for (int i = 0; i < m_count; ++i)
            pool->start([this] {
                m_started.release();
                m_release.acquire();
            });
        m_started.acquire(m_count);
    }
    ~GlobalPoolHeld()
    {
        m_release.release(m_count);
        QThreadPool::globalInstance()->waitForDone();
    }

private:
    int m_count = 0;
    QSemaphore m_started;
    QSemaphore m_release;
};

} // namespace

class TestCallModelUpdater : public QObject
{
    Q_OBJECT
private slots:
    void smallCall_isAppliedAtOnce()
    {
        CallTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        CallModelUpdater updater(&model);
        QSignalSpy applied(&updater, &CallModelUpdater::applied);
        updater.apply(fanOut(100, false));
        QCOMPARE(applied.size(), 1);
        updater.apply(fanOut(100, true));
        QCOMPARE(applied.size(), 2);
        QVERIFY(!updater.isBusy());
        QCOMPARE(statusOf(model, QStringLiteral("fc7")), QStringLiteral("completed"));
    }

    void largeRefresh_isPlannedOffThread_andChangesOnlyTheChangedRows()
    {
        CallTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        CallModelUpdater updater(&model);
        QSignalSpy applied(&updater, &CallModelUpdater::applied);
        constexpr int n = CallModelUpdater::PlanOffThreadFrom * 2;
        updater.apply(fanOut(n, false)); // a new call: its rows built off-thread
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 60000);
        QCOMPARE(model.functionCallCount(), n);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const CallSnapshotPtr next = fanOut(n, true);
        updater.apply(next);
        // Planned on the thread pool: nothing has changed yet on the caller's stack.
        QVERIFY(updater.isBusy());
        QCOMPARE(applied.size(), 1);
        QCOMPARE(statusOf(model, QStringLiteral("fc7")), QStringLiteral("running"));
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 2, 60000);
        QCOMPARE(model.snapshot(), next);
        QCOMPARE(statusOf(model, QStringLiteral("fc7")), QStringLiteral("completed"));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QStringList rows;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto topLeft = args.at(0).value<QModelIndex>();
            const auto bottomRight = args.at(1).value<QModelIndex>();
            for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
                rows << model.index(r, 0, topLeft.parent())
                            .data(CallTreeModel::FunctionCallIdRole)
                            .toString();
        }
        rows.sort();
        QStringList expected;
        for (int i = 7; i < n; i += 100)
            expected << QStringLiteral("fc%1").arg(i);
        expected.sort();
        QCOMPARE(rows, expected);
    }

    void newerSnapshot_dropsThePlanInProgress()
    {
        CallTreeModel model;
        CallModelUpdater updater(&model);
        QSignalSpy applied(&updater, &CallModelUpdater::applied);
        constexpr int n = CallModelUpdater::PlanOffThreadFrom * 2;
        updater.apply(fanOut(n, false));
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 60000);
        const CallSnapshotPtr older = fanOut(n, true);
        // The newest state: fc7 failed.
        QList<FunctionCall> fcs = older->call.functionCalls;
        fcs[7].status = Status::fromRaw(QStringLiteral("failed"));
        const auto newest =
            std::make_shared<const CallSnapshot>(snapshotOf(QStringLiteral("c"), fcs));
        updater.apply(older);
        updater.apply(newest);
        QTRY_VERIFY_WITH_TIMEOUT(!updater.isBusy(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(updater.droppedCount(), 1, 60000);
        QCOMPARE(applied.size(), 2); // the load, then only the newest
        QCOMPARE(applied.last().at(0).value<CallSnapshotPtr>(), newest);
        QCOMPARE(model.snapshot(), newest);
        QCOMPARE(statusOf(model, QStringLiteral("fc7")), QStringLiteral("failed"));
        bem::backgroundPool()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(applied.size(), 2);
    }

    void cancel_dropsThePlanInProgress()
    {
        CallTreeModel model;
        CallModelUpdater updater(&model);
        QSignalSpy applied(&updater, &CallModelUpdater::applied);
        constexpr int n = CallModelUpdater::PlanOffThreadFrom * 2;
        updater.apply(fanOut(n, false));
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 60000);
        updater.apply(fanOut(n, true));
        updater.cancel();
        QVERIFY(!updater.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(updater.droppedCount(), 1, 60000);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(statusOf(model, QStringLiteral("fc7")), QStringLiteral("running"));
    }

    void largeOtherCall_rowsAreBuiltOffThread_andTheNewestCallWins()
    {
        CallTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        CallModelUpdater updater(&model);
        QSignalSpy applied(&updater, &CallModelUpdater::applied);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        constexpr int n = CallModelUpdater::PlanOffThreadFrom * 2;
        updater.apply(fanOut(n, false, QStringLiteral("first")));
        // Nothing is applied on the caller's stack: the rows are being built elsewhere.
        QVERIFY(updater.isBusy());
        QCOMPARE(applied.size(), 0);
        QCOMPARE(model.rowCount(), 0);
        const CallSnapshotPtr second = fanOut(n, true, QStringLiteral("second"));
        updater.apply(second);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 60000);
        QCOMPARE(applied.first().at(0).value<CallSnapshotPtr>(), second);
        QCOMPARE(model.callId(), QStringLiteral("second"));
        QCOMPARE(model.functionCallCount(), n);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(statusOf(model, QStringLiteral("fc7")), QStringLiteral("completed"));
        bem::backgroundPool()->waitForDone();
        QTRY_COMPARE(updater.droppedCount(), 1);
        QCOMPARE(applied.size(), 1);
        // Built off-thread or not, the rows are the same.
        CallTreeModel direct;
        direct.setSnapshot(second);
        QCOMPARE(test::treeToString(model), test::treeToString(direct));
    }

    // The rows of a new call are built, and the old call freed, on the app's own pool:
    // with Qt's global pool busy (the raster engine waits on it while painting) a switch
    // between two large calls still completes, and frees the first.
    void largeSwitch_doesNotWaitForQtsGlobalPool()
    {
        CallTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        CallModelUpdater updater(&model);
        QSignalSpy applied(&updater, &CallModelUpdater::applied);
        constexpr int n = CallModelUpdater::PlanOffThreadFrom * 2;
        std::weak_ptr<const CallSnapshot> firstAlive;
        {
            const CallSnapshotPtr first = fanOut(n, false, QStringLiteral("first"));
            firstAlive = first;
            updater.apply(first);
            QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 60000);
        }
        // The model holds the only reference left: the spy held one, and so did the job
        // that built the rows and its watcher (deleted later).
        applied.clear();
        bem::backgroundPool()->waitForDone();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(firstAlive.use_count(), 1);

        const GlobalPoolHeld held;
        model.clear();
        updater.apply(fanOut(n, true, QStringLiteral("second")));
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 20000);
        QCOMPARE(model.callId(), QStringLiteral("second"));
        QCOMPARE(model.functionCallCount(), n);
        bem::backgroundPool()->waitForDone();
        QVERIFY(firstAlive.expired());
    }

    void planForAnotherState_isIgnored()
    {
        // A plan is a shortcut, never a source of truth: made against another state than
        // the one shown, it is not used and the merge is done in full.
        CallTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        const CallSnapshotPtr first = fanOut(300, false);
        const CallSnapshotPtr unrelated = fanOut(300, true);
        model.setSnapshot(first);
        const CallSnapshotPtr next = fanOut(300, true);
        const MergePlan wrong = CallTreeModel::planMerge(*unrelated, *next);
        model.setSnapshot(next, &wrong);
        QCOMPARE(statusOf(model, QStringLiteral("fc107")), QStringLiteral("completed"));
        // And a right plan gives the same result as none.
        CallTreeModel planned;
        planned.setSnapshot(first);
        const MergePlan right = CallTreeModel::planMerge(*first, *next);
        QCOMPARE(right.keptAs.size(), size_t(300));
        QCOMPARE(right.keptAs[7], 7);
        // fc7, fc107 and fc207 (each the 7th child of its parent) change, nothing else.
        QCOMPARE(right.ops.size(), size_t(3));
        for (const MergeOp &op : right.ops) {
            QCOMPARE(op.kind, MergeOp::Kind::ChangeRows);
            QCOMPARE(op.first, 6);
            QCOMPARE(op.last, 6);
        }
        planned.setSnapshot(next, &right);
        QCOMPARE(test::treeToString(planned), test::treeToString(model));
        QCOMPARE(statusOf(planned, QStringLiteral("fc207")), QStringLiteral("completed"));
    }
};

QTEST_MAIN(TestCallModelUpdater)
#include "tst_callmodelupdater.moc"

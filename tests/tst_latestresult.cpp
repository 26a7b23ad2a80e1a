// SPDX-License-Identifier: MIT
#include "backgroundpool.h"
#include "latestresult.h"

#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace bem;

namespace {

// A job that waits until the test lets it go, so the order in which jobs end is the
// test's to choose.
struct Gate
{
    QSemaphore open;
    std::atomic<int> started{0};
};

} // namespace

class TestLatestResult : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { bem::backgroundPool()->waitForDone(); }

    void onlyJob_isDelivered()
    {
        LatestResult<int> latest;
        QList<int> delivered;
        latest.start([] { return 42; }, [&](int v) { delivered << v; });
        QVERIFY(latest.isBusy());
        QTRY_COMPARE(delivered, QList<int>{42});
        QVERIFY(!latest.isBusy());
        QCOMPARE(latest.droppedCount(), 0);
    }

    void newerJob_dropsTheOlderOneEvenWhenTheOlderEndsLast()
    {
        LatestResult<int> latest;
        QList<int> delivered;
        auto slow = std::make_shared<Gate>();
        latest.start(
            [slow] {
                ++slow->started;
                slow->open.acquire();
                return 1;
            },
            [&](int v) { delivered << v; });
        QTRY_COMPARE(slow->started.load(), 1);
        latest.start([] { return 2; }, [&](int v) { delivered << v; });
        QTRY_COMPARE(delivered, QList<int>{2});
        QVERIFY(!latest.isBusy());
        // The older job ends now: its result must not replace the newer one.
        slow->open.release();
        bem::backgroundPool()->waitForDone();
        QTRY_COMPARE(latest.droppedCount(), 1);
        QCOMPARE(delivered, QList<int>{2});
    }

    void newerJob_dropsTheOlderOneThatEndsFirst()
    {
        LatestResult<int> latest;
        QList<int> delivered;
        auto slow = std::make_shared<Gate>();
        latest.start([] { return 1; }, [&](int v) { delivered << v; });
        latest.start(
            [slow] {
                slow->open.acquire();
                return 2;
            },
            [&](int v) { delivered << v; });
        QTRY_COMPARE(latest.droppedCount(), 1);
        QVERIFY(delivered.isEmpty());
        QVERIFY(latest.isBusy());
        slow->open.release();
        QTRY_COMPARE(delivered, QList<int>{2});
    }

    void cancel_deliversNothing()
    {
        LatestResult<QString> latest;
        int calls = 0;
        auto gate = std::make_shared<Gate>();
        latest.start(
            [gate] {
                gate->open.acquire();
                return QStringLiteral("late");
            },
            [&](const QString &) { ++calls; });
        latest.cancel();
        QVERIFY(!latest.isBusy());
        gate->open.release();
        bem::backgroundPool()->waitForDone();
        QTRY_COMPARE(latest.droppedCount(), 1);
        QCOMPARE(calls, 0);
        // And it works again afterwards.
        latest.start([] { return QStringLiteral("next"); }, [&](const QString &) { ++calls; });
        QTRY_COMPARE(calls, 1);
    }

    void destructionWhileRunning_isSafeAndDeliversNothing()
    {
        // Under ASan this fails if a handler runs on a destroyed object.
        int calls = 0;
        auto gate = std::make_shared<Gate>();
        {
            auto latest = std::make_unique<LatestResult<QByteArray>>();
            latest->start(
                [gate] {
                    ++gate->started;
                    gate->open.acquire();
                    return QByteArray(1024, 'x');
                },
                [&](const QByteArray &) { ++calls; });
            QTRY_COMPARE(gate->started.load(), 1);
        }
        gate->open.release();
        bem::backgroundPool()->waitForDone();
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QCOMPARE(calls, 0);
    }

    void handler_mayStartTheNextJob()
    {
        LatestResult<int> latest;
        QList<int> delivered;
        std::function<void(int)> next = [&](int v) {
            delivered << v;
            if (v < 3)
                latest.start([v] { return v + 1; }, next);
        };
        latest.start([] { return 1; }, next);
        QTRY_COMPARE(delivered, (QList<int>{1, 2, 3}));
        QVERIFY(!latest.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestLatestResult)
#include "tst_latestresult.moc"

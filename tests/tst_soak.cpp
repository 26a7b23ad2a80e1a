// SPDX-License-Identifier: MIT
#include "bemclient.h"
#include "callloader.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "localapi.h"
#include "soakcall.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QEventLoop>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <optional>

using namespace bem;

namespace {
const QByteArray Key = "sk_test_soak_0123456789";
const QString CallId = QStringLiteral("wf_soak");
constexpr int FunctionCalls = test::SoakCall::FunctionCalls;
using test::residentKiB;

int presentIn(int i)
{
    return test::SoakCall::presentIn(i);
}

int cyclesToRun()
{
    // BEM_SOAK_CYCLES shortens the run for valgrind (README, "Memory").
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("BEM_SOAK_CYCLES", &ok);
    return ok && n >= 20 ? n : 3000;
}
} // namespace

// Thousands of refreshes of a large live call through the real client (real sockets to
// the local bem API), the real model and a real view, painted each time: resident memory
// after warm-up must stay flat. Figures are printed for the report; no time is asserted.
class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void refreshCycles_keepResidentMemoryFlat()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("Under AddressSanitizer resident memory is dominated by its quarantine and "
              "shadow memory, so RSS says nothing about the app; the leak check covers it.");
#endif
        const int cycles = cyclesToRun();
        // Past the growth to 1,000 function calls (cycle 100) and the body cache's filling
        // (cycle 160) before memory is measured.
        const int warmUp = qMax(cycles / 6, 200);
        test::LocalApi api(Key);
        CallTreeModel model;
        // The model's contract is checked through the first cycles, which make every kind of
        // change (rows inserted, removed and reinserted, statuses and steps changing); the
        // tester re-walks the model on each signal (~0.3 s a cycle at this size), so it is
        // gone before the measured part. tst_calltreemodel and the fuzzer check the rest.
        constexpr int CheckedCycles = 25;
        std::optional<QAbstractItemModelTester> tester;
        tester.emplace(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        CallTreePanel panel(&model);
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.view()->expandToDepth(1);

        // Each answer ends the wait at once (QTRY_* would poll in 50 ms steps).
        test::SoakBodyCache bodies(CallId);
        std::optional<FetchResult> got;
        QEventLoop waitForAnswer;
        connect(&api.client, &BemClient::finished, this, [&](const FetchResult &r) {
            got = r;
            waitForAnswer.quit();
        });
        QTimer hang;
        hang.setSingleShot(true);
        connect(&hang, &QTimer::timeout, &waitForAnswer, &QEventLoop::quit);
        qint64 rssAfterWarmUp = -1;
        const qint64 rssAtStart = residentKiB();
        QElapsedTimer clock;
        clock.start();
        qint64 warmUpMs = 0;
        qint64 tBody = 0, tFetch = 0, tModel = 0, tPaint = 0;
        QElapsedTimer phase;
        for (int i = 0; i < cycles; ++i) {
            phase.start();
            api.server.setResponses(CallId,
                                    {CannedResponse{200, "application/json", bodies.of(i), {}, 0}});
            tBody += phase.restart();
            got.reset();
            api.client.fetchCall(CallId);
            hang.start(30'000);
            if (!got)
                waitForAnswer.exec();
            QVERIFY2(got.has_value(), "no answer from the local server in 30 s");
            QVERIFY2(got->outcome == FetchOutcome::Success, qPrintable(got->message));
            // The client moves bytes; parsing is the loading step's (as a session does it).
            const LoadedCall loaded = loadCall(got->body);
            QVERIFY2(loaded.ok(), qPrintable(loaded.parsed.error));
            tFetch += phase.restart();
            model.setSnapshot(*loaded.snapshot);
            tModel += phase.restart();
            panel.view()->viewport()->repaint();
            tPaint += phase.restart();
            if (i == CheckedCycles)
                tester.reset();
            if (i == warmUp) {
                // Let deferred deletes run before measuring, as after any other cycle.
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                rssAfterWarmUp = residentKiB();
                warmUpMs = clock.elapsed();
            }
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qint64 rssAtEnd = residentKiB();
        const qint64 measuredMs = clock.elapsed() - warmUpMs;
        qInfo("soak: ms in all: bodies %lld, fetch+parse %lld, model %lld, paint %lld", tBody,
              tFetch, tModel, tPaint);
        QCOMPARE(model.functionCallCount(), presentIn(cycles - 1) + 1);
        if (cycles < 2 * warmUp)
            QSKIP("Too few cycles for a memory figure (BEM_SOAK_CYCLES is for valgrind runs)");
        QVERIFY(rssAtStart > 0 && rssAfterWarmUp > 0 && rssAtEnd > 0);
        qInfo("soak: %d cycles of a %d-function-call call; VmRSS start %lld KiB, after %d "
              "warm-up cycles %lld KiB, end %lld KiB, growth after warm-up %lld KiB; "
              "%.1f ms per cycle after warm-up",
              cycles, FunctionCalls, rssAtStart, warmUp, rssAfterWarmUp, rssAtEnd,
              rssAtEnd - rssAfterWarmUp, double(measuredMs) / double(cycles - warmUp - 1));
        QVERIFY2(rssAtEnd - rssAfterWarmUp < 5 * 1024,
                 qPrintable(QStringLiteral("resident memory grew by %1 KiB after warm-up")
                                .arg(rssAtEnd - rssAfterWarmUp)));
    }
};

QTEST_MAIN(TestSoak)
#include "tst_soak.moc"

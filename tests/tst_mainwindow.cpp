// SPDX-License-Identifier: MIT
#include "apikeystore.h"
#include "bemclient.h"
#include "callpoller.h"
#include "calltreemodel.h"
#include "demoscenarios.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace bem;

namespace {
const QByteArray Key = "sk_test_window_abcdef123456";
using Phase = PollerStatus::Phase;

CannedResponse respond(int status, const QByteArray &body)
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    return r;
}
} // namespace

// The window wired to a real poller, client and local server (offscreen): a live call
// goes from pending to completed on its own through merges (never a reset after the first
// load), and failures show in words above the last good data, which stays.
class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<CallPoller> m_poller;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_poller = std::make_unique<CallPoller>(&m_api->client);
        BackoffPolicy fast;
        fast.initialMs = 20;
        fast.maxMs = 80;
        m_poller->setPolicy(fast);
        m_window = std::make_unique<MainWindow>(m_poller.get(), nullptr);
        m_window->show();
    }
    void cleanup()
    {
        m_window.reset();
        m_poller.reset();
        m_api.reset();
    }

    void liveCall_goesFromPendingToCompleted_withoutResets()
    {
        QAbstractItemModelTester tester(m_window->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(m_window->model(), &QAbstractItemModel::modelReset);
        QSignalSpy inserts(m_window->model(), &QAbstractItemModel::rowsInserted);
        qsizetype resetsAtFirstSnapshot = -1;
        connect(m_poller.get(), &CallPoller::snapshotChanged, this, [&] {
            if (resetsAtFirstSnapshot < 0)
                resetsAtFirstSnapshot = resets.size();
        });
        m_window->loadCall(DemoCalls::progressing());
        QTRY_VERIFY_WITH_TIMEOUT(m_poller->status().phase == Phase::Finished, 20'000);
        QCOMPARE(m_window->model()->callID(), DemoCalls::progressing());
        QCOMPARE(m_window->model()->functionCallCount(),
                 m_poller->snapshot()->call.functionCalls.size());
        QVERIFY(m_window->model()->functionCallCount() > 5);
        // Clearing for the new ID and the first load reset; every later stage merged.
        QVERIFY(resetsAtFirstSnapshot >= 1);
        QCOMPARE(resets.size(), resetsAtFirstSnapshot);
        QVERIFY(inserts.size() > 3);
        QCOMPARE(m_window->liveStatusText(),
                 QStringLiteral("Stopped refreshing: the call completed"));
        QCOMPARE(m_window->bannerText(), QString());
        const auto *summary = m_window->findChild<QLabel *>(QStringLiteral("summary"));
        QVERIFY(summary->text().contains(QStringLiteral("completed")));
        // New function calls were shown as they arrived (their parents expanded).
        auto *tree = m_window->findChild<QTreeView *>();
        const QModelIndex route = m_window->model()->index(0, 0);
        QVERIFY(tree->isExpanded(route));
    }

    void transientFailure_keepsTheDataAndSaysWhy_asPlainText()
    {
        const QString id = QStringLiteral("c_window");
        const QByteArray running =
            "{\"call\":{\"callID\":\"c_window\",\"status\":\"running\",\"functionCalls\":["
            "{\"functionCallID\":\"fc_a\",\"status\":\"running\",\"functionName\":\"extract\"},"
            "{\"functionCallID\":\"fc_b\",\"status\":\"pending\",\"sourceFunctionCallID\":\"fc_a\"}"
            "]}}";
        m_api->server.setResponses(
            id, {respond(200, running),
                 respond(500, "{\"message\":\"<b>database</b> <img src='file:///etc/passwd'>\","
                              "\"code\":500,\"details\":{}}")});
        m_window->loadCall(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_poller->status().phase == Phase::Retrying &&
                                     !m_poller->status().requestInFlight,
                                 10'000);
        QCOMPARE(m_window->model()->functionCallCount(), 2);
        const QString banner = m_window->bannerText();
        QVERIFY2(banner.startsWith(QStringLiteral(
                     "Could not refresh: The bem server could not answer (HTTP 500")),
                 qPrintable(banner));
        QVERIFY(banner.contains(QStringLiteral("<b>database</b> <img src='file:///etc/passwd'>")));
        QVERIFY(banner.contains(QStringLiteral("Showing the data received at")));
        QVERIFY(m_window->liveStatusText().startsWith(QStringLiteral("Retrying")));
        for (const QLabel *label : m_window->findChildren<QLabel *>())
            QVERIFY2(label->textFormat() == Qt::PlainText || !label->text().contains(u'<'),
                     qPrintable(label->text()));
        const auto *bannerLabel = m_window->findChild<QLabel *>(QStringLiteral("banner"));
        QCOMPARE(bannerLabel->textFormat(), Qt::PlainText);
        // The raw details are one hover away, escaped: the server's markup stays text.
        QVERIFY2(bannerLabel->toolTip().contains(QStringLiteral("HTTP 500")),
                 qPrintable(bannerLabel->toolTip()));
        QVERIFY(bannerLabel->toolTip().contains(QStringLiteral("&lt;img src=")));
        QVERIFY(!bannerLabel->toolTip().contains(QStringLiteral("<img")));
        QVERIFY(bannerLabel->isVisible());
    }

    void notFound_stopsAndExplains()
    {
        m_window->loadCall(QStringLiteral("wf_typo"));
        QTRY_VERIFY_WITH_TIMEOUT(m_poller->status().phase == Phase::Stopped, 10'000);
        QVERIFY(m_window->bannerText().startsWith(
            QStringLiteral("No call with this ID in this environment")));
        QCOMPARE(m_window->liveStatusText(), QStringLiteral("Stopped refreshing"));
        const auto *summary = m_window->findChild<QLabel *>(QStringLiteral("summary"));
        QCOMPARE(summary->text(), QStringLiteral("wf_typo could not be loaded."));
        QTest::qWait(200);
        QCOMPARE(m_api->server.requests().size(), 1);
    }

    // A new ID never shows the previous call's tree under it, even when it fails.
    void anotherCall_replacesTheOldOne()
    {
        m_window->loadCall(DemoCalls::batch());
        QTRY_VERIFY(m_poller->status().phase == Phase::Finished);
        QVERIFY(m_window->model()->functionCallCount() > 0);
        m_window->loadCall(QStringLiteral("wf_other"));
        QCOMPARE(m_window->model()->functionCallCount(), 0);
        QTRY_VERIFY(m_poller->status().phase == Phase::Stopped);
        QCOMPARE(m_window->model()->callID(), QString());
    }

    void pauseAction_pausesAndResumes()
    {
        m_api->server.setResponses(
            QStringLiteral("c_pause"),
            {respond(200, "{\"call\":{\"callID\":\"c_pause\",\"status\":\"running\"}}")});
        m_window->loadCall(QStringLiteral("c_pause"));
        QTRY_VERIFY(m_poller->status().phase == Phase::Waiting);
        QAction *pause = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->isCheckable() && a->text().contains(QStringLiteral("Pause")))
                pause = a;
        QVERIFY(pause);
        QVERIFY(pause->isEnabled());
        pause->trigger();
        QTRY_COMPARE(m_poller->status().phase, Phase::Paused);
        QTRY_VERIFY(m_window->liveStatusText().startsWith(QStringLiteral("Paused")));
        pause->trigger();
        QTRY_VERIFY(m_poller->status().phase == Phase::Waiting);
        QVERIFY(!pause->isChecked());
    }

    // An ID entered while the keychain is still being read waits for the key instead of
    // failing with "no API key".
    void callEnteredBeforeTheKeyIsKnown_waitsForIt()
    {
        qunsetenv("BEM_API_KEY");
        ApiKeyStore keys;
        keys.setServiceName(QStringLiteral("bem-call-inspector-test-window"));
        MainWindow window(m_poller.get(), &keys);
        m_api->client.setApiKey(QString());
        connect(&keys, &ApiKeyStore::loaded, this,
                [this] { m_api->client.setApiKey(QString::fromLatin1(Key)); });
        window.loadCall(DemoCalls::batch());
        QCOMPARE(window.liveStatusText(), QStringLiteral("Waiting for the system keychain\u2026"));
        QCOMPARE(m_api->server.requests().size(), 0);
        keys.load();
        QTRY_VERIFY(m_poller->status().phase == Phase::Finished);
        QCOMPARE(m_api->server.requests().size(), 1);
        QCOMPARE(m_api->server.requests().first().apiKey, Key);
    }

    void savedFile_isNotRefreshed()
    {
        QVERIFY(m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-2.json")));
        QCOMPARE(m_poller->status().phase, Phase::Idle);
        QVERIFY(m_window->liveStatusText().contains(QStringLiteral("not refreshed")));
        QTest::qWait(100);
        QCOMPARE(m_api->server.requests().size(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// SPDX-License-Identifier: MIT
#include "bemclient.h"
#include "callform.h"
#include "callsession.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "detailspane.h"
#include "faultserver.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "testutil.h"
#include "valuefield.h"
#include "windowfixture.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace bem;
using test::FaultReply;
using test::FaultServer;
using Phase = PollerStatus::Phase;

namespace {
const QString Key = QStringLiteral("sk_test_faults_0123456789abcdef");
const QString CallId = QStringLiteral("c_fault");

// The last good data every fault must leave on screen: a running call, two rows.
const QByteArray GoodBody =
    "{\"call\":{\"callID\":\"c_fault\",\"status\":\"running\",\"workflowName\":\"invoices\","
    "\"functionCalls\":["
    "{\"functionCallID\":\"fc_a\",\"status\":\"running\",\"functionName\":\"extract\"},"
    "{\"functionCallID\":\"fc_b\",\"status\":\"pending\",\"sourceFunctionCallID\":\"fc_a\"}"
    "]}}";

QByteArray callWithName(const QByteArray &name)
{
    return "{\"call\":{\"callID\":\"c_fault\",\"status\":\"running\",\"workflowName\":\"" + name +
           "\",\"functionCalls\":[{\"functionCallID\":\"fc_a\",\"status\":\"running\","
           "\"functionName\":\"" +
           name + "\"},{\"functionCallID\":\"fc_b\",\"status\":\"pending\"}]}}";
}

FaultReply reply(FaultReply::Kind kind, const QByteArray &body = {})
{
    FaultReply r;
    r.kind = kind;
    r.body = body;
    return r;
}
} // namespace

// The network and the server failing in the ways real ones do, end to end: a raw TCP
// server on 127.0.0.1 (resets, early closes, endless bodies — QHttpServer cannot produce
// them) behind the real client, poller and window (offscreen). For each fault: no crash, a
// message in plain words, and the last good data still on screen.
class TestFaults : public QObject
{
    Q_OBJECT

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<test::WindowFixture> m_fixture;
    MainWindow *m_window = nullptr;
    CallSession *m_session = nullptr;

    // Loads GoodBody into the window and waits until it is shown and the poller is live.
    void loadGoodData()
    {
        m_server->setReplies({FaultReply::ok(GoodBody)});
        QVERIFY(m_window->loadCall(CallId));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Waiting &&
                                     m_window->model()->functionCallCount() == 2,
                                 20'000);
    }

    // Serves `replies` from now on and waits for the poller to report the failure: retrying
    // for what may pass by itself, stopped for what needs a person (a body too large).
    void failWith(const QList<FaultReply> &replies, Phase phase = Phase::Retrying)
    {
        m_server->setReplies(replies);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session->status().phase == phase && !m_session->status().requestInFlight, 20'000);
    }

    // The window still shows the good call and says, in words, why it may be stale.
    void verifyLastGoodDataShown(const QString &expectedReason)
    {
        QCOMPARE(m_window->model()->callId(), CallId);
        QCOMPARE(m_window->model()->functionCallCount(), 2);
        QVERIFY(m_window->model()->indexForFunctionCallId(QStringLiteral("fc_a")).isValid());
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("callID")), CallId);
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("workflowName")),
                 QStringLiteral("invoices"));
        const QString banner = m_window->bannerText();
        if (m_session->status().phase == Phase::Retrying)
            QVERIFY2(banner.startsWith(QStringLiteral("Could not refresh: ")), qPrintable(banner));
        QVERIFY2(banner.contains(expectedReason, Qt::CaseInsensitive), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("may be out of date")), qPrintable(banner));
        QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(!m_window->grab().isNull());
        qInfo("banner: %s", qPrintable(banner));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        // Shortened backoff so that the suite runs in seconds; the real policy is 1 s to
        // 10 s (tst_callpoller covers it), the logic is the same.
        m_fixture = std::make_unique<test::WindowFixture>(
            test::WindowFixture::Options{m_server->baseUrl(), Key, m_network.get(), nullptr,
                                         test::policyOf(20, 200), QSize(1200, 800)});
        m_window = m_fixture->window();
        m_session = m_fixture->session();
    }
    void cleanup()
    {
        m_window = nullptr;
        m_session = nullptr;
        m_fixture.reset();
        m_network.reset();
        m_server.reset();
    }

    void connectionResetMidBody()
    {
        loadGoodData();
        failWith({reply(FaultReply::Kind::ResetMidBody, callWithName("changed"))});
        verifyLastGoodDataShown(QStringLiteral("cut off"));
    }

    void serverClosesBeforeAnyByte()
    {
        loadGoodData();
        failWith({reply(FaultReply::Kind::CloseAtOnce)});
        verifyLastGoodDataShown(QStringLiteral("closed"));
    }

    // Content-Length says 10 GiB: refused on the headers, without waiting for the body
    // (the server never sends it: waiting would end in a timeout instead).
    void announcedBodyBeyondTheMaximum_isRefusedAtOnce()
    {
        m_session->setTransferTimeoutMs(120'000);
        loadGoodData();
        failWith({reply(FaultReply::Kind::AnnounceHuge)}, Phase::Stopped);
        QCOMPARE(outcomeName(m_session->status().lastOutcome), outcomeName(FetchOutcome::TooLarge));
        // The client's default maximum, as documented (README, "Limits").
        verifyLastGoodDataShown(QStringLiteral("larger than 256 MB"));
    }

    // No Content-Length and a body that never ends: read up to the maximum, then dropped;
    // the server sees the client hang up long before it could send everything.
    void streamedBodyBeyondTheMaximum_isCutOff()
    {
        m_session->setMaxBodyBytes(1024 * 1024);
        loadGoodData();
        FaultReply endless = reply(FaultReply::Kind::StreamUnbounded);
        endless.streamBytes = 512LL * 1024 * 1024;
        failWith({endless}, Phase::Stopped);
        QCOMPARE(outcomeName(m_session->status().lastOutcome), outcomeName(FetchOutcome::TooLarge));
        verifyLastGoodDataShown(QStringLiteral("larger than 1 MB"));
        QTRY_VERIFY(m_server->clientHungUp);
        // What was sent: what the client read (the maximum plus Qt's bounded read-ahead)
        // plus what the two sockets' kernel buffers held. Far less than the 512 MB offered.
        QVERIFY2(m_server->streamedBytes < 32LL * 1024 * 1024,
                 qPrintable(QString::number(m_server->streamedBytes)));
        qInfo("streamed %lld bytes before the client hung up (maximum 1 MiB)",
              m_server->streamedBytes);
        QVERIFY(m_server->streamedBytes >= 1024 * 1024);
    }

    void deeplyNestedJson()
    {
        loadGoodData();
        const QByteArray deep =
            "{\"call\":" + QByteArray(200'000, '[') + QByteArray(200'000, ']') + "}";
        failWith({FaultReply::ok(deep)});
        verifyLastGoodDataShown(QStringLiteral("JSON"));
    }

    void invalidUtf8()
    {
        loadGoodData();
        failWith({FaultReply::ok(callWithName("bad \xff\xfe\xc3\x28 name"))});
        verifyLastGoodDataShown(QStringLiteral("JSON"));
    }

    // A 100,000-character name arrives in a refresh: shown in the tree (cut for display,
    // whole for copying) and the form (elided to fit), and the window still paints.
    void hugeName_isShownCutAndDoesNotHang()
    {
        loadGoodData();
        const QByteArray name(100'000, 'n');
        m_server->setReplies({FaultReply::ok(callWithName(name))});
        const QPersistentModelIndex fc =
            m_window->model()->indexForFunctionCallId(QStringLiteral("fc_a"));
        QTRY_COMPARE_WITH_TIMEOUT(fc.data(CallTreeModel::FullTextRole).toString().size(), 100'000,
                                  20'000);
        QVERIFY(fc.data(Qt::DisplayRole).toString().size() < 1000);
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("workflowName")).size(), 100'000);
        // The form's field holds the whole value but shows it cut, inside the window.
        int cutFields = 0;
        for (const ValueField *f : m_window->callForm()->findChildren<ValueField *>()) {
            if (f->value().size() != 100'000)
                continue;
            ++cutFields;
            QVERIFY(f->displayText().size() <= 2'001); // 2,000 characters and an ellipsis
            QVERIFY(f->width() <= m_window->width());
        }
        QVERIFY(cutFields >= 1);
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_a")));
        QCOMPARE(m_window->detailsPane()->fieldText(QStringLiteral("name")).size(), 100'000);
        QTreeView *view = m_window->treePanel()->view();
        QVERIFY(view->visualRect(view->currentIndex()).isValid());
        QVERIFY(m_window->width() <= 1200 * 2); // the name did not stretch the window
        QVERIFY(!m_window->grab().isNull());
        QVERIFY(m_window->bannerText().isEmpty() ||
                !m_window->bannerText().startsWith(QStringLiteral("Could not refresh")));
    }

    // Every answer a 429 with Retry-After: 1. The poller waits at least that long between
    // requests (measured by the server), however short its own backoff, and keeps the data.
    void floodOf429s_honoursRetryAfter_withoutAStorm()
    {
        loadGoodData();
        FaultReply limited =
            reply(FaultReply::Kind::Respond, "{\"message\":\"Too many requests\",\"code\":429}");
        limited.status = 429;
        limited.headers = {{"Retry-After", "1"}};
        const qsizetype before = m_server->requests.size();
        failWith({limited});
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requests.size() >= before + 4, 30'000);
        for (qsizetype i = before + 1; i < m_server->requests.size(); ++i) {
            const qint64 gap = m_server->requestTimesMs[i] - m_server->requestTimesMs[i - 1];
            QVERIFY2(gap >= 990, qPrintable(QStringLiteral("request %1 came %2 ms after the "
                                                           "previous one")
                                                .arg(i)
                                                .arg(gap)));
        }
        QCOMPARE(outcomeName(m_session->status().lastOutcome),
                 outcomeName(FetchOutcome::RateLimited));
        verifyLastGoodDataShown(QStringLiteral("too many requests"));
    }

    // The server goes away (connections refused) and comes back on the same port: the
    // poller keeps trying on its own and shows the new state without the user's help.
    // Gone for ~1.5 s instead of a minute: with the shortened backoff that is many
    // attempts, which is what matters.
    void serverDisappearsAndComesBack_pollerRecoversAlone()
    {
        loadGoodData();
        const quint16 port = m_server->port();
        m_server->close();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().attempt >= 3, 20'000);
        QCOMPARE(outcomeName(m_session->status().lastOutcome),
                 outcomeName(FetchOutcome::NetworkError));
        verifyLastGoodDataShown(QStringLiteral("refused"));
        QTest::qWait(1500);
        QVERIFY(m_session->status().phase == Phase::Retrying ||
                m_session->status().phase == Phase::Loading || m_session->status().requestInFlight);
        const QByteArray completed =
            "{\"call\":{\"callID\":\"c_fault\",\"status\":\"completed\",\"workflowName\":"
            "\"invoices\",\"functionCalls\":["
            "{\"functionCallID\":\"fc_a\",\"status\":\"completed\",\"functionName\":\"extract\"},"
            "{\"functionCallID\":\"fc_b\",\"status\":\"completed\",\"sourceFunctionCallID\":"
            "\"fc_a\"},"
            "{\"functionCallID\":\"fc_c\",\"status\":\"completed\",\"sourceFunctionCallID\":"
            "\"fc_a\"}]}}";
        m_server->setReplies({FaultReply::ok(completed)});
        QVERIFY(m_server->listen(port));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Finished, 20'000);
        QCOMPARE(m_window->model()->functionCallCount(), 3);
        QVERIFY2(!m_window->bannerText().startsWith(QStringLiteral("Could not refresh")),
                 qPrintable(m_window->bannerText()));
    }
};

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"

// SPDX-License-Identifier: MIT
#include "demoscenarios.h"
#include "localbemserver.h"
#include "singleinstance.h"

#include <QElapsedTimer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace bem;

// The real executable, started twice: the second launch hands its call to the first,
// which fetches it from the local bem API that this test runs, while the second exits.
// The first instance talks to one local API and every later launch to another, so a
// request on the first one is proof that the first instance opened the call.
class TestAppHandOff : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        QVERIFY(m_otherServer.listen());
        QVERIFY(m_config.isValid());
        // Each run its own instance (ctest runs app tests in parallel) and its own settings.
        const QString instanceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_instanceName =
            SingleInstance::serverNameFor(QStringLiteral("ai.bem.CallInspector"), instanceId);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_env.insert(QStringLiteral("BEM_INSTANCE_ID"), instanceId);
        m_env.insert(QStringLiteral("BEM_API_KEY"),
                     QString::fromLatin1(LocalBemServer::demoApiKey()));
        // Later launches would talk to the other server, never to the real API.
        m_env.insert(QStringLiteral("BEM_BASE_URL"), m_otherServer.baseUrl().toString());
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    }

    void cleanup()
    {
        if (m_first.state() != QProcess::NotRunning) {
            m_first.kill();
            m_first.waitForFinished(30000);
        }
        // A request the killed instance sent just before (it polls the call, its trace and
        // its outputs) may still be in the socket: let the servers read it now, so it is
        // not counted for the next test, whose start clears the request logs.
        drainServers();
    }

    void secondLaunch_handsItsCallToTheFirstAndExits()
    {
        startFirst(DemoCalls::progressing());

        const Launch scheme =
            launch({QStringLiteral("bem-call-inspector://call/") + DemoCalls::failed()});
        QVERIFY2(scheme.exitCode == 0, scheme.stderrText.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(DemoCalls::failed()).isEmpty(), 60000);

        const Launch dashboard =
            launch({QStringLiteral("https://app.bem.ai/calls/") + DemoCalls::batch()});
        QVERIFY2(dashboard.exitCode == 0, dashboard.stderrText.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(DemoCalls::batch()).isEmpty(), 60000);

        // From the menu: no argument, the running window is raised and nothing is loaded.
        const Launch menu = launch({});
        QVERIFY2(menu.exitCode == 0, menu.stderrText.constData());

        QCOMPARE(m_first.state(), QProcess::Running);
        QVERIFY(m_otherServer.requests().isEmpty());
    }

    void junk_isRefusedWithAReasonAndNeverLoaded()
    {
        startFirst(DemoCalls::progressing());

        const Launch junk = launch({QStringLiteral("javascript:alert(1)")});
        QCOMPARE(junk.exitCode, 1);
        QVERIFY2(junk.stderrText.contains("not a call ID"), junk.stderrText.constData());
        const Launch spaces = launch({QStringLiteral("wf_1 and more")});
        QCOMPARE(spaces.exitCode, 1);
        QVERIFY2(spaces.stderrText.contains("no spaces"), spaces.stderrText.constData());

        // Junk straight on the socket, as any local process could send it.
        QLocalSocket raw;
        raw.connectToServer(m_instanceName);
        QVERIFY(raw.waitForConnected(10000));
        raw.write("GET /v2/calls/evil HTTP/1.1\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(raw.state() == QLocalSocket::UnconnectedState, 30000);

        // Hand-offs are served in order: once this one is fetched, the junk has been seen.
        const Launch good = launch({DemoCalls::singleFunction()});
        QCOMPARE(good.exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(DemoCalls::singleFunction()).isEmpty(),
                                 60000);
        for (const ServerRequestRecord &request : m_server.requests() + m_otherServer.requests()) {
            QVERIFY2(!request.rawPath.contains("alert") && !request.rawPath.contains("evil") &&
                         !request.rawPath.contains("more"),
                     request.rawPath.constData());
        }
        QCOMPARE(m_first.state(), QProcess::Running);
        QVERIFY(m_otherServer.requests().isEmpty());
    }

    void aKilledInstance_leavesNothingInTheWay()
    {
        startFirst(DemoCalls::progressing());
        m_first.kill(); // no chance to remove its socket
        QVERIFY(m_first.waitForFinished(30000));

        // The next launch finds no answer, becomes the inspector and takes links.
        startFirst(DemoCalls::batch());
        const Launch next = launch({DemoCalls::failed()});
        QVERIFY2(next.exitCode == 0, next.stderrText.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(DemoCalls::failed()).isEmpty(), 60000);
    }

    void newWindow_doesNotHandOff()
    {
        startFirst(DemoCalls::progressing());
        // Its own window: it stays running (and would fetch on its own) instead of exiting.
        QProcess own;
        own.setProcessEnvironment(m_env);
        own.start(QStringLiteral(BEM_APP_PATH),
                  {QStringLiteral("--new-window"), DemoCalls::failed()});
        QVERIFY(own.waitForStarted(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_otherServer.requestsFor(DemoCalls::failed()).isEmpty(), 60000);
        QCOMPARE(own.state(), QProcess::Running);
        QVERIFY(m_server.requestsFor(DemoCalls::failed()).isEmpty());
        own.kill();
        own.waitForFinished(30000);
    }

    // A launch that names its API version wants that for its own session: it opens a
    // window of its own instead of handing its call to one asking another version.
    void apiOption_opensItsOwnWindow()
    {
        startFirst(DemoCalls::progressing());
        QProcess own;
        own.setProcessEnvironment(m_env);
        own.start(QStringLiteral(BEM_APP_PATH),
                  {QStringLiteral("--api"), QStringLiteral("v2"), DemoCalls::failed()});
        QVERIFY(own.waitForStarted(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_otherServer.requestsFor(DemoCalls::failed()).isEmpty(), 60000);
        QCOMPARE(own.state(), QProcess::Running);
        QVERIFY(m_server.requestsFor(DemoCalls::failed()).isEmpty());
        own.kill();
        own.waitForFinished(30000);
    }

    // Several calls on the command line open as tabs of one window, each watched; a later
    // launch with several hands them all over.
    void severalCalls_openAsTabs_andAreHandedOverTogether()
    {
        startFirst({DemoCalls::progressing(), DemoCalls::failed(), DemoCalls::batch()});
        for (const QString &id : {DemoCalls::failed(), DemoCalls::batch()})
            QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(id).isEmpty(), 60000);
        // The progressing call's tab keeps refreshing in the background.
        const qsizetype progressing = m_server.requestsFor(DemoCalls::progressing()).size();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_server.requestsFor(DemoCalls::progressing()).size() > progressing, 60000);

        const Launch later = launch({DemoCalls::singleFunction(), DemoCalls::partlyFailed()});
        QVERIFY2(later.exitCode == 0, later.stderrText.constData());
        for (const QString &id : {DemoCalls::singleFunction(), DemoCalls::partlyFailed()})
            QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(id).isEmpty(), 60000);
        QCOMPARE(m_first.state(), QProcess::Running);
        QVERIFY(m_otherServer.requests().isEmpty());
    }

    void badApiOption_exitsWithAReason()
    {
        const Launch bad = launch({QStringLiteral("--api"), QStringLiteral("v4")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.stderrText.contains("--api must be auto, v3 or v2"),
                 bad.stderrText.constData());
    }

private:
    struct Launch
    {
        int exitCode = -1;
        QByteArray stderrText;
    };

    // Starts the instance every later launch should reach, and waits until it takes links.
    void startFirst(const QString &callId) { startFirst(QStringList{callId}); }
    void startFirst(const QStringList &callIds)
    {
        m_server.clearRequests();
        m_otherServer.clearRequests();
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("BEM_BASE_URL"), m_server.baseUrl().toString());
        m_first.setProcessEnvironment(env);
        m_first.start(QStringLiteral(BEM_APP_PATH), callIds);
        QVERIFY(m_first.waitForStarted(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_server.requestsFor(callIds.first()).isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(acceptsConnections(), 30000);
    }

    // Until neither server has received anything for 300 ms (at most 5 s).
    void drainServers()
    {
        QElapsedTimer total;
        total.start();
        qsizetype seen = -1;
        QElapsedTimer quiet;
        while (total.elapsed() < 5000) {
            const qsizetype now = m_server.requests().size() + m_otherServer.requests().size();
            if (now != seen) {
                seen = now;
                quiet.start();
            } else if (quiet.elapsed() >= 300) {
                return;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
    }

    bool acceptsConnections() const
    {
        QLocalSocket probe;
        probe.connectToServer(m_instanceName);
        return probe.waitForConnected(1000);
    }

    // A later launch; the event loop keeps serving this test's bem API while it runs.
    Launch launch(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.start(QStringLiteral(BEM_APP_PATH), arguments);
        Launch result;
        if (!process.waitForStarted(30000))
            return result;
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; },
                             60000)) {
            process.kill();
            process.waitForFinished(30000);
            return result;
        }
        result.stderrText = process.readAllStandardError();
        if (process.exitStatus() == QProcess::NormalExit)
            result.exitCode = process.exitCode();
        return result;
    }

    LocalBemServer m_server;      // the first instance's
    LocalBemServer m_otherServer; // any other launch's
    QTemporaryDir m_config;
    QString m_instanceName;
    QProcessEnvironment m_env;
    QProcess m_first;
};

QTEST_MAIN(TestAppHandOff)
#include "tst_apphandoff.moc"

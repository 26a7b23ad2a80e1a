// SPDX-License-Identifier: MIT
#include "apikeystore.h"
#include "bemclient.h"
#include "callloader.h"
#include "callsession.h"
#include "demoscenarios.h"
#include "environmentstore.h"
#include "faultserver.h"
#include "keychainsandbox.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "testutil.h"
#include "windowfixture.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace bem;
using Phase = PollerStatus::Phase;

namespace {
// Distinctive enough that any five characters of it in a row found anywhere are a leak.
const QString Key = QStringLiteral("bemkey-Qz7Rt2Lp9Wx4Vn8Ks3");

// Everything Qt and the app log while installed, every category at debug level.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The local bem API these tests talk to is the other end of the wire: it receives the
    // key by design, and QHttpServer's own debug lines print each request's headers. That
    // is the test server's log, not the app's (the app links no HTTP server outside the
    // demo, whose key is public), so it is left out of the search.
    if (context.category && qstrncmp(context.category, "qt.httpserver", 13) == 0)
        return;
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (type != QtDebugMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

// Where in `text` a piece of the key longer than the masked form's four characters
// appears; empty when none does.
QString keyPieceIn(const QString &text)
{
    for (qsizetype i = 0; i + 5 <= Key.size(); ++i) {
        if (text.contains(Key.mid(i, 5)))
            return Key.mid(i, 5);
    }
    return {};
}

bool bytesContainKey(const QByteArray &bytes)
{
    const QByteArray utf8 = Key.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(Key.utf16()), Key.size() * 2);
    return bytes.contains(utf8) || bytes.contains(utf16) || bytes.contains(utf8.toBase64()) ||
           bytes.contains(utf8.toPercentEncoding()) || bytes.contains(utf8.right(8));
}

// Every text the window or a dialog shows: labels, fields, tooltips, titles, actions.
QString everyShownText(const QWidget *root)
{
    QStringList texts{root->windowTitle(), root->toolTip()};
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        texts << w->toolTip() << w->windowTitle() << w->statusTip() << w->whatsThis();
        if (const auto *l = qobject_cast<const QLabel *>(w))
            texts << l->text();
        if (const auto *e = qobject_cast<const QLineEdit *>(w))
            texts << e->displayText() << e->placeholderText();
        if (const auto *b = qobject_cast<const QAbstractButton *>(w))
            texts << b->text();
    }
    for (const QAction *a : root->findChildren<QAction *>())
        texts << a->text() << a->toolTip() << a->statusTip();
    return texts.join(u'\n');
}

// A non-loopback address of this machine, for "plain http to another host": the client
// must refuse before connecting, whatever listens there. Null when there is none.
QHostAddress nonLoopbackAddress()
{
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            return a;
    }
    return {};
}
} // namespace

// The API key against everything that could leak it: a key saved through the window's
// Settings must not reach any file the app writes (settings, recent calls, caches, logs —
// all under a temporary HOME/XDG tree searched byte by byte afterwards), must be shown
// masked everywhere, must not travel over plain http to another host or across origins,
// and must not appear in any message or log line of the error paths (every Qt logging
// category on, captured by a message handler).
class TestSecrets : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::KeychainSandbox> m_sandbox;
    QString m_service;

    QStringList capturedLog() const
    {
        QMutexLocker lock(&g_logMutex);
        return g_log;
    }

    void verifyNoKeyInLog()
    {
        for (const QString &line : capturedLog()) {
            const QString piece = keyPieceIn(line);
            QVERIFY2(piece.isEmpty(),
                     qPrintable(QStringLiteral("log contains \"%1\": %2").arg(piece, line)));
        }
    }

    void verifyNoKeyIn(const FetchResult &r)
    {
        const QString all = r.message + u'\n' + r.details + u'\n' + r.serverMessage + u'\n' +
                            QString::fromUtf8(r.body);
        QVERIFY2(keyPieceIn(all).isEmpty(), qPrintable(all));
    }

    // The client, then the loading step.
    static FetchResult fetch(BemClient &client, const QString &id)
    {
        QSignalSpy done(&client, &BemClient::finished);
        client.fetchCall(id);
        if (!done.wait(20'000))
            qFatal("no answer for %s", qPrintable(id));
        // Then the loading step, as a session does: a body that is not a call fails there.
        const FetchResult r = done.first().first().value<FetchResult>();
        if (r.outcome != FetchOutcome::Success)
            return r;
        const LoadedCall loaded = loadCall(r.body);
        return resultOfParse(r, loaded.snapshot, loaded.parsed);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<FetchResult>();
        // Everything the app, Qt or QtKeychain might write goes under the sandbox's home.
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("secrets"));
        // As app/main.cpp: the default QSettings lands where a user's would.
        QCoreApplication::setOrganizationName(QStringLiteral("bem"));
        QCoreApplication::setOrganizationDomain(QStringLiteral("bem.ai"));
        QCoreApplication::setApplicationName(QStringLiteral("bem-call-inspector"));
        m_service = m_sandbox->serviceName();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.qpa.*=false"));
        g_previousHandler = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previousHandler);
        m_sandbox.reset();
    }

    // The whole path a user takes: Settings (from the window's menu) saves the key, a call
    // is loaded (recent calls written), errors happen, the window closes (state saved).
    // Then every file under the temporary home is searched for the key.
    void savedKey_reachesNoFile_andIsShownMasked()
    {
        test::LocalApi api(Key.toUtf8());
        ApiKeyStore keys;
        keys.setServiceName(m_service);
        QSignalSpy loaded(&keys, &ApiKeyStore::loaded);
        keys.load();
        QVERIFY(loaded.wait(15'000));
        QVERIFY(!keys.hasKey());

        QNetworkAccessManager network;
        // As the app wires them: the session learns the key from the store, and the
        // default QSettings lands where a user's would.
        test::WindowFixture::Options options{api.server.baseUrl(), {}, &network, &keys};
        options.defaultSettings = true;
        auto fixture = std::make_unique<test::WindowFixture>(options);
        MainWindow *window = fixture->window();
        CallSession &session = *fixture->session();

        // Settings from the window's own action; the modal dialog is filled in and accepted.
        QSignalSpy saved(&keys, &ApiKeyStore::saved);
        bool dialogSeen = false;
        QLineEdit::EchoMode typedAs = QLineEdit::Normal;
        QTimer::singleShot(0, this, [&dialogSeen, &typedAs] {
            auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialogSeen = true;
            auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("apiKey"));
            typedAs = field->echoMode();
            field->setText(Key);
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        window->findChild<QAction *>(QStringLiteral("actionSettings"))->trigger();
        QVERIFY(dialogSeen);
        QCOMPARE(typedAs, QLineEdit::Password); // typed, the key showed as dots
        QVERIFY(saved.wait(15'000));
        QCOMPARE(keys.key(), Key);
        if (keys.source() == ApiKeyStore::Source::Session) {
            // Headless (as in CI): no keychain. The app says so, and keeps the key in memory.
            QVERIFY(!keys.keychainProblem().isEmpty());
            qInfo("keychain unavailable, session-only key: %s", qPrintable(keys.keychainProblem()));
        } else {
            QCOMPARE(keys.source(), ApiKeyStore::Source::Keychain);
        }

        // Shown masked: the window says which key is in use with at most its last four
        // characters; the settings dialog's key field is empty until the user types.
        QString shown = everyShownText(window);
        QVERIFY(shown.contains(ApiKeyStore::masked(Key)));
        QVERIFY2(keyPieceIn(shown).isEmpty(), qPrintable(keyPieceIn(shown)));
        if (keys.source() == ApiKeyStore::Source::Session)
            QVERIFY(shown.contains(ApiKeyStore::sourceDescription(ApiKeyStore::Source::Session)));
        {
            SettingsDialog again(&keys, &network, session.baseUrl(), window);
            again.show();
            QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("apiKey"))->text(), QString());
            const QString dialogText = everyShownText(&again);
            QVERIFY(dialogText.contains(ApiKeyStore::masked(Key)));
            QVERIFY2(keyPieceIn(dialogText).isEmpty(), qPrintable(dialogText));
            if (keys.source() == ApiKeyStore::Source::Session)
                QVERIFY(dialogText.contains(keys.keychainProblem()));
        }

        // A call loads with the saved key (the recent list is written), then error paths.
        QVERIFY(window->loadCall(DemoCalls::batch()));
        QTRY_VERIFY2_WITH_TIMEOUT(session.status().phase == Phase::Finished,
                                  qPrintable(session.status().describe()), 20'000);
        CannedResponse echo;
        echo.status = 500;
        echo.body = "{\"message\":\"key " + Key.toUtf8() + " is wrong\",\"code\":500}";
        api.server.setResponses(QStringLiteral("wf_echo"), {echo});
        QVERIFY(window->loadCall(QStringLiteral("wf_echo")));
        QTRY_VERIFY_WITH_TIMEOUT(session.status().phase == Phase::Retrying, 20'000);
        shown = everyShownText(window);
        QVERIFY(shown.contains(QStringLiteral("HTTP 500")));
        QVERIFY2(keyPieceIn(shown).isEmpty(), qPrintable(keyPieceIn(shown)));
        QVERIFY(window->loadCall(QStringLiteral("wf_missing")));
        QTRY_VERIFY_WITH_TIMEOUT(session.status().phase == Phase::Stopped, 20'000);
        QVERIFY2(keyPieceIn(everyShownText(window)).isEmpty(), "404 text");

        window->close();
        fixture->settings()->sync();
        fixture.reset();

        // Every file written under the temporary home: none holds the key in any form.
        QStringList written;
        QDirIterator files(m_sandbox->home(), QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytesContainKey(bytes),
                     qPrintable(QStringLiteral("%1 holds the key").arg(path)));
            written << path.mid(m_sandbox->home().size());
        }
        qInfo("files the app wrote: %s", qPrintable(written.join(QStringLiteral(", "))));
        // The search looked at something: the settings file with the recent calls.
        const bool recentsWritten =
            std::any_of(written.begin(), written.end(), [](const QString &p) {
                return p.endsWith(QStringLiteral("bem-call-inspector.conf"));
            });
        QVERIFY2(recentsWritten, qPrintable(written.join(u' ')));
        verifyNoKeyInLog();
    }

    // The error paths, with everything Qt logs captured: none of the results, messages,
    // details or log lines carries the key.
    void errorPaths_neverShowOrLogTheKey()
    {
        test::LocalApi api(Key.toUtf8());
        test::LocalApi other("another-servers-key-000000");
        api.server.setRedirectTarget(other.server.baseUrl());

        // The server echoes the key in its error message: removed before anyone sees it.
        CannedResponse echo;
        echo.status = 400;
        echo.body = "{\"message\":\"bad key " + Key.toUtf8() + "\",\"code\":400}";
        api.server.setResponses(QStringLiteral("echo"), {echo});
        const QStringList ids{QStringLiteral("echo"),    DemoCalls::truncated(),
                              DemoCalls::invalidJson(),  DemoCalls::badGateway(),
                              DemoCalls::flaky(),        DemoCalls::forbidden(),
                              DemoCalls::redirectAway(), QStringLiteral("nope")};
        for (const QString &id : ids) {
            const FetchResult r = fetch(api.client, id);
            QVERIFY2(r.outcome != FetchOutcome::Success || id == DemoCalls::flaky(),
                     qPrintable(id));
            verifyNoKeyIn(r);
        }
        // Across origins the key never arrives at the other server.
        for (const ServerRequestRecord &r : other.server.requests())
            QVERIFY(r.apiKey.isEmpty());

        // A wrong key: 401; and a connection reset and a server closing at once.
        BemClient wrong(&api.network);
        wrong.setBaseUrl(api.server.baseUrl());
        wrong.setApiKey(Key + QStringLiteral("x"));
        verifyNoKeyIn(fetch(wrong, DemoCalls::batch()));
        test::FaultServer faults;
        QVERIFY(faults.listen());
        api.client.setBaseUrl(faults.baseUrl());
        faults.setReplies({[] {
            test::FaultReply r;
            r.kind = test::FaultReply::Kind::ResetMidBody;
            r.body = "{\"call\":{\"callID\":\"x\"}}";
            return r;
        }()});
        verifyNoKeyIn(fetch(api.client, QStringLiteral("x")));
        test::FaultReply closeAtOnce;
        closeAtOnce.kind = test::FaultReply::Kind::CloseAtOnce;
        faults.setReplies({closeAtOnce});
        verifyNoKeyIn(fetch(api.client, QStringLiteral("x")));
        faults.close();
        verifyNoKeyIn(fetch(api.client, QStringLiteral("x")));
        verifyNoKeyInLog();
        // The capture works: Qt's own debug output was recorded on the way.
        QVERIFY(!capturedLog().isEmpty());
    }

    // Two environments on two local bem APIs, each with its own key saved through the
    // environment store, and a session per environment configured as a tab is: the key
    // store of its environment, its base URL, its API version. Each server's request log
    // shows only its own environment's key, never the other's, nor the launch's
    // BEM_API_KEY (which makes an entry of its own). The settings file written holds
    // neither key.
    void keysNeverTravelToAnotherEnvironmentsServer()
    {
        const QString sandboxKey = QStringLiteral("bemkey-sandbox-Vb6Nm2Qw8Zx4");
        const QString launchKey = QStringLiteral("bemkey-launch-Ht5Gf7Jd3Ks9");
        test::LocalApi production(Key.toUtf8());
        test::LocalApi sandbox(sandboxKey.toUtf8());
        qputenv("BEM_API_KEY", launchKey.toUtf8());

        QSettings settings; // where the app's own settings go
        EnvironmentStore store(&settings);
        store.setKeychainService(m_service);
        store.load();
        qunsetenv("BEM_API_KEY");
        QVERIFY(store.environment(EnvironmentStore::processId()));
        Environment prodEnv = *store.environment(EnvironmentStore::defaultEnvironmentId());
        prodEnv.name = QStringLiteral("Production");
        prodEnv.baseUrl = production.server.baseUrl();
        store.update(prodEnv);
        Environment sandboxEnv;
        sandboxEnv.name = QStringLiteral("Sandbox");
        sandboxEnv.baseUrl = sandbox.server.baseUrl();
        sandboxEnv.apiVersion = ApiVersionChoice::V2;
        const QString sandboxId = store.add(sandboxEnv);
        for (const Environment &env : store.environments())
            QTRY_VERIFY_WITH_TIMEOUT(store.keys(env.id)->isLoaded(), 15'000);
        for (const auto &[id, key] :
             {std::pair{prodEnv.id, Key}, std::pair{sandboxId, sandboxKey}}) {
            QSignalSpy saved(store.keys(id), &ApiKeyStore::saved);
            store.keys(id)->save(key);
            QVERIFY(saved.wait(15'000));
        }

        // As a tab configures its session from its environment.
        const auto sessionFor = [&store](const QString &id, QNetworkAccessManager *network) {
            const Environment env = *store.environment(id);
            auto session = std::make_unique<CallSession>(network);
            BackoffPolicy fast;
            fast.initialMs = 20;
            fast.maxMs = 80;
            fast.jitter = 0;
            session->setPolicy(fast);
            session->setApiVersionChoice(env.apiVersion);
            session->setBaseUrl(env.baseUrl);
            session->setKeyStore(store.keys(id));
            return session;
        };
        auto prodSession = sessionFor(prodEnv.id, &production.network);
        auto sandboxSession = sessionFor(sandboxId, &sandbox.network);
        prodSession->open(DemoCalls::progressing());
        sandboxSession->open(DemoCalls::progressing());
        QTRY_VERIFY2_WITH_TIMEOUT(prodSession->status().phase == Phase::Finished,
                                  qPrintable(prodSession->status().describe()), 30'000);
        QTRY_VERIFY2_WITH_TIMEOUT(sandboxSession->status().phase == Phase::Finished,
                                  qPrintable(sandboxSession->status().describe()), 30'000);

        const auto keysSeenBy = [](const LocalBemServer &server) {
            QSet<QByteArray> seen;
            for (const ServerRequestRecord &r : server.requests())
                seen.insert(r.apiKey);
            return seen;
        };
        QCOMPARE(keysSeenBy(production.server), QSet<QByteArray>{Key.toUtf8()});
        QCOMPARE(keysSeenBy(sandbox.server), QSet<QByteArray>{sandboxKey.toUtf8()});
        // Both were really asked, several times (the call progressed through its stages).
        QVERIFY(production.server.requests().size() > 3);
        QVERIFY(sandbox.server.requests().size() > 3);
        // The sandbox session asked v2 only, as its environment says.
        for (const ServerRequestRecord &r : sandbox.server.requests())
            QCOMPARE(r.endpoint, ServerEndpoint::V2Call);

        // A key saved for the sandbox later reaches its session, and still only its server.
        const QString newSandboxKey = QStringLiteral("bemkey-sandbox2-Rt8Yu4Ip6Op2");
        sandbox.server.setApiKey(newSandboxKey.toUtf8());
        QSignalSpy saved(store.keys(sandboxId), &ApiKeyStore::saved);
        store.keys(sandboxId)->save(newSandboxKey);
        QVERIFY(saved.wait(15'000));
        sandboxSession->open(DemoCalls::batch());
        QTRY_VERIFY_WITH_TIMEOUT(sandboxSession->status().phase == Phase::Finished, 20'000);
        QCOMPARE(keysSeenBy(production.server), QSet<QByteArray>{Key.toUtf8()});
        QVERIFY(keysSeenBy(sandbox.server).contains(newSandboxKey.toUtf8()));
        QVERIFY(!keysSeenBy(sandbox.server).contains(Key.toUtf8()));
        QVERIFY(!keysSeenBy(sandbox.server).contains(launchKey.toUtf8()));

        // Names and URLs are in the settings file; no key is, nor anywhere under the home.
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("Sandbox"));
        for (const QString &key : {Key, sandboxKey, newSandboxKey, launchKey}) {
            QVERIFY(!bytes.contains(key.toUtf8()));
            QVERIFY(!bytes.contains(key.toUtf8().right(8)));
            QCOMPARE(m_sandbox->filesContaining(key.toUtf8()), QStringList());
        }

        prodSession.reset();
        sandboxSession.reset();
        store.keys(sandboxId)->forget();
        store.keys(prodEnv.id)->forget();
        QTest::qWait(100);
        settings.remove(QStringLiteral("environments"));
        verifyNoKeyInLog();
    }

    // Keys typed for two environments in Settings: saved to their own entries, shown masked,
    // and in no file (the settings file holds the environments' names and URLs).
    void environmentKeysTypedInSettings_reachNoFile()
    {
        const QString sandboxKey = QStringLiteral("bemkey-sandbox-Wc3Er5Ty7Ui9");
        QSettings settings;
        EnvironmentStore store(&settings);
        store.setKeychainService(m_service);
        store.load();
        for (const Environment &env : store.environments())
            QTRY_VERIFY_WITH_TIMEOUT(store.keys(env.id)->isLoaded(), 15'000);
        QNetworkAccessManager network;
        QString sandboxId;
        {
            SettingsDialog dialog(&store, &network, QString());
            dialog.findChild<QLineEdit *>(QStringLiteral("apiKey"))->setText(Key);
            dialog.findChild<QPushButton *>(QStringLiteral("addEnvironment"))->click();
            auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("environmentName"));
            name->selectAll();
            QTest::keyClicks(name, QStringLiteral("Sandbox"));
            dialog.findChild<QLineEdit *>(QStringLiteral("apiKey"))->setText(sandboxKey);
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            sandboxId = dialog.currentEnvironmentId();
        }
        const QString defaultId = EnvironmentStore::defaultEnvironmentId();
        QTRY_COMPARE_WITH_TIMEOUT(store.keys(defaultId)->key(), Key, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(store.keys(sandboxId)->key(), sandboxKey, 15'000);
        {
            // Shown again: masked, each environment its own.
            SettingsDialog again(&store, &network, sandboxId);
            QString shown = everyShownText(&again);
            QVERIFY(shown.contains(ApiKeyStore::masked(sandboxKey)));
            QVERIFY(!shown.contains(sandboxKey));
            QVERIFY(keyPieceIn(shown).isEmpty());
        }
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("Sandbox"));
        for (const QString &key : {Key, sandboxKey}) {
            QStringList hits;
            QDirIterator files(m_sandbox->home(), QDir::Files | QDir::Hidden | QDir::System,
                               QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                QFile f(path);
                if (f.open(QIODevice::ReadOnly)) {
                    const QByteArray bytes = f.readAll();
                    if (bytes.contains(key.toUtf8()) || bytes.contains(key.toUtf8().right(8)))
                        hits << path;
                }
            }
            QCOMPARE(hits, QStringList());
        }
        store.keys(sandboxId)->forget();
        store.keys(defaultId)->forget();
        QTest::qWait(100);
        settings.remove(QStringLiteral("environments"));
        verifyNoKeyInLog();
    }

    // http:// to an address of this machine that is not loopback counts as another host:
    // refused before connecting, so the listener there sees no connection at all.
    void plainHttpToAnotherHost_sendsNothing()
    {
        const QHostAddress address = nonLoopbackAddress();
        if (address.isNull())
            QSKIP("this machine has no non-loopback IPv4 address");
        QTcpServer listener;
        QVERIFY(listener.listen(address, 0));
        int connections = 0;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = listener.nextPendingConnection()) {
                ++connections;
                s->deleteLater();
            }
        });
        QNetworkAccessManager network;
        BemClient client(&network);
        client.setBaseUrl(QUrl(
            QStringLiteral("http://%1:%2").arg(address.toString()).arg(listener.serverPort())));
        client.setApiKey(Key);
        const FetchResult r = fetch(client, QStringLiteral("c_1"));
        QCOMPARE(outcomeName(r.outcome), outcomeName(FetchOutcome::InsecureTransport));
        verifyNoKeyIn(r);
        QTest::qWait(300);
        QCOMPARE(connections, 0);
        // The same listener is reachable: the refusal, not the network, kept it quiet.
        QTcpSocket probe;
        probe.connectToHost(address, listener.serverPort());
        QVERIFY(probe.waitForConnected(5000));
        QTRY_COMPARE(connections, 1);
    }
};

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"

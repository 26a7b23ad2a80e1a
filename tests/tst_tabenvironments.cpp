// SPDX-License-Identifier: MIT
#include "apikeystore.h"
#include "callsession.h"
#include "calltab.h"
#include "demoscenarios.h"
#include "emptystate.h"
#include "environmentchip.h"
#include "environmentstore.h"
#include "keychainsandbox.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "tabenvironments.h"
#include "windowfixture.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace bem;

namespace {

const QByteArray ProductionKey = "sk_test_tabs_production_0123456789";
const QByteArray SandboxKey = "sk_test_tabs_sandbox_9876543210";
using Phase = PollerStatus::Phase;

} // namespace

// Tabs in two bem environments, each on its own local bem API with its own key: a tab asks
// only its environment's server with that environment's key; a new tab takes the current
// one's environment, which can be changed until a call is loaded; a 404 offers the other
// environment; and the tabs reopen in their environments.
class TestTabEnvironments : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::KeychainSandbox> m_sandbox;
    std::unique_ptr<test::LocalApi> m_production;
    std::unique_ptr<test::LocalApi> m_sandboxApi;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<EnvironmentStore> m_store;
    QString m_productionId;
    QString m_sandboxId;
    std::unique_ptr<CallSession> m_firstSession;
    std::unique_ptr<MainWindow> m_window;

    std::unique_ptr<CallSession> makeSession()
    {
        // One network for both servers: which server a session asks is the environment's.
        auto session = std::make_unique<CallSession>(&m_production->network);
        session->setPolicy(test::fastPolicy());
        return session;
    }

    MainWindow *openWindow()
    {
        m_window.reset();
        m_firstSession = makeSession();
        MainWindow::Services services;
        services.session = m_firstSession.get();
        services.settings = m_settings.get();
        services.network = &m_production->network;
        services.callsPane = false;
        services.environments = m_store.get();
        services.newSession = [this] { return makeSession(); };
        m_window = std::make_unique<MainWindow>(services);
        m_window->show();
        return m_window.get();
    }

    EnvironmentChip *chipOf(int index) const
    {
        return qobject_cast<EnvironmentChip *>(
            m_window->tabWidget()->tabBar()->tabButton(index, QTabBar::LeftSide));
    }

    QComboBox *combo() const { return m_window->environments()->combo(); }

    void choose(const QString &environmentId)
    {
        const int index = combo()->findData(environmentId);
        QVERIFY(index >= 0);
        combo()->setCurrentIndex(index);
        Q_EMIT combo()->activated(index);
    }

    // Every request on `api`'s server carried `key`.
    static void verifyOnlyKey(const test::LocalApi &api, const QByteArray &key)
    {
        for (const ServerRequestRecord &request : api.server.requests())
            QCOMPARE(request.apiKey, key);
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("tabenv"));
    }
    void cleanupTestCase() { m_sandbox.reset(); }

    void init()
    {
        m_production = std::make_unique<test::LocalApi>(ProductionKey);
        m_sandboxApi = std::make_unique<test::LocalApi>(SandboxKey);
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")),
                                                 QSettings::IniFormat);
        m_store = std::make_unique<EnvironmentStore>(m_settings.get());
        m_store->setKeychainService(m_sandbox->serviceName());
        m_store->load();
        Environment production = *m_store->environment(EnvironmentStore::defaultEnvironmentId());
        production.name = QStringLiteral("Production");
        production.baseUrl = m_production->server.baseUrl();
        production.apiVersion = ApiVersionChoice::V2;
        m_store->update(production);
        m_productionId = production.id;
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = m_sandboxApi->server.baseUrl();
        sandbox.apiVersion = ApiVersionChoice::V2;
        m_sandboxId = m_store->add(sandbox);
        for (const auto &[id, key] :
             {std::pair{m_productionId, ProductionKey}, std::pair{m_sandboxId, SandboxKey}}) {
            ApiKeyStore *keys = m_store->keys(id);
            QTRY_VERIFY_WITH_TIMEOUT(keys->isLoaded(), 15'000);
            QSignalSpy saved(keys, &ApiKeyStore::saved);
            keys->save(QString::fromLatin1(key));
            QVERIFY(saved.wait(15'000));
        }
    }

    void cleanup()
    {
        m_window.reset();
        m_firstSession.reset();
        for (const QString &id : {m_sandboxId, m_productionId}) {
            if (ApiKeyStore *keys = m_store->keys(id))
                keys->forget();
        }
        QTest::qWait(100);
        m_store.reset();
        m_settings.reset();
        m_production.reset();
        m_sandboxApi.reset();
    }

    void eachTab_asksOnlyItsEnvironment_withItsKey()
    {
        openWindow();
        QCOMPARE(m_window->currentTab()->environmentId(), m_productionId);
        QVERIFY(chipOf(0));
        QCOMPARE(chipOf(0)->environment().name, QStringLiteral("Production"));

        // A new tab takes the current one's environment; before loading it can change.
        CallTab *second = m_window->newTab();
        QCOMPARE(second->environmentId(), m_productionId);
        QVERIFY(combo()->isEnabled());
        choose(m_sandboxId);
        QCOMPARE(second->environmentId(), m_sandboxId);
        QCOMPARE(chipOf(1)->environment().name, QStringLiteral("Sandbox"));

        QVERIFY(m_window->loadCall(DemoCalls::batch()));
        QVERIFY(!combo()->isEnabled()); // the call is asked there now
        m_window->selectTab(m_window->tabAt(0)->session());
        QCOMPARE(combo()->currentData().toString(), m_productionId);
        QVERIFY(m_window->loadCall(DemoCalls::failed()));
        for (int i = 0; i < 2; ++i) {
            CallSession *session = m_window->tabAt(i)->session();
            QTRY_VERIFY_WITH_TIMEOUT(session->status().phase == Phase::Finished, 20'000);
        }
        QVERIFY(!m_production->server.requestsFor(DemoCalls::failed()).isEmpty());
        QVERIFY(m_production->server.requestsFor(DemoCalls::batch()).isEmpty());
        QVERIFY(!m_sandboxApi->server.requestsFor(DemoCalls::batch()).isEmpty());
        QVERIFY(m_sandboxApi->server.requestsFor(DemoCalls::failed()).isEmpty());
        verifyOnlyKey(*m_production, ProductionKey);
        verifyOnlyKey(*m_sandboxApi, SandboxKey);

        // Ctrl+T from the Sandbox tab opens a Sandbox tab.
        m_window->selectTab(m_window->tabAt(1)->session());
        QCOMPARE(m_window->newTab()->environmentId(), m_sandboxId);
    }

    // The start page of each tab speaks of its own environment's key: a tab switched to an
    // environment with no key says so (and the Production tab still has its key).
    void startPage_saysWhetherTheTabsEnvironmentHasAKey()
    {
        Environment eu;
        eu.name = QStringLiteral("EU");
        eu.baseUrl = m_sandboxApi->server.baseUrl();
        const QString euId = m_store->add(eu);
        QTRY_VERIFY_WITH_TIMEOUT(m_store->keys(euId)->isLoaded(), 15'000);
        openWindow();
        const auto keyText = [this](int tab) {
            return m_window->tabAt(tab)
                ->emptyState()
                ->findChild<QLabel *>(QStringLiteral("keyState"))
                ->text();
        };
        QTRY_VERIFY(keyText(0).startsWith(QStringLiteral("Using the API key")));
        m_window->newTab();
        choose(euId);
        QTRY_VERIFY2(keyText(1).startsWith(QStringLiteral("No API key is set")),
                     qPrintable(keyText(1)));
        QVERIFY(keyText(0).startsWith(QStringLiteral("Using the API key")));
        choose(m_sandboxId);
        QTRY_VERIFY(keyText(1).startsWith(QStringLiteral("Using the API key")));
        m_store->remove(euId);
    }

    void notFound_offersTheOtherEnvironment_inANewTab()
    {
        const QString id = QStringLiteral("wf_only_in_sandbox");
        CannedResponse found;
        found.body = DemoScenarios::batchCall().replace(DemoCalls::batch().toUtf8(), id.toUtf8());
        m_sandboxApi->server.setResponses(id, {found});
        openWindow();
        QVERIFY(m_window->loadCall(id));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session()->status().lastOutcome == FetchOutcome::NotFound, 20'000);
        QTRY_COMPARE(m_window->banner()->actionText(), QStringLiteral("Try in Sandbox"));
        m_window->banner()->triggerAction();
        QCOMPARE(m_window->tabCount(), 2);
        QCOMPARE(m_window->currentTab()->environmentId(), m_sandboxId);
        QCOMPARE(m_window->session()->callId(), id);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->snapshot(), 20'000);
        QVERIFY(!m_sandboxApi->server.requestsFor(id).isEmpty());
        verifyOnlyKey(*m_production, ProductionKey);
        verifyOnlyKey(*m_sandboxApi, SandboxKey);
        // The same call in the same environment is that tab; in the other, a tab of its own.
        QVERIFY(m_window->openCallInTab(id, m_sandboxId));
        QCOMPARE(m_window->tabCount(), 2);
        m_window->selectTab(m_window->tabAt(0)->session());
        QVERIFY(m_window->openCallInTab(id, m_productionId));
        QCOMPARE(m_window->tabWidget()->currentIndex(), 0);
    }

    // The Calls pane's Ctrl+click: a new tab in the current tab's environment, selected.
    void openInNewTab_takesTheCurrentTabsEnvironment()
    {
        openWindow();
        m_window->newTab();
        choose(m_sandboxId);
        QVERIFY(m_window->loadCall(DemoCalls::batch()));
        QVERIFY(m_window->openCallInNewTab(DemoCalls::failed()));
        QCOMPARE(m_window->tabCount(), 3);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 2);
        QCOMPARE(m_window->currentTab()->environmentId(), m_sandboxId);
        QCOMPARE(m_window->session()->callId(), DemoCalls::failed());
        QTRY_VERIFY(!m_sandboxApi->server.requestsFor(DemoCalls::failed()).isEmpty());
        QCOMPARE(m_window->tabAt(1)->session()->callId(), DemoCalls::batch());
        // From the empty Production tab, even the first tab being empty: a new tab there.
        m_window->selectTab(m_window->tabAt(0)->session());
        QVERIFY(m_window->openCallInNewTab(DemoCalls::failed()));
        QCOMPARE(m_window->tabCount(), 4);
        QCOMPARE(m_window->tabWidget()->currentIndex(), 3);
        QCOMPARE(m_window->currentTab()->environmentId(), m_productionId);
        QTRY_VERIFY(!m_production->server.requestsFor(DemoCalls::failed()).isEmpty());
        verifyOnlyKey(*m_production, ProductionKey);
        verifyOnlyKey(*m_sandboxApi, SandboxKey);
    }

    // The order set in Settings is the combo's, and the order "Try in" looks in.
    void environmentOrder_ordersTheCombo_andTheTryInOffer()
    {
        Environment eu;
        eu.name = QStringLiteral("EU");
        eu.baseUrl = m_sandboxApi->server.baseUrl();
        eu.apiVersion = ApiVersionChoice::V2;
        const QString euId = m_store->add(eu);
        ApiKeyStore *euKeys = m_store->keys(euId);
        QTRY_VERIFY_WITH_TIMEOUT(euKeys->isLoaded(), 15'000);
        QSignalSpy saved(euKeys, &ApiKeyStore::saved);
        euKeys->save(QString::fromLatin1(SandboxKey));
        QVERIFY(saved.wait(15'000));
        openWindow();
        const auto comboIds = [this] {
            QStringList ids;
            for (int i = 0; i < combo()->count(); ++i)
                ids << combo()->itemData(i).toString();
            return ids;
        };
        QCOMPARE(comboIds(), (QStringList{m_productionId, m_sandboxId, euId}));
        m_store->setOrder({euId, m_productionId, m_sandboxId});
        QCOMPARE(comboIds(), (QStringList{euId, m_productionId, m_sandboxId}));
        QCOMPARE(m_window->currentTab()->environmentId(), m_productionId); // tabs keep theirs

        QVERIFY(m_window->loadCall(QStringLiteral("wf_nowhere_at_all")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session()->status().lastOutcome == FetchOutcome::NotFound, 20'000);
        QTRY_COMPARE(m_window->banner()->actionText(), QStringLiteral("Try in EU"));
        euKeys->forget();
        m_store->remove(euId);
    }

    void restart_reopensTabsInTheirEnvironments()
    {
        openWindow();
        QVERIFY(m_window->openCallInTab(DemoCalls::failed(), m_productionId));
        QVERIFY(m_window->openCallInTab(DemoCalls::batch(), m_sandboxId));
        QCOMPARE(m_window->tabCount(), 2);
        m_window->close();
        m_production->server.clearRequests();
        m_sandboxApi->server.clearRequests();

        openWindow();
        m_window->restoreTabs();
        QCOMPARE(m_window->tabCount(), 2);
        QCOMPARE(m_window->tabAt(0)->environmentId(), m_productionId);
        QCOMPARE(m_window->tabAt(1)->environmentId(), m_sandboxId);
        QTRY_VERIFY(!m_sandboxApi->server.requestsFor(DemoCalls::batch()).isEmpty());
        QTRY_VERIFY(!m_production->server.requestsFor(DemoCalls::failed()).isEmpty());
        verifyOnlyKey(*m_production, ProductionKey);
        verifyOnlyKey(*m_sandboxApi, SandboxKey);
    }

    // Several tabs in two environments, each with its chip and status icon; the picture is
    // saved where BEM_TABS_SCREENSHOT says (for the README and for looking at it).
    void severalTabs_showTheirEnvironmentAndStatus()
    {
        openWindow();
        m_window->resize(1100, 640);
        QVERIFY(m_window->openCallInTab(DemoCalls::failed(), m_productionId));
        QVERIFY(m_window->openCallInTab(DemoCalls::progressing(), m_productionId));
        QVERIFY(m_window->openCallInTab(DemoCalls::batch(), m_sandboxId));
        QVERIFY(m_window->openCallInTab(DemoCalls::singleFunction(), m_sandboxId));
        for (int i = 0; i < m_window->tabCount(); ++i)
            QTRY_VERIFY_WITH_TIMEOUT(!m_window->tabWidget()->tabIcon(i).isNull(), 20'000);
        QVERIFY(m_window->tabWidget()->tabBar()->isVisible());
        for (int i = 0; i < m_window->tabCount(); ++i) {
            QVERIFY(chipOf(i)->isVisible());
            // Wide enough for its name (the tab bar sized it after the name was set).
            QVERIFY(chipOf(i)->width() >= chipOf(i)->sizeHint().width());
            QVERIFY(!chipOf(i)->shownText().isEmpty());
            QCOMPARE(chipOf(i)->environment().id, i < 2 ? m_productionId : m_sandboxId);
        }
        QVERIFY(chipOf(0)->environment().color != chipOf(2)->environment().color);
        m_window->selectTab(m_window->tabAt(2)->session());
        QTest::qWait(300);
        const QImage picture = m_window->grab().toImage();
        QVERIFY(!picture.isNull());
        const QString path = qEnvironmentVariable("BEM_TABS_SCREENSHOT");
        if (!path.isEmpty())
            QVERIFY(picture.save(path));
    }

    void removedEnvironment_movesItsTabsToTheDefault()
    {
        openWindow();
        QVERIFY(m_window->openCallInTab(DemoCalls::batch(), m_sandboxId));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->snapshot(), 20'000);
        m_store->remove(m_sandboxId);
        QCOMPARE(m_window->currentTab()->environmentId(), m_store->defaultId());
        QTRY_VERIFY_WITH_TIMEOUT(!m_production->server.requestsFor(DemoCalls::batch()).isEmpty(),
                                 20'000);
        verifyOnlyKey(*m_production, ProductionKey);
        verifyOnlyKey(*m_sandboxApi, SandboxKey);
    }
};

QTEST_MAIN(TestTabEnvironments)
#include "tst_tabenvironments.moc"

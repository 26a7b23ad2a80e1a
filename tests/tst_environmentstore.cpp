// SPDX-License-Identifier: MIT
#include "apiendpoint.h"
#include "apikeystore.h"
#include "environmentstore.h"
#include "keychainsandbox.h"
#include "settingskeys.h"

#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace bem;

namespace {
const QString OldKey = QStringLiteral("bemkey-migrated-Hq4Zr8Tn2Wv6");
const QString SandboxKey = QStringLiteral("bemkey-sandbox-Lm3Xc7Pb5Ks1");
const QString LaunchKey = QStringLiteral("bemkey-launch-Ye9Df2Gu4Jr8");

void waitForKeys(const EnvironmentStore &store)
{
    for (const Environment &env : store.environments())
        QTRY_VERIFY_WITH_TIMEOUT(store.keys(env.id)->isLoaded(), 15'000);
}

// Saves `key` under (service, account) as the app did; where it ended up.
ApiKeyStore::Source saveKey(const QString &service, const QString &account, const QString &key)
{
    ApiKeyStore keys;
    keys.setServiceName(service);
    keys.setAccount(account);
    QSignalSpy saved(&keys, &ApiKeyStore::saved);
    keys.save(key);
    if (!saved.wait(15'000))
        qFatal("the key was not saved");
    return saved.first().first().value<ApiKeyStore::Source>();
}

QStringList ids(const EnvironmentStore &store)
{
    QStringList out;
    for (const Environment &env : store.environments())
        out << env.id;
    return out;
}
} // namespace

// The environments as settings and keychain hold them: an earlier release's single
// connection migrated once into "Default" (its key left where it was), the launch's own
// entry, adding, changing and removing, and never a key in a settings file. On a machine
// with a keychain, keys round-trip through it under a test-only service; on a headless one
// the keychain fails fast and what can be checked is which entry each store reads.
class TestEnvironmentStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::KeychainSandbox> m_sandbox;
    QString m_service;
    int m_file = 0;

    QString newSettingsPath()
    {
        return m_sandbox->home() + QStringLiteral("/settings-%1.ini").arg(++m_file);
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("environments"));
        m_service = m_sandbox->serviceName();
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void cleanup()
    {
        qunsetenv("BEM_API_KEY");
        qunsetenv("BEM_BASE_URL");
    }

    void freshSettings_giveOneDefaultEnvironmentOnBemsApi()
    {
        QSettings settings(newSettingsPath(), QSettings::IniFormat);
        EnvironmentStore store(&settings);
        store.setKeychainService(m_service);
        QSignalSpy changed(&store, &EnvironmentStore::environmentsChanged);
        store.load();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ids(store), QStringList{EnvironmentStore::defaultEnvironmentId()});
        const Environment env = store.environments().first();
        QCOMPARE(env.name, QStringLiteral("Default"));
        QCOMPARE(env.baseUrl, ApiEndpoint::defaultBaseUrl());
        QCOMPARE(env.apiVersion, ApiVersionChoice::Auto);
        QVERIFY(!env.fromProcess);
        QCOMPARE(env.color, EnvironmentColors::palette().first());
        QCOMPARE(store.defaultId(), EnvironmentStore::defaultEnvironmentId());
        waitForKeys(store);
        QVERIFY(!store.keys(env.id)->hasKey());
    }

    // An existing user: base URL, version and the key in the keychain entry "api-key" of
    // the single-connection app. All three are Default's, and only once.
    void oldConnection_becomesDefault_once_keepingItsKey()
    {
        const QString path = newSettingsPath();
        {
            QSettings old(path, QSettings::IniFormat);
            old.setValue(SettingsKeys::baseUrl(), QStringLiteral("https://eu.bem.example/"));
            old.setValue(SettingsKeys::apiVersion(), QStringLiteral("v2"));
        }
        const ApiKeyStore::Source where = saveKey(m_service, ApiKeyStore::defaultAccount(), OldKey);

        QSettings settings(path, QSettings::IniFormat);
        {
            EnvironmentStore store(&settings);
            store.setKeychainService(m_service);
            store.load();
            QCOMPARE(ids(store), QStringList{EnvironmentStore::defaultEnvironmentId()});
            const Environment env = store.environments().first();
            QCOMPARE(env.name, QStringLiteral("Default"));
            QCOMPARE(env.baseUrl, QUrl(QStringLiteral("https://eu.bem.example")));
            QCOMPARE(env.apiVersion, ApiVersionChoice::V2);
            ApiKeyStore *keys = store.keys(env.id);
            QCOMPARE(keys->serviceName(), m_service);
            QCOMPARE(keys->account(), ApiKeyStore::defaultAccount());
            waitForKeys(store);
            if (where == ApiKeyStore::Source::Keychain) {
                QCOMPARE(keys->key(), OldKey);
                QCOMPARE(keys->source(), ApiKeyStore::Source::Keychain);
            } else {
                qInfo("no keychain here: the key's entry is checked, not its value");
                QVERIFY(!keys->keychainProblem().isEmpty());
            }
            Environment renamed = env;
            renamed.name = QStringLiteral("Production");
            store.update(renamed);
        }
        // Later the old keys change (an older release ran): the migration does not run again.
        settings.setValue(SettingsKeys::baseUrl(), QStringLiteral("https://elsewhere.example"));
        EnvironmentStore again(&settings);
        again.setKeychainService(m_service);
        again.load();
        QCOMPARE(again.environments().size(), 1);
        QCOMPARE(again.environments().first().name, QStringLiteral("Production"));
        QCOMPARE(again.environments().first().baseUrl,
                 QUrl(QStringLiteral("https://eu.bem.example")));
        waitForKeys(again);
        again.keys(EnvironmentStore::defaultEnvironmentId())->forget();
        QTest::qWait(100);
    }

    void addUpdateRemove_keepTheOrder_andRemoveForgetsTheKeyEntry()
    {
        const QString path = newSettingsPath();
        QSettings settings(path, QSettings::IniFormat);
        EnvironmentStore store(&settings);
        store.setKeychainService(m_service);
        store.load();
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = QUrl(QStringLiteral("https://sandbox.bem.example"));
        const QString sandboxId = store.add(sandbox);
        Environment prod;
        prod.name = QStringLiteral("Prod EU");
        prod.baseUrl = QUrl(QStringLiteral("https://eu.bem.example"));
        prod.apiVersion = ApiVersionChoice::V3;
        const QString prodId = store.add(prod);
        QVERIFY(sandboxId != prodId);
        QVERIFY(!sandboxId.isEmpty() && sandboxId != EnvironmentStore::defaultEnvironmentId());
        QCOMPARE(ids(store),
                 (QStringList{EnvironmentStore::defaultEnvironmentId(), sandboxId, prodId}));
        // Colours: the palette in order, production red.
        QCOMPARE(store.environment(sandboxId)->color, EnvironmentColors::palette().at(1));
        QCOMPARE(store.environment(prodId)->color, EnvironmentColors::production());
        // Each environment has a keychain entry of its own.
        QCOMPARE(store.keys(sandboxId)->account(), QStringLiteral("api-key/") + sandboxId);
        QVERIFY(store.keys(sandboxId) != store.keys(prodId));
        QVERIFY(!store.keys(sandboxId)->readsEnvironment());

        QSignalSpy changedOne(&store, &EnvironmentStore::environmentChanged);
        Environment renamed = *store.environment(sandboxId);
        renamed.name = QStringLiteral("Staging");
        renamed.color = QColor(Qt::darkCyan);
        store.update(renamed);
        QCOMPARE(changedOne.size(), 1);
        QCOMPARE(changedOne.first().first().toString(), sandboxId);
        store.update(renamed); // nothing new: no signal
        QCOMPARE(changedOne.size(), 1);

        waitForKeys(store);
        const ApiKeyStore::Source where = [&] {
            QSignalSpy saved(store.keys(sandboxId), &ApiKeyStore::saved);
            store.keys(sandboxId)->save(SandboxKey);
            return saved.wait(15'000) ? saved.first().first().value<ApiKeyStore::Source>()
                                      : ApiKeyStore::Source::None;
        }();
        QVERIFY(where != ApiKeyStore::Source::None);
        QCOMPARE(store.otherIdsFor(prodId), QStringList{sandboxId});
        QCOMPARE(store.otherIdsFor(sandboxId), QStringList());

        // A new run reads the same order and values.
        {
            QSettings reread(path, QSettings::IniFormat);
            settings.sync();
            EnvironmentStore later(&reread);
            later.setKeychainService(m_service);
            later.load();
            QCOMPARE(ids(later), ids(store));
            QCOMPARE(later.environment(sandboxId)->name, QStringLiteral("Staging"));
            QCOMPARE(later.environment(sandboxId)->color, QColor(Qt::darkCyan));
            QCOMPARE(later.environment(prodId)->apiVersion, ApiVersionChoice::V3);
            waitForKeys(later);
            if (where == ApiKeyStore::Source::Keychain)
                QCOMPARE(later.keys(sandboxId)->key(), SandboxKey);
            QVERIFY(!later.keys(prodId)->hasKey());
            QVERIFY(!later.keys(EnvironmentStore::defaultEnvironmentId())->hasKey());
        }

        QSignalSpy removed(&store, &EnvironmentStore::removed);
        QPointer<ApiKeyStore> sandboxKeys = store.keys(sandboxId);
        store.remove(sandboxId);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(ids(store), (QStringList{EnvironmentStore::defaultEnvironmentId(), prodId}));
        QVERIFY(!store.keys(sandboxId));
        QVERIFY(!sandboxKeys || !sandboxKeys->hasKey());
        QTRY_VERIFY(!sandboxKeys);
        settings.sync();
        QVERIFY(!settings.childGroups().isEmpty());
        settings.beginGroup(QStringLiteral("environments"));
        QVERIFY(!settings.childGroups().contains(sandboxId));
        settings.endGroup();
        // Its keychain entry is gone: a store on the same entry finds nothing.
        QTest::qWait(200);
        ApiKeyStore probe;
        probe.setServiceName(m_service);
        probe.setAccount(EnvironmentStore::keychainAccountFor(sandboxId));
        QSignalSpy loaded(&probe, &ApiKeyStore::loaded);
        probe.load();
        QVERIFY(loaded.wait(15'000));
        QVERIFY(!probe.hasKey());

        // The last saved environment stays.
        store.remove(prodId);
        store.remove(EnvironmentStore::defaultEnvironmentId());
        QCOMPARE(ids(store), QStringList{EnvironmentStore::defaultEnvironmentId()});
    }

    // BEM_API_KEY and BEM_BASE_URL make an entry of their own, first, not saved; Default's
    // key store does not see BEM_API_KEY (its keychain entry is never shadowed).
    void launchConnection_isItsOwnEntry()
    {
        qputenv("BEM_API_KEY", LaunchKey.toUtf8());
        qputenv("BEM_BASE_URL", "http://127.0.0.1:9/");
        QSettings settings(newSettingsPath(), QSettings::IniFormat);
        EnvironmentStore store(&settings);
        store.setKeychainService(m_service);
        store.setLaunchConnection(QString(), ApiVersionChoice::V3);
        store.load();
        QCOMPARE(ids(store), (QStringList{EnvironmentStore::processId(),
                                          EnvironmentStore::defaultEnvironmentId()}));
        QCOMPARE(store.defaultId(), EnvironmentStore::processId());
        const Environment launch = *store.environment(EnvironmentStore::processId());
        QVERIFY(launch.fromProcess);
        QCOMPARE(launch.name, QStringLiteral("BEM_API_KEY"));
        QCOMPARE(launch.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(launch.apiVersion, ApiVersionChoice::V3);
        QCOMPARE(store.launchSource(), QStringLiteral("BEM_API_KEY, BEM_BASE_URL, --api"));
        QVERIFY(store.launchProblem().isEmpty());
        waitForKeys(store);
        QCOMPARE(store.keys(EnvironmentStore::processId())->key(), LaunchKey);
        QCOMPARE(store.keys(EnvironmentStore::processId())->source(),
                 ApiKeyStore::Source::Environment);
        QVERIFY(!store.keys(EnvironmentStore::defaultEnvironmentId())->hasKey());
        // Never saved, and it cannot be changed or removed.
        settings.sync();
        QCOMPARE(settings.value(QStringLiteral("environments/list")).toStringList(),
                 QStringList{EnvironmentStore::defaultEnvironmentId()});
        Environment renamed = launch;
        renamed.name = QStringLiteral("Mine");
        store.update(renamed);
        store.remove(launch.id);
        QCOMPARE(store.environment(launch.id)->name, QStringLiteral("BEM_API_KEY"));
        QVERIFY(!settings.allKeys().join(u' ').contains(EnvironmentStore::processId()));

        // The command line's URL wins over BEM_BASE_URL; a bad one is said and not used.
        EnvironmentStore bad(&settings);
        bad.setKeychainService(m_service);
        bad.setLaunchConnection(QStringLiteral("ftp://nope"), std::nullopt);
        bad.load();
        QVERIFY(!bad.launchProblem().isEmpty());
        QVERIFY(bad.environment(EnvironmentStore::processId())->baseUrl.isValid());
        waitForKeys(bad);
    }

    void noLaunchSettings_noProcessEntry()
    {
        QSettings settings(newSettingsPath(), QSettings::IniFormat);
        EnvironmentStore store(&settings);
        store.setKeychainService(m_service);
        store.setLaunchConnection(QStringLiteral("  "), std::nullopt);
        store.load();
        QVERIFY(!store.environment(EnvironmentStore::processId()));
        QVERIFY(!store.keys(EnvironmentStore::processId()));
        waitForKeys(store);
    }

    // Keys saved for two environments: the settings file has their names and URLs, and
    // neither key in any form.
    void savedKeys_reachNoSettingsFile()
    {
        const QString path = newSettingsPath();
        QSettings settings(path, QSettings::IniFormat);
        EnvironmentStore store(&settings);
        store.setKeychainService(m_service);
        store.load();
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = QUrl(QStringLiteral("https://sandbox.bem.example"));
        const QString sandboxId = store.add(sandbox);
        waitForKeys(store);
        for (const auto &[id, key] : {std::pair{EnvironmentStore::defaultEnvironmentId(), OldKey},
                                      std::pair{sandboxId, SandboxKey}}) {
            QSignalSpy saved(store.keys(id), &ApiKeyStore::saved);
            store.keys(id)->save(key);
            QVERIFY(saved.wait(15'000));
            QCOMPARE(store.keys(id)->key(), key);
        }
        settings.sync();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("sandbox.bem.example"));
        QVERIFY(bytes.contains("Sandbox"));
        for (const QString &key : {OldKey, SandboxKey}) {
            QVERIFY(!bytes.contains(key.toUtf8()));
            QVERIFY(!bytes.contains(key.toUtf8().right(8)));
            QVERIFY(!bytes.contains(key.toUtf8().toBase64()));
        }
        QCOMPARE(m_sandbox->filesContaining(OldKey.toUtf8()), QStringList());
        QCOMPARE(m_sandbox->filesContaining(SandboxKey.toUtf8()), QStringList());
        store.keys(sandboxId)->forget();
        store.keys(EnvironmentStore::defaultEnvironmentId())->forget();
        QTest::qWait(100);
    }

    void colours_productionRed_othersCalm()
    {
        QVERIFY(EnvironmentColors::isProductionLike(QStringLiteral("Production")));
        QVERIFY(EnvironmentColors::isProductionLike(QStringLiteral("EU prod")));
        QVERIFY(EnvironmentColors::isProductionLike(QStringLiteral("LIVE-us")));
        QVERIFY(!EnvironmentColors::isProductionLike(QStringLiteral("Product team")));
        QVERIFY(!EnvironmentColors::isProductionLike(QStringLiteral("Sandbox")));
        QCOMPARE(EnvironmentColors::defaultFor(QStringLiteral("prod"), {}),
                 EnvironmentColors::production());
        const QList<QColor> &palette = EnvironmentColors::palette();
        QCOMPARE(EnvironmentColors::defaultFor(QStringLiteral("a"), {}), palette.at(0));
        QCOMPARE(EnvironmentColors::defaultFor(QStringLiteral("b"), {palette.at(0)}),
                 palette.at(1));
        QVERIFY(!palette.contains(EnvironmentColors::production()));
        QCOMPARE(EnvironmentColors::textOn(palette.at(0)), QColor(Qt::white));
        QCOMPARE(EnvironmentColors::textOn(QColor(Qt::yellow)), QColor(Qt::black));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentStore)
#include "tst_environmentstore.moc"

// SPDX-License-Identifier: MIT
#include "apikeystore.h"
#include "keychainsandbox.h"

#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace bem;

namespace {
const QString SecretKey = QStringLiteral("sk_live_keystore_test_5d41402abc4b2a76");
}

// The key store with the real QtKeychain library. On a machine with a Secret Service the
// key round-trips through it (under a test-only service name); on a headless machine (CI)
// the keychain fails fast and the key must stay in memory for the session. Either way no
// file the app could write may contain the key.
class TestApiKeyStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::KeychainSandbox> m_sandbox;
    QString m_service;

    QStringList filesContainingKey() const
    {
        return m_sandbox->filesContaining(SecretKey.toUtf8());
    }

private slots:
    void initTestCase()
    {
        // Everything the app (or QtKeychain's fallbacks) might write lands in its home.
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("keystore"));
        m_service = m_sandbox->serviceName();
        QCoreApplication::setOrganizationName(QStringLiteral("bem"));
        QCoreApplication::setApplicationName(QStringLiteral("bem-call-inspector-test"));
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void environmentWins()
    {
        qputenv("BEM_API_KEY", "  sk_from_environment_1234  ");
        ApiKeyStore store;
        store.setServiceName(m_service);
        QSignalSpy loaded(&store, &ApiKeyStore::loaded);
        store.load();
        QCOMPARE(loaded.size(), 0); // queued, never from inside load()
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(store.key(), QStringLiteral("sk_from_environment_1234"));
        QCOMPARE(store.source(), ApiKeyStore::Source::Environment);
        QVERIFY(ApiKeyStore::environmentHasKey());
        qunsetenv("BEM_API_KEY");
        QVERIFY(!ApiKeyStore::environmentHasKey());
    }

    // Typed in Settings while BEM_API_KEY is set: the typed key is the one used from now on
    // (the old store kept the environment's and every refresh got a 401).
    void savedKey_replacesTheEnvironmentsForThisRun()
    {
        qputenv("BEM_API_KEY", "sk_from_environment_1234");
        ApiKeyStore store;
        store.setServiceName(m_service);
        QSignalSpy loaded(&store, &ApiKeyStore::loaded);
        store.load();
        QTRY_COMPARE(loaded.size(), 1);
        QSignalSpy saved(&store, &ApiKeyStore::saved);
        store.save(QStringLiteral("sk_typed_in_settings_5678"));
        QTRY_COMPARE(saved.size(), 1);
        qunsetenv("BEM_API_KEY");
        QCOMPARE(store.key(), QStringLiteral("sk_typed_in_settings_5678"));
        QVERIFY(store.source() != ApiKeyStore::Source::Environment);
        store.forget();
        QTest::qWait(100);
    }

    void saveThenLoad_keychainOrSessionOnly_neverAFile()
    {
        ApiKeyStore store;
        store.setServiceName(m_service);
        QSignalSpy saved(&store, &ApiKeyStore::saved);
        store.save(QStringLiteral("  ") + SecretKey + QStringLiteral("\n"));
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() == 1, 15'000);
        const auto where = saved.first().first().value<ApiKeyStore::Source>();
        QCOMPARE(store.key(), SecretKey);
        QCOMPARE(store.source(), where);

        // What a new run of the app finds.
        ApiKeyStore later;
        later.setServiceName(m_service);
        QSignalSpy loaded(&later, &ApiKeyStore::loaded);
        later.load();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() == 1, 15'000);

        if (where == ApiKeyStore::Source::Keychain) {
            QVERIFY(store.keychainProblem().isEmpty());
            QCOMPARE(later.key(), SecretKey);
            QCOMPARE(later.source(), ApiKeyStore::Source::Keychain);
        } else {
            // No keychain here (a headless machine): the user is told, and the key lives
            // only in this process.
            QCOMPARE(where, ApiKeyStore::Source::Session);
            QVERIFY(store.keychainProblem().contains(QStringLiteral("this session only")));
            QVERIFY(!store.keychainProblem().contains(SecretKey));
            QVERIFY(!later.hasKey());
            QVERIFY(!later.keychainProblem().isEmpty());
        }
        // Settings as the app writes them, flushed, must not hold the key either.
        QSettings settings;
        settings.setValue(QStringLiteral("probe"), 1);
        settings.sync();
        QCOMPARE(filesContainingKey(), QStringList());
    }

    void forget_clearsTheSessionKey()
    {
        ApiKeyStore store;
        store.setServiceName(m_service);
        QSignalSpy saved(&store, &ApiKeyStore::saved);
        store.save(SecretKey);
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() == 1, 15'000);
        QVERIFY(store.hasKey());
        store.forget();
        QVERIFY(!store.hasKey());
        QCOMPARE(store.source(), ApiKeyStore::Source::None);
    }

    // An environment's own entry: BEM_API_KEY is the launch's key, not this entry's, so it
    // must not shadow what the keychain holds for it.
    void storeNotReadingTheEnvironment_ignoresBemApiKey()
    {
        qputenv("BEM_API_KEY", "sk_from_environment_1234");
        ApiKeyStore store;
        store.setServiceName(m_service);
        store.setAccount(QStringLiteral("api-key/env-test"));
        store.setReadsEnvironment(false);
        QSignalSpy loaded(&store, &ApiKeyStore::loaded);
        store.load();
        QVERIFY(loaded.wait(15'000));
        qunsetenv("BEM_API_KEY");
        QVERIFY(!store.hasKey());
        QVERIFY(store.source() != ApiKeyStore::Source::Environment);
    }

    // Two accounts of one service are two keys.
    void accounts_holdTheirOwnKeys()
    {
        ApiKeyStore first;
        first.setServiceName(m_service);
        first.setAccount(QStringLiteral("api-key/one"));
        QSignalSpy saved(&first, &ApiKeyStore::saved);
        first.save(SecretKey);
        QVERIFY(saved.wait(15'000));
        ApiKeyStore second;
        second.setServiceName(m_service);
        second.setAccount(QStringLiteral("api-key/two"));
        QSignalSpy loaded(&second, &ApiKeyStore::loaded);
        second.load();
        QVERIFY(loaded.wait(15'000));
        QVERIFY(!second.hasKey());
        first.forget();
        QTest::qWait(100);
    }

    // No account: BEM_API_KEY or a key for this session, never the keychain.
    void noAccount_keepsATypedKeyForTheSessionOnly()
    {
        ApiKeyStore store;
        store.setServiceName(m_service);
        store.setAccount(QString());
        QSignalSpy loaded(&store, &ApiKeyStore::loaded);
        store.load();
        QCOMPARE(loaded.size(), 0);
        QVERIFY(loaded.wait(1000));
        QVERIFY(!store.hasKey());
        QVERIFY(store.keychainProblem().isEmpty());
        QSignalSpy saved(&store, &ApiKeyStore::saved);
        store.save(SecretKey);
        QVERIFY(saved.wait(1000));
        QCOMPARE(saved.first().first().value<ApiKeyStore::Source>(), ApiKeyStore::Source::Session);
        QCOMPARE(store.key(), SecretKey);
        QVERIFY(store.keychainProblem().isEmpty());
        store.forget();
        QVERIFY(!store.hasKey());
    }

    void masked_showsAtMostTheLastFour()
    {
        QCOMPARE(ApiKeyStore::masked(SecretKey), QStringLiteral("\u2022\u2022\u2022\u20222a76"));
        QCOMPARE(ApiKeyStore::masked(QStringLiteral("short-key")),
                 QStringLiteral("\u2022\u2022\u2022\u2022"));
        QCOMPARE(ApiKeyStore::masked(QString()), QString());
        QVERIFY(!ApiKeyStore::masked(SecretKey).contains(SecretKey.left(8)));
    }
};

QTEST_GUILESS_MAIN(TestApiKeyStore)
#include "tst_apikeystore.moc"

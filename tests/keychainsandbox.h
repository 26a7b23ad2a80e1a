// SPDX-License-Identifier: MIT
#pragma once

#include "apikeystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace bem::test {

// What the key tests share: a home of the test's own, where everything the app, Qt or
// QtKeychain's fallbacks might write lands (HOME, the XDG directories, TMPDIR), a keychain
// entry of the test's own (a service name no user has), no BEM_API_KEY while it lives, and
// on destruction the entry removed and BEM_API_KEY as it was. Create it in initTestCase
// (QCoreApplication must exist), destroy it in cleanupTestCase.
class KeychainSandbox
{
public:
    explicit KeychainSandbox(const QString &suite)
        : m_service(QStringLiteral("bem-call-inspector-test-%1-%2")
                        .arg(suite)
                        .arg(QCoreApplication::applicationPid()))
        , m_hadEnvironmentKey(qEnvironmentVariableIsSet("BEM_API_KEY"))
        , m_savedEnvironmentKey(qgetenv("BEM_API_KEY"))
    {
        if (!m_home.isValid())
            qFatal("no temporary directory for the test's home");
        const QString root = m_home.path();
        qputenv("HOME", root.toUtf8());
        for (const char *var :
             {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR"}) {
            const QString dir = root + u'/' + QString::fromLatin1(var).toLower();
            QDir().mkpath(dir);
            qputenv(var, dir.toUtf8());
        }
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("BEM_API_KEY");
    }
    ~KeychainSandbox()
    {
        ApiKeyStore store;
        store.setServiceName(m_service);
        store.forget();
        QTest::qWait(100); // the keychain job ends on the event loop
        if (m_hadEnvironmentKey)
            qputenv("BEM_API_KEY", m_savedEnvironmentKey);
        else
            qunsetenv("BEM_API_KEY");
    }
    Q_DISABLE_COPY_MOVE(KeychainSandbox)

    QString home() const { return m_home.path(); }
    // The keychain service name for this test's stores (ApiKeyStore::setServiceName).
    const QString &serviceName() const { return m_service; }

    // Every file under the home that contains `secret`, as paths.
    QStringList filesContaining(const QByteArray &secret) const
    {
        QStringList hits;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(secret))
                hits << f.fileName();
        }
        return hits;
    }

private:
    QTemporaryDir m_home;
    QString m_service;
    bool m_hadEnvironmentKey;
    QByteArray m_savedEnvironmentKey;
};

} // namespace bem::test

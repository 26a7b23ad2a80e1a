// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

namespace bem {

// Where the API key comes from, in order: BEM_API_KEY (as bem's own SDKs and CLI do),
// then the OS keychain (Secret Service, KWallet, … through QtKeychain) where the user
// saved it. When the keychain cannot be used (a headless machine has none) a saved key is
// held for this session only and the store says why. The key is never written to a
// settings file or any other plain file, and never logged.
class ApiKeyStore final : public QObject
{
    Q_OBJECT
public:
    enum class Source { None, Environment, Keychain, Session };
    Q_ENUM(Source)

    explicit ApiKeyStore(QObject *parent = nullptr);
    ~ApiKeyStore() override;
    Q_DISABLE_COPY_MOVE(ApiKeyStore)

    // The keychain entry is (service, account): "api-key" unless told otherwise (each
    // environment has its own account). Tests use their own service so a developer's real
    // key is never touched.
    void setServiceName(const QString &service) { m_service = service; }
    QString serviceName() const { return m_service; }
    static QString defaultAccount();
    // An empty account means no keychain at all: the key is BEM_API_KEY's (when read) or
    // one given for this session only.
    void setAccount(const QString &account) { m_account = account; }
    QString account() const { return m_account; }
    // Whether load() takes BEM_API_KEY first (the default). An environment with a keychain
    // entry of its own must not have that entry shadowed by a key meant for another one.
    void setReadsEnvironment(bool reads) { m_readsEnvironment = reads; }
    bool readsEnvironment() const { return m_readsEnvironment; }

    // Finds the key: the environment at once (when read), else a keychain read; loaded()
    // follows either way (queued, never from inside this call).
    void load();
    bool isLoaded() const { return m_loaded; }

    QString key() const { return m_key; }
    Source source() const { return m_source; }
    bool hasKey() const { return !m_key.isEmpty(); }
    // BEM_API_KEY is set, so a key saved in Settings is not the one in use.
    static bool environmentHasKey();

    // Saves the key in the keychain; on failure keeps it for this session only and sets
    // keychainProblem(). saved() follows with where it ended up. The saved key is in use at
    // once, even over BEM_API_KEY (until the app restarts and reads the environment again).
    void save(const QString &key);
    // Removes the saved key from the keychain and from this session.
    void forget();
    // Removes the keychain entry only, leaving the key in use (an environment being
    // deleted while a tab may still hold its key until the tab closes).
    void forgetEntry();

    // Why the keychain could not be used, in words for the user; empty when it worked.
    QString keychainProblem() const { return m_problem; }

    // "••••cdef": at most the last four characters, none for a short key.
    static QString masked(const QString &key);
    static QString sourceDescription(Source source);

Q_SIGNALS:
    void loaded();
    void saved(bem::ApiKeyStore::Source where);
    void keyChanged();

private:
    void setKey(const QString &key, Source source);
    static QString describeKeychainError(int error);

    QString m_service = QStringLiteral("bem-call-inspector");
    QString m_account = defaultAccount();
    bool m_readsEnvironment = true;
    QString m_key;
    Source m_source = Source::None;
    QString m_problem;
    bool m_loaded = false;
};

} // namespace bem

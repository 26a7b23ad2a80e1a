// SPDX-License-Identifier: MIT
#pragma once

#include "apiversionchoice.h"
#include "environment.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace bem {

class ApiKeyStore;

// The user's bem environments, in their order, each with a key store of its own (its own
// keychain entry), plus the launch's own connection when BEM_API_KEY, BEM_BASE_URL,
// --base-url or --api is set. Settings hold names, URLs, versions and colours under
// "environments/", never a key.
//
// An existing user's single connection ("connection/baseUrl", "connection/apiVersion" and
// the keychain entry "api-key") becomes the "Default" environment once; its key stays in
// that same keychain entry.
class EnvironmentStore final : public QObject
{
    Q_OBJECT
public:
    explicit EnvironmentStore(QSettings *settings, QObject *parent = nullptr);
    ~EnvironmentStore() override;
    Q_DISABLE_COPY_MOVE(EnvironmentStore)

    static QString defaultEnvironmentId() { return QStringLiteral("default"); }
    static QString processId() { return QStringLiteral("process"); }
    // The keychain account holding an environment's key: "api-key" for Default (where the
    // single-connection app kept it), "api-key/<id>" for the others, none for "process"
    // (its key is BEM_API_KEY's).
    static QString keychainAccountFor(const QString &id);

    // The keychain service of every entry; tests use their own so a user's real entries are
    // never touched. Call before load().
    void setKeychainService(const QString &service);
    QString keychainService() const { return m_service; }
    // The launch's own connection (--base-url, --api, BEM_BASE_URL, BEM_API_KEY): when any
    // is set it appears as its own entry, id "process". Call before load().
    void setLaunchConnection(const QString &cliBaseUrl, std::optional<ApiVersionChoice> cliApi);
    // Why the launch's base URL was not taken (not an http(s) URL with a host), in words for
    // the user; empty when it was.
    QString launchProblem() const { return m_launchProblem; }
    // What set the "process" entry, for the user: "BEM_API_KEY, --base-url".
    QString launchSource() const { return m_launchSource; }

    // Reads settings (migrating the old single connection once into "Default"), makes one
    // ApiKeyStore per entry and starts their loads. Call once.
    void load();

    QList<Environment> environments() const; // "process" first, then the user's order
    std::optional<Environment> environment(const QString &id) const;
    // What a new tab takes when there is no current one: "process" when the launch set a
    // connection, else the first of the user's.
    QString defaultId() const;
    // That environment's key store (null for an unknown id). The store owns it; it is
    // deleted a moment after remove().
    ApiKeyStore *keys(const QString &id) const;

    // Saves a new environment (a fresh id; the default colour when none is given) at the
    // end of the list, starts its key store loading, and returns its id.
    QString add(Environment env);
    // Saves name, URL, version and colour of an existing saved environment ("process"
    // cannot be changed); environmentChanged(id).
    void update(const Environment &env);
    // Forgets a saved environment and its keychain entry; removed(id). The last saved one
    // and "process" stay.
    void remove(const QString &id);
    // Puts the saved environments in the order of `ids` (saved ones not named keep their
    // order after those named; unknown ids are ignored) and saves it; "process" stays
    // first. environmentsChanged() when the order changed.
    void setOrder(const QStringList &ids);
    // The other environments with a key, in order: where "Try in <other>" may look for a
    // call that `id` does not know.
    QStringList otherIdsFor(const QString &id) const;

Q_SIGNALS:
    void environmentsChanged();
    void environmentChanged(const QString &id);
    void removed(const QString &id);

private:
    void migrateOnce();
    void readSaved();
    void addProcessEntry();
    QString describeLaunch() const;
    void saveList();
    void saveEntry(const Environment &env);
    ApiKeyStore *makeKeys(const QString &id);
    QString newId() const;
    QList<QColor> takenColors() const;

    QSettings *m_settings;
    QString m_service;
    QString m_cliBaseUrl;
    std::optional<ApiVersionChoice> m_cliApi;
    QString m_launchProblem;
    QString m_launchSource;
    QList<Environment> m_environments;
    QHash<QString, QPointer<ApiKeyStore>> m_keys;
};

} // namespace bem

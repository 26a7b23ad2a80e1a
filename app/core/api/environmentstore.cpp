// SPDX-License-Identifier: MIT
#include "environmentstore.h"

#include "apiendpoint.h"
#include "apikeystore.h"
#include "settingskeys.h"

#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace bem {

namespace {

const QString Group = QStringLiteral("environments");

QString listKey()
{
    return Group + QStringLiteral("/list");
}

QString migratedKey()
{
    return Group + QStringLiteral("/migrated");
}

QString entryKey(const QString &id, const QString &field)
{
    return Group + u'/' + id + u'/' + field;
}

} // namespace

EnvironmentStore::EnvironmentStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_service(ApiKeyStore().serviceName())
{}

EnvironmentStore::~EnvironmentStore() = default;

QString EnvironmentStore::keychainAccountFor(const QString &id)
{
    if (id == processId())
        return QString();
    if (id == defaultEnvironmentId())
        return ApiKeyStore::defaultAccount();
    return ApiKeyStore::defaultAccount() + u'/' + id;
}

void EnvironmentStore::setKeychainService(const QString &service)
{
    m_service = service;
    for (const QPointer<ApiKeyStore> &keys : std::as_const(m_keys)) {
        if (keys)
            keys->setServiceName(service);
    }
}

void EnvironmentStore::setLaunchConnection(const QString &cliBaseUrl,
                                           std::optional<ApiVersionChoice> cliApi)
{
    m_cliBaseUrl = cliBaseUrl.trimmed();
    m_cliApi = cliApi;
}

QString EnvironmentStore::describeLaunch() const
{
    QStringList parts;
    if (ApiKeyStore::environmentHasKey())
        parts << QStringLiteral("BEM_API_KEY");
    if (!qEnvironmentVariable("BEM_BASE_URL").trimmed().isEmpty())
        parts << QStringLiteral("BEM_BASE_URL");
    if (!m_cliBaseUrl.isEmpty())
        parts << QStringLiteral("--base-url");
    if (m_cliApi)
        parts << QStringLiteral("--api");
    return parts.join(QStringLiteral(", "));
}

void EnvironmentStore::load()
{
    migrateOnce();
    readSaved();
    addProcessEntry();
    for (const Environment &env : std::as_const(m_environments))
        makeKeys(env.id)->load();
    Q_EMIT environmentsChanged();
}

void EnvironmentStore::migrateOnce()
{
    if (m_settings->value(migratedKey()).toBool())
        return;
    if (m_settings->value(listKey()).toStringList().isEmpty()) {
        // The single connection of earlier releases; its key stays in the keychain entry
        // it was saved in (Default's account is that entry).
        Environment env;
        env.id = defaultEnvironmentId();
        env.name = tr("Default");
        const QUrl saved =
            ApiEndpoint::normalizedBaseUrl(m_settings->value(SettingsKeys::baseUrl()).toString());
        env.baseUrl = saved.isValid() ? saved : ApiEndpoint::defaultBaseUrl();
        env.apiVersion =
            apiVersionChoiceFromName(m_settings->value(SettingsKeys::apiVersion()).toString())
                .value_or(ApiVersionChoice::Auto);
        env.color = EnvironmentColors::defaultFor(env.name, {});
        saveEntry(env);
        m_settings->setValue(listKey(), QStringList{env.id});
    }
    m_settings->setValue(migratedKey(), true);
}

void EnvironmentStore::readSaved()
{
    m_environments.clear();
    QStringList ids = m_settings->value(listKey()).toStringList();
    ids.removeAll(processId());
    ids.removeDuplicates();
    for (const QString &id : std::as_const(ids)) {
        Environment env;
        env.id = id;
        env.name = m_settings->value(entryKey(id, QStringLiteral("name"))).toString();
        if (env.name.trimmed().isEmpty())
            env.name = id == defaultEnvironmentId() ? tr("Default") : id;
        const QUrl url = ApiEndpoint::normalizedBaseUrl(
            m_settings->value(entryKey(id, QStringLiteral("baseUrl"))).toString());
        env.baseUrl = url.isValid() ? url : ApiEndpoint::defaultBaseUrl();
        env.apiVersion =
            apiVersionChoiceFromName(
                m_settings->value(entryKey(id, QStringLiteral("apiVersion"))).toString())
                .value_or(ApiVersionChoice::Auto);
        env.color = QColor(m_settings->value(entryKey(id, QStringLiteral("color"))).toString());
        if (!env.color.isValid())
            env.color = EnvironmentColors::defaultFor(env.name, takenColors());
        m_environments.append(env);
    }
    if (m_environments.isEmpty()) {
        // A settings file edited by hand down to nothing: there is always somewhere to go.
        Environment env;
        env.id = defaultEnvironmentId();
        env.name = tr("Default");
        env.baseUrl = ApiEndpoint::defaultBaseUrl();
        env.color = EnvironmentColors::defaultFor(env.name, {});
        m_environments.append(env);
        saveEntry(env);
        saveList();
    }
}

void EnvironmentStore::addProcessEntry()
{
    const QString envBaseUrl = qEnvironmentVariable("BEM_BASE_URL").trimmed();
    const bool urlGiven = !m_cliBaseUrl.isEmpty() || !envBaseUrl.isEmpty();
    if (!urlGiven && !m_cliApi && !ApiKeyStore::environmentHasKey())
        return;
    m_launchSource = describeLaunch();
    Environment env;
    env.id = processId();
    env.fromProcess = true;
    // Only a key given to the launch names the entry after it; a URL alone, its host.
    const Environment &first = m_environments.first();
    m_launchProblem.clear();
    if (urlGiven)
        env.baseUrl = ApiEndpoint::resolveBaseUrl(m_cliBaseUrl, envBaseUrl, &m_launchProblem);
    else
        env.baseUrl = first.baseUrl; // BEM_API_KEY alone: the URL the user chose, as before
    env.apiVersion = m_cliApi.value_or(urlGiven ? ApiVersionChoice::Auto : first.apiVersion);
    if (ApiKeyStore::environmentHasKey())
        env.name = QStringLiteral("BEM_API_KEY");
    else if (urlGiven)
        env.name = env.baseUrl.port() < 0
                       ? env.baseUrl.host()
                       : env.baseUrl.host() + u':' + QString::number(env.baseUrl.port());
    else
        env.name = tr("Launch options");
    env.color = EnvironmentColors::defaultFor(env.name, takenColors());
    m_environments.prepend(env);
}

QList<Environment> EnvironmentStore::environments() const
{
    return m_environments;
}

std::optional<Environment> EnvironmentStore::environment(const QString &id) const
{
    for (const Environment &env : m_environments) {
        if (env.id == id)
            return env;
    }
    return std::nullopt;
}

QString EnvironmentStore::defaultId() const
{
    return m_environments.isEmpty() ? QString() : m_environments.first().id;
}

ApiKeyStore *EnvironmentStore::keys(const QString &id) const
{
    return m_keys.value(id);
}

QString EnvironmentStore::add(Environment env)
{
    env.id = newId();
    env.fromProcess = false;
    if (!env.color.isValid())
        env.color = EnvironmentColors::defaultFor(env.name, takenColors());
    m_environments.append(env);
    saveEntry(env);
    saveList();
    makeKeys(env.id)->load();
    Q_EMIT environmentsChanged();
    return env.id;
}

void EnvironmentStore::update(const Environment &env)
{
    for (Environment &existing : m_environments) {
        if (existing.id != env.id || existing.fromProcess)
            continue;
        Environment changed = env;
        changed.fromProcess = false;
        if (!changed.color.isValid())
            changed.color = existing.color;
        if (changed == existing)
            return;
        existing = changed;
        saveEntry(existing);
        Q_EMIT environmentChanged(existing.id);
        Q_EMIT environmentsChanged();
        return;
    }
}

void EnvironmentStore::remove(const QString &id)
{
    const auto saved = std::count_if(m_environments.cbegin(), m_environments.cend(),
                                     [](const Environment &e) { return !e.fromProcess; });
    const auto it = std::find_if(m_environments.begin(), m_environments.end(),
                                 [&id](const Environment &e) { return e.id == id; });
    if (it == m_environments.end() || it->fromProcess || saved <= 1)
        return;
    m_environments.erase(it);
    m_settings->remove(Group + u'/' + id);
    saveList();
    if (ApiKeyStore *keys = m_keys.take(id)) {
        // The entry goes at once; the store itself a moment later, after those still
        // holding it have heard removed().
        keys->forget();
        keys->deleteLater();
    }
    Q_EMIT removed(id);
    Q_EMIT environmentsChanged();
}

void EnvironmentStore::setOrder(const QStringList &ids)
{
    QList<Environment> ordered;
    for (const Environment &env : std::as_const(m_environments)) {
        if (env.fromProcess)
            ordered.append(env); // not the user's to move: it is not saved
    }
    for (const QString &id : ids) {
        for (const Environment &env : std::as_const(m_environments)) {
            if (env.id == id && !env.fromProcess && !ordered.contains(env))
                ordered.append(env);
        }
    }
    for (const Environment &env : std::as_const(m_environments)) {
        if (!ordered.contains(env))
            ordered.append(env);
    }
    if (ordered == m_environments)
        return;
    m_environments = ordered;
    saveList();
    Q_EMIT environmentsChanged();
}

QStringList EnvironmentStore::otherIdsFor(const QString &id) const
{
    QStringList ids;
    for (const Environment &env : m_environments) {
        const ApiKeyStore *keys = m_keys.value(env.id);
        if (env.id != id && keys && keys->hasKey())
            ids << env.id;
    }
    return ids;
}

void EnvironmentStore::saveList()
{
    QStringList ids;
    for (const Environment &env : std::as_const(m_environments)) {
        if (!env.fromProcess)
            ids << env.id;
    }
    m_settings->setValue(listKey(), ids);
}

void EnvironmentStore::saveEntry(const Environment &env)
{
    m_settings->setValue(entryKey(env.id, QStringLiteral("name")), env.name);
    m_settings->setValue(entryKey(env.id, QStringLiteral("baseUrl")), env.baseUrl.toString());
    m_settings->setValue(entryKey(env.id, QStringLiteral("apiVersion")),
                         apiVersionChoiceName(env.apiVersion));
    m_settings->setValue(entryKey(env.id, QStringLiteral("color")), env.color.name(QColor::HexRgb));
}

ApiKeyStore *EnvironmentStore::makeKeys(const QString &id)
{
    if (ApiKeyStore *existing = m_keys.value(id))
        return existing;
    auto *keys = new ApiKeyStore(this);
    keys->setObjectName(QStringLiteral("keys-") + id);
    keys->setServiceName(m_service);
    keys->setAccount(keychainAccountFor(id));
    // BEM_API_KEY is the launch's key, not Default's: a saved environment only ever sends
    // the key saved for it.
    keys->setReadsEnvironment(id == processId());
    m_keys.insert(id, keys);
    return keys;
}

QString EnvironmentStore::newId() const
{
    for (;;) {
        const QString id =
            QStringLiteral("env-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        if (!environment(id))
            return id;
    }
}

QList<QColor> EnvironmentStore::takenColors() const
{
    QList<QColor> colors;
    for (const Environment &env : m_environments)
        colors << env.color;
    return colors;
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "apikeystore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace bem {

ApiKeyStore::ApiKeyStore(QObject *parent)
    : QObject(parent)
{}

ApiKeyStore::~ApiKeyStore() = default;

QString ApiKeyStore::defaultAccount()
{
    return QStringLiteral("api-key");
}

bool ApiKeyStore::environmentHasKey()
{
    return !qEnvironmentVariable("BEM_API_KEY").trimmed().isEmpty();
}

void ApiKeyStore::load()
{
    m_loaded = false;
    const QString fromEnvironment =
        m_readsEnvironment ? qEnvironmentVariable("BEM_API_KEY").trimmed() : QString();
    if (!fromEnvironment.isEmpty() || m_account.isEmpty()) {
        if (!fromEnvironment.isEmpty())
            setKey(fromEnvironment, Source::Environment);
        m_loaded = true;
        QMetaObject::invokeMethod(this, &ApiKeyStore::loaded, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(m_account);
    // Never setInsecureFallback: on the KWallet path it writes the key in plain text.
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError) {
            m_problem.clear();
            // A key saved for this session only stays when the keychain has none.
            if (!job->textData().isEmpty())
                setKey(job->textData(), Source::Keychain);
        } else if (job->error() == QKeychain::EntryNotFound) {
            m_problem.clear();
        } else {
            m_problem = describeKeychainError(job->error());
        }
        m_loaded = true;
        Q_EMIT loaded();
    });
    job->start();
}

void ApiKeyStore::save(const QString &key)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty()) {
        forget();
        return;
    }
    if (m_account.isEmpty()) {
        // No entry of its own: the key lives in this process only, which is no problem to
        // report (nothing was refused).
        setKey(trimmed, Source::Session);
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT saved(Source::Session); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(m_account);
    job->setTextData(trimmed);
    connect(job, &QKeychain::Job::finished, this, [this, job, trimmed] {
        const bool inKeychain = job->error() == QKeychain::NoError;
        m_problem = inKeychain ? QString() : describeKeychainError(job->error());
        const Source where = inKeychain ? Source::Keychain : Source::Session;
        // A key the user just typed is the one they mean: it replaces BEM_API_KEY for
        // this run (the environment wins again at the next start).
        setKey(trimmed, where);
        Q_EMIT saved(where);
    });
    job->start();
}

void ApiKeyStore::forget()
{
    forgetEntry();
    if (m_source != Source::Environment)
        setKey(QString(), Source::None);
}

void ApiKeyStore::forgetEntry()
{
    if (m_account.isEmpty())
        return;
    // No parent: the entry is removed even when this store is deleted meanwhile (an
    // environment removed).
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(m_account);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            m_problem = describeKeychainError(job->error());
    });
    job->start();
}

void ApiKeyStore::setKey(const QString &key, Source source)
{
    if (key == m_key && source == m_source)
        return;
    m_key = key;
    m_source = key.isEmpty() ? Source::None : source;
    Q_EMIT keyChanged();
}

QString ApiKeyStore::describeKeychainError(int error)
{
    // QtKeychain's own text names D-Bus internals; what the user needs is what it means
    // for their key.
    if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser)
        return QCoreApplication::translate(
            "bem::ApiKeyStore", "Access to the system keychain was denied, so the key is kept for "
                                "this session only.");
    return QCoreApplication::translate(
        "bem::ApiKeyStore", "The system keychain is not available (no Secret Service or "
                            "KWallet is running), so the key is kept for this session only. "
                            "Set BEM_API_KEY to use a key without the keychain.");
}

QString ApiKeyStore::masked(const QString &key)
{
    const QString dots = QStringLiteral("\u2022\u2022\u2022\u2022");
    if (key.isEmpty())
        return QString();
    // A short key would be given away by its last four characters.
    if (key.size() < 12)
        return dots;
    return dots + key.right(4);
}

QString ApiKeyStore::sourceDescription(Source source)
{
    switch (source) {
    case Source::None:
        return QStringLiteral("no key");
    case Source::Environment:
        return QStringLiteral("from BEM_API_KEY");
    case Source::Keychain:
        return QStringLiteral("from the system keychain");
    case Source::Session:
        return QStringLiteral("for this session only");
    }
    return QString();
}

} // namespace bem

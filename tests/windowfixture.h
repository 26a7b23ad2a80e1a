// SPDX-License-Identifier: MIT
#pragma once

#include "backoffpolicy.h"
#include "callsession.h"
#include "mainwindow.h"
#include "urlcatcher.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSize>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace bem::test {

// A refresh policy for window tests: the real one waits 1 s to 10 s between refreshes
// (tst_callpoller covers it); the logic is the same at any pace.
inline BackoffPolicy policyOf(int initialMs, int maxMs)
{
    BackoffPolicy policy;
    policy.initialMs = initialMs;
    policy.maxMs = maxMs;
    return policy;
}
inline BackoffPolicy fastPolicy()
{
    return policyOf(20, 80);
}
// One load and no refresh while the test looks at the window.
inline BackoffPolicy noRefreshPolicy()
{
    return policyOf(600'000, 600'000);
}

// One window as the app wires it (app/appcontroller.cpp): its own CallSession on `baseUrl`
// with `apiKey`, settings in a temporary INI file (or the default QSettings when asked,
// as the secrets test needs), shown at `size`. Members are destroyed window first, so the
// window never outlives what it renders.
class WindowFixture
{
public:
    struct Options
    {
        QUrl baseUrl;
        QString apiKey;                           // ignored when keys is set
        QNetworkAccessManager *network = nullptr; // shared by the session and Settings
        ApiKeyStore *keys = nullptr;              // the session then follows the store
        BackoffPolicy policy = fastPolicy();
        QSize size{1280, 800};
        bool defaultSettings = false; // QSettings() where a user's would be
        bool show = true;
        // The window tests check v2 bodies request by request; v3 ones ask for Auto or V3.
        ApiVersionChoice apiVersion = ApiVersionChoice::V2;
        // The window tests count the call's requests one by one; the Calls pane would add
        // its list requests to them (tst_callsdock tests the pane).
        bool callsPane = false;
    };

    explicit WindowFixture(const Options &options)
    {
        m_session = std::make_unique<CallSession>(options.network);
        m_session->setBaseUrl(options.baseUrl);
        if (options.keys)
            m_session->setKeyStore(options.keys);
        else
            m_session->setApiKey(options.apiKey);
        m_session->setPolicy(options.policy);
        m_session->setApiVersionChoice(options.apiVersion);
        m_settings =
            options.defaultSettings
                ? std::make_unique<QSettings>()
                : std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                              QSettings::IniFormat);
        m_network = options.network;
        m_callsPane = options.callsPane;
        m_options = options;
        rebuildWindow(options.keys);
        m_window->resize(options.size);
        if (options.show)
            m_window->show();
    }
    // A new window over the same session and settings (the previous one is closed and
    // destroyed after the new one exists, as when the app starts again): for tests of
    // what a window restores, or of a key store that arrives later. Not shown.
    MainWindow *rebuildWindow(ApiKeyStore *keys = nullptr)
    {
        if (keys) // as the app wires it: the session follows the store's key
            m_session->setKeyStore(keys);
        if (keys)
            m_keys = keys;
        MainWindow::Services services;
        services.session = m_session.get();
        services.keys = keys;
        services.network = m_network;
        services.settings = m_settings.get();
        services.callsPane = m_callsPane;
        // Further tabs get sessions set up as the first (the app copies its first too).
        services.newSession = [this] {
            auto session = std::make_unique<CallSession>(m_network);
            session->setBaseUrl(m_session->baseUrl());
            if (m_keys)
                session->setKeyStore(m_keys);
            else
                session->setApiKey(m_options.apiKey);
            session->setPolicy(m_options.policy);
            session->setApiVersionChoice(m_session->apiVersionChoice());
            return session;
        };
        m_window = std::make_unique<MainWindow>(services);
        return m_window.get();
    }
    ~WindowFixture()
    {
        m_window.reset();
        m_session.reset();
        m_settings.reset();
    }
    Q_DISABLE_COPY_MOVE(WindowFixture)

    MainWindow *window() const { return m_window.get(); }
    CallSession *session() const { return m_session.get(); }
    QSettings *settings() const { return m_settings.get(); }

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager *m_network = nullptr;
    bool m_callsPane = false;
    Options m_options;
    ApiKeyStore *m_keys = nullptr;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CallSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

// Every URL the window hands to the desktop, for the schemes a test watches, lands in
// `catcher` while this object lives instead of in a browser.
class CaughtUrls
{
public:
    explicit CaughtUrls(const QStringList &schemes = defaultSchemes())
        : m_schemes(schemes)
    {
        for (const QString &scheme : m_schemes)
            QDesktopServices::setUrlHandler(scheme, &m_catcher, "handle");
    }
    ~CaughtUrls()
    {
        for (const QString &scheme : m_schemes)
            QDesktopServices::unsetUrlHandler(scheme);
    }
    Q_DISABLE_COPY_MOVE(CaughtUrls)

    QList<QUrl> &opened() { return m_catcher.opened; }

    static QStringList defaultSchemes()
    {
        return {QStringLiteral("https"), QStringLiteral("http"), QStringLiteral("javascript"),
                QStringLiteral("file"), QStringLiteral("data")};
    }

private:
    QStringList m_schemes;
    UrlCatcher m_catcher;
};

} // namespace bem::test

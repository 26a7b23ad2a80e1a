// SPDX-License-Identifier: MIT
#include "apiendpoint.h"
#include "apikeystore.h"
#include "environmentpanel.h"
#include "environmentstore.h"
#include "fetchresult.h"
#include "keychainsandbox.h"
#include "localapi.h"
#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace bem;

namespace {
const QByteArray ProdKey = "bemkey-prod-Fq2Wd8Lx5Nc3";
const QByteArray SandboxKey = "bemkey-sandbox-Jt7Pb4Ke9Rm1";

template<typename T> T *child(SettingsDialog &dialog, const QString &name)
{
    T *found = dialog.findChild<T *>(name);
    if (!found)
        qFatal("no %s", qPrintable(name));
    return found;
}

QStringList listed(SettingsDialog &dialog)
{
    QStringList names;
    auto *list = child<QListWidget>(dialog, QStringLiteral("environmentList"));
    for (int row = 0; row < list->count(); ++row)
        names << list->item(row)->text();
    return names;
}

void selectRow(SettingsDialog &dialog, int row)
{
    child<QListWidget>(dialog, QStringLiteral("environmentList"))->setCurrentRow(row);
}

void typeInto(SettingsDialog &dialog, const QString &name, const QString &text)
{
    auto *field = child<QLineEdit>(dialog, name);
    field->selectAll();
    QTest::keyClicks(field, text);
}

FetchResult runTest(SettingsDialog &dialog)
{
    QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);
    child<QPushButton>(dialog, QStringLiteral("testConnection"))->click();
    if (!tested.wait(15'000))
        qFatal("the connection test did not finish");
    return tested.first().first().value<FetchResult>();
}

QSet<QByteArray> keysSeenBy(const LocalBemServer &server)
{
    QSet<QByteArray> seen;
    for (const ServerRequestRecord &r : server.requests())
        seen.insert(r.apiKey);
    return seen;
}
} // namespace

// Settings with environments: the list, each environment's own fields and key, the launch's
// entry read-only, Cancel forgetting every edit, and Test connection asking the selected
// environment's server with that environment's key only.
class TestEnvironmentSettings : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::KeychainSandbox> m_sandbox;
    int m_file = 0;

    struct Fixture
    {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<EnvironmentStore> store;
    };

    Fixture makeStore()
    {
        Fixture f;
        f.settings = std::make_unique<QSettings>(
            m_sandbox->home() + QStringLiteral("/env-settings-%1.ini").arg(++m_file),
            QSettings::IniFormat);
        f.store = std::make_unique<EnvironmentStore>(f.settings.get());
        f.store->setKeychainService(m_sandbox->serviceName());
        f.store->load();
        waitForKeys(*f.store);
        return f;
    }

    static void waitForKeys(const EnvironmentStore &store)
    {
        for (const Environment &env : store.environments())
            QTRY_VERIFY_WITH_TIMEOUT(store.keys(env.id)->isLoaded(), 15'000);
    }

    static void forgetAll(const EnvironmentStore &store)
    {
        for (const Environment &env : store.environments())
            store.keys(env.id)->forget();
        QTest::qWait(100);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<FetchResult>();
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("envsettings"));
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void cleanup()
    {
        qunsetenv("BEM_API_KEY");
        qunsetenv("BEM_BASE_URL");
    }

    // Add "Production": red by default, its own URL and key; OK saves it (the key to its
    // own entry), Default keeps its key-less state.
    void add_savesTheNewEnvironmentAndItsKey()
    {
        Fixture f = makeStore();
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, QString());
        QCOMPARE(listed(dialog), QStringList{QStringLiteral("Default")});
        QVERIFY(!child<QPushButton>(dialog, QStringLiteral("removeEnvironment"))->isEnabled());

        child<QPushButton>(dialog, QStringLiteral("addEnvironment"))->click();
        QCOMPARE(listed(dialog).size(), 2);
        typeInto(dialog, QStringLiteral("environmentName"), QStringLiteral("Production"));
        QCOMPARE(listed(dialog).last(), QStringLiteral("Production"));
        typeInto(dialog, QStringLiteral("baseUrl"), QStringLiteral("https://eu.bem.example/"));
        typeInto(dialog, QStringLiteral("apiKey"), QString::fromLatin1(ProdKey));
        child<QComboBox>(dialog, QStringLiteral("apiVersion"))
            ->setCurrentIndex(child<QComboBox>(dialog, QStringLiteral("apiVersion"))
                                  ->findData(int(ApiVersionChoice::V3)));
        QSignalSpy changed(f.store.get(), &EnvironmentStore::environmentsChanged);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(changed.size(), 1);

        const QString id = dialog.currentEnvironmentId();
        QVERIFY(!id.isEmpty() && id != EnvironmentStore::defaultEnvironmentId());
        const Environment env = *f.store->environment(id);
        QCOMPARE(env.name, QStringLiteral("Production"));
        QCOMPARE(env.baseUrl, QUrl(QStringLiteral("https://eu.bem.example")));
        QCOMPARE(env.apiVersion, ApiVersionChoice::V3);
        QCOMPARE(env.color, EnvironmentColors::production());
        QTRY_COMPARE_WITH_TIMEOUT(f.store->keys(id)->key(), QString::fromLatin1(ProdKey), 15'000);
        QVERIFY(!f.store->keys(EnvironmentStore::defaultEnvironmentId())->hasKey());
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("apiKey"))->text(), QString());
        forgetAll(*f.store);
    }

    // An upgrade's "Default" renamed "Production" turns red: its colour was the one its old
    // name gave it. A colour the user picked stays through a rename.
    void renamingToProduction_turnsRed_unlessAColourWasPicked()
    {
        Fixture f = makeStore();
        QNetworkAccessManager network;
        {
            SettingsDialog dialog(f.store.get(), &network, QString());
            typeInto(dialog, QStringLiteral("environmentName"), QStringLiteral("Production"));
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        }
        const QString id = EnvironmentStore::defaultEnvironmentId();
        QCOMPARE(f.store->environment(id)->name, QStringLiteral("Production"));
        QCOMPARE(f.store->environment(id)->color, EnvironmentColors::production());
        {
            SettingsDialog dialog(f.store.get(), &network, id);
            dialog.setEnvironmentColor(QColor(Qt::darkGreen));
            typeInto(dialog, QStringLiteral("environmentName"), QStringLiteral("Live EU"));
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        }
        QCOMPARE(f.store->environment(id)->color, QColor(Qt::darkGreen));
        forgetAll(*f.store);
    }

    // Each environment keeps its own fields while another is shown; Cancel forgets them all.
    void switching_keepsEachEnvironmentsFields_cancelForgetsThem()
    {
        Fixture f = makeStore();
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = QUrl(QStringLiteral("https://sandbox.bem.example"));
        const QString sandboxId = f.store->add(sandbox);
        waitForKeys(*f.store);
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, sandboxId);
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("environmentName"))->text(),
                 QStringLiteral("Sandbox"));
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("baseUrl"))->text(),
                 QStringLiteral("https://sandbox.bem.example"));
        typeInto(dialog, QStringLiteral("baseUrl"), QStringLiteral("https://sandbox2.bem.example"));
        typeInto(dialog, QStringLiteral("apiKey"), QString::fromLatin1(SandboxKey));
        selectRow(dialog, 0);
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("baseUrl"))->text(),
                 ApiEndpoint::defaultBaseUrl().toString());
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("apiKey"))->text(), QString());
        selectRow(dialog, 1);
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("baseUrl"))->text(),
                 QStringLiteral("https://sandbox2.bem.example"));
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("apiKey"))->text(),
                 QString::fromLatin1(SandboxKey));
        dialog.setEnvironmentColor(QColor(Qt::darkGreen));
        child<QPushButton>(dialog, QStringLiteral("removeEnvironment"))->click();
        QCOMPARE(listed(dialog), QStringList{QStringLiteral("Default")});

        dialog.reject();
        QCOMPARE(f.store->environments().size(), 2);
        QCOMPARE(f.store->environment(sandboxId)->baseUrl,
                 QUrl(QStringLiteral("https://sandbox.bem.example")));
        QVERIFY(f.store->environment(sandboxId)->color != QColor(Qt::darkGreen));
        QTest::qWait(100);
        QVERIFY(!f.store->keys(sandboxId)->hasKey());
    }

    void remove_thenOk_removesFromTheStore()
    {
        Fixture f = makeStore();
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = QUrl(QStringLiteral("https://sandbox.bem.example"));
        const QString sandboxId = f.store->add(sandbox);
        waitForKeys(*f.store);
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, sandboxId);
        QSignalSpy removed(f.store.get(), &EnvironmentStore::removed);
        child<QPushButton>(dialog, QStringLiteral("removeEnvironment"))->click();
        dialog.accept();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toString(), sandboxId);
        QVERIFY(!f.store->environment(sandboxId));
        QCOMPARE(dialog.currentEnvironmentId(), EnvironmentStore::defaultEnvironmentId());
    }

    // Another environment's URL that no key may travel to: OK shows it instead of saving.
    void invalidUrlInAnotherEnvironment_blocksOk()
    {
        Fixture f = makeStore();
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, QString());
        child<QPushButton>(dialog, QStringLiteral("addEnvironment"))->click();
        typeInto(dialog, QStringLiteral("baseUrl"), QStringLiteral("http://example.com"));
        selectRow(dialog, 0);
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QCOMPARE(f.store->environments().size(), 1);
        QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("baseUrl"))->text(),
                 QStringLiteral("http://example.com"));
        QVERIFY(!child<QLabel>(dialog, QStringLiteral("baseUrlProblem"))->isHidden());
    }

    // Move Up / Move Down (and Alt+Up / Alt+Down on the list) reorder the environments; OK
    // saves the order, which a store reading the same settings file again finds; Cancel
    // keeps the old order.
    void reorder_isSavedByOk_andCancelKeepsTheOldOrder()
    {
        Fixture f = makeStore();
        QStringList ids{EnvironmentStore::defaultEnvironmentId()};
        for (const QString &name : {QStringLiteral("Sandbox"), QStringLiteral("EU")}) {
            Environment env;
            env.name = name;
            env.baseUrl = QUrl(QStringLiteral("https://%1.bem.example").arg(name.toLower()));
            ids << f.store->add(env);
        }
        const auto storedNames = [](const EnvironmentStore &store) {
            QStringList names;
            for (const Environment &env : store.environments())
                names << env.name;
            return names;
        };
        const QStringList before{QStringLiteral("Default"), QStringLiteral("Sandbox"),
                                 QStringLiteral("EU")};
        QCOMPARE(storedNames(*f.store), before);
        QNetworkAccessManager network;
        {
            SettingsDialog dialog(f.store.get(), &network, ids.at(2));
            auto *up = child<QPushButton>(dialog, QStringLiteral("moveEnvironmentUp"));
            auto *down = child<QPushButton>(dialog, QStringLiteral("moveEnvironmentDown"));
            QVERIFY(up->isEnabled());
            QVERIFY(!down->isEnabled()); // EU is last
            up->click();
            up->click();
            QCOMPARE(listed(dialog), (QStringList{QStringLiteral("EU"), QStringLiteral("Default"),
                                                  QStringLiteral("Sandbox")}));
            QVERIFY(!up->isEnabled());
            // EU is still the one edited.
            QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("environmentName"))->text(),
                     QStringLiteral("EU"));
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        }
        QCOMPARE(storedNames(*f.store), before);

        QSignalSpy changed(f.store.get(), &EnvironmentStore::environmentsChanged);
        {
            SettingsDialog dialog(f.store.get(), &network, ids.at(0));
            auto *list = child<QListWidget>(dialog, QStringLiteral("environmentList"));
            list->setFocus();
            QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
            QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
            QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier); // already last: nothing
            QCOMPARE(listed(dialog), (QStringList{QStringLiteral("Sandbox"), QStringLiteral("EU"),
                                                  QStringLiteral("Default")}));
            selectRow(dialog, 1);
            QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
            const QStringList moved{QStringLiteral("EU"), QStringLiteral("Sandbox"),
                                    QStringLiteral("Default")};
            QCOMPARE(listed(dialog), moved);
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(dialog.currentEnvironmentId(), ids.at(2)); // EU stayed selected
            QCOMPARE(storedNames(*f.store), moved);
        }
        QCOMPARE(changed.size(), 1);
        // The file holds the order: a store reading it again (the next start) finds it.
        f.settings->sync();
        QSettings again(f.settings->fileName(), QSettings::IniFormat);
        EnvironmentStore reread(&again);
        reread.setKeychainService(m_sandbox->serviceName());
        reread.load();
        waitForKeys(reread);
        QCOMPARE(storedNames(reread), (QStringList{QStringLiteral("EU"), QStringLiteral("Sandbox"),
                                                   QStringLiteral("Default")}));
        QCOMPARE(reread.defaultId(), ids.at(2));
        forgetAll(*f.store);
    }

    // The launch's entry is not saved: it stays first, and nothing moves above it.
    void launchEntry_staysFirst_whenOthersMove()
    {
        qputenv("BEM_API_KEY", ProdKey);
        Fixture f = makeStore();
        qunsetenv("BEM_API_KEY");
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = QUrl(QStringLiteral("https://sandbox.bem.example"));
        const QString sandboxId = f.store->add(sandbox);
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, EnvironmentStore::processId());
        auto *up = child<QPushButton>(dialog, QStringLiteral("moveEnvironmentUp"));
        auto *down = child<QPushButton>(dialog, QStringLiteral("moveEnvironmentDown"));
        QVERIFY(!up->isEnabled());
        QVERIFY(!down->isEnabled());
        selectRow(dialog, 1); // Default: BEM_API_KEY's entry above it does not move
        QVERIFY(!up->isEnabled());
        QVERIFY(down->isEnabled());
        selectRow(dialog, 2);
        up->click();
        QCOMPARE(listed(dialog),
                 (QStringList{QStringLiteral("BEM_API_KEY"), QStringLiteral("Sandbox"),
                              QStringLiteral("Default")}));
        QVERIFY(!up->isEnabled());
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(f.store->environments().first().id, EnvironmentStore::processId());
        QCOMPARE(f.store->environments().at(1).id, sandboxId);
        QCOMPARE(f.settings->value(QStringLiteral("environments/list")).toStringList(),
                 (QStringList{sandboxId, EnvironmentStore::defaultEnvironmentId()}));
        forgetAll(*f.store);
    }

    // The launch's entry: shown first, read-only, with where it comes from.
    void launchEntry_isReadOnly_andSaysWhereItComesFrom()
    {
        qputenv("BEM_API_KEY", ProdKey);
        Fixture f = makeStore();
        qunsetenv("BEM_API_KEY");
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, QString());
        QCOMPARE(listed(dialog),
                 (QStringList{QStringLiteral("BEM_API_KEY"), QStringLiteral("Default")}));
        QVERIFY(child<QLineEdit>(dialog, QStringLiteral("environmentName"))->isReadOnly());
        QVERIFY(child<QLineEdit>(dialog, QStringLiteral("baseUrl"))->isReadOnly());
        QVERIFY(!child<QComboBox>(dialog, QStringLiteral("apiVersion"))->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, QStringLiteral("environmentColor"))->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, QStringLiteral("removeEnvironment"))->isEnabled());
        auto *source = child<QLabel>(dialog, QStringLiteral("environmentSource"));
        QVERIFY(!source->isHidden());
        QVERIFY(source->text().contains(QStringLiteral("BEM_API_KEY")));
        QCOMPARE(source->textFormat(), Qt::PlainText);
        QVERIFY(child<QLabel>(dialog, QStringLiteral("keyInUse"))
                    ->text()
                    .contains(QStringLiteral("from BEM_API_KEY")));
        // Default is editable and BEM_API_KEY is not its key.
        selectRow(dialog, 1);
        QVERIFY(!child<QLineEdit>(dialog, QStringLiteral("baseUrl"))->isReadOnly());
        QVERIFY(source->isHidden());
        QCOMPARE(child<QLabel>(dialog, QStringLiteral("keyInUse"))->text(),
                 QStringLiteral("No key is set."));
    }

    // A launch URL no key may travel to is said, and does not keep the others from being saved.
    void insecureLaunchUrl_doesNotBlockOk()
    {
        qputenv("BEM_BASE_URL", "http://example.com");
        Fixture f = makeStore();
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, EnvironmentStore::processId());
        QVERIFY(!child<QLabel>(dialog, QStringLiteral("baseUrlProblem"))->isHidden());
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.currentEnvironmentId(), EnvironmentStore::processId());
    }

    // Test connection asks the selected environment's server with its key, never the other's.
    void testConnection_usesTheSelectedEnvironmentsUrlAndKey()
    {
        test::LocalApi prodApi(ProdKey);
        test::LocalApi sandboxApi(SandboxKey);
        Fixture f = makeStore();
        Environment prod = *f.store->environment(EnvironmentStore::defaultEnvironmentId());
        prod.baseUrl = prodApi.server.baseUrl();
        f.store->update(prod);
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = sandboxApi.server.baseUrl();
        const QString sandboxId = f.store->add(sandbox);
        waitForKeys(*f.store);
        for (const auto &[id, key] :
             {std::pair{prod.id, ProdKey}, std::pair{sandboxId, SandboxKey}}) {
            QSignalSpy saved(f.store->keys(id), &ApiKeyStore::saved);
            f.store->keys(id)->save(QString::fromLatin1(key));
            QVERIFY(saved.wait(15'000));
        }
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, sandboxId);
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
        selectRow(dialog, 0);
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
        selectRow(dialog, 1);
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
        QCOMPARE(keysSeenBy(prodApi.server), QSet<QByteArray>{ProdKey});
        QCOMPARE(keysSeenBy(sandboxApi.server), QSet<QByteArray>{SandboxKey});
        QCOMPARE(prodApi.server.requests().size(), 2); // Automatic: v3 and v2
        QCOMPARE(sandboxApi.server.requests().size(), 4);
        forgetAll(*f.store);
    }

    // A picture to look at: three environments, the new one selected.
    void screenshot()
    {
        qputenv("BEM_BASE_URL", "http://127.0.0.1:8080");
        Fixture f = makeStore();
        Environment sandbox;
        sandbox.name = QStringLiteral("Sandbox");
        sandbox.baseUrl = QUrl(QStringLiteral("https://api.bem.ai"));
        f.store->add(sandbox);
        Environment eu;
        eu.name = QStringLiteral("EU production");
        eu.baseUrl = QUrl(QStringLiteral("https://eu.api.bem.example"));
        eu.apiVersion = ApiVersionChoice::V3;
        const QString euId = f.store->add(eu);
        waitForKeys(*f.store);
        QNetworkAccessManager network;
        SettingsDialog dialog(f.store.get(), &network, euId);
        dialog.resize(820, 480);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString dir = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/settings-environments.png")));
        selectRow(dialog, 0);
        QTest::qWait(50); // the layout settles on the event loop
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/settings-launch-entry.png")));
    }
};

QTEST_MAIN(TestEnvironmentSettings)
#include "tst_environmentsettings.moc"

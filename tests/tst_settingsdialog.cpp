// SPDX-License-Identifier: MIT
#include "apiendpoint.h"
#include "apikeystore.h"
#include "fetchresult.h"
#include "keychainsandbox.h"
#include "localapi.h"
#include "settingsdialog.h"
#include "settingskeys.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace bem;

namespace {
const QByteArray Key = "sk_test_settings_0123456789abcdef";
const QString WrongKey = QStringLiteral("sk_test_wrong_key_fedcba9876543210");

QLineEdit *field(SettingsDialog &dialog, const QString &name)
{
    return dialog.findChild<QLineEdit *>(name);
}

QLabel *label(SettingsDialog &dialog, const QString &name)
{
    return dialog.findChild<QLabel *>(name);
}

QPushButton *okButton(SettingsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

FetchResult runTest(SettingsDialog &dialog)
{
    QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);
    dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
    if (!tested.wait(15'000))
        qFatal("the connection test did not finish");
    return tested.first().first().value<FetchResult>();
}

// Every text the dialog shows, tooltips included.
QStringList shownTexts(SettingsDialog &dialog)
{
    QStringList texts;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (QLabel *l : labels)
        texts << l->text() << l->toolTip();
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
    for (QWidget *w : widgets)
        texts << w->toolTip();
    return texts;
}
} // namespace

// The Settings dialog against the real local bem API: the connection test uses the typed
// key (or the one in use), says what happened in plain words, never sends the key where
// it must not go, and the key itself is never shown. Saving goes through the key store
// (keychain, or this session only on a headless machine), never anywhere else.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::KeychainSandbox> m_sandbox;
    QString m_service;

    std::unique_ptr<ApiKeyStore> makeStore()
    {
        auto store = std::make_unique<ApiKeyStore>();
        store->setServiceName(m_service);
        QSignalSpy loaded(store.get(), &ApiKeyStore::loaded);
        store->load();
        if (!loaded.wait(15'000))
            qFatal("the key store did not load");
        return store;
    }

    // A store that has saved Key (in the keychain, or for the session where there is none).
    std::unique_ptr<ApiKeyStore> makeStoreHoldingKey()
    {
        auto store = makeStore();
        QSignalSpy saved(store.get(), &ApiKeyStore::saved);
        store->save(QString::fromLatin1(Key));
        if (!saved.wait(15'000))
            qFatal("the key store did not save");
        return store;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<FetchResult>();
        // Whatever the keychain or its fallbacks might write lands in the sandbox's home.
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("settings"));
        m_service = m_sandbox->serviceName();
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void testConnection_succeedsWithTheTypedKey()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        QCOMPARE(field(dialog, QStringLiteral("baseUrl"))->text(), api.server.baseUrl().toString());
        QCOMPARE(field(dialog, QStringLiteral("apiKey"))->text(), QString());
        field(dialog, QStringLiteral("apiKey"))->setText(QString::fromLatin1(Key));

        const FetchResult result = runTest(dialog);
        QCOMPARE(result.outcome, FetchOutcome::Success);
        const QString shown = label(dialog, QStringLiteral("testResult"))->text();
        // Automatic (the default) asks both versions and says which answered.
        QVERIFY2(shown.startsWith(QStringLiteral(
                     "Connected to 127.0.0.1; the API key works with the v3 and v2 APIs (")),
                 qPrintable(shown));
        QVERIFY2(shown.endsWith(QStringLiteral(" ms).")), qPrintable(shown));
        QCOMPARE(label(dialog, QStringLiteral("testResult"))->textFormat(), Qt::PlainText);
        QCOMPARE(api.server.requests().size(), 2);
        QCOMPARE(api.server.requests().at(0).apiKey, Key);
        QCOMPARE(api.server.requests().at(0).rawPath, QByteArray("/v3/calls"));
        QCOMPARE(api.server.requests().at(1).apiKey, Key);
        QCOMPARE(api.server.requests().at(1).rawPath, QByteArray("/v2/calls"));
    }

    // The version chosen in the dialog is the one checked, before anything is saved.
    void testConnection_checksTheVersionChosen()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        QCOMPARE(dialog.apiVersionChoice(), ApiVersionChoice::Auto);
        dialog.setApiVersionChoice(ApiVersionChoice::V2);
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("apiVersion"));
        QVERIFY(combo);
        QVERIFY(combo->currentText().contains(QStringLiteral("deprecated")));
        field(dialog, QStringLiteral("apiKey"))->setText(QString::fromLatin1(Key));
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
        QVERIFY2(label(dialog, QStringLiteral("testResult"))
                     ->text()
                     .contains(QStringLiteral("works with the v2 API")),
                 qPrintable(label(dialog, QStringLiteral("testResult"))->text()));
        QCOMPARE(api.server.requests().size(), 1);
        QCOMPARE(api.server.requests().constFirst().rawPath, QByteArray("/v2/calls"));

        api.server.clearRequests();
        combo->setCurrentIndex(combo->findData(int(ApiVersionChoice::V3)));
        QCOMPARE(dialog.apiVersionChoice(), ApiVersionChoice::V3);
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
        QCOMPARE(api.server.requests().size(), 1);
        QCOMPARE(api.server.requests().constFirst().rawPath, QByteArray("/v3/calls"));
    }

    void testConnection_usesTheKeyInUseWhenNoneIsTyped()
    {
        test::LocalApi api(Key);
        auto keys = makeStoreHoldingKey();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
        keys->forget();
    }

    void testConnection_wrongKey_saysSoInPlainWords()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        field(dialog, QStringLiteral("apiKey"))->setText(WrongKey);
        const FetchResult result = runTest(dialog);
        QCOMPARE(result.outcome, FetchOutcome::Unauthorized);
        QCOMPARE(result.httpStatus, 401);
        const QString shown = label(dialog, QStringLiteral("testResult"))->text();
        QVERIFY(!shown.isEmpty());
        QCOMPARE(shown, result.message);
        QVERIFY(!shownTexts(dialog).join(u'\n').contains(WrongKey));
    }

    void testConnection_secondClickRestarts()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        field(dialog, QStringLiteral("apiKey"))->setText(QString::fromLatin1(Key));
        QSignalSpy tested(&dialog, &SettingsDialog::connectionTested);
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("testConnection"));
        button->click();
        QCOMPARE(label(dialog, QStringLiteral("testResult"))->text(),
                 QStringLiteral("Testing\u2026"));
        QVERIFY(dialog.isTesting());
        button->click();
        QVERIFY(tested.wait(15'000));
        QTest::qWait(200);
        // The first check was dropped: one answer, for the second.
        QCOMPARE(tested.size(), 1);
        QCOMPARE(tested.first().first().value<FetchResult>().outcome, FetchOutcome::Success);
    }

    void plainHttpToAnotherMachine_isRefusedWithoutARequest()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        field(dialog, QStringLiteral("baseUrl"))->setText(QStringLiteral("http://example.com"));
        QLabel *problem = label(dialog, QStringLiteral("baseUrlProblem"));
        QVERIFY(!problem->isHidden());
        QVERIFY(problem->text().contains(QStringLiteral("plain http")));
        QVERIFY(!okButton(dialog)->isEnabled());

        field(dialog, QStringLiteral("apiKey"))->setText(QString::fromLatin1(Key));
        QElapsedTimer timer;
        timer.start();
        const FetchResult result = runTest(dialog);
        QCOMPARE(result.outcome, FetchOutcome::InsecureTransport);
        QCOMPARE(result.httpStatus, 0);
        QVERIFY(timer.elapsed() < 1000); // refused on the spot, not after a connection
        QCOMPARE(label(dialog, QStringLiteral("testResult"))->text(), result.message);
        QVERIFY(result.message.contains(QStringLiteral("Refusing to send your API key")));
        QVERIFY(api.server.requests().isEmpty());
    }

    void baseUrl_invalidDisablesOk_validIsNormalized()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, ApiEndpoint::defaultBaseUrl());
        QLineEdit *url = field(dialog, QStringLiteral("baseUrl"));
        QLabel *problem = label(dialog, QStringLiteral("baseUrlProblem"));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(problem->isHidden());
        QCOMPARE(url->placeholderText(), QStringLiteral("https://api.bem.ai"));

        for (const QString &bad : {QStringLiteral("not a url"), QStringLiteral("ftp://api.bem.ai"),
                                   QStringLiteral("https://"), QStringLiteral("api.bem.ai")}) {
            url->setText(bad);
            QVERIFY2(!okButton(dialog)->isEnabled(), qPrintable(bad));
            QVERIFY2(!problem->isHidden() && !problem->text().isEmpty(), qPrintable(bad));
            QCOMPARE(problem->textFormat(), Qt::PlainText);
            QVERIFY(!dialog.baseUrl().isValid());
        }

        url->setText(QStringLiteral("  https://api.bem.ai/?x=1  "));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(problem->isHidden());
        QCOMPARE(dialog.baseUrl(), QUrl(QStringLiteral("https://api.bem.ai")));

        url->clear(); // the placeholder: the default
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.baseUrl(), ApiEndpoint::defaultBaseUrl());
    }

    void accept_withAKey_savesItThroughTheStore()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        QSignalSpy saved(keys.get(), &ApiKeyStore::saved);
        field(dialog, QStringLiteral("apiKey"))
            ->setText(QStringLiteral(" ") + QString::fromLatin1(Key));
        okButton(dialog)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(field(dialog, QStringLiteral("apiKey"))->text(), QString());
        QVERIFY(saved.wait(15'000));
        QCOMPARE(keys->key(), QString::fromLatin1(Key));
        QVERIFY(keys->source() == ApiKeyStore::Source::Keychain ||
                keys->source() == ApiKeyStore::Source::Session);
        // The dialog's text follows: masked, with where the key lives.
        QCOMPARE(label(dialog, QStringLiteral("keyInUse"))->text(),
                 QStringLiteral("In use: %1 (%2)")
                     .arg(ApiKeyStore::masked(keys->key()),
                          ApiKeyStore::sourceDescription(keys->source())));
        keys->forget();
    }

    void accept_withoutAKey_savesNothing()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        QSignalSpy saved(keys.get(), &ApiKeyStore::saved);
        okButton(dialog)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QTest::qWait(100);
        QCOMPARE(saved.size(), 0);
        QVERIFY(!keys->hasKey());
        QCOMPARE(label(dialog, QStringLiteral("keyInUse"))->text(),
                 QStringLiteral("No key is set."));
    }

    void keychainProblem_isShownWithTheSessionOnlyNote()
    {
        test::LocalApi api(Key);
        auto keys = makeStoreHoldingKey();
        if (keys->keychainProblem().isEmpty()) {
            keys->forget();
            QSKIP("this machine has a working keychain");
        }
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        QLabel *note = label(dialog, QStringLiteral("keychainNote"));
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().startsWith(keys->keychainProblem()));
        QVERIFY(note->text().contains(QStringLiteral("for this session only")));
        QVERIFY(note->text().endsWith(QStringLiteral("It is forgotten when the app quits.")));
        QVERIFY(label(dialog, QStringLiteral("keyInUse"))
                    ->text()
                    .endsWith(QStringLiteral("(for this session only)")));
        keys->forget();
    }

    void environmentKey_isExplainedAsOverriding()
    {
        test::LocalApi api(Key);
        auto keysWithout = makeStore();
        SettingsDialog without(keysWithout.get(), &api.network, api.server.baseUrl());
        QVERIFY(label(without, QStringLiteral("environmentNote"))->isHidden());

        qputenv("BEM_API_KEY", Key);
        auto keys = makeStore();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        qunsetenv("BEM_API_KEY");
        QLabel *note = label(dialog, QStringLiteral("environmentNote"));
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QStringLiteral("BEM_API_KEY is set")));
        QVERIFY(note->text().contains(QStringLiteral("takes over at once")));
        QCOMPARE(label(dialog, QStringLiteral("keyInUse"))->text(),
                 QStringLiteral("In use: %1 (from BEM_API_KEY)")
                     .arg(ApiKeyStore::masked(QString::fromLatin1(Key))));
        // The key in use (from the environment) serves the test when none is typed.
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
    }

    void theKey_isNeverShown()
    {
        test::LocalApi api(Key);
        auto keys = makeStoreHoldingKey();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLineEdit *keyField = field(dialog, QStringLiteral("apiKey"));
        QCOMPARE(keyField->echoMode(), QLineEdit::Password);
        keyField->setText(QString::fromLatin1(Key));
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);
        field(dialog, QStringLiteral("apiKey"))->clear();
        QCOMPARE(runTest(dialog).outcome, FetchOutcome::Success);

        const QString all = shownTexts(dialog).join(u'\n');
        QVERIFY(!all.contains(QString::fromLatin1(Key)));
        QVERIFY(!all.contains(QString::fromLatin1(Key.left(12))));
        QVERIFY(all.contains(ApiKeyStore::masked(QString::fromLatin1(Key))));
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        for (QLabel *l : labels) {
            if (!l->objectName().isEmpty())
                QCOMPARE(l->textFormat(), Qt::PlainText);
        }

        // Shown only on request, in the field itself.
        auto *show = dialog.findChild<QAction *>(QStringLiteral("showKey"));
        show->trigger();
        QCOMPARE(keyField->echoMode(), QLineEdit::Normal);
        show->trigger();
        QCOMPARE(keyField->echoMode(), QLineEdit::Password);
        keys->forget();
    }

    void forget_asksThenForgets()
    {
        test::LocalApi api(Key);
        auto keys = makeStoreHoldingKey();
        SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
        auto *forget = dialog.findChild<QPushButton *>(QStringLiteral("forgetKey"));
        QVERIFY(forget->isEnabled());

        // Cancel first, then Yes.
        for (const QMessageBox::StandardButton answer : {QMessageBox::Cancel, QMessageBox::Yes}) {
            bool asked = false;
            QTimer::singleShot(0, this, [&asked, answer] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box)
                    return;
                asked = true;
                QCOMPARE(box->textFormat(), Qt::PlainText);
                box->button(answer)->click();
            });
            forget->click();
            QVERIFY(asked);
            QCOMPARE(keys->hasKey(), answer == QMessageBox::Cancel);
        }
        QCOMPARE(label(dialog, QStringLiteral("keyInUse"))->text(),
                 QStringLiteral("No key is set."));
        QVERIFY(!forget->isEnabled());
    }

    // The outputs pane's threshold: shown from the settings (0.8 when unset) and saved
    // under its key when the dialog is accepted, not when it is cancelled.
    void lowConfidenceThreshold_readAndSavedUnderItsKey()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        QSettings().remove(SettingsKeys::lowConfidenceThreshold());
        {
            SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
            auto *spin =
                dialog.findChild<QDoubleSpinBox *>(QStringLiteral("lowConfidenceThreshold"));
            QVERIFY(spin);
            QCOMPARE(spin->value(), 0.8);
            spin->setValue(0.65);
            dialog.reject();
        }
        QVERIFY(!QSettings().contains(SettingsKeys::lowConfidenceThreshold()));
        {
            SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
            auto *spin =
                dialog.findChild<QDoubleSpinBox *>(QStringLiteral("lowConfidenceThreshold"));
            spin->setValue(0.65);
            QCOMPARE(dialog.lowConfidenceThreshold(), 0.65);
            dialog.accept();
        }
        QCOMPARE(QSettings().value(SettingsKeys::lowConfidenceThreshold()).toDouble(), 0.65);
        SettingsDialog again(keys.get(), &api.network, api.server.baseUrl());
        QCOMPARE(
            again.findChild<QDoubleSpinBox *>(QStringLiteral("lowConfidenceThreshold"))->value(),
            0.65);
        QSettings().remove(SettingsKeys::lowConfidenceThreshold());
    }

    // "Notify me when a call that was running finishes": on when unset, saved under the key
    // the finish watcher reads when the dialog is accepted, not when it is cancelled.
    void notifyByDefault_readAndSavedUnderItsKey()
    {
        test::LocalApi api(Key);
        auto keys = makeStore();
        QSettings().remove(SettingsKeys::notificationsDefaultOn());
        {
            SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
            auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("notifyByDefault"));
            QVERIFY(box);
            QVERIFY(box->isChecked());
            box->setChecked(false);
            dialog.reject();
        }
        QVERIFY(!QSettings().contains(SettingsKeys::notificationsDefaultOn()));
        {
            SettingsDialog dialog(keys.get(), &api.network, api.server.baseUrl());
            dialog.findChild<QCheckBox *>(QStringLiteral("notifyByDefault"))->setChecked(false);
            dialog.accept();
        }
        QCOMPARE(QSettings().value(SettingsKeys::notificationsDefaultOn()).toBool(), false);
        SettingsDialog again(keys.get(), &api.network, api.server.baseUrl());
        QVERIFY(!again.findChild<QCheckBox *>(QStringLiteral("notifyByDefault"))->isChecked());
        QSettings().remove(SettingsKeys::notificationsDefaultOn());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

// SPDX-License-Identifier: MIT
#pragma once

#include "apiversionchoice.h"
#include "fetchresult.h"

#include <QDialog>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
QT_END_NAMESPACE

namespace bem {

class ApiKeyStore;
class BemClient;
class EnvironmentPanel;
class EnvironmentStore;

// "Settings": where the bem API is and which key to send it. The dialog saves a key the
// user typed through the key store (the keychain, never a settings file) when accepted;
// the base URL it only returns (baseUrl()), for the caller to store.
//
// Given the environment store instead, it edits every environment: a list to add, remove
// and pick one, and for the one picked its name, colour, base URL, API version and key
// (saved to that environment's own keychain entry). OK saves them all to the store;
// Cancel forgets every edit. The launch's own entry is shown read-only.
//
// "Test connection" runs on a client of its own, so it never cancels the window's polling.
// Every text shown is plain text, and the key itself is never shown (only masked).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(ApiKeyStore *keys, QNetworkAccessManager *network, const QUrl &baseUrl,
                   QWidget *parent = nullptr);
    // Edits the environments, with `currentId` selected.
    SettingsDialog(EnvironmentStore *environments, QNetworkAccessManager *network,
                   const QString &currentId, QWidget *parent = nullptr);
    ~SettingsDialog() override;
    Q_DISABLE_COPY_MOVE(SettingsDialog)

    // The normalized base URL from the field (the default when the field is empty);
    // invalid while the field holds something that is not an http(s) URL with a host.
    QUrl baseUrl() const;
    // Which bem API to ask (auto, v3, v2); Test connection checks the one(s) chosen.
    void setApiVersionChoice(ApiVersionChoice choice);
    ApiVersionChoice apiVersionChoice() const;

    // Checks the base URL and key from the fields (or the key in use when the key field
    // is empty). Restarts a check already running.
    void testConnection();
    bool isTesting() const;

    // The outputs pane's "low confidence" threshold (0..1) shown in the dialog; saved
    // under SettingsKeys::lowConfidenceThreshold() when accepted.
    double lowConfidenceThreshold() const;

    // The environment selected (after OK, a new one's saved id); empty without the store.
    QString currentEnvironmentId() const { return m_currentId; }
    // Colour for the environment selected, as if picked in the colour dialog.
    void setEnvironmentColor(const QColor &color);

    void accept() override;

Q_SIGNALS:
    void connectionTested(const bem::FetchResult &result);

private:
    void buildEnvironmentRows();
    void setKeyStore(ApiKeyStore *keys);
    void storeFieldsInDraft();
    void showDraft();
    void chooseColor();
    // Saves every environment's edits to the store; false (and the first environment whose
    // URL no key may travel to shown) when one cannot be saved.
    bool applyEnvironments();
    void validateBaseUrl();
    void updateKeyInfo();
    void forgetKey();
    void showTestResult(const FetchResult &result);
    void clearTestResult();

    ApiKeyStore *m_keys;
    EnvironmentPanel *m_environments = nullptr;
    QString m_currentId;
    QLineEdit *m_name = nullptr;
    QPushButton *m_color = nullptr;
    QLabel *m_source = nullptr;
    BemClient *m_client;
    QLineEdit *m_baseUrl;
    QLabel *m_baseUrlProblem;
    QComboBox *m_apiVersion;
    QLineEdit *m_key;
    QAction *m_showKey;
    QLabel *m_keyInUse;
    QLabel *m_environmentNote;
    QLabel *m_keychainNote;
    QPushButton *m_forgetButton;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QDoubleSpinBox *m_threshold;
    QCheckBox *m_notifyByDefault; // SettingsKeys::notificationsDefaultOn()
    QDialogButtonBox *m_buttons;
    QGridLayout *m_grid;
    QHBoxLayout *m_columns;
};

} // namespace bem

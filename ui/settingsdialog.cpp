// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include "apiendpoint.h"
#include "apikeystore.h"
#include "bemclient.h"
#include "environmentpanel.h"
#include "formatting.h"
#include "plainlabel.h"
#include "settingskeys.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace bem {

namespace {

// An eye, struck through when `struck`: the fallback for icon themes without
// view-visible / view-hidden.
QIcon paintedEye(bool struck, const QColor &colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(colour, 2.5));
    QPainterPath lids;
    lids.moveTo(3, 16);
    lids.quadTo(16, 3, 29, 16);
    lids.quadTo(16, 29, 3, 16);
    p.drawPath(lids);
    p.setBrush(colour);
    p.drawEllipse(QPointF(16, 16), 4.5, 4.5);
    if (struck)
        p.drawLine(QPointF(6, 27), QPointF(26, 5));
    p.end();
    return QIcon(pixmap);
}

// The dialog's notes quote server errors and the environment: plain text, wrapped,
// selectable so they can be copied into a ticket.
QLabel *noteLabel(const QString &objectName, QWidget *parent)
{
    QLabel *label = plainLabel(QString(), parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// The environment rows (settingsdialogenvironments.cpp) sit above the connection rows;
// without environments they stay empty, and a grid gives empty rows no space.
constexpr int FirstConnectionRow = 3;

} // namespace

SettingsDialog::SettingsDialog(ApiKeyStore *keys, QNetworkAccessManager *network,
                               const QUrl &baseUrl, QWidget *parent)
    : QDialog(parent)
    , m_keys(keys)
    , m_client(new BemClient(network, this))
    , m_baseUrl(new QLineEdit(this))
    , m_baseUrlProblem(noteLabel(QStringLiteral("baseUrlProblem"), this))
    , m_apiVersion(new QComboBox(this))
    , m_key(new QLineEdit(this))
    , m_showKey(new QAction(this))
    , m_keyInUse(noteLabel(QStringLiteral("keyInUse"), this))
    , m_environmentNote(noteLabel(QStringLiteral("environmentNote"), this))
    , m_keychainNote(noteLabel(QStringLiteral("keychainNote"), this))
    , m_forgetButton(new QPushButton(tr("Forget saved key"), this))
    , m_testButton(new QPushButton(tr("Test connection"), this))
    , m_testResult(noteLabel(QStringLiteral("testResult"), this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_notifyByDefault(new QCheckBox(tr("Notify me when a call that was running finishes"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_grid(new QGridLayout)
    , m_columns(new QHBoxLayout)
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(560);

    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(ApiEndpoint::defaultBaseUrl().toString());
    m_baseUrl->setText(baseUrl.toString());
    m_baseUrl->setClearButtonEnabled(true);
    connect(m_baseUrl, &QLineEdit::textChanged, this, [this] {
        clearTestResult();
        validateBaseUrl();
    });

    m_apiVersion->setObjectName(QStringLiteral("apiVersion"));
    m_apiVersion->addItem(tr("Automatic: v3, then v2 for calls v3 does not know"),
                          QVariant::fromValue(int(ApiVersionChoice::Auto)));
    m_apiVersion->addItem(tr("v3 only"), QVariant::fromValue(int(ApiVersionChoice::V3)));
    m_apiVersion->addItem(tr("v2 only (deprecated by bem)"),
                          QVariant::fromValue(int(ApiVersionChoice::V2)));
    m_apiVersion->setToolTip(
        tr("v3 shows a call's outputs, errors and trace events. Function-type calls exist "
           "on v2 only; Automatic asks v2 once when v3 does not know a call."));
    connect(m_apiVersion, &QComboBox::currentIndexChanged, this, &SettingsDialog::clearTestResult);

    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setClearButtonEnabled(true);
    connect(m_key, &QLineEdit::textChanged, this, &SettingsDialog::clearTestResult);
    m_showKey->setObjectName(QStringLiteral("showKey"));
    m_showKey->setCheckable(true);
    const QColor iconColour = palette().color(QPalette::Text);
    const QIcon showIcon =
        QIcon::fromTheme(QStringLiteral("view-visible"), paintedEye(false, iconColour));
    const QIcon hideIcon =
        QIcon::fromTheme(QStringLiteral("view-hidden"), paintedEye(true, iconColour));
    const auto applyShown = [this, showIcon, hideIcon](bool shown) {
        m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setIcon(shown ? hideIcon : showIcon);
        m_showKey->setToolTip(shown ? tr("Hide the key") : tr("Show the key"));
    };
    applyShown(false);
    connect(m_showKey, &QAction::toggled, this, applyShown);
    m_key->addAction(m_showKey, QLineEdit::TrailingPosition);

    m_forgetButton->setObjectName(QStringLiteral("forgetKey"));
    connect(m_forgetButton, &QPushButton::clicked, this, &SettingsDialog::forgetKey);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    m_testResult->hide();

    m_threshold->setObjectName(QStringLiteral("lowConfidenceThreshold"));
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    const double stored = QSettings().value(SettingsKeys::lowConfidenceThreshold(), 0.8).toDouble();
    m_threshold->setValue(stored >= 0.0 && stored <= 1.0 ? stored : 0.8);
    m_threshold->setToolTip(tr("Output fields whose confidence is below this are shown in red "
                               "and kept by \u201cLow confidence only\u201d."));

    m_notifyByDefault->setObjectName(QStringLiteral("notifyByDefault"));
    m_notifyByDefault->setChecked(
        QSettings().value(SettingsKeys::notificationsDefaultOn(), true).toBool());
    m_notifyByDefault->setToolTip(
        tr("The bell of a call that was pending or running when opened starts on; each "
           "tab's bell can still be switched."));

    connect(m_client, &BemClient::connectionChecked, this, &SettingsDialog::showTestResult);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    // A check still running when the dialog closes is of no interest to anyone.
    connect(this, &QDialog::finished, m_client, &BemClient::cancel);

    // A grid rather than a QFormLayout: word-wrapped notes there get the height they would
    // need at a narrow width, leaving gaps.
    QGridLayout *grid = m_grid;
    grid->setColumnStretch(1, 1);
    const auto addCaption = [this, grid](int row, const QString &text, QWidget *buddy) {
        auto *caption = new QLabel(text, this);
        caption->setTextFormat(Qt::PlainText);
        caption->setBuddy(buddy);
        grid->addWidget(caption, row, 0);
    };
    const int r = FirstConnectionRow;
    addCaption(r, tr("&Base URL:"), m_baseUrl);
    grid->addWidget(m_baseUrl, r, 1);
    grid->addWidget(m_baseUrlProblem, r + 1, 1);
    addCaption(r + 2, tr("API &version:"), m_apiVersion);
    grid->addWidget(m_apiVersion, r + 2, 1, Qt::AlignLeft);
    addCaption(r + 3, tr("API &key:"), m_key);
    grid->addWidget(m_key, r + 3, 1);
    grid->addWidget(m_keyInUse, r + 4, 1);
    grid->addWidget(m_environmentNote, r + 5, 1);
    grid->addWidget(m_keychainNote, r + 6, 1);
    grid->addWidget(m_forgetButton, r + 7, 1, Qt::AlignLeft);
    addCaption(r + 8, tr("Connection:"), m_testButton);
    grid->addWidget(m_testButton, r + 8, 1, Qt::AlignLeft);
    grid->addWidget(m_testResult, r + 9, 1);
    addCaption(r + 10, tr("&Low confidence below:"), m_threshold);
    grid->addWidget(m_threshold, r + 10, 1, Qt::AlignLeft);
    addCaption(r + 11, tr("Notifications:"), m_notifyByDefault);
    grid->addWidget(m_notifyByDefault, r + 11, 1, Qt::AlignLeft);

    auto *fields = new QVBoxLayout;
    fields->addLayout(grid);
    fields->addStretch(1);
    m_columns->addLayout(fields, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_columns, 1);
    layout->addWidget(m_buttons);

    validateBaseUrl();
    setKeyStore(keys);
}

void SettingsDialog::setKeyStore(ApiKeyStore *keys)
{
    if (m_keys)
        m_keys->disconnect(this);
    m_keys = keys;
    if (m_keys) {
        connect(m_keys, &ApiKeyStore::keyChanged, this, &SettingsDialog::updateKeyInfo);
        connect(m_keys, &ApiKeyStore::loaded, this, &SettingsDialog::updateKeyInfo);
        connect(m_keys, &ApiKeyStore::saved, this, &SettingsDialog::updateKeyInfo);
    }
    updateKeyInfo();
}

SettingsDialog::~SettingsDialog() = default;

QUrl SettingsDialog::baseUrl() const
{
    const QString text = m_baseUrl->text().trimmed();
    if (text.isEmpty())
        return ApiEndpoint::defaultBaseUrl();
    return ApiEndpoint::normalizedBaseUrl(text);
}

void SettingsDialog::setApiVersionChoice(ApiVersionChoice choice)
{
    m_apiVersion->setCurrentIndex(m_apiVersion->findData(QVariant::fromValue(int(choice))));
}

ApiVersionChoice SettingsDialog::apiVersionChoice() const
{
    return ApiVersionChoice(m_apiVersion->currentData().toInt());
}

void SettingsDialog::validateBaseUrl()
{
    const QUrl url = baseUrl();
    QString problem;
    if (!url.isValid())
        problem = tr("Enter an http(s) URL with a host, such as %1.")
                      .arg(ApiEndpoint::defaultBaseUrl().toString());
    else
        problem = ApiEndpoint::keyTransportProblem(url);
    m_baseUrlProblem->setText(problem);
    m_baseUrlProblem->setVisible(!problem.isEmpty());
    // The launch's entry is not saved: its URL, whatever it is, does not stop the others'.
    const EnvironmentDraft *draft = m_environments ? m_environments->current() : nullptr;
    const bool fixed = draft && draft->environment.fromProcess;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() || fixed);
    // An insecure URL may still be tried: the client's refusal says why nothing was sent.
    m_testButton->setEnabled(url.isValid());
}

void SettingsDialog::updateKeyInfo()
{
    if (!m_keys)
        m_keyInUse->setText(tr("No key is saved for this environment yet."));
    else if (m_keys->hasKey())
        m_keyInUse->setText(tr("In use: %1 (%2)")
                                .arg(ApiKeyStore::masked(m_keys->key()),
                                     ApiKeyStore::sourceDescription(m_keys->source())));
    else if (!m_keys->isLoaded())
        m_keyInUse->setText(tr("Looking for a saved key\u2026"));
    else
        m_keyInUse->setText(tr("No key is set."));
    const bool hasKey = m_keys && m_keys->hasKey();
    m_key->setPlaceholderText(hasKey ? tr("Leave empty to keep the key in use")
                                     : tr("Paste your bem API key"));

    // With environments, BEM_API_KEY is the launch entry's key and no other's.
    const EnvironmentDraft *draft = m_environments ? m_environments->current() : nullptr;
    const bool readsEnvironment = !m_environments || (draft && draft->environment.fromProcess);
    const bool environment = readsEnvironment && ApiKeyStore::environmentHasKey();
    m_environmentNote->setText(
        environment ? tr("BEM_API_KEY is set in the environment and is used at start-up. A key "
                         "saved here takes over at once and replaces it until the app "
                         "restarts; from then on BEM_API_KEY wins again while it is set.")
                    : QString());
    m_environmentNote->setVisible(environment);

    const QString problem = m_keys ? m_keys->keychainProblem() : QString();
    // The store's own words already say where a key goes instead; add only what it leaves
    // out, that such a key is gone when the app quits.
    m_keychainNote->setText(
        problem.isEmpty() ? QString() : problem + u' ' + tr("It is forgotten when the app quits."));
    m_keychainNote->setVisible(!problem.isEmpty());

    const ApiKeyStore::Source source = m_keys ? m_keys->source() : ApiKeyStore::Source::None;
    // Behind BEM_API_KEY there may be a saved key too; the store cannot tell without
    // reading the keychain, so forgetting stays possible (the launch entry has no saved key).
    m_forgetButton->setEnabled(source == ApiKeyStore::Source::Keychain ||
                               source == ApiKeyStore::Source::Session ||
                               (environment && !m_environments));
}

void SettingsDialog::forgetKey()
{
    QMessageBox box(QMessageBox::Question, tr("Forget Saved Key"),
                    tr("Remove the saved API key from the system keychain and from this "
                       "session?"),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes || !m_keys)
        return;
    m_keys->forget();
    updateKeyInfo();
}

void SettingsDialog::testConnection()
{
    const QUrl url = baseUrl();
    if (!url.isValid())
        return;
    const QString typed = m_key->text().trimmed();
    m_client->setBaseUrl(url);
    m_client->setApiKey(typed.isEmpty() && m_keys ? m_keys->key() : typed);
    m_testResult->setToolTip(QString());
    m_testResult->setText(tr("Testing\u2026"));
    m_testResult->show();
    // Cancels a check still running: only the latest fields count. Auto checks both
    // versions and says which answered.
    m_client->checkConnection(apiVersionChoice());
}

bool SettingsDialog::isTesting() const
{
    return m_client->isBusy();
}

double SettingsDialog::lowConfidenceThreshold() const
{
    return m_threshold->value();
}

void SettingsDialog::showTestResult(const FetchResult &result)
{
    // The client needs the key only while checking.
    m_client->setApiKey(QString());
    if (result.outcome == FetchOutcome::Success) {
        // The client's sentence names the versions that answered; the time goes inside it.
        QString said = result.message;
        if (said.endsWith(u'.'))
            said.chop(1);
        m_testResult->setText(tr("%1 (%2).").arg(said, formatDuration(result.elapsedMs)));
    } else
        m_testResult->setText(result.message);
    m_testResult->setToolTip(result.details.isEmpty() ? QString()
                                                      : plainToolTip(result.details.split(u'\n')));
    m_testResult->show();
    Q_EMIT connectionTested(result);
}

void SettingsDialog::clearTestResult()
{
    m_client->cancel();
    m_client->setApiKey(QString());
    m_testResult->clear();
    m_testResult->setToolTip(QString());
    m_testResult->hide();
}

void SettingsDialog::accept()
{
    if (m_environments) {
        if (!applyEnvironments())
            return;
    } else {
        if (!baseUrl().isValid() || !ApiEndpoint::keyTransportProblem(baseUrl()).isEmpty())
            return;
        const QString typed = m_key->text().trimmed();
        if (!typed.isEmpty())
            m_keys->save(typed);
    }
    QSettings().setValue(SettingsKeys::lowConfidenceThreshold(), m_threshold->value());
    QSettings().setValue(SettingsKeys::notificationsDefaultOn(), m_notifyByDefault->isChecked());
    // The field need not hold the key any longer than this.
    m_key->clear();
    QDialog::accept();
}

} // namespace bem

// SPDX-License-Identifier: MIT
// The Settings dialog's environment editor: the list beside the connection fields, and the
// rows for the selected environment's name, colour and origin.
#include "settingsdialog.h"

#include "apiendpoint.h"
#include "apikeystore.h"
#include "environmentpanel.h"
#include "environmentstore.h"

#include <QColorDialog>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>

namespace bem {

namespace {

QIcon colorSwatch(const QColor &color)
{
    QPixmap pixmap(28, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(1, 2, 26, 12), 6, 6);
    return QIcon(pixmap);
}

} // namespace

SettingsDialog::SettingsDialog(EnvironmentStore *environments, QNetworkAccessManager *network,
                               const QString &currentId, QWidget *parent)
    : SettingsDialog(static_cast<ApiKeyStore *>(nullptr), network, QUrl(), parent)
{
    setMinimumWidth(780);
    m_environments = new EnvironmentPanel(environments, this);
    m_columns->insertWidget(0, m_environments);
    buildEnvironmentRows();
    connect(m_environments, &EnvironmentPanel::aboutToSwitch, this,
            &SettingsDialog::storeFieldsInDraft);
    connect(m_environments, &EnvironmentPanel::switched, this, &SettingsDialog::showDraft);
    m_environments->select(currentId.isEmpty() ? environments->defaultId() : currentId);
}

void SettingsDialog::buildEnvironmentRows()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("environmentName"));
    m_name->setPlaceholderText(tr("Production, Sandbox, EU…"));
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_environments->setCurrentName(text);
        if (const EnvironmentDraft *draft = m_environments->current())
            m_color->setIcon(colorSwatch(draft->environment.color));
    });
    m_color = new QPushButton(tr("C&olour…"), this);
    m_color->setObjectName(QStringLiteral("environmentColor"));
    m_color->setToolTip(tr("The colour of this environment's chip on its tabs"));
    connect(m_color, &QPushButton::clicked, this, &SettingsDialog::chooseColor);
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("environmentSource"));
    m_source->setTextFormat(Qt::PlainText);
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->hide();

    auto *caption = new QLabel(tr("&Name:"), this);
    caption->setTextFormat(Qt::PlainText);
    caption->setBuddy(m_name);
    auto *row = new QHBoxLayout;
    row->addWidget(m_name, 1);
    row->addWidget(m_color);
    m_grid->addWidget(caption, 0, 0);
    m_grid->addLayout(row, 0, 1);
    m_grid->addWidget(m_source, 1, 1);
}

void SettingsDialog::storeFieldsInDraft()
{
    EnvironmentDraft *draft = m_environments->current();
    if (!draft || draft->removed)
        return;
    draft->baseUrlText = m_baseUrl->text();
    draft->environment.apiVersion = apiVersionChoice();
    draft->typedKey = m_key->text().trimmed();
}

void SettingsDialog::showDraft()
{
    const EnvironmentDraft *draft = m_environments->current();
    if (!draft)
        return;
    const Environment &env = draft->environment;
    const bool fixed = env.fromProcess;
    m_name->setText(env.name);
    m_name->setReadOnly(fixed);
    m_color->setIcon(colorSwatch(env.color));
    m_color->setEnabled(!fixed);
    m_baseUrl->setText(draft->baseUrlText);
    m_baseUrl->setReadOnly(fixed);
    m_baseUrl->setClearButtonEnabled(!fixed);
    setApiVersionChoice(env.apiVersion);
    m_apiVersion->setEnabled(!fixed);
    EnvironmentStore *store = m_environments->store();
    if (fixed) {
        QString text = tr("Set for this launch by %1, and not saved: change it where it was set. "
                          "A key typed here is kept for this session only.")
                           .arg(store->launchSource());
        if (!store->launchProblem().isEmpty())
            text += u' ' + store->launchProblem();
        m_source->setText(text);
    }
    m_source->setVisible(fixed);
    m_key->setText(draft->typedKey);
    setKeyStore(env.id.isEmpty() ? nullptr : store->keys(env.id));
    clearTestResult();
    validateBaseUrl();
}

void SettingsDialog::chooseColor()
{
    const EnvironmentDraft *draft = m_environments->current();
    if (!draft)
        return;
    const QColor chosen =
        QColorDialog::getColor(draft->environment.color, this, tr("Environment Colour"));
    if (chosen.isValid())
        setEnvironmentColor(chosen);
}

void SettingsDialog::setEnvironmentColor(const QColor &color)
{
    if (!m_environments)
        return;
    m_environments->setCurrentColor(color);
    if (const EnvironmentDraft *draft = m_environments->current())
        m_color->setIcon(colorSwatch(draft->environment.color));
}

bool SettingsDialog::applyEnvironments()
{
    storeFieldsInDraft();
    // Every environment must have a URL its key may travel to; the first that has not
    // is shown with its problem.
    const QList<EnvironmentDraft> &drafts = m_environments->drafts();
    for (int i = 0; i < drafts.size(); ++i) {
        const EnvironmentDraft &d = drafts.at(i);
        if (d.removed || d.environment.fromProcess)
            continue;
        const QString text = d.baseUrlText.trimmed();
        const QUrl url =
            text.isEmpty() ? ApiEndpoint::defaultBaseUrl() : ApiEndpoint::normalizedBaseUrl(text);
        if (!url.isValid() || !ApiEndpoint::keyTransportProblem(url).isEmpty()) {
            m_environments->selectDraft(i);
            return false;
        }
    }
    m_currentId = m_environments->apply();
    return true;
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "tabenvironments.h"

#include "apikeystore.h"
#include "callsession.h"
#include "calltab.h"
#include "environmentchip.h"
#include "environmentstore.h"
#include "requestgate.h"

#include <QComboBox>
#include <QPainter>
#include <QPixmap>
#include <QTabBar>
#include <QTabWidget>

namespace bem {

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(140));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5, 0.5, 11, 11));
    return QIcon(pixmap);
}

} // namespace

TabEnvironments::TabEnvironments(EnvironmentStore *store, QTabWidget *tabs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_tabs(tabs)
    , m_combo(new QComboBox)
{
    m_combo->setObjectName(QStringLiteral("environmentCombo"));
    m_combo->setToolTip(tr("The bem environment of this tab (its server and key); it can be "
                           "changed until a call is loaded"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillCombo();
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        if (m_current && !m_current->hasCall())
            assign(m_current, m_combo->itemData(index).toString());
    });
    connect(m_store, &EnvironmentStore::environmentsChanged, this, [this] {
        fillCombo();
        for (CallTab *tab : allTabs())
            configure(tab); // names, colours and what a 404 may offer
        follow(m_current);
    });
    connect(m_store, &EnvironmentStore::environmentChanged, this,
            &TabEnvironments::onEnvironmentChanged);
    connect(m_store, &EnvironmentStore::removed, this, &TabEnvironments::onRemoved);
}

TabEnvironments::~TabEnvironments() = default;

void TabEnvironments::setActive(bool active)
{
    m_active = active;
    m_combo->setVisible(active);
    for (CallTab *tab : allTabs())
        updateChip(tab);
}

QList<CallTab *> TabEnvironments::allTabs() const
{
    QList<CallTab *> tabs;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *tab = qobject_cast<CallTab *>(m_tabs->widget(i)))
            tabs << tab;
    }
    return tabs;
}

void TabEnvironments::assign(CallTab *tab, const QString &id)
{
    if (!m_active)
        return;
    tab->setEnvironmentId(m_store->environment(id) ? id : m_store->defaultId());
    configure(tab);
    Q_EMIT keysChanged();
    if (tab == m_current)
        follow(tab);
}

ApiKeyStore *TabEnvironments::keysOf(const CallTab *tab) const
{
    if (!m_active || !tab)
        return nullptr;
    ApiKeyStore *keys = m_store->keys(tab->environmentId());
    if (keys) {
        // Each store once: its key arriving or changing changes what tabs say of it.
        connect(keys, &ApiKeyStore::loaded, this, &TabEnvironments::keysChanged,
                Qt::UniqueConnection);
        connect(keys, &ApiKeyStore::keyChanged, this, &TabEnvironments::keysChanged,
                Qt::UniqueConnection);
    }
    return keys;
}

void TabEnvironments::configure(CallTab *tab)
{
    if (!m_active)
        return;
    const std::optional<Environment> env = m_store->environment(tab->environmentId());
    if (!env)
        return;
    CallSession *session = tab->session();
    ApiKeyStore *keys = m_store->keys(env->id);
    // The old key goes before anything else changes, and the new one is in place before
    // the address does: no request carries a key to another environment's server (the
    // URL change asks a call again at once, there, with its key).
    const bool moved =
        session->baseUrl() != env->baseUrl || session->apiVersionChoice() != env->apiVersion;
    if (RequestGate *gate = session->requestGate())
        session->setRequestGate(gate, env->id); // a 429 holds back this environment's tabs
    session->setKeyStore(nullptr);
    session->setApiKey(QString());
    session->setKeyStore(keys);
    session->setBaseUrl(env->baseUrl);
    session->setApiVersionChoice(env->apiVersion);
    if (!moved && !session->isOffline() && !session->callId().isEmpty())
        session->refreshNow(); // the same server, maybe another key
    const QStringList others = m_store->otherIdsFor(env->id);
    tab->setAlternative(others.value(0), others.isEmpty() ? QString() : nameOf(others.first()));
    updateChip(tab);
}

void TabEnvironments::updateChip(CallTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    QTabBar *bar = m_tabs->tabBar();
    auto *chip = qobject_cast<EnvironmentChip *>(bar->tabButton(index, QTabBar::LeftSide));
    const std::optional<Environment> env = m_store->environment(tab->environmentId());
    if (!m_active || !env) {
        if (chip)
            chip->hide();
        return;
    }
    if (!chip) {
        chip = new EnvironmentChip(bar);
        chip->setObjectName(QStringLiteral("tabEnvironmentChip"));
        chip->setMaximumTextWidth(90);
    }
    chip->setEnvironment(*env);
    chip->adjustSize();
    // Set again after every change: the tab bar sizes its tabs from the chip's size then.
    bar->setTabButton(index, QTabBar::LeftSide, chip);
    chip->show();
}

void TabEnvironments::follow(CallTab *tab)
{
    m_current = tab;
    if (!tab)
        return;
    const int index = m_combo->findData(tab->environmentId());
    m_combo->setCurrentIndex(index);
    m_combo->setEnabled(!tab->hasCall());
}

QString TabEnvironments::nameOf(const QString &id) const
{
    const std::optional<Environment> env = m_store->environment(id);
    return env ? env->name : QString();
}

void TabEnvironments::fillCombo()
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    const QList<Environment> environments = m_store->environments();
    for (const Environment &env : environments)
        m_combo->addItem(swatch(env.color), env.name, env.id);
}

void TabEnvironments::onEnvironmentChanged(const QString &id)
{
    fillCombo();
    for (CallTab *tab : allTabs()) {
        if (tab->environmentId() == id)
            configure(tab); // a new URL or version asks the call again there
    }
    follow(m_current);
}

void TabEnvironments::onRemoved(const QString &id)
{
    fillCombo();
    for (CallTab *tab : allTabs()) {
        if (tab->environmentId() == id)
            assign(tab, m_store->defaultId());
    }
    follow(m_current);
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "environmentpanel.h"

#include "apiendpoint.h"
#include "apikeystore.h"
#include "environmentstore.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace bem {

namespace {

constexpr int DraftRole = Qt::UserRole + 1;

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(1, 3, 14, 10), 5, 5);
    return QIcon(pixmap);
}

} // namespace

EnvironmentPanel::EnvironmentPanel(EnvironmentStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move Do&wn"), this))
{
    m_list->setObjectName(QStringLiteral("environmentList"));
    m_add->setObjectName(QStringLiteral("addEnvironment"));
    m_remove->setObjectName(QStringLiteral("removeEnvironment"));
    m_add->setToolTip(tr("Add an environment: a name, a base URL and a key of its own"));
    m_remove->setToolTip(tr("Remove this environment and its saved key"));
    m_up->setObjectName(QStringLiteral("moveEnvironmentUp"));
    m_down->setObjectName(QStringLiteral("moveEnvironmentDown"));
    m_up->setToolTip(tr("Move this environment up: the order of the environments beside "
                        "Call ID (Alt+Up)"));
    m_down->setToolTip(tr("Move this environment down: the order of the environments beside "
                          "Call ID (Alt+Down)"));
    m_list->setMinimumWidth(150);
    m_list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);

    for (const Environment &env : store->environments()) {
        EnvironmentDraft draft;
        draft.environment = env;
        draft.baseUrlText = env.baseUrl.toString();
        // Picked in this dialog only: a saved colour that its name gave it may follow a
        // new name (setCurrentName).
        draft.colorChosen = false;
        m_drafts.append(draft);
        addItem(int(m_drafts.size()) - 1);
    }

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        const int next = item ? item->data(DraftRole).toInt() : -1;
        if (next == m_current)
            return;
        Q_EMIT aboutToSwitch();
        m_current = next;
        updateButtons();
        Q_EMIT switched();
    });
    connect(m_add, &QPushButton::clicked, this, &EnvironmentPanel::addEnvironment);
    connect(m_remove, &QPushButton::clicked, this, &EnvironmentPanel::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    m_list->installEventFilter(this); // Alt+Up, Alt+Down

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto *moves = new QHBoxLayout;
    moves->addWidget(m_up);
    moves->addWidget(m_down);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(moves);
    layout->addLayout(buttons);
    updateButtons();
}

EnvironmentPanel::~EnvironmentPanel() = default;

EnvironmentDraft *EnvironmentPanel::current()
{
    return m_current >= 0 && m_current < m_drafts.size() ? &m_drafts[m_current] : nullptr;
}

void EnvironmentPanel::select(const QString &id)
{
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (m_drafts.at(i).environment.id == id && !m_drafts.at(i).removed) {
            selectDraft(i);
            return;
        }
    }
    if (m_list->count() > 0 && !m_list->currentItem())
        m_list->setCurrentRow(0);
}

void EnvironmentPanel::selectDraft(int index)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(DraftRole).toInt() == index) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void EnvironmentPanel::addEnvironment()
{
    EnvironmentDraft draft;
    draft.environment.name = uniqueName();
    draft.environment.baseUrl = ApiEndpoint::defaultBaseUrl();
    draft.baseUrlText = draft.environment.baseUrl.toString();
    QList<QColor> taken;
    for (const EnvironmentDraft &d : std::as_const(m_drafts)) {
        if (!d.removed)
            taken << d.environment.color;
    }
    draft.environment.color = EnvironmentColors::defaultFor(draft.environment.name, taken);
    m_drafts.append(draft);
    addItem(int(m_drafts.size()) - 1);
    selectDraft(int(m_drafts.size()) - 1);
}

bool EnvironmentPanel::canRemoveCurrent() const
{
    if (m_current < 0 || m_drafts.at(m_current).environment.fromProcess)
        return false;
    const auto kept = std::count_if(m_drafts.cbegin(), m_drafts.cend(), [](const auto &d) {
        return !d.removed && !d.environment.fromProcess;
    });
    return kept > 1;
}

void EnvironmentPanel::removeCurrent()
{
    if (!canRemoveCurrent())
        return;
    const int removing = m_current;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(DraftRole).toInt() == removing) {
            // Marked first: the switch that follows must not bring it back.
            m_drafts[removing].removed = true;
            delete m_list->takeItem(row);
            break;
        }
    }
    updateButtons();
}

bool EnvironmentPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool up = key->key() == Qt::Key_Up;
        if ((up || key->key() == Qt::Key_Down) && key->modifiers() == Qt::AltModifier) {
            moveCurrent(up ? -1 : 1);
            return true; // not also a move of the selection
        }
    }
    return QWidget::eventFilter(watched, event);
}

int EnvironmentPanel::currentRow() const
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(DraftRole).toInt() == m_current)
            return row;
    }
    return -1;
}

bool EnvironmentPanel::canMoveCurrent(int by) const
{
    const int row = currentRow();
    const int target = row + by;
    if (row < 0 || target < 0 || target >= m_list->count())
        return false;
    const auto fromProcess = [this](int listRow) {
        return m_drafts.at(m_list->item(listRow)->data(DraftRole).toInt()).environment.fromProcess;
    };
    return !fromProcess(row) && !fromProcess(target);
}

void EnvironmentPanel::moveCurrent(int by)
{
    if (!canMoveCurrent(by))
        return;
    const int row = currentRow();
    {
        // The same draft stays current: no switch for the dialog to follow.
        const QSignalBlocker blocker(m_list);
        QListWidgetItem *item = m_list->takeItem(row);
        m_list->insertItem(row + by, item);
        m_list->setCurrentItem(item);
    }
    updateButtons();
}

void EnvironmentPanel::setCurrentName(const QString &name)
{
    EnvironmentDraft *draft = current();
    if (!draft || draft->environment.fromProcess)
        return;
    QList<QColor> taken;
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (i != m_current && !m_drafts.at(i).removed)
            taken << m_drafts.at(i).environment.color;
    }
    // An environment renamed "Production" turns red, unless its colour was picked: a new
    // one, or one still in the colour its old name gave it (an upgrade's "Default").
    const bool automatic =
        draft->environment.id.isEmpty() ||
        draft->environment.color == EnvironmentColors::defaultFor(draft->environment.name, taken);
    draft->environment.name = name;
    if (!draft->colorChosen && automatic)
        draft->environment.color = EnvironmentColors::defaultFor(name, taken);
    refreshItem(m_current);
}

void EnvironmentPanel::setCurrentColor(const QColor &color)
{
    EnvironmentDraft *draft = current();
    if (!draft || draft->environment.fromProcess || !color.isValid())
        return;
    draft->environment.color = color;
    draft->colorChosen = true;
    refreshItem(m_current);
}

QString EnvironmentPanel::apply()
{
    QString currentId;
    for (int i = 0; i < m_drafts.size(); ++i) {
        EnvironmentDraft &draft = m_drafts[i];
        Environment &env = draft.environment;
        if (draft.removed) {
            if (!env.id.isEmpty())
                m_store->remove(env.id);
            continue;
        }
        if (!env.fromProcess) {
            const QString text = draft.baseUrlText.trimmed();
            env.baseUrl = text.isEmpty() ? ApiEndpoint::defaultBaseUrl()
                                         : ApiEndpoint::normalizedBaseUrl(text);
            if (env.name.trimmed().isEmpty())
                env.name = env.baseUrl.host();
            if (env.id.isEmpty())
                env.id = m_store->add(env);
            else
                m_store->update(env);
        }
        if (!draft.typedKey.isEmpty()) {
            if (ApiKeyStore *keys = m_store->keys(env.id))
                keys->save(draft.typedKey);
            draft.typedKey.clear();
        }
        if (i == m_current)
            currentId = env.id;
    }
    QStringList order;
    for (int row = 0; row < m_list->count(); ++row)
        order << m_drafts.at(m_list->item(row)->data(DraftRole).toInt()).environment.id;
    m_store->setOrder(order);
    return currentId;
}

void EnvironmentPanel::addItem(int draftIndex)
{
    auto *item = new QListWidgetItem(m_list);
    item->setData(DraftRole, draftIndex);
    refreshItem(draftIndex);
}

void EnvironmentPanel::refreshItem(int draftIndex)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (item->data(DraftRole).toInt() != draftIndex)
            continue;
        const Environment &env = m_drafts.at(draftIndex).environment;
        // Item views show DisplayRole literally: no markup to fear in a user's name.
        item->setText(env.name);
        item->setIcon(swatch(env.color));
        item->setToolTip(env.fromProcess ? tr("Set for this launch; not saved") : QString());
        return;
    }
}

void EnvironmentPanel::updateButtons()
{
    m_remove->setEnabled(canRemoveCurrent());
    m_up->setEnabled(canMoveCurrent(-1));
    m_down->setEnabled(canMoveCurrent(1));
}

QString EnvironmentPanel::uniqueName() const
{
    const QString base = tr("New environment");
    QString name = base;
    for (int n = 2;; ++n) {
        const bool taken = std::any_of(m_drafts.cbegin(), m_drafts.cend(), [&name](const auto &d) {
            return !d.removed && d.environment.name == name;
        });
        if (!taken)
            return name;
        name = base + u' ' + QString::number(n);
    }
}

} // namespace bem

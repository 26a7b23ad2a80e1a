// SPDX-License-Identifier: MIT
#include "callsfilterbar.h"

#include "plainlabel.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>

namespace bem {

CallsFilterBar::CallsFilterBar(QWidget *parent)
    : QWidget(parent)
{
    m_statusButton = new QPushButton(this);
    m_statusButton->setObjectName(QStringLiteral("callsStatusFilter"));
    auto *menu = new QMenu(m_statusButton);
    const QList<QPair<QString, QString>> statuses = {
        {QStringLiteral("pending"), tr("Pending")},
        {QStringLiteral("running"), tr("Running")},
        {QStringLiteral("completed"), tr("Completed")},
        {QStringLiteral("failed"), tr("Failed")},
    };
    for (const auto &[value, word] : statuses) {
        QAction *action = menu->addAction(word);
        action->setCheckable(true);
        action->setData(value);
        connect(action, &QAction::toggled, this, [this] {
            updateStatusText();
            emitQuery();
        });
        m_statusActions << action;
    }
    m_statusButton->setMenu(menu);

    m_workflows = new QLineEdit(this);
    m_workflows->setObjectName(QStringLiteral("callsWorkflowFilter"));
    m_workflows->setPlaceholderText(tr("Workflow names, comma-separated"));
    m_workflows->setClearButtonEnabled(true);
    m_reference = new QLineEdit(this);
    m_reference->setObjectName(QStringLiteral("callsReferenceFilter"));
    m_reference->setPlaceholderText(tr("Reference ID contains\u2026"));
    m_reference->setClearButtonEnabled(true);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &CallsFilterBar::emitQuery);
    for (QLineEdit *field : {m_workflows, m_reference}) {
        connect(field, &QLineEdit::textEdited, this, [this] { m_debounce.start(); });
        connect(field, &QLineEdit::returnPressed, this, &CallsFilterBar::emitQuery);
    }

    m_callType = new QComboBox(this);
    m_callType->setObjectName(QStringLiteral("callsTypeFilter"));
    m_callType->addItem(tr("Any type"), QString());
    m_callType->addItem(tr("Workflow calls"), QStringLiteral("workflow"));
    m_callType->addItem(tr("Function calls"), QStringLiteral("function"));
    m_callType->setVisible(false);
    m_order = new QComboBox(this);
    m_order->setObjectName(QStringLiteral("callsOrder"));
    m_order->addItem(tr("Newest first"), true);
    m_order->addItem(tr("Oldest first"), false);
    for (QComboBox *box : {m_callType, m_order})
        connect(box, &QComboBox::currentIndexChanged, this, &CallsFilterBar::emitQuery);

    m_error = plainLabel(QString(), this);
    m_error->setObjectName(QStringLiteral("callsFilterError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->setVisible(false);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_reference, 0, 0, 1, 2);
    layout->addWidget(m_statusButton, 0, 2);
    layout->addWidget(m_workflows, 1, 0);
    auto *choices = new QHBoxLayout;
    choices->setSpacing(4);
    choices->addWidget(m_callType);
    choices->addWidget(m_order);
    layout->addLayout(choices, 1, 1, 1, 2);
    layout->addWidget(m_error, 2, 0, 1, 3);
    layout->setColumnStretch(0, 1);
    updateStatusText();
}

CallsFilterBar::~CallsFilterBar() = default;

CallListQuery CallsFilterBar::query() const
{
    CallListQuery q;
    q.version = m_version;
    for (const QAction *action : m_statusActions) {
        if (action->isChecked())
            q.statuses << action->data().toString();
    }
    q.workflowNames = m_workflows->text().split(u',', Qt::SkipEmptyParts);
    q.referenceSubstring = m_reference->text();
    if (m_version == ApiVersion::V2)
        q.callType = m_callType->currentData().toString();
    q.newestFirst = m_order->currentData().toBool();
    return q;
}

void CallsFilterBar::setVersion(ApiVersion version)
{
    if (version == m_version)
        return;
    m_version = version;
    m_callType->setVisible(version == ApiVersion::V2);
}

void CallsFilterBar::setStatuses(const QStringList &statuses)
{
    for (QAction *action : std::as_const(m_statusActions)) {
        const QSignalBlocker blocker(action);
        action->setChecked(statuses.contains(action->data().toString()));
    }
    updateStatusText();
    emitQuery();
}

void CallsFilterBar::setNewestFirst(bool newestFirst)
{
    m_order->setCurrentIndex(newestFirst ? 0 : 1);
}

void CallsFilterBar::setReferenceText(const QString &text)
{
    m_reference->setText(text);
    emitQuery();
}

void CallsFilterBar::setWorkflowText(const QString &text)
{
    m_workflows->setText(text);
    emitQuery();
}

void CallsFilterBar::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString CallsFilterBar::errorText() const
{
    return m_error->text();
}

void CallsFilterBar::focusFilter()
{
    m_reference->setFocus(Qt::ShortcutFocusReason);
    m_reference->selectAll();
}

void CallsFilterBar::emitQuery()
{
    m_debounce.stop();
    Q_EMIT queryChanged(query());
}

void CallsFilterBar::updateStatusText()
{
    QStringList words;
    for (const QAction *action : std::as_const(m_statusActions)) {
        if (action->isChecked())
            words << action->text();
    }
    m_statusButton->setText(words.isEmpty() ? tr("Any status") : words.join(QStringLiteral(", ")));
}

} // namespace bem

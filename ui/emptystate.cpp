// SPDX-License-Identifier: MIT
#include "emptystate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace bem {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("emptyState"));
    auto *title = new QLabel(tr("Inspect a bem call"), this);
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *hint = new QLabel(tr("Paste a call ID, or a bem dashboard or API link, into the field "
                               "above and press Enter. You will see the call's status, timing "
                               "and its function calls, live while it runs."),
                            this);
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);

    m_keyState = new QLabel(this);
    m_keyState->setObjectName(QStringLiteral("keyState"));
    m_keyState->setTextFormat(Qt::PlainText);
    m_keyState->setWordWrap(true);

    m_enterKey = new QPushButton(tr("Enter API key\u2026"), this);
    m_enterKey->setObjectName(QStringLiteral("enterKey"));
    connect(m_enterKey, &QPushButton::clicked, this, &EmptyState::enterKeyRequested);
    m_demo = new QPushButton(tr("Try the demo"), this);
    m_demo->setObjectName(QStringLiteral("tryDemo"));
    m_demo->setToolTip(tr("Watch a workflow call run against a small bem API inside the app. "
                          "No key or network needed."));
    connect(m_demo, &QPushButton::clicked, this, &EmptyState::demoRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_enterKey);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);

    m_recentTitle = new QLabel(tr("Recent calls"), this);
    m_recentTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_recentTitle->font();
    bold.setBold(true);
    m_recentTitle->setFont(bold);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentList"));
    m_recent->setUniformItemSizes(true);
    m_recent->setMaximumHeight(220);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentChosen(item->data(Qt::UserRole).toString());
    });

    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    column->addWidget(title);
    column->addWidget(hint);
    column->addSpacing(8);
    column->addWidget(m_keyState);
    column->addLayout(buttons);
    column->addSpacing(8);
    column->addWidget(m_recentTitle);
    column->addWidget(m_recent);

    // A readable measure in the middle of a wide window.
    auto *page = new QWidget(this);
    page->setLayout(column);
    page->setMaximumWidth(640);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(page, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    setRecentCalls({});
    setKeyState(false, QString());
}

void EmptyState::setKeyState(bool hasKey, const QString &keyDescription)
{
    m_hasKey = hasKey;
    m_keyState->setText(keyDescription);
    m_keyState->setVisible(!keyDescription.isEmpty());
    m_enterKey->setText(hasKey ? tr("Settings\u2026") : tr("Enter API key\u2026"));
    m_enterKey->setDefault(!hasKey);
}

void EmptyState::setDemoAvailable(bool available)
{
    m_demo->setVisible(available);
}

void EmptyState::setRecentCalls(const QList<RecentCall> &calls)
{
    m_recent->clear();
    for (const RecentCall &call : calls) {
        // QListWidgetItem text is shown literally: server strings are safe here.
        auto *item = new QListWidgetItem(RecentCalls::label(call), m_recent);
        item->setData(Qt::UserRole, call.callId);
    }
    m_recentTitle->setVisible(!calls.isEmpty());
    m_recent->setVisible(!calls.isEmpty());
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "callidfield.h"

#include <QCompleter>
#include <QStandardItemModel>

namespace bem {

CallIdField::CallIdField(QWidget *parent)
    : QLineEdit(parent)
    , m_completions(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("callIdField"));
    setPlaceholderText(tr("Call ID, or a bem link \u2014 press Enter (Ctrl+L)"));
    setClearButtonEnabled(true);
    setMinimumWidth(360);
    auto *completer = new QCompleter(m_completions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    // Matched and inserted: the ID alone; shown in the popup: the whole label.
    completer->setCompletionRole(Qt::UserRole);
    setCompleter(completer);
    connect(this, &QLineEdit::returnPressed, this, [this] { Q_EMIT loadRequested(text()); });
}

void CallIdField::setRecentCalls(const QList<RecentCall> &calls)
{
    m_completions->clear();
    for (const RecentCall &call : calls) {
        // Item views show text literally: a server name here is safe.
        auto *item = new QStandardItem(RecentCalls::label(call));
        item->setData(call.callId, Qt::UserRole);
        item->setEditable(false);
        m_completions->appendRow(item);
    }
}

RecentCallsMenu::RecentCallsMenu(RecentCalls *recents, QWidget *parent)
    : QMenu(tr("Open &Recent"), parent)
    , m_recents(recents)
{
    setObjectName(QStringLiteral("recentMenu"));
    connect(m_recents, &RecentCalls::changed, this, &RecentCallsMenu::rebuild);
    rebuild();
}

void RecentCallsMenu::rebuild()
{
    clear();
    const QList<RecentCall> entries = m_recents->entries();
    for (const RecentCall &call : entries) {
        // A lone "&" in a workflow name would become a mnemonic.
        QString label = RecentCalls::label(call);
        label.replace(u'&', QStringLiteral("&&"));
        const QString id = call.callId;
        addAction(label, this, [this, id] { Q_EMIT callChosen(id); });
    }
    if (!entries.isEmpty()) {
        addSeparator();
        addAction(tr("&Clear List"), m_recents, &RecentCalls::clear);
    }
    setEnabled(!entries.isEmpty());
}

} // namespace bem

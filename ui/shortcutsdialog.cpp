// SPDX-License-Identifier: MIT
#include "shortcutsdialog.h"

#include "plainlabel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bem {
namespace {

// "&Refresh Now" / "Save &JSON…" as a person reads them; "&&" is a literal ampersand.
QString actionName(const QAction *action)
{
    QString text = action->text();
    text.replace(QLatin1String("&&"), QStringLiteral("\u0001"));
    text.remove(u'&');
    text.replace(u'\u0001', u'&');
    return text;
}

QString shortcutsText(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts())
        keys << sequence.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("shortcuts"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    for (const QAction *action : actions) {
        if (!action || action->isSeparator() || action->shortcuts().isEmpty())
            continue;
        // Item views show their text literally: no markup from an action's name.
        new QTreeWidgetItem(m_list, {actionName(action), shortcutsText(action)});
    }

    QLabel *more = plainLabel(tr("Everything else the window can do is described in the "
                                 "README, section \u201CUsing it\u201D."),
                              this);
    more->setObjectName(QStringLiteral("readmePointer"));
    more->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(more);
    layout->addWidget(buttons);
    resize(420, 360);
}

ShortcutsDialog::~ShortcutsDialog() = default;

QList<QPair<QString, QString>> ShortcutsDialog::rows() const
{
    QList<QPair<QString, QString>> out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        out.append({item->text(0), item->text(1)});
    }
    return out;
}

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

namespace bem {

// Help ▸ Keyboard Shortcuts: the actions it is given, each with its name (mnemonic
// ampersands removed) and its shortcuts in the platform's notation, plain text; actions
// without a shortcut are left out. Below the list, where the README explains the rest.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

    // One row per action with a shortcut: {name, shortcuts}. For tests and accessibility.
    QList<QPair<QString, QString>> rows() const;

private:
    QTreeWidget *m_list = nullptr;
};

} // namespace bem

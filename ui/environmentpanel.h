// SPDX-License-Identifier: MIT
#pragma once

#include "environment.h"

#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace bem {

class EnvironmentStore;

// One environment as the Settings dialog edits it, until OK applies it to the store.
struct EnvironmentDraft
{
    Environment environment;  // id empty for one added in the dialog
    QString baseUrlText;      // as typed
    QString typedKey;         // typed in the dialog, saved to its keychain entry on OK
    bool colorChosen = false; // picked by the user: renaming keeps it
    bool removed = false;
};

// The Settings dialog's list of environments: add, remove, reorder (Move Up / Move Down,
// Alt+Up / Alt+Down on the list), pick one to edit. It holds the edits as drafts; apply()
// hands them to the store (so Cancel undoes everything). The launch's own entry is not
// saved: it stays first, and nothing moves above it.
class EnvironmentPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentPanel(EnvironmentStore *store, QWidget *parent = nullptr);
    ~EnvironmentPanel() override;
    Q_DISABLE_COPY_MOVE(EnvironmentPanel)

    EnvironmentStore *store() const { return m_store; }
    const QList<EnvironmentDraft> &drafts() const { return m_drafts; }
    // The draft being edited; null when there is none.
    EnvironmentDraft *current();
    int currentIndex() const { return m_current; }
    void select(const QString &id);
    void selectDraft(int index);

    void addEnvironment();
    void removeCurrent();
    bool canRemoveCurrent() const;
    // Moves the current environment one place up (-1) or down (+1) in the list.
    void moveCurrent(int by);
    bool canMoveCurrent(int by) const;
    // Edits of the current draft that show in the list.
    void setCurrentName(const QString &name);
    void setCurrentColor(const QColor &color);

    // Saves every draft to the store: removals, changes, new environments, typed keys.
    // Returns the id of the draft that was current (a new one's fresh id).
    QString apply();

Q_SIGNALS:
    // current() is still the one being left: the dialog stores its fields into it.
    void aboutToSwitch();
    // current() is another draft now.
    void switched();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addItem(int draftIndex);
    void refreshItem(int draftIndex);
    void updateButtons();
    int currentRow() const;
    QString uniqueName() const;

    EnvironmentStore *m_store;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QList<EnvironmentDraft> m_drafts;
    int m_current = -1;
};

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QComboBox;
class QTabWidget;

namespace bem {

class ApiKeyStore;
class CallTab;
class EnvironmentStore;

// Which bem environment each tab talks to: sets up a tab's session from its environment
// (that environment's key store, base URL and API version, so a key never goes to another
// environment's server), puts a coloured chip on the tab, and offers the current tab's
// environment in a combo for the Call ID bar, changeable until a call is loaded there.
// A tab whose call is not found is offered the next environment with a key.
class TabEnvironments final : public QObject
{
    Q_OBJECT
public:
    TabEnvironments(EnvironmentStore *store, QTabWidget *tabs, QObject *parent = nullptr);
    ~TabEnvironments() override;
    Q_DISABLE_COPY_MOVE(TabEnvironments)

    EnvironmentStore *store() const { return m_store; }
    // For the Call ID bar: the current tab's environment.
    QComboBox *combo() const { return m_combo; }
    // Off in the demo: every tab uses the demo's connection, and no chip or combo shows.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    // Sets `tab` up for environment `id` (an unknown or empty id: the store's default).
    void assign(CallTab *tab, const QString &id);
    // The combo shows `tab`'s environment, and is enabled while it has no call.
    void follow(CallTab *tab);
    // The name shown for an environment id ("" when unknown).
    QString nameOf(const QString &id) const;
    // The key store of `tab`'s environment (null when inactive: the demo's, or none).
    ApiKeyStore *keysOf(const CallTab *tab) const;

Q_SIGNALS:
    // `tab` now talks to another environment (or the environment's key store changed):
    // what the tab says about its key may have changed.
    void keysChanged();

private:
    void configure(CallTab *tab);
    void updateChip(CallTab *tab);
    void fillCombo();
    void onEnvironmentChanged(const QString &id);
    void onRemoved(const QString &id);
    QList<CallTab *> allTabs() const;

    EnvironmentStore *m_store;
    QTabWidget *m_tabs;
    QComboBox *m_combo;
    QPointer<CallTab> m_current;
    bool m_active = true;
};

} // namespace bem

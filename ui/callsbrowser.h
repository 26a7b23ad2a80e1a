// SPDX-License-Identifier: MIT
#pragma once

#include "calllistquery.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QTableView;

namespace bem {

class BemClient;
class CallListFetcher;
class CallListModel;
class CallsContextMenu;
class CallsFilterBar;
class MessageBanner;

// The calls browser: filters, "Showing 100 of 2,314", a banner for a list that could not
// be loaded (the last good list stays under it) and the table of calls. It owns its own
// client, model and fetcher; whoever hosts it gives it the connection (configure the
// client, then restart()) and says whether it is seen (setActive()). Enter or a double
// click on a row asks for that call (callActivated()); Ctrl+click, a middle click or
// Ctrl+Enter asks for it in a new tab (callActivatedInNewTab()), as a browser does with
// links; a row's context menu offers both and copying the call's ID.
class CallsBrowser final : public QWidget
{
    Q_OBJECT
public:
    explicit CallsBrowser(QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~CallsBrowser() override;
    Q_DISABLE_COPY_MOVE(CallsBrowser)

    BemClient *client() const { return m_client; }
    CallListModel *model() const { return m_model; }
    CallListFetcher *fetcher() const { return m_fetcher; }
    CallsFilterBar *filterBar() const { return m_filters; }
    QTableView *view() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    // The menu of a row (shown on a right click on it).
    CallsContextMenu *contextMenu() const { return m_menu; }

    // v3 lists workflow calls; v2 lists function calls too (and filters by type).
    void setVersion(ApiVersion version);
    // Starts the list over (a new key, server or version).
    void restart();
    void setActive(bool active);
    // With no key there is nothing to list: the pane says where to set one and asks
    // nothing (a filter typed meanwhile is used once a key is set and restart() runs).
    void setKeyMissing(bool missing);
    bool isKeyMissing() const { return m_keyMissing; }
    void setOpenCallId(const QString &callId);
    void focusFilter();
    QString countText() const;
    // Every column at its usual width, up to a cap.
    QSize sizeHint() const override;

Q_SIGNALS:
    void callActivated(const QString &callId);
    void callActivatedInNewTab(const QString &callId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCount();
    QString callIdAt(const QModelIndex &index) const;
    bool isNewTabClick(QEvent *event) const;
    void showContextMenu(const QPoint &pos);

    BemClient *m_client;
    CallListModel *m_model;
    CallListFetcher *m_fetcher;
    CallsFilterBar *m_filters;
    QLabel *m_count;
    QLabel *m_note;
    QLabel *m_noKey;
    bool m_keyMissing = false;
    MessageBanner *m_banner;
    QTableView *m_view;
    CallsContextMenu *m_menu;
    QTimer m_repaint; // relative times and the glow move on
};

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>
#include <QTimer>

class QTreeView;

namespace bem {

class CallFilterProxyModel;

// Paints what the model's text cannot say on its own:
// - a collapsed function call with failures below it shows the failed icon and their
//   count at the end of its name, so a failure is never hidden by a collapsed parent;
// - rows whose status just changed glow for a moment after a refresh, then fade;
// - while the tree is filtered, rows that match themselves (not only as ancestors of a
//   match) are bold.
// Draws with the style's own painting plus a few primitives: no per-row widgets.
class CallTreeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // `proxy` is the model the view shows; indexes given to flash() are its source's.
    CallTreeDelegate(QTreeView *view, CallFilterProxyModel *proxy);

    // Starts the glow on these source rows.
    void flash(const QList<QPersistentModelIndex> &sourceRows);
    // Rows glowing right now (tests).
    int flashingCount() const { return int(m_flashes.size()); }
    static constexpr int FlashMs = 1600;
    static constexpr int MaxFlashingRows = 2000;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    qreal flashStrength(const QModelIndex &proxyIndex) const;
    void tick();

    QTreeView *m_view;
    CallFilterProxyModel *m_proxy;
    QHash<QPersistentModelIndex, qint64> m_flashes; // source row → start (m_clock ms)
    QElapsedTimer m_clock;
    QTimer m_fadeTimer;
};

} // namespace bem

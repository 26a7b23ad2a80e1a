// SPDX-License-Identifier: MIT
#include "calltreedelegate.h"

#include "callfilterproxymodel.h"
#include "calltreemodel.h"

#include <QApplication>
#include <QPainter>
#include <QTreeView>

namespace bem {

CallTreeDelegate::CallTreeDelegate(QTreeView *view, CallFilterProxyModel *proxy)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_proxy(proxy)
{
    m_clock.start();
    m_fadeTimer.setInterval(50);
    connect(&m_fadeTimer, &QTimer::timeout, this, &CallTreeDelegate::tick);
}

void CallTreeDelegate::flash(const QList<QPersistentModelIndex> &sourceRows)
{
    // A glow over thousands of rows tells nothing, and every persistent index kept costs
    // each later insert or removal a little: past this, nothing glows.
    if (m_flashes.size() + sourceRows.size() > MaxFlashingRows)
        return;
    const qint64 now = m_clock.elapsed();
    for (const QPersistentModelIndex &row : sourceRows) {
        if (row.isValid())
            m_flashes.insert(row, now);
    }
    if (!m_flashes.isEmpty() && !m_fadeTimer.isActive())
        m_fadeTimer.start();
}

void CallTreeDelegate::tick()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_flashes.begin(); it != m_flashes.end();) {
        if (!it.key().isValid() || now - it.value() >= FlashMs)
            it = m_flashes.erase(it);
        else
            ++it;
    }
    if (m_flashes.isEmpty())
        m_fadeTimer.stop();
    m_view->viewport()->update();
}

qreal CallTreeDelegate::flashStrength(const QModelIndex &proxyIndex) const
{
    if (m_flashes.isEmpty())
        return 0;
    const QModelIndex source = m_proxy->mapToSource(proxyIndex.siblingAtColumn(0));
    const auto it = m_flashes.constFind(QPersistentModelIndex(source));
    if (it == m_flashes.cend())
        return 0;
    const qint64 age = m_clock.elapsed() - it.value();
    return age >= FlashMs ? 0 : 1.0 - qreal(age) / FlashMs;
}

void CallTreeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == CallTreeModel::NameColumn && !m_proxy->filterText().isEmpty() &&
        m_proxy->matches(m_proxy->mapToSource(index)))
        option->font.setBold(true);
}

void CallTreeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const qreal glow = flashStrength(index);
    if (glow > 0) {
        // Amber, not the selection colour: "this just changed" must not read as "selected".
        const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
        QColor c = dark ? QColor(0xc8, 0x9a, 0x1e) : QColor(0xff, 0xc8, 0x3d);
        c.setAlphaF(float((dark ? 0.45 : 0.55) * glow));
        painter->fillRect(option.rect, c);
    }

    const int failedBelow = index.column() == CallTreeModel::NameColumn
                                ? index.data(CallTreeModel::FailedDescendantsRole).toInt()
                                : 0;
    if (failedBelow <= 0 || m_view->isExpanded(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // Room at the end of the name for the failed icon and the count.
    const QString count = QString::number(failedBelow);
    const QFontMetrics fm(option.font);
    const int iconSize = option.decorationSize.height() > 0 ? option.decorationSize.height() : 16;
    const int badgeWidth = iconSize + 3 + fm.horizontalAdvance(count) + 6;
    QStyleOptionViewItem textOption = option;
    textOption.rect.setRight(option.rect.right() - badgeWidth);
    QStyledItemDelegate::paint(painter, textOption, index);

    const QRect badge(option.rect.right() - badgeWidth + 3, option.rect.top(), badgeWidth - 3,
                      option.rect.height());
    const QRect iconRect(badge.left(), badge.center().y() - iconSize / 2 + 1, iconSize, iconSize);
    statusIcon(CallState::Failed).paint(painter, iconRect);
    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(option.state & QStyle::State_Selected
                        ? option.palette.color(QPalette::HighlightedText)
                        : option.palette.color(QPalette::Text));
    painter->drawText(badge.adjusted(iconSize + 3, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      count);
    painter->restore();
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "timelinecontroller.h"

#include "callfilterproxymodel.h"
#include "calltreemodel.h"
#include "criticalpath.h"
#include "timelinedelegate.h"
#include "timelineheader.h"

#include <QAction>
#include <QDateTime>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeView>

namespace bem {
namespace {

constexpr int Column = CallTreeModel::TimelineColumn;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

TimelineController::TimelineController(QTreeView *view, CallFilterProxyModel *proxy,
                                       CallTreeModel *model, QWidget *actionHost)
    : QObject(view)
    , m_view(view)
    , m_proxy(proxy)
    , m_model(model)
    , m_delegate(new TimelineDelegate(view, proxy, model))
    , m_header(new TimelineHeader(Column, view))
{
    m_view->setHeader(m_header);
    m_view->setItemDelegateForColumn(Column, m_delegate);

    m_backButton = new QToolButton(m_header);
    m_backButton->setObjectName(QStringLiteral("timelineZoomBack"));
    m_backButton->setText(tr("\u2190 Back"));
    m_backButton->setToolTip(tr("Show the time of the whole call again (Backspace)"));
    m_backButton->setAutoRaise(true);
    m_backButton->hide();
    m_header->setReservedRight(m_backButton->sizeHint().width() + 4);
    connect(m_backButton, &QToolButton::clicked, this, &TimelineController::zoomBack);
    connect(m_header, &QHeaderView::sectionResized, this, &TimelineController::placeBackButton);
    connect(m_header, &QHeaderView::geometriesChanged, this, &TimelineController::placeBackButton);
    connect(m_view->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &TimelineController::placeBackButton);

    const auto make = [this, actionHost](const QString &text, const QString &name,
                                         const QKeySequence &keys) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        actionHost->addAction(action);
        return action;
    };
    m_zoomToRow = make(tr("&Zoom Timeline to Row"), QStringLiteral("actionTimelineZoom"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_zoomBack = make(tr("Zoom Timeline &Back"), QStringLiteral("actionTimelineZoomBack"),
                      QKeySequence(Qt::Key_Backspace));
    // Backspace belongs to the filter box while it has focus: only the tree takes it here.
    m_zoomBack->setShortcutContext(Qt::WidgetShortcut);
    actionHost->removeAction(m_zoomBack);
    m_view->addAction(m_zoomBack);
    m_zoomBack->setEnabled(false);
    m_criticalPath = make(tr("Show &Critical Path"), QStringLiteral("actionCriticalPath"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_criticalPath->setCheckable(true);
    m_nextOnPath = make(tr("Next on Critical Path"), QStringLiteral("actionNextOnCriticalPath"),
                        QKeySequence(Qt::Key_F9));
    m_previousOnPath =
        make(tr("Previous on Critical Path"), QStringLiteral("actionPreviousOnCriticalPath"),
             QKeySequence(Qt::SHIFT | Qt::Key_F9));

    connect(m_zoomToRow, &QAction::triggered, this,
            [this] { zoomTo(m_proxy->mapToSource(m_view->currentIndex().siblingAtColumn(0))); });
    connect(m_zoomBack, &QAction::triggered, this, &TimelineController::zoomBack);
    connect(m_criticalPath, &QAction::toggled, this, &TimelineController::setCriticalPathShown);
    connect(m_nextOnPath, &QAction::triggered, this, [this] { stepAlongPath(false); });
    connect(m_previousOnPath, &QAction::triggered, this, [this] { stepAlongPath(true); });
    // A double-click on a bar zooms, and only zooms: the tree would also fold the row.
    m_viewport = m_view->viewport();
    m_viewport->installEventFilter(this);
    connect(m_model, &CallTreeModel::snapshotApplied, this, &TimelineController::onSnapshotApplied);
    connect(m_header, &QHeaderView::sectionResized, this, &TimelineController::updateTicking);

    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &TimelineController::refresh);
    refresh();
}

TimelineController::~TimelineController() = default;

bool TimelineController::eventFilter(QObject *watched, QEvent *event)
{
    // Only a pointer comparison: this may run while the view is being taken down.
    if (event->type() == QEvent::MouseButtonDblClick && watched == m_viewport) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && index.column() == Column) {
            m_view->setCurrentIndex(index);
            zoomTo(m_proxy->mapToSource(index.siblingAtColumn(0)));
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

QList<QAction *> TimelineController::actions() const
{
    return {m_zoomToRow, m_zoomBack, m_criticalPath, m_nextOnPath, m_previousOnPath};
}

TimeWindow TimelineController::window() const
{
    return m_zoomStack.empty() ? m_model->callWindow(nowMs()) : m_zoomStack.back();
}

bool TimelineController::zoomTo(const QModelIndex &sourceIndex)
{
    const TimeWindow span = m_model->subtreeWindow(sourceIndex, nowMs());
    if (!span.isValid())
        return false;
    // A little room either side, so the bar's ends are not on the column's edges.
    const qint64 margin = std::max<qint64>(span.lengthMs() / 40, 1);
    m_zoomStack.push_back({span.fromMs - margin, span.toMs + margin});
    m_zoomBack->setEnabled(true);
    refresh();
    return true;
}

void TimelineController::zoomBack()
{
    if (m_zoomStack.empty())
        return;
    m_zoomStack.pop_back();
    m_zoomBack->setEnabled(!m_zoomStack.empty());
    refresh();
}

void TimelineController::setCriticalPathShown(bool shown)
{
    if (m_criticalPath->isChecked() != shown) {
        m_criticalPath->setChecked(shown); // comes back here through toggled()
        return;
    }
    recomputePath();
    repaintColumn();
}

void TimelineController::recomputePath()
{
    m_path.clear();
    QSet<const FunctionCall *> onPath;
    const CallSnapshotPtr &snapshot = m_model->snapshot();
    if (m_criticalPath->isChecked() && snapshot) {
        m_path = criticalPath(*snapshot, nowMs());
        for (int i : m_path)
            onPath.insert(&snapshot->call.functionCalls[i]);
    }
    m_delegate->setCriticalPath(onPath);
}

QList<QModelIndex> TimelineController::criticalPathRows() const
{
    QList<QModelIndex> rows;
    const CallSnapshotPtr &snapshot = m_model->snapshot();
    if (!snapshot)
        return rows;
    for (int i : m_path) {
        const CallTree::Node &n = snapshot->tree.node(i);
        const QModelIndex row =
            m_model->indexForFunctionCallId(snapshot->call.functionCalls[i].functionCallId);
        // With repeated IDs only the first is found by ID; the others are left out.
        if (row.isValid() && n.occurrence == 0)
            rows << row;
    }
    return rows;
}

bool TimelineController::stepAlongPath(bool backward)
{
    if (!m_criticalPath->isChecked())
        setCriticalPathShown(true);
    const QList<QModelIndex> rows = criticalPathRows();
    if (rows.isEmpty())
        return false;
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex().siblingAtColumn(0));
    const qsizetype at = rows.indexOf(current);
    const qsizetype count = rows.size();
    qsizetype next =
        at < 0 ? (backward ? count - 1 : 0) : (at + (backward ? count - 1 : 1)) % count;
    // Rows a filter hides are skipped.
    for (qsizetype tried = 0; tried < count; ++tried) {
        const QModelIndex proxyIndex = m_proxy->mapFromSource(rows[next]);
        if (proxyIndex.isValid()) {
            m_view->scrollTo(proxyIndex); // expands its ancestors
            m_view->setCurrentIndex(proxyIndex);
            return true;
        }
        next = (next + (backward ? count - 1 : 1)) % count;
    }
    return false;
}

void TimelineController::onSnapshotApplied()
{
    const QString callId = m_model->callId();
    if (callId != m_callId) {
        // Another call: its times have nothing to do with the zoom of the last one.
        m_callId = callId;
        m_zoomStack.clear();
        m_zoomBack->setEnabled(false);
    }
    if (m_criticalPath->isChecked())
        recomputePath();
    refresh();
    updateTicking();
}

void TimelineController::refresh()
{
    const qint64 now = nowMs();
    const TimeWindow whole = m_model->callWindow(now);
    const TimeWindow shown = m_zoomStack.empty() ? whole : m_zoomStack.back();
    m_delegate->setWindow(shown, now);
    m_header->setRange(shown, whole);
    if (m_backButton)
        m_backButton->setVisible(!m_zoomStack.empty());
    placeBackButton();
    repaintColumn();
    updateTicking();
}

void TimelineController::repaintColumn()
{
    if (m_view->isColumnHidden(Column))
        return;
    // Only the column's visible strip: the other columns do not change with the clock.
    const int x = m_header->sectionViewportPosition(Column);
    const int width = m_header->sectionSize(Column);
    m_view->viewport()->update(QRect(x, 0, width, m_view->viewport()->height()));
    m_header->viewport()->update(QRect(x, 0, width, m_header->height()));
}

void TimelineController::updateTicking()
{
    const bool wanted = m_model->isLive() && m_model->callWindow(nowMs()).isValid() &&
                        !m_view->isColumnHidden(Column) && m_header->sectionSize(Column) > 0;
    if (wanted && !m_tick.isActive())
        m_tick.start();
    else if (!wanted && m_tick.isActive())
        m_tick.stop();
}

void TimelineController::placeBackButton()
{
    if (!m_backButton || !m_backButton->isVisible())
        return;
    const QSize size = m_backButton->sizeHint();
    const int right = m_header->sectionViewportPosition(Column) + m_header->sectionSize(Column);
    m_backButton->setGeometry(right - size.width() - 2, 1, size.width(),
                              std::min(size.height(), m_header->height() / 2));
}

} // namespace bem

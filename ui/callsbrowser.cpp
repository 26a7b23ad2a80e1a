// SPDX-License-Identifier: MIT
#include "callsbrowser.h"

#include "bemclient.h"
#include "calllistfetcher.h"
#include "calllistmodel.h"
#include "callscontextmenu.h"
#include "callsfilterbar.h"
#include "messagebanner.h"
#include "plainlabel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace bem {

namespace {

// Rows that a refresh changed glow amber for a moment, as the call tree's rows do.
class CallListDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const qreal glow = index.data(CallListModel::GlowRole).toReal();
        if (glow > 0) {
            const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
            QColor c = dark ? QColor(0xc8, 0x9a, 0x1e) : QColor(0xff, 0xc8, 0x3d);
            c.setAlphaF(float((dark ? 0.45 : 0.55) * glow));
            painter->fillRect(option.rect, c);
        }
        if (index.column() == 0 && index.data(CallListModel::OpenRole).toBool()) {
            // The open call: a bar at the row's start, besides its bold text.
            painter->fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                              option.palette.color(QPalette::Highlight));
        }
        QStyledItemDelegate::paint(painter, option, index);
    }
};

} // namespace

CallsBrowser::CallsBrowser(QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent)
    , m_client(new BemClient(network, this))
    , m_model(new CallListModel(this))
    , m_fetcher(new CallListFetcher(m_client, m_model, this))
    , m_filters(new CallsFilterBar(this))
    , m_count(plainLabel(QString(), this))
    , m_note(plainLabel(QString(), this))
    , m_noKey(plainLabel(tr("No API key is set, so there are no calls to list. Add your key in "
                            "File \u25b8 Settings\u2026 and your calls appear here."),
                         this))
    , m_banner(new MessageBanner(this))
    , m_view(new QTableView(this))
    , m_menu(new CallsContextMenu(this))
{
    m_count->setObjectName(QStringLiteral("callsCount"));
    m_note->setObjectName(QStringLiteral("callsNote"));
    m_note->setVisible(false);
    m_noKey->setObjectName(QStringLiteral("callsNoKey"));
    m_noKey->setWordWrap(true);
    m_noKey->setVisible(false);
    m_view->setObjectName(QStringLiteral("callsTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new CallListDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    // Each column as wide as its usual longest text (measured in this font, so it fits in
    // any language and at any scale); the call ID takes the rest.
    const QFontMetrics fm = m_view->fontMetrics();
    const int em = fm.horizontalAdvance(u'M');
    const auto fit = [&](int column, const QString &sample, int extra = 0) {
        header->resizeSection(column, fm.horizontalAdvance(sample) + em + extra);
    };
    fit(CallListModel::StatusColumn, tr("Completed"), 20);
    fit(CallListModel::NameColumn, QStringLiteral("invoice-pipeline"));
    fit(CallListModel::ReferenceColumn, QStringLiteral("acme-po-0000"));
    fit(CallListModel::CreatedColumn, QStringLiteral("59 m ago"));
    fit(CallListModel::DurationColumn, tr("running for %1").arg(QStringLiteral("59 m 59 s")));
    header->setMinimumSectionSize(3 * em);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_filters);
    layout->addWidget(m_banner);
    layout->addWidget(m_count);
    layout->addWidget(m_note);
    layout->addWidget(m_noKey);
    layout->addWidget(m_view, 1);

    connect(m_filters, &CallsFilterBar::queryChanged, this, [this](const CallListQuery &query) {
        if (!m_keyMissing)
            m_fetcher->setQuery(query);
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString id = callIdAt(index);
        if (!id.isEmpty())
            Q_EMIT callActivated(id);
    });
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &CallsBrowser::showContextMenu);
    connect(m_menu, &CallsContextMenu::openRequested, this, &CallsBrowser::callActivated);
    connect(m_menu, &CallsContextMenu::openInNewTabRequested, this,
            &CallsBrowser::callActivatedInNewTab);
    connect(m_model, &CallListModel::countChanged, this, &CallsBrowser::updateCount);
    connect(m_fetcher, &CallListFetcher::filterRejected, m_filters, &CallsFilterBar::setError);
    connect(m_fetcher, &CallListFetcher::problem, this,
            [this](const QString &message, const QString &details) {
                m_banner->showMessage(MessageBanner::Kind::Warning, message, details.split(u'\n'),
                                      tr("Retry"));
            });
    connect(m_fetcher, &CallListFetcher::problemCleared, m_banner, &MessageBanner::clearMessage);
    connect(m_banner, &MessageBanner::actionTriggered, m_fetcher, &CallListFetcher::refreshNow);
    connect(m_fetcher, &CallListFetcher::entriesSkipped, this, [this](const QString &note) {
        m_note->setText(note);
        m_note->setVisible(true);
    });
    connect(m_fetcher, &CallListFetcher::busyChanged, this, [this](bool) { updateCount(); });

    m_repaint.setInterval(1000);
    connect(&m_repaint, &QTimer::timeout, this, [this] {
        m_view->viewport()->update();
        // Faster while a row glows, so the glow fades smoothly.
        m_repaint.setInterval(m_model->isGlowing() ? 50 : 1000);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_model->isGlowing())
            m_repaint.setInterval(50);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_model->isGlowing())
            m_repaint.setInterval(50);
    });
    setFocusProxy(m_filters->referenceField());
    updateCount();
}

CallsBrowser::~CallsBrowser() = default;

void CallsBrowser::setVersion(ApiVersion version)
{
    m_filters->setVersion(version);
    m_model->setApiVersion(version);
}

void CallsBrowser::restart()
{
    m_banner->clearMessage();
    m_note->setVisible(false);
    const CallListQuery wanted = m_filters->query();
    if (!wanted.sameListAs(m_fetcher->query()))
        m_fetcher->setQuery(wanted);
    else
        m_fetcher->restart();
}

void CallsBrowser::setKeyMissing(bool missing)
{
    m_keyMissing = missing;
    m_noKey->setVisible(missing);
    if (missing) {
        m_banner->clearMessage();
        m_note->setVisible(false);
        m_fetcher->stop();
    }
}

void CallsBrowser::setActive(bool active)
{
    m_fetcher->setActive(active);
    if (active)
        m_repaint.start();
    else
        m_repaint.stop();
}

void CallsBrowser::setOpenCallId(const QString &callId)
{
    m_model->setOpenCallId(callId);
}

void CallsBrowser::focusFilter()
{
    m_filters->focusFilter();
}

QSize CallsBrowser::sizeHint() const
{
    const QHeaderView *header = m_view->horizontalHeader();
    int width = 0;
    for (int column = 0; column < CallListModel::CallIdColumn; ++column)
        width += header->sectionSize(column);
    width += m_view->fontMetrics().horizontalAdvance(QStringLiteral("wf_list_00000")) +
             m_view->verticalScrollBar()->sizeHint().width() + 16;
    // No wider than about a third of a laptop's screen: the open call beside it matters
    // more, and the table scrolls sideways to the rest.
    const int cap = 36 * m_view->fontMetrics().horizontalAdvance(u'M');
    return {qMin(width, cap), QWidget::sizeHint().height()};
}

QString CallsBrowser::countText() const
{
    return m_count->text();
}

QString CallsBrowser::callIdAt(const QModelIndex &index) const
{
    return index.isValid() ? index.data(CallListModel::CallIdRole).toString() : QString();
}

bool CallsBrowser::isNewTabClick(QEvent *event) const
{
    const auto *mouse = static_cast<QMouseEvent *>(event);
    return mouse->button() == Qt::MiddleButton ||
           (mouse->button() == Qt::LeftButton && mouse->modifiers().testFlag(Qt::ControlModifier));
}

bool CallsBrowser::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick: {
        if (watched != m_view->viewport() || !isNewTabClick(event))
            break;
        // Taken whole from the table: Ctrl+click would otherwise toggle the row's selection,
        // and a style that opens on a single click would open it in this tab as well.
        const QModelIndex index =
            m_view->indexAt(static_cast<QMouseEvent *>(event)->position().toPoint());
        const QString id = callIdAt(index);
        if (id.isEmpty())
            break;
        if (event->type() == QEvent::MouseButtonPress)
            m_view->setCurrentIndex(index);
        else if (event->type() == QEvent::MouseButtonRelease)
            Q_EMIT callActivatedInNewTab(id);
        return true;
    }
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched != m_view || !enter || !key->modifiers().testFlag(Qt::ControlModifier))
            break;
        const QString id = callIdAt(m_view->currentIndex());
        if (!id.isEmpty())
            Q_EMIT callActivatedInNewTab(id);
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void CallsBrowser::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    const QString id = callIdAt(index);
    if (id.isEmpty())
        return;
    m_view->setCurrentIndex(index);
    m_menu->setCallId(id);
    m_menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void CallsBrowser::updateCount()
{
    QString text = m_model->countText();
    if (m_fetcher->isBusy())
        text += QStringLiteral(" \u00b7 ") + tr("loading\u2026");
    m_count->setText(text);
}

} // namespace bem

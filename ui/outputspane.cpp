// SPDX-License-Identifier: MIT
#include "outputspane.h"

#include "eventlistmodel.h"
#include "outputviewer.h"
#include "plainlabel.h"
#include "settingskeys.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bem {

namespace {

void setUpTable(QTableView *view, QAbstractItemModel *model, const QString &name)
{
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace

OutputsPane::OutputsPane(QWidget *parent)
    : QWidget(parent)
    , m_outputs(new EventListModel(EventListModel::Kind::Outputs, this))
    , m_errors(new EventListModel(EventListModel::Kind::Errors, this))
    , m_outputsView(new QTableView(this))
    , m_errorsView(new QTableView(this))
    , m_outputsHeader(plainLabel(QString(), this))
    , m_errorsHeader(plainLabel(QString(), this))
    , m_outputsEmpty(plainLabel(tr("This call has no outputs yet."), this))
    , m_errorsEmpty(plainLabel(tr("No errors."), this))
    , m_loadingMore(plainLabel(tr("Loading more\u2026"), this))
    , m_showInTree(new QPushButton(tr("Show in &Tree"), this))
    , m_viewer(new OutputViewer(this))
    , m_lists(new QSplitter(Qt::Horizontal, this))
    , m_split(new QSplitter(Qt::Vertical, this))
{
    setUpTable(m_outputsView, m_outputs, QStringLiteral("outputsList"));
    setUpTable(m_errorsView, m_errors, QStringLiteral("errorsList"));
    const std::pair<int, int> outputWidths[] = {
        {EventListModel::OutputType, 90},     {EventListModel::OutputFunction, 130},
        {EventListModel::OutputTry, 35},      {EventListModel::OutputReference, 90},
        {EventListModel::OutputCreated, 135}, {EventListModel::OutputConfidence, 100},
        {EventListModel::OutputDelivery, 120}};
    for (const auto &[column, width] : outputWidths)
        m_outputsView->horizontalHeader()->resizeSection(column, width);
    const std::pair<int, int> errorWidths[] = {{EventListModel::ErrorMessage, 240},
                                               {EventListModel::ErrorFunction, 110},
                                               {EventListModel::ErrorTry, 35},
                                               {EventListModel::ErrorReference, 90}};
    for (const auto &[column, width] : errorWidths)
        m_errorsView->horizontalHeader()->resizeSection(column, width);

    m_outputsHeader->setObjectName(QStringLiteral("outputsHeader"));
    m_errorsHeader->setObjectName(QStringLiteral("errorsHeader"));
    m_outputsEmpty->setObjectName(QStringLiteral("outputsEmpty"));
    m_errorsEmpty->setObjectName(QStringLiteral("errorsEmpty"));
    m_loadingMore->setObjectName(QStringLiteral("outputsLoadingMore"));
    m_showInTree->setObjectName(QStringLiteral("showErrorInTree"));
    m_showInTree->setToolTip(tr("Select the function call that failed in the call tree"));
    m_showInTree->setEnabled(false);
    m_viewer->setObjectName(QStringLiteral("outputViewer"));

    m_lists->setObjectName(QStringLiteral("outputsErrorsSplitter"));
    m_lists->addWidget(makeList(m_outputsView, m_outputsHeader, m_outputsEmpty, m_loadingMore));
    m_lists->addWidget(makeList(m_errorsView, m_errorsHeader, m_errorsEmpty, m_showInTree));
    m_lists->setStretchFactor(0, 3);
    m_lists->setStretchFactor(1, 2);
    m_lists->setChildrenCollapsible(false);
    m_split->setObjectName(QStringLiteral("outputsViewerSplitter"));
    m_split->addWidget(m_lists);
    m_split->addWidget(m_viewer);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    // The lists are short and the output is what one reads: a third for the lists (the
    // views' own size hints would otherwise give them most of the height).
    m_split->setSizes({200, 400});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_split);

    connect(m_outputsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(m_outputs, current); });
    connect(m_errorsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_showInTree->setEnabled(current.isValid());
                showRow(m_errors, current);
            });
    // Enter, and a double-click, activate.
    connect(m_errorsView, &QAbstractItemView::activated, this, &OutputsPane::requestFunctionCall);
    connect(m_showInTree, &QPushButton::clicked, this,
            [this] { requestFunctionCall(m_errorsView->currentIndex()); });

    reloadSettings();
    updateHeaders();
}

OutputsPane::~OutputsPane() = default;

QWidget *OutputsPane::makeList(QTableView *view, QLabel *header, QLabel *empty, QWidget *extra)
{
    auto *box = new QWidget(this);
    QFont bold = header->font();
    bold.setBold(true);
    header->setFont(bold);
    header->setBuddy(view);
    // Both header rows as tall as the button's, so the two lists start at the same height.
    header->setMinimumHeight(m_showInTree->sizeHint().height());
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(header, 1);
    top->addWidget(extra);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(view, 1);
    layout->addWidget(empty, 1);
    return box;
}

void OutputsPane::setEvents(const CallEvents &events)
{
    m_complete = events.complete;
    m_outputs->setEvents(events.outputs);
    m_errors->setEvents(events.errors);
    updateHeaders();
    refreshViewer();
}

void OutputsPane::clear()
{
    setEvents(CallEvents{});
    m_viewer->clear();
}

void OutputsPane::reloadSettings()
{
    const double stored = QSettings().value(SettingsKeys::lowConfidenceThreshold(), 0.8).toDouble();
    m_viewer->setLowConfidenceThreshold(stored >= 0.0 && stored <= 1.0 ? stored : 0.8);
}

double OutputsPane::lowConfidenceThreshold() const
{
    return m_viewer->lowConfidenceThreshold();
}

void OutputsPane::updateHeaders()
{
    const int outputs = m_outputs->rowCount();
    const int errors = m_errors->rowCount();
    m_outputsHeader->setText(tr("Outputs (%1)").arg(outputs));
    m_errorsHeader->setText(tr("Errors (%1)").arg(errors));
    m_outputsView->setVisible(outputs > 0);
    m_outputsEmpty->setVisible(outputs == 0);
    m_errorsView->setVisible(errors > 0);
    m_errorsEmpty->setVisible(errors == 0);
    m_outputsEmpty->setText(m_complete ? tr("This call has no outputs yet.")
                                       : tr("Loading outputs\u2026"));
    m_errorsEmpty->setText(m_complete ? tr("No errors.") : tr("Loading errors\u2026"));
    m_loadingMore->setVisible(!m_complete);
}

void OutputsPane::showRow(EventListModel *model, const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // One event in the viewer at a time: the other list lets go of its selection.
    QTableView *other = model == m_outputs ? m_errorsView : m_outputsView;
    {
        const QSignalBlocker blocker(other->selectionModel());
        other->selectionModel()->clear();
    }
    other->viewport()->update();
    if (other == m_errorsView)
        m_showInTree->setEnabled(false);
    m_viewer->setEvent(model->eventAt(index.row()));
}

void OutputsPane::refreshViewer()
{
    if (!m_viewer->hasEvent())
        return;
    const QString id = m_viewer->shownEvent().eventId;
    for (EventListModel *model : {m_outputs, m_errors}) {
        const int row = model->rowOf(id);
        if (row >= 0) {
            m_viewer->setEvent(model->eventAt(row));
            return;
        }
    }
    m_viewer->clear();
}

void OutputsPane::requestFunctionCall(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString functionCallId = index.data(EventListModel::FunctionCallIdRole).toString();
    if (!functionCallId.isEmpty())
        Q_EMIT functionCallRequested(functionCallId);
}

} // namespace bem

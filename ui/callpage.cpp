// SPDX-License-Identifier: MIT
#include "callpage.h"

#include "callbundle.h"
#include "callform.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "detailspane.h"
#include "outputspane.h"
#include "rawjsonview.h"

#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace bem {
namespace {

const QString SplitterKey = QStringLiteral("window/splitter");
const QString TreeHeaderKey = QStringLiteral("window/treeHeader");
// How many columns the saved header had: a state saved before a column existed says
// nothing of its width. (States saved before this key had every column before Timeline.)
const QString TreeColumnsKey = QStringLiteral("window/treeColumns");

} // namespace

CallPage::CallPage(CallTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_form(new CallForm(this))
    , m_treePanel(new CallTreePanel(model, this))
    , m_details(new DetailsPane(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_model(model)
    , m_outputs(new OutputsPane(this))
    , m_rawJson(new RawJsonView(this))
    , m_rawTrace(new RawJsonView(this))
    , m_tabs(new QTabWidget(this))
{
    m_splitter->setObjectName(QStringLiteral("treeDetailsSplitter"));
    m_splitter->addWidget(m_treePanel);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({860, 380});

    m_tabs->setObjectName(QStringLiteral("callTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_splitter, tr("Function calls"));
    m_tabs->addTab(m_outputs, tr("Outputs && errors"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_outputs), false);
    m_tabs->addTab(m_rawJson, tr("Raw JSON"));
    m_rawTrace->setObjectName(QStringLiteral("rawTrace"));
    m_tabs->addTab(m_rawTrace, tr("Raw trace"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_rawTrace),
                          tr("The response of GET /v3/calls/{callID}/trace, as received"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_rawTrace), false);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this] { Q_EMIT rawJsonShown(isShowingRawJson()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_form);
    layout->addWidget(m_tabs, 1);
}

CallPage::~CallPage() = default;

void CallPage::showRawJson(bool raw)
{
    m_tabs->setCurrentWidget(raw ? static_cast<QWidget *>(m_rawJson) : m_splitter);
}

RawJsonView *CallPage::currentRawView() const
{
    QWidget *current = m_tabs->currentWidget();
    if (current == m_rawJson)
        return m_rawJson;
    return current == m_rawTrace ? m_rawTrace : nullptr;
}

void CallPage::setApiVersion(ApiVersion version)
{
    const bool v3 = version == ApiVersion::V3;
    for (QWidget *page : {static_cast<QWidget *>(m_outputs), static_cast<QWidget *>(m_rawTrace)}) {
        const int index = m_tabs->indexOf(page);
        if (m_tabs->isTabVisible(index) == v3)
            continue;
        if (!v3 && m_tabs->currentIndex() == index)
            m_tabs->setCurrentWidget(m_splitter);
        m_tabs->setTabVisible(index, v3);
    }
}

void CallPage::showSnapshotParts(const CallSnapshotPtr &snapshot)
{
    const bool sameCall = m_snapshot && m_snapshot->call.callId == snapshot->call.callId;
    // The state shown before may be ours alone by now: freeing a huge one takes a while.
    releaseOffThread(std::exchange(m_snapshot, snapshot));
    if (!sameCall)
        m_events = CallEvents{snapshot->call.outputs, snapshot->call.errors, true};
    setApiVersion(snapshot->call.apiVersion);
    if (snapshot->call.apiVersion != ApiVersion::V3) {
        m_rawTrace->clear();
        m_rawJson->setSaveContent({});
        return;
    }
    if (snapshot->traceBody.isEmpty())
        m_rawTrace->clear();
    else
        m_rawTrace->setResponse(snapshot->traceBody, /*knownJson=*/false);
    updateSaveContent();
}

void CallPage::showEvents(const CallEvents &events)
{
    m_events = events;
    m_form->setEvents(events);
    m_outputs->setEvents(events);
    updateSaveContent();
}

void CallPage::clearCallParts()
{
    // The model has let go of the call by now: its last reference may be this one.
    releaseOffThread(std::exchange(m_snapshot, nullptr));
    m_events = {};
    m_outputs->clear();
    m_rawTrace->clear();
    m_rawJson->setSaveContent({});
}

void CallPage::updateSaveContent()
{
    if (!m_snapshot || m_snapshot->call.apiVersion != ApiVersion::V3)
        return;
    // Built on the thread pool when a save starts, from what was shown at that moment.
    m_rawJson->setSaveContent([snapshot = m_snapshot, events = m_events] {
        return CallBundle::write(*snapshot, events);
    });
}

void CallPage::showOutputs()
{
    if (m_tabs->isTabVisible(m_tabs->indexOf(m_outputs)))
        m_tabs->setCurrentWidget(m_outputs);
}

bool CallPage::showFunctionCall(const QString &functionCallId)
{
    if (!m_treePanel->selectFunctionCall(functionCallId)) {
        // Hidden by the filter? Show everything rather than say it is not there.
        if (!m_model->indexForFunctionCallId(functionCallId).isValid())
            return false;
        m_treePanel->setFilterText(QString());
        if (!m_treePanel->selectFunctionCall(functionCallId))
            return false;
    }
    m_tabs->setCurrentWidget(m_splitter);
    m_treePanel->view()->setFocus(Qt::OtherFocusReason);
    return true;
}

bool CallPage::isShowingRawJson() const
{
    return m_tabs->currentWidget() == m_rawJson;
}

void CallPage::saveState(QSettings *settings) const
{
    settings->setValue(SplitterKey, m_splitter->saveState());
    settings->setValue(TreeHeaderKey, m_treePanel->view()->header()->saveState());
    settings->setValue(TreeColumnsKey, m_treePanel->view()->header()->count());
}

void CallPage::restoreState(const QSettings *settings)
{
    m_splitter->restoreState(settings->value(SplitterKey).toByteArray());
    QHeaderView *header = m_treePanel->view()->header();
    const QByteArray state = settings->value(TreeHeaderKey).toByteArray();
    if (state.isEmpty())
        return;
    // Columns the saved state did not know keep the width the panel gives them, not Qt's
    // default section size (a 100-pixel timeline after an upgrade).
    QList<int> widths;
    for (int column = 0; column < header->count(); ++column)
        widths << header->sectionSize(column);
    header->restoreState(state);
    const int saved = settings->value(TreeColumnsKey, int(CallTreeModel::TimelineColumn)).toInt();
    for (int column = qMax(saved, 0); column < qMin(header->count(), int(widths.size())); ++column)
        header->resizeSection(column, widths.at(column));
}

} // namespace bem

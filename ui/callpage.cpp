// SPDX-License-Identifier: MIT
#include "callpage.h"

#include "callform.h"
#include "calltreepanel.h"
#include "detailspane.h"
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

} // namespace

CallPage::CallPage(CallTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_form(new CallForm(this))
    , m_treePanel(new CallTreePanel(model, this))
    , m_details(new DetailsPane(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_rawJson(new RawJsonView(this))
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
    m_tabs->addTab(m_rawJson, tr("Raw JSON"));
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { Q_EMIT rawJsonShown(index == 1); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_form);
    layout->addWidget(m_tabs, 1);
}

CallPage::~CallPage() = default;

void CallPage::showRawJson(bool raw)
{
    m_tabs->setCurrentIndex(raw ? 1 : 0);
}

bool CallPage::isShowingRawJson() const
{
    return m_tabs->currentWidget() == m_rawJson;
}

void CallPage::saveState(QSettings *settings) const
{
    settings->setValue(SplitterKey, m_splitter->saveState());
    settings->setValue(TreeHeaderKey, m_treePanel->view()->header()->saveState());
}

void CallPage::restoreState(const QSettings *settings)
{
    m_splitter->restoreState(settings->value(SplitterKey).toByteArray());
    m_treePanel->view()->header()->restoreState(settings->value(TreeHeaderKey).toByteArray());
}

} // namespace bem

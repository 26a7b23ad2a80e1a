// SPDX-License-Identifier: MIT
#include "outputviewer.h"

#include "confidencefilterproxy.h"
#include "eventlistmodel.h"
#include "formatting.h"
#include "jsontreemodel.h"
#include "outputcontent.h"
#include "plainlabel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace bem {

OutputViewer::OutputViewer(QWidget *parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
    , m_proxy(new ConfidenceFilterProxy(this))
    , m_title(plainLabel(QString(), this))
    , m_summary(plainLabel(QString(), this))
    , m_problems(plainLabel(QString(), this))
    , m_placeholder(plainLabel(tr("Select an output or an error to see its content."), this))
    , m_lowOnly(new QCheckBox(tr("&Low confidence only"), this))
    , m_tree(new QTreeView(this))
    , m_copyValue(new QAction(tr("Copy &Value"), this))
    , m_copyPointer(new QAction(tr("Copy JSON &Pointer"), this))
    , m_copyOutput(new QAction(tr("Copy &Output as JSON"), this))
{
    m_proxy->setSourceModel(m_model);

    m_title->setObjectName(QStringLiteral("outputTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("outputSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setObjectName(QStringLiteral("outputDataProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_placeholder->setObjectName(QStringLiteral("outputPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);

    m_lowOnly->setObjectName(QStringLiteral("lowConfidenceOnly"));
    connect(m_lowOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setLowOnly(on);
        if (on)
            m_tree->expandAll();
    });

    m_tree->setObjectName(QStringLiteral("outputTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 200);
    m_tree->header()->resizeSection(JsonTreeModel::TypeColumn, 120);
    m_tree->header()->resizeSection(JsonTreeModel::ConfidenceColumn, 90);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    const std::pair<QAction *, QKeySequence> actions[] = {
        {m_copyValue, QKeySequence::Copy},
        {m_copyPointer, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P)},
        {m_copyOutput, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C)}};
    for (const auto &[action, keys] : actions) {
        action->setShortcut(keys);
        // The window has other things to copy; these belong to the tree when it has focus.
        action->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(action);
    }
    m_copyValue->setObjectName(QStringLiteral("actionCopyValue"));
    m_copyPointer->setObjectName(QStringLiteral("actionCopyPointer"));
    m_copyOutput->setObjectName(QStringLiteral("actionCopyOutput"));
    connect(m_copyValue, &QAction::triggered, this, &OutputViewer::copyValue);
    connect(m_copyPointer, &QAction::triggered, this, &OutputViewer::copyPointer);
    connect(m_copyOutput, &QAction::triggered, this, &OutputViewer::copyOutputJson);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &OutputViewer::updateActions);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title, 1);
    top->addWidget(m_lowOnly);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_tree, 1);
    clear();
}

OutputViewer::~OutputViewer() = default;

void OutputViewer::setEvent(const Event &event)
{
    const bool sameEvent = m_hasEvent && m_event.eventId == event.eventId;
    if (sameEvent && m_event == event)
        return;
    const QString keptPointer =
        sameEvent ? currentSourceIndex().data(JsonTreeModel::PointerRole).toString() : QString();
    m_event = event;
    m_hasEvent = true;
    const OutputContent content = outputContent(event);
    m_model->setContent(content.value,
                        event.object.value(QStringLiteral("fieldConfidences")).toObject(),
                        event.object.value(QStringLiteral("invalidProperties")), content.base);
    // A small output is read whole; a large one opens at its top level.
    if (m_model->rowCount() <= 50)
        m_tree->expandToDepth(1);
    if (m_lowOnly->isChecked())
        m_tree->expandAll();
    if (!keptPointer.isNull()) {
        if (const auto pointer = JsonPointer::parse(keptPointer)) {
            const QModelIndex again = m_proxy->mapFromSource(m_model->indexOf(*pointer));
            if (again.isValid())
                m_tree->setCurrentIndex(again);
        }
    }
    m_placeholder->hide();
    m_tree->show();
    updateHeader();
    updateActions();
}

void OutputViewer::clear()
{
    m_event = Event();
    m_hasEvent = false;
    m_model->clear();
    m_tree->hide();
    m_placeholder->show();
    updateHeader();
    updateActions();
}

double OutputViewer::lowConfidenceThreshold() const
{
    return m_proxy->threshold();
}

void OutputViewer::setLowConfidenceThreshold(double threshold)
{
    m_proxy->setThreshold(threshold);
    m_model->setLowConfidenceThreshold(threshold);
    m_lowOnly->setToolTip(
        plainToolTip({tr("Show only fields whose confidence is below %1, and the fields "
                         "that contain them.")
                          .arg(QString::number(threshold, 'f', 2))}));
}

void OutputViewer::updateHeader()
{
    if (!m_hasEvent) {
        m_title->clear();
        m_summary->clear();
        m_summary->hide();
        m_problems->clear();
        m_problems->hide();
        m_lowOnly->setEnabled(false);
        return;
    }
    const QString type =
        m_event.eventType.isEmpty() ? tr("(no event type)") : singleLine(m_event.eventType, 100);
    const QString function =
        singleLine(m_event.functionName.isEmpty() ? m_event.functionId : m_event.functionName, 200);
    m_title->setText(function.isEmpty() ? type : tr("%1 \u00b7 %2").arg(type, function));

    QStringList parts;
    if (m_event.avgConfidence)
        parts << tr("Average confidence %1").arg(QString::number(*m_event.avgConfidence, 'f', 2));
    const QString delivery = EventListModel::deliveryText(m_event);
    if (!delivery.isEmpty())
        parts << tr("Webhook: %1").arg(delivery);
    if (m_event.functionCallTryNumber && *m_event.functionCallTryNumber > 1)
        parts << tr("Try %1").arg(*m_event.functionCallTryNumber);
    if (outputContent(m_event).wholeEvent)
        parts << tr("Showing the whole event");
    m_summary->setText(parts.join(QStringLiteral("  \u00b7  ")));
    m_summary->setVisible(!parts.isEmpty());

    const QStringList problems = m_model->dataProblems();
    QStringList lines;
    lines << tr("Data problems in this output:");
    for (const QString &problem : problems)
        lines << QStringLiteral("\u2022 ") + problem;
    m_problems->setText(problems.isEmpty() ? QString() : lines.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    m_lowOnly->setEnabled(true);
}

void OutputViewer::updateActions()
{
    const bool row = currentSourceIndex().isValid();
    m_copyValue->setEnabled(row);
    m_copyPointer->setEnabled(row);
    m_copyOutput->setEnabled(m_hasEvent);
}

QModelIndex OutputViewer::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_tree->currentIndex());
}

void OutputViewer::copyValue()
{
    const QModelIndex index = currentSourceIndex();
    if (index.isValid())
        QApplication::clipboard()->setText(index.data(JsonTreeModel::FullValueRole).toString());
}

void OutputViewer::copyPointer()
{
    const QModelIndex index = currentSourceIndex();
    if (index.isValid())
        QApplication::clipboard()->setText(index.data(JsonTreeModel::PointerRole).toString());
}

void OutputViewer::copyOutputJson()
{
    if (m_hasEvent)
        QApplication::clipboard()->setText(
            QString::fromUtf8(QJsonDocument(m_event.object).toJson(QJsonDocument::Indented)));
}

} // namespace bem

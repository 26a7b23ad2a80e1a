// SPDX-License-Identifier: MIT
#include "detailspane.h"

#include "cellformat.h"
#include "durationtext.h"
#include "eventdetails.h"
#include "formatting.h"
#include "plainlabel.h"
#include "statusbadge.h"
#include "valuefield.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bem {

namespace {

constexpr int StateRole = Qt::UserRole + 1;
constexpr int UrlRole = Qt::UserRole;
constexpr int MaxActivityRows = 8;
constexpr int MaxInputRows = 8;
constexpr int MaxColumnChars = 14; // the type and reference columns, at most

QTreeWidget *compactList(const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setColumnCount(int(headers.size()));
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setTextElideMode(Qt::ElideRight);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    return list;
}

// Sets a cell only when it differs: an unchanged refresh sends no dataChanged.
void setCell(QTreeWidgetItem *item, int column, const QString &text, const QString &toolTip = {})
{
    if (item->text(column) != text)
        item->setText(column, text);
    if (item->toolTip(column) != toolTip)
        item->setToolTip(column, toolTip);
}

struct InputRow
{
    QString type;
    QString reference;
    QString url;
    bool own = false;
};

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &DetailsPane::updateDuration);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(m_scroll);

    auto *page = new QWidget(m_scroll);
    page->setObjectName(QStringLiteral("detailsPage"));
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(8, 8, 8, 8);

    m_placeholder = plainLabel(tr("Select a function call to see its details."), page);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_mutedLabels << m_placeholder;
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_placeholder->setContentsMargins(0, 16, 0, 0);
    pageLayout->addWidget(m_placeholder);

    m_content = new QWidget(page);
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(4);
    pageLayout->addWidget(m_content);
    m_eventDetails = new EventDetails(page);
    m_eventDetails->setObjectName(QStringLiteral("eventDetails"));
    m_eventDetails->hide();
    pageLayout->addWidget(m_eventDetails);
    pageLayout->addStretch(1);

    m_form = new QFormLayout;
    m_form->setHorizontalSpacing(8);
    m_form->setVerticalSpacing(3);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    content->addLayout(m_form);

    ValueField *name = addField(QStringLiteral("name"), tr("Name:"));
    QFont bold = name->lineEdit()->font();
    bold.setBold(true);
    name->lineEdit()->setFont(bold);
    m_status = new StatusBadge(m_content);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setFixedHeight(name->sizeHint().height());
    {
        QLabel *label = plainLabel(tr("Status:"), m_content);
        m_mutedLabels << label;
        label->setMinimumHeight(name->sizeHint().height());
        m_form->addRow(label, m_status);
    }
    addField(QStringLiteral("type"), tr("Type:"));
    addField(QStringLiteral("version"), tr("Version:"));
    addField(QStringLiteral("functionCallID"), tr("Function call ID:"), true);
    addField(QStringLiteral("functionID"), tr("Function ID:"), true);
    addField(QStringLiteral("referenceID"), tr("Reference ID:"), true);
    addField(QStringLiteral("started"), tr("Started:"));
    addField(QStringLiteral("finished"), tr("Finished:"));
    addField(QStringLiteral("duration"), tr("Duration:"));
    addField(QStringLiteral("sourceFunctionCallID"), tr("Parent:"), true)
        ->setToolTipLines({tr("The function call that spawned this one.")});
    addField(QStringLiteral("workflowCallID"), tr("Workflow call ID:"), true);
    addField(QStringLiteral("workflowNode"), tr("Workflow node:"));
    addField(QStringLiteral("edge"), tr("Edge:"))
        ->setToolTipLines({tr("The labelled outlet of the node that routed here.")});
    addField(QStringLiteral("try"), tr("Try:"));
    addField(QStringLiteral("sourceEventID"), tr("Source event:"), true)
        ->setToolTipLines({tr("The event that spawned this function call.")});
    addField(QStringLiteral("inputType"), tr("Input type:"));
    addField(QStringLiteral("s3URL"), tr("Input URL:"), true);
    addField(QStringLiteral("unknownFields"), tr("Other fields:"), true)
        ->setToolTipLines({tr("Fields this version of the app does not know, as JSON.")});

    content->addSpacing(6);
    content->addWidget(sectionLabel(tr("Activity")));
    m_activity = compactList({tr("Step"), tr("Status")}, m_content);
    m_activity->setObjectName(QStringLiteral("activity"));
    m_activity->setHeaderHidden(true);
    m_activity->header()->setStretchLastSection(false);
    m_activity->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_activity->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    content->addWidget(m_activity);
    m_noActivity = plainLabel(ValueField::emptyText(), m_content);
    m_noActivity->setForegroundRole(QPalette::PlaceholderText);
    content->addWidget(m_noActivity);

    content->addSpacing(6);
    content->addWidget(sectionLabel(tr("Inputs")));
    m_inputs = compactList({tr("Type"), tr("Reference"), tr("URL")}, m_content);
    m_inputs->setObjectName(QStringLiteral("inputs"));
    m_inputs->header()->setStretchLastSection(true);
    // Sized to their contents, within limits (fitInputColumns): a long media type must not
    // push the URL out of the list.
    m_inputs->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_inputs->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_inputs->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_inputs, &QWidget::customContextMenuRequested, this, &DetailsPane::showInputMenu);
    connect(m_inputs, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString url = item->data(0, UrlRole).toString();
        if (!url.isEmpty())
            Q_EMIT openUrlRequested(url);
    });
    connect(m_inputs, &QTreeWidget::currentItemChanged, this, &DetailsPane::updateButtons);
    content->addWidget(m_inputs);
    m_noInputs = plainLabel(ValueField::emptyText(), m_content);
    m_noInputs->setForegroundRole(QPalette::PlaceholderText);
    content->addWidget(m_noInputs);

    m_inputButtons = new QWidget(m_content);
    auto *buttons = new QHBoxLayout(m_inputButtons);
    buttons->setContentsMargins(0, 2, 0, 0);
    m_openButton = new QPushButton(tr("Open in Browser"), m_inputButtons);
    m_openButton->setObjectName(QStringLiteral("openInput"));
    m_openButton->setToolTip(tr("Open the selected input file in the browser"));
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        const QString url = currentInputUrl();
        if (!url.isEmpty())
            Q_EMIT openUrlRequested(url);
    });
    m_copyUrlButton = new QPushButton(copyIcon(palette()), tr("Copy URL"), m_inputButtons);
    m_copyUrlButton->setObjectName(QStringLiteral("copyInputUrl"));
    m_copyUrlButton->setToolTip(tr("Copy the selected input file's URL"));
    connect(m_copyUrlButton, &QPushButton::clicked, this, [this] {
        const QString url = currentInputUrl();
        if (!url.isEmpty())
            QGuiApplication::clipboard()->setText(url);
    });
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_copyUrlButton);
    buttons->addStretch(1);
    content->addWidget(m_inputButtons);

    m_scroll->setWidget(page);
    updateMutedLabels();
    showNothing();
}

DetailsPane::~DetailsPane() = default;

ValueField *DetailsPane::addField(const QString &name, const QString &label, bool copyButton)
{
    auto *field = new ValueField(m_content);
    field->setObjectName(name);
    field->setCopyButtonVisible(copyButton);
    field->lineEdit()->setAccessibleName(QString(label).remove(u':'));
    QLabel *l = plainLabel(label, m_content);
    l->setBuddy(field);
    m_mutedLabels << l;
    l->setMinimumHeight(field->sizeHint().height());
    m_form->addRow(l, field);
    m_fields.insert(name, field);
    return field;
}

QLabel *DetailsPane::sectionLabel(const QString &text)
{
    QLabel *label = plainLabel(text, m_content);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

void DetailsPane::showNothing()
{
    m_showing = false;
    m_fc = FunctionCall();
    m_tick.stop();
    m_content->hide();
    m_eventDetails->hide();
    m_placeholder->show();
}

void DetailsPane::showTraceEvent(const FunctionCall &fc, const Event &event)
{
    if (!isShowingEvent() || fc.functionCallId != m_fc.functionCallId)
        showFunctionCall(fc); // the emitter's fields, for when its row is selected next
    m_fc = fc;
    m_tick.stop();
    m_eventDetails->setEvent(event);
    m_content->hide();
    m_placeholder->hide();
    m_eventDetails->show();
}

bool DetailsPane::isShowingEvent() const
{
    return m_showing && !m_eventDetails->isHidden();
}

bool DetailsPane::isShowingNothing() const
{
    return !m_showing;
}

void DetailsPane::setNow(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    updateDuration();
}

void DetailsPane::showFunctionCall(const FunctionCall &fc, int selectedActivity)
{
    const bool sameCall = m_showing && fc.functionCallId == m_fc.functionCallId;
    if (sameCall && fc == m_fc && selectedActivity < 0 && !isShowingEvent())
        return;
    m_eventDetails->hide();

    const auto set = [this](const char *name, const QString &value) {
        m_fields.value(QLatin1String(name))->setValue(value);
    };
    set("name", fc.functionName);
    set("functionCallID", fc.functionCallId);
    set("functionID", fc.functionId);
    set("type", fc.type);
    set("version",
        fc.functionVersionNum ? QStringLiteral("v%1").arg(*fc.functionVersionNum) : QString());
    set("referenceID", fc.referenceId);
    m_fields.value(QStringLiteral("started"))->setTimestamp(fc.startedAt);
    m_fields.value(QStringLiteral("finished"))->setTimestamp(fc.finishedAt);
    set("sourceFunctionCallID", fc.sourceFunctionCallId);
    set("workflowCallID", fc.workflowCallId);
    // v3 trace fields: their rows only when the function call has them (v2 has none).
    const auto setV3 = [this](const char *name, const QString &value) {
        ValueField *field = m_fields.value(QLatin1String(name));
        field->setValue(value);
        m_form->setRowVisible(field, !value.isEmpty());
    };
    setV3("workflowNode", fc.workflowNodeName);
    setV3("edge", edgeText(fc.incomingDestinationName));
    setV3("try", tryText(fc.tryNumber));
    setV3("sourceEventID", fc.sourceEventId);
    set("inputType", fc.inputType);
    set("s3URL", fc.s3URL);
    ValueField *unknown = m_fields.value(QStringLiteral("unknownFields"));
    unknown->setValue(
        fc.unknownFields.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(fc.unknownFields).toJson(QJsonDocument::Compact)));
    m_form->setRowVisible(unknown, !fc.unknownFields.isEmpty());
    m_status->setStatus(fc.status);

    updateActivity(fc.activity, sameCall, selectedActivity);
    updateInputs(fc, sameCall);

    m_fc = fc;
    m_showing = true;
    updateDuration();
    m_placeholder->hide();
    m_content->show();
}

void DetailsPane::updateActivity(const QList<ActivityEntry> &activity, bool sameCall,
                                 int selectedActivity)
{
    if (!sameCall)
        m_activity->setCurrentItem(nullptr);
    const int count = int(activity.size());
    while (m_activity->topLevelItemCount() > count)
        delete m_activity->takeTopLevelItem(m_activity->topLevelItemCount() - 1);
    for (int i = 0; i < count; ++i) {
        const ActivityEntry &step = activity.at(i);
        QTreeWidgetItem *item = i < m_activity->topLevelItemCount()
                                    ? m_activity->topLevelItem(i)
                                    : new QTreeWidgetItem(m_activity);
        const QString name = step.displayName.isEmpty() ? ValueField::emptyText()
                                                        : singleLine(visibleText(step.displayName));
        setCell(item, 0, name,
                step.displayName.size() > 40 ? plainToolTip({step.displayName}) : QString());
        setCell(item, 1, statusWord(step.status),
                step.status.isAbsent()
                    ? QString()
                    : plainToolTip({tr("Status as sent: %1").arg(step.status.raw())}));
        const int state = int(step.status.state());
        if (item->data(0, StateRole).toInt() != state || !item->data(0, StateRole).isValid()) {
            item->setData(0, StateRole, state);
            item->setIcon(0, statusIcon(step.status.state()));
        }
    }
    if (selectedActivity >= 0 && selectedActivity < count) {
        QTreeWidgetItem *item = m_activity->topLevelItem(selectedActivity);
        m_activity->setCurrentItem(item);
        m_activity->scrollToItem(item);
    }
    m_activity->setVisible(count > 0);
    m_noActivity->setVisible(count == 0);
    fitListHeight(m_activity, MaxActivityRows);
}

void DetailsPane::updateInputs(const FunctionCall &fc, bool sameCall)
{
    if (sameCall && fc.inputs == m_fc.inputs && fc.s3URL == m_fc.s3URL &&
        fc.inputType == m_fc.inputType)
        return;
    QList<InputRow> rows;
    if (!fc.s3URL.isEmpty() || !fc.inputType.isEmpty())
        rows.append({fc.inputType, tr("(own input)"), fc.s3URL, true});
    for (const InputFile &input : fc.inputs)
        rows.append({input.inputType, input.itemReferenceId, input.s3URL, false});

    if (!sameCall)
        m_inputs->setCurrentItem(nullptr);
    const int count = int(rows.size());
    while (m_inputs->topLevelItemCount() > count)
        delete m_inputs->takeTopLevelItem(m_inputs->topLevelItemCount() - 1);
    for (int i = 0; i < count; ++i) {
        const InputRow &row = rows.at(i);
        QTreeWidgetItem *item = i < m_inputs->topLevelItemCount() ? m_inputs->topLevelItem(i)
                                                                  : new QTreeWidgetItem(m_inputs);
        const auto shown = [](const QString &text) {
            return text.isEmpty() ? ValueField::emptyText() : singleLine(visibleText(text));
        };
        setCell(item, 0, shown(row.type));
        setCell(item, 1, row.own ? row.reference : shown(row.reference),
                row.own ? plainToolTip({tr("This function call's own input file.")})
                        : (row.reference.size() > 20 ? plainToolTip({row.reference}) : QString()));
        setCell(item, 2, shown(row.url), row.url.isEmpty() ? QString() : plainToolTip({row.url}));
        if (item->data(0, UrlRole).toString() != row.url)
            item->setData(0, UrlRole, row.url);
        QFont font = m_inputs->font();
        font.setItalic(row.own);
        if (item->font(1) != font)
            item->setFont(1, font);
    }
    m_inputs->setVisible(count > 0);
    m_inputButtons->setVisible(count > 0);
    m_noInputs->setVisible(count == 0);
    fitListHeight(m_inputs, MaxInputRows);
    fitInputColumns();
    updateButtons();
}

void DetailsPane::fitInputColumns()
{
    const int cap = m_inputs->fontMetrics().averageCharWidth() * MaxColumnChars;
    for (int column : {0, 1}) {
        m_inputs->resizeColumnToContents(column);
        m_inputs->setColumnWidth(column, qMin(m_inputs->columnWidth(column), cap));
    }
}

QSize DetailsPane::minimumSizeHint() const
{
    QSize hint = QWidget::minimumSizeHint();
    if (const QWidget *page = m_scroll->widget()) {
        const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
        hint.setWidth(qMax(hint.width(), page->minimumSizeHint().width() + scrollBar +
                                             2 * m_scroll->frameWidth()));
    }
    return hint;
}

void DetailsPane::fitListHeight(QTreeWidget *list, int maxRows)
{
    const int rows = qMin(list->topLevelItemCount(), maxRows);
    if (rows == 0)
        return;
    const int rowHeight = list->sizeHintForRow(0);
    const int header = list->isHeaderHidden() ? 0 : list->header()->sizeHint().height();
    list->setFixedHeight(rows * rowHeight + header + 2 * list->frameWidth());
}

QString DetailsPane::currentInputUrl() const
{
    const QTreeWidgetItem *item = m_inputs->currentItem();
    // With a single input there is nothing to choose.
    if (!item && m_inputs->topLevelItemCount() == 1)
        item = m_inputs->topLevelItem(0);
    return item ? item->data(0, UrlRole).toString() : QString();
}

void DetailsPane::updateButtons()
{
    const bool hasUrl = !currentInputUrl().isEmpty();
    m_openButton->setEnabled(hasUrl);
    m_copyUrlButton->setEnabled(hasUrl);
}

void DetailsPane::showInputMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_inputs->itemAt(pos);
    if (!item)
        return;
    m_inputs->setCurrentItem(item);
    const QString url = item->data(0, UrlRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Open in Browser"), this, [this, url] { Q_EMIT openUrlRequested(url); })
        ->setEnabled(!url.isEmpty());
    menu.addAction(copyIcon(palette()), tr("Copy URL"), this,
                   [url] { QGuiApplication::clipboard()->setText(url); })
        ->setEnabled(!url.isEmpty());
    menu.exec(m_inputs->viewport()->mapToGlobal(pos));
}

void DetailsPane::updateDuration()
{
    showDuration(
        m_fields.value(QStringLiteral("duration")), &m_tick, m_fc.status, m_fc.startedAt,
        m_fc.finishedAt, m_now(), /*live=*/m_showing,
        {tr("Time since it started, by this computer's clock."), tr("From started to finished.")},
        m_offline);
}

void DetailsPane::setOffline(bool offline)
{
    if (offline == m_offline)
        return;
    m_offline = offline;
    updateDuration();
}

QString DetailsPane::fieldText(const QString &name) const
{
    if (ValueField *field = m_fields.value(name))
        return field->value().isEmpty() ? ValueField::emptyText() : field->value();
    if (name == u"status")
        return m_status->text();
    return {};
}

void DetailsPane::updateMutedLabels()
{
    for (QLabel *label : std::as_const(m_mutedLabels))
        setMutedText(label, palette());
}

void DetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_copyUrlButton->setIcon(copyIcon(palette()));
        updateMutedLabels();
    }
    QWidget::changeEvent(event);
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "callform.h"

#include "cellformat.h"
#include "formatting.h"
#include "plainlabel.h"
#include "statusbadge.h"
#include "valuefield.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace bem {

namespace {

constexpr int MaxMenuFiles = 50;
constexpr int ColumnSpacing = 24;
constexpr int RowSpacing = 3;

// An item for a QMenu: one line, short, and '&' is not a mnemonic.
QString menuText(const QString &text)
{
    QString shown = visibleText(text.left(80));
    if (text.size() > 80)
        shown += u'\u2026';
    return shown.replace(u'&', QStringLiteral("&&"));
}

// The API documents no error field on a call; these are the names servers use for one.
// A v3 call's failure is its error events: the first one says what went wrong.
QString callErrorMessage(const Call &call)
{
    if (call.apiVersion == ApiVersion::V3 && !call.errors.isEmpty()) {
        const Event &first = call.errors.constFirst();
        const QString where =
            first.functionName.isEmpty() ? first.functionCallId : first.functionName;
        const QString message = first.message.trimmed().isEmpty()
                                    ? QCoreApplication::translate("bem::CallForm", "(no message)")
                                    : first.message;
        const QString text = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
        if (call.errors.size() == 1)
            return text;
        const qsizetype more = call.errors.size() - 1;
        return more == 1
                   ? QCoreApplication::translate("bem::CallForm", "%1 (and 1 more error)").arg(text)
                   : QCoreApplication::translate("bem::CallForm", "%1 (and %2 more errors)")
                         .arg(text)
                         .arg(more);
    }
    for (const char *key : {"error", "errorMessage", "failureReason", "message"}) {
        const QJsonValue v = call.unknownFields.value(QLatin1String(key));
        if (v.isString() && !v.toString().trimmed().isEmpty())
            return v.toString();
        if (v.isObject()) {
            const QString message = v.toObject().value(QLatin1String("message")).toString();
            if (!message.trimmed().isEmpty())
                return message;
        }
    }
    return {};
}

bool contains(const QString &text, QLatin1String word)
{
    return text.contains(word, Qt::CaseInsensitive);
}

} // namespace

CallForm::CallForm(QWidget *parent)
    : QWidget(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &CallForm::updateDuration);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(6);

    m_errorBox = new ErrorBox(this);
    outer->addWidget(m_errorBox);

    m_columns = new QHBoxLayout;
    m_columns->setSpacing(ColumnSpacing);
    outer->addLayout(m_columns);

    m_callColumn = addColumn(QStringLiteral("callColumn"));
    addField(m_callColumn, QStringLiteral("callID"), tr("Call ID:"), true);
    m_status = new StatusBadge(m_callColumn);
    m_status->setObjectName(QStringLiteral("status"));
    // Every row as tall as a value field, so rows line up across the columns.
    m_status->setFixedHeight(m_fields.value(QStringLiteral("callID"))->sizeHint().height());
    addRow(m_callColumn, tr("Status:"), m_status);
    addField(m_callColumn, QStringLiteral("callType"), tr("Call type:"));
    addField(m_callColumn, QStringLiteral("callReferenceID"), tr("Reference ID:"), true);
    addRow(m_callColumn, tr("Input:"), createInputRow());
    // Which API answered: v2 is deprecated by bem, and a person debugging a call wants to
    // know that its fields (no outputs, no trace) come from the older API.
    m_api = plainLabel(QString(), m_callColumn);
    m_api->setObjectName(QStringLiteral("api"));
    m_api->setContentsMargins(2, 0, 0, 0);
    addRow(m_callColumn, tr("API:"), m_api);

    m_timeColumn = addColumn(QStringLiteral("timeColumn"));
    for (const auto &[name, label] : {std::pair{QStringLiteral("created"), tr("Created:")},
                                      std::pair{QStringLiteral("finished"), tr("Finished:")},
                                      std::pair{QStringLiteral("duration"), tr("Duration:")}}) {
        ValueField *field = addField(m_timeColumn, name, label);
        // Room for a whole time ("2026-11-30 09:00:00") or "running for 23 h 59 m".
        field->setMinimumWidth(field->fontMetrics().horizontalAdvance(tr("running for 23 h 59 m")) +
                               8);
    }
    addField(m_timeColumn, QStringLiteral("results"), tr("Results:"));

    // Workflow and function side by side, or one above the other when both are shown
    // and the window is too narrow for four columns.
    m_groups = new QWidget(this);
    m_groupsLayout = new QBoxLayout(QBoxLayout::LeftToRight, m_groups);
    m_groupsLayout->setContentsMargins(0, 0, 0, 0);
    m_groupsLayout->setSpacing(ColumnSpacing);
    m_columns->addWidget(m_groups);
    m_workflowColumn = addColumn(QStringLiteral("workflowColumn"), m_groupsLayout);
    addField(m_workflowColumn, QStringLiteral("workflowName"), tr("Workflow:"));
    addField(m_workflowColumn, QStringLiteral("workflowVersion"), tr("Version:"));
    addField(m_workflowColumn, QStringLiteral("workflowID"), tr("Workflow ID:"), true);

    m_functionColumn = addColumn(QStringLiteral("functionColumn"), m_groupsLayout);
    m_groupsLayout->addStretch(1);
    addField(m_functionColumn, QStringLiteral("functionName"), tr("Function:"));
    addField(m_functionColumn, QStringLiteral("functionType"), tr("Function type:"));
    addField(m_functionColumn, QStringLiteral("functionVersion"), tr("Version:"));
    addField(m_functionColumn, QStringLiteral("functionID"), tr("Function ID:"), true);

    // Columns as wide as their values, side by side from the left: the eye does not have
    // to cross empty space between a label and its value, or between groups.
    m_columns->addStretch(1);
    // Given more height than it needs, the form keeps its rows together at the top.
    outer->addStretch(1);

    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    updateMutedLabels();
    clear();
}

CallForm::~CallForm() = default;

QWidget *CallForm::addColumn(const QString &objectName, QBoxLayout *into)
{
    if (!into)
        into = m_columns;
    auto *column = new QWidget(into->parentWidget() ? into->parentWidget() : this);
    column->setObjectName(objectName);
    auto *form = new QFormLayout(column);
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(8);
    form->setVerticalSpacing(RowSpacing);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    into->addWidget(column);
    return column;
}

void CallForm::addRow(QWidget *column, const QString &label, QWidget *field)
{
    QLabel *l = plainLabel(label, column);
    l->setBuddy(field);
    // Labels step back so the values are what the eye finds.
    m_mutedLabels << l;
    // The row is as tall as its field; the label centres on it.
    l->setMinimumHeight(field->sizeHint().height());
    static_cast<QFormLayout *>(column->layout())->addRow(l, field);
}

ValueField *CallForm::addField(QWidget *column, const QString &name, const QString &label,
                               bool copyButton)
{
    auto *field = new ValueField(column);
    field->setObjectName(name);
    field->setCopyButtonVisible(copyButton);
    field->lineEdit()->setAccessibleName(QString(label).remove(u':'));
    addRow(column, label, field);
    m_fields.insert(name, field);
    return field;
}

QWidget *CallForm::createInputRow()
{
    auto *row = new QWidget(m_callColumn);
    row->setObjectName(QStringLiteral("input"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_inputType = plainLabel(QString(), row);
    m_inputType->setObjectName(QStringLiteral("inputType"));
    m_mutedLabels << m_inputType;
    // Lines up with the values above, which keep QLineEdit's 2 px margin.
    m_inputType->setContentsMargins(2, 0, 0, 0);
    layout->addWidget(m_inputType);

    m_inputUrl = new ValueField(row);
    m_inputUrl->setObjectName(QStringLiteral("inputURL"));
    m_inputUrl->setCopyButtonVisible(true);
    m_inputUrl->lineEdit()->setAccessibleName(tr("Input file URL"));
    layout->addWidget(m_inputUrl);

    m_inputOpen = new QToolButton(row);
    m_inputOpen->setObjectName(QStringLiteral("inputOpen"));
    m_inputOpen->setText(tr("Open"));
    m_inputOpen->setToolTip(tr("Open the input file in the browser"));
    m_inputOpen->setFixedHeight(m_inputUrl->sizeHint().height());
    connect(m_inputOpen, &QToolButton::clicked, this, [this] {
        if (!m_inputUrl->value().isEmpty())
            Q_EMIT openUrlRequested(m_inputUrl->value());
    });
    layout->addWidget(m_inputOpen);

    m_batchCount = plainLabel(QString(), row);
    m_batchCount->setObjectName(QStringLiteral("batchCount"));
    m_batchCount->setContentsMargins(2, 0, 2, 0);
    layout->addWidget(m_batchCount);

    m_batchMenu = new QMenu(row);
    m_batchMenu->setObjectName(QStringLiteral("batchMenu"));
    m_batchButton = new QToolButton(row);
    m_batchButton->setObjectName(QStringLiteral("batchOpen"));
    // The menu pops up on click, without QToolButton's cramped menu indicator.
    m_batchButton->setText(tr("Open \u25be"));
    m_batchButton->setToolTip(tr("Open one of the input files in the browser, or copy the URLs"));
    connect(m_batchButton, &QToolButton::clicked, this, [this] {
        m_batchMenu->popup(m_batchButton->mapToGlobal(QPoint(0, m_batchButton->height())));
    });
    m_batchButton->setFixedHeight(m_inputUrl->sizeHint().height());
    layout->addWidget(m_batchButton);
    layout->addStretch(1);
    return row;
}

void CallForm::setInput(const CallInput &input)
{
    const bool single = input.singleFile.has_value();
    const bool batch = !single && input.batchFiles.has_value();
    const InputFile file = single ? *input.singleFile : InputFile();

    const QString type = visibleText(file.inputType.left(24));
    if (m_inputType->text() != type)
        m_inputType->setText(type);
    m_inputType->setToolTip(file.inputType.size() > 24 ? plainToolTip({file.inputType})
                                                       : QString());
    m_inputType->setVisible(single && !file.inputType.isEmpty());
    m_inputUrl->setValue(file.s3URL);
    m_inputUrl->setVisible(!batch);
    m_inputOpen->setVisible(single);
    m_inputOpen->setEnabled(!file.s3URL.isEmpty());

    m_batchCount->setVisible(batch);
    m_batchButton->setVisible(batch);
    if (!batch) {
        m_batchMenu->clear();
        return;
    }
    if (m_hasCall && m_call.input.batchFiles == input.batchFiles && !m_batchMenu->isEmpty())
        return;
    const QList<InputFile> &files = *input.batchFiles;
    m_batchCount->setText(files.size() == 1 ? tr("1 file") : tr("%1 files").arg(files.size()));
    m_batchButton->setEnabled(!files.isEmpty());
    m_batchMenu->clear();
    QStringList urls;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const InputFile &f = files.at(i);
        if (!f.s3URL.isEmpty())
            urls << f.s3URL;
        if (i >= MaxMenuFiles)
            continue;
        const QString name =
            f.itemReferenceId.isEmpty() ? tr("File %1").arg(i + 1) : menuText(f.itemReferenceId);
        const QString text = f.inputType.isEmpty()
                                 ? name
                                 : name + QStringLiteral("  \u00b7  ") + menuText(f.inputType);
        QAction *action = m_batchMenu->addAction(text);
        action->setEnabled(!f.s3URL.isEmpty());
        const QString url = f.s3URL;
        connect(action, &QAction::triggered, this, [this, url] { Q_EMIT openUrlRequested(url); });
    }
    if (files.size() > MaxMenuFiles)
        m_batchMenu->addAction(tr("\u2026 and %1 more").arg(files.size() - MaxMenuFiles))
            ->setEnabled(false);
    m_batchMenu->addSeparator();
    QAction *copyAll = m_batchMenu->addAction(tr("Copy All URLs"), this, [urls] {
        QGuiApplication::clipboard()->setText(urls.join(u'\n'));
    });
    copyAll->setEnabled(!urls.isEmpty());
}

void CallForm::setCall(const Call &call, const QString &responseError)
{
    const auto set = [this](const char *name, const QString &value) {
        m_fields.value(QLatin1String(name))->setValue(value);
    };
    set("callID", call.callId);
    set("callType", call.callType);
    set("callReferenceID", call.callReferenceId);
    set("workflowName", call.workflowName);
    set("workflowVersion", versionText(call.workflowVersionNum));
    set("workflowID", call.workflowId);
    set("functionName", call.functionName);
    set("functionType", call.functionType);
    set("functionVersion", versionText(call.functionVersionNum));
    set("functionID", call.functionId);
    m_fields.value(QStringLiteral("created"))->setTimestamp(call.createdAt);
    m_fields.value(QStringLiteral("finished"))->setTimestamp(call.finishedAt);
    m_status->setStatus(call.status);
    setInput(call.input);
    if (!m_hasCall || call.callId != m_call.callId || call.apiVersion != ApiVersion::V3)
        m_events.reset();

    QStringList errors;
    if (!responseError.trimmed().isEmpty())
        errors << responseError;
    if (call.status.state() == CallState::Failed) {
        const QString message = callErrorMessage(call);
        if (!message.isEmpty() && message != responseError)
            errors << message;
    }
    m_errorBox->setError(errors.join(u'\n'));

    m_call = call;
    m_hasCall = true;
    updateDuration();
    updateColumns();
    updateApiRows();
}

void CallForm::setEvents(const CallEvents &events)
{
    m_events = events;
    updateApiRows();
}

void CallForm::updateApiRows()
{
    const bool v3 = m_call.apiVersion == ApiVersion::V3;
    auto *callForm = static_cast<QFormLayout *>(m_callColumn->layout());
    auto *timeForm = static_cast<QFormLayout *>(m_timeColumn->layout());
    // v3 calls are always workflow calls: they have no call type to show.
    callForm->setRowVisible(m_fields.value(QStringLiteral("callType")), !m_hasCall || !v3);
    callForm->setRowVisible(m_api, m_hasCall);
    if (v3) {
        m_api->setText(tr("v3"));
        m_api->setToolTip(QString());
        setMutedText(m_api, palette());
    } else {
        m_api->setText(tr("v2 (deprecated)"));
        m_api->setToolTip(
            plainToolTip({tr("Read from GET /v2/calls. bem marks the v2 call endpoints as "
                             "deprecated; this call did not answer on v3 (function-type calls "
                             "live on v2 only), or the connection is set to v2."),
                          tr("v2 shows no outputs, errors or trace events.")}));
        m_api->setPalette(QPalette());
    }

    ValueField *results = m_fields.value(QStringLiteral("results"));
    timeForm->setRowVisible(results, m_hasCall && v3);
    if (!m_hasCall || !v3) {
        results->setValue(QString());
        return;
    }
    const qsizetype outputs = m_events ? m_events->outputs.size() : m_call.outputs.size();
    const qsizetype errors = m_events ? m_events->errors.size() : m_call.errors.size();
    QString text = (outputs == 1 ? tr("1 output") : tr("%1 outputs").arg(outputs)) +
                   QStringLiteral(" \u00b7 ") +
                   (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (m_events && !m_events->complete)
        text += QStringLiteral(" \u2026");
    results->setValue(text);
}

void CallForm::clear()
{
    setCall(Call());
    m_hasCall = false;
    m_events.reset();
    updateApiRows();
}

void CallForm::setNow(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    updateDuration();
}

void CallForm::setOffline(bool offline)
{
    if (offline == m_offline)
        return;
    m_offline = offline;
    updateDuration();
}

void CallForm::updateDuration()
{
    showDuration(m_fields.value(QStringLiteral("duration")), &m_tick, m_call.status,
                 m_call.createdAt, m_call.finishedAt, m_now(), /*live=*/true,
                 {tr("Time since the call was created, by this computer's clock."),
                  tr("From created to finished.")},
                 m_offline);
}

void CallForm::updateColumns()
{
    const Call &c = m_call;
    const bool workflowType = contains(c.callType, QLatin1String("workflow"));
    const bool functionType = contains(c.callType, QLatin1String("function"));
    const bool hasWorkflow =
        !c.workflowName.isEmpty() || !c.workflowId.isEmpty() || c.workflowVersionNum;
    const bool hasFunction = !c.functionName.isEmpty() || !c.functionId.isEmpty() ||
                             !c.functionType.isEmpty() || c.functionVersionNum;
    m_workflowColumn->setVisible(hasWorkflow || workflowType);
    m_functionColumn->setVisible(hasFunction || (functionType && !workflowType));
    m_groups->setVisible(!m_workflowColumn->isHidden() || !m_functionColumn->isHidden());
    updateGroupsDirection();
}

void CallForm::updateGroupsDirection()
{
    int needed = 0;
    int visible = 0;
    for (QWidget *column : {m_callColumn, m_timeColumn, m_workflowColumn, m_functionColumn}) {
        if (!column->isHidden()) {
            needed += column->sizeHint().width();
            ++visible;
        }
    }
    needed += (visible - 1) * ColumnSpacing + contentsMargins().left() + contentsMargins().right();
    const bool stack = visible == 4 && needed > width();
    const auto direction = stack ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight;
    if (m_groupsLayout->direction() != direction) {
        m_groupsLayout->setDirection(direction);
        m_groupsLayout->setSpacing(stack ? RowSpacing : ColumnSpacing);
    }
    // Stacked, the names in them matter more than the rest of a long input URL: the call
    // column gives way first.
    const int keep =
        stack
            ? qMin(qMax(m_workflowColumn->sizeHint().width(), m_functionColumn->sizeHint().width()),
                   width() / 3)
            : 0;
    if (m_groups->minimumWidth() != keep)
        m_groups->setMinimumWidth(keep);
    // One above the other, the two forms share a label width so their values line up.
    const auto labels = [this] {
        QList<QWidget *> out;
        for (QWidget *column : {m_workflowColumn, m_functionColumn}) {
            auto *form = static_cast<QFormLayout *>(column->layout());
            for (int row = 0; row < form->rowCount(); ++row)
                if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole))
                    out << item->widget();
        }
        return out;
    }();
    int labelWidth = 0;
    if (stack) {
        for (QWidget *label : labels)
            labelWidth = qMax(labelWidth, label->sizeHint().width());
    }
    for (QWidget *label : labels)
        if (label->minimumWidth() != labelWidth)
            label->setMinimumWidth(labelWidth);
}

void CallForm::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateGroupsDirection();
}

bool CallForm::event(QEvent *event)
{
    const bool result = QWidget::event(event);
    // A value that grew or shrank changes what fits as well as a resize does.
    if (event->type() == QEvent::LayoutRequest)
        updateGroupsDirection();
    return result;
}

void CallForm::updateMutedLabels()
{
    for (QLabel *label : std::as_const(m_mutedLabels))
        setMutedText(label, palette());
}

void CallForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateMutedLabels();
    QWidget::changeEvent(event);
}

QString CallForm::fieldText(const QString &name) const
{
    if (ValueField *field = m_fields.value(name))
        return field->value().isEmpty() ? ValueField::emptyText() : field->value();
    if (name == u"status")
        return m_status->text();
    if (name == u"api")
        return m_hasCall ? m_api->text() : ValueField::emptyText();
    if (name == u"error")
        return m_errorBox->isHidden() ? QString() : m_errorBox->error();
    if (name == u"input") {
        if (!m_batchCount->isHidden())
            return m_batchCount->text();
        return m_inputUrl->value().isEmpty() ? ValueField::emptyText() : m_inputUrl->value();
    }
    if (name == u"inputType") {
        const auto &single = m_call.input.singleFile;
        return single && !single->inputType.isEmpty() ? single->inputType : ValueField::emptyText();
    }
    return {};
}

bool CallForm::isFieldVisible(const QString &name) const
{
    QWidget *w = m_fields.value(name);
    if (!w && name == u"status")
        w = m_status;
    else if (!w && name == u"api")
        w = m_api;
    else if (!w && name == u"error")
        w = m_errorBox;
    else if (!w && (name == u"input" || name == u"inputType"))
        w = name == u"input" ? m_inputUrl->parentWidget() : m_inputType;
    return w && w->isVisibleTo(this);
}

QStringList CallForm::fieldNames() const
{
    return {QStringLiteral("callID"),
            QStringLiteral("callType"),
            QStringLiteral("status"),
            QStringLiteral("callReferenceID"),
            QStringLiteral("input"),
            QStringLiteral("inputType"),
            QStringLiteral("created"),
            QStringLiteral("finished"),
            QStringLiteral("duration"),
            QStringLiteral("workflowName"),
            QStringLiteral("workflowVersion"),
            QStringLiteral("workflowID"),
            QStringLiteral("functionName"),
            QStringLiteral("functionType"),
            QStringLiteral("functionVersion"),
            QStringLiteral("functionID"),
            QStringLiteral("api"),
            QStringLiteral("results"),
            QStringLiteral("error")};
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "eventdetails.h"

#include "cellformat.h"
#include "formatting.h"
#include "plainlabel.h"
#include "valuefield.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace bem {

EventDetails::EventDetails(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_form = new QFormLayout;
    m_form->setHorizontalSpacing(8);
    m_form->setVerticalSpacing(3);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);

    addField(QStringLiteral("eventType"), tr("Event:"));
    addField(QStringLiteral("eventID"), tr("Event ID:"));
    addField(QStringLiteral("function"), tr("Function:"));
    addField(QStringLiteral("try"), tr("Try:"));
    addField(QStringLiteral("created"), tr("Created:"));
    addField(QStringLiteral("itemOffset"), tr("Item offset:"));
    addField(QStringLiteral("confidence"), tr("Confidence:"));
    addField(QStringLiteral("message"), tr("Message:"));
    addField(QStringLiteral("choice"), tr("Choice:"));
    addField(QStringLiteral("delivery"), tr("Webhook:"));

    layout->addSpacing(6);
    QLabel *jsonLabel = plainLabel(tr("As sent"), this);
    QFont bold = jsonLabel->font();
    bold.setBold(true);
    jsonLabel->setFont(bold);
    layout->addWidget(jsonLabel);
    m_json = new QPlainTextEdit(this);
    m_json->setObjectName(QStringLiteral("eventJson"));
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_json, 1);
}

EventDetails::~EventDetails() = default;

ValueField *EventDetails::addField(const QString &name, const QString &label)
{
    auto *field = new ValueField(this);
    field->setObjectName(name);
    field->setCopyButtonVisible(true);
    field->lineEdit()->setAccessibleName(QString(label).remove(u':'));
    QLabel *l = plainLabel(label, this);
    l->setBuddy(field);
    m_form->addRow(l, field);
    m_fields.insert(name, field);
    return field;
}

void EventDetails::setField(const QString &name, const QString &value)
{
    ValueField *field = m_fields.value(name);
    field->setValue(value);
    // Fields an event of this type does not have are left out, not shown empty.
    m_form->setRowVisible(field, !value.isEmpty());
}

void EventDetails::setEvent(const Event &event)
{
    if (event == m_event && !m_json->document()->isEmpty())
        return;
    m_event = event;
    setField(QStringLiteral("eventType"),
             event.eventType.isEmpty()
                 ? eventName(event)
                 : eventName(event) + QStringLiteral(" (") + event.eventType + u')');
    setField(QStringLiteral("eventID"), event.eventId);
    setField(QStringLiteral("function"),
             event.functionName.isEmpty() ? event.functionId : event.functionName);
    setField(QStringLiteral("try"), tryText(event.functionCallTryNumber));
    setField(QStringLiteral("created"), event.createdAt.isValid()
                                            ? formatUtcTime(event.createdAt.value)
                                            : event.createdAt.raw());
    setField(QStringLiteral("itemOffset"),
             event.itemOffset ? QString::number(*event.itemOffset) : QString());
    setField(QStringLiteral("confidence"), confidenceText(event.avgConfidence));
    setField(QStringLiteral("message"), event.message);
    setField(QStringLiteral("choice"), event.choice);
    QString delivery;
    if (event.lastPublishErrorAt.isValid() &&
        (!event.publishedAt.isValid() || event.publishedAt.value < event.lastPublishErrorAt.value))
        delivery =
            tr("last delivery failed (%1)").arg(formatUtcTime(event.lastPublishErrorAt.value));
    else if (event.publishedAt.isValid())
        delivery = tr("delivered (%1)").arg(formatUtcTime(event.publishedAt.value));
    setField(QStringLiteral("delivery"), delivery);
    // A plain text view: whatever the event holds is shown as characters, never markup.
    m_json->setPlainText(
        QString::fromUtf8(QJsonDocument(event.object).toJson(QJsonDocument::Indented)));
}

QString EventDetails::fieldText(const QString &name) const
{
    const ValueField *field = m_fields.value(name);
    if (!field)
        return {};
    const QString v = field->value();
    return v.isEmpty() ? ValueField::emptyText() : v;
}

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QPlainTextEdit;

namespace bem {

class ValueField;

// One event of a v3 trace, as the details pane shows it when its row is selected: its
// fields as plain text, then the whole event as sent, indented.
class EventDetails final : public QWidget
{
    Q_OBJECT
public:
    explicit EventDetails(QWidget *parent = nullptr);
    ~EventDetails() override;
    Q_DISABLE_COPY_MOVE(EventDetails)

    void setEvent(const Event &event);
    const Event &shownEvent() const { return m_event; }

    // For tests. Names: "eventType", "eventID", "function", "try", "created",
    // "itemOffset", "confidence", "message", "choice", "delivery". The full value, or
    // "—" when it shows nothing; null for an unknown name.
    QString fieldText(const QString &name) const;
    QPlainTextEdit *jsonView() const { return m_json; }

private:
    ValueField *addField(const QString &name, const QString &label);
    void setField(const QString &name, const QString &value);

    Event m_event;
    QFormLayout *m_form = nullptr;
    QHash<QString, ValueField *> m_fields;
    QPlainTextEdit *m_json = nullptr;
};

} // namespace bem

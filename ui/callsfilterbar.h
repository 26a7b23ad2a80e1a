// SPDX-License-Identifier: MIT
#pragma once

#include "calllistquery.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bem {

// The calls browser's filters, each one a parameter of the list endpoint: status (several
// at once), workflow names, a reference substring (typed text is applied after a short
// pause), the call type (v2 only) and the order. Below them, a line for the API's own
// words when it rejects a filter.
class CallsFilterBar final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 300;

    explicit CallsFilterBar(QWidget *parent = nullptr);
    ~CallsFilterBar() override;
    Q_DISABLE_COPY_MOVE(CallsFilterBar)

    // The query the filters spell, for `version` (the call type only counts on v2).
    CallListQuery query() const;
    // Shows the call type for v2; the host starts the list over (no queryChanged()).
    void setVersion(ApiVersion version);
    ApiVersion version() const { return m_version; }
    // Sets the filters without waiting (tests, screenshots); emits queryChanged() once.
    void setStatuses(const QStringList &statuses);
    void setNewestFirst(bool newestFirst);
    void setReferenceText(const QString &text);
    void setWorkflowText(const QString &text);
    // The API's words about a rejected filter, shown as plain text; empty hides the line.
    void setError(const QString &message);
    QString errorText() const;
    void focusFilter();

    QLineEdit *referenceField() const { return m_reference; }
    QLineEdit *workflowField() const { return m_workflows; }
    QPushButton *statusButton() const { return m_statusButton; }
    QComboBox *callTypeBox() const { return m_callType; }
    QComboBox *orderBox() const { return m_order; }

Q_SIGNALS:
    void queryChanged(const bem::CallListQuery &query);

private:
    void emitQuery();
    void updateStatusText();

    ApiVersion m_version = ApiVersion::V3;
    QPushButton *m_statusButton = nullptr;
    QList<QAction *> m_statusActions;
    QLineEdit *m_workflows = nullptr;
    QLineEdit *m_reference = nullptr;
    QComboBox *m_callType = nullptr;
    QComboBox *m_order = nullptr;
    QLabel *m_error = nullptr;
    QTimer m_debounce;
};

} // namespace bem

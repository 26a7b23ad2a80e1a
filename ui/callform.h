// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"
#include "durationtext.h"
#include "errorbox.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QBoxLayout;
class QLabel;
class QMenu;
class QToolButton;

namespace bem {

class StatusBadge;
class ValueField;

// The call's own fields, above the tree: compact columns of forms (call, timing,
// workflow, function) and, above them, any error — from the response or from a failed
// call — in a frame that is never hidden while there is one.
//
// setCall() with a newer state of the same call updates the widgets in place: nothing is
// rebuilt, and a field whose value did not change keeps its selection. While the call is
// not terminal the duration counts up every second.
class CallForm final : public QWidget
{
    Q_OBJECT
public:
    explicit CallForm(QWidget *parent = nullptr);
    ~CallForm() override;
    Q_DISABLE_COPY_MOVE(CallForm)

    // `responseError` is the response's "error" string, shown with the call.
    void setCall(const Call &call, const QString &responseError = {});
    // A v3 call's outputs and errors when more were loaded than the call's own arrays
    // carry (paging): the "Results" row counts these. setCall() counts the call's arrays.
    void setEvents(const CallEvents &events);
    // The empty state: every field "—", no error.
    void clear();
    // The clock for elapsed times (tests); the default is the system clock.
    void setNow(std::function<QDateTime()> now);
    // The call shown is a saved picture (an opened file), not the server's live state: an
    // unfinished call says "was running when saved" instead of counting up. Stays until
    // set back to false (a live call loaded).
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }

    // For tests and accessibility. Names: "callID", "callType", "status",
    // "callReferenceID", "input", "inputType", "created", "finished", "duration",
    // "workflowName", "workflowVersion", "workflowID", "functionName", "functionType",
    // "functionVersion", "functionID", "api", "results", "error".
    // fieldText() is what the field stands for, uncut: a value field's full value as
    // sent (what Copy gives), or "—" when it shows nothing; "status" is the badge's word;
    // "input" is the single file's URL or "N files"; "error" is the full error text, empty
    // when none is shown; "api" is which bem API answered ("v3", "v2 (deprecated)");
    // "results" counts a v3 call's outputs and errors. An unknown name gives a null QString.
    QString fieldText(const QString &name) const;
    // Whether the field would be visible with the form shown (its group not hidden).
    bool isFieldVisible(const QString &name) const;
    QStringList fieldNames() const;

Q_SIGNALS:
    // The user asked to open an input file. The receiver decides whether it may open.
    void openUrlRequested(const QString &url);

protected:
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateMutedLabels();
    QWidget *addColumn(const QString &objectName, QBoxLayout *into = nullptr);
    ValueField *addField(QWidget *column, const QString &name, const QString &label,
                         bool copyButton = false);
    void addRow(QWidget *column, const QString &label, QWidget *field);
    QWidget *createInputRow();
    void setInput(const CallInput &input);
    void updateDuration();
    void updateColumns();
    void updateApiRows();
    void updateGroupsDirection();

    Call m_call;
    bool m_hasCall = false;
    bool m_offline = false;
    std::function<QDateTime()> m_now;
    QTimer m_tick;

    ErrorBox *m_errorBox = nullptr;
    QBoxLayout *m_columns = nullptr;
    QWidget *m_callColumn = nullptr;
    QWidget *m_timeColumn = nullptr;
    QWidget *m_groups = nullptr;
    QBoxLayout *m_groupsLayout = nullptr;
    QWidget *m_workflowColumn = nullptr;
    QWidget *m_functionColumn = nullptr;
    QHash<QString, ValueField *> m_fields;
    StatusBadge *m_status = nullptr;
    QLabel *m_api = nullptr;
    std::optional<CallEvents> m_events; // paged outputs and errors, when there are more

    // Input: one file (type, URL, Open) or a batch (count, menu of files).
    QLabel *m_inputType = nullptr;
    ValueField *m_inputUrl = nullptr;
    QToolButton *m_inputOpen = nullptr;
    QLabel *m_batchCount = nullptr;
    QToolButton *m_batchButton = nullptr;
    QMenu *m_batchMenu = nullptr;
    QList<QLabel *> m_mutedLabels;
};

} // namespace bem

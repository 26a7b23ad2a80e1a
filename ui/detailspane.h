// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QTreeWidget;

namespace bem {

class EventDetails;
class StatusBadge;
class ValueField;

// The details of the function call selected in the tree, in a narrow scrollable column:
// its fields, its activity steps and its input files (open in the browser or copy the
// URL). Showing the same function call again after a refresh updates it in place: no
// widget is rebuilt and list selections stay.
class DetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;
    Q_DISABLE_COPY_MOVE(DetailsPane)

    // `selectedActivity`: the activity step to highlight (its index in fc.activity), or
    // -1 to leave the activity list's selection as it is for the same function call (and
    // clear it for another one).
    void showFunctionCall(const FunctionCall &fc, int selectedActivity = -1);
    // An event row of a v3 trace: the event's fields and JSON, in place of the function
    // call's (`fc` is the function call that emitted it).
    void showTraceEvent(const FunctionCall &fc, const Event &event);
    bool isShowingEvent() const;
    EventDetails *eventDetails() const { return m_eventDetails; }
    // The empty state: "Select a function call to see its details."
    void showNothing();
    bool isShowingNothing() const;
    // The function call shown (meaningless while isShowingNothing()).
    const FunctionCall &functionCall() const { return m_fc; }
    // The clock for elapsed times (tests); the default is the system clock.
    void setNow(std::function<QDateTime()> now);
    // A saved picture (an opened file): an unfinished function call says "was running
    // when saved" instead of counting up (as CallForm::setOffline).
    void setOffline(bool offline);

    // For tests and accessibility. Names: "name", "functionCallID", "functionID", "type",
    // "status", "version", "referenceID", "started", "finished", "duration",
    // "sourceFunctionCallID", "workflowCallID", "inputType", "s3URL", "unknownFields",
    // and from v3 traces "workflowNode", "edge", "try", "sourceEventID".
    // A value field's full value as sent (what Copy gives), or "—" when it shows nothing;
    // "status" is the badge's word; "unknownFields" is compact JSON. Unknown name: null.
    QString fieldText(const QString &name) const;
    // One row per activity step: status icon and displayName, then the status word.
    QTreeWidget *activityList() const { return m_activity; }
    // One row per input file: the function call's own (s3URL) first, then fc.inputs.
    // Columns: type, item reference, URL; the full URL is in Qt::UserRole of column 0.
    QTreeWidget *inputList() const { return m_inputs; }
    // The URL of the current input row, empty when none.
    QString currentInputUrl() const;
    QPushButton *openButton() const { return m_openButton; }
    QPushButton *copyUrlButton() const { return m_copyUrlButton; }

    // Never narrower than what the content needs (with room for the vertical scroll bar):
    // the page does not scroll sideways, so a narrower pane would cut off its right edge
    // (the input buttons, the copy buttons) when the splitter is dragged.
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The user asked to open an input file. The receiver decides whether it may open.
    void openUrlRequested(const QString &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateMutedLabels();
    ValueField *addField(const QString &name, const QString &label, bool copyButton = false);
    QLabel *sectionLabel(const QString &text);
    void updateActivity(const QList<ActivityEntry> &activity, bool sameCall, int selectedActivity);
    void updateInputs(const FunctionCall &fc, bool sameCall);
    void updateDuration();
    void updateButtons();
    void showInputMenu(const QPoint &pos);
    void fitListHeight(QTreeWidget *list, int maxRows);
    void fitInputColumns();

    FunctionCall m_fc;
    bool m_showing = false;
    bool m_offline = false;
    std::function<QDateTime()> m_now;
    QTimer m_tick;

    QScrollArea *m_scroll = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_content = nullptr;
    EventDetails *m_eventDetails = nullptr;
    QHash<QString, ValueField *> m_fields;
    StatusBadge *m_status = nullptr;
    QFormLayout *m_form = nullptr;
    QTreeWidget *m_activity = nullptr;
    QLabel *m_noActivity = nullptr;
    QTreeWidget *m_inputs = nullptr;
    QLabel *m_noInputs = nullptr;
    QWidget *m_inputButtons = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_copyUrlButton = nullptr;
    QList<QLabel *> m_mutedLabels;
};

} // namespace bem

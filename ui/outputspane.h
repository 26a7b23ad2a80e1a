// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace bem {

class EventListModel;
class OutputViewer;

// A v3 call's outputs and errors side by side (a partly failed call has both), each with
// its count and a plain-text empty state, and under them the output viewer for the
// selected row. An error's function call is one Enter, double-click or "Show in Tree"
// away (functionCallRequested). The low-confidence threshold is read from the settings
// (SettingsKeys::lowConfidenceThreshold(), default 0.8).
class OutputsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit OutputsPane(QWidget *parent = nullptr);
    ~OutputsPane() override;
    Q_DISABLE_COPY_MOVE(OutputsPane)

    // Merged by event ID: rows and the selection survive a refresh.
    void setEvents(const bem::CallEvents &events);
    void clear();
    // Reads the threshold again (after Settings was accepted).
    void reloadSettings();
    double lowConfidenceThreshold() const;

    QTableView *outputsView() const { return m_outputsView; }
    QTableView *errorsView() const { return m_errorsView; }
    EventListModel *outputsModel() const { return m_outputs; }
    EventListModel *errorsModel() const { return m_errors; }
    OutputViewer *viewer() const { return m_viewer; }

Q_SIGNALS:
    void functionCallRequested(const QString &functionCallId);

private:
    QWidget *makeList(QTableView *view, QLabel *header, QLabel *empty, QWidget *extra);
    void showRow(EventListModel *model, const QModelIndex &index);
    void requestFunctionCall(const QModelIndex &index);
    void updateHeaders();
    void refreshViewer();

    EventListModel *m_outputs;
    EventListModel *m_errors;
    QTableView *m_outputsView;
    QTableView *m_errorsView;
    QLabel *m_outputsHeader;
    QLabel *m_errorsHeader;
    QLabel *m_outputsEmpty;
    QLabel *m_errorsEmpty;
    QLabel *m_loadingMore;
    QPushButton *m_showInTree;
    OutputViewer *m_viewer;
    QSplitter *m_lists;
    QSplitter *m_split;
    bool m_complete = true;
};

} // namespace bem

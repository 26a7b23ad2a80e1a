// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"
#include "calltypes.h"

#include <QWidget>

class QSettings;
class QSplitter;
class QTabWidget;

namespace bem {

class CallForm;
class CallTreeModel;
class CallTreePanel;
class DetailsPane;
class OutputsPane;
class RawJsonView;

// The page that shows one call: its fields on top, and tabs under them — the function-call
// tree beside the details of the row chosen, and the raw response; for a v3 call also its
// outputs and errors, and the raw trace. Only puts the parts in place and remembers how
// the user sized them; the window fills them.
class CallPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CallPage(CallTreeModel *model, QWidget *parent = nullptr);
    ~CallPage() override;
    Q_DISABLE_COPY_MOVE(CallPage)

    CallForm *form() const { return m_form; }
    CallTreePanel *treePanel() const { return m_treePanel; }
    DetailsPane *details() const { return m_details; }
    RawJsonView *rawJson() const { return m_rawJson; }
    // A v3 call's outputs and errors, side by side, and the output chosen.
    OutputsPane *outputs() const { return m_outputs; }
    // The trace response of a v3 call, as received.
    RawJsonView *rawTrace() const { return m_rawTrace; }
    QTabWidget *tabs() const { return m_tabs; }

    void showRawJson(bool raw);
    bool isShowingRawJson() const;
    // The raw view of the tab shown (the call's or the trace's), else null.
    RawJsonView *currentRawView() const;
    // v3 calls have outputs, errors and a trace: their tabs show only for them.
    void setApiVersion(ApiVersion version);
    // The parts of a snapshot beyond the form and the tree: which tabs show, the raw trace,
    // and what Save writes (a v3 call: one bundle with its trace, outputs and errors).
    void showSnapshotParts(const CallSnapshotPtr &snapshot);
    // A v3 call's outputs and errors (the call's arrays, then every page).
    void showEvents(const CallEvents &events);
    // Forgets the call shown: the tabs' contents and what Save would write.
    void clearCallParts();
    void showOutputs();
    // Shows the tree with this function call selected, clearing a filter that hides it.
    // False when the call has no such function call (yet).
    bool showFunctionCall(const QString &functionCallId);

    // The splitter between tree and details, and the tree's columns.
    void saveState(QSettings *settings) const;
    void restoreState(const QSettings *settings);

Q_SIGNALS:
    // The raw tab became current (true) or the tree's (false).
    void rawJsonShown(bool raw);

private:
    void updateSaveContent();

    CallForm *m_form;
    CallTreePanel *m_treePanel;
    DetailsPane *m_details;
    QSplitter *m_splitter;
    CallTreeModel *m_model;
    OutputsPane *m_outputs;
    RawJsonView *m_rawJson;
    RawJsonView *m_rawTrace;
    QTabWidget *m_tabs;
    CallSnapshotPtr m_snapshot; // what Save writes a bundle of (v3)
    CallEvents m_events;
};

} // namespace bem

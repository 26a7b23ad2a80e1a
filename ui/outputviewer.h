// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTreeView;

namespace bem {

class ConfidenceFilterProxy;
class JsonTreeModel;

// One output (or error) in detail: a header (event type, function, average confidence,
// webhook delivery, data problems) over its content as a JSON tree with a confidence
// column, a "Low confidence only" switch, and Copy value / Copy JSON Pointer / Copy output
// as JSON (context menu and shortcuts). Everything from the server is plain text.
class OutputViewer final : public QWidget
{
    Q_OBJECT
public:
    explicit OutputViewer(QWidget *parent = nullptr);
    ~OutputViewer() override;
    Q_DISABLE_COPY_MOVE(OutputViewer)

    void setEvent(const Event &event);
    void clear();
    bool hasEvent() const { return m_hasEvent; }
    const Event &shownEvent() const { return m_event; }

    double lowConfidenceThreshold() const;
    void setLowConfidenceThreshold(double threshold);

    // The selected row's whole value / JSON Pointer, and the whole event, to the clipboard.
    void copyValue();
    void copyPointer();
    void copyOutputJson();

    QTreeView *treeView() const { return m_tree; }
    JsonTreeModel *treeModel() const { return m_model; }
    QCheckBox *lowConfidenceOnly() const { return m_lowOnly; }

private:
    void updateHeader();
    void updateActions();
    QModelIndex currentSourceIndex() const;

    Event m_event;
    bool m_hasEvent = false;
    JsonTreeModel *m_model;
    ConfidenceFilterProxy *m_proxy;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_problems;
    QLabel *m_placeholder;
    QCheckBox *m_lowOnly;
    QTreeView *m_tree;
    QAction *m_copyValue;
    QAction *m_copyPointer;
    QAction *m_copyOutput;
};

} // namespace bem

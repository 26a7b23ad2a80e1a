// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QLabel;
class QTreeView;

namespace bem {

class CallTreeModel;

// The first window: opens a saved GET /v2/calls/{id} response and shows its summary and
// function-call tree. The full inspector (live loading, form, details) grows from here.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    // Loads a response saved as JSON. On failure the previous call stays on screen and
    // the reason is shown; returns whether the file was loaded.
    bool openFile(const QString &path);
    CallTreeModel *model() const { return m_model; }

private:
    void chooseFile();
    void showMessage(const QString &text, bool isError);

    CallTreeModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QTreeView *m_tree = nullptr;
};

} // namespace bem

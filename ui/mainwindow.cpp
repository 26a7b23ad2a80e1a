// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "callparser.h"
#include "calltreemodel.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace bem {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new CallTreeModel(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_tree(new QTreeView(this))
{
    setWindowTitle(tr("bem Call Inspector"));

    // Server strings are never markup.
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Open a saved call response (File ▸ Open…) to inspect it."));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CallTreeModel::NameColumn, QHeaderView::Stretch);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    resize(1000, 650);
}

MainWindow::~MainWindow() = default;

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open call response"), {},
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Could not open %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    ParseResult parsed = CallParser::parse(file.readAll());
    if (!parsed.ok()) {
        showMessage(tr("Could not load %1. %2").arg(path, parsed.error), true);
        return false;
    }
    const CallSnapshot snapshot = CallSnapshot::fromCall(std::move(*parsed.call), parsed.warnings);
    const Call &call = snapshot.call;
    m_model->setSnapshot(snapshot);
    m_tree->expandToDepth(0);
    for (int column = CallTreeModel::TypeColumn; column < CallTreeModel::ColumnCount; ++column)
        m_tree->resizeColumnToContents(column);

    QStringList summary{call.callID, call.status.displayText()};
    const QString name = !call.workflowName.isEmpty() ? call.workflowName : call.functionName;
    if (!name.isEmpty())
        summary << name;
    const int count = int(call.functionCalls.size());
    summary << (count == 1 ? tr("1 function call") : tr("%1 function calls").arg(count));
    m_summary->setText(summary.join(QStringLiteral(" · ")));
    if (snapshot.warnings.isEmpty())
        m_message->hide();
    else
        showMessage(tr("Parts of the response were ignored (%1). First: %2")
                        .arg(snapshot.warnings.size())
                        .arg(snapshot.warnings.first()),
                    false);
    statusBar()->showMessage(tr("Loaded %1").arg(path));
    return true;
}

void MainWindow::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setStyleSheet(isError ? QStringLiteral("color: palette(bright-text); "
                                                      "background: #b42318; padding: 6px;")
                                     : QStringLiteral("padding: 6px;"));
    m_message->show();
}

} // namespace bem

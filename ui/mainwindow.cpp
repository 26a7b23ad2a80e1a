// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "apikeystore.h"
#include "callparser.h"
#include "calltreemodel.h"
#include "formatting.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>
#include <QStyle>
#include <QTime>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace bem {

MainWindow::MainWindow(CallPoller *poller, ApiKeyStore *keys, QWidget *parent)
    : QMainWindow(parent)
    , m_poller(poller)
    , m_keys(keys)
    , m_model(new CallTreeModel(this))
    , m_callId(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_liveStatus(new QLabel(this))
    , m_modeNote(new QLabel(this))
{
    setWindowTitle(tr("bem Call Inspector"));

    m_callId->setPlaceholderText(tr("Paste a call ID and press Enter"));
    m_callId->setClearButtonEnabled(true);
    m_callId->setMinimumWidth(320);
    connect(m_callId, &QLineEdit::returnPressed, this, [this] { loadCall(m_callId->text()); });

    // Server strings are never markup.
    m_summary->setObjectName(QStringLiteral("summary"));
    for (QLabel *label : {m_summary, m_message, m_liveStatus, m_modeNote})
        label->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(
        tr("Enter a call ID above, or open a saved response (File \u25b8 Open\u2026)."));
    m_message->setObjectName(QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CallTreeModel::NameColumn, QHeaderView::Stretch);
    // While a small call is being watched, function calls that appear under an expanded
    // row are shown as they arrive, so progress is visible without clicking. The first
    // row the user collapses ends that for this call.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!m_followNewRows || m_model->functionCallCount() > AutoExpandLimit)
                    return;
                for (int row = first; row <= last; ++row) {
                    const QModelIndex index = m_model->index(row, 0, parent);
                    if (m_model->kind(index) == CallTreeModel::NodeKind::FunctionCall &&
                        (!parent.isValid() || m_tree->isExpanded(parent)))
                        m_tree->expand(index);
                }
            });
    connect(m_tree, &QTreeView::collapsed, this, [this] { m_followNewRows = false; });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    setCentralWidget(central);

    m_refreshAction = new QAction(tr("&Refresh Now"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setEnabled(false);
    connect(m_refreshAction, &QAction::triggered, m_poller, &CallPoller::refreshNow);
    m_pauseAction = new QAction(tr("&Pause Auto-Refresh"), this);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_pauseAction->setEnabled(false);
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        if (paused)
            m_poller->pause();
        else
            m_poller->resume();
    });

    QToolBar *toolbar = addToolBar(tr("Call"));
    toolbar->setObjectName(QStringLiteral("callToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Call ID:"), toolbar));
    toolbar->addWidget(m_callId);
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_pauseAction);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open =
        file->addAction(tr("&Open Saved Response\u2026"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    QAction *focusId = file->addAction(tr("Go to Call &ID"), this, [this] {
        m_callId->setFocus();
        m_callId->selectAll();
    });
    focusId->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    if (m_keys)
        file->addAction(tr("&API Key\u2026"), this, &MainWindow::enterApiKey);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *call = menuBar()->addMenu(tr("&Call"));
    call->addAction(m_refreshAction);
    call->addAction(m_pauseAction);

    // Long texts are clipped rather than pushing the mode note off the bar.
    m_liveStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_liveStatus, 1);
    statusBar()->addPermanentWidget(m_modeNote);
    m_modeNote->hide();

    // The countdown ("next refresh in 4 s") is redrawn each second while one is pending.
    m_countdown.setInterval(500);
    connect(&m_countdown, &QTimer::timeout, this, &MainWindow::updateLiveStatus);
    connect(m_poller, &CallPoller::snapshotChanged, this, [this](const CallSnapshotPtr &s) {
        if (s)
            showSnapshot(*s);
    });
    connect(m_poller, &CallPoller::statusChanged, this, &MainWindow::onPollerStatus);

    m_callId->setFocus();
    resize(1100, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::loadCall(const QString &callID)
{
    const QString id = callID.trimmed();
    if (id.isEmpty())
        return;
    m_callId->setText(id);
    // The keychain may take a moment (or ask to be unlocked); asking before the key is
    // known would only earn a "no API key" error.
    if (m_keys && !m_keys->isLoaded()) {
        m_liveStatus->setText(tr("Waiting for the system keychain\u2026"));
        const bool firstWait = m_pendingCallId.isEmpty();
        m_pendingCallId = id;
        if (firstWait)
            connect(
                m_keys, &ApiKeyStore::loaded, this,
                [this] { loadCall(std::exchange(m_pendingCallId, QString())); },
                Qt::SingleShotConnection);
        return;
    }
    m_firstSnapshotOfCall = true;
    m_followNewRows = true;
    // Another call's tree under this ID would mislead; the same ID keeps its data.
    if (m_model->callID() != id) {
        m_model->clear();
        m_summary->setText(tr("Loading %1\u2026").arg(id));
    }
    setWindowTitle(tr("%1 \u2014 bem Call Inspector").arg(id));
    hideMessage();
    m_poller->start(id);
}

bool MainWindow::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Could not open %1: %2").arg(path, file.errorString()), Banner::Error);
        return false;
    }
    ParseResult parsed = CallParser::parse(file.readAll());
    if (!parsed.ok()) {
        showMessage(tr("Could not load %1. %2").arg(path, parsed.error), Banner::Error);
        return false;
    }
    // A saved response is a picture of the past: nothing to refresh.
    m_poller->stop();
    m_firstSnapshotOfCall = true;
    hideMessage();
    showSnapshot(CallSnapshot::fromCall(std::move(*parsed.call), parsed.warnings));
    m_callId->setText(m_model->callID());
    setWindowTitle(tr("%1 \u2014 bem Call Inspector").arg(QFileInfo(path).fileName()));
    m_liveStatus->setText(tr("Showing a saved response: %1 (not refreshed)").arg(path));
    return true;
}

void MainWindow::setModeNote(const QString &text)
{
    m_modeNote->setText(text);
    m_modeNote->setVisible(!text.isEmpty());
}

QString MainWindow::bannerText() const
{
    return m_banner == Banner::None ? QString() : m_message->text();
}

QString MainWindow::liveStatusText() const
{
    return m_liveStatus->text();
}

void MainWindow::showSnapshot(const CallSnapshot &snapshot)
{
    const Call &call = snapshot.call;
    m_model->setSnapshot(snapshot);
    // Size and expand once there is something to size: a pending call has no rows yet.
    if (m_firstSnapshotOfCall && !call.functionCalls.isEmpty()) {
        m_firstSnapshotOfCall = false;
        m_tree->expandToDepth(0);
        for (int column = CallTreeModel::TypeColumn; column < CallTreeModel::ColumnCount; ++column)
            m_tree->resizeColumnToContents(column);
        // Types and statuses seen later may be longer than the first ones: leave room for
        // the common long values.
        // Activity rows are italic, and italic text runs wider.
        QFont italic = m_tree->font();
        italic.setItalic(true);
        const QFontMetrics italicMetrics(italic);
        const auto ensureWidth = [this, &italicMetrics](int column, const QString &text,
                                                        int extra) {
            const int textWidth = qMax(m_tree->fontMetrics().horizontalAdvance(text),
                                       italicMetrics.horizontalAdvance(text));
            const int width =
                textWidth + extra + 2 * m_tree->style()->pixelMetric(QStyle::PM_HeaderMargin) + 12;
            if (m_tree->columnWidth(column) < width)
                m_tree->setColumnWidth(column, width);
        };
        ensureWidth(CallTreeModel::TypeColumn, QStringLiteral("transform"), 0);
        ensureWidth(CallTreeModel::StatusColumn, QStringLiteral("completed"),
                    m_tree->style()->pixelMetric(QStyle::PM_SmallIconSize) + 8);
    }
    QStringList summary{call.callID, call.status.displayText()};
    const QString name = !call.workflowName.isEmpty() ? call.workflowName : call.functionName;
    if (!name.isEmpty())
        summary << name;
    const int count = int(call.functionCalls.size());
    summary << (count == 1 ? tr("1 function call") : tr("%1 function calls").arg(count));
    m_summary->setText(summary.join(QStringLiteral(" \u00b7 ")));
    m_lastGoodTime = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    if (!snapshot.warnings.isEmpty())
        showMessage(tr("Parts of the response were ignored (%1). First: %2")
                        .arg(snapshot.warnings.size())
                        .arg(snapshot.warnings.first()),
                    Banner::Warnings);
    else if (m_banner == Banner::Warnings)
        hideMessage();
}

void MainWindow::onPollerStatus(const PollerStatus &status)
{
    using P = PollerStatus::Phase;
    const bool watching = status.phase != P::Idle;
    m_refreshAction->setEnabled(watching && !status.requestInFlight);
    m_pauseAction->setEnabled(watching && status.phase != P::Finished &&
                              status.phase != P::Stopped);
    {
        const QSignalBlocker blocker(m_pauseAction);
        m_pauseAction->setChecked(status.phase == P::Paused);
    }
    if ((status.phase == P::Retrying || status.phase == P::Stopped) && !status.requestInFlight) {
        const bool retrying = status.phase == P::Retrying;
        QString text = !retrying ? status.lastError
                       : status.hasSnapshot
                           ? tr("Could not refresh: %1").arg(status.lastError)
                           : tr("Could not load the call: %1").arg(status.lastError);
        if (status.hasSnapshot)
            text += u' ' + tr("Showing the data received at %1.").arg(m_lastGoodTime);
        else
            m_summary->setText(retrying
                                   ? tr("%1 is not loaded yet; trying again.").arg(status.callID)
                                   : tr("%1 could not be loaded.").arg(status.callID));
        showMessage(text, Banner::Error);
        m_message->setToolTip(plainToolTip(status.lastDetails.split(u'\n')));
    } else if (m_banner == Banner::Error && status.lastError.isEmpty() &&
               status.phase != P::Loading) {
        hideMessage();
    }
    updateLiveStatus();
    if (status.nextRefreshInMs >= 0)
        m_countdown.start();
    else
        m_countdown.stop();
}

void MainWindow::updateLiveStatus()
{
    if (m_poller->status().phase == PollerStatus::Phase::Idle)
        return; // keep whatever the last action said (a saved file, say)
    // The banner carries the error itself; the status bar keeps to the timing.
    m_liveStatus->setText(m_poller->status().describe(/*includeError=*/false));
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open call response"), {},
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::enterApiKey()
{
    if (!m_keys)
        return;
    QString label = tr("bem API key (stored in the system keychain):");
    if (ApiKeyStore::environmentHasKey())
        label += u'\n' + tr("BEM_API_KEY is set and is used while it is set.");
    if (m_keys->hasKey())
        label += u'\n' + tr("Current key: %1 (%2)")
                             .arg(ApiKeyStore::masked(m_keys->key()),
                                  ApiKeyStore::sourceDescription(m_keys->source()));
    bool ok = false;
    const QString key =
        QInputDialog::getText(this, tr("API Key"), label, QLineEdit::Password, QString(), &ok);
    if (!ok || key.trimmed().isEmpty())
        return;
    connect(
        m_keys, &ApiKeyStore::saved, this,
        [this](ApiKeyStore::Source where) {
            if (where == ApiKeyStore::Source::Session)
                showMessage(m_keys->keychainProblem(), Banner::Notice);
            else
                statusBar()->showMessage(tr("API key saved in the system keychain."), 5000);
            if (!m_poller->callID().isEmpty())
                m_poller->refreshNow();
        },
        Qt::SingleShotConnection);
    m_keys->save(key);
}

void MainWindow::showMessage(const QString &text, Banner kind)
{
    m_banner = kind;
    m_message->setText(text);
    m_message->setToolTip(QString());
    m_message->setStyleSheet(kind == Banner::Error
                                 ? QStringLiteral("color: white; background: #b42318; "
                                                  "padding: 6px; border-radius: 3px;")
                                 : QStringLiteral("background: palette(alternate-base); "
                                                  "padding: 6px; border-radius: 3px;"));
    m_message->show();
}

void MainWindow::hideMessage()
{
    m_banner = Banner::None;
    m_message->clear();
    m_message->setToolTip(QString());
    m_message->hide();
}

} // namespace bem

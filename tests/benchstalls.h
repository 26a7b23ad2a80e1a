// SPDX-License-Identifier: MIT
#pragma once

// The GUI-stall part of bench_callload: the places a new user finds slow on a huge call,
// each measured on the real widgets (the window's call page: form, tree panel with its
// filter proxy, details, raw JSON) with a probe that notes the longest gap between the
// ticks of a 1 ms timer while the step runs and the event loop settles.
//   - typing a query letter by letter into the filter field (the real debounce), then
//     erasing it;
//   - switching from one huge call to another, as the window does (the session's model
//     cleared, the views cleared, the new snapshot applied, the views filled);
//   - Expand All on the huge tree.

#include "backgroundpool.h"
#include "callfilterproxymodel.h"
#include "callloader.h"
#include "callmodelupdater.h"
#include "callpage.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "rawjsonview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace bem::bench {

// The longest gap between the ticks of a 1 ms timer, from start() on.
class StallProbe final
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_debug && now - m_last > 30'000'000)
                std::fprintf(stderr, "  gap %.1f ms at %.1f ms\n", double(now - m_last) / 1e6,
                             double(now) / 1e6);
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_longest = 0;
        m_timer.start();
    }
    double stopMs()
    {
        m_timer.stop();
        return double(m_longest) / 1e6;
    }
    // Runs the event loop until `done` and then `extraMs` more (deferred work: the view's
    // relayout, the raw view's formatting).
    static void settle(const std::function<bool()> &done, int extraMs = 300)
    {
        while (!done())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        wait(extraMs);
    }
    static void wait(int ms)
    {
        QElapsedTimer after;
        after.start();
        while (after.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    bool m_debug = qEnvironmentVariableIsSet("BEM_BENCH_DEBUG");
};

// On the thread pool, as CallLoader does: the snapshot's memory comes from another malloc
// arena than the GUI thread's, as in the app.
inline CallSnapshotPtr loadOrExit(const QByteArray &bytes)
{
    LoadedCall loaded =
        QtConcurrent::run(backgroundPool(), [bytes] { return loadCall(bytes); }).result();
    if (!loaded.ok()) {
        std::fprintf(stderr, "generated call did not load: %s\n", qPrintable(loaded.parsed.error));
        std::exit(1);
    }
    return loaded.snapshot;
}

// The call page as the window builds it, over a model the session would own; shows
// snapshots the way MainWindow does.
class StallPage final
{
public:
    StallPage()
        : m_page(&m_model)
        , m_updater(&m_model)
    {
        QObject::connect(&m_updater, &CallModelUpdater::applied, &m_page,
                         [this](const CallSnapshotPtr &snapshot) {
                             m_page.rawJson()->setResponse(snapshot->body, /*knownJson=*/true);
                             m_page.showSnapshotParts(snapshot);
                             ++m_applied;
                         });
        m_page.resize(1200, 800);
        m_page.show();
    }
    // A different call: as CallSession::resetModelFor and MainWindow::clearCallViews, then
    // the snapshot the loader made off the GUI thread.
    void showOtherCall(const CallSnapshotPtr &snapshot)
    {
        m_updater.cancel();
        m_model.clear();
        m_page.rawJson()->clear();
        m_page.clearCallParts();
        m_page.treePanel()->resetForNewCall();
        const int before = m_applied;
        m_updater.apply(snapshot);
        StallProbe::settle([&] { return m_applied > before && !m_updater.isBusy(); }, 0);
    }
    CallTreeModel &model() { return m_model; }
    CallPage &page() { return m_page; }
    CallTreePanel &panel() { return *m_page.treePanel(); }

private:
    CallTreeModel m_model;
    CallPage m_page;
    CallModelUpdater m_updater;
    int m_applied = 0;
};

// Warms up the one-time costs (style and icon plugins) on a small call first.
inline void warmUp(StallPage &page, const QByteArray &small)
{
    page.showOtherCall(loadOrExit(small));
    StallProbe::wait(50);
}

// `huge` shown; each part of the query typed letter by letter, `perKeyMs` apart (faster
// than the debounce), then a pause until its filter is shown; then all of it erased the
// same way, and the pause until the whole tree is back.
inline double filterTypingStallMs(const QByteArray &small, const QByteArray &huge,
                                  const QStringList &parts, int perKeyMs = 120)
{
    StallPage page;
    warmUp(page, small);
    page.showOtherCall(loadOrExit(huge));
    StallProbe::wait(300);
    QLineEdit *field = page.panel().filterField();
    CallFilterProxyModel *proxy = page.panel().proxy();
    field->setFocus();
    const auto shown = [&] {
        return !proxy->isFilterPending() && proxy->filterText() == field->text().trimmed();
    };
    StallProbe probe;
    probe.start();
    for (const QString &part : parts) {
        for (const QChar c : part) {
            field->insert(QString(c));
            StallProbe::wait(perKeyMs);
        }
        StallProbe::settle(shown, 300);
    }
    while (!field->text().isEmpty()) {
        field->backspace();
        StallProbe::wait(perKeyMs);
    }
    StallProbe::settle(shown, 300);
    return probe.stopMs();
}

// `first` shown (top level expanded, as on load), then the different call `second`.
inline double switchStallMs(const QByteArray &small, const QByteArray &first,
                            const QByteArray &second)
{
    StallPage page;
    warmUp(page, small);
    page.showOtherCall(loadOrExit(first));
    StallProbe::wait(300);
    const CallSnapshotPtr next = loadOrExit(second); // the loader's part, off the GUI thread
    StallProbe probe;
    probe.start();
    page.showOtherCall(next);
    StallProbe::wait(500);
    return probe.stopMs();
}

inline double expandAllStallMs(const QByteArray &small, const QByteArray &huge)
{
    StallPage page;
    warmUp(page, small);
    page.showOtherCall(loadOrExit(huge));
    StallProbe::wait(300);
    QTreeView *view = page.panel().view();
    StallProbe probe;
    probe.start();
    page.panel().expandAll();
    // Until the last row is open (the deepest last row's parent) and nothing is left to do.
    const auto lastOpen = [&page, view] {
        if (page.panel().isExpandingAll())
            return false;
        QModelIndex index;
        for (int rows = view->model()->rowCount(); rows > 0;
             rows = view->model()->rowCount(index)) {
            const QModelIndex child = view->model()->index(rows - 1, 0, index);
            if (view->model()->rowCount(child) > 0 && !view->isExpanded(child))
                return false;
            index = child;
        }
        return true;
    };
    StallProbe::settle(lastOpen, 500);
    return probe.stopMs();
}

} // namespace bem::bench

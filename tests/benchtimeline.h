// SPDX-License-Identifier: MIT
#pragma once

// The Timeline column's part of bench_callload, every row expanded: one full repaint of the
// column in a viewport 1,000 rows high (what its live timer repaints), beside one repaint of
// that whole viewport without the column for reference (the tree's own text and icons);
// then the longest GUI-thread stall while a window-sized tree scrolls from top to bottom.

#include "calltreemodel.h"
#include "calltreepanel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace bem::bench {

struct TimelineFigures
{
    double paintMs = 0;              // one repaint of the column's strip, 1,000 rows
    double paintWithoutColumnMs = 0; // the whole 1,000-row viewport, column hidden
    double scrollStallMs = 0;        // longest gap of a 5 ms timer while scrolling
};

inline double medianRepaintMs(QWidget *viewport, const QRect &rect, int times)
{
    std::vector<double> samples;
    for (int i = 0; i < times; ++i) {
        QElapsedTimer t;
        t.start();
        viewport->repaint(rect);
        samples.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

// `model` shows the call already. Builds a tree panel over it, every row expanded.
inline TimelineFigures measureTimeline(CallTreeModel &model)
{
    TimelineFigures f;
    {
        CallTreePanel panel(&model);
        QTreeView *view = panel.view();
        panel.resize(1200, 400);
        panel.show();
        panel.expandAll();
        QCoreApplication::processEvents();
        const int rowHeight = std::max(view->visualRect(view->model()->index(0, 0)).height(), 1);
        const int chrome = view->height() - view->viewport()->height();
        view->setFixedHeight(rowHeight * 1000 + chrome);
        QCoreApplication::processEvents();
        QWidget *viewport = view->viewport();
        medianRepaintMs(viewport, viewport->rect(), 1); // warm up: fonts, icons, style
        const QHeaderView *header = view->header();
        const QRect column(header->sectionViewportPosition(CallTreeModel::TimelineColumn), 0,
                           header->sectionSize(CallTreeModel::TimelineColumn), viewport->height());
        f.paintMs = medianRepaintMs(viewport, column, 5);
        view->setColumnHidden(CallTreeModel::TimelineColumn, true);
        f.paintWithoutColumnMs = medianRepaintMs(viewport, viewport->rect(), 3);
    }

    // Scrolling as a user would see it: a window-sized tree, 200 jumps top to bottom.
    CallTreePanel panel(&model);
    QTreeView *view = panel.view();
    panel.resize(1200, 800);
    panel.show();
    panel.expandAll();
    QElapsedTimer settle; // the panel's first layout and paint are not scrolling
    settle.start();
    while (settle.elapsed() < 200)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);

    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    qint64 longest = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &panel, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (qEnvironmentVariableIsSet("BEM_BENCH_DEBUG") && now - last > 30'000'000)
            std::fprintf(stderr, "timeline scroll: gap %.1f ms at value %d of %d\n",
                         double(now - last) / 1e6, view->verticalScrollBar()->value(),
                         view->verticalScrollBar()->maximum());
        longest = std::max(longest, now - last);
        last = now;
    });
    probe.start();
    QScrollBar *bar = view->verticalScrollBar();
    const int jump = std::max(bar->pageStep(), bar->maximum() / 200);
    for (int value = 0;; value += jump) {
        bar->setValue(std::min(value, bar->maximum()));
        // Until the scrolled view has painted, and the probe has had its turn.
        QElapsedTimer step;
        step.start();
        while (step.elapsed() < 8)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (value >= bar->maximum())
            break;
    }
    probe.stop();
    f.scrollStallMs = double(longest) / 1e6;
    return f;
}

} // namespace bem::bench

// SPDX-License-Identifier: MIT
// How loading a huge call compares with the tools around it: for N function calls, the
// JSON size, the bare QJsonDocument parse (the floor for a Qt app), `jq .`, our full load,
// a refresh with 1% changed, an identical refresh, a filter, the peak RSS of a load in a
// fresh process and the longest GUI stall while a call loads and refreshes in a real
// tree view; and the same for a v3 call and its trace (N function calls, N events):
// v3_qt_parse_ms, v3_load_ms, v3_refresh1_ms, v3_peak_rss_mb. Prints figures, never judges them:
// speed is not a test.
//
//   bench_callload --sizes 1000,10000,100000 --runs 5
//
// For whoever tunes it (hidden): --breakdown N times one load's steps, expand all and the
// panel's filter; with BEM_BENCH_MEMORY=1 it reports the resident size after each step
// instead, with BEM_BENCH_STALL_ONLY=1 only the GUI stall, with BEM_BENCH_REFRESH=1 the
// steps of a 1%-changed refresh; BEM_BENCH_DEBUG=1 prints
// every long gap of the stall probe.
#include "benchstalls.h"
#include "benchtimeline.h"
#include "benchv3.h"
#include "callfilterproxymodel.h"
#include "callloader.h"
#include "callmodelupdater.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "incrementalparse.h"
#include "rawjsonview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#ifdef BEM_HAVE_SIMDJSON
#include <simdjson.h>
#endif

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

using namespace bem;

namespace {

// ---- The generated call ------------------------------------------------------------------

// Function call i has parent (i - 1) / 10: a tree with fan-out 10. One in a hundred
// (i % 100 == 7) is running in the first state and completed in the second: the "1%
// changed" refresh. Reference IDs carry a lot number i % 100, so filtering for one lot
// matches 1% of the function calls.
QByteArray generateCall(int n, bool advanced)
{
    static const char *const names[] = {"route-docs", "split-pages", "extract-invoice",
                                        "join-results", "enrich-vendor"};
    static const char *const types[] = {"route", "split", "transform", "join", "enrich"};
    QByteArray out;
    out.reserve(qsizetype(n) * 700 + 1024);
    out += "{\"call\":{\"callID\":\"c_bench_";
    out += QByteArray::number(n);
    out += "\",\"callType\":\"workflow\",\"status\":\"running\","
           "\"createdAt\":\"2026-11-30T12:00:00.000Z\",\"workflowID\":\"wf_bench\","
           "\"workflowName\":\"invoice-batch\",\"workflowVersionNum\":3,"
           "\"callReferenceID\":\"bench\",\"input\":{\"singleFile\":{\"inputType\":\"zip\","
           "\"s3URL\":\"https://example-bucket.s3.amazonaws.com/in/batch.zip\"}},"
           "\"functionCalls\":[";
    for (int i = 0; i < n; ++i) {
        const bool running = i % 100 == 7 && !advanced;
        const char *status = running ? "running" : "completed";
        const QByteArray id = QByteArray::number(i).rightJustified(7, '0');
        const int second = i % 60;
        const QByteArray secs = QByteArray::number(second).rightJustified(2, '0');
        if (i > 0)
            out += ',';
        out += "{\"functionCallID\":\"fc_";
        out += id;
        out += "\",\"functionID\":\"fn_";
        out += QByteArray::number(i % 5);
        out += "\",\"functionName\":\"";
        out += names[i % 5];
        out += "\",\"type\":\"";
        out += types[i % 5];
        out += "\",\"referenceID\":\"order-";
        out += id;
        out += "-lot";
        out += QByteArray::number(i % 100).rightJustified(3, '0');
        out += ";\",\"status\":\"";
        out += status;
        out += "\",\"functionVersionNum\":";
        out += QByteArray::number(1 + i % 4);
        out += ",\"activity\":[{\"displayName\":\"Read input\",\"status\":\"completed\"},"
               "{\"displayName\":\"Extract fields\",\"status\":\"";
        out += status;
        out += "\"}],\"startedAt\":\"2026-11-30T12:01:";
        out += secs;
        out += ".250Z\"";
        if (!running) {
            out += ",\"finishedAt\":\"2026-11-30T12:02:";
            out += secs;
            out += ".750Z\"";
        }
        if (i > 0) {
            out += ",\"sourceFunctionCallID\":\"fc_";
            out += QByteArray::number((i - 1) / 10).rightJustified(7, '0');
            out += '"';
        }
        out += ",\"workflowCallID\":\"c_bench\",\"inputs\":[{\"inputType\":\"pdf\","
               "\"itemReferenceID\":\"item-";
        out += id;
        out += "\",\"s3URL\":\"https://example-bucket.s3.amazonaws.com/in/";
        out += id;
        out += ".pdf?X-Amz-Signature=0123456789abcdef\"}]}";
    }
    out += "]}}";
    return out;
}

QString filterForOnePercent()
{
    return QStringLiteral("lot042;");
}

// ---- Measuring ----------------------------------------------------------------------------

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Figure
{
    std::vector<double> samples;
    void add(double v) { samples.push_back(v); }
    bool empty() const { return samples.empty(); }
    double median() const
    {
        std::vector<double> s = samples;
        std::sort(s.begin(), s.end());
        const size_t n = s.size();
        return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
    double min() const { return *std::min_element(samples.begin(), samples.end()); }
    double max() const { return *std::max_element(samples.begin(), samples.end()); }
};

struct Results
{
    int n = 0;
    double jsonMb = 0;
    Figure qtParse, jq, load, refresh1, refresh0, filter, rss, stall;
    Figure filterTypingStall, switchStall, expandAllStall; // benchstalls.h
    // v3: a call and a trace with N function calls and N events (benchv3.h).
    Figure v3QtParse, v3Load, v3Refresh1, v3Rss;
    // The Timeline column (benchtimeline.h), and the same repaint without it for reference.
    Figure timelinePaint, timelinePaintWithout, timelineScrollStall;
    // Beside the Qt floor when simdjson is there: a parser that could replace it.
    Figure simdjsonParse;
    // Signals of the last 1%-changed refresh.
    int dataChanged = 0, rowsInserted = 0, rowsRemoved = 0, resets = 0, changedRows = 0;
};

// Reads the first `limit` rows' data in all columns, depth first, the way a view's first
// paint does.
int readFirstRows(const QAbstractItemModel &model, int limit)
{
    int read = 0;
    std::vector<QModelIndex> stack{QModelIndex()};
    std::vector<QModelIndex> rows;
    while (!stack.empty() && read < limit) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        if (parent.isValid()) {
            for (int c = 0; c < model.columnCount(parent.parent()); ++c)
                model.index(parent.row(), c, parent.parent()).data(Qt::DisplayRole);
            ++read;
        }
        const int count = model.rowCount(parent);
        for (int r = count - 1; r >= 0; --r)
            stack.push_back(model.index(r, 0, parent));
    }
    return read;
}

// Every row the proxy shows, walked as expand-all would.
int countVisible(const QAbstractItemModel &model)
{
    int visible = 0;
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        const int count = model.rowCount(parent);
        visible += count;
        for (int r = 0; r < count; ++r)
            stack.push_back(model.index(r, 0, parent));
    }
    return visible;
}

// With `previous`, as a refresh of it is loaded in the app (the session's CallLoader):
// incrementally.
CallSnapshotPtr mustLoad(const QByteArray &bytes, const CallSnapshotPtr &previous = nullptr)
{
    LoadedCall loaded = previous ? loadCall(bytes, previous) : loadCall(bytes);
    if (!loaded.ok()) {
        std::fprintf(stderr, "generated call did not load: %s\n", qPrintable(loaded.parsed.error));
        std::exit(1);
    }
    return loaded.snapshot;
}

std::optional<double> runJq(const QString &jq, const QString &file)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(jq, {QStringLiteral("."), file});
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return msSince(t);
}

qint64 vmHwmKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Hidden: where the time of one load goes, step by step (for whoever tunes it).
int breakdown(int n)
{
    const QByteArray bytes = generateCall(n, false);
    QElapsedTimer t;
    t.start();
    ParseResult parsed = CallParser::parse(bytes);
    const double parseMs = msSince(t);
    t.restart();
    CallSnapshot snapshot = CallSnapshot::fromCall(std::move(*parsed.call), parsed.warnings);
    const double treeMs = msSince(t);
    snapshot.body = bytes; // as loadCall() keeps it: the incremental refresh below needs it
    auto shared = std::make_shared<const CallSnapshot>(std::move(snapshot));
    CallTreeModel model;
    t.restart();
    model.setSnapshot(shared);
    const double modelMs = msSince(t);
    t.restart();
    readFirstRows(model, 50);
    const double readMs = msSince(t);
    CallTreePanel panel(&model);
    panel.show();
    t.restart();
    QCoreApplication::processEvents();
    const double panelMs = msSince(t);
    t.restart();
    panel.expandAll();
    QCoreApplication::processEvents();
    std::printf("expand all %.1f ms\n", msSince(t));
    t.restart();
    panel.setFilterText(filterForOnePercent());
    QCoreApplication::processEvents();
    std::printf("filter in the panel %.1f ms\n", msSince(t));
    t.restart();
    panel.setFilterText(QString());
    QCoreApplication::processEvents();
    std::printf("filter cleared %.1f ms\n", msSince(t));
    RawJsonView raw;
    raw.show();
    QCoreApplication::processEvents();
    t.restart();
    raw.setResponse(bytes);
    const double rawMs = msSince(t);
    t.restart();
    QCoreApplication::processEvents();
    const double rawPaintMs = msSince(t);
    {
        // A 1%-changed refresh parsed against the state shown, and the scan in it.
        const QByteArray changedBytes = generateCall(n, true);
        t.restart();
        const std::optional<FunctionCallsLocation> where = locateFunctionCalls(changedBytes);
        const double scanMs = msSince(t);
        IncrementalLoadStats stats;
        t.restart();
        const LoadedCall refreshed = loadCall(changedBytes, shared, &stats);
        std::printf("incremental refresh load %.1f ms (%s; %lld reused, %lld parsed again; one "
                    "scan %.1f ms, %lld elements)\n",
                    msSince(t),
                    stats.incremental ? "incremental" : qPrintable(stats.fallbackReason),
                    qlonglong(stats.reused), qlonglong(stats.reparsed), scanMs,
                    where ? qlonglong(where->elements.size()) : -1LL);
    }
    {
        CallSnapshotPtr next = mustLoad(generateCall(n, true));
        t.restart();
        model.setSnapshot(next);
        std::printf("merge %.1f ms (with the old snapshot's release)\n", msSince(t));
        CallSnapshotPtr again = mustLoad(generateCall(n, false));
        const std::weak_ptr<const CallSnapshot> old = next;
        next.reset();
        t.restart();
        model.setSnapshot(again);
        const double mergeMs = msSince(t);
        std::printf("merge back %.1f ms, old released: %d\n", mergeMs, int(old.expired()));
        t.restart();
        shared.reset();
        again.reset();
        std::printf("release of a snapshot %.1f ms\n", msSince(t));
    }
    std::printf("parse %.1f ms, tree %.1f ms, model %.1f ms, first rows %.1f ms, panel show %.1f "
                "ms, raw view %.1f ms + paint %.1f ms\n",
                parseMs, treeMs, modelMs, readMs, panelMs, rawMs, rawPaintMs);
    return 0;
}

// Hidden: the steps of a 1%-changed refresh, as measure() times it (load against the
// state shown, plan, apply), three times over, for a profiler.
int refreshSteps(int n)
{
    const QByteArray base = generateCall(n, false);
    const QByteArray changed = generateCall(n, true);
    for (int run = 0; run < 3; ++run) {
        CallTreeModel model;
        model.setSnapshot(mustLoad(base));
        QElapsedTimer t;
        t.start();
        const CallSnapshotPtr next = mustLoad(changed, model.snapshot());
        const double loadMs = msSince(t);
        t.restart();
        const MergePlan plan = CallTreeModel::planMerge(*model.snapshot(), *next);
        const double planMs = msSince(t);
        t.restart();
        model.setSnapshot(next, &plan);
        std::printf("refresh: load %.1f ms, plan %.1f ms (%zu operations), apply %.1f ms\n", loadMs,
                    planMs, plan.ops.size(), msSince(t));
        // And back, from a state that was itself a refresh (its element spans known).
        t.restart();
        const CallSnapshotPtr back = mustLoad(base, model.snapshot());
        std::printf("refresh of a refresh: load %.1f ms\n", msSince(t));
        // =loop: many more of those, so that a profile shows little else.
        for (int k = 0; qgetenv("BEM_BENCH_REFRESH") == "loop" && k < 8; ++k)
            mustLoad(k % 2 ? base : changed, back);
    }
    return 0;
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Hidden: where the memory of one load goes, step by step (resident MB after each step,
// with freed memory handed back to the system first so the figures are what is held).
int memorySteps(int n)
{
    const auto report = [](const char *step) {
        malloc_trim(0);
        std::printf("%-44s RSS %7.1f MB  (peak so far %7.1f MB)\n", step,
                    double(statusKb("VmRSS:")) / 1024.0, double(statusKb("VmHWM:")) / 1024.0);
    };
    report("start (Qt loaded)");
    const QByteArray bytes = generateCall(n, false);
    report("the JSON bytes");
    {
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        report("+ QJsonDocument of them");
    }
    report("QJsonDocument released");
    ParseResult parsed = CallParser::parse(bytes);
    report("+ parsed Call (the QJsonDocument is gone)");
    auto snapshot = std::make_shared<const CallSnapshot>(
        CallSnapshot::fromCall(std::move(*parsed.call), parsed.warnings));
    report("+ CallTree (snapshot complete)");
    CallTreeModel model;
    model.setSnapshot(snapshot);
    report("+ model rows");
    return 0;
}

// The hidden child mode: one load in a fresh process (v2, or v3 call + trace), then its
// peak RSS.
int rssChild(int n, bool v3)
{
    CallTreeModel model;
    if (v3) {
        const QByteArray call = bench::v3CallBody(n);
        const QByteArray trace = bench::v3TraceBody(n, false);
        model.setSnapshot(bench::mustLoadV3(call, trace));
    } else {
        const QByteArray bytes = generateCall(n, false);
        CallSnapshotPtr snapshot = mustLoad(bytes);
        model.setSnapshot(snapshot);
    }
    readFirstRows(model, 50);
    std::printf("VmHWM_KB %lld\n", qlonglong(vmHwmKb()));
    return 0;
}

double measureRssMb(int n, bool v3 = false)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{QStringLiteral("--rss-child"), QString::number(n)};
    if (v3)
        arguments << QStringLiteral("--v3");
    p.start(QCoreApplication::applicationFilePath(), arguments);
    if (!p.waitForFinished(-1) || p.exitCode() != 0)
        return -1;
    const QByteArray out = p.readAllStandardOutput();
    const qsizetype at = out.indexOf("VmHWM_KB ");
    if (at < 0)
        return -1;
    return out.mid(at + 9).trimmed().toDouble() / 1024.0;
}

// The window's path: the loader parses and builds off the GUI thread, the GUI thread
// applies the snapshot to the model under a real tree view and to the raw JSON view (in
// tabs, the tree's current, as in the window), while a 5 ms timer notes the longest gap
// between its ticks. Then a 1%-changed refresh the same way, and an identical one
// (compared, not parsed). A small call is shown first so that one-time costs (loading
// the icon and style plugins) are not counted as a stall of loading.
double measureGuiStall(const QByteArray &base, const QByteArray &changed)
{
    CallTreeModel model;
    QTabWidget tabs;
    auto *panelWidget = new CallTreePanel(&model);
    auto *rawWidget = new RawJsonView;
    tabs.addTab(panelWidget, QStringLiteral("Function calls"));
    tabs.addTab(rawWidget, QStringLiteral("Raw JSON"));
    CallTreePanel &panel = *panelWidget;
    RawJsonView &raw = *rawWidget;
    tabs.resize(1000, 700);
    tabs.show();
    model.setSnapshot(mustLoad(generateCall(20, false)));
    raw.setResponse(generateCall(20, false));
    QCoreApplication::processEvents();
    model.clear();
    raw.clear();
    QCoreApplication::processEvents();

    QElapsedTimer clock;
    clock.start();
    CallLoader loader;
    QByteArray shown;
    int applied = 0;
    CallModelUpdater updater(&model);
    QObject::connect(&loader, &CallLoader::loaded, &panel, [&](quint64, const LoadedCall &result) {
        if (result.ok())
            updater.apply(result.snapshot);
    });
    QObject::connect(
        &updater, &CallModelUpdater::applied, &panel, [&](const CallSnapshotPtr &snapshot) {
            raw.setResponse(snapshot->body, /*knownJson=*/true); // as the window
            shown = snapshot->body;
            ++applied;
            if (qEnvironmentVariableIsSet("BEM_BENCH_DEBUG"))
                std::fprintf(stderr, "applied at %.1f ms\n", double(clock.nsecsElapsed()) / 1e6);
        });

    qint64 last = clock.nsecsElapsed();
    qint64 longest = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &panel, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (qEnvironmentVariableIsSet("BEM_BENCH_DEBUG") && now - last > 30'000'000)
            std::fprintf(stderr, "gap %.1f ms at %.1f ms\n", double(now - last) / 1e6,
                         double(now) / 1e6);
        longest = std::max(longest, now - last);
        last = now;
    });
    probe.start();
    const bool debug = qEnvironmentVariableIsSet("BEM_BENCH_DEBUG");
    const auto settle = [&](int wantApplied) {
        while (applied < wantApplied || loader.isBusy() || updater.isBusy())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (debug)
            std::fprintf(stderr, "applied %d at %.1f ms\n", applied,
                         double(clock.nsecsElapsed()) / 1e6);
        // A few more ticks so that deferred work (the view's relayout, the raw view's
        // formatting) is inside the window.
        QElapsedTimer after;
        after.start();
        while (after.elapsed() < 300) {
            QElapsedTimer step;
            step.start();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (debug && step.elapsed() > 30)
                std::fprintf(stderr, "processEvents took %lld ms at %.1f ms\n",
                             qlonglong(step.elapsed()), double(clock.nsecsElapsed()) / 1e6);
        }
    };
    loader.load(base);
    settle(1);
    // A refresh is parsed against the state shown, as the session's CallLoader does.
    loader.load(changed, model.snapshot());
    settle(2);
    // An identical refresh: the bytes are compared with the ones shown, as the client does,
    // and not loaded again.
    const QByteArray again(changed.constData(), changed.size());
    if (again != shown) {
        loader.load(again);
        settle(3);
    }
    probe.stop();
    return double(longest) / 1e6;
}

// Filter typing, switching calls and Expand All (benchstalls.h), on the call `base` and
// another one as large; `only` ("filter", "switch" or "expand") measures just that one.
void measureStalls(Results &r, const QByteArray &base, const QByteArray &only = {})
{
    const QByteArray small = generateCall(20, false);
    QByteArray other = base;
    other.replace("\"c_bench_", "\"c_other_");
    if (only.isEmpty() || only == "filter")
        r.filterTypingStall.add(bench::filterTypingStallMs(
            small, base, {QStringLiteral("invoice"), QStringLiteral("-7")}));
    if (only.isEmpty() || only == "switch")
        r.switchStall.add(bench::switchStallMs(small, base, other));
    if (only.isEmpty() || only == "expand")
        r.expandAllStall.add(bench::expandAllStallMs(small, base));
}

void measure(Results &r, int runs, const QString &jq, bool withStall)
{
    const QByteArray base = generateCall(r.n, false);
    const QByteArray changed = generateCall(r.n, true);
    r.jsonMb = double(base.size()) / (1024.0 * 1024.0);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("call.json"));
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(base) != base.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
            std::exit(1);
        }
    }

    for (int run = 0; run < runs; ++run) {
        {
            QElapsedTimer t;
            t.start();
            const QJsonDocument doc = QJsonDocument::fromJson(base);
            r.qtParse.add(msSince(t));
            if (!doc.isObject())
                std::exit(1);
        }
#ifdef BEM_HAVE_SIMDJSON
        {
            simdjson::dom::parser parser;
            QElapsedTimer t;
            t.start();
            // The padded copy simdjson needs is part of its cost.
            const simdjson::padded_string padded(base.constData(), size_t(base.size()));
            simdjson::dom::element root;
            const auto error = parser.parse(padded).get(root);
            r.simdjsonParse.add(msSince(t));
            if (error || !root.is_object())
                std::exit(1);
        }
#endif
        if (!jq.isEmpty()) {
            if (const auto ms = runJq(jq, file))
                r.jq.add(*ms);
        }
        CallTreeModel model;
        {
            QElapsedTimer t;
            t.start();
            model.setSnapshot(mustLoad(base));
            readFirstRows(model, 50);
            r.load.add(msSince(t));
        }
        {
            int data = 0, inserted = 0, removed = 0, resets = 0, rows = 0;
            const auto c1 = QObject::connect(&model, &QAbstractItemModel::dataChanged,
                                             [&](const QModelIndex &a, const QModelIndex &b) {
                                                 ++data;
                                                 rows += b.row() - a.row() + 1;
                                             });
            const auto c2 =
                QObject::connect(&model, &QAbstractItemModel::rowsInserted, [&] { ++inserted; });
            const auto c3 =
                QObject::connect(&model, &QAbstractItemModel::rowsRemoved, [&] { ++removed; });
            const auto c4 =
                QObject::connect(&model, &QAbstractItemModel::modelReset, [&] { ++resets; });
            // What the window does, one step after the other: load the bytes, plan the
            // merge against what is shown, apply it.
            QElapsedTimer t;
            t.start();
            const CallSnapshotPtr next = mustLoad(changed, model.snapshot());
            const MergePlan plan = CallTreeModel::planMerge(*model.snapshot(), *next);
            model.setSnapshot(next, &plan);
            r.refresh1.add(msSince(t));
            for (const auto &c : {c1, c2, c3, c4})
                QObject::disconnect(c);
            r.dataChanged = data;
            r.rowsInserted = inserted;
            r.rowsRemoved = removed;
            r.resets = std::max(r.resets, resets);
            r.changedRows = rows;
        }
        {
            // An identical refresh: the bytes arrive in a buffer of their own and are
            // compared with the ones shown (CallPoller hands them to BemClient); equal
            // bytes are never parsed.
            const QByteArray shown = changed;
            const QByteArray arrived(changed.constData(), changed.size());
            QElapsedTimer t;
            t.start();
            const bool same = arrived == shown;
            r.refresh0.add(msSince(t));
            if (!same)
                std::exit(1);
        }
        {
            CallFilterProxyModel proxy;
            proxy.setSourceModel(&model);
            countVisible(proxy);
            QElapsedTimer t;
            t.start();
            proxy.setFilterText(filterForOnePercent());
            const int visible = countVisible(proxy);
            r.filter.add(msSince(t));
            if (visible == 0)
                std::exit(1);
        }
        r.rss.add(measureRssMb(r.n));
        {
            const bench::V3Figures v3 = bench::measureV3(
                r.n, [](const QAbstractItemModel &model) { readFirstRows(model, 50); });
            r.v3QtParse.add(v3.qtParseMs);
            r.v3Load.add(v3.loadMs);
            r.v3Refresh1.add(v3.refresh1Ms);
            r.v3Rss.add(measureRssMb(r.n, true));
        }
        if (withStall) {
            r.stall.add(measureGuiStall(base, changed));
            measureStalls(r, base);
        }
        {
            CallTreeModel model;
            model.setSnapshot(mustLoad(base));
            const bench::TimelineFigures tl = bench::measureTimeline(model);
            r.timelinePaint.add(tl.paintMs);
            r.timelinePaintWithout.add(tl.paintWithoutColumnMs);
            r.timelineScrollStall.add(tl.scrollStallMs);
        }
    }
}

QString cell(const Figure &f, int decimals)
{
    if (f.empty())
        return QStringLiteral("n/a");
    return QStringLiteral("%1 [%2..%3]")
        .arg(f.median(), 0, 'f', decimals)
        .arg(f.min(), 0, 'f', decimals)
        .arg(f.max(), 0, 'f', decimals);
}

QString ratio(double a, double b, int decimals = 2)
{
    if (b <= 0 || a < 0)
        return QStringLiteral("n/a");
    return QString::number(a / b, 'f', decimals);
}

QString jsonNumber(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

void printTable(const std::vector<Results> &all, int runs)
{
    const auto line = [](const QString &label, const QStringList &cells) {
        QString text = label.leftJustified(34);
        for (const QString &c : cells)
            text += c.leftJustified(30);
        while (text.endsWith(u' '))
            text.chop(1);
        std::printf("%s\n", qPrintable(text));
    };
    std::printf("Median of %d run(s) [min..max]; times in ms, sizes in MB\n", runs);
    QStringList header;
    for (const Results &r : all)
        header << QStringLiteral("N = %1").arg(QLocale::c().toString(r.n));
    line(QStringLiteral("figure"), header);
    const auto row = [&](const QString &label, const std::function<QString(const Results &)> &f) {
        QStringList cells;
        for (const Results &r : all)
            cells << f(r);
        line(label, cells);
    };
    row(QStringLiteral("1 JSON size"),
        [](const Results &r) { return QString::number(r.jsonMb, 'f', 2); });
    row(QStringLiteral("2 QJsonDocument::fromJson"),
        [](const Results &r) { return cell(r.qtParse, 1); });
    row(QStringLiteral("  simdjson DOM parse (same bytes)"),
        [](const Results &r) { return cell(r.simdjsonParse, 1); });
    row(QStringLiteral("3 jq . > /dev/null"), [](const Results &r) { return cell(r.jq, 1); });
    row(QStringLiteral("4 full load (to 50 rows read)"),
        [](const Results &r) { return cell(r.load, 1); });
    row(QStringLiteral("5 refresh, 1% changed"),
        [](const Results &r) { return cell(r.refresh1, 1); });
    row(QStringLiteral("  signals: changed/ins/rm/reset"), [](const Results &r) {
        return QStringLiteral("%1 (%2 rows)/%3/%4/%5")
            .arg(r.dataChanged)
            .arg(r.changedRows)
            .arg(r.rowsInserted)
            .arg(r.rowsRemoved)
            .arg(r.resets);
    });
    row(QStringLiteral("6 refresh, identical"),
        [](const Results &r) { return cell(r.refresh0, 3); });
    row(QStringLiteral("7 filter, ~1% match"), [](const Results &r) { return cell(r.filter, 1); });
    row(QStringLiteral("8 peak RSS of a load"), [](const Results &r) { return cell(r.rss, 1); });
    row(QStringLiteral("9 longest GUI stall"), [](const Results &r) { return cell(r.stall, 1); });
    row(QStringLiteral("10 timeline column, 1,000 rows"),
        [](const Results &r) { return cell(r.timelinePaint, 1); });
    row(QStringLiteral("   whole viewport, no timeline"),
        [](const Results &r) { return cell(r.timelinePaintWithout, 1); });
    row(QStringLiteral("11 timeline scroll, longest stall"),
        [](const Results &r) { return cell(r.timelineScrollStall, 1); });
    row(QStringLiteral("  stall: filter typing"),
        [](const Results &r) { return cell(r.filterTypingStall, 1); });
    row(QStringLiteral("  stall: switching calls"),
        [](const Results &r) { return cell(r.switchStall, 1); });
    row(QStringLiteral("  stall: Expand All"),
        [](const Results &r) { return cell(r.expandAllStall, 1); });
    row(QStringLiteral("load / Qt floor      (<= 1.5)"),
        [](const Results &r) { return ratio(r.load.median(), r.qtParse.median()); });
    row(QStringLiteral("jq / load            (>= 2)"), [](const Results &r) {
        return r.jq.empty() ? QStringLiteral("n/a (no jq)") : ratio(r.jq.median(), r.load.median());
    });
    row(QStringLiteral("refresh 1% / load    (<= 0.5)"),
        [](const Results &r) { return ratio(r.refresh1.median(), r.load.median()); });
    row(QStringLiteral("refresh 0% / load    (<= 0.02)"),
        [](const Results &r) { return ratio(r.refresh0.median(), r.load.median(), 5); });
    row(QStringLiteral("filter / load        (<= 0.5)"),
        [](const Results &r) { return ratio(r.filter.median(), r.load.median()); });
    row(QStringLiteral("peak RSS / JSON size (<= 4)"),
        [](const Results &r) { return ratio(r.rss.median(), r.jsonMb); });
}

void printBenchLine(const Results &r)
{
    const auto num = [](const Figure &f, int decimals) {
        return f.empty() ? QStringLiteral("null") : jsonNumber(f.median(), decimals);
    };
    const QString json =
        QStringLiteral("{\"n\":%1,\"json_mb\":%2,\"qt_parse_ms\":%3,\"jq_ms\":%4,\"load_ms\":%5,"
                       "\"refresh1_ms\":%6,\"refresh0_ms\":%7,\"filter_ms\":%8,"
                       "\"peak_rss_mb\":%9,\"gui_stall_ms\":%10,\"resets\":%11,"
                       "\"v3_qt_parse_ms\":%12,\"v3_load_ms\":%13,\"v3_refresh1_ms\":%14,"
                       "\"v3_peak_rss_mb\":%15,\"timeline_paint_ms\":%16,"
                       "\"timeline_scroll_stall_ms\":%17,\"filter_typing_stall_ms\":%18,"
                       "\"switch_stall_ms\":%19,\"expand_all_stall_ms\":%20}")
            .arg(r.n)
            .arg(jsonNumber(r.jsonMb, 3), num(r.qtParse, 2), num(r.jq, 2), num(r.load, 2),
                 num(r.refresh1, 2), num(r.refresh0, 4), num(r.filter, 2), num(r.rss, 1),
                 num(r.stall, 2))
            .arg(r.resets)
            .arg(num(r.v3QtParse, 2), num(r.v3Load, 2), num(r.v3Refresh1, 2), num(r.v3Rss, 1),
                 num(r.timelinePaint, 2), num(r.timelineScrollStall, 2))
            .arg(num(r.filterTypingStall, 2), num(r.switchStall, 2), num(r.expandAllStall, 2));
    std::printf("BENCH %s\n", qPrintable(json));
}

} // namespace

int main(int argc, char **argv)
{
    // A real tree view, with no display needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load-time benchmark for huge calls."));
    parser.addHelpOption();
    const QCommandLineOption sizesOption(
        QStringLiteral("sizes"), QStringLiteral("Comma-separated function call counts."),
        QStringLiteral("N,N,..."), QStringLiteral("1000,10000,100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Repetitions per figure (median)."),
                                        QStringLiteral("R"), QStringLiteral("5"));
    QCommandLineOption rssChildOption(QStringLiteral("rss-child"),
                                      QStringLiteral("Internal: one load, print VmHWM."),
                                      QStringLiteral("N"));
    rssChildOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption breakdownOption(QStringLiteral("breakdown"),
                                       QStringLiteral("Internal: time one load's steps."),
                                       QStringLiteral("N"));
    breakdownOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption v3Option(QStringLiteral("v3"),
                                QStringLiteral("Internal: the RSS child loads a v3 call."));
    v3Option.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sizesOption, runsOption, rssChildOption, breakdownOption, v3Option});
    parser.process(app);
    if (parser.isSet(breakdownOption)) {
        const int n = parser.value(breakdownOption).toInt();
        if (qEnvironmentVariableIsSet("BEM_BENCH_MEMORY")) // where the memory goes
            return memorySteps(n);
        if (qEnvironmentVariableIsSet("BEM_BENCH_V3")) // a v3 load's steps
            return bench::v3Steps(n);
        if (qEnvironmentVariableIsSet("BEM_BENCH_REFRESH")) // a refresh's steps
            return refreshSteps(n);
        // =1: every stall; =load, =filter, =switch or =expand: that one.
        if (qEnvironmentVariableIsSet("BEM_BENCH_STALL_ONLY")) {
            QByteArray only = qgetenv("BEM_BENCH_STALL_ONLY");
            if (only == "1" || only == "load")
                std::printf("stall %.1f ms\n",
                            measureGuiStall(generateCall(n, false), generateCall(n, true)));
            Results r;
            if (only != "load")
                measureStalls(r, generateCall(n, false), only == "1" ? QByteArray() : only);
            std::printf("filter typing stall %s ms, switch stall %s ms, expand all stall %s ms\n",
                        qPrintable(cell(r.filterTypingStall, 1)),
                        qPrintable(cell(r.switchStall, 1)), qPrintable(cell(r.expandAllStall, 1)));
            return 0;
        }
        return breakdown(n);
    }

    if (parser.isSet(rssChildOption))
        return rssChild(parser.value(rssChildOption).toInt(), parser.isSet(v3Option));

    std::vector<int> sizes;
    for (const QString &s : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = s.trimmed().toInt(&ok);
        if (!ok || n <= 0) {
            std::fprintf(stderr, "bad size: %s\n", qPrintable(s));
            return 2;
        }
        sizes.push_back(n);
    }
    bool runsOk = false;
    const int runs = parser.value(runsOption).toInt(&runsOk);
    if (!runsOk || runs <= 0 || sizes.empty()) {
        std::fprintf(stderr, "usage: bench_callload --sizes 1000,10000,100000 --runs 5\n");
        return 2;
    }
    const QString jq = QStandardPaths::findExecutable(QStringLiteral("jq"));
    if (jq.isEmpty())
        std::printf("jq is not installed: its column stays empty\n");

    std::vector<Results> all;
    for (int n : sizes) {
        Results r;
        r.n = n;
        measure(r, runs, jq, true);
        printBenchLine(r);
        std::fflush(stdout);
        all.push_back(std::move(r));
    }
    printTable(all, runs);
    return 0;
}

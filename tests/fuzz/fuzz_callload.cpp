// SPDX-License-Identifier: MIT
// libFuzzer target: arbitrary bytes through everything a response body meets before it is
// on screen. The input is split at ASCII record separators (0x1e, never valid outside a
// JSON string, so a seed stays readable JSON) into at most three bodies; each one goes
// through CallParser::parse -> CallSnapshot::fromCall -> CallTreeModel::setSnapshot, in
// order, so a later body is merged into the rows of an earlier one when the callIDs match.
// Each later body is also loaded incrementally against the previous state and
// must equal its full load exactly (tests/loadcomparison.h).
// QAbstractItemModelTester (Fatal: a violated model contract aborts, which the fuzzer
// reports as a crash) watches the model and a CallFilterProxyModel on top of it, and after
// every body each index's data is read for every role the views and the window use.
//
// An input that starts with 'V' is a v3 one instead: its bodies are a call, a trace and a
// later trace, loaded through loadV3Call (the later trace also against the first state,
// which must equal its full load), each body also read as a page of outputs and of errors,
// and the state saved as a bundle and opened again. (A bundle among v2 inputs goes through
// loadCall like any saved file.)
//
// Every body is also read by each parser's fast path (simdjson) and its Qt path, which
// must agree field by field (tests/parsecomparison.h).
//
// Built twice: as the fuzzer (clang, -fsanitize=fuzzer,address,undefined; the `fuzz`
// preset) and, with replay_main.cpp, as a plain program that replays the committed corpus
// in every ctest run of the normal build.

#include "../loadcomparison.h"
#include "../parsecomparison.h"
#include "callbundle.h"
#include "callfilterproxymodel.h"
#include "callloader.h"
#include "callparser.h"
#include "callsnapshot.h"
#include "calltreemodel.h"
#include "eventparser.h"
#include "fuzzcalllist.h"
#include "incrementalparse.h"

#include <QAbstractItemModelTester>
#include <QByteArray>
#include <QGuiApplication>
#include <QList>
#include <QVariant>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace {

constexpr char RecordSeparator = '\x1e';
constexpr int MaxBodies = 3;

// Every role a view, a delegate, the details pane or the window asks the model for.
const std::vector<int> &rolesToRead()
{
    static const std::vector<int> roles = [] {
        std::vector<int> r;
        for (int role = Qt::DisplayRole; role <= Qt::StatusTipRole + 10; ++role)
            r.push_back(role);
        for (int role = bem::CallTreeModel::StatusRole;
             role <= bem::CallTreeModel::FailedDescendantsRole; ++role)
            r.push_back(role);
        return r;
    }();
    return roles;
}

// Reads everything under `parent`, iteratively (a hostile tree may be deep). Returns how
// many indexes were read so that the work is not optimised away.
size_t readEverything(const QAbstractItemModel &model)
{
    size_t seen = 0;
    std::vector<QModelIndex> pending{QModelIndex()};
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        const int rows = model.rowCount(parent);
        const int columns = model.columnCount(parent);
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < columns; ++column) {
                const QModelIndex index = model.index(row, column, parent);
                for (int role : rolesToRead())
                    seen += size_t(index.data(role).isValid());
                seen += size_t(model.flags(index));
                if (column == 0 && model.hasChildren(index))
                    pending.push_back(index);
            }
        }
    }
    for (int section = 0; section < model.columnCount(); ++section)
        seen += size_t(model.headerData(section, Qt::Horizontal).isValid());
    return seen;
}

// The v3 path (see the top): returns how much was read, as readEverything does.
size_t fuzzV3(const QList<QByteArray> &bodies, bem::CallTreeModel &model,
              const QAbstractItemModel &proxy)
{
    size_t seen = 0;
    const QByteArray call = bodies.value(0);
    bem::CallSnapshotPtr previous;
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        for (auto kind : {bem::EventPageKind::Outputs, bem::EventPageKind::Errors})
            seen += size_t(bem::EventPageParser::parse(bodies[i], kind).events.size());
        if (i == 0)
            continue;
        const bem::LoadedCall full = bem::loadV3Call(call, bodies[i]);
        if (previous && full.traceError.isEmpty()) {
            const bem::LoadedCall refreshed = bem::loadV3Call(call, bodies[i], previous);
            const QStringList differences = bem::test::loadDifferences(full, refreshed);
            if (!differences.isEmpty()) {
                std::fprintf(stderr, "incremental trace parse differs from the full parse: %s\n",
                             qPrintable(differences.join(QStringLiteral(", "))));
                std::abort();
            }
        }
        if (!full.ok())
            return seen;
        previous = full.snapshot;
        model.setSnapshot(*full.snapshot);
        seen += readEverything(model);
        seen += readEverything(proxy);

        // Saved and opened again: the same call and function calls.
        const bem::CallEvents events{full.snapshot->call.outputs, full.snapshot->call.errors, true};
        const bem::LoadedCall reopened =
            bem::loadCall(bem::CallBundle::write(*full.snapshot, events));
        if (!reopened.ok() ||
            reopened.snapshot->call.functionCalls.size() !=
                full.snapshot->call.functionCalls.size() ||
            reopened.snapshot->call.callId != full.snapshot->call.callId) {
            std::fprintf(stderr, "a saved bundle does not open as it was: %s\n",
                         qPrintable(reopened.parsed.error));
            std::abort();
        }
    }
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The model makes icons: it needs a QGuiApplication, once, without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int appArgc = 1;
    static char *appArgv[] = {(*argv)[0], nullptr};
    (void)argc;
    static QGuiApplication app(appArgc, appArgv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const bool v3 = input.startsWith('V');
    if (v3)
        input = input.mid(1);
    QList<QByteArray> bodies = input.split(RecordSeparator);
    while (bodies.size() > MaxBodies)
        bodies.removeLast();
    // Every parser's fast path (simdjson) must read each body exactly as its Qt path does.
    for (const QByteArray &raw : bodies) {
        const QStringList differences =
            bem::test::fastPathDifferences(QByteArray(raw.constData(), raw.size()));
        if (!differences.isEmpty()) {
            std::fprintf(stderr, "the fast parse differs from the Qt parse: %s\n",
                         qPrintable(differences.join(QStringLiteral(", "))));
            std::abort();
        }
    }

    fuzzCallList(bodies); // the same bytes as pages of the calls list

    bem::CallTreeModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    bem::CallFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);

    size_t seen = 0;
    if (v3) {
        // Deep copies, as below.
        for (QByteArray &body : bodies)
            body = QByteArray(body.constData(), body.size());
        seen += fuzzV3(bodies, model, proxy);
        model.clear();
        return seen == size_t(-1) ? 1 : 0;
    }
    bem::CallSnapshotPtr previous;
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        // A deep copy: the parser keeps the body for the raw view, and fromRawData's
        // buffer belongs to libFuzzer.
        const QByteArray body(bodies[i].constData(), bodies[i].size());
        // A later body parsed against the previous state (a refresh) must give
        // exactly what the full parse gives, or abort. The state kept is the last good
        // one, as the poller keeps it — the refresh's own, so that its kept element
        // offsets are used in turn.
        const bem::LoadedCall full = bem::loadCall(body);
        bem::CallSnapshotPtr next = full.snapshot;
        if (i > 0) {
            const bem::LoadedCall refreshed = bem::loadCall(body, previous);
            const QStringList differences = bem::test::loadDifferences(full, refreshed);
            if (!differences.isEmpty()) {
                std::fprintf(stderr, "incremental parse differs from the full parse: %s\n",
                             qPrintable(differences.join(QStringLiteral(", "))));
                std::abort();
            }
            next = refreshed.snapshot;
        }
        if (next)
            previous = next;
        bem::ParseResult result = bem::CallParser::parse(body);
        if (!result.ok())
            continue;
        const bem::CallSnapshot snapshot =
            bem::CallSnapshot::fromCall(std::move(*result.call), result.warnings);
        // A filter from the body's own callID's first letters on every other step, so
        // that the proxy's incremental cache is exercised through merges as well.
        proxy.setFilterText(i % 2 == 1 ? snapshot.call.callId.left(2) : QString());
        model.setSnapshot(snapshot);
        seen += readEverything(model);
        seen += readEverything(proxy);
    }
    model.clear();
    seen += readEverything(proxy);
    return seen == size_t(-1) ? 1 : 0;
}

// SPDX-License-Identifier: MIT
#pragma once

#include "callparser.h"
#include "callsnapshot.h"
#include "latestresult.h"

#include <QByteArray>
#include <QObject>

namespace bem {

struct IncrementalLoadStats;

// What reading one response body gave: a snapshot ready to show, or why there is none
// (the parse result's error fields; its call has moved into the snapshot).
struct LoadedCall
{
    CallSnapshotPtr snapshot;
    ParseResult parsed;
    // v3: the trace body did not parse (one line, for the trace's own banner). The call is
    // still in `snapshot`, with the previous state's trace when there was one.
    QString traceError;
    // Byte offset in the trace body of a JSON syntax error; -1 when not about syntax.
    qsizetype traceErrorOffset = -1;

    bool ok() const { return snapshot != nullptr; }
};

// Bytes → parsed call → tree, in one go and on whatever thread calls it: this is the part
// of loading that grows with the call, so the session runs it on the thread pool and only
// swaps in the result. Pure function of its input; the body is kept (shared, no copy)
// in the snapshot for the raw view and Save JSON.
// A saved v3 bundle (callbundle.h) is recognised by its marker and loaded as its call and
// trace, with the bundle's outputs and errors as the call's.
LoadedCall loadCall(const QByteArray &body);

// A file a user opens: what loadCall() reads (a v2 response, a saved bundle), and also a
// GET /v3/calls/{id} response saved by hand (shown as v3, without its trace); a trace on
// its own is refused with a message saying what to open instead.
LoadedCall loadSavedCall(const QByteArray &body);

// A refresh of a call already shown. The same result as loadCall(body) — the same call,
// warnings, errors and tree — but function-call objects whose bytes are identical to one
// in `previous` are not parsed again: at 100,000 function calls with 1% changed, the full
// parse was most of a refresh. Whenever anything is unexpected (no previous, a previous
// with parse warnings, a body the strict scan does not understand, any warning or error on
// the way), it simply does the full loadCall(body), so bad input gets exactly the usual
// errors. (Implemented in incrementalparse.cpp; the stats are in incrementalparse.h.)
LoadedCall loadCall(const QByteArray &body, const CallSnapshotPtr &previous,
                    IncrementalLoadStats *stats = nullptr);

// A v3 call: the GET /v3/calls/{id} body and the GET /v3/calls/{id}/trace body, into one
// snapshot (apiVersion V3, the trace's function calls with their events). An empty
// traceBody means "no trace yet": the call and no function calls. A trace body that does
// not parse keeps `previous`'s trace (if any) and sets traceError, while the call is shown;
// a call body that does not parse is !ok(), as with loadCall(). Given a v3 `previous`, the
// same result is computed faster: an identical call body reuses its call part, an
// identical trace body its trace part, and otherwise trace elements whose bytes are
// unchanged are not parsed again (falling back to the full parse on anything unexpected).
LoadedCall loadV3Call(const QByteArray &callBody, const QByteArray &traceBody,
                      const CallSnapshotPtr &previous = nullptr,
                      IncrementalLoadStats *stats = nullptr);

// Runs loadCall() off the GUI thread and reports on the thread that owns the loader. One
// loader serves a session's live refreshes and opened files alike. Only the newest request
// is ever reported: starting another one, or cancel(), drops a result still being
// computed (a call the user left behind must not replace the one they are looking at).
class CallLoader final : public QObject
{
    Q_OBJECT
public:
    explicit CallLoader(QObject *parent = nullptr);
    ~CallLoader() override;
    Q_DISABLE_COPY_MOVE(CallLoader)

    // Starts loading `body` (as a refresh of `previous` when given: the same result,
    // faster when few function calls changed); returns the ticket that loaded() carries.
    quint64 load(const QByteArray &body, const CallSnapshotPtr &previous = nullptr);
    // A saved file (loadSavedCall), reported through loaded() too.
    quint64 loadFile(const QByteArray &body);
    // The same for a v3 call and its trace (loadV3Call), reported through loaded() too.
    quint64 loadV3(const QByteArray &callBody, const QByteArray &traceBody,
                   const CallSnapshotPtr &previous = nullptr);
    void cancel() { m_jobs.cancel(); }
    bool isBusy() const { return m_jobs.isBusy(); }
    // How many results were computed and then dropped as stale (tests, the benchmark).
    int droppedCount() const { return m_jobs.droppedCount(); }

Q_SIGNALS:
    void loaded(quint64 ticket, const bem::LoadedCall &result);

private:
    LatestResult<LoadedCall> m_jobs;
};

} // namespace bem

Q_DECLARE_METATYPE(bem::LoadedCall)

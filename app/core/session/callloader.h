// SPDX-License-Identifier: MIT
#pragma once

#include "callparser.h"
#include "callsnapshot.h"

#include <QByteArray>
#include <QObject>

namespace bem {

// What reading one response body gave: a snapshot ready to show, or why there is none
// (the parse result's error fields; its call has moved into the snapshot).
struct LoadedCall
{
    CallSnapshotPtr snapshot;
    ParseResult parsed;

    bool ok() const { return snapshot != nullptr; }
};

// Bytes → parsed call → tree, in one go and on whatever thread calls it: this is the part
// of loading that grows with the call, so the window runs it on the thread pool and only
// swaps in the result. Pure function of its input; the body is kept (shared, no copy)
// in the snapshot for the raw view and Save JSON.
LoadedCall loadCall(const QByteArray &body);

// Runs loadCall() off the GUI thread and reports on the thread that owns the loader.
// Only the newest request is ever reported: starting another one, or cancel(), drops a
// result still being computed (a call the user left behind must not replace the one
// they are looking at).
class CallLoader final : public QObject
{
    Q_OBJECT
public:
    explicit CallLoader(QObject *parent = nullptr);
    ~CallLoader() override;
    Q_DISABLE_COPY_MOVE(CallLoader)

    // Starts loading `body`; returns the ticket that loaded() will carry.
    quint64 load(const QByteArray &body);
    // The same as a refresh of `previous` (incrementalparse.h): the same result, faster
    // when few function calls changed. Opened files use load(body).
    quint64 load(const QByteArray &body, const CallSnapshotPtr &previous);
    void cancel();
    bool isBusy() const { return m_pending > 0 && m_current != m_delivered; }
    // How many results were computed and then dropped as stale (tests, the benchmark).
    int droppedCount() const { return m_dropped; }

Q_SIGNALS:
    void loaded(quint64 ticket, const bem::LoadedCall &result);

private:
    quint64 m_current = 0;
    quint64 m_delivered = 0;
    int m_pending = 0;
    int m_dropped = 0;
};

} // namespace bem

Q_DECLARE_METATYPE(bem::LoadedCall)

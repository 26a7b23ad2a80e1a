// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

class QSettings;

namespace bem {

struct RecentCall
{
    QString callId;
    QString workflowName; // or function name for a function call; may be empty
    QString status;       // raw status string as last seen (e.g. "completed"); may be empty
    QDateTime lastOpened; // UTC
};

// The last calls opened, most recent first, kept in the settings under "recentCalls"
// (callID, name, status, lastOpened as ISO text: nothing else is stored). A hand-edited
// file is read forgivingly: entries without a usable ID and repeats are skipped, and no
// more than MaxEntries are kept.
class RecentCalls final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxEntries = 20;

    // settings is borrowed and outlives this object; entries are read from it at
    // construction.
    explicit RecentCalls(QSettings *settings, QObject *parent = nullptr);
    ~RecentCalls() override;
    Q_DISABLE_COPY_MOVE(RecentCalls)

    QList<RecentCall> entries() const { return m_entries; } // most recent first

    // Adds or moves to the front; a later record() of the same ID updates name/status (an
    // empty name/status does not erase a known one). An invalid lastOpened becomes now.
    // An ID callIdProblem() refuses is ignored. Saves at once.
    void record(const RecentCall &call);
    void remove(const QString &callId);
    void clear();

    // "wf_123 — invoice-pipeline · completed" for menus and completions (plain text; a
    // QAction needs its "&" doubled).
    static QString label(const RecentCall &call);

Q_SIGNALS:
    void changed();

private:
    void load();
    void save();

    QSettings *m_settings;
    QList<RecentCall> m_entries;
};

} // namespace bem

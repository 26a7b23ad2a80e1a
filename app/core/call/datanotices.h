// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"

#include <QString>
#include <QStringList>

namespace bem {

// The banner a snapshot calls for, in words; no widgets, so the window only shows it.
// Parts that were really dropped (wrong types, unreadable values) are a Warning; notes
// about data that is all shown (an error reported beside the call, a missing parent shown
// at the top, a broken cycle, duplicate IDs) are Info and never say "ignored".
struct DataNotice
{
    enum class Kind { None, Info, Warning };
    Kind kind = Kind::None;
    QString text;        // one line, plain text
    QStringList details; // the individual lines (capped), plain text

    bool isEmpty() const { return kind == Kind::None; }
};

DataNotice describeDataNotices(const CallSnapshot &snapshot);

} // namespace bem

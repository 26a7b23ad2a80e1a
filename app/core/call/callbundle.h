// SPDX-License-Identifier: MIT
#pragma once

#include "callsnapshot.h"
#include "calltypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bem {

// A saved bundle's parts, as loadCall() needs them: the call and trace as response bodies
// ({"call": …} and {"trace": …}; an empty traceBody when the bundle has none) and the
// outputs and errors. `error` says why the file is not a bundle this version can read.
struct CallBundleContents
{
    QByteArray callBody;
    QByteArray traceBody;
    CallEvents events;
    QStringList warnings;
    QString error;
    qsizetype errorOffset = -1;
};

// A saved v3 call: one JSON file holding what the app read from the server —
//   {"bemCallInspectorBundle": 1, "apiVersion": "v3", "call": {…}, "trace": {…} or null,
//    "outputs": [Event…], "errors": [ErrorEvent…]}
// where call and trace are the objects of the call and trace responses, and outputs and
// errors are every output and error known (possibly more than the call's own arrays).
class CallBundle final
{
public:
    static constexpr int Version = 1;

    // The body is a bundle (its top-level object has the marker key), of any version.
    static bool isBundle(const QByteArray &body);
    static CallBundleContents read(const QByteArray &body);
    // A v3 snapshot and the outputs and errors shown for it, as a bundle.
    static QByteArray write(const CallSnapshot &snapshot, const CallEvents &events);
};

} // namespace bem

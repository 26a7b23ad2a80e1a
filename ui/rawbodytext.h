// SPDX-License-Identifier: MIT
#pragma once

#include "jsonindenter.h"

#include <QByteArray>
#include <QString>

namespace bem {

// A body the Raw JSON view is asked to show, with what its caller knows about it.
struct RawBody
{
    QByteArray bytes;    // exactly as received: what Save writes
    bool failed = false; // the body of a failed response, shown instead of a call
    int httpStatus = 0;  // 0: not known
    QString contentType;
    // Where a JSON parse failed and why, when the caller parsed it; -1: not known.
    qsizetype errorOffset = -1;
    QString error;
    // The caller parsed it as JSON: no check of its own is needed.
    bool knownJson = false;

    friend bool operator==(const RawBody &a, const RawBody &b)
    {
        return a.failed == b.failed && a.httpStatus == b.httpStatus &&
               a.contentType == b.contentType && a.errorOffset == b.errorOffset &&
               a.error == b.error && a.bytes == b.bytes;
    }
    friend bool operator!=(const RawBody &a, const RawBody &b) { return !(a == b); }

    // Worth reading as JSON: no content type said otherwise. An HTML error page from a
    // proxy is text, never checked for JSON or rendered.
    bool mayBeJson() const;
};

// What the view puts in its text edit for a body. Pure and Widgets-free: a large body's
// is made on the thread pool.
struct RawBodyText
{
    QString text;
    bool json = false;       // indented JSON; otherwise the bytes as text
    bool prefixOnly = false; // `text` holds only the start of the body
    // A JSON parse error, and where (in the bytes as received, which are then shown).
    bool hasError = false;
    QString error;
    TextSpot errorSpot;
    bool errorInText = false; // the error lies within what `text` shows

    // Up to `largeBodyBytes` the whole body is shown; beyond, its first `shownPrefixBytes`.
    static RawBodyText of(const RawBody &body, qsizetype largeBodyBytes,
                          qsizetype shownPrefixBytes);
};

} // namespace bem

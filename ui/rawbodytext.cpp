// SPDX-License-Identifier: MIT
#include "rawbodytext.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace bem {

bool RawBody::mayBeJson() const
{
    return contentType.isEmpty() ||
           contentType.contains(QLatin1String("json"), Qt::CaseInsensitive);
}

RawBodyText RawBodyText::of(const RawBody &body, qsizetype largeBodyBytes,
                            qsizetype shownPrefixBytes)
{
    RawBodyText shown;
    const QByteArray &bytes = body.bytes;
    shown.prefixOnly = bytes.size() > largeBodyBytes;
    qsizetype errorOffset = body.errorOffset;
    shown.error = body.error;
    bool json = body.knownJson;
    if (!json && errorOffset < 0 && body.mayBeJson() && !bytes.isEmpty()) {
        QJsonParseError parseError{};
        QJsonDocument::fromJson(bytes, &parseError);
        json = parseError.error == QJsonParseError::NoError;
        if (!json) {
            errorOffset = parseError.offset;
            shown.error = parseError.errorString();
        }
    }

    if (json) {
        JsonIndentOptions options;
        // A small body is shown whole; only a pathological one (thousands of nested
        // brackets) could grow past this, and is then cut like a large one.
        options.outputLimit = shown.prefixOnly ? shownPrefixBytes : 16 * largeBodyBytes;
        const IndentedJson indented = indentJson(bytes, options);
        shown.text = QString::fromUtf8(indented.text);
        shown.prefixOnly = indented.truncated;
    } else {
        shown.text = QString::fromUtf8(shown.prefixOnly ? bytes.left(shownPrefixBytes) : bytes);
    }
    shown.json = json;

    if (!json && errorOffset >= 0) {
        shown.hasError = true;
        shown.errorSpot = spotAt(bytes, errorOffset);
        shown.errorInText = !shown.prefixOnly || shown.errorSpot.offset <= shownPrefixBytes;
    }
    return shown;
}

} // namespace bem

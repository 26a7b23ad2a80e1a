// SPDX-License-Identifier: MIT
#include "outputcontent.h"

#include <QJsonObject>

namespace bem {

OutputContent outputContent(const Event &event)
{
    const QJsonObject &o = event.object;
    const QString transformed = QStringLiteral("transformedContent");
    const QString items = QStringLiteral("items");
    OutputContent content;
    if (event.eventType == QLatin1String("join") &&
        (o.contains(items) || o.contains(transformed))) {
        QJsonObject joined;
        if (o.contains(items))
            joined.insert(items, o.value(items));
        if (o.contains(transformed))
            joined.insert(transformed, o.value(transformed));
        content.value = joined;
        content.base = JsonPointer::fromTokens({transformed});
        return content;
    }
    for (const QString &key : {transformed, QStringLiteral("enrichedContent")}) {
        if (o.contains(key)) {
            content.value = o.value(key);
            return content;
        }
    }
    content.value = o;
    content.wholeEvent = true;
    return content;
}

} // namespace bem

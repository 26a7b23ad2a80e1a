// SPDX-License-Identifier: MIT
#pragma once

#include "demoscenarios.h"
#include "localbemserver.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace bem::test {

inline CannedResponse respond(const QByteArray &body)
{
    CannedResponse r;
    r.body = body;
    return r;
}

// The demo's progressing call under another ID and name, one stage per request, ending
// completed (or failed): calls of their own for tabs side by side.
inline QList<CannedResponse> progressingAs(const QString &id, const QString &name,
                                           bool fails = false)
{
    QList<CannedResponse> stages;
    const int count = DemoScenarios::progressingStageCount();
    for (int stage = 0; stage < count; ++stage) {
        QByteArray body = DemoScenarios::progressingStage(stage);
        if (fails && stage == count - 1)
            body = DemoScenarios::failedCall().replace(DemoCalls::failed().toUtf8(), id.toUtf8());
        body.replace(DemoCalls::progressing().toUtf8(), id.toUtf8());
        body.replace("invoice-intake", name.toUtf8());
        body.replace("contract-review", name.toUtf8());
        stages << respond(body);
    }
    return stages;
}

// A call that stays running for ever: it is asked again and again while it is watched.
inline QList<CannedResponse> runningAs(const QString &id)
{
    QByteArray body = DemoScenarios::progressingStage(1);
    body.replace(DemoCalls::progressing().toUtf8(), id.toUtf8());
    return {respond(body)};
}

} // namespace bem::test

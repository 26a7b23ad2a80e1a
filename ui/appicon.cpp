// SPDX-License-Identifier: MIT
#include "appicon.h"

namespace bem {

QIcon applicationIcon()
{
    QIcon icon(QStringLiteral(":/icons/app/ai.bem.CallInspector.svg"));
    icon.addFile(QStringLiteral(":/icons/app/ai.bem.CallInspector-16.png"), QSize(16, 16));
    return icon;
}

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

namespace bem {

// The application's icon (the one installed as ai.bem.CallInspector), from the app's own
// resources so that the window and About show it wherever the app runs from. Its 16 px
// drawing is redrawn on whole pixels; Qt picks it at that size.
QIcon applicationIcon();

} // namespace bem

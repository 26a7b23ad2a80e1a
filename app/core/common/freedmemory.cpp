// SPDX-License-Identifier: MIT
#include "freedmemory.h"

#include <QCoreApplication>
#include <QTimer>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bem {

namespace {
// After the deferred deletes and the parse threads' last results that a close leaves.
constexpr int ReleaseDelayMs = 100;
bool s_releaseQueued = false;
} // namespace

void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void releaseFreedMemorySoon()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || s_releaseQueued)
        return;
    s_releaseQueued = true;
    QTimer::singleShot(ReleaseDelayMs, app, [] {
        s_releaseQueued = false;
        releaseFreedMemory();
    });
}

} // namespace bem

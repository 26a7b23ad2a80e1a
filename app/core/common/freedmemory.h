// SPDX-License-Identifier: MIT
#pragma once

namespace bem {

// Hands the memory a closed call freed back to the system, a moment later (several
// closes in a row are one release). glibc keeps freed pages, most of all in the arenas of
// the threads that parsed the call, so without this closing ten large calls would not
// make the process any smaller. Does nothing without a QCoreApplication or off glibc.
void releaseFreedMemorySoon();

// The same, now (what the delayed release runs).
void releaseFreedMemory();

} // namespace bem

// SPDX-License-Identifier: MIT
#pragma once

#include <QThreadPool>

namespace bem {

// The threads that parse bodies, build rows, filter and free large calls. Not Qt's
// QThreadPool::globalInstance(): Qt's raster paint engine splits large fills and image
// conversions into tasks on that pool and the GUI thread waits for them (a QSemaphore in
// the paint event). With the global pool busy freeing one huge call and building the
// rows of the next, painting the emptied tree waited for a free thread: a switch between
// two calls of 100,000 function calls froze the window for 80-160 ms. Keeping our work
// on a pool of its own leaves Qt's free for the painting.
QThreadPool *backgroundPool();

} // namespace bem

// SPDX-License-Identifier: MIT
#include "backgroundpool.h"

namespace bem {
namespace {

class BackgroundPool final : public QThreadPool
{
public:
    BackgroundPool()
    {
        setObjectName(QStringLiteral("bem background pool"));
        // As many as the global pool would have: parsing and building are CPU-bound.
        setMaxThreadCount(QThread::idealThreadCount());
    }
    // A task still running at exit (a huge call being freed) is waited for here, before
    // the statics it may use are gone.
    ~BackgroundPool() override { waitForDone(); }
};

} // namespace

QThreadPool *backgroundPool()
{
    // Made on first use, thread-safely; destroyed at exit, after the tasks end.
    static BackgroundPool pool;
    return &pool;
}

} // namespace bem

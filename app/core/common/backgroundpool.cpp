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

Q_GLOBAL_STATIC(BackgroundPool, pool)

} // namespace

QThreadPool *backgroundPool()
{
    return pool();
}

} // namespace bem

// SPDX-License-Identifier: MIT
#include "backoffpolicy.h"

#include <QtGlobal>

#include <cmath>

namespace bem {

int BackoffPolicy::baseDelayMs(int step) const
{
    // Computed in floating point and capped before converting: 2^step overflows an int
    // long before a call stops being polled.
    const double base = double(initialMs) * std::pow(factor, double(qBound(0, step, 64)));
    return int(qMin(base, double(maxMs)));
}

int BackoffPolicy::delayMs(int step, QRandomGenerator &random) const
{
    const double base = baseDelayMs(step);
    const double low = base * (1.0 - jitter);
    const double high = qMin(base * (1.0 + jitter), double(maxMs));
    if (high <= low)
        return int(high);
    return int(low + (high - low) * random.generateDouble());
}

} // namespace bem

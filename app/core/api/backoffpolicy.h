// SPDX-License-Identifier: MIT
#pragma once

#include <QRandomGenerator>

namespace bem {

// How long to wait before the next refresh of a live call, following bem's polling
// guidance: start near 1 s, double after each poll that brought nothing new, with
// jitter, capped at 10 s (the jitter stays inside the cap). Values are injectable so the
// test suite can run the same logic in milliseconds.
struct BackoffPolicy
{
    int initialMs = 1000;
    int maxMs = 10'000;
    double factor = 2.0;
    // Each delay is drawn from [base·(1−jitter), min(base·(1+jitter), maxMs)].
    double jitter = 0.2;

    // The un-jittered delay after `step` polls without news (0 = fast).
    int baseDelayMs(int step) const;
    // baseDelayMs(step) with jitter drawn from `random`.
    int delayMs(int step, QRandomGenerator &random) const;
};

} // namespace bem

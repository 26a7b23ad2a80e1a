// SPDX-License-Identifier: MIT
// What ten open calls that have finished cost while nobody looks: how often the app core
// wakes up (event-loop wake-ups and timer events per second) and how many requests it
// makes, with the local bem API in the same process. Prints one BENCH line of figures and
// the objects whose timers fired; not a test.
//
//   bench_idle [--sessions N] [--seconds S]
#include "backoffpolicy.h"
#include "callsession.h"
#include "demoscenarios.h"
#include "localbemserver.h"
#include "requestgate.h"

#include <QAbstractEventDispatcher>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QHash>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using namespace bem;

namespace {

const QByteArray Key = "sk_bench_idle_0123456789";

// Counts timer events by the class of the object they are for.
class TimerCounter final : public QObject
{
public:
    QHash<QByteArray, int> byClass;
    int total = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Timer) {
            ++total;
            ++byClass[QByteArray(watched->metaObject()->className())];
        }
        return false;
    }
};

// Runs the event loop until `done` or `ms` have passed.
template<typename Done> bool runUntil(Done done, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sessions"), QStringLiteral("Open calls (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("seconds"),
                      QStringLiteral("How long to watch the idle app (default 10)."),
                      QStringLiteral("S"), QStringLiteral("10")});
    parser.process(app);
    const int sessionCount = qMax(1, parser.value(QStringLiteral("sessions")).toInt());
    const int seconds = qMax(1, parser.value(QStringLiteral("seconds")).toInt());

    LocalBemServer server;
    server.setApiKey(Key);
    if (!server.listen())
        return 1;
    QNetworkAccessManager network;
    RequestGate gate;

    // Half watched until they end (their trace and event pages fetched one last time),
    // half finished when opened, as tabs restored at start would be.
    const QStringList finished{DemoCalls::failed(), DemoCalls::batch(), DemoCalls::partlyFailed(),
                               DemoCalls::manyOutputs(), DemoCalls::v3Only()};
    std::vector<std::unique_ptr<CallSession>> sessions;
    BackoffPolicy fast; // only to reach the end sooner; a finished call is not refreshed
    fast.initialMs = 20;
    fast.maxMs = 80;
    fast.jitter = 0;
    for (int i = 0; i < sessionCount; ++i) {
        auto session = std::make_unique<CallSession>(&network);
        session->setBaseUrl(server.baseUrl());
        session->setApiKey(QString::fromLatin1(Key));
        session->setRequestGate(&gate, QStringLiteral("bench"));
        session->setPolicy(fast);
        session->open(i % 2 == 0 ? DemoCalls::progressingCopy(i)
                                 : finished.at((i / 2) % finished.size()));
        sessions.push_back(std::move(session));
    }
    const bool settled = runUntil(
        [&] {
            for (const auto &s : sessions) {
                if (s->status().phase != PollerStatus::Phase::Finished ||
                    s->status().requestInFlight)
                    return false;
            }
            return gate.inFlight() == 0 && gate.waiting() == 0;
        },
        60'000);
    if (!settled) {
        std::fprintf(stderr, "bench_idle: the calls did not all finish within 60 s\n");
        return 1;
    }
    // The last replies' deferred deletes and the event pages' last answers.
    runUntil([] { return false; }, 500);

    TimerCounter timers;
    app.installEventFilter(&timers);
    int wakeUps = 0;
    QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, &app,
                     [&wakeUps] { ++wakeUps; });
    server.clearRequests();
    QElapsedTimer clock;
    clock.start();
    QTimer end;
    end.setSingleShot(true);
    QObject::connect(&end, &QTimer::timeout, &app, &QCoreApplication::quit);
    end.start(seconds * 1000);
    app.exec();
    const double elapsedS = double(clock.elapsed()) / 1000.0;
    app.removeEventFilter(&timers);

    // The bench's own end timer is one timer event and one wake-up.
    const int appTimers = timers.total - 1;
    const int appWakeUps = qMax(0, wakeUps - 1);
    for (auto it = timers.byClass.cbegin(); it != timers.byClass.cend(); ++it)
        std::printf("timer events for %s: %d\n", it.key().constData(), it.value());
    std::printf("BENCH {\"sessions\":%d,\"seconds\":%.1f,\"requests\":%lld,"
                "\"wakeups_per_s\":%.2f,\"timer_events_per_s\":%.2f}\n",
                sessionCount, elapsedS, qlonglong(server.requests().size()),
                double(appWakeUps) / elapsedS, double(appTimers) / elapsedS);
    return 0;
}

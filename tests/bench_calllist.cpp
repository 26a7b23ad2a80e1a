// SPDX-License-Identifier: MIT
// The calls browser's costs, beside a reference measured in the same run:
// - list_merge_ms: a refreshed 100-row first page (a new call, a few status changes)
//   merged into an N-row list shown in a table; list_reset_ms: the same rows put in by a
//   model reset, what a list without merging would pay on every refresh.
// - list_stall_ms: the longest the GUI thread is busy at once while N rows are paged in
//   (100 a page: parse, append, the table updates); list_page_ms: one page's median.
// Prints one line: BENCH {"rows":N,...}.
#include "calllistmodel.h"
#include "calllistparser.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace bem;

namespace {

QJsonObject callJson(int i, const QString &status)
{
    const QDateTime created =
        QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC).addSecs(-i * 60);
    return QJsonObject{
        {QStringLiteral("callID"), QStringLiteral("wf_%1").arg(i, 6, 10, QLatin1Char('0'))},
        {QStringLiteral("status"), status},
        {QStringLiteral("workflowName"), QStringLiteral("invoice-pipeline")},
        {QStringLiteral("callReferenceID"), QStringLiteral("acme-po-%1").arg(i)},
        {QStringLiteral("createdAt"), created.toString(Qt::ISODate)},
        {QStringLiteral("finishedAt"), created.addSecs(90).toString(Qt::ISODate)},
    };
}

// Page `page` (0 = newest) of `total` calls, newest first, as the server sends it.
QByteArray pageBody(int page, int total)
{
    QJsonArray calls;
    for (int i = page * 100; i < std::min(total, page * 100 + 100); ++i)
        calls.append(
            callJson(i, i % 9 == 4 ? QStringLiteral("failed") : QStringLiteral("completed")));
    return QJsonDocument(
               QJsonObject{{QStringLiteral("calls"), calls}, {QStringLiteral("totalCount"), total}})
        .toJson(QJsonDocument::Compact);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QList<CallSummary> allRows(int rows)
{
    QList<CallSummary> out;
    for (int page = 0; page * 100 < rows; ++page)
        out << CallListParser::parse(pageBody(page, rows)).calls;
    return out;
}

struct Figures
{
    double mergeMs = 0, resetMs = 0, stallMs = 0, pageMs = 0;
    int resetsDuringMerge = 0;
};

// Merging a refreshed first page into `rows` rows, and a reset of the same rows.
void measureMerge(int rows, int runs, Figures &f)
{
    const QList<CallSummary> base = allRows(rows);
    std::vector<double> merges, resets;
    for (int run = 0; run < runs; ++run) {
        CallListModel model;
        QTableView view;
        view.setModel(&model);
        view.resize(900, 600);
        view.show();
        model.setFirstPage(base, rows, true);
        QCoreApplication::processEvents();
        // A new call on top, five status changes among the first hundred.
        QList<CallSummary> page = CallListParser::parse(pageBody(0, rows)).calls;
        CallSummary fresh = page.first();
        fresh.callId = QStringLiteral("wf_new_%1").arg(run);
        page.prepend(fresh);
        page.removeLast();
        for (int k = 1; k < 100; k += 20)
            page[k].status = Status::fromRaw(QStringLiteral("failed"));
        int resetsSeen = 0;
        QObject::connect(&model, &QAbstractItemModel::modelReset, &model, [&] { ++resetsSeen; });
        // The model's work and the table's handling of its signals; painting, the same
        // for both, is left out.
        QElapsedTimer t;
        t.start();
        model.mergeFirstPage(page, rows + 1, false);
        merges.push_back(t.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
        f.resetsDuringMerge += resetsSeen;

        QList<CallSummary> all = base;
        all.prepend(fresh);
        t.restart();
        model.setFirstPage(all, rows + 1, true);
        resets.push_back(t.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
    }
    f.mergeMs = median(merges);
    f.resetMs = median(resets);
}

// Pages come in one event at a time, as network answers do; a heartbeat timer sees how
// long the GUI thread was away between two of its ticks.
void measurePaging(int rows, Figures &f)
{
    std::vector<QByteArray> bodies;
    for (int page = 0; page * 100 < rows; ++page)
        bodies.push_back(pageBody(page, rows));
    CallListModel model;
    QTableView view;
    view.setModel(&model);
    view.resize(900, 600);
    view.show();
    QCoreApplication::processEvents();

    QElapsedTimer clock;
    clock.start();
    qint64 lastBeat = 0;
    qint64 longest = 0;
    QTimer heartbeat;
    heartbeat.setInterval(0);
    QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastBeat > 0)
            longest = std::max(longest, now - lastBeat);
        lastBeat = now;
    });
    heartbeat.start();
    std::vector<double> pages;
    size_t next = 0;
    QEventLoop loop;
    std::function<void()> step = [&] {
        if (next == bodies.size()) {
            loop.quit();
            return;
        }
        QElapsedTimer t;
        t.start();
        const CallListPage page = CallListParser::parse(bodies[next]);
        if (next == 0)
            model.setFirstPage(page.calls, page.totalCount, false);
        else
            model.appendPage(page.calls, page.totalCount, next + 1 == bodies.size());
        view.scrollToBottom();
        pages.push_back(t.nsecsElapsed() / 1e6);
        ++next;
        QTimer::singleShot(1, &loop, step);
    };
    QTimer::singleShot(0, &loop, step);
    loop.exec();
    heartbeat.stop();
    f.stallMs = longest / 1e6;
    f.pageMs = median(pages);
    if (model.rowCount() != rows)
        qFatal("paged %d rows of %d", model.rowCount(), rows);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The calls browser's merge and paging costs."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows listed."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Repetitions of the merge (median)."),
                                        QStringLiteral("R"), QStringLiteral("5"));
    parser.addOptions({rowsOption, runsOption});
    parser.process(app);
    const int rows = std::max(100, parser.value(rowsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    Figures f;
    measureMerge(rows, runs, f);
    measurePaging(rows, f);
    std::printf("BENCH {\"rows\":%d,\"list_merge_ms\":%.3f,\"list_reset_ms\":%.3f,"
                "\"merge_resets\":%d,\"list_stall_ms\":%.3f,\"list_page_ms\":%.3f}\n",
                rows, f.mergeMs, f.resetMs, f.resetsDuringMerge, f.stallMs, f.pageMs);
    return 0;
}

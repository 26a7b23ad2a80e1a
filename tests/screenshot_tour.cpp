// SPDX-License-Identifier: MIT
// Drives the real window through the states a user meets and saves a picture of each:
// the empty first start, the demo call running, the demo call completed with a function
// call selected, and an error banner over stale data (plus hostile data); then the filter
// with a deep match opened, a request stopped with Esc, an https input link with spaces
// opened (not refused), the raw view of a 502's body, and the timeline zoomed to a split
// with the critical path on. Real window,
// real session, real local bem API: nothing is staged by hand. packaging/screenshots.sh
// runs it under Xvfb (light, dark, 200%); ctest runs it offscreen to keep it working.
#include "apikeystore.h"
#include "calllistfetcher.h"
#include "calllistmodel.h"
#include "callpage.h"
#include "callsbrowser.h"
#include "callsdock.h"
#include "callsession.h"
#include "callsfilterbar.h"
#include "calltreedelegate.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "demoscenarios.h"
#include "detailspane.h"
#include "localapi.h"
#include "mainwindow.h"
#include "outputspane.h"
#include "outputviewer.h"
#include "rawjsonview.h"
#include "settingsdialog.h"
#include "testutil.h"
#include "timelinecontroller.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QPalette>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>
#include <functional>

using namespace bem;

namespace {

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 30'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void settle(int ms = 300)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x91));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa9, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7d, 0x81));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7a, 0x7d, 0x81));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7d, 0x81));
    return p;
}

const QString TourKey = QStringLiteral("sk_tour_0123456789abcdef");

test::WindowFixture::Options sceneOptions(test::LocalApi &api, ApiKeyStore *keys, bool callsPane)
{
    test::WindowFixture::Options options{api.server.baseUrl(), TourKey, &api.network, keys};
    options.policy = test::policyOf(250, 1000);
    options.apiVersion = ApiVersionChoice::Auto; // as the app asks
    options.callsPane = callsPane;
    return options;
}

// Every scene's server lists the demo's crowd of calls, as the demo's does.
struct DemoCrowd
{
    explicit DemoCrowd(test::LocalApi &api) { api.server.setListedCallCount(300); }
};

// One window with its own session, settings and server, as the app wires them.
struct Scene
{
    explicit Scene(ApiKeyStore *keys = nullptr, bool callsPane = false)
        : api(TourKey.toLatin1())
        , crowd(api)
        , fixture(sceneOptions(api, keys, callsPane))
        , window(fixture.window())
        , session(*fixture.session())
    {}
    test::LocalApi api;
    DemoCrowd crowd;
    test::WindowFixture fixture;
    MainWindow *window;
    CallSession &session;
};

class Tour
{
public:
    explicit Tour(const QString &outDir)
        : m_out(outDir)
    {}
    int failures() const { return m_failures; }

    void shoot(QWidget *window, const QString &name)
    {
        settle();
        const QString path = m_out.filePath(name + QStringLiteral(".png"));
        if (window->grab().save(path)) {
            std::printf("saved %s\n", qPrintable(path));
        } else {
            std::fprintf(stderr, "could not save %s\n", qPrintable(path));
            ++m_failures;
        }
    }
    void fail(const char *what)
    {
        std::fprintf(stderr, "tour step failed: %s\n", what);
        ++m_failures;
    }

private:
    QDir m_out;
    int m_failures = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("bem Call Inspector"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder for PNGs."),
                                       QStringLiteral("DIR"), QStringLiteral("."));
    const QCommandLineOption darkOption(QStringLiteral("dark"),
                                        QStringLiteral("Use a dark palette."));
    parser.addOptions({outOption, darkOption});
    parser.process(app);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (parser.isSet(darkOption))
        QApplication::setPalette(darkPalette());
    QDir().mkpath(parser.value(outOption));
    Tour tour(parser.value(outOption));
    qunsetenv("BEM_API_KEY");

    {
        // 1. First start: no key yet (the keychain here is the test's own, empty one).
        ApiKeyStore keys;
        keys.setServiceName(QStringLiteral("bem-call-inspector-screenshot-tour"));
        Scene scene(&keys);
        scene.window->setDemoStarter([] {});
        keys.load();
        if (!waitFor([&] { return keys.isLoaded(); }))
            tour.fail("key store did not load");
        tour.shoot(scene.window, QStringLiteral("1-empty-state"));
    }
    {
        // 2 and 3. The demo call, while it runs and once it completed.
        Scene scene;
        scene.window->enterDemoMode(
            QStringLiteral("Demo \u00b7 local bem API on %1 \u00b7 no key or network used")
                .arg(scene.api.server.baseUrl().authority()));
        scene.window->loadCall(DemoCalls::progressing());
        CallTreeModel *model = scene.window->model();
        if (!waitFor([&] { return model->functionCallCount() >= 8; }))
            tour.fail("the demo call did not progress");
        scene.session.pause(); // hold the picture still mid-run
        scene.window->treePanel()->selectFunctionCall(QStringLiteral("fc_page_2"));
        scene.window->updateLiveStatus();
        tour.shoot(scene.window, QStringLiteral("2-demo-running"));
        scene.session.resume();
        if (!waitFor([&] { return scene.session.status().phase == PollerStatus::Phase::Finished; }))
            tour.fail("the demo call did not complete");
        const Call &call = scene.session.snapshot()->call;
        for (const FunctionCall &fc : call.functionCalls) {
            if (fc.type == QStringLiteral("transform") && !fc.activity.isEmpty()) {
                scene.window->treePanel()->selectFunctionCall(fc.functionCallId);
                break;
            }
        }
        settle(CallTreeDelegate::FlashMs + 200); // past the glow of the last changes
        tour.shoot(scene.window, QStringLiteral("3-demo-completed-selected"));
    }
    {
        // 4. The server starts failing after a good answer: the data stays, marked stale.
        Scene scene;
        CannedResponse good;
        good.body = DemoScenarios::progressingStage(8); // running: it will be refreshed
        CannedResponse outage;
        outage.status = 503;
        outage.contentType = "text/html";
        outage.body = "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>";
        scene.api.server.setResponses(DemoCalls::progressing(), {good, outage});
        scene.window->loadCall(DemoCalls::progressing());
        if (!waitFor([&] {
                return scene.session.status().phase == PollerStatus::Phase::Retrying &&
                       !scene.session.status().requestInFlight;
            }))
            tour.fail("the outage did not show");
        scene.window->treePanel()->selectFunctionCall(QStringLiteral("fc_page_3"));
        scene.session.pause();
        tour.shoot(scene.window, QStringLiteral("4-error-over-stale-data"));
    }
    {
        // 5. Hostile strings: markup, a 100,000-character name, bidi overrides, NUL.
        Scene scene;
        CannedResponse hostile;
        hostile.body = test::readTestData(QStringLiteral("hostile.json"));
        scene.api.server.setResponses(QStringLiteral("wf_hostile"), {hostile});
        scene.window->loadCall(QStringLiteral("wf_hostile"));
        if (!waitFor([&] { return scene.window->model()->functionCallCount() > 0; }))
            tour.fail("the hostile call did not load");
        scene.session.pause();
        scene.window->treePanel()->expandAll();
        scene.window->treePanel()->selectFunctionCall(QStringLiteral("fc_html"));
        tour.shoot(scene.window, QStringLiteral("5-hostile-data"));
    }
    {
        // 6. The filter finds a row four levels down: the way to it is opened, the count
        // shown beside the box, and the match selected.
        Scene scene;
        CannedResponse deep;
        deep.body = test::readTestData(QStringLiteral("progress-5.json"));
        scene.api.server.setResponses(QStringLiteral("wf_call_42"), {deep});
        scene.window->loadCall(QStringLiteral("wf_call_42"));
        if (!waitFor([&] { return scene.window->model()->functionCallCount() > 0; }))
            tour.fail("the deep call did not load");
        scene.session.pause();
        CallTreePanel *panel = scene.window->treePanel();
        panel->collapseAll();
        panel->setFilterText(QStringLiteral("extract-totals"));
        panel->selectNextMatch();
        if (!panel->matchCountText().contains(QStringLiteral("3")))
            tour.fail("the filter did not count its matches");
        tour.shoot(scene.window, QStringLiteral("6-filter-matches"));
    }
    {
        // 7. A server that never answers, stopped with Esc.
        Scene scene;
        scene.api.server.setSlowDelayMs(600'000);
        scene.window->loadCall(DemoCalls::slow());
        if (!waitFor([&] { return scene.session.status().requestInFlight; }))
            tour.fail("the slow request did not start");
        settle(500);
        auto *stop = scene.window->findChild<QAction *>(QStringLiteral("actionStop"));
        if (!stop || !stop->isEnabled())
            tour.fail("Stop was not offered");
        else
            stop->trigger();
        tour.shoot(scene.window, QStringLiteral("7-request-stopped"));
    }
    {
        // 8. An input link whose file name has spaces: handed to the browser, not refused.
        // The URL the desktop received is put in the status bar for the picture.
        test::CaughtUrls caught;
        Scene scene;
        CannedResponse spaced;
        spaced.body = R"({"call":{"callID":"wf_spaces","status":"completed","functionCalls":[)"
                      R"({"functionCallID":"fc_in","functionName":"extract-invoice",)"
                      R"("status":"completed","inputType":"pdf","s3URL":)"
                      R"("https://bucket.s3.amazonaws.com/in box/Invoice 2026 March.pdf"}]}})";
        scene.api.server.setResponses(QStringLiteral("wf_spaces"), {spaced});
        scene.window->loadCall(QStringLiteral("wf_spaces"));
        if (!waitFor([&] { return scene.window->model()->functionCallCount() > 0; }))
            tour.fail("the call with a spaced link did not load");
        scene.window->treePanel()->selectFunctionCall(QStringLiteral("fc_in"));
        settle();
        scene.window->detailsPane()->openButton()->click();
        if (caught.opened().isEmpty() || !scene.window->bannerText().isEmpty()) {
            tour.fail("the spaced https link was not opened");
        } else {
            scene.window->statusBar()->showMessage(
                QStringLiteral("Opened in the browser: ") +
                caught.opened().first().toString(QUrl::FullyEncoded));
        }
        tour.shoot(scene.window, QStringLiteral("8-spaced-link-opened"));
    }
    {
        // 9. A proxy's 502 page where the call should be: shown in the raw view as text.
        Scene scene;
        CannedResponse gateway;
        gateway.status = 502;
        gateway.contentType = "text/html";
        gateway.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                       "<center><h1>502 Bad Gateway</h1></center>\r\n"
                       "<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";
        scene.api.server.setResponses(QStringLiteral("wf_gateway"), {gateway});
        scene.window->loadCall(QStringLiteral("wf_gateway"));
        if (!waitFor([&] { return scene.window->rawJsonView()->isShowingFailedResponse(); }))
            tour.fail("the 502 body did not reach the raw view");
        scene.session.pause();
        if (auto *raw = scene.window->findChild<QAction *>(QStringLiteral("actionRawJson")))
            raw->setChecked(true);
        tour.shoot(scene.window, QStringLiteral("9-raw-502"));
    }
    {
        // 10. A partly failed v3 call: its outputs and errors side by side, an output's
        // fields with their confidences below.
        Scene scene;
        scene.window->loadCall(DemoCalls::partlyFailed());
        auto *page = scene.window->findChild<CallPage *>();
        if (!waitFor([&] {
                return scene.session.status().phase == PollerStatus::Phase::Finished &&
                       page->outputs()->outputsView()->model()->rowCount() > 0;
            }))
            tour.fail("the partly failed call did not load its outputs");
        page->showOutputs();
        QTableView *outputs = page->outputs()->outputsView();
        outputs->setCurrentIndex(outputs->model()->index(0, 0));
        if (auto *tree = page->outputs()->viewer()->findChild<QTreeView *>())
            tree->expandAll();
        settle(CallTreeDelegate::FlashMs + 200);
        tour.shoot(scene.window, QStringLiteral("10-v3-outputs-and-errors"));
        // And its tree: events under their function calls, the retry marked.
        page->showRawJson(false);
        scene.window->treePanel()->expandAll();
        settle();
        tour.shoot(scene.window, QStringLiteral("11-v3-trace-tree"));
    }
    {
        // 12. Settings: the base URL, which API to ask, the key, the confidence threshold.
        ApiKeyStore keys;
        keys.setServiceName(QStringLiteral("bem-call-inspector-screenshot-tour"));
        Scene scene(&keys);
        keys.load();
        if (!waitFor([&] { return keys.isLoaded(); }))
            tour.fail("key store did not load");
        SettingsDialog dialog(&keys, &scene.api.network, scene.api.server.baseUrl(), scene.window);
        dialog.setApiVersionChoice(ApiVersionChoice::Auto);
        dialog.show();
        settle();
        tour.shoot(&dialog, QStringLiteral("12-settings"));
    }
    {
        // 13. The Calls pane beside an open call: filtered to failed, newest first, the
        // open call marked.
        Scene scene(nullptr, true);
        CallsBrowser *browser = scene.window->callsDock()->browser();
        CallListModel *list = browser->model();
        browser->filterBar()->setStatuses({QStringLiteral("failed")});
        if (!waitFor([&] {
                return !browser->fetcher()->isBusy() && list->rowCount() > 0 &&
                       list->callAt(0).status.state() == CallState::Failed;
            }))
            tour.fail("the failed calls were not listed");
        browser->view()->setCurrentIndex(list->index(1, 0));
        const QString id = list->callAt(1).callId;
        browser->view()->setFocus();
        QTest::keyClick(browser->view(), Qt::Key_Return);
        if (!waitFor([&] { return scene.session.callId() == id && scene.session.snapshot(); }))
            tour.fail("the chosen call did not open");
        scene.session.pause();
        browser->fetcher()->setActive(false);
        settle(CallListModel::GlowMs + 200);
        tour.shoot(scene.window, QStringLiteral("13-calls-pane-beside-a-call"));
    }
    {
        // 14. The start page with the Calls pane: the newest calls, some still running.
        Scene scene(nullptr, true);
        CallsBrowser *browser = scene.window->callsDock()->browser();
        if (!waitFor(
                [&] { return !browser->fetcher()->isBusy() && browser->model()->rowCount() > 0; }))
            tour.fail("the calls were not listed");
        browser->fetcher()->setActive(false);
        settle(CallListModel::GlowMs + 200);
        tour.shoot(scene.window, QStringLiteral("14-start-page-with-calls"));
    }
    {
        // 15. The Timeline column of the completed demo call: zoomed to its split's pages,
        // with the critical path on and its last step selected (F9 steps along it).
        Scene scene;
        scene.window->resize(1900, 900);
        scene.window->loadCall(DemoCalls::progressing());
        if (!waitFor([&] { return scene.session.status().phase == PollerStatus::Phase::Finished; }))
            tour.fail("the demo call did not complete for the timeline");
        // The trace is read once more after the call ends: its last function call with it.
        CallTreeModel *model = scene.window->model();
        if (!waitFor([&] { return model->statusCounts().completed == model->functionCallCount(); }))
            tour.fail("the demo call's trace did not complete");
        CallTreePanel *panel = scene.window->treePanel();
        TimelineController *timeline = panel->timeline();
        // The tree takes most of the width, so that the Timeline column has room.
        if (auto *split = scene.window->findChild<CallPage *>()->findChild<QSplitter *>())
            split->setSizes({1500, 400});
        panel->expandAll();
        timeline->setCriticalPathShown(true);
        const QList<QModelIndex> path = timeline->criticalPathRows();
        if (path.isEmpty() || !timeline->zoomTo(scene.window->model()->indexForFunctionCallId(
                                  QStringLiteral("fc_split"))))
            tour.fail("no critical path or nothing to zoom to in the demo call");
        timeline->stepAlongPath(/*backward=*/true); // the last step of the path
        settle(CallTreeDelegate::FlashMs + 200);
        tour.shoot(scene.window, QStringLiteral("15-timeline"));
    }
    return tour.failures() == 0 ? 0 : 1;
}

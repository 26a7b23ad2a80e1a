// SPDX-License-Identifier: MIT
#include "apiendpoint.h"
#include "bannerboard.h"
#include "callform.h"
#include "callsession.h"
#include "calltreepanel.h"
#include "demoscenarios.h"
#include "detailspane.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "rawjsonview.h"
#include "shortcutsdialog.h"
#include "testutil.h"
#include "urlopener.h"
#include "userguidedialog.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace bem;

namespace {
const QByteArray Key = "sk_test_wiring_0123456789abcdef";
using Phase = PollerStatus::Phase;

CannedResponse respond(int status, const QByteArray &body,
                       const QByteArray &contentType = "application/json")
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    r.contentType = contentType;
    return r;
}

QByteArray completedCall(const QByteArray &id, const QByteArray &functionCalls = "[]",
                         const QByteArray &extra = {})
{
    return "{\"call\":{\"callID\":\"" + id +
           "\",\"status\":\"completed\",\"functionCalls\":" + functionCalls + "}" + extra + "}";
}

// The texts of the visible labels under `root`, joined (the raw view's note, say).
QString labelTexts(const QWidget *root)
{
    QStringList texts;
    for (const QLabel *label : root->findChildren<QLabel *>())
        if (label->isVisible())
            texts << label->text();
    return texts.join(u'\n');
}

} // namespace

// What the window renders of the pieces built beside it: data notices in the banner, the
// banner floating over the content, saved files as saved pictures, failed bodies in the
// raw view, Copy as curl, Help's pages; and each banner going when its own cause is
// resolved (not when something unrelated happens, nor staying after it is fixed).
class TestWindowWiring : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    std::unique_ptr<test::CaughtUrls> m_urls;
    MainWindow *m_window = nullptr;
    CallSession *m_session = nullptr;

    void start(const BackoffPolicy &policy = test::noRefreshPolicy())
    {
        test::WindowFixture::Options options{m_api->server.baseUrl(), QString::fromLatin1(Key),
                                             &m_api->network};
        options.policy = policy;
        m_fixture = std::make_unique<test::WindowFixture>(options);
        m_window = m_fixture->window();
        m_session = m_fixture->session();
    }

    QAction *action(const char *name) const
    {
        auto *a = m_window->findChild<QAction *>(QString::fromLatin1(name));
        if (!a)
            qFatal("no action %s", name);
        return a;
    }

    void loadAndWait(const QString &id, Phase phase = Phase::Finished)
    {
        QVERIFY(m_window->loadCall(id));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session->status().phase == phase && !m_session->status().requestInFlight, 20'000);
    }

    void typeAndEnter(const QString &text)
    {
        QLineEdit *field = m_window->callIdField();
        field->setFocus();
        field->setText(text);
        QTest::keyClick(field, Qt::Key_Return);
    }

    // Selects a function call of the batch demo that has an input link; returns the link.
    QString selectRowWithInput()
    {
        for (const FunctionCall &fc : m_session->snapshot()->call.functionCalls) {
            if (!fc.s3URL.isEmpty() || !fc.inputs.isEmpty()) {
                if (!m_window->treePanel()->selectFunctionCall(fc.functionCallId))
                    return {};
                return !fc.s3URL.isEmpty() ? fc.s3URL : fc.inputs.first().s3URL;
            }
        }
        return {};
    }

private slots:
    void initTestCase() { m_urls = std::make_unique<test::CaughtUrls>(); }
    void cleanupTestCase() { m_urls.reset(); }
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_urls->opened().clear();
    }
    void cleanup()
    {
        m_window = nullptr;
        m_session = nullptr;
        m_fixture.reset();
        m_api.reset();
    }

    // --- data notices -------------------------------------------------------------------

    // The error the server reported beside a failed call is shown, and is no reason to say
    // anything was ignored.
    void failedCallWithItsErrorReported_isNotCalledIgnored()
    {
        start();
        m_api->server.setResponses(
            QStringLiteral("c_e"),
            {respond(200, test::readTestData(QStringLiteral("call-and-error.json")))});
        loadAndWait(QStringLiteral("c_e"));
        const QString text = m_window->bannerText();
        QVERIFY2(text.contains(QStringLiteral("partial result")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("ignored")), qPrintable(text));
        QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Info);
    }

    void brokenTree_showsANote_notIgnored()
    {
        start();
        m_api->server.setResponses(
            QStringLiteral("c_orphan"),
            {respond(200, completedCall("c_orphan", R"([{"functionCallID":"fc_a",)"
                                                    R"("sourceFunctionCallID":"fc_gone",)"
                                                    R"("status":"completed"}])"))});
        loadAndWait(QStringLiteral("c_orphan"));
        const QString text = m_window->bannerText();
        QVERIFY2(text.contains(QStringLiteral("fc_gone")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("ignored")), qPrintable(text));
        QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Info);
    }

    void wrongTypedField_saysOneFieldWasIgnored()
    {
        start();
        m_api->server.setResponses(
            QStringLiteral("c_wrong1"),
            {respond(200, R"({"call":{"callID":"c_wrong1","status":"completed",)"
                          R"("workflowName":{"name":"x"}}})")});
        loadAndWait(QStringLiteral("c_wrong1"));
        const QString text = m_window->bannerText();
        QVERIFY2(text.startsWith(QStringLiteral("1 field was ignored")), qPrintable(text));
        QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Warning);
    }

    // --- the floating banner ------------------------------------------------------------

    void banner_doesNotMoveTheTree()
    {
        start();
        loadAndWait(DemoCalls::batch());
        QTRY_VERIFY(m_window->bannerText().isEmpty());
        QTreeView *tree = m_window->treePanel()->view();
        QApplication::processEvents();
        const QRect before(tree->mapTo(m_window, QPoint(0, 0)), tree->size());
        m_window->showNotice(QStringLiteral("A note long enough to take a line of its own."));
        QVERIFY(m_window->banner()->isVisible());
        QApplication::processEvents();
        QCOMPARE(QRect(tree->mapTo(m_window, QPoint(0, 0)), tree->size()), before);
        // It sits over the content under the call-ID bar, not over the bar.
        QVERIFY(m_window->banner()->mapTo(m_window, QPoint(0, 0)).y() >=
                m_window->centralWidget()->mapTo(m_window, QPoint(0, 0)).y());
    }

    // --- opened files -------------------------------------------------------------------

    // A call saved while it ran is a picture of that moment: it does not count up.
    void savedRunningCall_saysSo_andDoesNotTick()
    {
        start();
        QVERIFY(m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-2.json")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoadingFile() && m_window->isShowingCall(), 20'000);
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_route")));
        const QString form = m_window->callForm()->fieldText(QStringLiteral("duration"));
        const QString details = m_window->detailsPane()->fieldText(QStringLiteral("duration"));
        QVERIFY2(form.contains(QStringLiteral("was running when saved")), qPrintable(form));
        QVERIFY2(details.contains(QStringLiteral("was running when saved")), qPrintable(details));
        // No count from the start to now ("running for 626 d"), which would tick.
        QVERIFY2(!form.contains(QStringLiteral("running for")), qPrintable(form));
        QVERIFY2(!details.contains(QStringLiteral("running for")), qPrintable(details));
        // A live call afterwards is live again.
        loadAndWait(DemoCalls::batch());
        QVERIFY(!m_window->callForm()->isOffline());
    }

    // --- the raw view of a failed response ----------------------------------------------

    void failedBody_showsInTheRawTab_thenTheGoodOneAgain()
    {
        start(test::policyOf(400, 400));
        const QByteArray html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        m_api->server.setResponses(QStringLiteral("c_gw"), {respond(502, html, "text/html"),
                                                            respond(200, completedCall("c_gw"))});
        QVERIFY(m_window->loadCall(QStringLiteral("c_gw")));
        RawJsonView *raw = m_window->rawJsonView();
        QTRY_VERIFY_WITH_TIMEOUT(raw->isShowingFailedResponse(), 10'000);
        QVERIFY(!raw->isJson());
        QCOMPARE(raw->response(), html);
        // What a user sees on opening the tab: the note names the status.
        m_window->findChild<QAction *>(QStringLiteral("actionRawJson"))->trigger();
        QVERIFY(raw->isVisible());
        QVERIFY2(labelTexts(raw).contains(QStringLiteral("HTTP 502")), qPrintable(labelTexts(raw)));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Finished, 10'000);
        QVERIFY(!raw->isShowingFailedResponse());
        QVERIFY(raw->isJson());
        QCOMPARE(raw->response(), completedCall("c_gw"));
    }

    // --- Copy as curl -------------------------------------------------------------------

    void copyAsCurl_namesTheKeyVariable_neverTheKey()
    {
        start();
        loadAndWait(DemoCalls::batch());
        QGuiApplication::clipboard()->clear();
        QAction *copy = action("actionCopyAsCurl");
        QVERIFY(copy->isEnabled());
        copy->trigger();
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(text.contains(QStringLiteral("$BEM_API_KEY")), qPrintable(text));
        const QUrl url = ApiEndpoint::callUrl(m_api->server.baseUrl(), DemoCalls::batch());
        QVERIFY2(text.contains(url.toString(QUrl::FullyEncoded)), qPrintable(text));
        QVERIFY(!text.contains(QString::fromLatin1(Key)));
    }

    // --- Help and View --------------------------------------------------------------------

    void keyboardShortcuts_listsTheWindowsActions()
    {
        start();
        QList<QPair<QString, QString>> rows;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ShortcutsDialog *>(QApplication::activeModalWidget());
            if (dialog) {
                rows = dialog->rows();
                dialog->reject();
            }
        });
        action("actionShortcuts")->trigger();
        QVERIFY(!rows.isEmpty());
        QStringList names;
        for (const auto &row : rows)
            names << row.first;
        for (const char *name : {"Refresh Now", "Copy as curl", "Next Match", "Find\u2026"})
            QVERIFY2(names.contains(QString::fromUtf8(name)), qPrintable(names.join(u'|')));
    }

    void userGuide_opensTheReadmeAtUsingIt()
    {
        start();
        QString section;
        QString text;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<UserGuideDialog *>(QApplication::activeModalWidget());
            if (dialog) {
                section = dialog->openedSection();
                text = dialog->browser()->toPlainText();
                dialog->reject();
            }
        });
        action("actionUserGuide")->trigger();
        QCOMPARE(section, QStringLiteral("Using it"));
        QVERIFY(text.contains(QStringLiteral("bem-call-inspector [CALL_ID...]")));
    }

    void viewMenu_offersTheFilterMatchSteps()
    {
        start();
        QMenu *view = nullptr;
        for (QAction *menu : m_window->menuBar()->actions())
            if (menu->text() == QStringLiteral("&View"))
                view = menu->menu();
        QVERIFY(view);
        QStringList names;
        for (QAction *a : view->actions())
            names << a->objectName();
        QVERIFY2(names.contains(QStringLiteral("actionNextMatch")), qPrintable(names.join(u' ')));
        QVERIFY(names.contains(QStringLiteral("actionPreviousMatch")));
    }

    // --- banners belong to their causes ---------------------------------------------------

    void refusedLink_goesWhenALinkOpens()
    {
        start();
        loadAndWait(DemoCalls::batch());
        QVERIFY(!m_window->urlOpener()->open(QStringLiteral("javascript:alert(1)")));
        QVERIFY(!m_window->bannerText().isEmpty());
        const QString url = selectRowWithInput();
        QVERIFY(!url.isEmpty());
        m_window->detailsPane()->openButton()->click();
        QTRY_COMPARE(m_urls->opened().size(), 1);
        QCOMPARE(m_window->bannerText(), QString());
        QVERIFY(!m_window->banner()->isVisible());
    }

    void refusedId_goesWhenAGoodOneLoads()
    {
        start();
        typeAndEnter(QStringLiteral("https://example.com/about"));
        QVERIFY(!m_window->bannerText().isEmpty());
        typeAndEnter(DemoCalls::batch());
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Finished, 20'000);
        QCOMPARE(m_window->bannerText(), QString());
    }

    // Junk typed while the call asked for is still on its way: the refusal goes when the
    // call arrives.
    void refusedIdWhileLoading_goesWhenTheCallArrives()
    {
        start();
        m_api->server.setSlowDelayMs(800);
        QVERIFY(m_window->loadCall(DemoCalls::slow()));
        typeAndEnter(QStringLiteral("javascript:alert(1)"));
        QVERIFY(!m_window->bannerText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_session->snapshot() != nullptr, 20'000);
        QCOMPARE(m_window->bannerText(), QString());
    }

    // A link refusal is not about the request: a successful refresh leaves it, and the
    // request's own error goes without taking the link's with it.
    void requestSuccess_leavesALinkRefusal()
    {
        start();
        loadAndWait(DemoCalls::batch());
        QVERIFY(!m_window->urlOpener()->open(QStringLiteral("file:///etc/passwd")));
        const QString refusal = m_window->bannerText();
        QVERIFY(!refusal.isEmpty());
        m_session->refreshNow();
        QTRY_VERIFY(!m_session->status().requestInFlight);
        QCOMPARE(m_window->bannerText(), refusal);
        QVERIFY(m_window->banners()->holds(BannerCause::LinkProblem));
    }
};

QTEST_MAIN(TestWindowWiring)
#include "tst_windowwiring.moc"

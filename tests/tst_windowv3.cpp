// SPDX-License-Identifier: MIT
#include "callform.h"
#include "callpage.h"
#include "callsession.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "demoscenarios.h"
#include "eventlistmodel.h"
#include "jsontreemodel.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "outputspane.h"
#include "outputviewer.h"
#include "rawjsonview.h"
#include "windowfixture.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace bem;

namespace {
const QByteArray Key = "sk_test_window_v3_0123456789abcdef";
using Phase = PollerStatus::Phase;
} // namespace

// The window on bem's v3 API as a user meets it: the version that answered in the form,
// outputs and errors side by side, a jump from an error to its function call, the trace's
// own banner, the raw trace, and a v3 call saved as one bundle that opens again offline.
class TestWindowV3 : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    MainWindow *m_window = nullptr;
    CallSession *m_session = nullptr;
    CallPage *m_page = nullptr;

    void start(ApiVersionChoice version = ApiVersionChoice::Auto,
               const BackoffPolicy &policy = test::fastPolicy())
    {
        test::WindowFixture::Options options{m_api->server.baseUrl(), QString::fromLatin1(Key),
                                             &m_api->network};
        options.policy = policy;
        options.apiVersion = version;
        m_fixture = std::make_unique<test::WindowFixture>(options);
        m_window = m_fixture->window();
        m_session = m_fixture->session();
        m_page = m_window->findChild<CallPage *>();
        QVERIFY(m_page);
    }

    void loadAndWaitForTheEnd(const QString &id)
    {
        QVERIFY(m_window->loadCall(id));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Finished &&
                                     !m_session->status().requestInFlight,
                                 20'000);
    }

    bool tabVisible(QWidget *page) const
    {
        return m_page->tabs()->isTabVisible(m_page->tabs()->indexOf(page));
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_api->server.setFailuresBeforeRecovery(2);
    }
    void cleanup()
    {
        m_fixture.reset();
        m_api.reset();
    }

    void partlyFailedCall_showsOutputsAndErrorsSideBySide()
    {
        start();
        loadAndWaitForTheEnd(DemoCalls::partlyFailed());
        CallForm *form = m_page->form();
        QCOMPARE(form->fieldText(QStringLiteral("api")), QStringLiteral("v3"));
        QCOMPARE(form->fieldText(QStringLiteral("status")), QStringLiteral("Failed"));
        QVERIFY(tabVisible(m_page->outputs()));
        QVERIFY(tabVisible(m_page->rawTrace()));
        OutputsPane *pane = m_page->outputs();
        // Paging ends with the full lists: 3 outputs, 2 errors, both shown.
        QTRY_COMPARE_WITH_TIMEOUT(pane->outputsView()->model()->rowCount(), 3, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(pane->errorsView()->model()->rowCount(), 2, 10'000);
        QTRY_COMPARE(form->fieldText(QStringLiteral("results")),
                     QStringLiteral("3 outputs \u00b7 2 errors"));
        QVERIFY(!form->fieldText(QStringLiteral("error")).isEmpty());
        // The tree came from the trace, with event rows under the function calls.
        QTRY_VERIFY(m_session->model()->rowCount() > 0);
        QVERIFY(m_page->rawTrace()->hasResponse());
        QVERIFY(m_page->rawTrace()->response().contains("\"trace\""));

        // An error leads to its function call in the tree.
        QTableView *errors = pane->errorsView();
        const QModelIndex first = errors->model()->index(0, 0);
        const QString functionCallId = first.data(EventListModel::FunctionCallIdRole).toString();
        QVERIFY(!functionCallId.isEmpty());
        m_page->tabs()->setCurrentWidget(pane);
        errors->setCurrentIndex(first);
        errors->setFocus();
        QTest::keyClick(errors, Qt::Key_Return);
        QTRY_COMPARE(m_page->tabs()->currentWidget(), m_page->treePanel()->parentWidget());
        const QModelIndex current = m_page->treePanel()->currentSourceIndex();
        QCOMPARE(current.data(CallTreeModel::FunctionCallIdRole).toString(), functionCallId);
    }

    // The output viewer's copy shortcuts work inside the window, beside the window's own
    // (Ctrl+Shift+C copies the call ID): none of them is ambiguous.
    void outputViewerShortcuts_workInTheWindow()
    {
        start();
        loadAndWaitForTheEnd(DemoCalls::partlyFailed());
        OutputsPane *pane = m_page->outputs();
        QTRY_COMPARE_WITH_TIMEOUT(pane->outputsView()->model()->rowCount(), 3, 10'000);
        auto *outputsAction = m_window->findChild<QAction *>(QStringLiteral("actionOutputs"));
        QVERIFY(outputsAction && outputsAction->isEnabled());
        outputsAction->trigger();
        QCOMPARE(m_page->tabs()->currentWidget(), pane);
        pane->outputsView()->setCurrentIndex(pane->outputsView()->model()->index(0, 0));
        QTreeView *tree = pane->viewer()->treeView();
        QTRY_VERIFY(tree->model()->rowCount() > 0);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->activateWindow();
        tree->setFocus();
        QTRY_VERIFY(tree->hasFocus());
        const QModelIndex first = tree->model()->index(0, 0);
        tree->setCurrentIndex(first);
        const QString pointer = first.data(JsonTreeModel::PointerRole).toString();
        QVERIFY(pointer.startsWith(u'/'));

        QGuiApplication::clipboard()->clear();
        QTest::keyClick(tree, Qt::Key_P, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), pointer);
        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 first.siblingAtColumn(1).data(JsonTreeModel::FullValueRole).toString());
        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(QGuiApplication::clipboard()->text().startsWith(u'{'));
        // The window's Ctrl+Shift+C copies the call ID, from the viewer too.
        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), DemoCalls::partlyFailed());
    }

    void functionTypeCall_fallsBackToV2_andSaysSo()
    {
        start();
        loadAndWaitForTheEnd(DemoCalls::singleFunction());
        QCOMPARE(m_page->form()->fieldText(QStringLiteral("api")),
                 QStringLiteral("v2 (deprecated)"));
        QVERIFY(!tabVisible(m_page->outputs()));
        QVERIFY(!tabVisible(m_page->rawTrace()));
        QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("actionOutputs"))->isEnabled());
        QCOMPARE(
            m_api->server.requestsFor(DemoCalls::singleFunction(), ServerEndpoint::V3Call).size(),
            1);
        QCOMPARE(m_session->callUrl().path(),
                 QStringLiteral("/v2/calls/") + DemoCalls::singleFunction());

        // Then a v3 call in the same window: the v3 tabs come back.
        loadAndWaitForTheEnd(DemoCalls::partlyFailed());
        QCOMPARE(m_page->form()->fieldText(QStringLiteral("api")), QStringLiteral("v3"));
        QVERIFY(tabVisible(m_page->outputs()));
    }

    void traceThatFails_hasItsOwnBanner_andTheCallStays()
    {
        start(ApiVersionChoice::Auto, test::policyOf(300, 600));
        QVERIFY(m_window->loadCall(DemoCalls::traceFlaky()));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->bannerText().contains(QStringLiteral("trace could not be loaded")), 20'000);
        // The call itself is shown meanwhile.
        QCOMPARE(m_page->form()->fieldText(QStringLiteral("callID")), DemoCalls::traceFlaky());
        // The trace is retried on its own and the banner goes.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->bannerText().isEmpty(), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->model()->rowCount() > 0, 20'000);
        QVERIFY(m_page->rawTrace()->hasResponse());
    }

    void savedV3Call_opensAgainOffline_withItsOutputsAndErrors()
    {
        start();
        loadAndWaitForTheEnd(DemoCalls::manyOutputs());
        OutputsPane *pane = m_page->outputs();
        // 130 outputs: more than the call's own array carries.
        QTRY_COMPARE_WITH_TIMEOUT(pane->outputsView()->model()->rowCount(), 130, 20'000);
        // The trace is read once more after the call ends (its own request): saved before
        // it is in, the file would hold no trace, and the checks below would prove nothing.
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rawTrace()->hasResponse(), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->model()->rowCount() > 0, 20'000);
        const int treeRows = m_session->model()->rowCount();

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved.json"));
        QVERIFY(m_page->rawJson()->hasSaveContent());
        QVERIFY(m_page->rawJson()->saveTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"bemCallInspectorBundle\""));

        // Another window opens it, offline, with everything.
        m_fixture.reset();
        start();
        const qsizetype requestsBefore = m_api->server.requests().size();
        QVERIFY(m_window->openFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoadingFile() && m_window->isShowingCall(), 20'000);
        QVERIFY(m_session->isOffline());
        QCOMPARE(m_page->form()->fieldText(QStringLiteral("api")), QStringLiteral("v3"));
        QTRY_COMPARE(m_page->outputs()->outputsView()->model()->rowCount(), 130);
        QCOMPARE(m_session->model()->rowCount(), treeRows);
        QVERIFY(m_page->rawTrace()->hasResponse());
        // Nothing was asked of the server for the file.
        QTest::qWait(200);
        QCOMPARE(m_api->server.requests().size(), requestsBefore);
    }
};

QTEST_MAIN(TestWindowV3)
#include "tst_windowv3.moc"

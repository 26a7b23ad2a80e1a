// SPDX-License-Identifier: MIT
#include "apikeystore.h"
#include "backgroundpool.h"
#include "bemclient.h"
#include "callfilterproxymodel.h"
#include "callform.h"
#include "callsession.h"
#include "calltreedelegate.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "demoscenarios.h"
#include "detailspane.h"
#include "emptystate.h"
#include "keychainsandbox.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "rawjsonview.h"
#include "recentcalls.h"
#include "testutil.h"
#include "urlopener.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QCompleter>
#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeView>
#include <QTreeWidget>

using namespace bem;

namespace {
const QByteArray Key = "sk_test_window_abcdef123456";
using Phase = PollerStatus::Phase;

CannedResponse respond(int status, const QByteArray &body)
{
    CannedResponse r;
    r.status = status;
    r.body = body;
    return r;
}

// Every QLabel that shows text must not interpret it: server strings are never markup.
QString labelsThatRenderMarkup(const QWidget *root)
{
    QStringList bad;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->text().isEmpty() || label->textFormat() == Qt::PlainText)
            continue;
        if (label->text().contains(u'<') || label->text().contains(u'&'))
            bad << label->objectName() + QStringLiteral(": ") + label->text().left(80);
    }
    return bad.join(u'\n');
}

} // namespace

// The window wired to a real poller, client and local bem API on 127.0.0.1 (offscreen):
// IDs typed and pasted in many shapes, a live call driven to completed with the user's
// expansion and selection kept through every refresh, the filter, failed-row navigation,
// opening links under the URL policy, hostile strings, and errors over stale data.
class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    MainWindow *m_window = nullptr;
    CallSession *m_session = nullptr;
    std::unique_ptr<test::CaughtUrls> m_urls;
    std::unique_ptr<test::KeychainSandbox> m_sandbox;

    QAction *action(const char *name) const
    {
        auto *a = m_window->findChild<QAction *>(QString::fromLatin1(name));
        if (!a)
            qFatal("no action %s", name);
        return a;
    }

    QTreeView *tree() const { return m_window->treePanel()->view(); }

    QModelIndex proxyIndexOf(const QString &functionCallId) const
    {
        return m_window->treePanel()->proxy()->mapFromSource(
            m_window->model()->indexForFunctionCallId(functionCallId));
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

private slots:
    void initTestCase()
    {
        // The key tests' keychain entries and files stay in a home of the test's own.
        m_sandbox = std::make_unique<test::KeychainSandbox>(QStringLiteral("window"));
        m_urls = std::make_unique<test::CaughtUrls>();
    }
    void cleanupTestCase()
    {
        m_urls.reset();
        m_sandbox.reset();
    }

    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        m_fixture = std::make_unique<test::WindowFixture>(test::WindowFixture::Options{
            m_api->server.baseUrl(), QString::fromLatin1(Key), &m_api->network});
        m_window = m_fixture->window();
        m_session = m_fixture->session();
        m_urls->opened().clear();
    }
    void cleanup()
    {
        m_window = nullptr;
        m_session = nullptr;
        m_fixture.reset();
        m_api.reset();
    }

    void startsEmpty_withTheFieldFocused()
    {
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QVERIFY(!m_window->isShowingCall());
        QVERIFY(m_window->emptyState()->isVisible());
        QCOMPARE(QApplication::focusWidget(), m_window->callIdField());
        // No demo starter given: no demo offered.
        QVERIFY(m_window->emptyState()->demoButton()->isHidden());
        bool started = false;
        m_window->setDemoStarter([&] { started = true; });
        QVERIFY(!m_window->emptyState()->demoButton()->isHidden());
        m_window->emptyState()->demoButton()->click();
        QVERIFY(started);
    }

    // A server that accepts the request and never answers: Esc cancels it and pauses, no
    // result ever arrives, and the status bar says who stopped it.
    void escape_stopsAHangingRequest()
    {
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_api->server.setSlowDelayMs(60'000);
        QAction *stop = action("actionStop");
        QVERIFY(!stop->isVisible());
        QVERIFY(m_window->loadCall(DemoCalls::slow()));
        QTRY_COMPARE(m_api->server.requestsFor(DemoCalls::slow()).size(), 1);
        QVERIFY(m_session->status().requestInFlight);
        QVERIFY(stop->isVisible());
        QVERIFY(stop->isEnabled());
        QSignalSpy shown(m_session, &CallSession::shown);
        QSignalSpy problems(m_session, &CallSession::problem);
        QTest::keyClick(m_window->callIdField(), Qt::Key_Escape);
        QCOMPARE(m_session->status().phase, Phase::Paused);
        QVERIFY(!m_session->status().requestInFlight);
        QCOMPARE(m_window->liveStatusText(),
                 QStringLiteral("Stopped by you \u00b7 press F5 to refresh"));
        QVERIFY(!stop->isVisible());
        QVERIFY(action("actionRefresh")->isEnabled());
        QVERIFY(action("actionPause")->isChecked());
        // Nothing arrived, so the empty page says what happened and how to go on.
        QVERIFY2(m_window->bannerText().startsWith(
                     QStringLiteral("You stopped loading %1").arg(DemoCalls::slow())),
                 qPrintable(m_window->bannerText()));
        QCOMPARE(m_window->banner()->actionText(), QStringLiteral("Retry"));
        QTest::qWait(600);
        QCOMPARE(shown.size(), 0);
        QCOMPARE(problems.size(), 0);
        QCOMPARE(m_api->server.requestsFor(DemoCalls::slow()).size(), 1);
        QCOMPARE(m_session->status().phase, Phase::Paused);
        // Retry asks again; once the call arrives the note is gone.
        m_api->server.setSlowDelayMs(0);
        m_window->banner()->triggerAction();
        QTRY_COMPARE(shown.size(), 1);
        QTRY_VERIFY(m_window->bannerText().isEmpty());
    }

    void firstStartWithoutKey_offersToEnterOne()
    {
        qunsetenv("BEM_API_KEY");
        ApiKeyStore keys;
        keys.setServiceName(m_sandbox->serviceName() + QStringLiteral("-window-empty"));
        m_window = m_fixture->rebuildWindow(&keys);
        m_window->show();
        keys.load();
        QTRY_VERIFY(keys.isLoaded());
        EmptyState *empty = m_window->emptyState();
        QVERIFY(empty->enterKeyButton()->isVisible());
        QCOMPARE(empty->enterKeyButton()->text(), QStringLiteral("Enter API key\u2026"));
        const auto *state = empty->findChild<QLabel *>(QStringLiteral("keyState"));
        QVERIFY2(state->text().startsWith(QStringLiteral("No API key is set.")),
                 qPrintable(state->text()));
    }

    // Pasting is forgiving: whitespace and quotes go, an ID comes out of a link or JSON.
    void pastedIds_areCleanedUp_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::newRow("padded") << QStringLiteral("  wf_demo_batch \n");
        QTest::newRow("quoted") << QStringLiteral("\"wf_demo_batch\"");
        QTest::newRow("smart quotes") << QStringLiteral("\u201cwf_demo_batch\u201d");
        QTest::newRow("dashboard link") << QStringLiteral("https://app.bem.ai/calls/wf_demo_batch");
        QTest::newRow("api link") << QStringLiteral(
            "https://api.bem.ai/v2/calls/wf_demo_batch?x=1");
        QTest::newRow("json") << QStringLiteral("{\"callID\": \"wf_demo_batch\", \"status\": 1}");
    }
    void pastedIds_areCleanedUp()
    {
        QFETCH(QString, pasted);
        typeAndEnter(pasted);
        QCOMPARE(m_session->callId(), DemoCalls::batch());
        QCOMPARE(m_window->callIdField()->text(), DemoCalls::batch());
        QTRY_VERIFY(m_session->status().phase == Phase::Finished);
        QCOMPARE(m_api->server.requests().first().callId, DemoCalls::batch());
    }

    void junk_isRefusedWithAReason_andNothingIsSent()
    {
        typeAndEnter(QStringLiteral("https://example.com/about"));
        QCOMPARE(m_window->bannerText(), QStringLiteral("No call ID found in that URL."));
        typeAndEnter(QStringLiteral("javascript:alert(1)"));
        QVERIFY(m_window->bannerText().contains(QStringLiteral("not a call ID")));
        QVERIFY(!m_window->isShowingCall());
        QTest::qWait(100);
        QCOMPARE(m_api->server.requests().size(), 0);
    }

    void loadedCall_fillsTheFormAndTheTree()
    {
        loadAndWait(DemoCalls::batch());
        QVERIFY(m_window->isShowingCall());
        CallForm *form = m_window->callForm();
        const Call &call = m_session->snapshot()->call;
        QCOMPARE(form->fieldText(QStringLiteral("callID")), DemoCalls::batch());
        QCOMPARE(form->fieldText(QStringLiteral("status")), QStringLiteral("Completed"));
        QCOMPARE(form->fieldText(QStringLiteral("workflowName")), call.workflowName);
        QVERIFY(form->fieldText(QStringLiteral("input")).endsWith(QStringLiteral(" files")));
        QCOMPARE(m_window->model()->functionCallCount(), call.functionCalls.size());
        QVERIFY(m_window->model()->rowCount() > 0);
        QCOMPARE(m_window->treePanel()->proxy()->rowCount(), m_window->model()->rowCount());
        QVERIFY2(m_window->treePanel()->summaryText().startsWith(
                     QStringLiteral("%1 function calls").arg(call.functionCalls.size())),
                 qPrintable(m_window->treePanel()->summaryText()));
        QVERIFY(m_window->windowTitle().startsWith(DemoCalls::batch()));
        // The raw response is the exact body, pretty-printed.
        QCOMPARE(m_window->rawJsonView()->response(), m_session->snapshot()->body);
        // Remembered with its name and final status, offered in File ▸ Recent and as a
        // completion in the field.
        const QList<RecentCall> recents = m_window->recentCalls()->entries();
        QCOMPARE(recents.size(), 1);
        QCOMPARE(recents.first().callId, DemoCalls::batch());
        QCOMPARE(recents.first().status, QStringLiteral("completed"));
        QCOMPARE(recents.first().workflowName, call.workflowName);
        auto *recentMenu = m_window->findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recentMenu->actions().first()->text().startsWith(DemoCalls::batch()));
        QAbstractItemModel *completions = m_window->callIdField()->completer()->model();
        QCOMPARE(completions->index(0, 0).data(Qt::UserRole).toString(), DemoCalls::batch());
    }

    // A live call runs from pending to completed. The rows the user expanded and the row
    // they selected stay so through every refresh; nothing resets after the first load.
    void liveCall_keepsExpansionAndSelection_throughEveryRefresh()
    {
        CallTreeModel *model = m_window->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(m_window->treePanel()->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
        // Slow enough to act between refreshes.
        BackoffPolicy steady;
        steady.initialMs = 150;
        steady.maxMs = 150;
        steady.jitter = 0;
        m_session->setPolicy(steady);
        QVERIFY(m_window->loadCall(DemoCalls::progressing()));
        // Wait for a function call with children to exist: the split step.
        QString chosen;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < model->rowCount(); ++row) {
                    const QModelIndex root = model->index(row, 0);
                    for (int c = 0; c < model->rowCount(root); ++c) {
                        const QModelIndex child = model->index(c, 0, root);
                        if (model->kind(child) == CallTreeModel::NodeKind::FunctionCall) {
                            chosen = child.data(CallTreeModel::FunctionCallIdRole).toString();
                            return true;
                        }
                    }
                }
                return false;
            }(),
            10'000);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        const QModelIndex chosenIndex = proxyIndexOf(chosen);
        tree()->expand(chosenIndex);
        QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {},
                          tree()->visualRect(chosenIndex).center());
        QCOMPARE(m_window->treePanel()
                     ->currentSourceIndex()
                     .data(CallTreeModel::FunctionCallIdRole)
                     .toString(),
                 chosen);
        QCOMPARE(m_window->detailsPane()->fieldText(QStringLiteral("functionCallID")), chosen);

        int refreshes = 0;
        connect(m_session, &CallSession::shown, this, [&] {
            ++refreshes;
            const QModelIndex now = proxyIndexOf(chosen);
            QVERIFY(now.isValid());
            QVERIFY(tree()->isExpanded(now));
            QCOMPARE(tree()->currentIndex().siblingAtColumn(0), now);
            QCOMPARE(m_window->detailsPane()->fieldText(QStringLiteral("functionCallID")), chosen);
        });
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Finished, 30'000);
        QVERIFY2(refreshes >= 3, qPrintable(QString::number(refreshes)));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("status")),
                 QStringLiteral("Completed"));
        QVERIFY2(m_window->liveStatusText().startsWith(QStringLiteral("Stopped: completed ")),
                 qPrintable(m_window->liveStatusText()));
        QCOMPARE(m_window->bannerText(), QString());
    }

    // Rows whose status changed glow briefly after a refresh.
    void changedRows_areHighlighted()
    {
        QVERIFY(m_window->loadCall(DemoCalls::progressing()));
        QSignalSpy changed(m_window->model(), &CallTreeModel::statusesChanged);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() > 0, 10'000);
        QTRY_VERIFY(m_window->treePanel()->delegate()->flashingCount() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->status().phase, Phase::Finished, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->treePanel()->delegate()->flashingCount(), 0,
                                  CallTreeDelegate::FlashMs * 3);
    }

    void filter_keepsAncestorsOfMatches_andRestoresTheTreeAfter()
    {
        loadAndWait(DemoCalls::progressing());
        CallTreePanel *panel = m_window->treePanel();
        CallFilterProxyModel *proxy = panel->proxy();
        const int allTopLevel = proxy->rowCount();
        // Find a leaf function call name to filter for.
        const Call &call = m_session->snapshot()->call;
        QString leafName;
        QString leafId;
        for (const FunctionCall &fc : call.functionCalls) {
            if (fc.type == QStringLiteral("enrich")) {
                leafName = fc.functionName;
                leafId = fc.functionCallId;
            }
        }
        QVERIFY(!leafName.isEmpty());
        panel->collapseAll();
        // Ctrl+F goes to the filter box.
        action("actionFind")->trigger();
        QCOMPARE(QApplication::focusWidget(), panel->filterField());
        panel->setFilterText(leafName.toUpper());
        const QModelIndex match = proxyIndexOf(leafId);
        QVERIFY(match.isValid());
        QVERIFY(match.parent().isValid()); // its ancestors stay, so it is where it belongs
        for (QModelIndex p = match.parent(); p.isValid(); p = p.parent())
            QVERIFY(tree()->isExpanded(p));
        QVERIFY(panel->summaryText().contains(QStringLiteral("filtered")));
        // A row that does not match and has no matching descendant is gone.
        int shown = 0;
        for (const FunctionCall &fc : call.functionCalls)
            shown += proxyIndexOf(fc.functionCallId).isValid() ? 1 : 0;
        QVERIFY(shown < call.functionCalls.size());
        panel->setFilterText(QString());
        QCOMPARE(proxy->rowCount(), allTopLevel);
        // Back to the shape the user left: everything collapsed.
        QVERIFY(!tree()->isExpanded(proxy->index(0, 0)));
    }

    void nextFailed_jumpsBetweenFailedRows_expandingAsNeeded()
    {
        loadAndWait(DemoCalls::failed());
        int failedCount = 0;
        for (const FunctionCall &fc : m_session->snapshot()->call.functionCalls)
            failedCount += fc.status.state() == CallState::Failed ? 1 : 0;
        QVERIFY(failedCount >= 1);
        m_window->treePanel()->collapseAll();
        QAction *next = action("actionNextFailed");
        QAction *previous = action("actionPreviousFailed");
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F8));
        QCOMPARE(previous->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F8));
        next->trigger();
        const QPersistentModelIndex first = tree()->currentIndex();
        QVERIFY(first.isValid());
        QCOMPARE(first.data(CallTreeModel::StatusRole).value<CallState>(), CallState::Failed);
        for (QModelIndex p = first.parent(); p.isValid(); p = p.parent())
            QVERIFY(tree()->isExpanded(p));
        // Its top-level row, collapsed until now, counted the failure below it.
        QModelIndex top = first;
        while (top.parent().isValid())
            top = top.parent();
        if (top != first)
            QVERIFY(top.data(CallTreeModel::FailedDescendantsRole).toInt() > 0);
        next->trigger();
        const QModelIndex second = tree()->currentIndex();
        QCOMPARE(second.data(CallTreeModel::StatusRole).value<CallState>(), CallState::Failed);
        if (failedCount > 1)
            QVERIFY(second != first);
        previous->trigger();
        QCOMPARE(tree()->currentIndex(), QModelIndex(first));
    }

    void nextFailed_withNoFailure_saysSo()
    {
        loadAndWait(DemoCalls::batch());
        action("actionNextFailed")->trigger();
        QVERIFY(!tree()->currentIndex().isValid());
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("No failed function calls."));
    }

    // An input's https link opens in the browser; the policy decides everything else.
    void inputLinks_openUnderThePolicy()
    {
        loadAndWait(DemoCalls::batch());
        const Call &call = m_session->snapshot()->call;
        QString withInput;
        QString url;
        for (const FunctionCall &fc : call.functionCalls) {
            if (!fc.s3URL.isEmpty() || !fc.inputs.isEmpty()) {
                withInput = fc.functionCallId;
                url = !fc.s3URL.isEmpty() ? fc.s3URL : fc.inputs.first().s3URL;
                break;
            }
        }
        QVERIFY(!withInput.isEmpty());
        QVERIFY(m_window->treePanel()->selectFunctionCall(withInput));
        DetailsPane *details = m_window->detailsPane();
        QTreeWidget *inputs = details->inputList();
        QVERIFY(inputs->topLevelItemCount() > 0);
        // The first row with this URL, double-clicked.
        QTreeWidgetItem *row = nullptr;
        for (int i = 0; i < inputs->topLevelItemCount() && !row; ++i)
            if (inputs->topLevelItem(i)->data(0, Qt::UserRole).toString() == url)
                row = inputs->topLevelItem(i);
        QVERIFY(row);
        inputs->setCurrentItem(row);
        const QRect rect = inputs->visualItemRect(row);
        // A double-click is a click and then a second press: both go to the row.
        QTest::mouseClick(inputs->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(inputs->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY2(m_window->bannerText().isEmpty(), qPrintable(m_window->bannerText()));
        QTRY_COMPARE(m_urls->opened().size(), 1);
        QCOMPARE(m_urls->opened().first(), QUrl(url, QUrl::StrictMode));
        details->openButton()->click();
        QCOMPARE(m_urls->opened().size(), 2);
        QCOMPARE(m_window->bannerText(), QString());
    }

    void dangerousLinks_areRefused()
    {
        for (const QString &bad :
             {QStringLiteral("javascript:alert(1)"), QStringLiteral("file:///etc/passwd"),
              QStringLiteral("data:text/html,<script>alert(1)</script>")}) {
            QVERIFY(!m_window->urlOpener()->open(bad));
            QVERIFY2(m_window->bannerText().contains(QStringLiteral("not opened")),
                     qPrintable(m_window->bannerText()));
        }
        QCOMPARE(m_urls->opened().size(), 0);
    }

    void plainHttp_asksFirst()
    {
        QStringList asked;
        bool answer = false;
        m_window->urlOpener()->setConfirm([&](const QString &q) {
            asked << q;
            return answer;
        });
        QVERIFY(!m_window->urlOpener()->open(QStringLiteral("http://plain.example/doc.pdf")));
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("plain.example")));
        QCOMPARE(m_urls->opened().size(), 0);
        answer = true;
        QVERIFY(m_window->urlOpener()->open(QStringLiteral("http://plain.example/doc.pdf")));
        QCOMPARE(m_urls->opened().size(), 1);
    }

    // An expired presigned link is not opened: the banner says so and offers a refresh
    // for a fresh link.
    void expiredLink_offersARefresh()
    {
        const QByteArray body =
            "{\"call\":{\"callID\":\"c_exp\",\"status\":\"completed\","
            "\"input\":{\"singleFile\":{\"inputType\":\"pdf\",\"s3URL\":"
            "\"https://b.s3.amazonaws.com/k.pdf?X-Amz-Date=20200101T000000Z&X-Amz-Expires=60\"}}}}";
        m_api->server.setResponses(QStringLiteral("c_exp"), {respond(200, body)});
        loadAndWait(QStringLiteral("c_exp"));
        QVERIFY(!m_window->urlOpener()->open(m_session->snapshot()->call.input.singleFile->s3URL));
        QCOMPARE(m_urls->opened().size(), 0);
        QVERIFY2(m_window->bannerText().contains(QStringLiteral("expired")),
                 qPrintable(m_window->bannerText()));
        QCOMPARE(m_window->banner()->actionText(), QStringLiteral("Refresh call"));
        const qsizetype before = m_api->server.requests().size();
        m_window->banner()->triggerAction();
        QTRY_COMPARE(m_api->server.requests().size(), before + 1);
        QCOMPARE(m_window->bannerText(), QString());
    }

    // Server strings (HTML, a 100,000-character name, RTL overrides, NUL) appear literally:
    // nothing is interpreted as markup anywhere in the window.
    void hostileStrings_appearLiterally()
    {
        const QByteArray hostile = test::readTestData(QStringLiteral("hostile.json"));
        m_api->server.setResponses(QStringLiteral("wf_hostile"), {respond(200, hostile)});
        loadAndWait(QStringLiteral("wf_hostile"), Phase::Waiting);
        const QString html = QStringLiteral(
            "<b>bold</b><img src='file:///etc/passwd'><a href='https://evil.example/'>click</a>");
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("workflowName")), html);
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("functionName")).size(), 100000);
        QVERIFY(m_window->callForm()
                    ->fieldText(QStringLiteral("callReferenceID"))
                    .contains(QChar(0x202E)));
        const QModelIndex fc = m_window->model()->indexForFunctionCallId(QStringLiteral("fc_html"));
        QCOMPARE(fc.data(CallTreeModel::FullTextRole).toString(), html);
        QVERIFY(!fc.data(Qt::ToolTipRole).toString().contains(QStringLiteral("<img")));
        // A bidi override in a name is shown as a marker; it cannot reverse the row's text.
        const QModelIndex rtl = m_window->model()->indexForFunctionCallId(QStringLiteral("fc_rtl"));
        QCOMPARE(rtl.data().toString(), QStringLiteral("invoice<U+202E>FDP.exe"));
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_html")));
        QCOMPARE(m_window->detailsPane()->fieldText(QStringLiteral("name")), html);
        QVERIFY(
            m_window->detailsPane()->fieldText(QStringLiteral("referenceID")).contains(QChar(0)));
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_long")));
        QCOMPARE(m_window->detailsPane()->fieldText(QStringLiteral("name")).size(), 100000);
        const QString bad = labelsThatRenderMarkup(m_window);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        // The call's own input is a javascript: link: refused, never handed over.
        QVERIFY(!m_window->urlOpener()->open(m_session->snapshot()->call.input.singleFile->s3URL));
        QCOMPARE(m_urls->opened().size(), 0);
        // Render it all once: painting a 100,000-character row must not hang.
        QVERIFY(!m_window->grab().isNull());
    }

    void transientFailure_keepsTheDataAndSaysWhy_withARetry()
    {
        const QString id = QStringLiteral("c_window");
        const QByteArray running =
            "{\"call\":{\"callID\":\"c_window\",\"status\":\"running\",\"functionCalls\":["
            "{\"functionCallID\":\"fc_a\",\"status\":\"running\",\"functionName\":\"extract\"},"
            "{\"functionCallID\":\"fc_b\",\"status\":\"pending\",\"sourceFunctionCallID\":\"fc_a\"}"
            "]}}";
        m_api->server.setResponses(
            id, {respond(200, running),
                 respond(500, "{\"message\":\"<b>database</b> <img src='file:///etc/passwd'>\","
                              "\"code\":500,\"details\":{}}")});
        QVERIFY(m_window->loadCall(id));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Retrying &&
                                     !m_session->status().requestInFlight,
                                 10'000);
        QCOMPARE(m_window->model()->functionCallCount(), 2);
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("callID")), id);
        const QString banner = m_window->bannerText();
        QVERIFY2(banner.startsWith(QStringLiteral(
                     "Could not refresh: The bem server could not answer (HTTP 500")),
                 qPrintable(banner));
        QVERIFY(banner.contains(QStringLiteral("<b>database</b> <img src='file:///etc/passwd'>")));
        QVERIFY(banner.contains(QStringLiteral("may be out of date")));
        QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Error);
        QCOMPARE(m_window->banner()->actionText(), QStringLiteral("Retry"));
        QVERIFY(m_window->liveStatusText().startsWith(QStringLiteral("Retrying")));
        const QString bad = labelsThatRenderMarkup(m_window);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        const auto *bannerText = m_window->findChild<QLabel *>(QStringLiteral("bannerText"));
        QVERIFY(bannerText->toolTip().contains(QStringLiteral("HTTP 500")));
        QVERIFY(bannerText->toolTip().contains(QStringLiteral("&lt;img src=")));
        QVERIFY(!bannerText->toolTip().contains(QStringLiteral("<img")));
        // Retry asks at once.
        const qsizetype before = m_api->server.requests().size();
        m_window->banner()->triggerAction();
        QTRY_VERIFY(m_api->server.requests().size() > before);
    }

    void notFound_stopsAndExplains()
    {
        loadAndWait(QStringLiteral("wf_typo"), Phase::Stopped);
        QVERIFY2(m_window->bannerText().startsWith(
                     QStringLiteral("Could not load wf_typo: No call with this ID")),
                 qPrintable(m_window->bannerText()));
        QCOMPARE(m_window->liveStatusText(), QStringLiteral("Stopped refreshing"));
        QCOMPARE(m_window->callForm()->fieldText(QStringLiteral("callID")),
                 QStringLiteral("\u2014"));
        QTest::qWait(200);
        QCOMPARE(m_api->server.requests().size(), 1);
    }

    // A new ID never shows the previous call's data under it, even when it fails.
    void anotherCall_replacesTheOldOne()
    {
        loadAndWait(DemoCalls::batch());
        QVERIFY(m_window->model()->functionCallCount() > 0);
        QVERIFY(m_window->loadCall(QStringLiteral("wf_other")));
        QCOMPARE(m_window->model()->functionCallCount(), 0);
        QVERIFY(m_window->rawJsonView()->response().isEmpty());
        QTRY_VERIFY(m_session->status().phase == Phase::Stopped);
        QCOMPARE(m_window->model()->callId(), QString());
    }

    void pauseAction_pausesAndResumes()
    {
        m_api->server.setResponses(
            QStringLiteral("c_pause"),
            {respond(200, "{\"call\":{\"callID\":\"c_pause\",\"status\":\"running\"}}")});
        QVERIFY(m_window->loadCall(QStringLiteral("c_pause")));
        QTRY_VERIFY(m_session->status().phase == Phase::Waiting);
        QAction *pause = action("actionPause");
        QVERIFY(pause->isEnabled());
        pause->trigger();
        QTRY_COMPARE(m_session->status().phase, Phase::Paused);
        m_window->updateLiveStatus();
        QVERIFY2(m_window->liveStatusText().startsWith(QStringLiteral("Paused")),
                 qPrintable(m_window->liveStatusText()));
        pause->trigger();
        QTRY_VERIFY(m_session->status().phase == Phase::Waiting);
        QVERIFY(!pause->isChecked());
        QCOMPARE(action("actionRefresh")->shortcut(), QKeySequence(QKeySequence::Refresh));
    }

    // An ID entered while the keychain is still being read waits for the key instead of
    // failing with "no API key".
    void callEnteredBeforeTheKeyIsKnown_waitsForIt()
    {
        qunsetenv("BEM_API_KEY");
        ApiKeyStore keys;
        keys.setServiceName(m_sandbox->serviceName() + QStringLiteral("-window"));
        m_window = m_fixture->rebuildWindow(&keys);
        m_session->setApiKey(QString());
        // The store will find this key; the call must wait for it.
        qputenv("BEM_API_KEY", Key);
        QVERIFY(m_window->loadCall(DemoCalls::batch()));
        QCOMPARE(m_window->liveStatusText(),
                 QStringLiteral("Waiting for the system keychain\u2026"));
        QCOMPARE(m_api->server.requests().size(), 0);
        keys.load();
        qunsetenv("BEM_API_KEY");
        QTRY_VERIFY(m_session->status().phase == Phase::Finished);
        QCOMPARE(m_api->server.requests().size(), 1);
        QCOMPARE(m_api->server.requests().first().apiKey, Key);
        QVERIFY(m_window->isShowingCall());
    }

    // A call that stopped for want of a key is asked again as soon as a key is saved.
    void savingAKey_retriesTheCallThatNeededIt()
    {
        qunsetenv("BEM_API_KEY");
        ApiKeyStore keys;
        keys.setServiceName(m_sandbox->serviceName() + QStringLiteral("-window-save"));
        m_session->setApiKey(QString());
        m_window = m_fixture->rebuildWindow(&keys);
        keys.load();
        QTRY_VERIFY(keys.isLoaded());
        loadAndWait(DemoCalls::batch(), Phase::Stopped);
        QVERIFY2(m_window->bannerText().contains(QStringLiteral("No API key is set")),
                 qPrintable(m_window->bannerText()));
        QCOMPARE(m_api->server.requests().size(), 0);
        keys.save(QString::fromLatin1(Key));
        QTRY_VERIFY(m_session->status().phase == Phase::Finished);
        QCOMPARE(m_api->server.requests().size(), 1);
        QCOMPARE(m_api->server.requests().first().apiKey, Key);
        QCOMPARE(m_window->bannerText(), QString());
        keys.forget();
    }

    void savedFile_isShownAndNotRefreshed()
    {
        // Parsed off the GUI thread: the call appears when it is ready.
        QVERIFY(m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-2.json")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoadingFile(), 20'000);
        QCOMPARE(m_session->status().phase, Phase::Idle);
        QVERIFY(m_window->isShowingCall());
        QVERIFY(m_window->liveStatusText().contains(QStringLiteral("not refreshed")));
        QCOMPARE(m_window->rawJsonView()->response(),
                 test::readTestData(QStringLiteral("progress-2.json")));
        QVERIFY(!action("actionPause")->isEnabled());
        QTest::qWait(100);
        QCOMPARE(m_api->server.requests().size(), 0);
        // A file that is not a call leaves what is on screen and says why.
        const QString callId = m_window->model()->callId();
        const QString liveStatus = m_window->liveStatusText();
        QVERIFY(m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/invalid-json.json")));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->bannerText().startsWith(QStringLiteral("Could not load")), 20'000);
        QVERIFY(!m_window->isLoadingFile());
        QCOMPARE(m_window->model()->callId(), callId);
        QCOMPARE(m_window->liveStatusText(), liveStatus);
        // A file that cannot be read says so at once.
        QVERIFY(!m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/no-such-file.json")));
        QVERIFY(m_window->bannerText().startsWith(QStringLiteral("Could not open")));
    }

    void fileStillParsing_isDroppedWhenAnotherCallIsLoaded()
    {
        // The user opens a file and, before it is parsed, asks for a live call: the file's
        // result must not replace the call they asked for last.
        QVERIFY(m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-2.json")));
        QVERIFY(m_window->isLoadingFile());
        loadAndWait(DemoCalls::batch());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoadingFile(), 20'000);
        bem::backgroundPool()->waitForDone();
        QTest::qWait(100);
        QCOMPARE(m_window->model()->callId(), DemoCalls::batch());
        QVERIFY(!m_window->liveStatusText().contains(QStringLiteral("not refreshed")));
        QVERIFY(m_session->status().phase != Phase::Idle);
        // And of two files opened in a row, the second one is shown.
        QVERIFY(m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-2.json")));
        QVERIFY(m_window->openFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-3.json")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoadingFile(), 20'000);
        bem::backgroundPool()->waitForDone();
        QTest::qWait(100);
        QCOMPARE(m_window->rawJsonView()->response(),
                 test::readTestData(QStringLiteral("progress-3.json")));
    }

    void droppedJsonFile_isOpened()
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QStringLiteral(BEM_TEST_DATA_DIR "/progress-3.json"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(m_window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(m_window, &drop);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isShowingCall(), 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->model()->callId(),
            test::snapshotFromData(QStringLiteral("progress-3.json")).call.callId, 20'000);
    }

    void rawJsonTab_findsWithCtrlF()
    {
        loadAndWait(DemoCalls::batch());
        action("actionRawJson")->trigger();
        QCOMPARE(m_window->findChild<QTabWidget *>(QStringLiteral("callTabs"))->currentWidget(),
                 m_window->rawJsonView());
        action("actionFind")->trigger();
        QVERIFY(m_window->rawJsonView()->isFindBarVisible());
        QVERIFY(m_window->rawJsonView()->findNext(DemoCalls::batch()));
    }

    void windowState_isSavedAndRestored()
    {
        m_window->resize(900, 640);
        auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("treeDetailsSplitter"));
        loadAndWait(DemoCalls::batch()); // the splitter is on the call page
        splitter->setSizes({500, 300});
        const QList<int> sizes = splitter->sizes();
        tree()->header()->resizeSection(CallTreeModel::NameColumn, 222);
        m_window->close();
        m_window = m_fixture->rebuildWindow();
        m_window->show();
        QCOMPARE(m_window->size(), QSize(900, 640));
        // The recent calls came back too, on the empty page.
        QCOMPARE(m_window->recentCalls()->entries().size(), 1);
        QCOMPARE(m_window->emptyState()->recentList()->count(), 1);
        loadAndWait(DemoCalls::batch());
        QCOMPARE(m_window->findChild<QSplitter *>(QStringLiteral("treeDetailsSplitter"))->sizes(),
                 sizes);
        QCOMPARE(tree()->header()->sectionSize(CallTreeModel::NameColumn), 222);
    }

    void headerSavedBeforeTheTimeline_keepsTheTimelineWide()
    {
        loadAndWait(DemoCalls::batch());
        const int timelineWidth = tree()->header()->sectionSize(CallTreeModel::TimelineColumn);
        QVERIFY(timelineWidth > 200);
        m_window->close();
        // What an earlier release saved: every column before Timeline, and no column count.
        QStandardItemModel older(0, CallTreeModel::TimelineColumn);
        QTreeView olderTree;
        olderTree.setModel(&older);
        olderTree.header()->resizeSection(CallTreeModel::NameColumn, 222);
        m_fixture->settings()->setValue(QStringLiteral("window/treeHeader"),
                                        olderTree.header()->saveState());
        m_fixture->settings()->remove(QStringLiteral("window/treeColumns"));

        m_window = m_fixture->rebuildWindow();
        m_window->show();
        loadAndWait(DemoCalls::batch());
        QCOMPARE(tree()->header()->sectionSize(CallTreeModel::NameColumn), 222);
        QVERIFY(!tree()->header()->isSectionHidden(CallTreeModel::TimelineColumn));
        QCOMPARE(tree()->header()->sectionSize(CallTreeModel::TimelineColumn), timelineWidth);

        // A state saved with the column keeps the width the user gave it.
        tree()->header()->resizeSection(CallTreeModel::TimelineColumn, 150);
        m_window->close();
        m_window = m_fixture->rebuildWindow();
        m_window->show();
        loadAndWait(DemoCalls::batch());
        QCOMPARE(tree()->header()->sectionSize(CallTreeModel::TimelineColumn), 150);
    }

    void copyCallId_putsItOnTheClipboard()
    {
        loadAndWait(DemoCalls::batch());
        action("actionCopyCallId")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), DemoCalls::batch());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

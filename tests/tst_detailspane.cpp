// SPDX-License-Identifier: MIT
#include "detailspane.h"
#include "eventdetails.h"
#include "formatting.h"
#include "testutil.h"
#include "tracebuild.h"
#include "valuefield.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace bem;
using bem::test::snapshotFromData;

namespace {

const QString Dash = QStringLiteral("\u2014");

FunctionCall functionCallFrom(const QString &file, const QString &id)
{
    const CallSnapshot s = snapshotFromData(file);
    for (const FunctionCall &fc : s.call.functionCalls)
        if (fc.functionCallId == id)
            return fc;
    qFatal("no function call %s in %s", qPrintable(id), qPrintable(file));
}

QList<QObject *> descendants(QObject *root)
{
    QList<QObject *> all = root->findChildren<QObject *>();
    std::sort(all.begin(), all.end());
    return all;
}

QString hostile()
{
    return QStringLiteral("<b>x</b><img src='file:///etc/passwd'>");
}

} // namespace

class TestDetailsPane : public QObject
{
    Q_OBJECT
private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    void nothingSelected_showsPlaceholder();
    void traceFunctionCall_showsNodeEdgeTryAndSourceEvent();
    void errorEvent_showsItsFieldsAndJsonAsPlainText();
    void completedFunctionCall_fields();
    void emptyFields_showDash();
    void activity_listsStepsAndHighlightsSelected();
    void inputs_ownInputFirstThenInputs();
    void inputs_doubleClickEmitsExactUrl();
    void inputs_buttonsOpenAndCopy();
    void unknownFields_shownAsCompactJson();
    void sameFunctionCall_updatesInPlace();
    void otherFunctionCall_clearsSelection();
    void runningFunctionCall_ticks();
    void hostileFunctionCall_shownLiterally();
    void batchOfLongUrls_buttonsFitAtTheDefaultWindowSize();
};

void TestDetailsPane::nothingSelected_showsPlaceholder()
{
    DetailsPane pane;
    pane.resize(360, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QVERIFY(pane.isShowingNothing());
    auto *placeholder = pane.findChild<QLabel *>(QStringLiteral("placeholder"));
    QVERIFY(placeholder);
    QVERIFY(placeholder->isVisible());
    QCOMPARE(placeholder->text(), QStringLiteral("Select a function call to see its details."));
    QVERIFY(!pane.activityList()->isVisible());

    pane.showFunctionCall(
        functionCallFrom(QStringLiteral("progress-5.json"), QStringLiteral("fc_t2")));
    QVERIFY(!pane.isShowingNothing());
    QVERIFY(!placeholder->isVisible());
    pane.showNothing();
    QVERIFY(pane.isShowingNothing());
    QVERIFY(placeholder->isVisible());
}

void TestDetailsPane::completedFunctionCall_fields()
{
    const FunctionCall fc =
        functionCallFrom(QStringLiteral("progress-5.json"), QStringLiteral("fc_t2"));
    DetailsPane pane;
    pane.showFunctionCall(fc);
    QCOMPARE(pane.fieldText(QStringLiteral("name")), QStringLiteral("extract-totals"));
    QCOMPARE(pane.fieldText(QStringLiteral("functionCallID")), QStringLiteral("fc_t2"));
    QCOMPARE(pane.fieldText(QStringLiteral("functionID")), QStringLiteral("f_extract-totals"));
    QCOMPARE(pane.fieldText(QStringLiteral("type")), QStringLiteral("transform"));
    QCOMPARE(pane.fieldText(QStringLiteral("status")), QStringLiteral("Completed"));
    QCOMPARE(pane.fieldText(QStringLiteral("version")), QStringLiteral("v1"));
    QCOMPARE(pane.fieldText(QStringLiteral("started")), formatLocalTime(fc.startedAt.value));
    QCOMPARE(pane.fieldText(QStringLiteral("finished")), formatLocalTime(fc.finishedAt.value));
    QCOMPARE(pane.fieldText(QStringLiteral("duration")), formatDuration(7000));
    QCOMPARE(pane.fieldText(QStringLiteral("sourceFunctionCallID")), QStringLiteral("fc_split"));
    QCOMPARE(pane.fieldText(QStringLiteral("workflowCallID")), QStringLiteral("wf_call_42"));
    QCOMPARE(pane.fieldText(QStringLiteral("nonsense")), QString());
}

void TestDetailsPane::emptyFields_showDash()
{
    FunctionCall fc;
    fc.functionCallId = QStringLiteral("fc_bare");
    DetailsPane pane;
    pane.showFunctionCall(fc);
    for (const char *name : {"name", "functionID", "type", "status", "version", "referenceID",
                             "started", "finished", "duration", "sourceFunctionCallID",
                             "workflowCallID", "inputType", "s3URL", "unknownFields"})
        QCOMPARE(pane.fieldText(QString::fromLatin1(name)), Dash);
    QCOMPARE(pane.activityList()->topLevelItemCount(), 0);
    QCOMPARE(pane.inputList()->topLevelItemCount(), 0);
    QVERIFY(!pane.inputList()->isVisibleTo(&pane));
    QVERIFY(!pane.activityList()->isVisibleTo(&pane));
}

void TestDetailsPane::activity_listsStepsAndHighlightsSelected()
{
    const FunctionCall fc =
        functionCallFrom(QStringLiteral("progress-5.json"), QStringLiteral("fc_t2"));
    DetailsPane pane;
    pane.showFunctionCall(fc, 1);
    QTreeWidget *list = pane.activityList();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Extract"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Completed"));
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("Validate"));
    QVERIFY(!list->topLevelItem(0)->icon(0).isNull());
    QCOMPARE(list->currentItem(), list->topLevelItem(1));
    QVERIFY(list->topLevelItem(1)->isSelected());
    QVERIFY(!list->topLevelItem(0)->isSelected());

    pane.showFunctionCall(fc, 0);
    QVERIFY(list->topLevelItem(0)->isSelected());
    QVERIFY(!list->topLevelItem(1)->isSelected());
}

void TestDetailsPane::inputs_ownInputFirstThenInputs()
{
    const FunctionCall fc =
        functionCallFrom(QStringLiteral("api-example.json"), QStringLiteral("fc_2"));
    DetailsPane pane;
    pane.showFunctionCall(fc);
    QCOMPARE(pane.fieldText(QStringLiteral("inputType")), QStringLiteral("pdf"));
    QCOMPARE(pane.fieldText(QStringLiteral("s3URL")), fc.s3URL);
    QTreeWidget *list = pane.inputList();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->data(0, Qt::UserRole).toString(), fc.s3URL);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("(own input)"));
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("pdf"));
    QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("p1"));
    QCOMPARE(list->topLevelItem(1)->text(2), fc.inputs.at(0).s3URL);
    QCOMPARE(list->topLevelItem(1)->data(0, Qt::UserRole).toString(), fc.inputs.at(0).s3URL);
}

void TestDetailsPane::inputs_doubleClickEmitsExactUrl()
{
    const FunctionCall fc =
        functionCallFrom(QStringLiteral("api-example.json"), QStringLiteral("fc_2"));
    DetailsPane pane;
    pane.resize(380, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QSignalSpy spy(&pane, &DetailsPane::openUrlRequested);
    pane.showFunctionCall(fc);
    QTreeWidget *list = pane.inputList();
    const QPoint at = list->visualItemRect(list->topLevelItem(1)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), fc.inputs.at(0).s3URL);
}

void TestDetailsPane::inputs_buttonsOpenAndCopy()
{
    const FunctionCall fc =
        functionCallFrom(QStringLiteral("api-example.json"), QStringLiteral("fc_2"));
    DetailsPane pane;
    QSignalSpy spy(&pane, &DetailsPane::openUrlRequested);
    pane.showFunctionCall(fc);
    // Two inputs and none chosen: nothing to act on yet.
    QVERIFY(!pane.openButton()->isEnabled());
    pane.inputList()->setCurrentItem(pane.inputList()->topLevelItem(0));
    QVERIFY(pane.openButton()->isEnabled());
    pane.openButton()->click();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), fc.s3URL);
    pane.inputList()->setCurrentItem(pane.inputList()->topLevelItem(1));
    pane.copyUrlButton()->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), fc.inputs.at(0).s3URL);

    // A single input needs no choosing.
    FunctionCall one = fc;
    one.functionCallId = QStringLiteral("fc_one");
    one.s3URL.clear();
    one.inputType.clear();
    pane.showFunctionCall(one);
    QCOMPARE(pane.inputList()->topLevelItemCount(), 1);
    QVERIFY(pane.openButton()->isEnabled());
    QCOMPARE(pane.currentInputUrl(), fc.inputs.at(0).s3URL);

    // The s3URL field copies the full URL too.
    pane.showFunctionCall(fc);
    auto *url = pane.findChild<ValueField *>(QStringLiteral("s3URL"));
    QVERIFY(url->isCopyButtonVisible());
    url->copyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), fc.s3URL);
}

void TestDetailsPane::unknownFields_shownAsCompactJson()
{
    FunctionCall fc = functionCallFrom(QStringLiteral("progress-5.json"), QStringLiteral("fc_t1"));
    DetailsPane pane;
    pane.showFunctionCall(fc);
    auto *field = pane.findChild<ValueField *>(QStringLiteral("unknownFields"));
    QVERIFY(!field->isVisibleTo(&pane));
    fc.unknownFields.insert(QStringLiteral("costCents"), 12);
    pane.showFunctionCall(fc);
    QCOMPARE(pane.fieldText(QStringLiteral("unknownFields")), QStringLiteral("{\"costCents\":12}"));
    QVERIFY(field->isVisibleTo(&pane));
}

void TestDetailsPane::sameFunctionCall_updatesInPlace()
{
    DetailsPane pane;
    pane.resize(380, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    FunctionCall running =
        functionCallFrom(QStringLiteral("progress-3.json"), QStringLiteral("fc_split"));
    running.inputs = {
        InputFile{
            QStringLiteral("pdf"), QStringLiteral("p1"), QStringLiteral("https://b/p1.pdf"), {}},
        InputFile{
            QStringLiteral("pdf"), QStringLiteral("p2"), QStringLiteral("https://b/p2.pdf"), {}}};
    running.activity.append(
        {QStringLiteral("Validate"), Status::fromRaw(QStringLiteral("pending")), {}});
    pane.showFunctionCall(running);
    QTreeWidget *activity = pane.activityList();
    QTreeWidget *inputs = pane.inputList();
    activity->setCurrentItem(activity->topLevelItem(1));
    inputs->setCurrentItem(inputs->topLevelItem(1));
    auto *id = pane.findChild<ValueField *>(QStringLiteral("functionCallID"));
    id->lineEdit()->setFocus();
    id->lineEdit()->setSelection(0, 2);
    const QList<QObject *> before = descendants(&pane);
    QTreeWidgetItem *firstStep = activity->topLevelItem(0);

    FunctionCall done = running;
    done.status = Status::fromRaw(QStringLiteral("completed"));
    done.finishedAt =
        functionCallFrom(QStringLiteral("progress-5.json"), QStringLiteral("fc_split")).finishedAt;
    done.activity[0].status = Status::fromRaw(QStringLiteral("completed"));
    done.activity[1].status = Status::fromRaw(QStringLiteral("completed"));
    pane.showFunctionCall(done);

    QCOMPARE(descendants(&pane), before);
    QCOMPARE(activity->topLevelItem(0), firstStep);
    QCOMPARE(activity->currentItem(), activity->topLevelItem(1));
    QVERIFY(activity->topLevelItem(1)->isSelected());
    QCOMPARE(activity->topLevelItem(1)->text(1), QStringLiteral("Completed"));
    QCOMPARE(inputs->currentItem(), inputs->topLevelItem(1));
    QCOMPARE(id->lineEdit()->selectedText(), QStringLiteral("fc"));
    QCOMPARE(pane.fieldText(QStringLiteral("status")), QStringLiteral("Completed"));
    QCOMPARE(pane.fieldText(QStringLiteral("duration")), formatDuration(2000));
}

void TestDetailsPane::otherFunctionCall_clearsSelection()
{
    DetailsPane pane;
    pane.showFunctionCall(
        functionCallFrom(QStringLiteral("progress-5.json"), QStringLiteral("fc_t2")), 1);
    QVERIFY(pane.activityList()->currentItem());
    pane.showFunctionCall(
        functionCallFrom(QStringLiteral("progress-5.json"), QStringLiteral("fc_t1")));
    QCOMPARE(pane.activityList()->currentItem(), nullptr);
    QCOMPARE(pane.fieldText(QStringLiteral("functionCallID")), QStringLiteral("fc_t1"));
}

void TestDetailsPane::runningFunctionCall_ticks()
{
    const FunctionCall fc =
        functionCallFrom(QStringLiteral("progress-3.json"), QStringLiteral("fc_split"));
    QDateTime now = fc.startedAt.value.addSecs(3);
    DetailsPane pane;
    pane.setNow([&now] { return now; });
    pane.showFunctionCall(fc);
    QCOMPARE(pane.fieldText(QStringLiteral("duration")), QStringLiteral("running for 3 s"));
    now = now.addSecs(62);
    QTRY_COMPARE_WITH_TIMEOUT(pane.fieldText(QStringLiteral("duration")),
                              QStringLiteral("running for 1 m 05 s"), 3000);
    pane.showNothing();
    now = now.addSecs(10);
    QTest::qWait(1200);
    QCOMPARE(pane.fieldText(QStringLiteral("duration")), QStringLiteral("running for 1 m 05 s"));

    // A saved picture: what it was doing, not the time since.
    pane.setOffline(true);
    pane.showFunctionCall(fc);
    QCOMPARE(pane.fieldText(QStringLiteral("duration")), QStringLiteral("was running when saved"));
    now = now.addSecs(10);
    QTest::qWait(1200);
    QCOMPARE(pane.fieldText(QStringLiteral("duration")), QStringLiteral("was running when saved"));
}

void TestDetailsPane::hostileFunctionCall_shownLiterally()
{
    FunctionCall fc;
    fc.functionCallId = QStringLiteral("fc_") + QString(100000, u'x');
    fc.functionName = hostile();
    fc.type = QStringLiteral("route\u202Eevil");
    fc.referenceId = QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b");
    fc.status = Status::fromRaw(QStringLiteral("<b>odd</b>"));
    fc.activity = {{hostile(), Status::fromRaw(QStringLiteral("<i>x</i>")), {}},
                   {QString(100000, u'n'), Status::fromRaw(QStringLiteral("running")), {}}};
    fc.inputs = {InputFile{hostile(), hostile(), QStringLiteral("https://x/?a=<b>"), {}}};
    fc.unknownFields.insert(QStringLiteral("<script>"), QStringLiteral("<img src=x>"));

    DetailsPane pane;
    pane.resize(380, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.showFunctionCall(fc);
    pane.repaint();

    QCOMPARE(pane.fieldText(QStringLiteral("name")), hostile());
    QCOMPARE(pane.fieldText(QStringLiteral("functionCallID")), fc.functionCallId);
    QCOMPARE(pane.fieldText(QStringLiteral("type")), fc.type);
    QCOMPARE(pane.fieldText(QStringLiteral("referenceID")), fc.referenceId);
    QCOMPARE(pane.fieldText(QStringLiteral("status")), QStringLiteral("<b>odd</b>"));
    QCOMPARE(pane.findChild<ValueField *>(QStringLiteral("type"))->lineEdit()->text(),
             QStringLiteral("route<U+202E>evil"));
    QCOMPARE(pane.activityList()->topLevelItem(0)->text(0), hostile());
    QCOMPARE(pane.activityList()->topLevelItem(0)->text(1), QStringLiteral("<i>x</i>"));
    QVERIFY(pane.activityList()->topLevelItem(1)->text(0).size() <= 501);
    QCOMPARE(pane.inputList()->topLevelItem(0)->text(1), hostile());
    QCOMPARE(pane.inputList()->topLevelItem(0)->data(0, Qt::UserRole).toString(),
             QStringLiteral("https://x/?a=<b>"));

    for (const QLabel *label : pane.findChildren<QLabel *>())
        QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text().left(80)));
    for (QTreeWidget *list : {pane.activityList(), pane.inputList()})
        for (int row = 0; row < list->topLevelItemCount(); ++row)
            for (int column = 0; column < list->columnCount(); ++column) {
                const QString tip = list->topLevelItem(row)->toolTip(column);
                QVERIFY2(!tip.contains(QStringLiteral("<img")) &&
                             !tip.contains(QStringLiteral("<b>")) &&
                             !tip.contains(QStringLiteral("<i>")),
                         qPrintable(tip.left(200)));
            }
}

// The window's default: 1280 wide, the details pane given 380 of it beside the tree.
void TestDetailsPane::batchOfLongUrls_buttonsFitAtTheDefaultWindowSize()
{
    QSplitter splitter(Qt::Horizontal);
    splitter.addWidget(new QWidget);
    auto *pane = new DetailsPane;
    splitter.addWidget(pane);
    splitter.setChildrenCollapsible(false);
    splitter.resize(1280, 700);
    splitter.setSizes({860, 380});
    FunctionCall fc = test::makeFunctionCall(QStringLiteral("fc_batch"));
    fc.inputType = QStringLiteral("application/pdf");
    fc.s3URL = QStringLiteral("https://bucket.s3.amazonaws.com/") + QString(180, u'k') +
               QStringLiteral(".pdf?X-Amz-Signature=") + QString(64, u'f');
    for (int i = 0; i < 8; ++i) {
        InputFile file;
        file.inputType =
            QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        file.itemReferenceId = QStringLiteral("reference-%1-").arg(i) + QString(60, u'r');
        file.s3URL = fc.s3URL + QString::number(i);
        fc.inputs << file;
    }
    pane->showFunctionCall(fc);
    splitter.show();
    QVERIFY(QTest::qWaitForWindowExposed(&splitter));
    pane->inputList()->setCurrentItem(pane->inputList()->topLevelItem(1));
    QCoreApplication::processEvents();

    auto *scroll = pane->findChild<QScrollArea *>();
    QVERIFY(scroll);
    const auto checkButtons = [&] {
        const QRect visible = scroll->viewport()->rect();
        for (QPushButton *button : {pane->openButton(), pane->copyUrlButton()}) {
            QVERIFY(button->isVisible());
            QVERIFY2(button->width() >= button->sizeHint().width(),
                     qPrintable(QStringLiteral("%1: %2 < %3")
                                    .arg(button->text())
                                    .arg(button->width())
                                    .arg(button->sizeHint().width())));
            const QRect inViewport(button->mapTo(scroll->viewport(), QPoint(0, 0)), button->size());
            QVERIFY2(visible.left() <= inViewport.left() && inViewport.right() <= visible.right(),
                     qPrintable(button->text()));
        }
    };
    checkButtons();
    if (QTest::currentTestFailed())
        return;
    // The URL column stays in view beside a long media type.
    QTreeWidget *inputs = pane->inputList();
    QVERIFY(inputs->columnViewportPosition(2) < inputs->viewport()->width() / 2);

    // Dragged as narrow as the splitter lets it: still nothing cut off.
    splitter.setSizes({1280, 0});
    QCoreApplication::processEvents();
    QVERIFY(pane->width() < 380);
    checkButtons();
}

void TestDetailsPane::traceFunctionCall_showsNodeEdgeTryAndSourceEvent()
{
    DetailsPane pane;
    FunctionCall fc = test::makeTraceCall(QStringLiteral("fc_2"), QStringLiteral("ev_1"));
    fc.workflowNodeName = QStringLiteral("extract");
    fc.incomingDestinationName = QStringLiteral("invoices");
    fc.tryNumber = 3;
    pane.showFunctionCall(fc);
    QCOMPARE(pane.fieldText(QStringLiteral("workflowNode")), QStringLiteral("extract"));
    QCOMPARE(pane.fieldText(QStringLiteral("edge")), QStringLiteral("\u2192 invoices"));
    QCOMPARE(pane.fieldText(QStringLiteral("try")), QStringLiteral("retry 3"));
    QCOMPARE(pane.fieldText(QStringLiteral("sourceEventID")), QStringLiteral("ev_1"));
    // A v2 function call has none of them: empty.
    pane.showFunctionCall(test::makeFunctionCall(QStringLiteral("v2")));
    QCOMPARE(pane.fieldText(QStringLiteral("workflowNode")), Dash);
}

void TestDetailsPane::errorEvent_showsItsFieldsAndJsonAsPlainText()
{
    DetailsPane pane;
    pane.resize(400, 600);
    pane.show();
    const FunctionCall fc = test::makeTraceCall(QStringLiteral("fc_1"), {});
    test::EventSpec spec{QStringLiteral("ev_9"), QStringLiteral("error"), QStringLiteral("fc_1"),
                         hostile()};
    spec.tryNumber = 2;
    const Event event = test::makeEvent(spec);
    pane.showTraceEvent(fc, event);
    QVERIFY(pane.isShowingEvent());
    QVERIFY(!pane.isShowingNothing());
    const EventDetails *details = pane.eventDetails();
    QVERIFY(details->isVisible());
    QCOMPARE(details->fieldText(QStringLiteral("eventID")), QStringLiteral("ev_9"));
    QCOMPARE(details->fieldText(QStringLiteral("message")), hostile());
    QCOMPARE(details->fieldText(QStringLiteral("try")), QStringLiteral("retry 2"));
    QCOMPARE(details->fieldText(QStringLiteral("function")), QStringLiteral("fn-fc_1"));
    QCOMPARE(details->fieldText(QStringLiteral("choice")), Dash);
    const QString json = details->jsonView()->toPlainText();
    QVERIFY(json.contains(QStringLiteral("\"eventID\": \"ev_9\"")));
    QVERIFY(json.contains(u'\n'));
    // Back to the function call's own row: its fields again.
    pane.showFunctionCall(fc);
    QVERIFY(!pane.isShowingEvent());
    QVERIFY(!details->isVisible());
    QCOMPARE(pane.fieldText(QStringLiteral("functionCallID")), QStringLiteral("fc_1"));
}

QTEST_MAIN(TestDetailsPane)
#include "tst_detailspane.moc"

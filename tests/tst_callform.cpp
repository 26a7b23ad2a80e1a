// SPDX-License-Identifier: MIT
#include "callform.h"
#include "formatting.h"
#include "statusbadge.h"
#include "testutil.h"
#include "valuefield.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace bem;
using bem::test::snapshotFromData;

namespace {

const QString Dash = QStringLiteral("\u2014");

QString hostileName()
{
    return QStringLiteral("<b>x</b><img src='file:///etc/passwd'>");
}

Call hostileCall()
{
    Call call;
    call.callId = QString(100000, u'7');
    call.callType = QStringLiteral("<a href='https://evil.example'>function</a>");
    call.status = Status::fromRaw(QStringLiteral("<i>weird</i>"));
    call.functionName = hostileName();
    call.functionType = QStringLiteral("abc\u202Etxt.exe");
    call.functionId = QStringLiteral("nul") + QChar(u'\0') + QStringLiteral("after");
    call.callReferenceId = QStringLiteral("line one\nline two");
    call.createdAt = Timestamp(QStringLiteral("<b>not a time</b>"), QDateTime());
    call.input.singleFile =
        InputFile{QStringLiteral("<u>pdf</u>"), {}, QStringLiteral("https://x/<img>"), {}};
    return call;
}

// Every label under `root` must be plain text: any one of them could be showing something
// the server sent.
void checkAllLabelsPlain(QWidget *root)
{
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    for (const QLabel *label : labels) {
        QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text().left(80)));
        QVERIFY(!label->toolTip().contains(QStringLiteral("<img")));
        QVERIFY(!label->toolTip().contains(QStringLiteral("<b>x")));
    }
}

QList<QObject *> descendants(QObject *root)
{
    QList<QObject *> all = root->findChildren<QObject *>();
    std::sort(all.begin(), all.end());
    return all;
}

} // namespace

class TestCallForm : public QObject
{
    Q_OBJECT
private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    void valueField_emptyShowsDashAndDisablesCopy();
    void valueField_copyGivesTheFullValue();
    void valueField_newlinesAndControlsShownOnOneLine();
    void valueField_hugeValueIsCut();
    void valueField_sameValueKeepsSelection();
    void valueField_toolTipIsEscaped();
    void statusBadge_wordsAndRawUnknownValues();
    void statusBadge_colourFollowsPaletteLightness();
    void statusBadge_rendersAtDevicePixelRatio2();

    void emptyForm_showsDashes();
    void runningWorkflowCall_fields();
    void completedWorkflowCall_fields();
    void functionCall_showsFunctionGroupOnly();
    void bothGroups_shownWhenBothHaveFields();
    void bothGroups_stackWhenTheWindowIsNarrow();
    void paletteChange_recoloursLabels();
    void elapsedTime_ticksWithInjectedClock();
    void pendingCall_saysWaiting();
    void savedPicture_saysWasRunningAndDoesNotTick();
    void responseError_shownProminently();
    void failedCallMessage_shown();
    void hostileCall_shownLiterally();
    void v2Call_saysDeprecatedApi();
    void v3Call_countsOutputsAndErrorsAndHidesCallType();
    void v3FailedCall_showsItsFirstError();
    void singleInput_openEmitsExactUrl();
    void batchInput_menuEmitsExactUrl();
    void newerState_updatesInPlace();
    void compact_fitsIn180PixelsOnAWideWindow();
};

void TestCallForm::valueField_emptyShowsDashAndDisablesCopy()
{
    ValueField field;
    QCOMPARE(field.value(), QString());
    QCOMPARE(field.displayText(), Dash);
    QCOMPARE(field.lineEdit()->placeholderText(), Dash);
    QVERIFY(!field.copyAction()->isEnabled());
    field.setValue(QStringLiteral("x"));
    QVERIFY(field.copyAction()->isEnabled());
    field.setValue({});
    QVERIFY(!field.copyAction()->isEnabled());
    QVERIFY(field.lineEdit()->isReadOnly());
    QVERIFY(!field.lineEdit()->hasFrame());
}

void TestCallForm::valueField_copyGivesTheFullValue()
{
    ValueField field;
    field.setCopyButtonVisible(true);
    QVERIFY(field.isCopyButtonVisible());
    const QString value = QString(100000, u'a') + QStringLiteral("\nsecond line\r\nthird");
    field.setValue(value);
    field.copyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), value);

    // The copy button is the same action.
    QGuiApplication::clipboard()->clear();
    auto *button = field.findChild<QToolButton *>();
    QVERIFY(button);
    button->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), value);

    // Ctrl+C with nothing selected copies the value, not the cut display text.
    QGuiApplication::clipboard()->clear();
    QTest::keySequence(field.lineEdit(), QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), value);
}

void TestCallForm::valueField_newlinesAndControlsShownOnOneLine()
{
    ValueField field;
    const QString value = QStringLiteral("a\nb\tc") + QChar(u'\0') + QStringLiteral("d\u202Ee");
    field.setValue(value);
    QCOMPARE(field.value(), value);
    QCOMPARE(field.displayText(), QStringLiteral("a\u21b5b c<U+0000>d<U+202E>e"));
    QVERIFY(!field.lineEdit()->text().contains(u'\n'));
    QCOMPARE(visibleText(QStringLiteral("a\r\nb"), true), QStringLiteral("a\nb"));
}

void TestCallForm::valueField_hugeValueIsCut()
{
    ValueField field;
    field.resize(300, field.sizeHint().height());
    field.show();
    for (int i = 0; i < 20; ++i) {
        field.setValue(QString(100000, QChar(u'a' + i % 26)));
        field.repaint();
    }
    QCOMPARE(field.value().size(), 100000);
    QVERIFY(field.lineEdit()->text().size() < 2100);
    QVERIFY(field.lineEdit()->text().endsWith(u'\u2026'));
    QVERIFY(field.lineEdit()->toolTip().size() < 4000);
}

void TestCallForm::valueField_sameValueKeepsSelection()
{
    ValueField field;
    field.setValue(QStringLiteral("wf_call_42"));
    field.lineEdit()->setSelection(3, 4);
    QCOMPARE(field.lineEdit()->selectedText(), QStringLiteral("call"));
    field.setValue(QStringLiteral("wf_call_42"));
    field.setToolTipLines({QStringLiteral("x")});
    field.setToolTipLines({QStringLiteral("x")});
    QCOMPARE(field.lineEdit()->selectedText(), QStringLiteral("call"));
    field.setValue(QStringLiteral("other"));
    QCOMPARE(field.lineEdit()->selectedText(), QString());
    QCOMPARE(field.lineEdit()->cursorPosition(), 0);
}

void TestCallForm::valueField_toolTipIsEscaped()
{
    ValueField field;
    field.setValue(hostileName());
    field.setToolTipLines({QStringLiteral("As sent: <b>raw</b>")});
    const QString tip = field.lineEdit()->toolTip();
    QVERIFY(tip.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;&lt;img")));
    QVERIFY(tip.contains(QStringLiteral("As sent: &lt;b&gt;raw")));
    QVERIFY(!tip.contains(QStringLiteral("<img")));
    QVERIFY(!tip.contains(QStringLiteral("<b>")));
}

void TestCallForm::statusBadge_wordsAndRawUnknownValues()
{
    StatusBadge badge;
    QCOMPARE(badge.text(), Dash);
    const std::pair<const char *, const char *> cases[] = {
        {"completed", "Completed"}, {"running", "Running"}, {"pending", "Pending"},
        {"failed", "Failed"},       {"FAILED", "Failed"},   {"paused_by_admin", "paused_by_admin"},
        {"<b>x</b>", "<b>x</b>"}};
    for (const auto &[raw, word] : cases) {
        badge.setStatus(Status::fromRaw(QString::fromUtf8(raw)));
        QCOMPARE(badge.text(), QString::fromUtf8(word));
        QVERIFY(!badge.toolTip().contains(QStringLiteral("<b>x")));
    }
    badge.setStatus(Status::fromRaw(QString(5000, u'z')));
    const QSize hint = badge.sizeHint();
    QVERIFY(hint.width() < 60 * badge.fontMetrics().horizontalAdvance(u'M'));
    QVERIFY(hint.height() >= badge.fontMetrics().height());
    QCOMPARE(badge.minimumSizeHint(), hint);
}

void TestCallForm::statusBadge_colourFollowsPaletteLightness()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    for (CallState s : {CallState::Unknown, CallState::Pending, CallState::Running,
                        CallState::Completed, CallState::Failed}) {
        const QColor onLight = statusColor(s, light);
        const QColor onDark = statusColor(s, dark);
        QVERIFY(onLight.lightness() < onDark.lightness());
        QVERIFY(onLight.lightness() < 128);
        QVERIFY(onDark.lightness() > 128);
    }
    QVERIFY(statusColor(CallState::Failed, light) != statusColor(CallState::Completed, light));

    // A palette change repaints with the other set of colours.
    StatusBadge badge;
    badge.setStatus(Status::fromRaw(QStringLiteral("failed")));
    badge.resize(badge.sizeHint());
    badge.setPalette(light);
    const QImage a = badge.grab().toImage();
    badge.setPalette(dark);
    const QImage b = badge.grab().toImage();
    QVERIFY(a != b);
}

void TestCallForm::statusBadge_rendersAtDevicePixelRatio2()
{
    StatusBadge badge;
    badge.setStatus(Status::fromRaw(QStringLiteral("completed")));
    badge.resize(badge.sizeHint());
    QImage image(badge.size() * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    badge.render(&image);
    // The icon is drawn: some strongly green pixels where it sits.
    int green = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < 40 && x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            green += c.green() > 120 && c.red() < 120 && c.blue() < 120;
        }
    QVERIFY2(green > 40, qPrintable(QString::number(green)));
}

void TestCallForm::emptyForm_showsDashes()
{
    CallForm form;
    for (const QString &name : form.fieldNames()) {
        if (name == u"error")
            QCOMPARE(form.fieldText(name), QString());
        else
            QCOMPARE(form.fieldText(name), Dash);
    }
    QVERIFY(!form.isFieldVisible(QStringLiteral("error")));
    QCOMPARE(form.fieldText(QStringLiteral("nonsense")), QString());

    form.setCall(snapshotFromData(QStringLiteral("progress-3.json")).call);
    QVERIFY(form.fieldText(QStringLiteral("callID")) != Dash);
    form.clear();
    QCOMPARE(form.fieldText(QStringLiteral("callID")), Dash);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), Dash);
    QCOMPARE(form.fieldText(QStringLiteral("input")), Dash);
}

void TestCallForm::runningWorkflowCall_fields()
{
    const Call call = snapshotFromData(QStringLiteral("progress-3.json")).call;
    CallForm form;
    const QDateTime created =
        QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate);
    form.setNow([created] { return created.addSecs(65); });
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("callID")), QStringLiteral("wf_call_42"));
    QCOMPARE(form.fieldText(QStringLiteral("callType")), QStringLiteral("workflow"));
    QCOMPARE(form.fieldText(QStringLiteral("status")), QStringLiteral("Running"));
    QCOMPARE(form.fieldText(QStringLiteral("callReferenceID")), QStringLiteral("batch-2026-11-30"));
    QCOMPARE(form.fieldText(QStringLiteral("workflowName")), QStringLiteral("invoice-extraction"));
    QCOMPARE(form.fieldText(QStringLiteral("workflowVersion")), QStringLiteral("v7"));
    QCOMPARE(form.fieldText(QStringLiteral("workflowID")), QStringLiteral("wf_inv"));
    QCOMPARE(form.fieldText(QStringLiteral("created")), formatLocalTime(created));
    QCOMPARE(form.fieldText(QStringLiteral("finished")), Dash);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), QStringLiteral("running for 1 m 05 s"));
    QCOMPARE(form.fieldText(QStringLiteral("input")), QStringLiteral("2 files"));
    QCOMPARE(form.fieldText(QStringLiteral("error")), QString());
    QVERIFY(form.isFieldVisible(QStringLiteral("workflowName")));
    QVERIFY(!form.isFieldVisible(QStringLiteral("functionName")));
    QVERIFY(!form.isFieldVisible(QStringLiteral("error")));

    // The created time's tooltip has UTC and the value as sent.
    auto *createdField = form.findChild<ValueField *>(QStringLiteral("created"));
    QVERIFY(createdField);
    QVERIFY(
        createdField->lineEdit()->toolTip().contains(QStringLiteral("2026-11-30 09:00:00 UTC")));
    QVERIFY(createdField->lineEdit()->toolTip().contains(QStringLiteral("2026-11-30T09:00:00Z")));
}

void TestCallForm::completedWorkflowCall_fields()
{
    const Call call = snapshotFromData(QStringLiteral("progress-5.json")).call;
    CallForm form;
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("status")), QStringLiteral("Completed"));
    QCOMPARE(form.fieldText(QStringLiteral("finished")),
             formatLocalTime(
                 QDateTime::fromString(QStringLiteral("2026-11-30T09:00:20Z"), Qt::ISODate)));
    QCOMPARE(form.fieldText(QStringLiteral("duration")), formatDuration(20000));
}

void TestCallForm::functionCall_showsFunctionGroupOnly()
{
    Call call;
    call.callId = QStringLiteral("c_fn");
    call.callType = QStringLiteral("function");
    call.functionName = QStringLiteral("extract-totals");
    call.functionVersionNum = 4;
    CallForm form;
    form.setCall(call);
    QVERIFY(form.isFieldVisible(QStringLiteral("functionName")));
    QVERIFY(!form.isFieldVisible(QStringLiteral("workflowName")));
    QCOMPARE(form.fieldText(QStringLiteral("functionName")), QStringLiteral("extract-totals"));
    QCOMPARE(form.fieldText(QStringLiteral("functionVersion")), QStringLiteral("v4"));
    QCOMPARE(form.fieldText(QStringLiteral("functionType")), Dash);
    QCOMPARE(form.fieldText(QStringLiteral("functionID")), Dash);
}

void TestCallForm::bothGroups_shownWhenBothHaveFields()
{
    Call call;
    call.callType = QStringLiteral("workflow");
    call.workflowName = QStringLiteral("w");
    call.functionId = QStringLiteral("f_1");
    CallForm form;
    form.setCall(call);
    QVERIFY(form.isFieldVisible(QStringLiteral("workflowName")));
    QVERIFY(form.isFieldVisible(QStringLiteral("functionID")));

    // A call of an unknown type with no fields of either: neither group.
    form.setCall(Call());
    QVERIFY(!form.isFieldVisible(QStringLiteral("workflowName")));
    QVERIFY(!form.isFieldVisible(QStringLiteral("functionName")));
}

void TestCallForm::bothGroups_stackWhenTheWindowIsNarrow()
{
    Call call = snapshotFromData(QStringLiteral("api-example.json")).call;
    call.functionName = QStringLiteral("route-docs");
    call.functionId = QStringLiteral("f_route");
    CallForm form;
    form.setCall(call);
    form.resize(1280, 200);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *workflow = form.findChild<QWidget *>(QStringLiteral("workflowColumn"));
    auto *function = form.findChild<QWidget *>(QStringLiteral("functionColumn"));
    QTRY_VERIFY(function->mapTo(&form, QPoint()).x() > workflow->mapTo(&form, QPoint()).x());
    QCOMPARE(function->mapTo(&form, QPoint()).y(), workflow->mapTo(&form, QPoint()).y());

    form.resize(760, 300);
    QTRY_VERIFY(function->mapTo(&form, QPoint()).y() > workflow->mapTo(&form, QPoint()).y());
    QCOMPARE(function->mapTo(&form, QPoint()).x(), workflow->mapTo(&form, QPoint()).x());
    form.resize(1280, 200);
    QTRY_COMPARE(function->mapTo(&form, QPoint()).y(), workflow->mapTo(&form, QPoint()).y());
}

void TestCallForm::paletteChange_recoloursLabels()
{
    CallForm form;
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, Qt::white);
    QLabel *label = nullptr;
    for (QLabel *l : form.findChildren<QLabel *>())
        if (l->text() == u"Call ID:")
            label = l;
    QVERIFY(label);
    form.setPalette(light);
    const QColor onLight = label->palette().color(QPalette::WindowText);
    QVERIFY(onLight.lightness() < 128);
    QVERIFY(onLight != QColor(Qt::black));
    form.setPalette(dark);
    const QColor onDark = label->palette().color(QPalette::WindowText);
    QVERIFY(onDark.lightness() > 128);
    QVERIFY(onDark != QColor(Qt::white));
}

void TestCallForm::elapsedTime_ticksWithInjectedClock()
{
    Call call = snapshotFromData(QStringLiteral("progress-3.json")).call;
    QDateTime now = call.createdAt.value.addSecs(5);
    CallForm form;
    form.setNow([&now] { return now; });
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), QStringLiteral("running for 5 s"));
    now = now.addSecs(2);
    QTRY_COMPARE_WITH_TIMEOUT(form.fieldText(QStringLiteral("duration")),
                              QStringLiteral("running for 7 s"), 3000);
    now = now.addSecs(3600);
    QTRY_COMPARE_WITH_TIMEOUT(form.fieldText(QStringLiteral("duration")),
                              QStringLiteral("running for 1 h 00 m"), 3000);

    // A server clock ahead of ours never shows a negative time.
    now = call.createdAt.value.addSecs(-30);
    form.setNow([&now] { return now; });
    QCOMPARE(form.fieldText(QStringLiteral("duration")), QStringLiteral("running for 0 s"));

    // Once terminal, the duration is fixed and the clock no longer matters.
    form.setCall(snapshotFromData(QStringLiteral("progress-5.json")).call);
    const QString fixed = form.fieldText(QStringLiteral("duration"));
    QCOMPARE(fixed, formatDuration(20000));
    now = now.addSecs(100);
    QTest::qWait(1200);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), fixed);
}

void TestCallForm::pendingCall_saysWaiting()
{
    Call call = snapshotFromData(QStringLiteral("progress-3.json")).call;
    call.status = Status::fromRaw(QStringLiteral("pending"));
    CallForm form;
    form.setNow([&call] { return call.createdAt.value.addSecs(12); });
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), QStringLiteral("waiting for 12 s"));
    QCOMPARE(form.fieldText(QStringLiteral("status")), QStringLiteral("Pending"));
}

// An opened file of a running call: the time since then says nothing about the call.
void TestCallForm::savedPicture_saysWasRunningAndDoesNotTick()
{
    Call call = snapshotFromData(QStringLiteral("progress-3.json")).call;
    QDateTime now = call.createdAt.value.addDays(626);
    CallForm form;
    form.setNow([&now] { return now; });
    form.setOffline(true);
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), QStringLiteral("was running when saved"));
    now = now.addSecs(5);
    QTest::qWait(1200);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), QStringLiteral("was running when saved"));
    auto *duration = form.findChild<ValueField *>(QStringLiteral("duration"));
    QVERIFY(duration->lineEdit()->toolTip().contains(QStringLiteral("when saved")));

    call.status = Status::fromRaw(QStringLiteral("pending"));
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), QStringLiteral("was waiting when saved"));
    // A finished call's duration is the same saved or live.
    form.setCall(snapshotFromData(QStringLiteral("progress-5.json")).call);
    QCOMPARE(form.fieldText(QStringLiteral("duration")), formatDuration(20000));

    // Live again: it counts.
    form.setCall(snapshotFromData(QStringLiteral("progress-3.json")).call);
    form.setOffline(false);
    QVERIFY(form.fieldText(QStringLiteral("duration")).startsWith(QStringLiteral("running for")));
}

void TestCallForm::responseError_shownProminently()
{
    const Call call = snapshotFromData(QStringLiteral("progress-3.json")).call;
    CallForm form;
    form.resize(1280, 300);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    const QString error = QStringLiteral("quota exceeded <a href='x'>retry</a>\nsecond line");
    form.setCall(call, error);
    QCOMPARE(form.fieldText(QStringLiteral("error")), error);
    QVERIFY(form.isFieldVisible(QStringLiteral("error")));
    auto *label = form.findChild<QLabel *>(QStringLiteral("errorText"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(label->text(), error);
    // Above the fields.
    auto *callId = form.findChild<ValueField *>(QStringLiteral("callID"));
    QVERIFY(label->mapTo(&form, QPoint()).y() < callId->mapTo(&form, QPoint()).y());

    // A long error is cut on screen but kept whole for copying.
    const QString huge = QString(100000, u'e');
    form.setCall(call, huge);
    QCOMPARE(form.fieldText(QStringLiteral("error")), huge);
    QVERIFY(label->text().size() < 1000);

    form.setCall(call);
    QVERIFY(!form.isFieldVisible(QStringLiteral("error")));
    QCOMPARE(form.fieldText(QStringLiteral("error")), QString());
}

void TestCallForm::failedCallMessage_shown()
{
    Call call = snapshotFromData(QStringLiteral("progress-5.json")).call;
    call.status = Status::fromRaw(QStringLiteral("failed"));
    call.unknownFields.insert(QStringLiteral("error"), QStringLiteral("extraction failed"));
    CallForm form;
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("error")), QStringLiteral("extraction failed"));
    form.setCall(call, QStringLiteral("also this"));
    QCOMPARE(form.fieldText(QStringLiteral("error")),
             QStringLiteral("also this\nextraction failed"));
}

void TestCallForm::v2Call_saysDeprecatedApi()
{
    CallForm form;
    QCOMPARE(form.fieldText(QStringLiteral("api")), Dash);
    QVERIFY(!form.isFieldVisible(QStringLiteral("results")));
    form.setCall(snapshotFromData(QStringLiteral("progress-3.json")).call);
    QCOMPARE(form.fieldText(QStringLiteral("api")), QStringLiteral("v2 (deprecated)"));
    QVERIFY(form.isFieldVisible(QStringLiteral("api")));
    QVERIFY(form.isFieldVisible(QStringLiteral("callType")));
    QVERIFY(!form.isFieldVisible(QStringLiteral("results")));
    auto *api = form.findChild<QLabel *>(QStringLiteral("api"));
    QVERIFY(api);
    QVERIFY(api->toolTip().contains(QStringLiteral("deprecated")));
    form.clear();
    QCOMPARE(form.fieldText(QStringLiteral("api")), Dash);
    QVERIFY(!form.isFieldVisible(QStringLiteral("api")));
}

namespace {

Event makeEvent(const QString &id, const QString &type, const QString &message = {})
{
    Event e;
    e.eventId = id;
    e.eventType = type;
    e.functionName = QStringLiteral("extract-invoice");
    e.functionCallId = QStringLiteral("fc_") + id;
    e.message = message;
    e.object = QJsonObject{{QStringLiteral("eventID"), id}, {QStringLiteral("eventType"), type}};
    return e;
}

} // namespace

void TestCallForm::v3Call_countsOutputsAndErrorsAndHidesCallType()
{
    Call call;
    call.callId = QStringLiteral("wf_v3");
    call.apiVersion = ApiVersion::V3;
    call.status = Status::fromRaw(QStringLiteral("running"));
    call.workflowName = QStringLiteral("invoice-extraction");
    call.outputs = {makeEvent(QStringLiteral("ev1"), QStringLiteral("transform")),
                    makeEvent(QStringLiteral("ev2"), QStringLiteral("transform"))};
    call.errors = {makeEvent(QStringLiteral("ev3"), QStringLiteral("error"), QStringLiteral("x"))};
    CallForm form;
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("api")), QStringLiteral("v3"));
    QVERIFY(!form.isFieldVisible(QStringLiteral("callType")));
    QVERIFY(form.isFieldVisible(QStringLiteral("results")));
    QCOMPARE(form.fieldText(QStringLiteral("results")), QStringLiteral("2 outputs \u00b7 1 error"));

    // Paging brought more than the call's own arrays carry: the paged lists count.
    CallEvents events{call.outputs, call.errors, false};
    events.outputs << makeEvent(QStringLiteral("ev4"), QStringLiteral("transform"));
    form.setEvents(events);
    QCOMPARE(form.fieldText(QStringLiteral("results")),
             QStringLiteral("3 outputs \u00b7 1 error \u2026"));
    events.complete = true;
    form.setEvents(events);
    QCOMPARE(form.fieldText(QStringLiteral("results")), QStringLiteral("3 outputs \u00b7 1 error"));
    // A newer state of the same call keeps the paged counts...
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("results")), QStringLiteral("3 outputs \u00b7 1 error"));
    // ...another call does not.
    call.callId = QStringLiteral("wf_other");
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("results")), QStringLiteral("2 outputs \u00b7 1 error"));
}

void TestCallForm::v3FailedCall_showsItsFirstError()
{
    Call call;
    call.callId = QStringLiteral("wf_v3");
    call.apiVersion = ApiVersion::V3;
    call.status = Status::fromRaw(QStringLiteral("failed"));
    call.errors = {makeEvent(QStringLiteral("e1"), QStringLiteral("error"),
                             QStringLiteral("<b>vendor</b> missing")),
                   makeEvent(QStringLiteral("e2"), QStringLiteral("error"), QStringLiteral("y"))};
    CallForm form;
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("error")),
             QStringLiteral("extract-invoice: <b>vendor</b> missing (and 1 more error)"));
    call.errors.removeLast();
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("error")),
             QStringLiteral("extract-invoice: <b>vendor</b> missing"));
}

void TestCallForm::hostileCall_shownLiterally()
{
    const Call call = hostileCall();
    CallForm form;
    form.resize(1280, 200);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    form.setCall(call, QStringLiteral("<img src='file:///etc/passwd'>"));
    form.repaint();

    QCOMPARE(form.fieldText(QStringLiteral("functionName")), hostileName());
    QCOMPARE(form.fieldText(QStringLiteral("callID")), call.callId);
    QCOMPARE(form.fieldText(QStringLiteral("functionType")), call.functionType);
    QCOMPARE(form.fieldText(QStringLiteral("functionID")), call.functionId);
    QCOMPARE(form.fieldText(QStringLiteral("callReferenceID")), call.callReferenceId);
    QCOMPARE(form.fieldText(QStringLiteral("status")), QStringLiteral("<i>weird</i>"));
    QCOMPARE(form.fieldText(QStringLiteral("created")), call.createdAt.raw());
    QCOMPARE(form.fieldText(QStringLiteral("input")), QStringLiteral("https://x/<img>"));
    QCOMPARE(form.fieldText(QStringLiteral("inputType")), QStringLiteral("<u>pdf</u>"));
    QCOMPARE(form.fieldText(QStringLiteral("error")),
             QStringLiteral("<img src='file:///etc/passwd'>"));

    auto *name = form.findChild<ValueField *>(QStringLiteral("functionName"));
    QCOMPARE(name->lineEdit()->text(), hostileName());
    QVERIFY(!name->lineEdit()->toolTip().contains(QStringLiteral("<img")));
    auto *type = form.findChild<ValueField *>(QStringLiteral("functionType"));
    QCOMPARE(type->lineEdit()->text(), QStringLiteral("abc<U+202E>txt.exe"));
    auto *id = form.findChild<ValueField *>(QStringLiteral("functionID"));
    QCOMPARE(id->lineEdit()->text(), QStringLiteral("nul<U+0000>after"));

    checkAllLabelsPlain(&form);

    // The whole 100,000-character ID is what Copy gives.
    form.findChild<ValueField *>(QStringLiteral("callID"))->copyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), call.callId);
}

void TestCallForm::singleInput_openEmitsExactUrl()
{
    Call call = snapshotFromData(QStringLiteral("api-example.json")).call;
    QVERIFY(call.input.singleFile);
    CallForm form;
    QSignalSpy spy(&form, &CallForm::openUrlRequested);
    form.setCall(call);
    QCOMPARE(form.fieldText(QStringLiteral("input")), call.input.singleFile->s3URL);
    QCOMPARE(form.fieldText(QStringLiteral("inputType")), QStringLiteral("pdf"));
    auto *open = form.findChild<QToolButton *>(QStringLiteral("inputOpen"));
    QVERIFY(open);
    QVERIFY(open->isVisibleTo(&form));
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), call.input.singleFile->s3URL);

    auto *url = form.findChild<ValueField *>(QStringLiteral("inputURL"));
    QVERIFY(url->isCopyButtonVisible());
    url->copyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), call.input.singleFile->s3URL);
}

void TestCallForm::batchInput_menuEmitsExactUrl()
{
    const Call call = snapshotFromData(QStringLiteral("progress-3.json")).call;
    CallForm form;
    QSignalSpy spy(&form, &CallForm::openUrlRequested);
    form.setCall(call);
    auto *button = form.findChild<QToolButton *>(QStringLiteral("batchOpen"));
    QVERIFY(button);
    QVERIFY(button->isVisibleTo(&form));
    QVERIFY(!form.findChild<QToolButton *>(QStringLiteral("inputOpen"))->isVisibleTo(&form));
    auto *menu = form.findChild<QMenu *>(QStringLiteral("batchMenu"));
    QVERIFY(menu);
    QList<QAction *> files;
    for (QAction *a : menu->actions())
        if (a->text().startsWith(QStringLiteral("inv-")))
            files << a;
    QCOMPARE(files.size(), 2);
    files.at(1)->trigger();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(),
             QStringLiteral("https://bucket.s3.amazonaws.com/inv-2.pdf"));

    // "Copy All URLs" copies every URL, one per line.
    QAction *copyAll = menu->actions().constLast();
    copyAll->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("https://bucket.s3.amazonaws.com/inv-1.pdf\n"
                            "https://bucket.s3.amazonaws.com/inv-2.pdf"));

    // An '&' in a reference is not a mnemonic.
    Call amp = call;
    (*amp.input.batchFiles)[0].itemReferenceId = QStringLiteral("a&b");
    form.setCall(amp);
    QCOMPARE(menu->actions().constFirst()->text(), QStringLiteral("a&&b  \u00b7  pdf"));
}

void TestCallForm::newerState_updatesInPlace()
{
    CallForm form;
    form.resize(1280, 200);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    form.setCall(snapshotFromData(QStringLiteral("progress-3.json")).call);
    const QList<QObject *> before = descendants(&form);
    auto *callId = form.findChild<ValueField *>(QStringLiteral("callID"));
    callId->lineEdit()->setFocus();
    callId->lineEdit()->setSelection(3, 4);
    const QPointer<QObject> firstMenuAction =
        form.findChild<QMenu *>(QStringLiteral("batchMenu"))->actions().constFirst();

    form.setCall(snapshotFromData(QStringLiteral("progress-5.json")).call);
    QCOMPARE(descendants(&form), before);
    QCOMPARE(form.fieldText(QStringLiteral("status")), QStringLiteral("Completed"));
    QCOMPARE(callId->lineEdit()->selectedText(), QStringLiteral("call"));
    // The same batch of files: the menu is not rebuilt.
    QVERIFY(firstMenuAction);
}

void TestCallForm::compact_fitsIn180PixelsOnAWideWindow()
{
    CallForm form;
    form.resize(1280, 400);
    form.setCall(snapshotFromData(QStringLiteral("progress-3.json")).call);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QVERIFY2(form.sizeHint().height() <= 180,
             qPrintable(QString::number(form.sizeHint().height())));
    QVERIFY(form.minimumSizeHint().width() <= 1280);
}

QTEST_MAIN(TestCallForm)
#include "tst_callform.moc"

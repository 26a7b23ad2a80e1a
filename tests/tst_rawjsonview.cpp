// SPDX-License-Identifier: MIT
#include "rawjsonview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <QTextBlock>
#include <QVBoxLayout>
#include <atomic>

using namespace bem;

namespace {

// A call with `count` function calls: a few thousand lines once pretty-printed.
QByteArray bigCall(int count, const QString &status, bool withExtraField = false)
{
    QJsonArray functionCalls;
    for (int i = 0; i < count; ++i)
        functionCalls.append(QJsonObject{
            {QStringLiteral("functionCallID"), QStringLiteral("fc_%1").arg(i)},
            {QStringLiteral("status"), i == count - 1 ? status : QStringLiteral("completed")},
            {QStringLiteral("activity"),
             QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Step")},
                                    {QStringLiteral("status"), QStringLiteral("completed")}}}}});
    QJsonObject call{{QStringLiteral("callID"), QStringLiteral("c_1")},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("functionCalls"), functionCalls}};
    // Keys are printed sorted: "callID" < "callReferenceID" < "functionCalls", so this
    // adds lines above everything that follows.
    if (withExtraField)
        call.insert(QStringLiteral("callReferenceID"),
                    QJsonArray{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    return QJsonDocument(QJsonObject{{QStringLiteral("call"), call}})
        .toJson(QJsonDocument::Compact);
}

QPlainTextEdit *editOf(RawJsonView &view)
{
    return view.findChild<QPlainTextEdit *>(QStringLiteral("text"));
}

QString findStatus(RawJsonView &view)
{
    return view.findChild<QLabel *>(QStringLiteral("findStatus"))->text();
}

QWidget *findBar(RawJsonView &view)
{
    return view.findChild<QWidget *>(QStringLiteral("findBar"));
}

int cursorLine(RawJsonView &view)
{
    return editOf(view)->textCursor().blockNumber();
}

// A path under a regular file where a directory should be: unwritable even for root.
// Empty when the blocking file could not be made.
QString unwritablePathIn(const QTemporaryDir &dir)
{
    QFile blocker(dir.filePath(QStringLiteral("file")));
    if (!blocker.open(QIODevice::WriteOnly))
        return {};
    return dir.filePath(QStringLiteral("file/c_1.json"));
}

} // namespace

// The Raw JSON tab: what is shown (pretty JSON, or the body as received under a note,
// always as plain text), finding, copying, saving the exact bytes, and keeping the reading
// position while a live call is refreshed under it.
class TestRawJsonView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyView_saysNoResponseAndOffersNothing()
    {
        RawJsonView view;
        QCOMPARE(view.text(), QString());
        QVERIFY(!view.hasResponse());
        QCOMPARE(editOf(view)->placeholderText(), QStringLiteral("No response yet."));
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("copyAll"))->isEnabled());
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("saveAs"))->isEnabled());
        QString error;
        QVERIFY(!view.saveTo(QStringLiteral("/tmp/never-written.json"), &error));
        QVERIFY(error.startsWith(QStringLiteral("Could not save to ")));
    }

    void validJson_isPrettyPrintedAndKeptAsReceived()
    {
        RawJsonView view;
        const QByteArray body = "{\"call\":{\"status\":\"running\",\"callID\":\"c_1\"}}";
        view.setResponse(body);
        QCOMPARE(view.response(), body);
        QVERIFY(view.isJson());
        // Indented like QJsonDocument::Indented, but in the order received.
        QCOMPARE(view.text(),
                 QStringLiteral("{\n    \"call\": {\n        \"status\": \"running\",\n"
                                "        \"callID\": \"c_1\"\n    }\n}"));
        QVERIFY(view.text().contains(QStringLiteral("\n        \"status\": \"running\"")));
        QCOMPARE(editOf(view)->toPlainText(), view.text());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("note"))->isHidden());
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("copyAll"))->isEnabled());
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("saveAs"))->isEnabled());

        view.clear();
        QCOMPARE(view.text(), QString());
        QCOMPARE(view.response(), QByteArray());
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("saveAs"))->isEnabled());
    }

    void keys_areShownInTheOrderReceived()
    {
        RawJsonView view;
        view.setResponse("{\"b\":1,\"a\":2.50,\"c\":\"\\u00e9\"}");
        QVERIFY(view.isJson());
        // Not sorted, and numbers and escapes not re-encoded (2.50 stays, \u00e9 stays).
        QCOMPARE(view.text(), QStringLiteral("{\n    \"b\": 1,\n    \"a\": 2.50,\n    \"c\": "
                                             "\"\\u00e9\"\n}"));
    }

    void largeBody_isShownInTheOrderReceived()
    {
        QByteArray body = "{\"zeta\":\"first\",\"items\":[";
        for (int i = 0; i < 20000; ++i)
            body += "{\"z\":" + QByteArray::number(i) + ",\"a\":1.0},";
        body += "{}],\"alpha\":\"last\"}";
        QVERIFY(body.size() > RawJsonView::LargeBodyBytes);
        RawJsonView view;
        view.show();
        view.setResponse(body);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFormatting(), 30000);
        QVERIFY(view.isJson());
        QVERIFY(view.isShowingPrefix());
        QVERIFY2(view.text().startsWith(QStringLiteral(
                     "{\n    \"zeta\": \"first\",\n    \"items\": [\n        {\n            "
                     "\"z\": 0,\n            \"a\": 1.0\n        },")),
                 qPrintable(view.text().left(120)));
    }

    void failedHtmlBody_isShownAsTextUnderANote()
    {
        RawJsonView view;
        const QByteArray good = "{\"call\":{\"callID\":\"c_1\"}}";
        view.setResponse(good);
        const QByteArray page = "<html><head><title>502 Bad Gateway</title></head><body>"
                                "<h1>Bad Gateway</h1><img src=file:///etc/passwd></body></html>";
        view.setFailedResponse(page, 502, QStringLiteral("text/html; charset=utf-8"));
        QVERIFY(view.hasResponse());
        QVERIFY(view.isShowingFailedResponse());
        QVERIFY(!view.isJson());
        QCOMPARE(view.text(), QString::fromUtf8(page));
        QVERIFY(!editOf(view)->document()->toHtml().contains(QStringLiteral("<img")));
        auto *note = view.findChild<QLabel *>(QStringLiteral("note"));
        QVERIFY(!note->isHidden());
        QCOMPARE(note->textFormat(), Qt::PlainText);
        QCOMPARE(
            note->text().section(u'\n', 0, 0),
            QStringLiteral("HTTP 502 \u00b7 text/html; charset=utf-8 \u00b7 shown as received"));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("errorContext"))->isHidden());

        // Save and Copy take what is shown; the good response is kept and comes back.
        QCOMPARE(view.response(), page);
        QCOMPARE(view.lastGoodResponse(), good);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shown.json"));
        QVERIFY(view.saveTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), page);
        auto *lastGood = view.findChild<QPushButton *>(QStringLiteral("showLastGood"));
        QVERIFY(!lastGood->isHidden());
        lastGood->click();
        QVERIFY(!view.isShowingFailedResponse());
        QCOMPARE(view.response(), good);
        QVERIFY(view.isJson());
        QVERIFY(view.text().contains(QStringLiteral("\"callID\": \"c_1\"")));
        QVERIFY(lastGood->isHidden());

        // A good response after a failure replaces it, even with the same bytes as before.
        view.setFailedResponse(page, 502, QStringLiteral("text/html"));
        view.setResponse(good);
        QVERIFY(!view.isShowingFailedResponse());
        QCOMPARE(view.response(), good);
    }

    void failedResponse_withoutAnEarlierOne_isStillShown()
    {
        RawJsonView view;
        view.setFailedResponse("{\"message\":\"Not found\",\"code\":404}", 404,
                               QStringLiteral("application/json"));
        QVERIFY(view.isJson());
        QCOMPARE(view.text(),
                 QStringLiteral("{\n    \"message\": \"Not found\",\n    \"code\": 404\n}"));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("showLastGood"))->isHidden());
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("saveAs"))->isEnabled());
        QVERIFY(!view.hasLastGoodResponse());
    }

    void invalidJsonBody_marksTheErrorPosition()
    {
        RawJsonView view;
        view.resize(600, 300);
        view.show();
        // Cut off in the middle of the second line.
        const QByteArray body =
            "{\"call\":{\"callID\":\"c_1\",\n\"functionCalls\":[{\"id\":1} \"x\"";
        view.setFailedResponse(body, 200, QStringLiteral("application/json"));
        QVERIFY(!view.isJson());
        QCOMPARE(view.text(), QString::fromUtf8(body));
        const QString note = view.findChild<QLabel *>(QStringLiteral("note"))->text();
        QVERIFY2(note.startsWith(QStringLiteral("HTTP 200 \u00b7 application/json \u00b7 shown as "
                                                "received\n")),
                 qPrintable(note));
        // Where Qt's parser stops: at the string after the object, a ',' missing.
        QJsonParseError parseError{};
        QJsonDocument::fromJson(body, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::MissingValueSeparator);
        const int column = int(parseError.offset - body.indexOf('\n'));
        QVERIFY2(note.contains(QStringLiteral("Not valid JSON at line 2, column %1: ").arg(column)),
                 qPrintable(note));
        auto *context = view.findChild<QLabel *>(QStringLiteral("errorContext"));
        QVERIFY(!context->isHidden());
        QCOMPARE(context->textFormat(), Qt::PlainText);
        const QStringList contextLines = context->text().split(u'\n');
        QCOMPARE(contextLines.size(), 2);
        QCOMPARE(contextLines.at(0), QStringLiteral("\"functionCalls\":[{\"id\":1} \"x\""));
        QCOMPARE(contextLines.at(1), QString(column - 1, u' ') + u'^');
        QCOMPARE(cursorLine(view), 1);
        QCOMPARE(editOf(view)->textCursor().positionInBlock(), column - 1);

        // Where the caller's parse failed, as it says.
        view.setFailedResponse("{\"a\":1}garbage", 200, QStringLiteral("application/json"), 7,
                               QStringLiteral("garbage at the end"));
        QVERIFY(!view.isJson());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("note"))
                    ->text()
                    .contains(QStringLiteral("line 1, column 8: garbage at the end")));
        QCOMPARE(editOf(view)->textCursor().positionInBlock(), 7);
    }

    void largeFailedBody_showsItsStartAndMarksAnErrorBeyondIt()
    {
        QByteArray body = bigCall(40000, QStringLiteral("running"));
        body.chop(3); // cut off at the end: far beyond the part shown
        RawJsonView view;
        view.show();
        view.setFailedResponse(body, 200, QStringLiteral("application/json"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFormatting(), 30000);
        QVERIFY(view.isShowingPrefix());
        QVERIFY(!view.isJson());
        QCOMPARE(view.text(), QString::fromUtf8(body.left(RawJsonView::ShownPrefixBytes)));
        const QString note = view.findChild<QLabel *>(QStringLiteral("note"))->text();
        QVERIFY2(note.contains(QStringLiteral("(beyond the part shown)")), qPrintable(note));
        QCOMPARE(view.response(), body);
    }

    // With BEM_RAWVIEW_SCREENSHOTS=<dir>, pictures of a 502 page and of a marked error.
    void screenshots_ofFailedBodies()
    {
        RawJsonView view;
        view.resize(760, 420);
        view.setResponse("{\"call\":{\"callID\":\"c_1\"}}");
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFailedResponse("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                               "<center><h1>502 Bad Gateway</h1></center>\r\n"
                               "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                               502, QStringLiteral("text/html"));
        QTest::qWait(50); // the layout follows the note's new size
        const QImage html = view.grab().toImage();
        view.setFailedResponse("{\n  \"call\": {\n    \"callID\": \"c_1\",\n    \"status\": "
                               "\"running\",\n    \"functionCalls\": [\n      {\"functionCallID\": "
                               "\"fc_1\", \"status\": tru}\n    ]\n  }\n}",
                               200, QStringLiteral("application/json"));
        QTest::qWait(50);
        const QImage invalid = view.grab().toImage();
        QVERIFY(!html.isNull() && !invalid.isNull());
        QVERIFY(html != invalid);
        const QString dir = qEnvironmentVariable("BEM_RAWVIEW_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(html.save(QDir(dir).filePath(QStringLiteral("rawview-502-html.png"))));
        QVERIFY(invalid.save(QDir(dir).filePath(QStringLiteral("rawview-invalid-json.png"))));
    }

    void textEdit_isReadOnlyMonospacedPlainText()
    {
        RawJsonView view;
        QPlainTextEdit *edit = editOf(view);
        QVERIFY(edit->isReadOnly());
        QVERIFY(!edit->isUndoRedoEnabled());
        QCOMPARE(edit->lineWrapMode(), QPlainTextEdit::NoWrap);
        QVERIFY(QFontInfo(edit->font()).fixedPitch());
    }

    void invalidJson_isShownAsReceivedUnderANote()
    {
        RawJsonView view;
        const QByteArray body = "{\"call\": {\"status\": \"runn\xc3\xa9\xff";
        view.setResponse(body);
        QVERIFY(!view.isJson());
        QCOMPARE(view.response(), body);
        QCOMPARE(view.text(), QString::fromUtf8(body));
        QVERIFY(view.text().contains(QStringLiteral("runn\u00e9\ufffd")));
        auto *note = view.findChild<QLabel *>(QStringLiteral("note"));
        QVERIFY(!note->isHidden());
        QCOMPARE(note->text().section(u'\n', 0, 0),
                 QStringLiteral("This response is not valid JSON; shown as received."));
        // Where the parse failed: the invalid UTF-8 byte after "runn\xc3\xa9".
        QVERIFY2(note->text().contains(QStringLiteral("line 1, column 27")),
                 qPrintable(note->text()));
        QCOMPARE(note->textFormat(), Qt::PlainText);

        view.setResponse("{}");
        QVERIFY(note->isHidden());
    }

    void markup_isShownLiterally_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("literal");
        QTest::newRow("html page") << QByteArray("<html><body><img src=file:///etc/passwd>"
                                                 "<a href='https://evil.example'>x</a></body>")
                                   << QStringLiteral("<img src=file:///etc/passwd>");
        QTest::newRow("in a JSON string")
            << QByteArray("{\"message\":\"<img src=file:///etc/passwd><b>bold</b>\"}")
            << QStringLiteral("\"<img src=file:///etc/passwd><b>bold</b>\"");
    }

    void markup_isShownLiterally()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, literal);
        RawJsonView view;
        view.setResponse(body);
        QVERIFY(view.text().contains(literal));
        QVERIFY(editOf(view)->toPlainText().contains(literal));
        // No image or anchor was made from it: the document holds plain text only.
        QVERIFY(!editOf(view)->document()->toHtml().contains(QStringLiteral("<img")));
        const QList<QLabel *> labels = view.findChildren<QLabel *>();
        for (QLabel *label : labels)
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }

    void findNext_wrapsAroundAndCounts()
    {
        RawJsonView view;
        view.setResponse("{\"a\":\"Running\",\"b\":\"running\",\"c\":\"RUNNING\",\"d\":\"done\"}");
        view.showFindBar();
        QVERIFY(view.findNext(QStringLiteral("running")));
        QCOMPARE(findStatus(view), QStringLiteral("1 of 3"));
        QCOMPARE(editOf(view)->textCursor().selectedText(), QStringLiteral("Running"));
        QVERIFY(view.findNext(QStringLiteral("running")));
        QCOMPARE(findStatus(view), QStringLiteral("2 of 3"));
        QVERIFY(view.findNext(QStringLiteral("running")));
        QCOMPARE(findStatus(view), QStringLiteral("3 of 3"));
        QCOMPARE(editOf(view)->textCursor().selectedText(), QStringLiteral("RUNNING"));
        QVERIFY(view.findNext(QStringLiteral("running"))); // wraps to the first
        QCOMPARE(findStatus(view), QStringLiteral("1 of 3"));
        QVERIFY(view.findNext(QStringLiteral("running"), true)); // and back to the last
        QCOMPARE(findStatus(view), QStringLiteral("3 of 3"));
        QVERIFY(view.findNext(QStringLiteral("running"), true));
        QCOMPARE(findStatus(view), QStringLiteral("2 of 3"));
        QCOMPARE(editOf(view)->extraSelections().size(), 3);

        QVERIFY(!view.findNext(QStringLiteral("pending")));
        QCOMPARE(findStatus(view), QStringLiteral("Not found"));
        QCOMPARE(editOf(view)->extraSelections().size(), 0);
    }

    void highlights_areCapped()
    {
        QJsonArray many;
        for (int i = 0; i < 5000; ++i)
            many.append(QStringLiteral("match"));
        RawJsonView view;
        view.setResponse(QJsonDocument(many).toJson(QJsonDocument::Compact));
        view.showFindBar();
        QVERIFY(view.findNext(QStringLiteral("MATCH")));
        QCOMPARE(findStatus(view), QStringLiteral("1 of 5000"));
        QCOMPARE(editOf(view)->extraSelections().size(), RawJsonView::MaxHighlightedMatches);
    }

    void keyboard_opensSearchesAndClosesTheFindBar()
    {
        // A window with its own Ctrl+F (the tree filter) around the view.
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *filter = new QLineEdit(&window);
        layout->addWidget(filter);
        auto *view = new RawJsonView(&window);
        layout->addWidget(view);
        auto *windowFind = new QAction(&window);
        windowFind->setShortcut(QKeySequence::Find);
        window.addAction(windowFind);
        QSignalSpy windowFindTriggered(windowFind, &QAction::triggered);
        window.resize(600, 400);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setResponse("{\"a\":\"Running\",\"b\":\"running\",\"c\":\"done\"}");

        QPlainTextEdit *edit = editOf(*view);
        edit->setFocus();
        QVERIFY(findBar(*view)->isHidden());
        QTest::keySequence(edit, QKeySequence::Find);
        QVERIFY(!findBar(*view)->isHidden());
        QCOMPARE(windowFindTriggered.size(), 0);
        auto *field = view->findChild<QLineEdit *>(QStringLiteral("findField"));
        QCOMPARE(QApplication::focusWidget(), field);

        QTest::keyClicks(field, QStringLiteral("running"));
        QCOMPARE(findStatus(*view), QStringLiteral("1 of 2"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(findStatus(*view), QStringLiteral("2 of 2"));
        QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(findStatus(*view), QStringLiteral("1 of 2"));
        QTest::keySequence(field, QKeySequence::FindNext);
        QCOMPARE(findStatus(*view), QStringLiteral("2 of 2"));
        QTest::keySequence(field, QKeySequence::FindPrevious);
        QCOMPARE(findStatus(*view), QStringLiteral("1 of 2"));

        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(findBar(*view)->isHidden());
        QCOMPARE(QApplication::focusWidget(), edit);
        QCOMPARE(edit->extraSelections().size(), 0);

        // F3 with the bar closed finds the last search again.
        QTest::keySequence(edit, QKeySequence::FindNext);
        QVERIFY(!findBar(*view)->isHidden());
        QCOMPARE(findStatus(*view), QStringLiteral("2 of 2"));
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(findBar(*view)->isHidden());

        // Outside the view, Ctrl+F is the window's.
        filter->setFocus();
        QTest::keySequence(filter, QKeySequence::Find);
        QCOMPARE(windowFindTriggered.size(), 1);
        QVERIFY(findBar(*view)->isHidden());
    }

    // A v3 call is saved as the bundle the window describes, built when the save starts
    // (off the GUI thread for startSaving); clear() goes back to saving the bytes shown.
    void saveContent_isWhatSavingWrites()
    {
        RawJsonView view;
        view.setResponse(QByteArrayLiteral("{\"call\":{}}"));
        std::atomic<int> built = 0; // the second build runs on the thread pool
        view.setSaveContent([&built] {
            ++built;
            return QByteArrayLiteral("{\"bemCallInspectorBundle\":1}");
        });
        QCOMPARE(built, 0);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bundle.json"));
        QVERIFY(view.saveTo(path));
        QCOMPARE(built, 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArrayLiteral("{\"bemCallInspectorBundle\":1}"));
        file.close();

        const QString async = dir.filePath(QStringLiteral("async.json"));
        QSignalSpy saved(&view, &RawJsonView::saved);
        QVERIFY(view.startSaving(async));
        QVERIFY(saved.wait(10000));
        QCOMPARE(built, 2);

        view.clear();
        QVERIFY(!view.hasSaveContent());
        view.setResponse(QByteArrayLiteral("[1]"));
        QVERIFY(view.saveTo(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArrayLiteral("[1]"));
    }

    void saveTo_writesTheExactBytes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RawJsonView view;
        QSignalSpy saved(&view, &RawJsonView::saved);
        // Odd spacing, CRLF and bytes that are not UTF-8: none of it may be "fixed".
        const QByteArray body = "{ \"call\" :\r\n {\"status\":\"run\xffning\"}\t}  \n";
        view.setResponse(body);
        const QString path = dir.filePath(QStringLiteral("c_1.json"));
        QString error;
        QVERIFY(view.saveTo(path, &error));
        QCOMPARE(error, QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().toString(), path);

        // Pretty JSON too is saved as received, not as shown.
        const QByteArray compact = "{\"a\":[1,2.50,3]}";
        view.setResponse(compact);
        QVERIFY(view.saveTo(path, &error));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), compact);
    }

    void saveTo_reportsAnUnwritablePath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = unwritablePathIn(dir);
        QVERIFY(!path.isEmpty());
        RawJsonView view;
        QSignalSpy saved(&view, &RawJsonView::saved);
        view.setResponse("{}");
        QString error;
        QVERIFY(!view.saveTo(path, &error));
        const QString prefix = QStringLiteral("Could not save to %1: ").arg(path);
        QVERIFY2(error.startsWith(prefix), qPrintable(error));
        QVERIFY2(error.size() > prefix.size(), qPrintable(error));
        QCOMPARE(saved.size(), 0);
        QVERIFY(!view.saveTo(QStringLiteral("/nonexistent-dir-for-bem/c_1.json"), nullptr));
    }

    void startSaving_writesOffTheGuiThreadAndSaysWhenDone()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RawJsonView view;
        QSignalSpy started(&view, &RawJsonView::savingStarted);
        QSignalSpy saved(&view, &RawJsonView::saved);
        QSignalSpy failed(&view, &RawJsonView::saveFailed);
        // A large body with bytes that are not UTF-8: written as received.
        QByteArray body = "{\"calls\":\"";
        body += QByteArray(8 * 1024 * 1024, 'x') + "\xff\r\n\"}";
        view.setResponse(body);
        auto *save = view.findChild<QPushButton *>(QStringLiteral("saveAs"));
        QVERIFY(save);
        const QString path = dir.filePath(QStringLiteral("big.json"));

        QVERIFY(view.startSaving(path));
        // Not on the caller's stack: the window keeps running while the disk works.
        QCOMPARE(saved.size(), 0);
        QCOMPARE(started.size(), 1);
        QVERIFY(view.isSaving());
        QVERIFY(!save->isEnabled());
        QCOMPARE(save->text(), QStringLiteral("Saving\u2026"));
        // One save at a time.
        QVERIFY(!view.startSaving(dir.filePath(QStringLiteral("other.json"))));
        // A newer response meanwhile does not change what is being written.
        view.setResponse("{}");

        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
        QCOMPARE(saved.first().first().toString(), path);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!view.isSaving());
        QVERIFY(save->isEnabled());
        QCOMPARE(save->text(), QStringLiteral("Save as\u2026"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("other.json"))));
    }

    void startSaving_reportsAFailureAsASentence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = unwritablePathIn(dir);
        QVERIFY(!path.isEmpty());
        RawJsonView view;
        QSignalSpy saved(&view, &RawJsonView::saved);
        QSignalSpy failed(&view, &RawJsonView::saveFailed);
        view.setResponse("{}");
        QVERIFY(view.startSaving(path));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        const QString error = failed.first().first().toString();
        const QString prefix = QStringLiteral("Could not save to %1: ").arg(path);
        QVERIFY2(error.startsWith(prefix) && error.size() > prefix.size(), qPrintable(error));
        QCOMPARE(saved.size(), 0);
        QVERIFY(!view.isSaving());
        // A save that was not asked for through the dialog shows no message box.
        QVERIFY(view.findChildren<QMessageBox *>().isEmpty());

        RawJsonView empty;
        QSignalSpy emptyFailed(&empty, &RawJsonView::saveFailed);
        QVERIFY(!empty.startSaving(dir.filePath(QStringLiteral("none.json"))));
        QCOMPARE(emptyFailed.size(), 1);
    }

    void suggestedFileName_isASafeJsonName()
    {
        RawJsonView view;
        QCOMPARE(view.suggestedFileName(), QStringLiteral("response.json"));
        view.setSuggestedFileName(QStringLiteral("c_1.json"));
        QCOMPARE(view.suggestedFileName(), QStringLiteral("c_1.json"));
        view.setSuggestedFileName(QStringLiteral("c_1"));
        QCOMPARE(view.suggestedFileName(), QStringLiteral("c_1.json"));
        view.setSuggestedFileName(QStringLiteral("../a/b\\c"));
        QCOMPARE(view.suggestedFileName(), QStringLiteral("_a_b_c.json"));
        view.setSuggestedFileName(QString());
        QCOMPARE(view.suggestedFileName(), QStringLiteral("response.json"));
    }

    void copyAll_putsTheShownTextOnTheClipboard()
    {
        RawJsonView view;
        view.setResponse("{\"call\":{\"callID\":\"c_1\"}}");
        QApplication::clipboard()->clear();
        view.findChild<QPushButton *>(QStringLiteral("copyAll"))->click();
        QCOMPARE(QApplication::clipboard()->text(), view.text());
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("\n")));
    }

    void refresh_keepsTheReadingPosition()
    {
        RawJsonView view;
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QPlainTextEdit *edit = editOf(view);
        view.setResponse(bigCall(80, QStringLiteral("running")));
        QVERIFY(edit->document()->blockCount() > 600);

        // Reading line 300, the cursor on line 305.
        QTextCursor cursor(edit->document()->findBlockByNumber(305));
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 4);
        edit->setTextCursor(cursor);
        edit->verticalScrollBar()->setValue(300);
        edit->horizontalScrollBar()->setValue(0);
        QCOMPARE(edit->verticalScrollBar()->value(), 300);

        // The same bytes again: nothing changes.
        view.setResponse(bigCall(80, QStringLiteral("running")));
        QCOMPARE(edit->verticalScrollBar()->value(), 300);
        QCOMPARE(cursorLine(view), 305);

        // A status changed: no line moved, so neither does the view.
        view.setResponse(bigCall(80, QStringLiteral("completed")));
        QVERIFY(view.text().contains(QStringLiteral("\"completed\"")));
        QVERIFY(!view.text().contains(QStringLiteral("\"running\"")));
        QCOMPARE(edit->verticalScrollBar()->value(), 300);
        QCOMPARE(cursorLine(view), 305);
        QCOMPARE(edit->textCursor().positionInBlock(), 4);

        // Five lines appeared above: the same text stays in view, five lines further down.
        const QString readLine = edit->document()->findBlockByNumber(300).text();
        view.setResponse(bigCall(80, QStringLiteral("completed"), true));
        QCOMPARE(edit->verticalScrollBar()->value(), 305);
        QCOMPARE(edit->document()->findBlockByNumber(305).text(), readLine);
        QCOMPARE(cursorLine(view), 310);

        // Another call starts at the top.
        view.clear();
        view.setResponse(bigCall(10, QStringLiteral("running")));
        QCOMPARE(edit->verticalScrollBar()->value(), 0);
    }

    void refresh_keepsTheFindBarCurrent()
    {
        RawJsonView view;
        view.setResponse("{\"a\":\"running\",\"b\":\"running\"}");
        view.showFindBar();
        QVERIFY(view.findNext(QStringLiteral("running")));
        QCOMPARE(findStatus(view), QStringLiteral("1 of 2"));
        view.setResponse("{\"a\":\"running\",\"b\":\"done\"}");
        QCOMPARE(findStatus(view), QStringLiteral("1 of 1"));
        QCOMPARE(editOf(view)->extraSelections().size(), 1);

        // The current match is gone: nothing else gets selected in its place.
        view.setResponse("{\"a\":\"running\",\"b\":\"running\"}");
        QVERIFY(view.findNext(QStringLiteral("running")));
        QCOMPARE(findStatus(view), QStringLiteral("2 of 2"));
        view.setResponse("{\"a\":\"running\",\"b\":\"stopped\"}");
        QCOMPARE(editOf(view)->textCursor().selectedText(), QString());
        QCOMPARE(findStatus(view), QStringLiteral("1 match"));
    }

    void largeBody_showsItsStartOnceShownAndKeepsAllOfItForSavingAndCopying()
    {
        // ~6 MB, beyond LargeBodyBytes: filling a text edit with all of it pretty-printed
        // would freeze the window for seconds.
        const QByteArray body = bigCall(40000, QStringLiteral("running"));
        QVERIFY(body.size() > RawJsonView::LargeBodyBytes);
        RawJsonView view;
        // Hidden (another tab is current): nothing is formatted until it is shown.
        view.setResponse(body);
        QVERIFY(view.isShowingPrefix());
        QCOMPARE(view.text(), QString());
        QVERIFY(!view.isFormatting());
        // Shown: indented off the GUI thread, then put in the text edit.
        view.show();
        QVERIFY(view.isFormatting());
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFormatting(), 30000);
        QVERIFY(view.isShowingPrefix());
        QVERIFY(view.isJson());
        QCOMPARE(view.response(), body);
        QVERIFY(view.text().size() <= RawJsonView::ShownPrefixBytes + 1024);
        QVERIFY(view.text().size() >= RawJsonView::ShownPrefixBytes / 2);
        // Indented like the small ones, in the order received.
        QVERIFY2(view.text().startsWith(
                     QStringLiteral("{\n    \"call\": {\n        \"callID\": \"c_1\",\n")),
                 qPrintable(view.text().left(80)));
        QVERIFY(view.text().contains(QStringLiteral("\"functionCallID\": \"fc_1\"")));
        const auto *note = view.findChild<QLabel *>(QStringLiteral("note"));
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().startsWith(QStringLiteral("A large response")),
                 qPrintable(note->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFormatting(), 30000);
        QVERIFY(view.isJson());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.json"));
        QVERIFY(view.saveTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), body);
        view.copyAll();
        QCOMPARE(QGuiApplication::clipboard()->text().size(), body.size());
    }

    void largeInvalidBody_isShownAsReceivedOnceChecked()
    {
        QByteArray body = bigCall(40000, QStringLiteral("running"));
        body.chop(3); // cut off: not JSON
        RawJsonView view;
        view.show();
        view.setResponse(body);
        QVERIFY(view.isShowingPrefix());
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFormatting(), 30000);
        QVERIFY(!view.isJson());
        QCOMPARE(view.text(), QString::fromUtf8(body.left(RawJsonView::ShownPrefixBytes)));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("note"))
                    ->text()
                    .contains(QStringLiteral("is not valid JSON")));
        // A newer body while the check runs wins over the older check.
        view.setResponse(bigCall(40000, QStringLiteral("completed")));
        view.setResponse(body);
        QVERIFY(view.isJson()); // shown at once as JSON until checked
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFormatting(), 30000);
        QVERIFY(!view.isJson());
    }
};

QTEST_MAIN(TestRawJsonView)
#include "tst_rawjsonview.moc"

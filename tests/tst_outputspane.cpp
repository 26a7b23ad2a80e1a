// SPDX-License-Identifier: MIT
#include "eventlistmodel.h"
#include "jsontreemodel.h"
#include "outputspane.h"
#include "outputviewer.h"
#include "settingskeys.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace bem;

namespace {

// An event as the parser gives it: the named fields read from `object`.
Event eventFrom(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        qFatal("bad test event");
    Event e;
    e.object = o;
    e.eventId = o.value(QStringLiteral("eventID")).toString();
    e.eventType = o.value(QStringLiteral("eventType")).toString();
    e.functionName = o.value(QStringLiteral("functionName")).toString();
    e.functionCallId = o.value(QStringLiteral("functionCallID")).toString();
    if (o.contains(QStringLiteral("functionCallTryNumber")))
        e.functionCallTryNumber = o.value(QStringLiteral("functionCallTryNumber")).toInteger();
    e.referenceId = o.value(QStringLiteral("referenceID")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    const auto time = [&](const char *key) {
        const QString raw = o.value(QLatin1String(key)).toString();
        return Timestamp{raw, QDateTime::fromString(raw, Qt::ISODate)};
    };
    e.createdAt = time("createdAt");
    e.publishedAt = time("publishedAt");
    e.lastPublishErrorAt = time("lastPublishErrorAt");
    if (o.contains(QStringLiteral("avgConfidence")))
        e.avgConfidence = o.value(QStringLiteral("avgConfidence")).toDouble();
    if (o.contains(QStringLiteral("itemOffset")))
        e.itemOffset = o.value(QStringLiteral("itemOffset")).toInteger();
    return e;
}

const QByteArray InvoiceOutput = R"({"eventID": "ev_out_1", "eventType": "transform",
    "functionName": "extract-invoice", "functionCallID": "fc_extract", "functionCallTryNumber": 1,
    "referenceID": "order-77", "createdAt": "2026-11-30T10:00:04Z",
    "publishedAt": "2026-11-30T10:00:05Z", "avgConfidence": 0.74, "itemOffset": 0,
    "transformedContent": {"invoiceNumber": "INV-0042", "total": 1234.5,
        "vendor": {"name": "<b>ACME</b> Corp", "country": "DE"},
        "lines": [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1}]},
    "fieldConfidences": {"/invoiceNumber": 0.98, "/total": 0.83, "/vendor/name": 0.41,
        "/lines/1/sku": 0.62, "/dueDate": 0.5},
    "invalidProperties": ["total"]})";

const QByteArray RouteOutput = R"({"eventID": "ev_out_2", "eventType": "route",
    "functionName": "route-docs", "functionCallID": "fc_route", "functionCallTryNumber": 1,
    "createdAt": "2026-11-30T10:00:02Z", "choice": "invoices",
    "lastPublishErrorAt": "2026-11-30T10:00:03Z"})";

const QByteArray OcrError = R"({"eventID": "ev_err_1", "eventType": "error",
    "functionName": "ocr-pages", "functionCallID": "fc_ocr", "functionCallTryNumber": 3,
    "referenceID": "order-77", "createdAt": "2026-11-30T10:00:06Z",
    "message": "<img src='file:///etc/passwd'> OCR timed out\nafter 3 tries"})";

CallEvents partlyFailed(bool complete = true)
{
    return {{eventFrom(InvoiceOutput), eventFrom(RouteOutput)}, {eventFrom(OcrError)}, complete};
}

QLabel *label(const QWidget &w, const char *name)
{
    return w.findChild<QLabel *>(QLatin1String(name));
}

void selectRow(QTableView *view, int row)
{
    view->setCurrentIndex(view->model()->index(row, 0));
}

QModelIndex treeRow(const OutputViewer &viewer, const QString &pointer)
{
    const QAbstractItemModel *model = viewer.treeView()->model();
    return model
        ->match(model->index(0, 0), JsonTreeModel::PointerRole, pointer, 1,
                Qt::MatchExactly | Qt::MatchRecursive)
        .value(0);
}

int visibleTreeRows(const QTreeView *tree)
{
    int rows = 0;
    for (QModelIndex i = tree->model()->index(0, 0); i.isValid(); i = tree->indexBelow(i))
        ++rows;
    return rows;
}

} // namespace

// The outputs and errors pane: both lists side by side with counts and empty states, the
// viewer of the selected event, jumps to an error's function call, copying, the
// low-confidence filter, and plain text throughout.
class TestOutputsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(SettingsKeys::lowConfidenceThreshold());
    }

    void cleanup() { QSettings().remove(SettingsKeys::lowConfidenceThreshold()); }

    void partlyFailedCall_outputsAndErrorsSideBySide()
    {
        OutputsPane pane;
        QAbstractItemModelTester outputsTester(
            pane.outputsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester errorsTester(
            pane.errorsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester treeTester(pane.viewer()->treeView()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.resize(1100, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCOMPARE(label(pane, "outputsHeader")->text(), QStringLiteral("Outputs (0)"));
        QVERIFY(label(pane, "outputsEmpty")->isVisible());
        QVERIFY(label(pane, "errorsEmpty")->isVisible());

        pane.setEvents(partlyFailed());
        QCOMPARE(label(pane, "outputsHeader")->text(), QStringLiteral("Outputs (2)"));
        QCOMPARE(label(pane, "errorsHeader")->text(), QStringLiteral("Errors (1)"));
        QVERIFY(pane.outputsView()->isVisible());
        QVERIFY(pane.errorsView()->isVisible());
        QVERIFY(!label(pane, "outputsEmpty")->isVisible());
        QVERIFY(!label(pane, "errorsEmpty")->isVisible());
        QVERIFY(!label(pane, "outputsLoadingMore")->isVisible());
        // Side by side: errors to the right of the outputs, at the same height.
        const QRect outputs(pane.outputsView()->mapTo(&pane, QPoint()), pane.outputsView()->size());
        const QRect errors(pane.errorsView()->mapTo(&pane, QPoint()), pane.errorsView()->size());
        QVERIFY(errors.left() >= outputs.right());
        QCOMPARE(errors.top(), outputs.top());
        QCOMPARE(pane.errorsModel()->index(0, EventListModel::ErrorMessage).data().toString(),
                 QStringLiteral("<img src='file:///etc/passwd'> OCR timed out"));

        selectRow(pane.outputsView(), 0);
        OutputViewer *viewer = pane.viewer();
        QVERIFY(viewer->treeView()->isVisible());
        QCOMPARE(label(pane, "outputTitle")->text(),
                 QStringLiteral("transform \u00b7 extract-invoice"));
        const QString summary = label(pane, "outputSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("Average confidence 0.74")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Webhook: delivered")), qPrintable(summary));
        const QString problems = label(pane, "outputDataProblems")->text();
        QVERIFY2(problems.contains(
                     QStringLiteral("fieldConfidences names /dueDate, which is not in the output")),
                 qPrintable(problems));
        QVERIFY(label(pane, "outputDataProblems")->isVisible());
        for (const QLabel *l : pane.findChildren<QLabel *>())
            QCOMPARE(l->textFormat(), Qt::PlainText);
        // The confidence column, its value, and the invalid mark.
        QCOMPARE(viewer->treeView()
                     ->model()
                     ->headerData(JsonTreeModel::ConfidenceColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Confidence"));
        const QModelIndex name = treeRow(*viewer, QStringLiteral("/vendor/name"));
        QCOMPARE(name.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("<b>ACME</b> Corp"));
        QCOMPARE(name.siblingAtColumn(JsonTreeModel::ConfidenceColumn).data().toString(),
                 QStringLiteral("0.41"));
        QVERIFY(
            treeRow(*viewer, QStringLiteral("/total")).data(JsonTreeModel::InvalidRole).toBool());

        // Choosing an error shows it (the whole event) and lets go of the output.
        selectRow(pane.errorsView(), 0);
        QVERIFY(!pane.outputsView()->selectionModel()->hasSelection());
        QCOMPARE(viewer->shownEvent().eventId, QStringLiteral("ev_err_1"));
        QVERIFY(label(pane, "outputSummary")->text().contains(QStringLiteral("Try 3")));
        QVERIFY(treeRow(*viewer, QStringLiteral("/message")).isValid());

        selectRow(pane.outputsView(), 0);
        // Let the layouts settle (the lists were empty a moment ago) before the picture.
        QTest::qWait(50);
        const QString shot = QDir::tempPath() + QStringLiteral("/outputspane.png");
        QVERIFY(pane.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

    void errors_enterDoubleClickAndButtonAskForTheFunctionCall()
    {
        OutputsPane pane;
        pane.resize(1000, 600);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setEvents(partlyFailed());
        QSignalSpy requested(&pane, &OutputsPane::functionCallRequested);
        auto *button = pane.findChild<QPushButton *>(QStringLiteral("showErrorInTree"));
        QVERIFY(!button->isEnabled());
        selectRow(pane.errorsView(), 0);
        QVERIFY(button->isEnabled());
        pane.errorsView()->setFocus();
        QTest::keyClick(pane.errorsView(), Qt::Key_Return);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.takeFirst().first().toString(), QStringLiteral("fc_ocr"));
        const QPoint cell = pane.errorsView()->visualRect(pane.errorsModel()->index(0, 1)).center();
        // A real double-click: the first click, then the second arriving as a double-click.
        QTest::mouseClick(pane.errorsView()->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(pane.errorsView()->viewport(), Qt::LeftButton, {}, cell);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.takeFirst().first().toString(), QStringLiteral("fc_ocr"));
        button->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.takeFirst().first().toString(), QStringLiteral("fc_ocr"));
        // An output's row does not ask.
        selectRow(pane.outputsView(), 0);
        QTest::keyClick(pane.outputsView(), Qt::Key_Return);
        QCOMPARE(requested.size(), 0);
    }

    void incomplete_saysLoadingMore_refreshKeepsSelection()
    {
        OutputsPane pane;
        pane.show();
        CallEvents first = partlyFailed(false);
        first.outputs.removeLast();
        pane.setEvents(first);
        QVERIFY(label(pane, "outputsLoadingMore")->isVisible());
        QCOMPARE(label(pane, "outputsLoadingMore")->text(), QStringLiteral("Loading more\u2026"));
        selectRow(pane.outputsView(), 0);
        QSignalSpy resets(pane.outputsModel(), &QAbstractItemModel::modelReset);
        pane.setEvents(partlyFailed(true));
        QVERIFY(!label(pane, "outputsLoadingMore")->isVisible());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(pane.outputsView()->currentIndex().row(), 0);
        QCOMPARE(pane.viewer()->shownEvent().eventId, QStringLiteral("ev_out_1"));
        pane.clear();
        QVERIFY(!pane.viewer()->hasEvent());
        QCOMPARE(label(pane, "errorsHeader")->text(), QStringLiteral("Errors (0)"));
    }

    void lowConfidenceOnly_usesTheThresholdFromSettings()
    {
        QSettings().setValue(SettingsKeys::lowConfidenceThreshold(), 0.7);
        OutputsPane pane;
        pane.show();
        QCOMPARE(pane.lowConfidenceThreshold(), 0.7);
        pane.setEvents(partlyFailed());
        selectRow(pane.outputsView(), 0);
        QTreeView *tree = pane.viewer()->treeView();
        const int all = visibleTreeRows(tree);
        pane.viewer()->lowConfidenceOnly()->setChecked(true);
        // Below 0.7: vendor/name (0.41) and lines/1/sku (0.62), with the rows above them.
        QStringList shown;
        for (QModelIndex i = tree->model()->index(0, 0); i.isValid(); i = tree->indexBelow(i))
            shown << i.data(JsonTreeModel::PointerRole).toString();
        QCOMPARE(shown, (QStringList{QStringLiteral("/lines"), QStringLiteral("/lines/1"),
                                     QStringLiteral("/lines/1/sku"), QStringLiteral("/vendor"),
                                     QStringLiteral("/vendor/name")}));
        QVERIFY(all > shown.size());
        QSettings().setValue(SettingsKeys::lowConfidenceThreshold(), 0.9);
        pane.reloadSettings();
        QVERIFY(treeRow(*pane.viewer(), QStringLiteral("/total")).isValid());
    }

    void copy_valuePointerAndWholeOutput()
    {
        OutputsPane pane;
        pane.show();
        pane.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        CallEvents events = partlyFailed();
        const QString huge(1024 * 1024, u'z');
        QJsonObject object = events.outputs[0].object;
        QJsonObject content = object.value(QStringLiteral("transformedContent")).toObject();
        content.insert(QStringLiteral("a/b~c"), huge);
        object.insert(QStringLiteral("transformedContent"), content);
        events.outputs[0].object = object;
        pane.setEvents(events);
        selectRow(pane.outputsView(), 0);
        OutputViewer *viewer = pane.viewer();
        viewer->treeView()->setCurrentIndex(treeRow(*viewer, QStringLiteral("/a~1b~0c")));
        viewer->treeView()->setFocus();
        QClipboard *clipboard = QApplication::clipboard();
        QTest::keySequence(viewer->treeView(), QKeySequence::Copy);
        QCOMPARE(clipboard->text(), huge);
        QTest::keySequence(viewer->treeView(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
        QCOMPARE(clipboard->text(), QStringLiteral("/a~1b~0c"));
        viewer->findChild<QAction *>(QStringLiteral("actionCopyOutput"))->trigger();
        QCOMPARE(QJsonDocument::fromJson(clipboard->text().toUtf8()).object(), object);
        // The actions are in the tree's context menu.
        QCOMPARE(viewer->treeView()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(viewer->treeView()->actions().size(), 3);
    }
};

QTEST_MAIN(TestOutputsPane)
#include "tst_outputspane.moc"

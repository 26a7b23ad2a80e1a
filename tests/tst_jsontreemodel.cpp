// SPDX-License-Identifier: MIT
#include "confidencefilterproxy.h"
#include "jsontreemodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace bem;
using bem::test::treeToString;

namespace {

QJsonValue json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument d = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}

QJsonObject object(const QByteArray &text)
{
    return json(text).toObject();
}

QModelIndex at(const QAbstractItemModel &model, const QString &pointer)
{
    const QModelIndexList hits = model.match(model.index(0, 0), JsonTreeModel::PointerRole, pointer,
                                             1, Qt::MatchExactly | Qt::MatchRecursive);
    return hits.value(0);
}

QVariant cell(const QModelIndex &row, int column, int role = Qt::DisplayRole)
{
    return row.siblingAtColumn(column).data(role);
}

QColor background(const QModelIndex &row)
{
    return cell(row, JsonTreeModel::ConfidenceColumn, Qt::BackgroundRole).value<QBrush>().color();
}

// A modelled output: {"invoice": {"number": "A-1", "total": 12.5, "lines": [{"sku": "x"}]},
// "vendor": "ACME"}.
const QByteArray Invoice = R"({"invoice": {"number": "A-1", "total": 12.5,
    "lines": [{"sku": "x"}, {"sku": "y"}]}, "vendor": "ACME", "paid": true, "note": null})";

} // namespace

// An output's content as a tree: keys, values and types; confidences placed by JSON Pointer
// (problems listed, never dropped); long, deep, odd and hostile content handled.
class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rows_keysValuesAndTypes()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(json(Invoice));
        QCOMPARE(treeToString(model), QStringLiteral("[invoice[lines[[0][sku] [1][sku]] number "
                                                     "total] note paid vendor]"));
        const QModelIndex total = at(model, QStringLiteral("/invoice/total"));
        QCOMPARE(cell(total, JsonTreeModel::ValueColumn).toString(), QStringLiteral("12.5"));
        QCOMPARE(cell(total, JsonTreeModel::TypeColumn).toString(), QStringLiteral("number"));
        const QModelIndex lines = at(model, QStringLiteral("/invoice/lines"));
        QCOMPARE(cell(lines, JsonTreeModel::ValueColumn).toString(), QStringLiteral("[2 items]"));
        QCOMPARE(cell(lines, JsonTreeModel::TypeColumn).toString(), QStringLiteral("array"));
        QCOMPARE(cell(at(model, QStringLiteral("/invoice")), JsonTreeModel::ValueColumn).toString(),
                 QStringLiteral("{3 fields}"));
        QCOMPARE(cell(at(model, QStringLiteral("/note")), JsonTreeModel::TypeColumn).toString(),
                 QStringLiteral("null"));
        QCOMPARE(cell(at(model, QStringLiteral("/paid")), JsonTreeModel::ValueColumn).toString(),
                 QStringLiteral("true"));
        const QModelIndex sku = at(model, QStringLiteral("/invoice/lines/1/sku"));
        QVERIFY(sku.isValid());
        QCOMPARE(sku.data(JsonTreeModel::ValueJsonRole).toString(), QStringLiteral("\"y\""));
        QCOMPARE(sku.data(JsonTreeModel::FullValueRole).toString(), QStringLiteral("y"));
        QCOMPARE(lines.data(JsonTreeModel::ValueJsonRole).toString(),
                 QStringLiteral(R"([{"sku":"x"},{"sku":"y"}])"));
        QCOMPARE(model.indexOf(*JsonPointer::parse(QStringLiteral("/invoice/lines/1/sku"))), sku);
    }

    void scalarDocument_isOneRow()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(QJsonValue(QStringLiteral("just text")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("just text"));
        QCOMPARE(model.index(0, 0).data(JsonTreeModel::PointerRole).toString(), QString());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void confidences_mappedWithParentsShowingTheLowestBelow()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(json(Invoice), object(R"({"/invoice/number": 0.97,
            "/invoice/lines/1/sku": 0.42, "/vendor": 0.85})"));
        QVERIFY2(model.dataProblems().isEmpty(), qPrintable(model.dataProblems().join(u'\n')));
        const QModelIndex number = at(model, QStringLiteral("/invoice/number"));
        QCOMPARE(number.data(JsonTreeModel::ConfidenceRole).toDouble(), 0.97);
        QCOMPARE(cell(number, JsonTreeModel::ConfidenceColumn).toString(), QStringLiteral("0.97"));
        const QModelIndex invoice = at(model, QStringLiteral("/invoice"));
        QCOMPARE(invoice.data(JsonTreeModel::ConfidenceRole).toDouble(), 0.42);
        QCOMPARE(invoice.data(JsonTreeModel::LowestConfidenceRole).toDouble(), 0.42);
        QCOMPARE(cell(invoice, JsonTreeModel::ConfidenceColumn).toString(),
                 QStringLiteral("min 0.42"));
        QVERIFY(!at(model, QStringLiteral("/paid")).data(JsonTreeModel::ConfidenceRole).isValid());
        QVERIFY(
            !cell(at(model, QStringLiteral("/paid")), JsonTreeModel::ConfidenceColumn).isValid());

        // Colour bands: at or above 0.9, at or above the threshold, below it.
        const QColor high = background(number);
        const QColor medium = background(at(model, QStringLiteral("/vendor")));
        const QColor low = background(at(model, QStringLiteral("/invoice/lines/1/sku")));
        QVERIFY(high != medium && medium != low && high != low);
        QCOMPARE(confidenceBand(0.97, 0.8), ConfidenceBand::High);
        QCOMPARE(confidenceBand(0.85, 0.8), ConfidenceBand::Medium);
        QCOMPARE(confidenceBand(0.42, 0.8), ConfidenceBand::Low);
        // Raising the threshold turns the amber field red, without a reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLowConfidenceThreshold(0.9);
        QCOMPARE(background(at(model, QStringLiteral("/vendor"))), low);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!changed.isEmpty());
    }

    void confidences_keysWithSlashTildeAndEmpty()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Plain literals: moc loses its place in a raw string holding "//" or "\"\"".
        model.setContent(object("{\"a/b\": 1, \"m~n\": 2, \"\": {\"\": 3}, \"~1\": 4}"),
                         object("{\"/a~1b\": 0.1, \"/m~0n\": 0.2, \"//\": 0.3, \"/~01\": 0.4}"));
        QVERIFY2(model.dataProblems().isEmpty(), qPrintable(model.dataProblems().join(u'\n')));
        QCOMPARE(at(model, QStringLiteral("/a~1b")).data(JsonTreeModel::ConfidenceRole).toDouble(),
                 0.1);
        QCOMPARE(at(model, QStringLiteral("/a~1b")).data().toString(), QStringLiteral("a/b"));
        QCOMPARE(at(model, QStringLiteral("/m~0n")).data(JsonTreeModel::ConfidenceRole).toDouble(),
                 0.2);
        const QModelIndex deepEmpty = at(model, QStringLiteral("//"));
        QVERIFY(deepEmpty.isValid());
        QCOMPARE(deepEmpty.data(JsonTreeModel::ConfidenceRole).toDouble(), 0.3);
        QCOMPARE(deepEmpty.data().toString(), QStringLiteral("\"\""));
        QCOMPARE(at(model, QStringLiteral("/~01")).data(JsonTreeModel::ConfidenceRole).toDouble(),
                 0.4);
        QCOMPARE(at(model, QStringLiteral("/~01")).data().toString(), QStringLiteral("~1"));
    }

    void confidences_problemsListedInWords()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(json(Invoice), object(R"({"/x/y": 0.5, "/invoice/lines/2": 0.5,
            "/invoice/lines/-": 0.5, "/vendor": 1.5, "/paid": "high", "/note": -0.1,
            "vendor": 0.5, "/invoice/total": 0.9})"));
        QStringList problems = model.dataProblems();
        problems.sort();
        QCOMPARE(problems,
                 (QStringList{
                     QStringLiteral("fieldConfidences gives /note the confidence -0.1, which is "
                                    "not a number between 0 and 1"),
                     QStringLiteral("fieldConfidences gives /paid the confidence \"high\", which "
                                    "is not a number between 0 and 1"),
                     QStringLiteral("fieldConfidences gives /vendor the confidence 1.5, which is "
                                    "not a number between 0 and 1"),
                     QStringLiteral("fieldConfidences has \u201cvendor\u201d, which is not a JSON "
                                    "Pointer (it must start with \u201c/\u201d)"),
                     QStringLiteral(
                         "fieldConfidences names /invoice/lines/-, which is not in the output"),
                     QStringLiteral(
                         "fieldConfidences names /invoice/lines/2, which is not in the output"),
                     QStringLiteral("fieldConfidences names /x/y, which is not in the output"),
                 }));
        // The good one is still placed.
        QCOMPARE(at(model, QStringLiteral("/invoice/total"))
                     .data(JsonTreeModel::ConfidenceRole)
                     .toDouble(),
                 0.9);
        // Replacing the confidences replaces the problems too, without a reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFieldConfidences(object(R"({"/vendor": 0.5})"));
        QVERIFY(model.dataProblems().isEmpty());
        QCOMPARE(reset.size(), 0);
        QVERIFY(!at(model, QStringLiteral("/invoice/total"))
                     .data(JsonTreeModel::ConfidenceRole)
                     .isValid());
    }

    void invalidProperties_markedByPointerOrName()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(json(Invoice), {},
                         json(R"(["/invoice/total", "vendor", "invoice.number", "nowhere", 7])"));
        QVERIFY(
            at(model, QStringLiteral("/invoice/total")).data(JsonTreeModel::InvalidRole).toBool());
        QVERIFY(at(model, QStringLiteral("/vendor")).data(JsonTreeModel::InvalidRole).toBool());
        QVERIFY(
            at(model, QStringLiteral("/invoice/number")).data(JsonTreeModel::InvalidRole).toBool());
        QVERIFY(!at(model, QStringLiteral("/paid")).data(JsonTreeModel::InvalidRole).toBool());
        QCOMPARE(cell(at(model, QStringLiteral("/vendor")), JsonTreeModel::TypeColumn).toString(),
                 QStringLiteral("string (invalid)"));
        QCOMPARE(model.dataProblems(),
                 (QStringList{
                     QStringLiteral("invalidProperties names nowhere, which is not in the output"),
                     QStringLiteral("invalidProperties has 7, which is not a property name")}));
    }

    void base_pointsConfidencesIntoPartOfTheDocument()
    {
        JsonTreeModel model;
        const QJsonValue joined =
            json(R"({"items": [{"itemOffset": 0}], "transformedContent": {"a": 1}})");
        model.setContent(joined, object(R"({"/a": 0.3, "/items": 0.5})"), json(R"(["/a"])"),
                         JsonPointer::fromTokens({QStringLiteral("transformedContent")}));
        QCOMPARE(at(model, QStringLiteral("/transformedContent/a"))
                     .data(JsonTreeModel::ConfidenceRole)
                     .toDouble(),
                 0.3);
        QVERIFY(at(model, QStringLiteral("/transformedContent/a"))
                    .data(JsonTreeModel::InvalidRole)
                    .toBool());
        QCOMPARE(model.dataProblems(),
                 QStringList{
                     QStringLiteral("fieldConfidences names /items, which is not in the output")});
    }

    // 300 levels: built and mapped without recursion; the deepest field's confidence
    // reaches the top row.
    void deepNesting_300Levels()
    {
        QByteArray text;
        for (int i = 0; i < 300; ++i)
            text += "{\"k\":";
        text += "\"bottom\"";
        for (int i = 0; i < 300; ++i)
            text += '}';
        QString pointer;
        for (int i = 0; i < 300; ++i)
            pointer += QStringLiteral("/k");
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QJsonObject confidences;
        confidences.insert(pointer, 0.25);
        model.setContent(json(text), confidences);
        QVERIFY(model.dataProblems().isEmpty());
        QModelIndex row = model.index(0, 0);
        int depth = 1;
        while (model.rowCount(row) > 0) {
            QCOMPARE(row.data(JsonTreeModel::LowestConfidenceRole).toDouble(), 0.25);
            row = model.index(0, 0, row);
            ++depth;
        }
        QCOMPARE(depth, 300);
        QCOMPARE(row.data(JsonTreeModel::PointerRole).toString(), pointer);
        QCOMPARE(cell(row, JsonTreeModel::ValueColumn).toString(), QStringLiteral("bottom"));
        QCOMPARE(row.data(JsonTreeModel::ConfidenceRole).toDouble(), 0.25);

        ConfidenceFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setLowOnly(true);
        QCOMPARE(proxy.rowCount(), 1);
    }

    // A 1 MB string: cut in the cell, whole for copying.
    void hugeString_elidedInCellWholeForCopy()
    {
        const QString huge(1024 * 1024, u'x');
        QJsonObject o;
        o.insert(QStringLiteral("big"), huge);
        JsonTreeModel model;
        model.setContent(o);
        const QModelIndex row = model.index(0, 0);
        const QString shown = cell(row, JsonTreeModel::ValueColumn).toString();
        QVERIFY2(shown.size() <= JsonTreeModel::MaxCellLength + 1,
                 qPrintable(QString::number(shown.size())));
        QCOMPARE(row.data(JsonTreeModel::FullValueRole).toString(), huge);
        QVERIFY(cell(row, JsonTreeModel::ValueColumn, Qt::ToolTipRole).toString().size() < 2000);
    }

    // Markup is data: cells show it as it is; tooltips escape it.
    void markup_shownLiterally()
    {
        JsonTreeModel model;
        model.setContent(QJsonObject{{QStringLiteral("<img src='file:///etc/passwd'>"),
                                      QStringLiteral("<b>bold</b>\u202eevil")}});
        const QModelIndex row = model.index(0, 0);
        QCOMPARE(row.data().toString(), QStringLiteral("<img src='file:///etc/passwd'>"));
        QCOMPARE(cell(row, JsonTreeModel::ValueColumn).toString(),
                 QStringLiteral("<b>bold</b><U+202E>evil"));
        const QString tip = row.data(Qt::ToolTipRole).toString();
        QVERIFY2(!tip.contains(QStringLiteral("<img")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("&lt;img")));
    }

    void filter_lowConfidenceOnlyKeepsThePathToLowFields()
    {
        JsonTreeModel model;
        ConfidenceFilterProxy proxy;
        QAbstractItemModelTester sourceTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setContent(json(Invoice), object(R"({"/invoice/number": 0.97,
            "/invoice/lines/1/sku": 0.42, "/vendor": 0.85, "/paid": 0.5})"));
        QCOMPARE(treeToString(proxy), treeToString(model));
        proxy.setLowOnly(true);
        QCOMPARE(treeToString(proxy), QStringLiteral("[invoice[lines[[1][sku]]] paid]"));
        proxy.setThreshold(0.9);
        QCOMPARE(treeToString(proxy), QStringLiteral("[invoice[lines[[1][sku]]] paid vendor]"));
        proxy.setThreshold(0.4);
        QCOMPARE(treeToString(proxy), QStringLiteral("[]"));
        proxy.setLowOnly(false);
        QCOMPARE(treeToString(proxy), treeToString(model));
    }
};

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"

// SPDX-License-Identifier: MIT
#include "jsonpointer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bem;

namespace {
QJsonValue doc(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

// RFC 6901: parsing with ~0 / ~1, building from tokens, and resolving with the array rules.
class TestJsonPointer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_unescapesTildeAndSlash()
    {
        const auto p = JsonPointer::parse(QStringLiteral("/a/b~1c/~0d/0/~01"));
        QVERIFY(p);
        QCOMPARE(p->tokens(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b/c"), QStringLiteral("~d"),
                              QStringLiteral("0"), QStringLiteral("~1")}));
        QCOMPARE(p->toString(), QStringLiteral("/a/b~1c/~0d/0/~01"));
    }

    void parse_emptyIsWholeDocument_slashIsEmptyKey()
    {
        const auto whole = JsonPointer::parse(QString());
        QVERIFY(whole);
        QVERIFY(whole->isRoot());
        const auto emptyKey = JsonPointer::parse(QStringLiteral("/"));
        QVERIFY(emptyKey);
        QCOMPARE(emptyKey->tokens(), QStringList{QString()});
        const auto twoEmpty = JsonPointer::parse(QStringLiteral("//"));
        QCOMPARE(twoEmpty->tokens().size(), 2);
    }

    void parse_rejectsWhatIsNotAPointer_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no leading slash") << QStringLiteral("a/b");
        QTest::newRow("lone tilde") << QStringLiteral("/a~");
        QTest::newRow("tilde two") << QStringLiteral("/a~2");
        QTest::newRow("fragment form") << QStringLiteral("#/a");
    }
    void parse_rejectsWhatIsNotAPointer()
    {
        QFETCH(QString, text);
        QVERIFY(!JsonPointer::parse(text));
    }

    void fromTokens_escapesForToString()
    {
        const JsonPointer p = JsonPointer::fromTokens(
            {QStringLiteral("a/b"), QStringLiteral("~"), QString(), QStringLiteral("~1")});
        QCOMPARE(p.toString(), QStringLiteral("/a~1b/~0//~01"));
        QCOMPARE(JsonPointer::parse(p.toString())->tokens(), p.tokens());
        QCOMPARE(JsonPointer().child(QStringLiteral("x")).child(2).toString(),
                 QStringLiteral("/x/2"));
    }

    void arrayIndex_digitsWithoutLeadingZeros()
    {
        QCOMPARE(JsonPointer::arrayIndex(QStringLiteral("0")), qsizetype(0));
        QCOMPARE(JsonPointer::arrayIndex(QStringLiteral("12")), qsizetype(12));
        QVERIFY(!JsonPointer::arrayIndex(QStringLiteral("01")));
        QVERIFY(!JsonPointer::arrayIndex(QStringLiteral("-")));
        QVERIFY(!JsonPointer::arrayIndex(QStringLiteral("-1")));
        QVERIFY(!JsonPointer::arrayIndex(QStringLiteral("1a")));
        QVERIFY(!JsonPointer::arrayIndex(QString()));
        QVERIFY(!JsonPointer::arrayIndex(QStringLiteral("99999999999999999999999")));
    }

    // The examples of RFC 6901 section 5.
    void resolve_rfcExamples()
    {
        // moc misreads a backslash in a raw string literal: plain literals here.
        const QJsonValue d = doc("{\"foo\": [\"bar\", \"baz\"], \"\": 0, \"a/b\": 1, "
                                 "\"c%d\": 2, \"e^f\": 3, \"g|h\": 4, \"i\\\\j\": 5, "
                                 "\"k\\\"l\": 6, \" \": 7, \"m~n\": 8}");
        const auto at = [&](const char *p) {
            return JsonPointer::parse(QString::fromUtf8(p))->resolve(d);
        };
        QCOMPARE(*at(""), d);
        QCOMPARE(*at("/foo"), QJsonValue(QJsonArray{QStringLiteral("bar"), QStringLiteral("baz")}));
        QCOMPARE(*at("/foo/0"), QJsonValue(QStringLiteral("bar")));
        QCOMPARE(*at("/"), QJsonValue(0));
        QCOMPARE(*at("/a~1b"), QJsonValue(1));
        QCOMPARE(*at("/c%d"), QJsonValue(2));
        QCOMPARE(*at("/i\\j"), QJsonValue(5));
        QCOMPARE(*at("/k\"l"), QJsonValue(6));
        QCOMPARE(*at("/ "), QJsonValue(7));
        QCOMPARE(*at("/m~0n"), QJsonValue(8));
    }

    void resolve_missingPathsGiveNothing()
    {
        const QJsonValue d = doc(R"({"foo": ["bar", "baz"], "n": null, "s": "x"})");
        const auto at = [&](const char *p) {
            return JsonPointer::parse(QString::fromUtf8(p))->resolve(d);
        };
        QVERIFY(!at("/bar"));
        QVERIFY(!at("/foo/2"));
        QVERIFY(!at("/foo/-"));
        QVERIFY(!at("/foo/01"));
        QVERIFY(!at("/foo/x"));
        QVERIFY(!at("/s/0"));
        QVERIFY(!at("/n/a"));
        QVERIFY(!at("/m~0n"));
        // Present and null is not missing.
        QVERIFY(at("/n"));
        QVERIFY(at("/n")->isNull());
    }
};

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "tst_jsonpointer.moc"

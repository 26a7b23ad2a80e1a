// SPDX-License-Identifier: MIT
#include "jsonindenter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace bem;

namespace {

QByteArray indented(const QByteArray &json, int width = 4)
{
    JsonIndentOptions options;
    options.indentWidth = width;
    return indentJson(json, options).text;
}

// The bytes with all JSON whitespace taken out: what indenting must never change.
QByteArray withoutSpace(QByteArray bytes)
{
    bytes.removeIf([](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    return bytes;
}

} // namespace

// The raw view's indenter: the bytes as received, in their order, re-spaced only.
class TestJsonIndenter : public QObject
{
    Q_OBJECT

private slots:
    void keys_keepTheOrderReceived()
    {
        QCOMPARE(indented("{\"b\":1,\"a\":2}"), QByteArray("{\n    \"b\": 1,\n    \"a\": 2\n}"));
    }

    void compactInput_isIndented()
    {
        const QByteArray json = "{\"call\":{\"status\":\"running\",\"ids\":[1,2.50,-3e+2],"
                                "\"empty\":{},\"none\":[ ],\"n\":null}}";
        QCOMPARE(indented(json), QByteArray("{\n"
                                            "    \"call\": {\n"
                                            "        \"status\": \"running\",\n"
                                            "        \"ids\": [\n"
                                            "            1,\n"
                                            "            2.50,\n"
                                            "            -3e+2\n"
                                            "        ],\n"
                                            "        \"empty\": {},\n"
                                            "        \"none\": [],\n"
                                            "        \"n\": null\n"
                                            "    }\n"
                                            "}"));
        QCOMPARE(indented(json, 2).left(26), QByteArray("{\n  \"call\": {\n    \"status\""));
    }

    void indentedInput_isIndentedTheSameWay()
    {
        const QByteArray compact = "{\"b\":[true,false],\"a\":{\"c\":\"x\"}}";
        const QByteArray twoSpaces =
            "{\r\n  \"b\" : [ true,\r\n false ],\r\n\t\"a\":{ \"c\": \"x\" }\r\n}\r\n";
        QCOMPARE(indented(twoSpaces), indented(compact));
        QCOMPARE(indented(indented(compact)), indented(compact));
        QCOMPARE(indented(indented(compact, 2), 4), indented(compact, 4));
    }

    void sortedInput_looksLikeQJsonDocument()
    {
        // With keys already sorted and numbers QJsonDocument would write the same way, the
        // output is what the view showed before (QJsonDocument::Indented, no last newline).
        const QJsonObject object{
            {QStringLiteral("a"),
             QJsonArray{1, QStringLiteral("two"), QJsonObject{{QStringLiteral("k"), true}}}},
            {QStringLiteral("b"), QJsonObject{{QStringLiteral("c"), QJsonValue::Null}}},
            {QStringLiteral("d"), QStringLiteral("x")}};
        QByteArray expected = QJsonDocument(object).toJson(QJsonDocument::Indented);
        expected.chop(1);
        QCOMPARE(indented(QJsonDocument(object).toJson(QJsonDocument::Compact)), expected);
    }

    void strings_areCopiedVerbatim()
    {
        // Escapes stay escaped, structure characters in strings stay put, bytes that are not
        // UTF-8 pass through.
        const QByteArray json = "[\"a\\\"b{,}[:]\\\\\",\"\\u00e9\\n \xff\"]";
        QCOMPARE(indented(json),
                 QByteArray("[\n    \"a\\\"b{,}[:]\\\\\",\n    \"\\u00e9\\n \xff\"\n]"));
    }

    void outputLimit_stopsEarlyWithAPrefixOfTheWhole()
    {
        QJsonArray many;
        for (int i = 0; i < 10000; ++i)
            many.append(QJsonObject{{QStringLiteral("i"), i}});
        const QByteArray json = QJsonDocument(many).toJson(QJsonDocument::Compact);
        const IndentedJson whole = indentJson(json);
        QVERIFY(!whole.truncated);
        QCOMPARE(whole.consumed, json.size());
        JsonIndentOptions options;
        options.outputLimit = 1000;
        const IndentedJson start = indentJson(json, options);
        QVERIFY(start.truncated);
        QVERIFY(start.consumed < json.size());
        QVERIFY(start.text.size() >= 1000 && start.text.size() < 1100);
        QVERIFY(whole.text.startsWith(start.text));
    }

    void anyBytes_endAndOnlyChangeWhitespace()
    {
        // Random bytes, and valid JSON cut anywhere or with bytes flipped: the indenter
        // ends, keeps every other byte in order, and a limited pass is a prefix.
        QRandomGenerator random(20261201);
        const QByteArray alphabet = "{}[]\":,\\ \n\r\tatrue01-.e\xc3\xa9\xff";
        QJsonArray sample;
        for (int i = 0; i < 50; ++i)
            sample.append(
                QJsonObject{{QStringLiteral("k%1").arg(i), QStringLiteral("v\"%1}").arg(i)},
                            {QStringLiteral("a"), QJsonArray{i, 1.5, QJsonObject{}}}});
        const QByteArray valid = QJsonDocument(sample).toJson(QJsonDocument::Compact);
        for (int round = 0; round < 3000; ++round) {
            QByteArray input;
            switch (round % 3) {
            case 0: {
                const int length = int(random.bounded(200));
                for (int i = 0; i < length; ++i)
                    input += alphabet.at(int(random.bounded(int(alphabet.size()))));
                break;
            }
            case 1:
                input = valid.left(int(random.bounded(int(valid.size()))));
                break;
            default:
                input = valid;
                for (int flips = 0; flips < 5; ++flips)
                    input[int(random.bounded(int(input.size())))] =
                        alphabet.at(int(random.bounded(int(alphabet.size()))));
            }
            const IndentedJson whole = indentJson(input);
            QCOMPARE(whole.consumed, input.size());
            QCOMPARE(withoutSpace(whole.text), withoutSpace(input));
            JsonIndentOptions options;
            options.outputLimit = qsizetype(random.bounded(300));
            const IndentedJson start = indentJson(input, options);
            QVERIFY(whole.text.startsWith(start.text));
        }
        // Deep nesting and unbalanced closers: linear, the indentation stops growing.
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100001, ']') + "}}";
        const QByteArray deepText = indentJson(deep).text;
        QCOMPARE(withoutSpace(deepText), deep);
        QVERIFY(deepText.size() < deep.size() * (2 + 32 * 4));
    }

    void spotAt_namesLineAndColumnInCharacters()
    {
        const QByteArray text = "{\n  \"name\": \"caf\xc3\xa9\",\n  \"n\": tru\n}";
        const qsizetype offset = text.indexOf("tru");
        const TextSpot spot = spotAt(text, offset);
        QCOMPARE(spot.line, 3);
        QCOMPARE(spot.column, 8);
        QCOMPARE(spot.context, QStringLiteral("  \"n\": tru"));
        QCOMPARE(spot.caretIndex, 7);

        const TextSpot accented = spotAt(text, text.indexOf("\","));
        QCOMPARE(accented.line, 2);
        QCOMPARE(accented.column, 16); // é is two bytes, one character
        QCOMPARE(accented.context.at(accented.caretIndex), u'"');

        // Past the end: the end; a long line: a window around the offset.
        const TextSpot end = spotAt(text, 1000);
        QCOMPARE(end.offset, text.size());
        QCOMPARE(end.line, 4);
        QCOMPARE(end.column, 2);
        QCOMPARE(spotAt(text, -5).offset, 0);
        const QByteArray longLine = QByteArray(500, 'a') + "\tX" + QByteArray(500, 'b');
        const TextSpot far = spotAt(longLine, 501);
        QCOMPARE(far.column, 502);
        QVERIFY(far.context.size() <= TextSpot::ContextChars);
        QCOMPARE(far.context.at(far.caretIndex), u'X');
        QCOMPARE(far.context.at(far.caretIndex - 1), u' '); // the tab, so the caret lines up
    }
};

QTEST_GUILESS_MAIN(TestJsonIndenter)
#include "tst_jsonindenter.moc"

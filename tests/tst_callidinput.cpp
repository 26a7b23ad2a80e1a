// SPDX-License-Identifier: MIT
#include "callidinput.h"

#include <QTest>

using namespace bem;

namespace {
const QString EnterId = QStringLiteral("Enter a call ID.");
const QString NoIdInUrl = QStringLiteral("No call ID found in that URL.");
const QString NoIdInJson = QStringLiteral("No call ID found in that JSON.");
const QString HasSpace = QStringLiteral("A call ID has no spaces, tabs or line breaks inside it.");
const QString HasControl =
    QStringLiteral("A call ID cannot contain invisible or control characters.");
const QString TooLong = QStringLiteral("That is too long for a call ID (at most 256 characters).");

QString notALink(const QString &scheme)
{
    return QStringLiteral("That is a \u201C%1:\u201D link, not a call ID.").arg(scheme);
}
} // namespace

// What a person pastes into the call ID field: the ID as it appears in a terminal, a
// browser's address bar, a JSON response or a chat message. Each row gives the ID that
// must come out, or the exact sentence the user sees instead.
class TestCallIdInput : public QObject
{
    Q_OBJECT
private slots:
    void extractCallId_findsTheIdOrSaysWhy_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("problem");

        QTest::newRow("plain") << QStringLiteral("wf_123") << QStringLiteral("wf_123") << QString();
        QTest::newRow("spaces and newline")
            << QStringLiteral("  wf_123 \n") << QStringLiteral("wf_123") << QString();
        QTest::newRow("tab, nbsp, em space, crlf")
            << QStringLiteral("\t\u00A0wf_123\u2003\r\n") << QStringLiteral("wf_123") << QString();
        QTest::newRow("zero-width padding")
            << QStringLiteral("\u200Bwf_123\uFEFF") << QStringLiteral("wf_123") << QString();
        QTest::newRow("non-ascii id kept")
            << QStringLiteral("r\u00E9f-\u65E5") << QStringLiteral("r\u00E9f-\u65E5") << QString();

        QTest::newRow("double quotes")
            << QStringLiteral("\"wf_1\"") << QStringLiteral("wf_1") << QString();
        QTest::newRow("single quotes")
            << QStringLiteral("'wf_1'") << QStringLiteral("wf_1") << QString();
        QTest::newRow("backticks")
            << QStringLiteral("`wf_1`") << QStringLiteral("wf_1") << QString();
        QTest::newRow("curly double")
            << QStringLiteral("\u201Cwf_1\u201D") << QStringLiteral("wf_1") << QString();
        QTest::newRow("curly single")
            << QStringLiteral("\u2018wf_1\u2019") << QStringLiteral("wf_1") << QString();
        QTest::newRow("guillemets")
            << QStringLiteral("\u00ABwf_1\u00BB") << QStringLiteral("wf_1") << QString();
        QTest::newRow("nested quotes")
            << QStringLiteral("\"'`wf_1`'\"") << QStringLiteral("wf_1") << QString();
        QTest::newRow("nested quotes with padding")
            << QStringLiteral(" \" \u2018 wf_1 \u2019 \" ") << QStringLiteral("wf_1") << QString();
        QTest::newRow("json value line")
            << QStringLiteral("\"wf_abc\",") << QStringLiteral("wf_abc") << QString();
        QTest::newRow("json value line, padded")
            << QStringLiteral("   \"wf_abc\" ,\n") << QStringLiteral("wf_abc") << QString();
        QTest::newRow("unmatched quotes stay")
            << QStringLiteral("\"wf_1'") << QStringLiteral("\"wf_1'") << QString();
        QTest::newRow("comma without quotes stays")
            << QStringLiteral("wf_1,") << QStringLiteral("wf_1,") << QString();
        QTest::newRow("only quotes") << QStringLiteral("\"''\"") << QString() << EnterId;

        QTest::newRow("api url") << QStringLiteral("https://api.bem.ai/v2/calls/wf_123")
                                 << QStringLiteral("wf_123") << QString();
        QTest::newRow("api url, encoded slash, query, fragment")
            << QStringLiteral("https://api.bem.ai/v2/calls/a%2Fb?x=1&callID=other#frag")
            << QStringLiteral("a/b") << QString();
        QTest::newRow("api url, encoded utf-8")
            << QStringLiteral("https://api.bem.ai/v2/calls/r%C3%A9f") << QStringLiteral("r\u00E9f")
            << QString();
        QTest::newRow("api url, plain http")
            << QStringLiteral("http://127.0.0.1:8080/proxy/v2/calls/c_1/") << QStringLiteral("c_1")
            << QString();
        QTest::newRow("dashboard url") << QStringLiteral("https://app.bem.ai/calls/wf_123")
                                       << QStringLiteral("wf_123") << QString();
        QTest::newRow("dashboard url, deeper")
            << QStringLiteral("https://app.bem.ai/acme/calls/wf_123/functions")
            << QStringLiteral("wf_123") << QString();
        QTest::newRow("dashboard url, singular") << QStringLiteral("https://app.bem.ai/call/wf_9")
                                                 << QStringLiteral("wf_9") << QString();
        QTest::newRow("dashboard url, upper case")
            << QStringLiteral("HTTPS://APP.BEM.AI/Calls/wf_7") << QStringLiteral("wf_7")
            << QString();
        QTest::newRow("quoted url with comma")
            << QStringLiteral("\"https://app.bem.ai/calls/wf_1\",") << QStringLiteral("wf_1")
            << QString();
        QTest::newRow("query callID")
            << QStringLiteral("https://app.bem.ai/inspect?tab=tree&callID=wf_5")
            << QStringLiteral("wf_5") << QString();
        QTest::newRow("query callId") << QStringLiteral("https://app.bem.ai/inspect?callId=wf_6")
                                      << QStringLiteral("wf_6") << QString();
        QTest::newRow("query call_id, encoded")
            << QStringLiteral("https://app.bem.ai/inspect?call_id=wf%2B7") << QStringLiteral("wf+7")
            << QString();
        QTest::newRow("scheme url") << QStringLiteral("bem-call-inspector://call/wf_1")
                                    << QStringLiteral("wf_1") << QString();
        QTest::newRow("scheme url, no slashes") << QStringLiteral("bem-call-inspector:call/wf_2")
                                                << QStringLiteral("wf_2") << QString();
        QTest::newRow("scheme url, encoded") << QStringLiteral("bem-call-inspector://call/a%2Fb")
                                             << QStringLiteral("a/b") << QString();

        QTest::newRow("junk url") << QStringLiteral("https://example.com/about?q=1") << QString()
                                  << NoIdInUrl;
        QTest::newRow("calls list url")
            << QStringLiteral("https://app.bem.ai/calls") << QString() << NoIdInUrl;
        QTest::newRow("calls then dots")
            << QStringLiteral("https://app.bem.ai/calls/..") << QString() << NoIdInUrl;
        QTest::newRow("url without host") << QStringLiteral("https://") << QString() << NoIdInUrl;
        QTest::newRow("http, no slashes") << QStringLiteral("http:wf_1") << QString() << NoIdInUrl;
        QTest::newRow("scheme url, other page")
            << QStringLiteral("bem-call-inspector://settings") << QString() << NoIdInUrl;
        QTest::newRow("url id with space")
            << QStringLiteral("https://app.bem.ai/calls/a%20b") << QString() << HasSpace;
        QTest::newRow("url id with rtl override")
            << QStringLiteral("https://app.bem.ai/calls/wf%E2%80%AEfdp.exe") << QString()
            << HasControl;

        QTest::newRow("json object")
            << QStringLiteral("{\"callID\": \"wf_1\", \"status\": \"running\"}")
            << QStringLiteral("wf_1") << QString();
        QTest::newRow("json response")
            << QStringLiteral("{\"call\": {\"callID\": \"wf_2\", \"status\": \"completed\"}, "
                              "\"error\": \"\"}")
            << QStringLiteral("wf_2") << QString();
        QTest::newRow("json list")
            << QStringLiteral("{\"calls\": [{\"callID\": \"wf_3\"}, {\"callID\": \"wf_x\"}], "
                              "\"totalCount\": 2}")
            << QStringLiteral("wf_3") << QString();
        QTest::newRow("json array") << QStringLiteral("[{\"call\": {\"callID\": \"wf_4\"}}]")
                                    << QStringLiteral("wf_4") << QString();
        QTest::newRow("json escapes are decoded") << QStringLiteral("{\"callID\": \"wf\\u005f5\"}")
                                                  << QStringLiteral("wf_5") << QString();
        QTest::newRow("json in quotes")
            << QStringLiteral("'{\"callID\": \"wf_6\"}'") << QStringLiteral("wf_6") << QString();
        QTest::newRow("json without id")
            << QStringLiteral("{\"status\": \"running\"}") << QString() << NoIdInJson;
        QTest::newRow("json with a number for id")
            << QStringLiteral("{\"callID\": 5}") << QString() << NoIdInJson;
        QTest::newRow("partial json line")
            << QStringLiteral("\"callID\": \"wf_1\",") << QStringLiteral("wf_1") << QString();
        QTest::newRow("partial json lines")
            << QStringLiteral("  \"call\": {\n    \"callID\":\"wf_8\",\n    \"status\"")
            << QStringLiteral("wf_8") << QString();
        QTest::newRow("partial json, no id")
            << QStringLiteral("{\"status\": \"running\",") << QString() << NoIdInJson;
        QTest::newRow("partial json, empty id")
            << QStringLiteral("\"callID\": \"\",") << QString() << NoIdInJson;

        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << QString()
                                    << notALink(QStringLiteral("javascript"));
        QTest::newRow("JAVASCRIPT") << QStringLiteral("JAVASCRIPT:alert(1)") << QString()
                                    << notALink(QStringLiteral("javascript"));
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << QString()
                              << notALink(QStringLiteral("file"));
        QTest::newRow("data") << QStringLiteral("data:text/html,<b>x</b>") << QString()
                              << notALink(QStringLiteral("data"));
        QTest::newRow("ftp, even with a calls segment")
            << QStringLiteral("ftp://host/calls/wf_1") << QString()
            << notALink(QStringLiteral("ftp"));
        QTest::newRow("mailto") << QStringLiteral("mailto:a@b.example") << QString()
                                << notALink(QStringLiteral("mailto"));
        QTest::newRow("urn-like id stays")
            << QStringLiteral("urn:bem:wf_1") << QStringLiteral("urn:bem:wf_1") << QString();
        QTest::newRow("id with colon stays")
            << QStringLiteral("wf:123") << QStringLiteral("wf:123") << QString();

        QTest::newRow("empty") << QString() << QString() << EnterId;
        QTest::newRow("whitespace only")
            << QStringLiteral("  \t\n\u00A0\u3000") << QString() << EnterId;
        QTest::newRow("inner space") << QStringLiteral("wf 1") << QString() << HasSpace;
        QTest::newRow("inner tab") << QStringLiteral("wf\t1") << QString() << HasSpace;
        QTest::newRow("inner newline") << QStringLiteral("wf_1\nwf_2") << QString() << HasSpace;
        QTest::newRow("inner nbsp") << QStringLiteral("wf\u00A01") << QString() << HasSpace;
        QTest::newRow("rtl override")
            << QStringLiteral("wf_\u202Efdp.exe") << QString() << HasControl;
        QTest::newRow("rtl override at the end")
            << QStringLiteral("wf_1\u202E") << QString() << HasControl;
        QTest::newRow("rtl isolate") << QStringLiteral("wf_\u2067x") << QString() << HasControl;
        QTest::newRow("left-to-right mark")
            << QStringLiteral("\u200Ewf_1") << QString() << HasControl;
        QTest::newRow("nul") << QString(QStringLiteral("wf") + QChar(0) + QStringLiteral("1"))
                             << QString() << HasControl;
        QTest::newRow("escape") << QStringLiteral("wf\u001B[31m") << QString() << HasControl;
        QTest::newRow("lone surrogate")
            << QString(QStringLiteral("wf") + QChar(0xD800)) << QString() << HasControl;
        QTest::newRow("256 characters") << QString(256, u'a') << QString(256, u'a') << QString();
        QTest::newRow("257 characters") << QString(257, u'a') << QString() << TooLong;
        QTest::newRow("dots only") << QStringLiteral("..") << QString()
                                   << QStringLiteral("\u201C..\u201D is not a call ID.");
    }
    void extractCallId_findsTheIdOrSaysWhy()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, id);
        QFETCH(QString, problem);
        const CallIdExtraction result = extractCallId(pasted);
        QCOMPARE(result.callId, id);
        QCOMPARE(result.problem, problem);
        QCOMPARE(result.ok(), !id.isEmpty());
    }

    void callIdProblem_agreesWithExtraction()
    {
        QVERIFY(callIdProblem(QStringLiteral("wf_1")).isEmpty());
        QVERIFY(callIdProblem(QStringLiteral("\U0001F600")).isEmpty()); // a valid pair
        QCOMPARE(callIdProblem(QString()), EnterId);
        QCOMPARE(callIdProblem(QStringLiteral(" wf_1")), HasSpace);        // no trimming here
        QCOMPARE(callIdProblem(QStringLiteral("\U000E0001")), HasControl); // a Cf outside BMP
    }

    void extractCallId_hugePasteIsRefused()
    {
        const QString huge = QStringLiteral("\"") + QString(2'000'000, u'x') + QStringLiteral("\"");
        QCOMPARE(extractCallId(huge).problem, TooLong);
    }
};

QTEST_GUILESS_MAIN(TestCallIdInput)
#include "tst_callidinput.moc"

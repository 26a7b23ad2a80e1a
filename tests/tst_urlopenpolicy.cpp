// SPDX-License-Identifier: MIT
#include "urlopenpolicy.h"

#include <QTest>

using namespace bem;

Q_DECLARE_METATYPE(bem::UrlCheck::Verdict)

namespace {
using Verdict = UrlCheck::Verdict;

// Tests pin "now" so the presigned links below are expired or fresh by construction.
const QDateTime Now(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);

const QString NotAWebAddress =
    QStringLiteral("This is not a web address (https://\u2026), so it is not opened.");

QString notOpened(const QString &scheme)
{
    return QStringLiteral("Links starting with \u201C%1:\u201D are not opened: only web "
                          "addresses (https://\u2026) are.")
        .arg(scheme);
}

QString s3(const QString &query)
{
    return QStringLiteral("https://example-bucket.s3.amazonaws.com/in/p1.pdf?") + query;
}
} // namespace

// What the inspector may hand to the desktop when the user clicks a link from a
// response: the server's text decides the URL, so anything but a web page is refused.
class TestUrlOpenPolicy : public QObject
{
    Q_OBJECT
private slots:
    void checkUrlToOpen_bySchemeAndShape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<QString>("reason"); // exact, or a part of it for AskFirst

        QTest::newRow("https") << QStringLiteral("https://example.com/a?b=c#d") << Verdict::Open
                               << QString();
        QTest::newRow("HTTPS upper case")
            << QStringLiteral("HTTPS://EXAMPLE.COM/A") << Verdict::Open << QString();
        QTest::newRow("https, padded")
            << QStringLiteral("\n https://example.com/ \t") << Verdict::Open << QString();
        QTest::newRow("http") << QStringLiteral("http://files.example.com/a.pdf")
                              << Verdict::AskFirst
                              << QStringLiteral("This link to \u201C"
                                                "files.example.com\u201D is not encrypted");
        QTest::newRow("user info")
            << QStringLiteral("https://api.bem.ai@evil.example/x") << Verdict::AskFirst
            << QStringLiteral("it opens \u201C"
                              "evil.example\u201D.");
        QTest::newRow("user and password")
            << QStringLiteral("https://user:pass@host.example/") << Verdict::AskFirst
            << QStringLiteral("(before \u201C@\u201D)");
        QTest::newRow("http with user info")
            << QStringLiteral("http://a@b.example/") << Verdict::AskFirst
            << QStringLiteral("could read or change what it loads. This link has a user name");
        QTest::newRow("look-alike host named in ascii")
            << QStringLiteral("http://\u0430pple.com/") << Verdict::AskFirst
            << QStringLiteral("\u201Cxn--pple-43d.com\u201D");

        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << Verdict::Refuse
                                    << notOpened(QStringLiteral("javascript"));
        QTest::newRow("JAVASCRIPT") << QStringLiteral("JAVASCRIPT:alert(1)") << Verdict::Refuse
                                    << notOpened(QStringLiteral("javascript"));
        QTest::newRow("leading space javascript")
            << QStringLiteral(" javascript:alert(1)") << Verdict::Refuse
            << notOpened(QStringLiteral("javascript"));
        QTest::newRow("newlines around javascript")
            << QStringLiteral("\njavascript:alert(1)\r\n") << Verdict::Refuse
            << notOpened(QStringLiteral("javascript"));
        // Browsers drop tabs inside URLs, so this would run as javascript: there.
        QTest::newRow("tab inside javascript")
            << QStringLiteral("java\tscript:alert(1)") << Verdict::Refuse << NotAWebAddress;
        QTest::newRow("newline inside https")
            << QStringLiteral("ht\ntps://example.com/") << Verdict::Refuse << NotAWebAddress;
        QTest::newRow("vbscript") << QStringLiteral("vbscript:msgbox(1)") << Verdict::Refuse
                                  << notOpened(QStringLiteral("vbscript"));
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << Verdict::Refuse
                              << notOpened(QStringLiteral("file"));
        QTest::newRow("data") << QStringLiteral("data:text/html;base64,PHNjcmlwdD4=")
                              << Verdict::Refuse << notOpened(QStringLiteral("data"));
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/a.pdf") << Verdict::Refuse
                             << notOpened(QStringLiteral("ftp"));
        QTest::newRow("blob") << QStringLiteral("blob:https://example.com/0b9f") << Verdict::Refuse
                              << notOpened(QStringLiteral("blob"));
        QTest::newRow("chrome") << QStringLiteral("chrome://settings") << Verdict::Refuse
                                << notOpened(QStringLiteral("chrome"));
        QTest::newRow("about") << QStringLiteral("about:blank") << Verdict::Refuse
                               << notOpened(QStringLiteral("about"));
        QTest::newRow("smb") << QStringLiteral("smb://server/share") << Verdict::Refuse
                             << notOpened(QStringLiteral("smb"));
        QTest::newRow("our own scheme")
            << QStringLiteral("bem-call-inspector://call/wf_1") << Verdict::Refuse
            << notOpened(QStringLiteral("bem-call-inspector"));

        QTest::newRow("empty") << QString() << Verdict::Refuse << NotAWebAddress;
        QTest::newRow("blank") << QStringLiteral(" \t ") << Verdict::Refuse << NotAWebAddress;
        QTest::newRow("words") << QStringLiteral("not a url") << Verdict::Refuse << NotAWebAddress;
        QTest::newRow("relative path")
            << QStringLiteral("/v2/calls/wf_1") << Verdict::Refuse << NotAWebAddress;
        QTest::newRow("scheme-relative")
            << QStringLiteral("//example.com/a") << Verdict::Refuse << NotAWebAddress;
        QTest::newRow("tab inside https")
            << QStringLiteral("https://example.com/a\tb") << Verdict::Refuse
            << QStringLiteral("This web address contains a line break, tab or other control "
                              "character, so it is not opened.");
        QTest::newRow("NUL inside https")
            << QStringLiteral("https://example.com/a") + QChar(0) << Verdict::Refuse
            << QStringLiteral("This web address contains a line break, tab or other control "
                              "character, so it is not opened.");
        QTest::newRow("space in the host")
            << QStringLiteral("https://exa mple.com/a") << Verdict::Refuse
            << QStringLiteral("The site name or port in this web address is not valid, so it "
                              "is not opened.");
        QTest::newRow("port not a number")
            << QStringLiteral("HTTPS://example.com:8x/a") << Verdict::Refuse
            << QStringLiteral("The site name or port in this web address is not valid, so it "
                              "is not opened.");
        QTest::newRow("https without host")
            << QStringLiteral("https:///etc/passwd") << Verdict::Refuse
            << QStringLiteral("This web address names no site, so it is not opened.");
        QTest::newRow("http without slashes")
            << QStringLiteral("http:example") << Verdict::Refuse
            << QStringLiteral("This web address names no site, so it is not opened.");
    }
    void checkUrlToOpen_bySchemeAndShape()
    {
        QFETCH(QString, text);
        QFETCH(Verdict, verdict);
        QFETCH(QString, reason);
        const UrlCheck check = checkUrlToOpen(text, Now);
        QCOMPARE(check.verdict, verdict);
        QVERIFY(!check.expiredAt.isValid());
        switch (verdict) {
        case Verdict::Open:
            QVERIFY(check.reason.isEmpty());
            QCOMPARE(check.url, QUrl(text.trimmed(), QUrl::StrictMode));
            break;
        case Verdict::AskFirst:
            QVERIFY2(check.reason.contains(reason), qPrintable(check.reason));
            QCOMPARE(check.url, QUrl(text.trimmed(), QUrl::StrictMode));
            break;
        case Verdict::Refuse:
            QCOMPARE(check.reason, reason);
            QVERIFY(check.url.isEmpty()); // nothing a caller could open by mistake
            break;
        case Verdict::Expired:
            QFAIL("no expiry rows here");
        }
    }

    // Real object keys have spaces and Unicode in them; the link opens percent-encoded,
    // with the signed query exactly as the server sent it.
    void checkUrlToOpen_spacesAndUnicodeInPath_opensEncoded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("space") << QStringLiteral("https://example.com/a b")
                               << QByteArray("https://example.com/a%20b");
        QTest::newRow("s3 object key")
            << QStringLiteral("https://bucket.s3.amazonaws.com/in box/Rechnung M\u00E4rz.pdf"
                              "?X-Amz-Date=20261201T090000Z&X-Amz-Expires=7200"
                              "&X-Amz-Signature=ab%2Fcd")
            << QByteArray("https://bucket.s3.amazonaws.com/in%20box/Rechnung%20M%C3%A4rz.pdf"
                          "?X-Amz-Date=20261201T090000Z&X-Amz-Expires=7200"
                          "&X-Amz-Signature=ab%2Fcd");
        QTest::newRow("already encoded stays")
            << QStringLiteral("https://example.com/in%20box/a%2Fb.pdf")
            << QByteArray("https://example.com/in%20box/a%2Fb.pdf");
        QTest::newRow("unicode host") << QStringLiteral("https://b\u00FCcher.example/M\u00E4rz")
                                      << QByteArray("https://xn--bcher-kva.example/M%C3%A4rz");
    }
    void checkUrlToOpen_spacesAndUnicodeInPath_opensEncoded()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        const UrlCheck check = checkUrlToOpen(text, Now);
        QCOMPARE(check.verdict, Verdict::Open);
        QVERIFY(check.reason.isEmpty());
        QVERIFY(check.url.isValid());
        QCOMPARE(check.url.toEncoded(), encoded);
        // What the desktop gets is one valid URL that reads back the same.
        QCOMPARE(QUrl::fromEncoded(check.url.toEncoded(), QUrl::StrictMode), check.url);
    }

    void checkUrlToOpen_presignedLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<QDateTime>("expiredAt");

        const QDateTime at10 = Now;
        QTest::newRow("sigv4, expires exactly now")
            << s3(QStringLiteral("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261201T090000Z&"
                                 "X-Amz-Expires=3600&X-Amz-Signature=ab"))
            << Verdict::Expired << at10;
        QTest::newRow("sigv4, expired a day ago")
            << s3(QStringLiteral("X-Amz-Date=20261130T100000Z&X-Amz-Expires=0")) << Verdict::Expired
            << Now.addDays(-1);
        QTest::newRow("sigv4, one second left")
            << s3(QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=3601")) << Verdict::Open
            << QDateTime();
        QTest::newRow("sigv4, lower-case keys")
            << s3(QStringLiteral("x-amz-date=20261201T080000Z&x-amz-expires=60"))
            << Verdict::Expired << Now.addSecs(-7140);
        QTest::newRow("sigv4 over http, expired")
            << QStringLiteral("http://b.example/a?X-Amz-Date=20261201T080000Z&X-Amz-Expires=60")
            << Verdict::Expired << Now.addSecs(-7140);
        QTest::newRow("sigv4 over http, fresh: still asks")
            << QStringLiteral("http://b.example/a?X-Amz-Date=20261201T095959Z&X-Amz-Expires=60")
            << Verdict::AskFirst << QDateTime();
        QTest::newRow("sigv4, huge lifetime")
            << s3(QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=9223372036854775807"))
            << Verdict::Open << QDateTime();
        QTest::newRow("sigv4, lifetime beyond 64 bits")
            << s3(QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=") + QString(40, u'9'))
            << Verdict::Open << QDateTime();
        QTest::newRow("sigv4, malformed date")
            << s3(QStringLiteral("X-Amz-Date=2026-12-01T09:00:00Z&X-Amz-Expires=1"))
            << Verdict::Open << QDateTime();
        QTest::newRow("sigv2, expired")
            << s3(QStringLiteral("AWSAccessKeyId=AKIA&Expires=%1&Signature=x")
                      .arg(Now.toSecsSinceEpoch() - 1))
            << Verdict::Expired << Now.addSecs(-1);
        QTest::newRow("sigv2, fresh")
            << s3(QStringLiteral("AWSAccessKeyId=AKIA&Expires=%1&Signature=x")
                      .arg(Now.toSecsSinceEpoch() + 60))
            << Verdict::Open << QDateTime();
        QTest::newRow("sigv2, huge") << s3(QStringLiteral("Expires=99999999999999999999999999"))
                                     << Verdict::Open << QDateTime();
        QTest::newRow("no expiry at all")
            << s3(QStringLiteral("versionId=3")) << Verdict::Open << QDateTime();
    }
    void checkUrlToOpen_presignedLinks()
    {
        QFETCH(QString, text);
        QFETCH(Verdict, verdict);
        QFETCH(QDateTime, expiredAt);
        const UrlCheck check = checkUrlToOpen(text, Now);
        QCOMPARE(check.verdict, verdict);
        QCOMPARE(check.url, QUrl(text, QUrl::StrictMode));
        if (verdict != Verdict::Expired) {
            QVERIFY(!check.expiredAt.isValid());
            return;
        }
        QCOMPARE(check.expiredAt, expiredAt);
        QCOMPARE(check.expiredAt.timeSpec(), Qt::UTC);
        QCOMPARE(check.reason,
                 QStringLiteral("This link expired on %1 UTC (presigned links work for a "
                                "limited time). Refresh the call to get a fresh link.")
                     .arg(expiredAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    }

    void presignedExpiry_values_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QDateTime>("expiry"); // invalid: nullopt

        const QDateTime nine(QDate(2026, 12, 1), QTime(9, 0, 0), Qt::UTC);
        QTest::newRow("sigv4") << QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=900")
                               << nine.addSecs(900);
        QTest::newRow("sigv4, mixed-case keys")
            << QStringLiteral("x-AMZ-date=20261201T090000Z&X-amz-EXPIRES=604800")
            << nine.addDays(7);
        QTest::newRow("gcs v4") << QStringLiteral("X-Goog-Date=20261201T090000Z&X-Goog-Expires=60")
                                << nine.addSecs(60);
        QTest::newRow("sigv2") << QStringLiteral("Expires=1796115600")
                               << QDateTime::fromSecsSinceEpoch(1796115600, Qt::UTC);
        QTest::newRow("both: the earlier wins")
            << QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=900&Expires=1")
            << QDateTime::fromSecsSinceEpoch(1, Qt::UTC);
        QTest::newRow("sigv4, first of repeated keys")
            << QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=5&X-Amz-Expires=999")
            << nine.addSecs(5);
        QTest::newRow("sigv4, encoded value")
            << QStringLiteral("X-Amz-Date=20261201%54090000Z&X-Amz-Expires=%31") << nine.addSecs(1);

        QTest::newRow("none") << QStringLiteral("a=b") << QDateTime();
        QTest::newRow("date without lifetime")
            << QStringLiteral("X-Amz-Date=20261201T090000Z") << QDateTime();
        QTest::newRow("lifetime without date") << QStringLiteral("X-Amz-Expires=60") << QDateTime();
        QTest::newRow("date: iso with separators")
            << QStringLiteral("X-Amz-Date=2026-12-01T09:00:00Z&X-Amz-Expires=60") << QDateTime();
        QTest::newRow("date: month 13")
            << QStringLiteral("X-Amz-Date=20261301T090000Z&X-Amz-Expires=60") << QDateTime();
        QTest::newRow("date: hour 24")
            << QStringLiteral("X-Amz-Date=20261201T240000Z&X-Amz-Expires=60") << QDateTime();
        QTest::newRow("date: no Z")
            << QStringLiteral("X-Amz-Date=20261201T0900000&X-Amz-Expires=60") << QDateTime();
        QTest::newRow("date: too short")
            << QStringLiteral("X-Amz-Date=20261201T0900Z&X-Amz-Expires=60") << QDateTime();
        QTest::newRow("date: non-ascii digits")
            << QStringLiteral("X-Amz-Date=2026120\u0661T090000Z&X-Amz-Expires=60") << QDateTime();
        QTest::newRow("lifetime: negative")
            << QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=-5") << QDateTime();
        QTest::newRow("lifetime: exponent")
            << QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=1e3") << QDateTime();
        QTest::newRow("lifetime: padded")
            << QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=%2060") << QDateTime();
        QTest::newRow("lifetime: empty")
            << QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=") << QDateTime();
        QTest::newRow("sigv2: words") << QStringLiteral("Expires=tomorrow") << QDateTime();
        QTest::newRow("sigv2: negative") << QStringLiteral("Expires=-1") << QDateTime();
    }
    void presignedExpiry_values()
    {
        QFETCH(QString, query);
        QFETCH(QDateTime, expiry);
        const std::optional<QDateTime> result =
            presignedExpiry(QUrl(QStringLiteral("https://b.example/k?") + query));
        QCOMPARE(result.has_value(), expiry.isValid());
        if (result)
            QCOMPARE(*result, expiry);
    }

    void presignedExpiry_hugeValuesStayInRangeAndInTheFuture()
    {
        const QStringList queries{
            QStringLiteral("X-Amz-Date=99991231T235959Z&X-Amz-Expires=9223372036854775807"),
            QStringLiteral("X-Amz-Date=20261201T090000Z&X-Amz-Expires=") + QString(500, u'9'),
            QStringLiteral("Expires=9223372036854775807"),
            QStringLiteral("Expires=") + QString(500, u'9')};
        for (const QString &query : queries) {
            const std::optional<QDateTime> expiry =
                presignedExpiry(QUrl(QStringLiteral("https://b.example/k?") + query));
            QVERIFY2(expiry && expiry->isValid(), qPrintable(query));
            QVERIFY2(*expiry > Now.addYears(50), qPrintable(query));
        }
    }
};

QTEST_GUILESS_MAIN(TestUrlOpenPolicy)
#include "tst_urlopenpolicy.moc"

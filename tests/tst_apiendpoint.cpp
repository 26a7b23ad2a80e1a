// SPDX-License-Identifier: MIT
#include "apiendpoint.h"
#include "backoffpolicy.h"
#include "fetchresult.h"

#include <QProcess>
#include <QTest>
#include <QUrlQuery>

using namespace bem;

// The rules that decide where a request goes and whether the key may go with it, plus
// the small pure pieces of the client (Retry-After, backoff).
class TestApiEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void baseUrl_commandLineWinsOverEnvironment()
    {
        QCOMPARE(ApiEndpoint::resolveBaseUrl({}, {}), QUrl(QStringLiteral("https://api.bem.ai")));
        QCOMPARE(ApiEndpoint::resolveBaseUrl({}, QStringLiteral("http://127.0.0.1:9000/")),
                 QUrl(QStringLiteral("http://127.0.0.1:9000")));
        QCOMPARE(ApiEndpoint::resolveBaseUrl(QStringLiteral(" https://eu.bem.test/api/ "),
                                             QStringLiteral("http://127.0.0.1:9000")),
                 QUrl(QStringLiteral("https://eu.bem.test/api")));
    }

    void baseUrl_invalidValueFallsBackWithAReason()
    {
        QString error;
        QCOMPARE(ApiEndpoint::resolveBaseUrl(QStringLiteral("ftp://x"), {}, &error),
                 ApiEndpoint::defaultBaseUrl());
        QVERIFY(error.contains(QStringLiteral("--base-url")));
        error.clear();
        QCOMPARE(ApiEndpoint::resolveBaseUrl({}, QStringLiteral("not a url"), &error),
                 ApiEndpoint::defaultBaseUrl());
        QVERIFY(error.contains(QStringLiteral("BEM_BASE_URL")));
        QVERIFY(!ApiEndpoint::normalizedBaseUrl(QStringLiteral("https://")).isValid());
        QCOMPARE(ApiEndpoint::normalizedBaseUrl(QStringLiteral("https://u:p@h.test/x?q=1#f")),
                 QUrl(QStringLiteral("https://h.test/x")));
    }

    void loopbackHosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("127.8.9.10") << QStringLiteral("127.8.9.10") << true;
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST") << true;
        QTest::newRow("::1") << QStringLiteral("::1") << true;
        QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
        QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
        QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
        QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << false;
        QTest::newRow("localhost.evil.com") << QStringLiteral("localhost.evil.com") << false;
        QTest::newRow("127.0.0.1.nip.io") << QStringLiteral("127.0.0.1.nip.io") << false;
        QTest::newRow("api.bem.ai") << QStringLiteral("api.bem.ai") << false;
    }
    void loopbackHosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(ApiEndpoint::isLoopbackHost(host), loopback);
    }

    void keyTransport_onlyHttpsOrLoopbackHttp()
    {
        QVERIFY(
            ApiEndpoint::keyTransportProblem(QUrl(QStringLiteral("https://api.bem.ai"))).isEmpty());
        QVERIFY(ApiEndpoint::keyTransportProblem(QUrl(QStringLiteral("http://127.0.0.1:1/x")))
                    .isEmpty());
        QVERIFY(
            ApiEndpoint::keyTransportProblem(QUrl(QStringLiteral("http://[::1]:8080"))).isEmpty());
        const QString problem =
            ApiEndpoint::keyTransportProblem(QUrl(QStringLiteral("http://api.bem.ai")));
        QVERIFY(problem.contains(QStringLiteral("plain http")));
        QVERIFY(problem.contains(QStringLiteral("api.bem.ai")));
        QVERIFY(
            !ApiEndpoint::keyTransportProblem(QUrl(QStringLiteral("ftp://127.0.0.1"))).isEmpty());
    }

    void callUrl_idIsExactlyOneSegment_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("encodedPath");
        QTest::newRow("plain") << QStringLiteral("wf_123") << QByteArray("/v2/calls/wf_123");
        QTest::newRow("slash") << QStringLiteral("a/b") << QByteArray("/v2/calls/a%2Fb");
        QTest::newRow("dotdot-slash") << QStringLiteral("../x") << QByteArray("/v2/calls/..%2Fx");
        QTest::newRow("space") << QStringLiteral("a b") << QByteArray("/v2/calls/a%20b");
        QTest::newRow("query-like")
            << QStringLiteral("a?b=c#d") << QByteArray("/v2/calls/a%3Fb%3Dc%23d");
        QTest::newRow("percent") << QStringLiteral("100%") << QByteArray("/v2/calls/100%25");
        QTest::newRow("non-ascii")
            << QStringLiteral("r\u00e9f-\u65e5") << QByteArray("/v2/calls/r%C3%A9f-%E6%97%A5");
        QTest::newRow("trimmed") << QStringLiteral("  c_1\n") << QByteArray("/v2/calls/c_1");
    }
    void callUrl_idIsExactlyOneSegment()
    {
        QFETCH(QString, id);
        QFETCH(QByteArray, encodedPath);
        const QUrl url = ApiEndpoint::callUrl(QUrl(QStringLiteral("https://api.bem.ai")), id);
        QVERIFY(url.isValid());
        QCOMPARE(url.path(QUrl::FullyEncoded).toLatin1(), encodedPath);
        QVERIFY(!url.hasQuery());
        QVERIFY(!url.hasFragment());
        QCOMPARE(url.host(), QStringLiteral("api.bem.ai"));
    }

    void callUrl_keepsTheBasePath()
    {
        const QUrl url = ApiEndpoint::callUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/proxy")),
                                              QStringLiteral("a/b"));
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/proxy/v2/calls/a%2Fb"));
    }

    void callUrl_refusesIdsNoUrlCanCarry()
    {
        for (const QString &id : {QString(), QStringLiteral("   "), QStringLiteral("."),
                                  QStringLiteral(".."), QStringLiteral("...")}) {
            QString error;
            QVERIFY(!ApiEndpoint::callUrl(ApiEndpoint::defaultBaseUrl(), id, &error).isValid());
            QVERIFY2(!error.isEmpty(), qPrintable(id));
        }
    }

    void v3Urls_carryTheIdAsOneSegment()
    {
        const QUrl base(QStringLiteral("http://127.0.0.1:8080/proxy"));
        QCOMPARE(ApiEndpoint::callUrl(base, QStringLiteral("a/b"), ApiVersion::V3)
                     .toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/proxy/v3/calls/a%2Fb"));
        QCOMPARE(ApiEndpoint::callUrl(base, QStringLiteral("a/b"), ApiVersion::V2)
                     .toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/proxy/v2/calls/a%2Fb"));
        QCOMPARE(ApiEndpoint::traceUrl(base, QStringLiteral("a?b#c")).toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/proxy/v3/calls/a%3Fb%23c/trace"));
        for (const QString &id : {QString(), QStringLiteral(".."), QStringLiteral(" . ")}) {
            QString error;
            QVERIFY(!ApiEndpoint::callUrl(base, id, ApiVersion::V3, &error).isValid());
            QVERIFY(!error.isEmpty());
            error.clear();
            QVERIFY(!ApiEndpoint::traceUrl(base, id, &error).isValid());
            QVERIFY(!error.isEmpty());
        }
        QCOMPARE(ApiEndpoint::callListUrl(base, 1, ApiVersion::V3).toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/proxy/v3/calls?limit=1"));
        QCOMPARE(ApiEndpoint::callListUrl(base, 1).toString(QUrl::FullyEncoded),
                 QStringLiteral("http://127.0.0.1:8080/proxy/v2/calls?limit=1"));
    }

    void eventsUrl_encodesEveryQueryValue()
    {
        const QUrl base(QStringLiteral("https://api.bem.ai"));
        QCOMPARE(ApiEndpoint::eventsUrl(base, ApiEndpoint::EventList::Outputs,
                                        QStringLiteral("wf_1"), 100)
                     .toString(QUrl::FullyEncoded),
                 QStringLiteral("https://api.bem.ai/v3/outputs?callIDs=wf_1&limit=100"));
        // A comma would split the ID into two filters; & = # + would end or change the query.
        const QUrl odd =
            ApiEndpoint::eventsUrl(base, ApiEndpoint::EventList::Errors,
                                   QStringLiteral("a,b&c=d#e+f %"), 50, QStringLiteral("ev,1&x"));
        QCOMPARE(odd.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://api.bem.ai/v3/errors?callIDs=a%2Cb%26c%3Dd%23e%2Bf%20%25"
                                "&limit=50&startingAfter=ev%2C1%26x"));
        QCOMPARE(QUrlQuery(odd).queryItemValue(QStringLiteral("callIDs"), QUrl::FullyDecoded),
                 QStringLiteral("a,b&c=d#e+f %"));
        QVERIFY(!odd.hasFragment());
        QCOMPARE(ApiEndpoint::curlCommand(odd),
                 QStringLiteral("curl -sS -H \"x-api-key: $BEM_API_KEY\" '") +
                     odd.toString(QUrl::FullyEncoded) + u'\'');
    }

    void curlCommand_worksForEveryEndpoint()
    {
        const QUrl base(QStringLiteral("https://api.bem.ai"));
        QCOMPARE(ApiEndpoint::curlCommand(
                     ApiEndpoint::callUrl(base, QStringLiteral("it's"), ApiVersion::V3)),
                 QStringLiteral("curl -sS -H \"x-api-key: $BEM_API_KEY\" "
                                "'https://api.bem.ai/v3/calls/it%27s'"));
        QCOMPARE(ApiEndpoint::curlCommand(ApiEndpoint::traceUrl(base, QStringLiteral("wf 1"))),
                 QStringLiteral("curl -sS -H \"x-api-key: $BEM_API_KEY\" "
                                "'https://api.bem.ai/v3/calls/wf%201/trace'"));
    }

    void curlCommand_namesTheKeyVariableAndQuotesTheUrl()
    {
        const QUrl url =
            ApiEndpoint::callUrl(ApiEndpoint::defaultBaseUrl(), QStringLiteral("wf_1"));
        QCOMPARE(ApiEndpoint::curlCommand(url),
                 QStringLiteral("curl -sS -H \"x-api-key: $BEM_API_KEY\" "
                                "'https://api.bem.ai/v2/calls/wf_1'"));
        // A quote in the URL cannot end the quoting; $, spaces and ; stay inert.
        const QUrl odd(QStringLiteral("http://127.0.0.1:9000/v2/calls/it's?q=$(x);y"));
        QCOMPARE(ApiEndpoint::curlCommand(odd),
                 QStringLiteral("curl -sS -H \"x-api-key: $BEM_API_KEY\" "
                                "'http://127.0.0.1:9000/v2/calls/it'\\''s?q=$(x);y'"));
        QCOMPARE(ApiEndpoint::curlCommand(QUrl()), QString());
    }

    void curlCommand_runsAsOneWordInTheShell()
    {
#ifdef Q_OS_UNIX
        // The shell itself reads the command back: the URL is one argument, unchanged.
        const QUrl url(QStringLiteral("https://h.test/v2/calls/it's?a=$HOME&b=`x`;c"));
        QString command = ApiEndpoint::curlCommand(url);
        command.replace(QStringLiteral("curl -sS -H"), QStringLiteral("printf '%s\\n'"));
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        QVERIFY(shell.waitForFinished(10000));
        const QStringList words =
            QString::fromUtf8(shell.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(words.size(), 2);
        QCOMPARE(words.at(0), QStringLiteral("x-api-key: "));
        QCOMPARE(words.at(1), url.toString(QUrl::FullyEncoded));
#else
        QSKIP("needs a POSIX shell");
#endif
    }

    void retryAfter_secondsAndDates()
    {
        const QDateTime now(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("3", now), std::optional<int>(3));
        QCOMPARE(parseRetryAfter(" 0 ", now), std::optional<int>(0));
        QCOMPARE(parseRetryAfter("Tue, 01 Dec 2026 10:00:30 GMT", now), std::optional<int>(30));
        QCOMPARE(parseRetryAfter("Tue, 01 Dec 2026 09:00:00 GMT", now), std::optional<int>(0));
        QCOMPARE(parseRetryAfter("99999999999", now), std::optional<int>(24 * 60 * 60));
        QCOMPARE(parseRetryAfter("-5", now), std::nullopt);
        QCOMPARE(parseRetryAfter("soon", now), std::nullopt);
        QCOMPARE(parseRetryAfter("", now), std::nullopt);
    }

    void backoff_doublesUpToTheCap()
    {
        const BackoffPolicy p; // bem's guidance: 1 s, ×2, 10 s
        QCOMPARE(p.baseDelayMs(0), 1000);
        QCOMPARE(p.baseDelayMs(1), 2000);
        QCOMPARE(p.baseDelayMs(2), 4000);
        QCOMPARE(p.baseDelayMs(3), 8000);
        QCOMPARE(p.baseDelayMs(4), 10000);
        QCOMPARE(p.baseDelayMs(1000), 10000);
    }

    void backoff_jitterStaysInsideItsBandAndTheCap()
    {
        const BackoffPolicy p;
        QRandomGenerator random(42);
        for (int step = 0; step < 8; ++step) {
            int lowest = INT_MAX, highest = 0;
            for (int i = 0; i < 500; ++i) {
                const int d = p.delayMs(step, random);
                lowest = qMin(lowest, d);
                highest = qMax(highest, d);
            }
            const int base = p.baseDelayMs(step);
            QVERIFY(lowest >= int(base * 0.8));
            QVERIFY(highest <= qMin(int(base * 1.2), p.maxMs));
            QVERIFY2(highest - lowest > base / 10, "the delays must actually vary");
        }
    }

    void transientOutcomes()
    {
        const auto transient = [](FetchOutcome o) {
            FetchResult r;
            r.outcome = o;
            return r.isTransient();
        };
        for (auto o : {FetchOutcome::NetworkError, FetchOutcome::Timeout, FetchOutcome::RateLimited,
                       FetchOutcome::ServerError, FetchOutcome::NotJson, FetchOutcome::Truncated})
            QVERIFY2(transient(o), qPrintable(outcomeName(o)));
        for (auto o : {FetchOutcome::Unauthorized, FetchOutcome::Forbidden, FetchOutcome::NotFound,
                       FetchOutcome::NoApiKey, FetchOutcome::InsecureTransport,
                       FetchOutcome::RedirectRefused, FetchOutcome::HttpError,
                       FetchOutcome::TooLarge, FetchOutcome::InvalidRequest})
            QVERIFY2(!transient(o), qPrintable(outcomeName(o)));
    }
};

QTEST_GUILESS_MAIN(TestApiEndpoint)
#include "tst_apiendpoint.moc"

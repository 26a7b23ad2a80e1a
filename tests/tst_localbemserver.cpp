// SPDX-License-Identifier: MIT
#include "callparser.h"
#include "demoscenarios.h"
#include "localbemserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace bem;

namespace {

// Everything a test looks at in one finished reply.
struct Answer
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Empty when `body` is a call the app's parser reads without a single warning.
QString parseProblem(const QByteArray &body)
{
    const ParseResult r = CallParser::parse(body);
    if (!r.ok())
        return QStringLiteral("does not parse: ") + r.error;
    if (!r.warnings.isEmpty())
        return QStringLiteral("warnings: ") + r.warnings.join(QStringLiteral("; "));
    return {};
}

// The bem error shape: {"message": string, "code": status, "details": object}.
QString errorBodyProblem(const Answer &a)
{
    if (!a.header("content-type").startsWith("application/json"))
        return QStringLiteral("content type is ") + QString::fromLatin1(a.header("content-type"));
    const QJsonObject o = a.json();
    if (!o.value(QLatin1String("message")).isString() ||
        o.value(QLatin1String("message")).toString().isEmpty())
        return QStringLiteral("no message in ") + QString::fromUtf8(a.body);
    if (o.value(QLatin1String("code")).toInt() != a.status)
        return QStringLiteral("code differs from the status in ") + QString::fromUtf8(a.body);
    if (!o.value(QLatin1String("details")).isObject())
        return QStringLiteral("details is not an object in ") + QString::fromUtf8(a.body);
    return {};
}

QStringList callIds(const QJsonObject &list)
{
    QStringList out;
    const QJsonArray calls = list.value(QLatin1String("calls")).toArray();
    for (const QJsonValue &v : calls)
        out << v.toObject().value(QLatin1String("callID")).toString();
    return out;
}

} // namespace

class TestLocalBemServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalBemServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;

    QUrl urlFor(const QString &encodedPath, const QString &query = {}) const
    {
        QUrl url = m_server->baseUrl();
        // TolerantMode keeps escapes such as %2F as given, so the wire carries them.
        url.setPath(encodedPath, QUrl::TolerantMode);
        if (!query.isEmpty())
            url.setQuery(query, QUrl::TolerantMode);
        return url;
    }

    QUrl callUrl(const QString &callId) const
    {
        return urlFor(QStringLiteral("/v2/calls/") +
                      QString::fromLatin1(QUrl::toPercentEncoding(callId)));
    }

    Answer fetch(const QUrl &url, const QByteArray &key = LocalBemServer::demoApiKey(),
                 QNetworkRequest::RedirectPolicy policy = QNetworkRequest::ManualRedirectPolicy,
                 const QByteArray &verb = QByteArrayLiteral("GET"), int timeoutMs = 10000)
    {
        QNetworkRequest request(url);
        if (!key.isNull())
            request.setRawHeader("x-api-key", key);
        request.setRawHeader("User-Agent", "tst_localbemserver/1.0");
        request.setRawHeader("Accept", "application/json");
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, policy);
        QNetworkReply *reply = verb == "GET"
                                   ? m_nam->get(request)
                                   : m_nam->sendCustomRequest(request, verb, QByteArray());
        return collect(reply, timeoutMs);
    }

    static Answer collect(QNetworkReply *reply, int timeoutMs = 10000)
    {
        Answer a;
        QSignalSpy finished(reply, &QNetworkReply::finished);
        a.finished = reply->isFinished() || finished.wait(timeoutMs);
        a.error = reply->error();
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &[name, value] : pairs)
            a.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return a;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<LocalBemServer>();
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
    }

    void listen_givesPortAndBaseUrl()
    {
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->baseUrl(),
                 QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())));
        QVERIFY(!m_server->baseUrl().toString().endsWith(u'/'));
        // Listening twice keeps the port it has.
        QVERIFY(m_server->listen());
        QCOMPARE(m_server->baseUrl().port(), int(m_server->port()));
    }

    void auth_missingOrWrongKeyIs401_andStillRecorded()
    {
        QSignalSpy received(m_server.get(), &LocalBemServer::requestReceived);

        const Answer missing = fetch(callUrl(DemoCalls::batch()), QByteArray());
        QVERIFY(missing.finished);
        QCOMPARE(missing.status, 401);
        QCOMPARE(errorBodyProblem(missing), QString());

        const Answer wrong = fetch(callUrl(DemoCalls::batch()), QByteArrayLiteral("not-the-key"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(errorBodyProblem(wrong), QString());

        const Answer right = fetch(callUrl(DemoCalls::batch()));
        QCOMPARE(right.status, 200);

        const QList<ServerRequestRecord> records = m_server->requests();
        QCOMPARE(records.size(), 3);
        QCOMPARE(received.size(), 3);
        QVERIFY(records.at(0).apiKey.isEmpty());
        QCOMPARE(records.at(1).apiKey, QByteArrayLiteral("not-the-key"));
        QCOMPARE(records.at(2).apiKey, LocalBemServer::demoApiKey());
        QCOMPARE(received.at(1).at(0).value<ServerRequestRecord>().apiKey,
                 QByteArrayLiteral("not-the-key"));
        for (const ServerRequestRecord &r : records) {
            QCOMPARE(r.method, QByteArrayLiteral("GET"));
            QCOMPARE(r.callId, DemoCalls::batch());
            QCOMPARE(r.userAgent, QByteArrayLiteral("tst_localbemserver/1.0"));
            QCOMPARE(r.accept, QByteArrayLiteral("application/json"));
            QVERIFY(r.receivedAtMs > 0);
        }
    }

    void auth_customKey()
    {
        m_server->setApiKey(QByteArrayLiteral("sk-other"));
        QCOMPARE(fetch(callUrl(DemoCalls::batch())).status, 401);
        QCOMPARE(fetch(callUrl(DemoCalls::batch()), QByteArrayLiteral("sk-other")).status, 200);
    }

    void progressing_advancesOneStagePerGetAndStaysCompleted()
    {
        const int count = DemoScenarios::progressingStageCount();
        QVERIFY(count >= 12);
        QByteArray previous;
        for (int i = 0; i < count + 2; ++i) {
            const Answer a = fetch(callUrl(DemoCalls::progressing()));
            QCOMPARE(a.status, 200);
            QVERIFY(a.header("content-type").startsWith("application/json"));
            QCOMPARE(a.body, DemoScenarios::progressingStage(std::min(i, count - 1)));
            QVERIFY2(parseProblem(a.body).isEmpty(), qPrintable(parseProblem(a.body)));
            const Call call = *CallParser::parse(a.body).call;
            QCOMPARE(call.callId, DemoCalls::progressing());
            if (i == 0) {
                QCOMPARE(call.status.raw(), QStringLiteral("pending"));
                QVERIFY(call.functionCalls.isEmpty());
            } else if (i < count - 1) {
                QCOMPARE(call.status.raw(), QStringLiteral("running"));
                QVERIFY(!call.finishedAt.isValid());
            } else {
                QCOMPARE(call.status.raw(), QStringLiteral("completed"));
                QVERIFY(call.finishedAt.isValid());
            }
            if (i < count)
                QVERIFY2(a.body != previous, qPrintable(QStringLiteral("stage %1 repeats").arg(i)));
            else
                QCOMPARE(a.body, previous);
            previous = a.body;
        }
        QCOMPARE(m_server->requestsFor(DemoCalls::progressing()).size(), count + 2);
    }

    void progressing_stagesAreCoherent()
    {
        const int count = DemoScenarios::progressingStageCount();
        QHash<QString, QString> typeOf;
        QHash<QString, QString> sourceOf;
        QSet<QString> types;
        for (int stage = 0; stage < count; ++stage) {
            const QByteArray body = DemoScenarios::progressingStage(stage);
            QVERIFY2(parseProblem(body).isEmpty(), qPrintable(parseProblem(body)));
            const Call call = *CallParser::parse(body).call;
            QCOMPARE(call.workflowName, QStringLiteral("invoice-intake"));
            QVERIFY(call.input.singleFile.has_value());
            QVERIFY(call.input.singleFile->s3URL.contains(QLatin1String("X-Amz-Signature=")));
            QSet<QString> ids;
            for (const FunctionCall &fc : call.functionCalls)
                ids.insert(fc.functionCallId);
            QCOMPARE(ids.size(), call.functionCalls.size());
            for (const FunctionCall &fc : call.functionCalls) {
                // IDs keep their type and parent from stage to stage.
                QCOMPARE(typeOf.value(fc.functionCallId, fc.type), fc.type);
                QCOMPARE(sourceOf.value(fc.functionCallId, fc.sourceFunctionCallId),
                         fc.sourceFunctionCallId);
                typeOf.insert(fc.functionCallId, fc.type);
                sourceOf.insert(fc.functionCallId, fc.sourceFunctionCallId);
                types.insert(fc.type);
                if (!fc.sourceFunctionCallId.isEmpty())
                    QVERIFY2(ids.contains(fc.sourceFunctionCallId), qPrintable(fc.functionCallId));
                QCOMPARE(fc.workflowCallId, DemoCalls::progressing());
                QVERIFY(fc.functionVersionNum.has_value());
                QVERIFY(!fc.activity.isEmpty());
                if (stage == count - 1) {
                    QCOMPARE(fc.status.raw(), QStringLiteral("completed"));
                    QVERIFY(fc.startedAt.isValid());
                    QVERIFY(fc.finishedAt.isValid());
                    QVERIFY(fc.startedAt.value <= fc.finishedAt.value);
                    QVERIFY(fc.finishedAt.value <= call.finishedAt.value);
                    for (const ActivityEntry &step : fc.activity)
                        QCOMPARE(step.status.raw(), QStringLiteral("completed"));
                }
                if (fc.type == QLatin1String("split") && stage == count - 1) {
                    QCOMPARE(fc.inputs.size(), 6);
                    QCOMPARE(fc.inputs.at(0).itemReferenceId, QStringLiteral("page-1"));
                }
            }
        }
        QCOMPARE(typeOf.size(), 10); // route, split, 6 pages, enrich, join
        for (const char *t : {"route", "split", "transform", "join", "enrich"})
            QVERIFY2(types.contains(QLatin1String(t)), t);
        QCOMPARE(DemoScenarios::progressingStage(-5), DemoScenarios::progressingStage(0));
        QCOMPARE(DemoScenarios::progressingStage(999), DemoScenarios::progressingStage(count - 1));
    }

    void otherDemoBodies_parseWithoutWarnings()
    {
        const QByteArray failedBody = DemoScenarios::failedCall();
        QVERIFY2(parseProblem(failedBody).isEmpty(), qPrintable(parseProblem(failedBody)));
        const Call failed = *CallParser::parse(failedBody).call;
        QCOMPARE(failed.callId, DemoCalls::failed());
        QCOMPARE(failed.status.raw(), QStringLiteral("failed"));
        QVERIFY(failed.finishedAt.isValid());
        int failedCalls = 0;
        int neverRan = 0;
        for (const FunctionCall &fc : failed.functionCalls) {
            if (fc.status.raw() == QLatin1String("failed")) {
                ++failedCalls;
                QCOMPARE(fc.type, QStringLiteral("transform"));
                bool stepFailed = false;
                for (const ActivityEntry &step : fc.activity)
                    stepFailed = stepFailed || step.status.raw() == QLatin1String("failed");
                QVERIFY(stepFailed);
            }
            if (fc.status.raw() == QLatin1String("pending"))
                ++neverRan;
        }
        QCOMPARE(failedCalls, 1);
        QVERIFY(neverRan > 0);
        QVERIFY(!QJsonDocument::fromJson(failedBody).object().contains(QLatin1String("error")));

        const QByteArray singleBody = DemoScenarios::singleFunctionCall();
        QVERIFY2(parseProblem(singleBody).isEmpty(), qPrintable(parseProblem(singleBody)));
        const Call single = *CallParser::parse(singleBody).call;
        QCOMPARE(single.callId, DemoCalls::singleFunction());
        QCOMPARE(single.callType, QStringLiteral("function"));
        QCOMPARE(single.status.raw(), QStringLiteral("completed"));
        QVERIFY(!single.functionName.isEmpty());
        QVERIFY(!single.functionType.isEmpty());
        QVERIFY(!single.functionId.isEmpty());
        QVERIFY(single.functionVersionNum.has_value());
        QVERIFY(single.input.singleFile.has_value());
        QCOMPARE(single.functionCalls.size(), 1);

        const QByteArray batchBody = DemoScenarios::batchCall();
        QVERIFY2(parseProblem(batchBody).isEmpty(), qPrintable(parseProblem(batchBody)));
        const Call batch = *CallParser::parse(batchBody).call;
        QCOMPARE(batch.callId, DemoCalls::batch());
        QCOMPARE(batch.status.raw(), QStringLiteral("completed"));
        QVERIFY(batch.input.batchFiles.has_value());
        QCOMPARE(batch.input.batchFiles->size(), 4);
        QVERIFY(!batch.input.batchFiles->at(0).itemReferenceId.isEmpty());
        QVERIFY(batch.functionCalls.size() >= 3);

        // Deterministic: the same bytes every time.
        QCOMPARE(DemoScenarios::batchCall(), batchBody);
    }

    void encodedCallId_isDecodedFromTheRawPath_data()
    {
        QTest::addColumn<QString>("callId");
        QTest::addColumn<QByteArray>("rawPath");
        QTest::newRow("slash") << QStringLiteral("a/b") << QByteArrayLiteral("/v2/calls/a%2Fb");
        QTest::newRow("dot-dot") << QStringLiteral("../x") << QByteArrayLiteral("/v2/calls/..%2Fx");
        QTest::newRow("space") << QStringLiteral("a b") << QByteArrayLiteral("/v2/calls/a%20b");
        QTest::newRow("utf-8") << QStringLiteral("été")
                               << QByteArrayLiteral("/v2/calls/%C3%A9t%C3%A9");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"")
                               << QByteArrayLiteral("/v2/calls/say%20%22hi%22");
        QTest::newRow("percent") << QStringLiteral("100%") << QByteArrayLiteral("/v2/calls/100%25");
        QTest::newRow("question") << QStringLiteral("a?b=c")
                                  << QByteArrayLiteral("/v2/calls/a%3Fb%3Dc");
    }

    void encodedCallId_isDecodedFromTheRawPath()
    {
        QFETCH(QString, callId);
        QFETCH(QByteArray, rawPath);
        const Answer a = fetch(callUrl(callId));
        QCOMPARE(a.status, 404);
        QCOMPARE(errorBodyProblem(a), QString());
        const QJsonObject body = a.json();
        QCOMPARE(body.value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("callID"))
                     .toString(),
                 callId);
        QVERIFY(body.value(QLatin1String("message")).toString().contains(callId));

        QCOMPARE(m_server->requests().size(), 1);
        const ServerRequestRecord r = m_server->requests().constFirst();
        QCOMPARE(r.rawPath, rawPath);
        QCOMPARE(r.callId, callId);
        QVERIFY(r.query.isEmpty());
        QCOMPARE(m_server->requestsFor(callId).size(), 1);
    }

    void moreSegments_andUnknownPaths_are404()
    {
        const Answer nested = fetch(urlFor(QStringLiteral("/v2/calls/a/b")));
        QCOMPARE(nested.status, 404);
        QCOMPARE(errorBodyProblem(nested), QString());
        QVERIFY(m_server->requests().constLast().callId.isEmpty());
        QCOMPARE(m_server->requests().constLast().rawPath, QByteArrayLiteral("/v2/calls/a/b"));

        const Answer other = fetch(urlFor(QStringLiteral("/v1/calls/wf_demo_batch")));
        QCOMPARE(other.status, 404);
        QCOMPARE(errorBodyProblem(other), QString());
    }

    void post_is405()
    {
        const Answer a = fetch(callUrl(DemoCalls::batch()), LocalBemServer::demoApiKey(),
                               QNetworkRequest::ManualRedirectPolicy, QByteArrayLiteral("POST"));
        QCOMPARE(a.status, 405);
        QCOMPARE(errorBodyProblem(a), QString());
        QCOMPARE(a.header("allow"), QByteArrayLiteral("GET"));
        QCOMPARE(m_server->requests().constLast().method, QByteArrayLiteral("POST"));
        // A rejected method does not count as a GET of the call.
        QCOMPARE(fetch(callUrl(DemoCalls::progressing())).body, DemoScenarios::progressingStage(0));
    }

    void rateLimited_sendsRetryAfterThenRecovers()
    {
        m_server->setFailuresBeforeRecovery(3);
        m_server->setRetryAfterSeconds(7);
        for (int i = 0; i < 3; ++i) {
            const Answer a = fetch(callUrl(DemoCalls::rateLimited()));
            QCOMPARE(a.status, 429);
            QCOMPARE(a.header("retry-after"), QByteArrayLiteral("7"));
            QCOMPARE(errorBodyProblem(a), QString());
        }
        const Answer ok = fetch(callUrl(DemoCalls::rateLimited()));
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.header("retry-after").isEmpty());
        QVERIFY2(parseProblem(ok.body).isEmpty(), qPrintable(parseProblem(ok.body)));
        QCOMPARE(CallParser::parse(ok.body).call->callId, DemoCalls::rateLimited());
    }

    void flaky_500ThenRecovers()
    {
        m_server->setFailuresBeforeRecovery(2);
        for (int i = 0; i < 2; ++i) {
            const Answer a = fetch(callUrl(DemoCalls::flaky()));
            QCOMPARE(a.status, 500);
            QCOMPARE(a.error, QNetworkReply::InternalServerError);
            QCOMPARE(errorBodyProblem(a), QString());
        }
        const Answer ok = fetch(callUrl(DemoCalls::flaky()));
        QCOMPARE(ok.status, 200);
        QVERIFY2(parseProblem(ok.body).isEmpty(), qPrintable(parseProblem(ok.body)));
        QCOMPARE(CallParser::parse(ok.body).call->callId, DemoCalls::flaky());
    }

    void badGateway_isAnHtmlPage()
    {
        const Answer a = fetch(callUrl(DemoCalls::badGateway()));
        QCOMPARE(a.status, 502);
        QVERIFY(a.header("content-type").startsWith("text/html"));
        QVERIFY(a.body.contains("<title>502 Bad Gateway</title>"));
        const ParseResult r = CallParser::parse(a.body);
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QLatin1String("HTML")));
    }

    void forbidden_is403WithErrorBody()
    {
        const Answer a = fetch(callUrl(DemoCalls::forbidden()));
        QCOMPARE(a.status, 403);
        QCOMPARE(errorBodyProblem(a), QString());
    }

    void slow_answersAfterTheDelay()
    {
        m_server->setSlowDelayMs(400);
        QElapsedTimer timer;
        timer.start();
        const Answer a = fetch(callUrl(DemoCalls::slow()));
        QVERIFY(a.finished);
        QCOMPARE(a.status, 200);
        QVERIFY2(timer.elapsed() >= 380, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(parseProblem(a.body).isEmpty(), qPrintable(parseProblem(a.body)));
    }

    void slow_clientThatHangsUpDoesNotHurtTheServer()
    {
        m_server->setSlowDelayMs(300);
        QNetworkRequest request(callUrl(DemoCalls::slow()));
        request.setRawHeader("x-api-key", LocalBemServer::demoApiKey());
        QNetworkReply *early = m_nam->get(request);
        QTRY_COMPARE(m_server->requests().size(), 1);
        early->abort();
        QCOMPARE(early->error(), QNetworkReply::OperationCanceledError);
        early->deleteLater();

        // Answered after its own delay, so the abandoned answer's timer has fired by then.
        const Answer later = fetch(callUrl(DemoCalls::slow()));
        QCOMPARE(later.status, 200);
        const Answer normal = fetch(callUrl(DemoCalls::batch()));
        QCOMPARE(normal.status, 200);
        QCOMPARE(normal.body, DemoScenarios::batchCall());
    }

    void destroyedWhileALateAnswerIsPending()
    {
        auto doomed = std::make_unique<LocalBemServer>();
        QVERIFY(doomed->listen());
        doomed->setSlowDelayMs(150);
        QUrl url = doomed->baseUrl();
        url.setPath(QStringLiteral("/v2/calls/") + DemoCalls::slow());
        QNetworkRequest request(url);
        request.setRawHeader("x-api-key", LocalBemServer::demoApiKey());
        QNetworkReply *reply = m_nam->get(request);
        QTRY_COMPARE(doomed->requests().size(), 1);
        doomed.reset();
        const Answer a = collect(reply);
        QVERIFY(a.finished);
        QVERIFY(a.error != QNetworkReply::NoError);

        // Outlives the destroyed server's timer: had it survived, it would have fired.
        m_server->setSlowDelayMs(400);
        QCOMPARE(fetch(callUrl(DemoCalls::slow())).status, 200);
    }

    void truncated_closesBeforeContentLength()
    {
        const Answer a = fetch(callUrl(DemoCalls::truncated()));
        QVERIFY(a.finished);
        QCOMPARE(a.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("content-type").startsWith("application/json"));
        bool ok = false;
        const qint64 announced = a.header("content-length").toLongLong(&ok);
        QVERIFY(ok);
        QVERIFY(!a.body.isEmpty());
        QVERIFY2(a.body.size() < announced,
                 qPrintable(QStringLiteral("%1 of %2").arg(a.body.size()).arg(announced)));
        QVERIFY(!CallParser::parse(a.body).ok());
        QVERIFY(a.body.startsWith("{\"call\""));

        // The server carries on.
        QCOMPARE(fetch(callUrl(DemoCalls::batch())).status, 200);
    }

    void invalidJson_isCompleteButInvalid()
    {
        const Answer a = fetch(callUrl(DemoCalls::invalidJson()));
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("content-type").startsWith("application/json"));
        QJsonParseError error;
        QJsonDocument::fromJson(a.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        // The fault is inside the body, not at its end: this is not a cut-off response.
        QVERIFY(error.offset < a.body.size() - 5);
        QVERIFY(a.body.trimmed().endsWith('}'));
        const ParseResult r = CallParser::parse(a.body);
        QVERIFY(!r.ok());
        QVERIFY(r.errorOffset >= 0);
    }

    void errorOnly_has200AndNoCall()
    {
        const Answer a = fetch(callUrl(DemoCalls::errorOnly()));
        QCOMPARE(a.status, 200);
        const ParseResult r = CallParser::parse(a.body);
        QVERIFY(!r.ok());
        QCOMPARE(r.serverError,
                 QStringLiteral("The workflow engine is unavailable; try again shortly."));
        QVERIFY(!a.json().contains(QLatin1String("call")));
    }

    void redirects_pointWhereTheyShould()
    {
        const Answer same = fetch(callUrl(DemoCalls::redirectSameOrigin()));
        QCOMPARE(same.status, 302);
        QUrl expected = m_server->baseUrl();
        expected.setPath(QStringLiteral("/v2/calls/wf_demo_batch"));
        QCOMPARE(QUrl::fromEncoded(same.header("location")), expected);

        const Answer followed =
            fetch(callUrl(DemoCalls::redirectSameOrigin()), LocalBemServer::demoApiKey(),
                  QNetworkRequest::SameOriginRedirectPolicy);
        QCOMPARE(followed.status, 200);
        QCOMPARE(followed.body, DemoScenarios::batchCall());

        const Answer noTarget = fetch(callUrl(DemoCalls::redirectAway()));
        QCOMPARE(noTarget.status, 404);
        QCOMPARE(errorBodyProblem(noTarget), QString());

        m_server->setRedirectTarget(QUrl(QStringLiteral("http://127.0.0.2:8443/other/")));
        const Answer away = fetch(callUrl(DemoCalls::redirectAway()));
        QCOMPARE(away.status, 302);
        QCOMPARE(away.header("location"),
                 QByteArrayLiteral("http://127.0.0.2:8443/other/v2/calls/wf_demo_batch"));
    }

    void list_defaultsFiltersAndPages()
    {
        const QStringList ascending = {DemoCalls::batch(), DemoCalls::singleFunction(),
                                       DemoCalls::failed(), DemoCalls::progressing()};
        const Answer all = fetch(urlFor(QStringLiteral("/v2/calls")));
        QCOMPARE(all.status, 200);
        QVERIFY(all.header("content-type").startsWith("application/json"));
        QCOMPARE(callIds(all.json()), ascending);
        QCOMPARE(all.json().value(QLatin1String("totalCount")).toInt(), 4);
        const QJsonArray calls = all.json().value(QLatin1String("calls")).toArray();
        for (const QJsonValue &v : calls) {
            const QByteArray body =
                QJsonDocument(QJsonObject{{QStringLiteral("call"), v}}).toJson();
            QVERIFY2(parseProblem(body).isEmpty(), qPrintable(parseProblem(body)));
        }
        QCOMPARE(m_server->requests().constLast().rawPath, QByteArrayLiteral("/v2/calls"));
        QVERIFY(m_server->requests().constLast().callId.isEmpty());

        const Answer limited =
            fetch(urlFor(QStringLiteral("/v2/calls"), QStringLiteral("limit=2")));
        QCOMPARE(callIds(limited.json()), ascending.mid(0, 2));
        QCOMPARE(limited.json().value(QLatin1String("totalCount")).toInt(), 4);
        QCOMPARE(m_server->requests().constLast().query, QByteArrayLiteral("limit=2"));

        const Answer byId = fetch(
            urlFor(QStringLiteral("/v2/calls"), QStringLiteral("callIDs=wf_demo_failed&callIDs=fc_"
                                                               "demo_single&callIDs=nope")));
        QCOMPARE(callIds(byId.json()),
                 (QStringList{DemoCalls::singleFunction(), DemoCalls::failed()}));
        QCOMPARE(byId.json().value(QLatin1String("totalCount")).toInt(), 2);

        const Answer desc =
            fetch(urlFor(QStringLiteral("/v2/calls"), QStringLiteral("sortOrder=desc")));
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(callIds(desc.json()), descending);

        const Answer after = fetch(urlFor(QStringLiteral("/v2/calls"),
                                          QStringLiteral("limit=2&startingAfter=fc_demo_single")));
        QCOMPARE(callIds(after.json()), ascending.mid(2, 2));

        const Answer byType =
            fetch(urlFor(QStringLiteral("/v2/calls"), QStringLiteral("callTypes=function")));
        QCOMPARE(callIds(byType.json()), QStringList{DemoCalls::singleFunction()});

        const Answer byWorkflow = fetch(
            urlFor(QStringLiteral("/v2/calls"), QStringLiteral("workflowNames=invoice-intake")));
        QCOMPARE(callIds(byWorkflow.json()), QStringList{DemoCalls::progressing()});

        const Answer bySubstring = fetch(
            urlFor(QStringLiteral("/v2/calls"), QStringLiteral("referenceIDSubstring=msa-2026")));
        QCOMPARE(callIds(bySubstring.json()), QStringList{DemoCalls::failed()});
    }

    void list_followsTheProgressingCall()
    {
        auto progressingStatus = [this] {
            const Answer a = fetch(
                urlFor(QStringLiteral("/v2/calls"), QStringLiteral("callIDs=wf_demo_progress")));
            return a.json()
                .value(QLatin1String("calls"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("status"))
                .toString();
        };
        QCOMPARE(progressingStatus(), QStringLiteral("pending"));
        for (int i = 0; i < DemoScenarios::progressingStageCount(); ++i)
            fetch(callUrl(DemoCalls::progressing()));
        QCOMPARE(progressingStatus(), QStringLiteral("completed"));
    }

    void list_badParametersAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("limit 0") << QStringLiteral("limit=0");
        QTest::newRow("limit 101") << QStringLiteral("limit=101");
        QTest::newRow("limit text") << QStringLiteral("limit=ten");
        QTest::newRow("sortOrder") << QStringLiteral("sortOrder=sideways");
        QTest::newRow("unknown cursor") << QStringLiteral("startingAfter=nope");
    }

    void list_badParametersAre400()
    {
        QFETCH(QString, query);
        const Answer a = fetch(urlFor(QStringLiteral("/v2/calls"), query));
        QCOMPARE(a.status, 400);
        QCOMPARE(errorBodyProblem(a), QString());
    }

    void canned_sequenceRepeatsLastAndResets()
    {
        const QString id = DemoCalls::batch(); // canned answers override built-in ones
        CannedResponse busy;
        busy.status = 503;
        busy.body = QByteArrayLiteral("{\"message\":\"busy\",\"code\":503,\"details\":{}}");
        busy.headers = {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")}};
        CannedResponse plain;
        plain.contentType = QByteArrayLiteral("text/plain");
        plain.body = QByteArrayLiteral("hello");
        plain.delayMs = 50;
        m_server->setResponses(id, {busy, plain});

        const Answer first = fetch(callUrl(id));
        QCOMPARE(first.status, 503);
        QCOMPARE(first.header("retry-after"), QByteArrayLiteral("1"));
        QCOMPARE(errorBodyProblem(first), QString());
        for (int i = 0; i < 2; ++i) {
            const Answer next = fetch(callUrl(id));
            QCOMPARE(next.status, 200);
            QVERIFY(next.header("content-type").startsWith("text/plain"));
            QCOMPARE(next.body, QByteArrayLiteral("hello"));
        }

        fetch(callUrl(DemoCalls::progressing()));
        QCOMPARE(fetch(callUrl(DemoCalls::progressing())).body, DemoScenarios::progressingStage(1));

        m_server->resetScenarios();
        QCOMPARE(fetch(callUrl(id)).status, 503);
        QCOMPARE(fetch(callUrl(DemoCalls::progressing())).body, DemoScenarios::progressingStage(0));

        // An empty list gives the ID back to its built-in scenario.
        m_server->setResponses(id, {});
        QCOMPARE(fetch(callUrl(id)).body, DemoScenarios::batchCall());

        QCOMPARE(m_server->requestsFor(id).size(), 5);
        m_server->clearRequests();
        QVERIFY(m_server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalBemServer)
#include "tst_localbemserver.moc"

// SPDX-License-Identifier: MIT
// The local server's v3 lists (calls, outputs, errors) and one-event endpoints.
#include "localv3fixture.h"

using namespace bem;
using namespace bem::test;

class TestLocalBemServerV3Lists : public V3ServerFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }

    void manyOutputs_callCarries100_andPagingReachesAll130()
    {
        const QJsonArray own = arr(fetch(callUrl(DemoCalls::manyOutputs())).call(), "outputs");
        QCOMPARE(own.size(), 100);
        const QString query = QStringLiteral("callIDs=") + DemoCalls::manyOutputs();

        for (int limit : {100, 7}) {
            const QList<QJsonObject> forward =
                pageThrough("/v3/outputs", "outputs", query, limit, false, 130);
            QCOMPARE(forward.size(), 130);
            QStringList ids;
            for (const QJsonObject &e : forward)
                ids << str(e, "eventID");
            QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 130);
            // The call's own array is the first page, in the same order.
            QCOMPARE(ids.mid(0, 100), idsOf(own, "eventID"));
            for (const QJsonObject &e : forward)
                QCOMPARE(str(e, "callID"), DemoCalls::manyOutputs());

            // Backwards from the last one: every other one, in the same order.
            const QList<QJsonObject> backward =
                pageThrough("/v3/outputs", "outputs", query, limit, true, 130, ids.constLast());
            QCOMPARE(backward, forward.mid(0, 129));
        }

        const Answer desc = list("/v3/outputs", query + QStringLiteral("&sortOrder=desc&limit=3"));
        const QList<QJsonObject> all =
            pageThrough("/v3/outputs", "outputs", query, 100, false, 130);
        QCOMPARE(idsOf(arr(desc.json(), "outputs"), "eventID"),
                 (QStringList{str(all.at(129), "eventID"), str(all.at(128), "eventID"),
                              str(all.at(127), "eventID")}));
        QCOMPARE(desc.json().value(QLatin1String("totalCount")).toInt(), 130);
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Outputs);
    }

    void eventLists_limitBounds_andBadParameters_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        for (const char *path : {"/v3/outputs", "/v3/errors", "/v3/calls"}) {
            const QString p = QLatin1String(path);
            QTest::addRow("%s limit 0", path) << p << QStringLiteral("limit=0") << 400;
            QTest::addRow("%s limit 101", path) << p << QStringLiteral("limit=101") << 400;
            QTest::addRow("%s limit text", path) << p << QStringLiteral("limit=many") << 400;
            QTest::addRow("%s limit 1", path) << p << QStringLiteral("limit=1") << 200;
            QTest::addRow("%s limit 100", path) << p << QStringLiteral("limit=100") << 200;
            QTest::addRow("%s sortOrder", path) << p << QStringLiteral("sortOrder=up") << 400;
            QTest::addRow("%s unknown cursor", path)
                << p << QStringLiteral("startingAfter=nope") << 400;
            QTest::addRow("%s unknown before", path)
                << p << QStringLiteral("endingBefore=nope") << 400;
        }
        QTest::newRow("includeIntermediate")
            << QStringLiteral("/v3/outputs") << QStringLiteral("includeIntermediate=yes") << 400;
    }

    void eventLists_limitBounds_andBadParameters()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, status);
        const Answer a = fetch(urlFor(path, query));
        QCOMPARE(a.status, status);
        if (status == 400) {
            QCOMPARE(errorBodyProblem(a), QString());
        } else {
            const char *key = path.endsWith(QLatin1String("outputs"))  ? "outputs"
                              : path.endsWith(QLatin1String("errors")) ? "errors"
                                                                       : "calls";
            QCOMPARE(arr(a.json(), key).size(),
                     std::min(query.mid(6).toInt(),
                              a.json().value(QLatin1String("totalCount")).toInt()));
        }
    }

    void outputs_filtersRepeatedOrCommaSeparated_andIntermediate()
    {
        const QString ids = DemoCalls::partlyFailed() + u',' + DemoCalls::v3Only();
        const Answer comma = list("/v3/outputs", QStringLiteral("callIDs=") + ids);
        const Answer repeated =
            list("/v3/outputs", QStringLiteral("callIDs=%1&callIDs=%2")
                                    .arg(DemoCalls::partlyFailed(), DemoCalls::v3Only()));
        QCOMPARE(comma.status, 200);
        QCOMPARE(comma.body, repeated.body);
        QCOMPARE(comma.json().value(QLatin1String("totalCount")).toInt(), 5); // 3 pages + 2
        // A percent-encoded comma belongs to its value: no call has that ID.
        const Answer encoded = list("/v3/outputs", QStringLiteral("callIDs=") + enc(ids));
        QCOMPARE(encoded.json().value(QLatin1String("totalCount")).toInt(), 0);

        const Answer byFunction =
            list("/v3/outputs", QStringLiteral("functionNames=analyze-document"));
        QCOMPARE(idsOf(arr(byFunction.json(), "outputs"), "callID"),
                 QStringList{DemoCalls::v3Only()});
        const Answer byReference =
            list("/v3/outputs",
                 QStringLiteral("callIDs=%1&referenceIDs=page-3").arg(DemoCalls::partlyFailed()));
        QCOMPARE(byReference.json().value(QLatin1String("totalCount")).toInt(), 1);
        const Answer bySubstring =
            list("/v3/outputs", QStringLiteral("referenceIDSubstring=FORM-993/ANAL"));
        QCOMPARE(bySubstring.json().value(QLatin1String("totalCount")).toInt(), 1);

        // The split's events led to further function calls: listed only when asked.
        const QString partial = QStringLiteral("callIDs=") + DemoCalls::partlyFailed();
        const Answer with =
            list("/v3/outputs", partial + QStringLiteral("&includeIntermediate=true"));
        QCOMPARE(with.json().value(QLatin1String("totalCount")).toInt(), 3 + 1 + 4);
        QStringList types = idsOf(arr(with.json(), "outputs"), "eventType");
        types.removeDuplicates();
        types.sort();
        QCOMPARE(types, (QStringList{QStringLiteral("split_collection"),
                                     QStringLiteral("split_item"), QStringLiteral("transform")}));
        QCOMPARE(list("/v3/outputs", partial + QStringLiteral("&includeIntermediate=false")).body,
                 list("/v3/outputs", partial).body);
    }

    void errors_listsErrorEventsOnly()
    {
        const Answer a = list("/v3/errors", QStringLiteral("callIDs=") + DemoCalls::partlyFailed());
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(QLatin1String("totalCount")).toInt(), 2);
        for (const QJsonValue &v : arr(a.json(), "errors")) {
            QCOMPARE(str(v.toObject(), "eventType"), QStringLiteral("error"));
            QVERIFY(!str(v.toObject(), "message").isEmpty());
        }
        QCOMPARE(idsOf(arr(a.json(), "errors"), "eventID"),
                 idsOf(arr(fetch(callUrl(DemoCalls::partlyFailed())).call(), "errors"), "eventID"));
        // Every call: the failed contract and the partly failed invoices.
        const Answer all = list("/v3/errors");
        QCOMPARE(all.json().value(QLatin1String("totalCount")).toInt(), 3);
        const Answer paged =
            list("/v3/errors", QStringLiteral("limit=1&startingAfter=") +
                                   str(arr(all.json(), "errors").at(0).toObject(), "eventID"));
        QCOMPARE(arr(paged.json(), "errors").at(0), arr(all.json(), "errors").at(1));
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Errors);
    }

    void oneEvent_outputOrError_and404s()
    {
        const QJsonObject call = fetch(callUrl(DemoCalls::partlyFailed())).call();
        const QJsonObject output = arr(call, "outputs").at(0).toObject();
        const QJsonObject error = arr(call, "errors").at(0).toObject();

        const Answer o =
            fetch(urlFor(QStringLiteral("/v3/outputs/") + enc(str(output, "eventID"))));
        QCOMPARE(o.status, 200);
        QCOMPARE(o.json().value(QLatin1String("output")).toObject(), output);
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Output);
        QCOMPARE(m_server->requests().constLast().eventId, str(output, "eventID"));

        const Answer e = fetch(urlFor(QStringLiteral("/v3/errors/") + enc(str(error, "eventID"))));
        QCOMPARE(e.status, 200);
        QCOMPARE(e.json().value(QLatin1String("error")).toObject(), error);
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Error);

        const QStringList missingPaths = {
            QString(QStringLiteral("/v3/outputs/") + enc(str(error, "eventID"))),
            QString(QStringLiteral("/v3/errors/") + enc(str(output, "eventID"))),
            QStringLiteral("/v3/outputs/ev_nope"), QStringLiteral("/v3/errors/ev_nope")};
        for (const QString &path : missingPaths) {
            const Answer missing = fetch(urlFor(path));
            QCOMPARE(missing.status, 404);
            QCOMPARE(errorBodyProblem(missing), QString());
        }
    }

    void v3List_statusesSortAndCursors()
    {
        const Answer all = list("/v3/calls");
        QCOMPARE(all.status, 200);
        const QStringList ascending = idsOf(arr(all.json(), "calls"), "callID");
        QCOMPARE(all.json().value(QLatin1String("totalCount")).toInt(), 6);
        QCOMPARE(ascending.size(), 6);
        QVERIFY(!ascending.contains(DemoCalls::singleFunction())); // v2 only
        QVERIFY(ascending.contains(DemoCalls::v3Only()));
        for (const QJsonValue &v : arr(all.json(), "calls")) {
            QVERIFY(!v.toObject().contains(QLatin1String("callType")));
            QVERIFY(!v.toObject().contains(QLatin1String("functionCalls")));
        }

        const Answer failed = list("/v3/calls", QStringLiteral("statuses=failed"));
        QStringList failedIds = idsOf(arr(failed.json(), "calls"), "callID");
        failedIds.sort();
        QCOMPARE(failedIds, (QStringList{DemoCalls::failed(), DemoCalls::partlyFailed()}));
        QCOMPARE(failed.json().value(QLatin1String("totalCount")).toInt(), 2);
        const Answer comma = list("/v3/calls", QStringLiteral("statuses=failed,pending"));
        const Answer repeated =
            list("/v3/calls", QStringLiteral("statuses=failed&statuses=pending"));
        QCOMPARE(comma.body, repeated.body);
        QCOMPARE(comma.json().value(QLatin1String("totalCount")).toInt(), 3);

        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(idsOf(arr(list("/v3/calls", QStringLiteral("sortOrder=desc")).json(), "calls"),
                       "callID"),
                 descending);
        const Answer after =
            list("/v3/calls", QStringLiteral("limit=2&startingAfter=") + ascending.at(1));
        QCOMPARE(idsOf(arr(after.json(), "calls"), "callID"), ascending.mid(2, 2));
        const Answer before =
            list("/v3/calls", QStringLiteral("limit=2&endingBefore=") + ascending.at(4));
        QCOMPARE(idsOf(arr(before.json(), "calls"), "callID"), ascending.mid(2, 2));
        QCOMPARE(m_server->requests().constLast().endpoint, ServerEndpoint::V3Calls);

        // The progressing call is listed as its last GET left it.
        fetch(callUrl(DemoCalls::progressing()));
        fetch(callUrl(DemoCalls::progressing()));
        const Answer running = list("/v3/calls", QStringLiteral("statuses=running"));
        QCOMPARE(idsOf(arr(running.json(), "calls"), "callID"),
                 QStringList{DemoCalls::progressing()});
    }
};

QTEST_GUILESS_MAIN(TestLocalBemServerV3Lists)
#include "tst_localbemserver_v3lists.moc"

// SPDX-License-Identifier: MIT
#include "callloader.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace bem;

namespace {

// A call with `n` function calls in a fan-out-10 tree, as the API would send it.
QByteArray callBytes(const QString &callId, int n)
{
    QByteArray out = "{\"call\":{\"callID\":\"" + callId.toUtf8() +
                     "\",\"status\":\"running\",\"functionCalls\":[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            out += ',';
        out += "{\"functionCallID\":\"fc" + QByteArray::number(i) +
               "\",\"status\":\"completed\",\"activity\":[{\"displayName\":\"Read\","
               "\"status\":\"completed\"}]";
        if (i > 0)
            out += ",\"sourceFunctionCallID\":\"fc" + QByteArray::number((i - 1) / 10) + '"';
        out += '}';
    }
    out += "]}}";
    return out;
}

QString callIdOf(const QSignalSpy &spy, int i)
{
    const auto loaded = spy.at(i).at(1).value<LoadedCall>();
    return loaded.ok() ? loaded.snapshot->call.callId : QStringLiteral("(error)");
}

} // namespace

class TestCallLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<LoadedCall>(); }

    void loadCall_buildsTheSnapshotAndKeepsTheBytes()
    {
        const QByteArray bytes = callBytes(QStringLiteral("c_1"), 111);
        const LoadedCall loaded = loadCall(bytes);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.snapshot->call.callId, QStringLiteral("c_1"));
        QCOMPARE(loaded.snapshot->call.functionCalls.size(), 111);
        QCOMPARE(loaded.snapshot->tree.roots().size(), size_t(1));
        QCOMPARE(loaded.snapshot->tree.node(0).children.size(), size_t(10));
        QCOMPARE(loaded.snapshot->body, bytes);
        // The call moved into the snapshot: no second copy is kept beside it.
        QVERIFY(!loaded.parsed.call.has_value());
    }

    void loadCall_reportsBadBytesLikeTheParser()
    {
        const QByteArray bytes = "{\"call\": {\"callID\": \"c\", ";
        const LoadedCall loaded = loadCall(bytes);
        const ParseResult direct = CallParser::parse(bytes);
        QVERIFY(!loaded.ok());
        QVERIFY(!loaded.parsed.error.isEmpty());
        QCOMPARE(loaded.parsed.error, direct.error);
        QCOMPARE(loaded.parsed.errorOffset, direct.errorOffset);
        QCOMPARE(loaded.parsed.endedEarly, direct.endedEarly);
    }

    void load_reportsLaterFromTheEventLoop()
    {
        CallLoader loader;
        QSignalSpy spy(&loader, &CallLoader::loaded);
        const quint64 ticket = loader.load(callBytes(QStringLiteral("c_async"), 50));
        // Nothing is computed on the caller's stack: the result comes through the loop.
        QCOMPARE(spy.size(), 0);
        QVERIFY(loader.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 30000);
        QCOMPARE(spy.at(0).at(0).toULongLong(), ticket);
        QCOMPARE(callIdOf(spy, 0), QStringLiteral("c_async"));
        QVERIFY(!loader.isBusy());
    }

    void newerLoad_dropsTheOlderResult()
    {
        CallLoader loader;
        QSignalSpy spy(&loader, &CallLoader::loaded);
        // The older one is much larger: it finishes last if the pool runs both at once,
        // and first when it runs them in turn; either way only the newer one is shown.
        loader.load(callBytes(QStringLiteral("c_old"), 20000));
        const quint64 newer = loader.load(callBytes(QStringLiteral("c_new"), 10));
        QTRY_COMPARE_WITH_TIMEOUT(loader.droppedCount(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 60000);
        QCOMPARE(spy.at(0).at(0).toULongLong(), newer);
        QCOMPARE(callIdOf(spy, 0), QStringLiteral("c_new"));
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(50);
        QCOMPARE(spy.size(), 1);
    }

    void cancel_dropsTheResultInFlight()
    {
        CallLoader loader;
        QSignalSpy spy(&loader, &CallLoader::loaded);
        loader.load(callBytes(QStringLiteral("c_gone"), 1000));
        loader.cancel();
        QVERIFY(!loader.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(loader.droppedCount(), 1, 30000);
        QCOMPARE(spy.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCallLoader)
#include "tst_callloader.moc"

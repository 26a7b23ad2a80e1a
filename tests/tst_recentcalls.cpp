// SPDX-License-Identifier: MIT
#include "recentcalls.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bem;

namespace {
RecentCall makeCall(const QString &id, const QString &name = {}, const QString &status = {},
                    const QDateTime &when = {})
{
    return RecentCall{id, name, status, when};
}

QStringList ids(const RecentCalls &recent)
{
    QStringList out;
    const QList<RecentCall> entries = recent.entries();
    for (const RecentCall &call : entries)
        out << call.callId;
    return out;
}
} // namespace

// The recent-calls list on a real INI file in a temporary directory, so persistence and
// hand-edited files are tested as the app meets them.
class TestRecentCalls : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;

    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QSettings> openSettings() const
    {
        return std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
    }
    void writeIni(const QByteArray &text) const
    {
        QFile f(iniPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void newFile_hasNoEntries()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        QVERIFY(recent.entries().isEmpty());
    }

    void record_putsTheNewestFirst()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        QSignalSpy spy(&recent, &RecentCalls::changed);
        recent.record(makeCall(QStringLiteral("a")));
        recent.record(makeCall(QStringLiteral("b")));
        recent.record(makeCall(QStringLiteral("c")));
        QCOMPARE(ids(recent),
                 QStringList({QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")}));
        QCOMPARE(spy.count(), 3);
    }

    void record_sameIdMovesToTheFrontOnce()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        recent.record(makeCall(QStringLiteral("a")));
        recent.record(makeCall(QStringLiteral("b")));
        recent.record(makeCall(QStringLiteral("c")));
        recent.record(makeCall(QStringLiteral("a")));
        QCOMPARE(ids(recent),
                 QStringList({QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("b")}));
    }

    void record_updatesStatusAndKeepsWhatIsKnown()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        const QDateTime first(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
        const QDateTime later = first.addSecs(90);
        recent.record(makeCall(QStringLiteral("wf_1"), QStringLiteral("invoice-pipeline"),
                               QStringLiteral("running"), first));
        recent.record(
            makeCall(QStringLiteral("wf_1"), QString(), QStringLiteral("completed"), later));
        QCOMPARE(recent.entries().size(), 1);
        RecentCall call = recent.entries().constFirst();
        QCOMPARE(call.workflowName, QStringLiteral("invoice-pipeline"));
        QCOMPARE(call.status, QStringLiteral("completed"));
        QCOMPARE(call.lastOpened, later);

        recent.record(makeCall(QStringLiteral("wf_1")));
        call = recent.entries().constFirst();
        QCOMPARE(call.workflowName, QStringLiteral("invoice-pipeline"));
        QCOMPARE(call.status, QStringLiteral("completed"));
        QVERIFY(call.lastOpened > later); // no time given: now

        recent.record(
            makeCall(QStringLiteral("wf_1"), QStringLiteral("renamed"), QStringLiteral("failed")));
        call = recent.entries().constFirst();
        QCOMPARE(call.workflowName, QStringLiteral("renamed"));
        QCOMPARE(call.status, QStringLiteral("failed"));
    }

    void record_keepsAtMostTwentyAndDropsTheOldest()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        for (int i = 1; i <= 25; ++i)
            recent.record(makeCall(QStringLiteral("c_%1").arg(i)));
        QCOMPARE(recent.entries().size(), RecentCalls::MaxEntries);
        QCOMPARE(recent.entries().constFirst().callId, QStringLiteral("c_25"));
        QCOMPARE(recent.entries().constLast().callId, QStringLiteral("c_6"));
        QCOMPARE(settings->value(QStringLiteral("recentCalls/size")).toInt(),
                 RecentCalls::MaxEntries);
    }

    void record_refusesWhatIsNotACallId()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        QSignalSpy spy(&recent, &RecentCalls::changed);
        recent.record(makeCall(QString()));
        recent.record(makeCall(QStringLiteral("a b")));
        recent.record(makeCall(QStringLiteral("wf_\u202Ex")));
        QVERIFY(recent.entries().isEmpty());
        QCOMPARE(spy.count(), 0);
        QVERIFY(!settings->contains(QStringLiteral("recentCalls/size")));
    }

    void entries_surviveANewSettingsObject()
    {
        const QDateTime when(QDate(2026, 11, 30), QTime(10, 0, 1, 250), Qt::UTC);
        {
            auto settings = openSettings();
            RecentCalls recent(settings.get());
            recent.record(makeCall(QStringLiteral("wf_old"), QStringLiteral("a, b"),
                                   QStringLiteral("failed"), when.addSecs(-60)));
            recent.record(makeCall(QStringLiteral("wf_new"), QStringLiteral("invoice-pipeline"),
                                   QStringLiteral("completed"),
                                   when.toOffsetFromUtc(3600))); // stored as UTC
        }
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        const QList<RecentCall> entries = recent.entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).callId, QStringLiteral("wf_new"));
        QCOMPARE(entries.at(0).workflowName, QStringLiteral("invoice-pipeline"));
        QCOMPARE(entries.at(0).status, QStringLiteral("completed"));
        QCOMPARE(entries.at(0).lastOpened, when);
        QCOMPARE(entries.at(0).lastOpened.timeSpec(), Qt::UTC);
        QCOMPARE(entries.at(1).callId, QStringLiteral("wf_old"));
        QCOMPARE(entries.at(1).workflowName, QStringLiteral("a, b"));
        QCOMPARE(entries.at(1).lastOpened, when.addSecs(-60));
        QCOMPARE(settings->value(QStringLiteral("recentCalls/1/lastOpened")).toString(),
                 QStringLiteral("2026-11-30T10:00:01.250Z"));
    }

    void save_storesOnlyTheFourFieldsAndLeavesOtherSettingsAlone()
    {
        writeIni("[General]\ntheme=dark\n\n"
                 "[recentCalls]\n1\\callID=wf_1\n1\\apiKey=sk_should_go\nsize=1\n");
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        recent.record(makeCall(QStringLiteral("wf_2"), QStringLiteral("n"), QStringLiteral("s")));
        settings->beginGroup(QStringLiteral("recentCalls"));
        QStringList keys = settings->allKeys();
        settings->endGroup();
        keys.sort();
        QCOMPARE(keys, QStringList({QStringLiteral("1/callID"), QStringLiteral("1/lastOpened"),
                                    QStringLiteral("1/name"), QStringLiteral("1/status"),
                                    QStringLiteral("2/callID"), QStringLiteral("2/lastOpened"),
                                    QStringLiteral("2/name"), QStringLiteral("2/status"),
                                    QStringLiteral("size")}));
        QCOMPARE(settings->value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
        QFile f(iniPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("sk_should_go")); // saved at once, junk gone
    }

    void load_handEditedFileIsReadForgivingly()
    {
        QByteArray ini = "[recentCalls]\n"
                         "1\\callID=wf_1\n1\\name=first\n1\\status=running\n"
                         "1\\lastOpened=2026-11-30T10:00:00Z\n"
                         "2\\callID=\n"                              // empty: skipped
                         "3\\name=no id at all\n"                    // missing: skipped
                         "4\\callID=wf_1\n4\\name=repeat\n"          // repeat: skipped
                         "5\\callID=has space\n"                     // not an ID: skipped
                         "6\\callID=a, b\n"                          // a list: not an ID
                         "7\\callID=wf_7\n7\\lastOpened=yesterday\n" // kept, time unknown
                         "8\\callID=wf_8\n8\\name=invoice, v2\n";    // comma in a name
        for (int i = 9; i <= 40; ++i)
            ini += QByteArray::number(i) + "\\callID=c_" + QByteArray::number(i) + '\n';
        ini += "size=40\n";
        writeIni(ini);

        auto settings = openSettings();
        RecentCalls recent(settings.get());
        const QList<RecentCall> entries = recent.entries();
        QCOMPARE(entries.size(), RecentCalls::MaxEntries);
        QCOMPARE(entries.at(0).callId, QStringLiteral("wf_1"));
        QCOMPARE(entries.at(0).workflowName, QStringLiteral("first"));
        QCOMPARE(entries.at(0).status, QStringLiteral("running"));
        QCOMPARE(entries.at(0).lastOpened, QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC));
        QCOMPARE(entries.at(1).callId, QStringLiteral("wf_7"));
        QVERIFY(!entries.at(1).lastOpened.isValid());
        QCOMPARE(entries.at(2).callId, QStringLiteral("wf_8"));
        QCOMPARE(entries.at(2).workflowName, QStringLiteral("invoice, v2"));
        QCOMPARE(entries.at(3).callId, QStringLiteral("c_9"));
        QCOMPARE(entries.last().callId, QStringLiteral("c_25"));
    }

    void load_absurdSizeOrGarbageDoesNotHang()
    {
        writeIni("[recentCalls]\nsize=2000000000\n1\\callID=wf_1\n");
        {
            auto settings = openSettings();
            RecentCalls recent(settings.get());
            QCOMPARE(ids(recent), QStringList{QStringLiteral("wf_1")});
        }
        writeIni("[recentCalls]\nsize=lots\n1\\callID=wf_1\n");
        {
            auto settings = openSettings();
            RecentCalls recent(settings.get());
            QVERIFY(recent.entries().isEmpty());
        }
        writeIni("\x00\xff garbage [[[ \n=\n");
        {
            auto settings = openSettings();
            RecentCalls recent(settings.get());
            QVERIFY(recent.entries().isEmpty());
            recent.record(makeCall(QStringLiteral("wf_2")));
            QCOMPARE(ids(recent), QStringList{QStringLiteral("wf_2")});
        }
    }

    void remove_dropsOneAndPersists()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        recent.record(makeCall(QStringLiteral("a")));
        recent.record(makeCall(QStringLiteral("b")));
        QSignalSpy spy(&recent, &RecentCalls::changed);
        recent.remove(QStringLiteral("unknown"));
        QCOMPARE(spy.count(), 0);
        recent.remove(QStringLiteral("a"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(ids(recent), QStringList{QStringLiteral("b")});

        auto reopened = openSettings();
        QCOMPARE(ids(RecentCalls(reopened.get())), QStringList{QStringLiteral("b")});
    }

    void clear_emptiesAndPersists()
    {
        auto settings = openSettings();
        RecentCalls recent(settings.get());
        QSignalSpy spy(&recent, &RecentCalls::changed);
        recent.clear();
        QCOMPARE(spy.count(), 0); // nothing to clear
        recent.record(makeCall(QStringLiteral("a")));
        recent.clear();
        QCOMPARE(spy.count(), 2);
        QVERIFY(recent.entries().isEmpty());

        auto reopened = openSettings();
        QVERIFY(RecentCalls(reopened.get()).entries().isEmpty());
    }

    void label_isOnePlainLine_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("label");
        QTest::newRow("name and status")
            << QStringLiteral("invoice-pipeline") << QStringLiteral("completed")
            << QStringLiteral("wf_123 \u2014 invoice-pipeline \u00B7 completed");
        QTest::newRow("name only") << QStringLiteral("invoice-pipeline") << QString()
                                   << QStringLiteral("wf_123 \u2014 invoice-pipeline");
        QTest::newRow("status only")
            << QString() << QStringLiteral("running") << QStringLiteral("wf_123 \u00B7 running");
        QTest::newRow("neither") << QString() << QString() << QStringLiteral("wf_123");
        QTest::newRow("line breaks flattened") << QStringLiteral("a\nb") << QStringLiteral("x\ty")
                                               << QStringLiteral("wf_123 \u2014 a b \u00B7 x y");
        QTest::newRow("long name cut") << QString(200, u'n') << QString()
                                       << QString(QStringLiteral("wf_123 \u2014 ") +
                                                  QString(80, u'n') + QStringLiteral("\u2026"));
    }
    void label_isOnePlainLine()
    {
        QFETCH(QString, name);
        QFETCH(QString, status);
        QFETCH(QString, label);
        QCOMPARE(RecentCalls::label(makeCall(QStringLiteral("wf_123"), name, status)), label);
    }
};

QTEST_GUILESS_MAIN(TestRecentCalls)
#include "tst_recentcalls.moc"

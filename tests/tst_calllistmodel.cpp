// SPDX-License-Identifier: MIT
// The calls browser's model: merges by callID, with exact signals, never a reset.
#include "calllistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace bem;

namespace {

CallSummary call(const QString &id, const QString &status = QStringLiteral("completed"))
{
    CallSummary c;
    c.callId = id;
    c.status = Status::fromRaw(status);
    c.workflowName = QStringLiteral("invoice-pipeline");
    c.referenceId = QStringLiteral("ref-") + id;
    return c;
}

// "c3 c2 c1" as a list of IDs.
QStringList ids(const char *spaced)
{
    return QString::fromLatin1(spaced).split(u' ', Qt::SkipEmptyParts);
}

QList<CallSummary> calls(const char *spaced)
{
    QList<CallSummary> out;
    for (const QString &id : ids(spaced))
        out << call(id);
    return out;
}

QStringList idsOf(const CallListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.callAt(row).callId;
    return ids;
}

// Every structural and data signal, as text.
class SignalLog
{
public:
    explicit SignalLog(QAbstractItemModel *model)
    {
        const auto range = [this](const char *name) {
            return [this, name](const QModelIndex &, int first, int last) {
                lines << QStringLiteral("%1(%2,%3)").arg(QLatin1String(name)).arg(first).arg(last);
            };
        };
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, &ctx,
                         range("aboutToInsert"));
        QObject::connect(model, &QAbstractItemModel::rowsInserted, &ctx, range("inserted"));
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, &ctx,
                         range("aboutToRemove"));
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, &ctx, range("removed"));
        QObject::connect(model, &QAbstractItemModel::rowsMoved, &ctx,
                         [this] { lines << QStringLiteral("moved"); });
        QObject::connect(model, &QAbstractItemModel::modelReset, &ctx,
                         [this] { lines << QStringLiteral("reset"); });
        QObject::connect(model, &QAbstractItemModel::layoutChanged, &ctx,
                         [this] { lines << QStringLiteral("layoutChanged"); });
        QObject::connect(model, &QAbstractItemModel::dataChanged, &ctx,
                         [this](const QModelIndex &a, const QModelIndex &b) {
                             lines << QStringLiteral("dataChanged(%1,%2-%3,%4)")
                                          .arg(a.row())
                                          .arg(a.column())
                                          .arg(b.row())
                                          .arg(b.column());
                         });
    }
    QStringList lines;
    QObject ctx;
};

} // namespace

class TestCallListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CallListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<CallListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void refresh_statusChangeAndNewCallAtTop_emitExactlyThat()
    {
        m_model->setFirstPage(calls("c5 c4 c3 c2 c1"), 5, false);
        QList<CallSummary> page = calls("c6 c5 c4 c3 c2 c1");
        page[2].status = Status::fromRaw(QStringLiteral("failed")); // c4
        SignalLog log(m_model.get());
        m_model->mergeFirstPage(page, 6, false);
        QCOMPARE(log.lines, (QStringList{QStringLiteral("dataChanged(1,0-1,5)"),
                                         QStringLiteral("aboutToInsert(0,0)"),
                                         QStringLiteral("inserted(0,0)")}));
        QCOMPARE(idsOf(*m_model), ids("c6 c5 c4 c3 c2 c1"));
        QCOMPARE(m_model->callAt(2).status.state(), CallState::Failed);
        QCOMPARE(m_model->countText(), QStringLiteral("Showing 6 of 6"));
    }

    void refresh_withNothingNew_emitsNothing()
    {
        m_model->setFirstPage(calls("c3 c2 c1"), 3, true);
        SignalLog log(m_model.get());
        m_model->mergeFirstPage(calls("c3 c2 c1"), 3, true);
        QCOMPARE(log.lines, QStringList());
    }

    void refresh_keepsRowsBeyondTheFirstPage_andSelectionSurvives()
    {
        // 2 pages listed; the refreshed first page (limit 3) has a new call at the top,
        // so c3 moved on to page 2: it is not gone, and stays.
        m_model->setFirstPage(calls("c5 c4 c3"), 5, false);
        m_model->appendPage(calls("c2 c1"), 5, true);
        const QPersistentModelIndex selected = m_model->index(3, 0); // c2
        SignalLog log(m_model.get());
        m_model->mergeFirstPage(calls("c6 c5 c4"), 6, false);
        QCOMPARE(log.lines, (QStringList{QStringLiteral("aboutToInsert(0,0)"),
                                         QStringLiteral("inserted(0,0)")}));
        QCOMPARE(idsOf(*m_model), ids("c6 c5 c4 c3 c2 c1"));
        QCOMPARE(selected.row(), 4);
        QCOMPARE(selected.data(CallListModel::CallIdRole).toString(), QStringLiteral("c2"));
    }

    void refresh_removesOnlyWhatThePageSaysIsGone()
    {
        // Filtered to running: c4 finished, so the first page (which spans c5..c2) no
        // longer holds it; c1, past the page, may just be on the next one.
        m_model->setFirstPage(calls("c5 c4 c3 c2 c1"), 5, false);
        SignalLog log(m_model.get());
        m_model->mergeFirstPage(calls("c5 c3 c2"), 4, false);
        QCOMPARE(log.lines, (QStringList{QStringLiteral("aboutToRemove(1,1)"),
                                         QStringLiteral("removed(1,1)")}));
        QCOMPARE(idsOf(*m_model), ids("c5 c3 c2 c1"));

        // A page that ends the list: everything after it is gone too.
        log.lines.clear();
        m_model->mergeFirstPage(calls("c5"), 1, true);
        QCOMPARE(log.lines, (QStringList{QStringLiteral("aboutToRemove(1,3)"),
                                         QStringLiteral("removed(1,3)")}));
        QCOMPARE(idsOf(*m_model), ids("c5"));
        QVERIFY(!m_model->hasMore());
    }

    void newCalls_goWhereThePageHasThem()
    {
        // Oldest first: a new call shows up after the known ones on the first page.
        m_model->setFirstPage(calls("a b"), 2, true);
        SignalLog log(m_model.get());
        m_model->mergeFirstPage(calls("a b c d"), 4, true);
        QCOMPARE(log.lines, (QStringList{QStringLiteral("aboutToInsert(2,3)"),
                                         QStringLiteral("inserted(2,3)")}));
        QCOMPARE(idsOf(*m_model), ids("a b c d"));
    }

    void paging_appendsAndSkipsCallsAlreadyListed()
    {
        QSignalSpy more(m_model.get(), &CallListModel::moreRequested);
        m_model->setFirstPage(calls("c9 c8 c7"), 6, false);
        QVERIFY(m_model->canFetchMore({}));
        m_model->fetchMore({});
        QCOMPARE(more.size(), 1);
        m_model->setFetchingMore(true);
        QVERIFY(!m_model->canFetchMore({}));
        m_model->setFetchingMore(false);
        SignalLog log(m_model.get());
        m_model->appendPage(calls("c7 c6 c5"), 6, false);
        QCOMPARE(log.lines, (QStringList{QStringLiteral("aboutToInsert(3,4)"),
                                         QStringLiteral("inserted(3,4)")}));
        QCOMPARE(m_model->countText(), QStringLiteral("Showing 5 of 6"));
        QVERIFY(m_model->canFetchMore({}));
        m_model->appendPage(calls("c4"), 6, true);
        QVERIFY(!m_model->canFetchMore({}));
        QCOMPARE(m_model->lastCallId(), QStringLiteral("c4"));
    }

    void countText_groupsDigits()
    {
        m_model->setFirstPage(calls("a"), 2314, false);
        QCOMPARE(m_model->countText(),
                 QStringLiteral("Showing 1 of %1").arg(QLocale().toString(2314)));
        m_model->setFirstPage(calls("a"), std::nullopt, true);
        QCOMPARE(m_model->countText(), QStringLiteral("Showing 1"));
    }

    void openCall_isMarked_andMovesWithItsRow()
    {
        m_model->setFirstPage(calls("c2 c1"), 2, true);
        SignalLog log(m_model.get());
        m_model->setOpenCallId(QStringLiteral("c1"));
        QCOMPARE(log.lines, QStringList{QStringLiteral("dataChanged(1,0-1,5)")});
        QVERIFY(m_model->index(1, 0).data(CallListModel::OpenRole).toBool());
        QVERIFY(m_model->index(1, 3).data(Qt::FontRole).value<QFont>().bold());
        m_model->mergeFirstPage(calls("c3 c2 c1"), 3, true);
        QVERIFY(m_model->index(2, 0).data(CallListModel::OpenRole).toBool());
        QVERIFY(!m_model->index(0, 0).data(CallListModel::OpenRole).toBool());
    }

    void changedRows_glow_andOthersDoNot()
    {
        m_model->setFirstPage(calls("c2 c1"), 2, true);
        QVERIFY(!m_model->isGlowing());
        QList<CallSummary> page = calls("c3 c2 c1");
        page[2].status = Status::fromRaw(QStringLiteral("failed"));
        m_model->mergeFirstPage(page, 3, true);
        QVERIFY(m_model->isGlowing());
        QVERIFY(m_model->index(0, 0).data(CallListModel::GlowRole).toReal() > 0); // new
        QCOMPARE(m_model->index(1, 0).data(CallListModel::GlowRole).toReal(), 0.0);
        QVERIFY(m_model->index(2, 0).data(CallListModel::GlowRole).toReal() > 0); // changed
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->isGlowing(), CallListModel::GlowMs + 2000);
    }

    void times_relativeWithAbsoluteTooltip_andRunningFor()
    {
        CallSummary running = call(QStringLiteral("r"), QStringLiteral("running"));
        running.createdAt = {QStringLiteral("2026-11-30T10:00:00Z"),
                             QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC)};
        CallSummary done = running;
        done.callId = QStringLiteral("d");
        done.status = Status::fromRaw(QStringLiteral("completed"));
        done.finishedAt = {QStringLiteral("2026-11-30T10:01:30Z"),
                           QDateTime(QDate(2026, 11, 30), QTime(10, 1, 30), Qt::UTC)};
        m_model->setFixedNow(QDateTime(QDate(2026, 11, 30), QTime(10, 3), Qt::UTC));
        m_model->setFirstPage({running, done}, 2, true);
        QCOMPARE(m_model->index(0, CallListModel::CreatedColumn).data().toString(),
                 QStringLiteral("3 m ago"));
        QVERIFY(m_model->index(0, CallListModel::CreatedColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("2026-11-30 10:00:00 UTC")));
        QCOMPARE(m_model->index(0, CallListModel::DurationColumn).data().toString(),
                 QStringLiteral("running for 3 m 00 s"));
        QCOMPARE(m_model->index(1, CallListModel::DurationColumn).data().toString(),
                 QStringLiteral("1 m 30 s"));
    }
};

QTEST_MAIN(TestCallListModel)
#include "tst_calllistmodel.moc"

// SPDX-License-Identifier: MIT
// The Timeline column of the real window over the local bem API's progressing demo call,
// pictured at three moments (early, midway, completed): the pictures are saved to a
// temporary folder and their pixels must show the call progressing.
#include "callsession.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "demoscenarios.h"
#include "localapi.h"
#include "mainwindow.h"
#include "statuspresentation.h"
#include "testutil.h"
#include "timelinecontroller.h"
#include "windowfixture.h"

#include <QHeaderView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace bem;

namespace {

const QString Key = QStringLiteral("sk_timeline_0123456789abcdef");

// How many pixels of the Timeline column are in each status colour.
struct ColumnPixels
{
    int completed = 0;
    int running = 0;
};

ColumnPixels countColumnPixels(const QImage &image, const QTreeView *view)
{
    const QHeaderView *header = view->header();
    const int left = header->sectionViewportPosition(CallTreeModel::TimelineColumn);
    const int right = left + header->sectionSize(CallTreeModel::TimelineColumn);
    const QColor completed = statusColor(CallState::Completed, view->palette());
    const QColor running = statusColor(CallState::Running, view->palette());
    ColumnPixels out;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = std::max(left, 0); x < std::min(right, image.width()); ++x) {
            const QColor c = image.pixelColor(x, y);
            out.completed += c == completed;
            out.running += c == running;
        }
    }
    return out;
}

} // namespace

class TstTimelineScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void progressingDemo_barsGrowAndTurnCompleted()
    {
        test::LocalApi api(Key.toLatin1());
        test::WindowFixture::Options options{api.server.baseUrl(), Key, &api.network, nullptr};
        options.policy = test::policyOf(250, 1000);
        options.size = QSize(2000, 800); // room for the whole Timeline column beside the details
        test::WindowFixture fixture(options);
        MainWindow *window = fixture.window();
        CallSession &session = *fixture.session();
        QTreeView *view = window->treePanel()->view();
        QTemporaryDir out;
        QVERIFY(out.isValid());
        // To look at them: BEM_KEEP_TIMELINE_SHOTS=1 keeps the folder and names it.
        if (qEnvironmentVariableIsSet("BEM_KEEP_TIMELINE_SHOTS")) {
            out.setAutoRemove(false);
            qInfo("pictures in %s", qPrintable(out.path()));
        }

        window->loadCall(DemoCalls::progressing());
        const auto moment = [&](const QString &name) {
            session.pause(); // hold the picture still
            window->treePanel()->expandAll();
            window->treePanel()->timeline()->refresh();
            QTest::qWait(100);
            const QImage image = view->viewport()->grab().toImage();
            const QString path = out.filePath(name + QStringLiteral(".png"));
            if (!window->grab().save(path))
                qWarning("could not save %s", qPrintable(path));
            return countColumnPixels(image, view);
        };
        QTRY_VERIFY_WITH_TIMEOUT(window->model()->statusCounts().running >= 1, 30000);
        const ColumnPixels early = moment(QStringLiteral("1-early"));
        session.resume();
        QTRY_VERIFY_WITH_TIMEOUT(window->model()->functionCallCount() >= 9 &&
                                     window->model()->statusCounts().completed >= 4 &&
                                     window->model()->statusCounts().running >= 2,
                                 30000);
        const ColumnPixels midway = moment(QStringLiteral("2-midway"));
        session.resume();
        QTRY_VERIFY_WITH_TIMEOUT(session.status().phase == PollerStatus::Phase::Finished, 60000);
        const ColumnPixels done = moment(QStringLiteral("3-completed"));
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("3-completed.png"))));

        qInfo("completed/running pixels: early %d/%d, midway %d/%d, done %d/%d", early.completed,
              early.running, midway.completed, midway.running, done.completed, done.running);
        // Running bars are drawn while it runs, none once it has completed; completed bars
        // take more of the column as the call goes on.
        QVERIFY(early.running > 0);
        QVERIFY(midway.running > 0);
        QCOMPARE(done.running, 0);
        QVERIFY(early.completed < midway.completed);
        QVERIFY(midway.completed < done.completed);
        // Once the call completed, the column's repaint timer has stopped.
        QVERIFY(!window->treePanel()->timeline()->isTicking());
    }
};

QTEST_MAIN(TstTimelineScreenshots)
#include "tst_timelinescreenshots.moc"

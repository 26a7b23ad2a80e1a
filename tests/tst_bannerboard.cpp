// SPDX-License-Identifier: MIT
#include "bannerboard.h"

#include <QSignalSpy>
#include <QTest>

using namespace bem;

namespace {

BannerMessage message(BannerCause cause, const QString &text,
                      BannerSeverity severity = BannerSeverity::Info)
{
    BannerMessage m;
    m.cause = cause;
    m.severity = severity;
    m.text = text;
    return m;
}

QString shownText(const BannerBoard &board)
{
    const std::optional<BannerMessage> m = board.shown();
    return m ? m->text : QStringLiteral("(none)");
}

} // namespace

// The banner's bookkeeping on its own: each message belongs to its cause and goes when
// that cause is resolved, an error about the call outranks notes about the data, and the
// newest of the rest shows.
class TestBannerBoard : public QObject
{
    Q_OBJECT

private slots:
    void empty_showsNothing()
    {
        BannerBoard board;
        QVERIFY(!board.shown());
        QVERIFY(!board.holds(BannerCause::LinkProblem));
    }

    void refusedLink_goesWhenALinkOpens_notBefore()
    {
        BannerBoard board;
        board.raise(message(BannerCause::LinkProblem, QStringLiteral("refused")));
        board.happened(BannerEvent::RequestSucceeded);
        board.happened(BannerEvent::CallRequested);
        QCOMPARE(shownText(board), QStringLiteral("refused"));
        board.happened(BannerEvent::LinkOpened);
        QVERIFY(!board.shown());
    }

    void refusedLink_goesWhenAnotherCallIsShown()
    {
        BannerBoard board;
        board.raise(message(BannerCause::LinkProblem, QStringLiteral("refused")));
        board.happened(BannerEvent::OtherCallShown);
        QVERIFY(!board.shown());
    }

    void refusedId_goesWhenACallIsRequested_orAFileOpens()
    {
        for (BannerEvent event : {BannerEvent::CallRequested, BannerEvent::FileOpened}) {
            BannerBoard board;
            board.raise(message(BannerCause::CallIdRefused, QStringLiteral("no ID")));
            board.raise(message(BannerCause::FileProblem, QStringLiteral("bad file")));
            board.happened(BannerEvent::LinkOpened);
            board.happened(BannerEvent::RequestSucceeded);
            QCOMPARE(shownText(board), QStringLiteral("bad file"));
            board.happened(event);
            QVERIFY(!board.shown());
        }
    }

    // A trace that could not be loaded is about this call: it stays over a call's
    // refreshes (the call itself loads fine) and goes with the call or a file shown instead.
    void traceProblem_staysOverRefreshes_goesWithTheCall()
    {
        for (BannerEvent event : {BannerEvent::OtherCallShown, BannerEvent::FileOpened}) {
            BannerBoard board;
            board.raise(BannerCause::TraceProblem, BannerSeverity::Warning,
                        QStringLiteral("The trace could not be loaded"));
            board.happened(BannerEvent::RequestSucceeded);
            board.happened(BannerEvent::CallLoaded);
            board.happened(BannerEvent::LinkOpened);
            QCOMPARE(shownText(board), QStringLiteral("The trace could not be loaded"));
            board.happened(event);
            QVERIFY(!board.shown());
        }
    }

    // Junk typed while the call asked for is on its way goes when that call arrives.
    void refusedId_goesWhenTheCallArrives()
    {
        BannerBoard board;
        board.raise(message(BannerCause::CallIdRefused, QStringLiteral("no ID")));
        board.raise(message(BannerCause::RequestError, QStringLiteral("502")));
        board.happened(BannerEvent::CallLoaded);
        QCOMPARE(shownText(board), QStringLiteral("502"));
        QVERIFY(!board.holds(BannerCause::CallIdRefused));
    }

    void requestError_goesOnlyWhenARequestSucceeds()
    {
        BannerBoard board;
        board.raise(
            message(BannerCause::RequestError, QStringLiteral("502"), BannerSeverity::Error));
        board.happened(BannerEvent::LinkOpened);
        board.happened(BannerEvent::CallRequested);
        QCOMPARE(shownText(board), QStringLiteral("502"));
        board.happened(BannerEvent::RequestSucceeded);
        QVERIFY(!board.shown());
    }

    // A note about the data never covers an error about the call, however new.
    void errorOutranksDataNotes_andTheNoteShowsWhenTheErrorGoes()
    {
        BannerBoard board;
        board.raise(
            message(BannerCause::RequestError, QStringLiteral("502"), BannerSeverity::Error));
        board.raise(message(BannerCause::DataNotice, QStringLiteral("1 field was ignored"),
                            BannerSeverity::Warning));
        QCOMPARE(shownText(board), QStringLiteral("502"));
        board.happened(BannerEvent::RequestSucceeded);
        QCOMPARE(shownText(board), QStringLiteral("1 field was ignored"));
        board.resolve(BannerCause::DataNotice);
        QVERIFY(!board.shown());
    }

    void newestShows_andTheOneUnderShowsWhenItGoes()
    {
        BannerBoard board;
        board.raise(
            message(BannerCause::RequestError, QStringLiteral("502"), BannerSeverity::Error));
        board.raise(message(BannerCause::LinkProblem, QStringLiteral("refused")));
        QCOMPARE(shownText(board), QStringLiteral("refused"));
        // The same error again (every status update repeats it) does not jump ahead.
        board.raise(
            message(BannerCause::RequestError, QStringLiteral("502"), BannerSeverity::Error));
        QCOMPARE(shownText(board), QStringLiteral("refused"));
        // A new one does.
        board.raise(
            message(BannerCause::RequestError, QStringLiteral("503"), BannerSeverity::Error));
        QCOMPARE(shownText(board), QStringLiteral("503"));
        board.happened(BannerEvent::RequestSucceeded);
        QCOMPARE(shownText(board), QStringLiteral("refused"));
    }

    void dismissed_staysHiddenWhileRepeated_andADifferentOneShows()
    {
        BannerBoard board;
        board.raise(message(BannerCause::DataNotice, QStringLiteral("note A")));
        board.dismissShown();
        QVERIFY(!board.shown());
        QVERIFY(board.holds(BannerCause::DataNotice));
        board.raise(message(BannerCause::DataNotice, QStringLiteral("note A")));
        QVERIFY(!board.shown());
        board.raise(message(BannerCause::DataNotice, QStringLiteral("note B")));
        QCOMPARE(shownText(board), QStringLiteral("note B"));
    }

    // What a cause holds is readable whether it shows, lies under another or was dismissed
    // (a tab's warning outlives a hidden banner), and goes with its cause.
    void message_ofACause_isHeldUntilResolved_shownOrNot()
    {
        BannerBoard board;
        QVERIFY(!board.message(BannerCause::RequestError));
        board.raise(
            message(BannerCause::RequestError, QStringLiteral("403"), BannerSeverity::Error));
        board.raise(message(BannerCause::AppNotice, QStringLiteral("note")));
        QCOMPARE(board.message(BannerCause::RequestError)->text, QStringLiteral("403"));
        QCOMPARE(board.message(BannerCause::RequestError)->severity, BannerSeverity::Error);
        board.dismissShown();
        board.dismissShown();
        QVERIFY(!board.shown());
        QCOMPARE(board.message(BannerCause::RequestError)->text, QStringLiteral("403"));
        QCOMPARE(board.message(BannerCause::AppNotice)->text, QStringLiteral("note"));
        QVERIFY(!board.message(BannerCause::DataNotice));
        board.happened(BannerEvent::RequestSucceeded);
        QVERIFY(!board.message(BannerCause::RequestError));
        QCOMPARE(board.message(BannerCause::AppNotice)->text, QStringLiteral("note"));
    }

    void changed_isEmittedOnlyWhenWhatShowsChanges()
    {
        BannerBoard board;
        QSignalSpy changed(&board, &BannerBoard::changed);
        board.raise(message(BannerCause::RequestError, QStringLiteral("502")));
        QCOMPARE(changed.size(), 1);
        board.raise(message(BannerCause::RequestError, QStringLiteral("502")));
        board.raise(message(BannerCause::DataNotice, QStringLiteral("note")));
        board.resolve(BannerCause::LinkProblem);
        QCOMPARE(changed.size(), 1);
        board.resolve(BannerCause::RequestError);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(shownText(board), QStringLiteral("note"));
    }

    // Every event resolves something, and nothing resolves the app's own notice except a
    // call or file the user asked for.
    void rules_eachEventResolvesItsCauses()
    {
        QCOMPARE(BannerBoard::causesResolvedBy(BannerEvent::LinkOpened),
                 QList<BannerCause>{BannerCause::LinkProblem});
        QCOMPARE(BannerBoard::causesResolvedBy(BannerEvent::RequestSucceeded),
                 QList<BannerCause>{BannerCause::RequestError});
        QVERIFY(!BannerBoard::causesResolvedBy(BannerEvent::OtherCallShown)
                     .contains(BannerCause::AppNotice));
        QVERIFY(BannerBoard::causesResolvedBy(BannerEvent::OtherCallShown)
                    .contains(BannerCause::DataNotice));
    }
};

QTEST_GUILESS_MAIN(TestBannerBoard)
#include "tst_bannerboard.moc"

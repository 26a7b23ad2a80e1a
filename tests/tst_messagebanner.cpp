// SPDX-License-Identifier: MIT
#include "messagebanner.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace bem;

namespace {

QString longText()
{
    QStringList words;
    for (int i = 0; i < 60; ++i)
        words << QStringLiteral("word%1").arg(i);
    return words.join(u' ');
}

} // namespace

// The banner floats over its host: showing or clearing it never moves the content.
class TestMessageBanner : public QObject
{
    Q_OBJECT
private slots:
    void overlay_showAndClear_leaveTheHostLayoutAlone()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *banner = new MessageBanner(&window);
        layout->addWidget(banner); // as a window had it: attachTo takes it out
        auto *content = new QTreeWidget(&window);
        layout->addWidget(content);
        window.resize(500, 400);
        banner->attachTo(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect before = content->geometry();
        QVERIFY(banner->isHidden());

        banner->showMessage(MessageBanner::Kind::Warning, longText(), {QStringLiteral("d")},
                            QStringLiteral("Retry"));
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QCOMPARE(content->geometry(), before);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->parentWidget(), &window);
        QCOMPARE(layout->indexOf(banner), -1);
        // Over the content, inside the host, and tall enough for the wrapped text.
        QVERIFY(window.rect().contains(banner->geometry()));
        QVERIFY(banner->geometry().intersects(content->geometry()));
        QWidget *top = window.childAt(banner->geometry().topLeft() + QPoint(2, 2));
        QVERIFY(top == banner || banner->isAncestorOf(top));
        auto *label = banner->findChild<QLabel *>(QStringLiteral("bannerText"));
        QVERIFY(label);
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY(label->wordWrap());
        QVERIFY2(label->height() >= 2 * label->fontMetrics().height(),
                 qPrintable(QString::number(label->height())));
        QVERIFY(banner->geometry().contains(label->geometry().translated(banner->pos())));
        QCOMPARE(banner->text(), longText());

        banner->clearMessage();
        QCoreApplication::processEvents();
        QCOMPARE(content->geometry(), before);
        QVERIFY(banner->isHidden());
        QVERIFY(banner->text().isEmpty());
    }

    void overlay_tracksTheHostWidth()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(new QTreeWidget(&window));
        window.resize(600, 300);
        MessageBanner banner;
        banner.attachTo(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        banner.showMessage(MessageBanner::Kind::Info, QStringLiteral("short"));
        QVERIFY(banner.width() > 500 && banner.width() <= 600);
        window.resize(300, 300);
        QCoreApplication::processEvents();
        QVERIFY(banner.width() > 200 && banner.width() <= 300);
        QVERIFY(window.rect().contains(banner.geometry()));
        // Markup from a server stays text.
        banner.showMessage(MessageBanner::Kind::Error, QStringLiteral("<b>x</b>"));
        QCOMPARE(banner.text(), QStringLiteral("<b>x</b>"));
        const auto *label = banner.findChild<QLabel *>(QStringLiteral("bannerText"));
        QVERIFY(label);
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }

    // The window's banner floats over the bottom edge, so that what sits at the top (the
    // call's ID and status) stays readable; it grows upwards with its text.
    void overlay_atTheBottomEdge_staysAtTheBottomAsTheHostResizes()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *top = new QLabel(QStringLiteral("Call ID"), &window);
        layout->addWidget(top);
        layout->addWidget(new QTreeWidget(&window));
        window.resize(500, 400);
        MessageBanner banner;
        banner.attachTo(&window, MessageBanner::Edge::Bottom);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        banner.showMessage(MessageBanner::Kind::Error, longText());
        QCoreApplication::processEvents();
        QVERIFY(window.rect().contains(banner.geometry()));
        QVERIFY2(window.height() - banner.geometry().bottom() < 20,
                 qPrintable(QString::number(banner.geometry().bottom())));
        QVERIFY(!banner.geometry().intersects(top->geometry()));
        window.resize(500, 600);
        QCoreApplication::processEvents();
        QVERIFY(window.height() - banner.geometry().bottom() < 20);
    }

    void signals_keepTheirMeaning()
    {
        QWidget window;
        window.resize(400, 200);
        auto *banner = new MessageBanner;
        banner->attachTo(&window);
        QSignalSpy action(banner, &MessageBanner::actionTriggered);
        QSignalSpy dismissed(banner, &MessageBanner::dismissed);
        banner->showMessage(MessageBanner::Kind::Error, QStringLiteral("x"), {},
                            QStringLiteral("Retry"));
        banner->triggerAction();
        QCOMPARE(action.count(), 1);
        const auto buttons = banner->findChildren<QToolButton *>();
        QCOMPARE(buttons.size(), 1);
        buttons.first()->click();
        QCOMPARE(dismissed.count(), 1);
        QVERIFY(banner->isHidden());
    }
};

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"

// SPDX-License-Identifier: MIT
#include "appicon.h"
#include "callsession.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace bem;

// Help ▸ About and the application icon, as the app sets them up (app/main.cpp).
class TestAboutBox : public QObject
{
    Q_OBJECT
private slots:
    void icon_hasItsOwnDrawingAt16AndScalesTo256()
    {
        const QIcon icon = applicationIcon();
        QVERIFY(!icon.isNull());
        // At 16 px the pixel-aligned drawing, exactly, not the large one scaled down.
        const QImage drawn16(QStringLiteral(":/icons/app/ai.bem.CallInspector-16.png"));
        QCOMPARE(drawn16.size(), QSize(16, 16));
        // Premultiplied on both sides: the pixmap keeps it so, and faint edge pixels lose
        // their exact colour on the way back.
        const QImage shown16 =
            icon.pixmap(16, 16).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        const QImage expect16 = drawn16.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(shown16, expect16);
        // At 256 px the SVG, drawn to the edge of its tile (not a blown-up 16 px one).
        const QImage large = icon.pixmap(256, 256).toImage();
        QCOMPARE(large.size(), QSize(256, 256));
        QVERIFY(qAlpha(large.pixel(128, 20)) == 255); // inside the tile
        QVERIFY(qAlpha(large.pixel(2, 2)) == 0);      // outside its rounded corner
    }

    void about_showsVersionQtLicenceAndIcon()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral(BEM_VERSION));
        QApplication::setWindowIcon(applicationIcon());
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QNetworkAccessManager network;
        CallSession session(&network);
        MainWindow window({&session, nullptr, &network, &settings});
        QVERIFY(!window.windowIcon().isNull());

        QString text;
        QString informative;
        Qt::TextFormat format = Qt::AutoText;
        QImage iconShown;
        // The box is modal: read it from inside its own event loop, then close it.
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            text = box->text();
            informative = box->informativeText();
            format = box->textFormat();
            iconShown = box->iconPixmap().toImage();
            box->accept();
        });
        poll.start(20);
        auto *about = window.findChild<QAction *>(QStringLiteral("actionAbout"));
        QVERIFY(about);
        about->trigger();
        poll.stop();

        QCOMPARE(text, QStringLiteral("bem Call Inspector " BEM_VERSION));
        QVERIFY2(informative.contains(QStringLiteral("Qt " QT_VERSION_STR)),
                 qPrintable(informative));
        QVERIFY2(informative.contains(QStringLiteral("MIT")), qPrintable(informative));
        QCOMPARE(format, Qt::PlainText);
        QVERIFY(!iconShown.isNull());
        QCOMPARE(iconShown.convertToFormat(QImage::Format_ARGB32),
                 applicationIcon().pixmap(64, 64).toImage().convertToFormat(QImage::Format_ARGB32));
    }
};

QTEST_MAIN(TestAboutBox)
#include "tst_aboutbox.moc"

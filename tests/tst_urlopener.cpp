// SPDX-License-Identifier: MIT
#include "urlcatcher.h"
#include "urlopener.h"

#include <QDesktopServices>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace bem;

// What the desktop receives when the user opens a link from a response.
class TestUrlOpener : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_catcher, "handle");
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_catcher, "handle");
        m_catcher.opened.clear();
    }
    void cleanup()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    }

    void s3KeyWithSpacesAndUnicode_opensAsOneEncodedUrl()
    {
        QWidget parent;
        UrlOpener opener(&parent);
        opener.setClock([] { return QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC); });
        QSignalSpy refused(&opener, &UrlOpener::refused);
        const QByteArray query =
            "X-Amz-Date=20261201T090000Z&X-Amz-Expires=3600"
            "&X-Amz-Credential=AKIA%2F20261201%2Fus-east-1&X-Amz-Signature=f00";
        const QString link =
            QStringLiteral("https://bucket.s3.amazonaws.com/in box/Rechnung M\u00E4rz.pdf?") +
            QString::fromLatin1(query);

        QVERIFY(opener.open(link));
        QCOMPARE(refused.count(), 0);
        QCOMPARE(m_catcher.opened.size(), 1);
        const QUrl url = m_catcher.opened.first();
        QVERIFY(url.isValid());
        QCOMPARE(url.toEncoded(), QByteArray("https://bucket.s3.amazonaws.com/"
                                             "in%20box/Rechnung%20M%C3%A4rz.pdf?") +
                                      query);
        QCOMPARE(url.query(QUrl::FullyEncoded).toLatin1(), query);
    }

    void refusal_ofAnHttpsLink_neverSaysItIsNotAWebAddress()
    {
        QWidget parent;
        UrlOpener opener(&parent);
        QSignalSpy refused(&opener, &UrlOpener::refused);
        QVERIFY(!opener.open(QStringLiteral("https://exa mple.com/a b")));
        QVERIFY(!opener.open(QStringLiteral("https://example.com/a\nb")));
        QCOMPARE(refused.count(), 2);
        for (const auto &args : std::as_const(refused))
            QVERIFY2(!args.first().toString().contains(QStringLiteral("not a web address")),
                     qPrintable(args.first().toString()));
        QVERIFY(m_catcher.opened.isEmpty());
    }

private:
    test::UrlCatcher m_catcher;
};

QTEST_MAIN(TestUrlOpener)
#include "tst_urlopener.moc"

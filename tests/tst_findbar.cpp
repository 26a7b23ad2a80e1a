// SPDX-License-Identifier: MIT
#include "findbar.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QVBoxLayout>

using namespace bem;

namespace {

struct Page
{
    QWidget scope;
    QPlainTextEdit *edit = new QPlainTextEdit(&scope);
    FindBar *bar = new FindBar(edit, &scope, &scope);

    explicit Page(const QString &text)
    {
        auto *layout = new QVBoxLayout(&scope);
        layout->addWidget(edit);
        layout->addWidget(bar);
        edit->setReadOnly(true);
        edit->setPlainText(text);
        bar->setSearchedText(edit->document()->toPlainText());
    }
    QString status() const
    {
        return bar->findChild<QLabel *>(QStringLiteral("findStatus"))->text();
    }
};

} // namespace

// The find bar on its own, over any read-only text edit.
class TestFindBar : public QObject
{
    Q_OBJECT

private slots:
    void open_takesAShortSelectionAsTheSearch()
    {
        Page page(QStringLiteral("alpha beta alpha\ngamma alpha"));
        QVERIFY(!page.bar->isOpen());
        QTextCursor cursor(page.edit->document());
        cursor.setPosition(6);
        cursor.setPosition(10, QTextCursor::KeepAnchor);
        page.edit->setTextCursor(cursor);
        page.bar->open();
        QVERIFY(page.bar->isOpen());
        QCOMPARE(page.bar->searchText(), QStringLiteral("beta"));
        QCOMPARE(page.bar->matchCount(), 1);
        QCOMPARE(page.status(), QStringLiteral("1 of 1"));
    }

    void newText_isSearchedAgain()
    {
        Page page(QStringLiteral("alpha beta alpha"));
        page.bar->open();
        QVERIFY(page.bar->findNext(QStringLiteral("ALPHA")));
        QCOMPARE(page.status(), QStringLiteral("1 of 2"));
        QCOMPARE(page.edit->extraSelections().size(), 2);
        page.edit->setPlainText(QStringLiteral("alpha alpha alpha"));
        page.bar->setSearchedText(page.edit->document()->toPlainText());
        QCOMPARE(page.bar->matchCount(), 3);
        QCOMPARE(page.edit->extraSelections().size(), 3);
        QVERIFY(page.bar->findNext(QStringLiteral("alpha"), true));
        QCOMPARE(page.status(), QStringLiteral("3 of 3"));

        page.bar->dismiss();
        QVERIFY(!page.bar->isOpen());
        QCOMPARE(page.edit->extraSelections().size(), 0);
    }
};

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"

// SPDX-License-Identifier: MIT
#include "shortcutsdialog.h"

#include <QAction>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace bem;

// Help ▸ Keyboard Shortcuts lists exactly the actions it is given that have shortcuts.
class TestShortcutsDialog : public QObject
{
    Q_OBJECT
private slots:
    void listsNamedActionsWithTheirShortcuts()
    {
        QAction refresh(QStringLiteral("&Refresh Now"));
        refresh.setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(QStringLiteral("Ctrl+R"))});
        QAction save(QStringLiteral("Save &JSON\u2026"));
        save.setShortcut(QKeySequence(QStringLiteral("Ctrl+S")));
        QAction noKey(QStringLiteral("&About"));
        QAction both(QStringLiteral("Copy && <b>Paste</b>"));
        both.setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+V")));
        QAction separator;
        separator.setSeparator(true);

        ShortcutsDialog dialog({&refresh, &save, &noKey, &both, &separator, nullptr});
        const QList<QPair<QString, QString>> expected{
            {QStringLiteral("Refresh Now"),
             QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText) + QStringLiteral(", ") +
                 QKeySequence(QStringLiteral("Ctrl+R")).toString(QKeySequence::NativeText)},
            {QStringLiteral("Save JSON\u2026"),
             QKeySequence(QStringLiteral("Ctrl+S")).toString(QKeySequence::NativeText)},
            {QStringLiteral("Copy & <b>Paste</b>"),
             QKeySequence(QStringLiteral("Ctrl+Shift+V")).toString(QKeySequence::NativeText)},
        };
        QCOMPARE(dialog.rows(), expected);
        QVERIFY(!dialog.windowTitle().isEmpty());

        auto *pointer = dialog.findChild<QLabel *>(QStringLiteral("readmePointer"));
        QVERIFY(pointer);
        QVERIFY(pointer->text().contains(QStringLiteral("README")));
        QVERIFY(pointer->text().contains(QStringLiteral("\u201CUsing it\u201D")));
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }
};

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"

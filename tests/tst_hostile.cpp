// SPDX-License-Identifier: MIT
#include "callform.h"
#include "callsession.h"
#include "calltreemodel.h"
#include "calltreepanel.h"
#include "detailspane.h"
#include "localapi.h"
#include "localbemserver.h"
#include "mainwindow.h"
#include "testutil.h"
#include "urlopener.h"
#include "valuefield.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeView>
#include <QTreeWidget>

using namespace bem;
using Phase = PollerStatus::Phase;

namespace {
const QByteArray Key = "sk_test_hostile_0123456789";
const QString Html = QStringLiteral(
    "<b>bold</b><img src='file:///etc/passwd'><a href='https://evil.example/'>click</a>");

const QStringList CaughtSchemes{
    QStringLiteral("https"), QStringLiteral("http"),        QStringLiteral("javascript"),
    QStringLiteral("file"),  QStringLiteral("data"),        QStringLiteral("smb"),
    QStringLiteral("ftp"),   QStringLiteral("bem-custom"),  QStringLiteral("vbscript"),
    QStringLiteral("jar"),   QStringLiteral("view-source"), QStringLiteral("mailto"),
    QStringLiteral("tel"),   QStringLiteral("ssh")};

// A tooltip as the user would see it: Qt renders it as rich text when it looks like
// markup. Returns what the rendering shows, and whether it made an image or a link.
struct RenderedTip
{
    QString text;
    bool madeImageOrLink = false;
};
RenderedTip render(const QString &tip)
{
    if (!Qt::mightBeRichText(tip))
        return {tip, false};
    QTextDocument doc;
    doc.setHtml(tip);
    RenderedTip r{doc.toPlainText(), false};
    for (QTextBlock b = doc.begin(); b != doc.end(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat() || f.isAnchor())
                r.madeImageOrLink = true;
        }
    }
    return r;
}

// Bidi controls that reorder the text around them when shown raw.
bool hasRawBidiControl(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e ||
            u == 0x200f || u == 0x061c)
            return true;
    }
    return false;
}
} // namespace

// The window (offscreen, real poller and local bem API) against tests/data/hostile.json
// and hostile-links.json: markup in server strings shows literally in the form, the tree,
// the details pane and every tooltip; bidi overrides cannot reorder neighbouring text;
// only https (and http after asking) is ever handed to the desktop. Complements
// tst_mainwindow's hostileStrings_appearLiterally.
class TestHostile : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::LocalApi> m_api;
    std::unique_ptr<test::WindowFixture> m_fixture;
    MainWindow *m_window = nullptr;
    CallSession *m_session = nullptr;
    std::unique_ptr<test::CaughtUrls> m_urls;

    void load(const QString &id, const QString &fixture)
    {
        m_api->server.setResponses(
            id, {CannedResponse{200, "application/json", test::readTestData(fixture), {}, 0}});
        QVERIFY(m_window->loadCall(id));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->status().phase == Phase::Waiting &&
                                     m_window->model()->functionCallCount() > 0,
                                 20'000);
    }

    // Every tooltip of every widget and of every model index, rendered as Qt would.
    QList<QPair<QString, RenderedTip>> allTooltips() const
    {
        QList<QPair<QString, RenderedTip>> tips;
        for (const QWidget *w : m_window->findChildren<QWidget *>()) {
            if (!w->toolTip().isEmpty())
                tips.append({w->objectName(), render(w->toolTip())});
        }
        for (QTreeWidget *list : m_window->detailsPane()->findChildren<QTreeWidget *>()) {
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                for (int c = 0; c < list->columnCount(); ++c)
                    tips.append({list->objectName(), render(list->topLevelItem(i)->toolTip(c))});
            }
        }
        const CallTreeModel *model = m_window->model();
        std::vector<QModelIndex> pending{QModelIndex()};
        while (!pending.empty()) {
            const QModelIndex parent = pending.back();
            pending.pop_back();
            for (int row = 0; row < model->rowCount(parent); ++row) {
                for (int col = 0; col < model->columnCount(parent); ++col) {
                    const QModelIndex idx = model->index(row, col, parent);
                    tips.append({idx.data(CallTreeModel::FunctionCallIdRole).toString(),
                                 render(idx.data(Qt::ToolTipRole).toString())});
                }
                pending.push_back(model->index(row, 0, parent));
            }
        }
        return tips;
    }

private slots:
    void initTestCase() { m_urls = std::make_unique<test::CaughtUrls>(CaughtSchemes); }
    void cleanupTestCase() { m_urls.reset(); }
    void init()
    {
        m_api = std::make_unique<test::LocalApi>(Key);
        // One load is enough; no refresh during the test.
        m_fixture = std::make_unique<test::WindowFixture>(test::WindowFixture::Options{
            m_api->server.baseUrl(), QString::fromLatin1(Key), &m_api->network, nullptr,
            test::noRefreshPolicy(), QSize(1300, 900)});
        m_window = m_fixture->window();
        m_session = m_fixture->session();
        m_urls->opened().clear();
    }
    void cleanup()
    {
        m_window = nullptr;
        m_session = nullptr;
        m_fixture.reset();
        m_api.reset();
    }

    // Markup from the server is text in every tooltip: rendered, it shows the tags
    // themselves and makes no image and no link.
    void markup_isLiteralInEveryTooltip()
    {
        load(QStringLiteral("wf_hostile"), QStringLiteral("hostile.json"));
        QAbstractItemModelTester tester(m_window->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_html")));
        const auto tips = allTooltips();
        QVERIFY(tips.size() > 20);
        bool htmlRowShownLiterally = false;
        for (const auto &[where, tip] : tips) {
            QVERIFY2(!tip.madeImageOrLink,
                     qPrintable(where + QStringLiteral(": ") + tip.text.left(200)));
            if (where == QStringLiteral("fc_html") && tip.text.contains(Html))
                htmlRowShownLiterally = true;
        }
        QVERIFY(htmlRowShownLiterally);
        // The form's and the details pane's own tooltips show the name literally too.
        const auto literalTipIn = [](const QWidget *root) {
            for (const QWidget *w : root->findChildren<QWidget *>()) {
                if (render(w->toolTip()).text.contains(Html))
                    return true;
            }
            return false;
        };
        QVERIFY(literalTipIn(m_window->callForm()));
        QVERIFY(literalTipIn(m_window->detailsPane()));
    }

    // The tree, the form and the details pane show markup as the characters it is made of.
    void markup_isLiteralInTreeFormAndDetails()
    {
        load(QStringLiteral("wf_hostile"), QStringLiteral("hostile.json"));
        const QModelIndex fc = m_window->model()->indexForFunctionCallId(QStringLiteral("fc_html"));
        QCOMPARE(fc.data(Qt::DisplayRole).toString(), Html);
        QCOMPARE(m_window->model()->index(0, 0, fc).data().toString(),
                 QStringLiteral("<img src='file:///etc/passwd'>"));
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_html")));
        QCOMPARE(m_window->detailsPane()->fieldText(QStringLiteral("name")), Html);
        bool formShows = false;
        for (const ValueField *f : m_window->findChildren<ValueField *>())
            formShows = formShows || f->displayText() == Html;
        QVERIFY(formShows);
        for (const QLabel *label : m_window->findChildren<QLabel *>()) {
            if (label->text().contains(u'<'))
                QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
        }
    }

    // A right-to-left override in one value shows as a visible marker, never raw, so it
    // cannot flip the text after it (the next field, the next column) on screen.
    void bidiOverrides_doNotReorderNeighbours()
    {
        load(QStringLiteral("wf_hostile"), QStringLiteral("hostile.json"));
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_rtl")));
        QStringList shown;
        for (const ValueField *f : m_window->findChildren<ValueField *>())
            shown << f->displayText();
        for (const QLabel *l : m_window->findChildren<QLabel *>())
            shown << l->text();
        for (QTreeWidget *list : m_window->findChildren<QTreeWidget *>()) {
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                for (int c = 0; c < list->columnCount(); ++c)
                    shown << list->topLevelItem(i)->text(c);
            }
        }
        const CallTreeModel *model = m_window->model();
        for (const QString &id : {QStringLiteral("fc_rtl"), QStringLiteral("fc_html")}) {
            const QModelIndex row = model->indexForFunctionCallId(id);
            for (int c = 0; c < model->columnCount(); ++c)
                shown << row.siblingAtColumn(c).data().toString();
        }
        for (const auto &[where, tip] : allTooltips())
            shown << tip.text;
        for (const QString &text : std::as_const(shown))
            QVERIFY2(!hasRawBidiControl(text), text.toUtf8().toHex(' ').constData());
        QVERIFY(shown.contains(QStringLiteral("invoice<U+202E>FDP.exe")));
        QVERIFY(shown.contains(QStringLiteral("order-<U+202E>gnp.exe-42")));
        QVERIFY(m_window->detailsPane()
                    ->fieldText(QStringLiteral("referenceID"))
                    .contains(QChar(0x202E))); // the value itself is kept for copying
    }

    // Every input link of hostile-links.json, opened the way a user does (select the row,
    // click Open): only https reaches the desktop; http asks first; everything else —
    // other schemes, spelled in any case, with spaces or tabs, scheme-relative, paths — is
    // refused with a reason and never handed over.
    void onlyHttpsLinksReachTheDesktop()
    {
        load(QStringLiteral("wf_hostile_links"), QStringLiteral("hostile-links.json"));
        QStringList asked;
        m_window->urlOpener()->setConfirm([&asked](const QString &question) {
            asked << question;
            return false;
        });
        QVERIFY(m_window->treePanel()->selectFunctionCall(QStringLiteral("fc_links")));
        QTreeWidget *inputs = m_window->detailsPane()->inputList();
        QCOMPARE(inputs->topLevelItemCount(), 18);
        int refused = 0;
        for (int i = 0; i < inputs->topLevelItemCount(); ++i) {
            inputs->setCurrentItem(inputs->topLevelItem(i));
            const QString url = m_window->detailsPane()->currentInputUrl();
            QPushButton *open = m_window->detailsPane()->openButton();
            if (!open->isEnabled()) {
                ++refused; // not even offered
                continue;
            }
            const qsizetype before = m_urls->opened().size();
            QTest::mouseClick(open, Qt::LeftButton);
            if (url.startsWith(QStringLiteral("https://"))) {
                QCOMPARE(m_urls->opened().size(), before + 1);
                continue;
            }
            QVERIFY2(m_urls->opened().size() == before, qPrintable(url));
            ++refused;
            QVERIFY2(m_window->bannerText().contains(QStringLiteral("not opened")),
                     qPrintable(url + QStringLiteral(" → ") + m_window->bannerText()));
        }
        QCOMPARE(refused, 17);
        QCOMPARE(m_urls->opened().size(), 1);
        QCOMPARE(m_urls->opened().first().scheme(), QStringLiteral("https"));
        QVERIFY(asked.isEmpty()); // no http link in this fixture: nothing to ask about
    }
};

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"

// SPDX-License-Identifier: MIT
#include "userguidedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace bem {

UserGuideDialog::UserGuideDialog(const QString &section, QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("User Guide"));
    resize(760, 640);
    m_browser->setObjectName(QStringLiteral("userGuide"));
    m_browser->setOpenExternalLinks(true);

    // Our own text, never the server's: rendering its Markdown is safe.
    QFile readme(QStringLiteral(":/doc/README.md"));
    if (readme.open(QIODevice::ReadOnly))
        m_browser->setMarkdown(QString::fromUtf8(readme.readAll()));
    else
        m_browser->setPlainText(tr("The guide is missing from this build."));

    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() > 0 && block.text() == section) {
            m_sectionPosition = block.position();
            m_openedSection = section;
            break;
        }
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
}

UserGuideDialog::~UserGuideDialog() = default;

void UserGuideDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // The document is laid out for the viewport's width only once shown.
    QTimer::singleShot(0, this, &UserGuideDialog::scrollToSection);
}

void UserGuideDialog::scrollToSection()
{
    if (m_sectionPosition < 0)
        return;
    // From the end back up to the heading: the view scrolls just far enough, which puts
    // the heading at the top.
    QTextCursor cursor(m_browser->document());
    cursor.movePosition(QTextCursor::End);
    m_browser->setTextCursor(cursor);
    m_browser->ensureCursorVisible();
    cursor.setPosition(m_sectionPosition);
    m_browser->setTextCursor(cursor);
    m_browser->ensureCursorVisible();
}

} // namespace bem

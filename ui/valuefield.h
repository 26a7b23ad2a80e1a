// SPDX-License-Identifier: MIT
#pragma once

#include "calltypes.h"
#include "formatting.h" // visibleText()

#include <QColor>
#include <QIcon>
#include <QStringList>
#include <QWidget>

class QAction;
class QLineEdit;
class QPalette;
class QToolButton;

namespace bem {

// The "copy" icon: the desktop theme's when it has one, else a drawn one in the
// palette's text colour (ask again on QEvent::PaletteChange).
QIcon copyIcon(const QPalette &palette);

// For text that steps back (form labels): between the window's text and its background,
// still well above 4.5:1 contrast on light and dark windows alike.
QColor mutedTextColor(const QPalette &palette);
// Gives `label` mutedTextColor() as its text colour. Call again on QEvent::PaletteChange.
void setMutedText(QWidget *label, const QPalette &palette);

// One value from the server, shown like a label but selectable and copyable. Always plain
// text, on one line, elided to fit when it does not have the focus; "—" in the
// placeholder colour when empty. "Copy" (context menu, the optional copy button, and
// Ctrl+C with nothing or everything selected) copies the full value as sent, even when
// what is shown was cut or had its line breaks replaced.
//
// Cheap to update on every refresh: setting the same value again changes nothing, so a
// selection the user made survives.
class ValueField final : public QWidget
{
    Q_OBJECT
public:
    explicit ValueField(QWidget *parent = nullptr);
    ~ValueField() override;
    Q_DISABLE_COPY_MOVE(ValueField)

    void setValue(const QString &value);
    const QString &value() const { return m_value; }
    // Shows a time in the user's time zone, with UTC and the value as sent in the
    // tooltip; a value that is not a readable time is shown as sent.
    void setTimestamp(const Timestamp &time);
    // What the field shows (before elision): visibleText() of the value, cut when very
    // long, or "—" when empty.
    QString displayText() const;
    // Lines added to the tooltip below the value ("UTC: …", "As sent: …"). Plain text.
    void setToolTipLines(const QStringList &lines);

    // A small copy button after the value, for IDs and URLs (hidden while it is empty).
    void setCopyButtonVisible(bool visible);
    bool isCopyButtonVisible() const;
    // The field's "Copy" (disabled while the field is empty).
    QAction *copyAction() const { return m_copyAction; }
    void copyToClipboard() const;

    QLineEdit *lineEdit() const;

    static QString emptyText();

protected:
    void changeEvent(QEvent *event) override;

private:
    class Line;
    void updateToolTip();

    QString m_value;
    QStringList m_toolTipLines;
    Line *m_line;
    QToolButton *m_copyButton = nullptr;
    bool m_copyButtonWanted = false;
    QAction *m_copyAction;
};

} // namespace bem

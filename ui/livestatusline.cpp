// SPDX-License-Identifier: MIT
#include "livestatusline.h"

#include "callsession.h"

#include <QLabel>
#include <QStatusBar>

#include <utility>

namespace bem {

LiveStatusLine::LiveStatusLine(QStatusBar *bar, CallSession *session)
    : QObject(bar)
    , m_session(session)
    , m_line(new QLabel(bar))
    , m_modeNote(new QLabel(bar))
{
    m_line->setObjectName(QStringLiteral("liveStatus"));
    m_modeNote->setObjectName(QStringLiteral("modeNote"));
    for (QLabel *label : {m_line, m_modeNote})
        label->setTextFormat(Qt::PlainText); // they quote server errors
    // Long texts are clipped rather than pushing the mode note off the bar.
    m_line->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_line, 1);
    bar->addPermanentWidget(m_modeNote);
    m_modeNote->hide();

    connect(&m_tick, &QTimer::timeout, this, &LiveStatusLine::update);
}

LiveStatusLine::~LiveStatusLine()
{
    // A closed tab's line leaves the window's status bar with it.
    delete m_line.data();
    delete m_modeNote.data();
}

QString LiveStatusLine::text() const
{
    return m_line->text();
}

void LiveStatusLine::say(const QString &text)
{
    m_line->setText(text);
}

void LiveStatusLine::update()
{
    const PollerStatus status = m_session->status();
    if (status.phase == PollerStatus::Phase::Idle)
        return; // keep whatever the last action said (a saved file, say)
    // The banner carries the error itself; the status bar keeps to the timing.
    m_line->setText(status.describe(/*includeError=*/false));
}

void LiveStatusLine::follow(bool watching)
{
    m_watching = watching;
    update();
    restartTick();
}

void LiveStatusLine::restartTick()
{
    // A hidden tab's line is read again when it shows; a call that has ended only says
    // "completed 3 m ago", which needs no half-second tick: ten finished tabs stay asleep.
    if (!m_watching || !m_visible) {
        m_tick.stop();
        return;
    }
    using P = PollerStatus::Phase;
    const P phase = m_session->status().phase;
    const bool ended = phase == P::Finished || phase == P::Stopped;
    const int interval = ended ? 15'000 : 500;
    if (!m_tick.isActive() || m_tick.interval() != interval)
        m_tick.start(interval);
}

void LiveStatusLine::sayReading(const QString &text)
{
    if (m_beforeReading.isNull())
        m_beforeReading = m_line->text().isNull() ? QStringLiteral("") : m_line->text();
    m_line->setText(text);
}

void LiveStatusLine::restoreAfterReading()
{
    if (!m_beforeReading.isNull())
        m_line->setText(std::exchange(m_beforeReading, QString()));
    update();
}

void LiveStatusLine::forgetBeforeReading()
{
    m_beforeReading = QString();
}

void LiveStatusLine::setModeNote(const QString &text)
{
    m_modeNote->setText(text);
    m_modeNote->setVisible(m_visible && !text.isEmpty());
}

void LiveStatusLine::setVisible(bool visible)
{
    m_visible = visible;
    m_line->setVisible(visible);
    m_modeNote->setVisible(visible && !m_modeNote->text().isEmpty());
    if (visible && m_watching)
        update();
    restartTick();
}

} // namespace bem

// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/capturecontrol.h"

#include "capture/livecapture.h"
#include "timeline/timelinechartview.h"
#include "timeline/timelinewidget.h"

#include <QAction>
#include <QTime>

#include <utility>

namespace refscope {

CaptureControl::CaptureControl(TimelineWidget *timeline)
    : QObject(timeline), m_timeline(timeline), m_action(new QAction(tr("Capture"), this))
{
    m_action->setObjectName(QStringLiteral("captureAction"));
    m_action->setCheckable(true);
    m_action->setEnabled(false);
    m_action->setToolTip(tr("Record every module's reference count live through refscope-agent "
                            "(the lab guest, or Read as root)"));
    connect(m_action, &QAction::toggled, this, &CaptureControl::toggle);
    m_ownEvents = new QAction(tr("Hide RefScope's scans"), this);
    m_ownEvents->setObjectName(QStringLiteral("hideOwnEventsAction"));
    m_ownEvents->setCheckable(true);
    m_ownEvents->setChecked(true);
    m_ownEvents->setToolTip(
        tr("Leave out of the capture the references RefScope's own agent takes and drops "
           "while it looks for holders (its loads and unloads stay)"));
    connect(m_ownEvents, &QAction::toggled, this, [this](bool on) {
        if (m_capture)
            m_capture->setLeaveOutOwnEvents(on);
    });
}

quint64 CaptureControl::ownEventsLeftOut() const
{
    return m_capture ? m_capture->ownEventsLeftOut() : 0;
}

// The capture is a child: it goes with this object, and so does the
// timeline that shows its store.
CaptureControl::~CaptureControl() = default;

void CaptureControl::setAgent(AgentClient *agent)
{
    if (agent == m_agent)
        return;
    keepEvents();
    m_agent = agent;
    m_action->setEnabled(agent);
    if (!agent)
        return;
    m_capture = new LiveCapture(agent, this);
    m_capture->setLeaveOutOwnEvents(m_ownEvents->isChecked());
    connect(agent, &QObject::destroyed, this, [this] {
        keepEvents();
        m_action->setEnabled(false);
    });
    connect(m_capture, &LiveCapture::started, this, [this] {
        // The capture fills this store; it stays the capture's until keepEvents().
        m_captureOrigin = m_origin;
        m_timeline->setStore(std::shared_ptr<const EventStore>(std::shared_ptr<const EventStore>{},
                                                               m_capture->events()),
                             m_captureOrigin.isEmpty()
                                 ? tr("live capture")
                                 : tr("live capture of %1").arg(m_captureOrigin));
        m_timeline->chartView()->setLive(true);
        m_timeline->setUnsavedCapture(true);
    });
    connect(m_capture, &LiveCapture::eventsAppended, m_timeline, &TimelineWidget::appendRange);
    connect(m_capture, &LiveCapture::stopped, this, [this] {
        const QSignalBlocker blocker(m_action);
        m_action->setChecked(false);
        m_timeline->chartView()->setLive(false);
        // No longer live: say when it ended, and what was left out.
        const QString ended = endedText();
        const quint64 own = m_capture->ownEventsLeftOut();
        m_timeline->setDescription(
            own == 0 ? ended
                     : tr("%1 (%n event(s) of RefScope's own scans left out)", nullptr, int(own))
                           .arg(ended));
    });
    connect(m_capture, &LiveCapture::failed, this, [this](const QString &message) {
        const QSignalBlocker blocker(m_action);
        m_action->setChecked(false);
        m_timeline->chartView()->setLive(false);
        m_timeline->showFailure(message);
    });
}

QString CaptureControl::endedText() const
{
    const QString at = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    return m_captureOrigin.isEmpty() ? tr("capture ended at %1").arg(at)
                                     : tr("capture of %1, ended at %2").arg(m_captureOrigin, at);
}

bool CaptureControl::isCapturing() const
{
    return m_capture && m_capture->isRunning();
}

void CaptureControl::stopThen(std::function<void()> done)
{
    if (!isCapturing()) {
        done();
        return;
    }
    LiveCapture *capture = m_capture;
    auto finish = std::make_shared<std::function<void()>>(std::move(done));
    auto once = [finish] {
        if (auto call = std::exchange(*finish, nullptr))
            call();
    };
    connect(capture, &LiveCapture::stopped, this, once, Qt::SingleShotConnection);
    connect(capture, &LiveCapture::failed, this, once, Qt::SingleShotConnection);
    // Still starting: the agent cannot stop what it has not begun yet.
    connect(
        capture, &LiveCapture::started, capture, [capture] { capture->stop(); },
        Qt::SingleShotConnection);
    const QSignalBlocker blocker(m_action);
    m_action->setChecked(false);
    capture->stop();
}

void CaptureControl::toggle(bool on)
{
    if (!m_capture)
        return;
    if (on) {
        // A new capture replaces the store the timeline shows: not without
        // asking if it was never saved, and the old one goes to the
        // timeline first, so nothing refers to a store the capture freed.
        if (!m_timeline->confirmDiscardCapture(tr("a new capture"))) {
            const QSignalBlocker blocker(m_action);
            m_action->setChecked(false);
            return;
        }
        if (m_capture->events() && m_timeline->store().get() == m_capture->events())
            m_timeline->setStore(std::shared_ptr<const EventStore>(m_capture->takeEvents()),
                                 m_timeline->description());
        m_capture->start({});
    } else
        m_capture->stop();
}

void CaptureControl::keepEvents()
{
    if (!m_capture)
        return;
    LiveCapture *capture = std::exchange(m_capture, nullptr);
    // Its agent went (another source, the lab shut down) while it ran: the
    // events stay, no longer "live capture".
    const QString description = capture->isRunning() ? endedText() : m_timeline->description();
    if (capture->events() && m_timeline->store().get() == capture->events()) {
        // Handed over, not saved: quitting or another capture still asks.
        const bool unsaved = m_timeline->hasUnsavedCapture();
        m_timeline->setStore(std::shared_ptr<const EventStore>(capture->takeEvents()), description);
        m_timeline->setUnsavedCapture(unsaved);
    }
    capture->disconnect(this);
    capture->deleteLater();
}

} // namespace refscope

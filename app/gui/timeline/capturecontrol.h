// SPDX-License-Identifier: GPL-3.0-or-later
// Start/Stop of a live capture through the window's agent (the lab guest's
// or pkexec's refscope-agent): the events stream into the timeline as they
// arrive. Without an agent (a local or file source) the action is disabled.
#pragma once

#include "events/eventstore.h"
#include "protocol/agentclient.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;

namespace refscope {

class LiveCapture;
class TimelineWidget;

class CaptureControl : public QObject {
    Q_OBJECT
public:
    explicit CaptureControl(TimelineWidget *timeline);
    ~CaptureControl() override;

    QAction *action() const { return m_action; }
    // "Hide RefScope's own scans": checked by default.
    QAction *ownEventsAction() const { return m_ownEvents; }
    quint64 ownEventsLeftOut() const;
    void setAgent(AgentClient *agent);
    // The machine the agent reads ("lab guest"): a capture is named after
    // it, so it is never taken for another machine's after a switch.
    void setOrigin(const QString &machine) { m_origin = machine; }
    bool isCapturing() const;
    // Ends the capture as Stop does, then runs `done` once the agent has
    // stopped tracing (or failed to), or at once when nothing runs: the
    // capture can then be let go without a reply still on its way to it.
    void stopThen(std::function<void()> done);
    // "capture of lab guest, ended at 12:04:31"
    QString endedText() const;

private:
    void toggle(bool on);
    // The capture's store, owned by the timeline from now on: the capture
    // object goes with its agent.
    void keepEvents();

    TimelineWidget *m_timeline;
    QAction *m_action;
    QAction *m_ownEvents;
    QPointer<AgentClient> m_agent;
    LiveCapture *m_capture = nullptr;
    QString m_origin;
    QString m_captureOrigin; // the origin when the shown capture started
};

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// Live capture seen from the client: asks refscope-agent for a snapshot
// (every curve's baseline), starts trace.start, and fills an EventStore from
// the trace.events / trace.lost notifications as they arrive. The GUI's
// timeline and table watch eventsAppended.
#pragma once

#include "capture/livecaptureinstance.h"
#include "events/eventstore.h"
#include "inventory/moduleinfo.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace refscope {

class AgentClient;
class CapturedDetails;

class LiveCapture : public QObject {
    Q_OBJECT
public:
    // The agent must be connected (hello done); it is not owned. A capture
    // destroyed while it runs stops the agent's tracing (if the agent is
    // still there); replies arriving after that are dropped.
    explicit LiveCapture(AgentClient *agent, QObject *parent = nullptr);
    ~LiveCapture() override;

    // A new store each time: the previous capture's is dropped. started()
    // or failed() follows.
    void start(const CaptureOptions &options);
    // stopped() follows once every event the agent still had has arrived.
    void stop();
    bool isRunning() const { return m_state != State::Idle; }

    // RefScope's own agent takes and drops module references while it scans
    // for holders: with this on (the default), its gets and puts are left
    // out of the store (by the agent's comm), counted in ownEventsLeftOut().
    void setLeaveOutOwnEvents(bool on) { m_leaveOutOwn = on; }
    bool leavesOutOwnEvents() const { return m_leaveOutOwn; }
    quint64 ownEventsLeftOut() const { return m_ownLeftOut; }
    static constexpr const char *kAgentComm = "refscope-agent";

    // The current (or last) capture. Valid until the next start().
    const EventStore *events() const { return m_store.get(); }
    const Snapshot &baseline() const { return m_baseline; }
    // For saving the session: the store leaves this object.
    std::unique_ptr<EventStore> takeEvents();

signals:
    void started();
    void eventsAppended(std::size_t from, std::size_t to); // store indices [from, to)
    void lostEvents(const QList<LostEvents> &lost);
    void stopped(quint64 events, qint64 lost);
    // The capture could not start, or ended on an error (the agent left,
    // bad notifications); the store keeps what arrived before.
    void failed(const QString &message);

private:
    enum class State { Idle, Starting, Running, Stopping };
    void onNotification(const QString &event, const QJsonObject &params);
    void fail(const QString &message);

    QPointer<AgentClient> m_agent;
    State m_state = State::Idle;
    Snapshot m_baseline;
    std::unique_ptr<EventStore> m_store;
    CapturedDetails *m_details = nullptr; // owned by m_store
    bool m_leaveOutOwn = true;
    quint64 m_ownLeftOut = 0; // this capture's
};

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// The typed client side of the agent's "holders", "release", "flight.status",
// "flight.read" and "shutdown" methods: callers hand over and get back the types of holders/ and
// release/, never JSON, and the method names come from methods.h. A thin
// view of an AgentClient the caller keeps alive; copying it is cheap.
#pragma once

#include "capture/flightrecorder.h"
#include "capture/livecaptureprotocol.h"
#include "events/eventstore.h"
#include "events/outstandingrefs.h"
#include "holders/holder.h"
#include "protocol/agentclient.h"
#include "release/releaserequest.h"

#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace refscope {

struct HoldersOptions {
    // From a recording of the module: every get never put back (who, where),
    // which the agent classifies; or, from older callers, only where.
    QStringList outstandingCallSites;
    QList<OutstandingGet> outstandingGets;
};

// What a request came back with. When !ok, `error` says why in the agent's
// or the client's words: the reply's message (errorCode set), or, with
// `unusable`, why the result could not be read.
struct AgentAnswer {
    bool ok = false;
    bool unusable = false;
    QString errorCode;
    QString error;
};

struct HoldersAnswer : AgentAnswer {
    HolderReport report;
    bool exactAvailable = false; // exact holders from the helper kernel module
    QString exactError;          // when not: why
    // The same as a code, when the helper module could not be loaded or
    // opened: the GUI says it in its own language.
    std::optional<HolderSentence> exactErrorSentence;
};

struct ReleaseAnswer : AgentAnswer {
    ReleaseResult result;
};

struct FlightStatusAnswer : AgentAnswer {
    FlightStatus status;
};

// The flight recorder's frozen history, read out of the kernel (the next
// read finds only what a later failed unload froze).
struct FlightHistoryAnswer : AgentAnswer {
    FlightStatus status;                // as it was right before the read: what was frozen
    std::shared_ptr<EventStore> events; // with each event's details; empty when nothing was frozen
};

class AgentApi {
public:
    explicit AgentApi(AgentClient *client) : m_client(client) {}
    AgentClient *client() const { return m_client; }

    using HoldersHandler = std::function<void(const HoldersAnswer &)>;
    using ReleaseHandler = std::function<void(const ReleaseAnswer &)>;
    using FlightStatusHandler = std::function<void(const FlightStatusAnswer &)>;
    using FlightHistoryHandler = std::function<void(const FlightHistoryAnswer &)>;

    // As AgentClient::call: the handler runs exactly once, from the event
    // loop; with error "disconnected" when there is no client.
    void requestHolders(const QString &module, const HoldersOptions &options,
                        HoldersHandler onAnswer) const;
    void requestRelease(const ReleaseRequest &request, ReleaseHandler onAnswer) const;
    void requestFlightStatus(FlightStatusHandler onAnswer) const;
    // The history arrives as trace.events notifications before the reply,
    // gathered here; the agent refuses (busy) while it runs a capture.
    void requestFlightHistory(FlightHistoryHandler onAnswer) const;
    // Asks the agent to exit; nobody waits for the reply.
    void requestShutdown() const;

    // As AgentClient::callSync: error "timeout" when no reply came in time.
    HoldersAnswer holders(const QString &module, const HoldersOptions &options,
                          int timeoutMs) const;
    ReleaseAnswer release(const ReleaseRequest &request, int timeoutMs) const;
    FlightHistoryAnswer flightHistory(int timeoutMs) const;
    AgentAnswer shutdown(int timeoutMs) const;

    // The step a "release.step" notification carries; nothing for any other
    // notification or one that cannot be read.
    static std::optional<ReleaseStep> releaseStep(const QString &event, const QJsonObject &params);

    // The JSON side, for the tests and anyone holding a raw reply.
    static QJsonObject holdersParams(const QString &module, const HoldersOptions &options);
    static HoldersAnswer holdersAnswer(const AgentReply &reply);
    static ReleaseAnswer releaseAnswer(const AgentReply &reply);
    static FlightStatusAnswer flightStatusAnswer(const AgentReply &reply);
    // flight.read's reply with the events its notifications brought.
    static FlightHistoryAnswer flightHistoryAnswer(const AgentReply &reply,
                                                   const QList<CapturedEvent> &events);

private:
    QPointer<AgentClient> m_client;
};

} // namespace refscope

// The agent's live tracing: trace.start and trace.stop (PROTOCOL.md, "Live
// tracing"). Events stream to the client as trace.events and trace.lost
// notifications from the capture's reader thread, while the main thread keeps
// answering requests.
#pragma once

#include "protocol/protocol.h"
#include "trace/livecapturetracefs.h"

#include <atomic>
#include <functional>
#include <mutex>

namespace refscope {

class AgentTracing {
public:
    // Sends one protocol line; called from the reader thread too, so it
    // must be thread-safe. False when the client is gone.
    using LineWriter = std::function<bool(const QByteArray &line)>;

    explicit AgentTracing(LineWriter write);

    AgentReply start(const QJsonObject &params);
    // Sends what is still buffered, removes the instance, then replies with
    // the totals.
    AgentReply stop();
    // The client left or the agent is exiting: remove the instance without
    // sending anything more.
    void abandon();

private:
    void send(CaptureBatch &&batch);

    LineWriter m_write;
    std::mutex m_lock; // start/stop/abandon come from the main and the signal thread
    TracefsCapture m_capture;
    std::atomic<bool> m_quiet = false; // read by the reader thread
};

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's live tracing: trace.start and trace.stop (PROTOCOL.md, "Live
// tracing"). The capture's reader thread hands its batches to a
// CaptureStream, whose writer thread sends them as trace.events and
// trace.lost notifications while the main thread keeps answering requests.
#pragma once

#include "agent/capturestream.h"
#include "capture/livecapturetracefs.h"
#include "protocol/protocol.h"

#include <mutex>

namespace refscope {

// trace.start's params as capture options; false, with the reply in
// *refusal, when they are wrong.
bool traceStartOptions(const QJsonObject &params, CaptureOptions *options, AgentReply *refusal);

class AgentTracing {
public:
    // Sends protocol lines; called from the writer thread too, so it must
    // be thread-safe. False when the client is gone.
    using LineWriter = CaptureStream::LineWriter;

    explicit AgentTracing(LineWriter write);

    // options: trace.start's params (traceStartOptions).
    AgentReply start(const CaptureOptions &options);
    // Sends what is still buffered, removes the instance, then replies with
    // the totals.
    AgentReply stop();
    // The client left or the agent is exiting: remove the instance without
    // sending anything more.
    void abandon();
    bool isCapturing();

private:
    std::mutex m_lock; // start/stop/abandon come from the main and the signal thread
    // Declared before the capture: destroyed after it, so the reader never
    // pushes into a stream that is gone.
    CaptureStream m_stream;
    TracefsCapture m_capture;
};

} // namespace refscope

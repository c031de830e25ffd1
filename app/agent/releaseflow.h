// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's "release" method: force release of one module, step by step
// (PROTOCOL.md, "Force release"). Each step is reported as it completes.
#pragma once

#include "protocol/protocol.h"
#include "release/releaserequest.h"

#include <functional>

namespace refscope {

class ReleaseFlow {
public:
    using StepSink = std::function<void(const ReleaseStep &step)>;

    ReleaseFlow(ReleaseRequest request, StepSink onStep);
    ReleaseResult run();

private:
    bool check();
    bool clearChosenHolders();
    bool lastResort(bool *unloaded);
    bool dropLeaked();
    bool kernelForce();
    bool unload();
    void verify();
    // Records the step (refcountAfter read now) and reports it; true when
    // the flow may go on.
    bool report(ReleaseStep step);
    ReleaseStep step(StepKind kind, StepOutcome outcome, StepCode code,
                     const QStringList &args = {}) const;

    ReleaseRequest m_request;
    StepSink m_onStep;
    ReleaseResult m_result;
};

// Runs the flow for the method's params; `notify` sends each step as a
// release.step notification line.
AgentReply releaseModule(const QJsonObject &params,
                         const std::function<bool(const QByteArray &)> &notify);
// The same for a request already read.
AgentReply releaseModule(const ReleaseRequest &request,
                         const std::function<bool(const QByteArray &)> &notify);

} // namespace refscope

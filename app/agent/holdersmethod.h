// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's "holders" method: who holds a module, exact through
// RefScope's helper kernel module when it can be loaded, inferred otherwise.
#pragma once

#include "holders/holderreport.h"
#include "protocol/protocol.h"

#include <QJsonObject>

namespace refscope {

// params: "module", and optionally "outstanding_gets" (the client's
// recording's gets never put back: call site, pid, comm) or, from older
// clients, "outstanding_call_sites" (their call sites only). Result: the holder
// report (PROTOCOL.md) plus "exact_available" and, when false,
// "exact_error" saying why only inferred holders are listed.
AgentReply holdersOf(const QJsonObject &params);

// The two halves of holdersOf. holdersRequest reads params (false, with the
// reply in *refusal, when they are wrong); holdersOfModule reads the system.
bool holdersRequest(const QJsonObject &params, QString *module, RecordedGets *recorded,
                    AgentReply *refusal);
AgentReply holdersOfModule(const QString &module, const RecordedGets &recorded);

} // namespace refscope

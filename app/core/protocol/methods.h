// SPDX-License-Identifier: GPL-3.0-or-later
// The protocol's method and notification names (PROTOCOL.md, "Methods"),
// spelled once: the agent dispatches on them and every client sends them.
#pragma once

#include <QLatin1String>

namespace refscope {

namespace agentmethod {
inline constexpr QLatin1String Hello{"hello"};
inline constexpr QLatin1String Snapshot{"snapshot"};
inline constexpr QLatin1String ModuleLoad{"module.load"};
inline constexpr QLatin1String ModuleUnload{"module.unload"};
inline constexpr QLatin1String LabExec{"lab.exec"};
inline constexpr QLatin1String Holders{"holders"};
inline constexpr QLatin1String Shutdown{"shutdown"};
inline constexpr QLatin1String TraceStart{"trace.start"};
inline constexpr QLatin1String TraceStop{"trace.stop"};
inline constexpr QLatin1String Release{"release"};
inline constexpr QLatin1String FlightStatus{"flight.status"};
inline constexpr QLatin1String FlightRead{"flight.read"};
} // namespace agentmethod

namespace agentevent {
inline constexpr QLatin1String TraceEvents{"trace.events"};
inline constexpr QLatin1String TraceLost{"trace.lost"};
inline constexpr QLatin1String ReleaseStep{"release.step"};
} // namespace agentevent

} // namespace refscope

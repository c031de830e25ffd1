// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's modes (PROTOCOL.md, "Modes"): which one refscope-agent runs
// in, chosen by its single argument, and which methods each serves. One
// table, read by the agent's dispatch, its --help, the clients that start
// it and the tests: a polkit grant for one mode gives that mode's methods
// and nothing more.
#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

namespace refscope {

enum class AgentMode {
    // --inspect: read only (polkit's org.refscope.inspect).
    Inspect,
    // --release MODULE: one force release of MODULE, then exit
    // (org.refscope.release, asked every time).
    Release,
    // --flight: the flight recorder's state and its frozen history
    // (org.refscope.flight); starting and stopping it stay with the CLI
    // and the systemd unit.
    Flight,
    // --lab: everything, lab.exec and module.load/unload included; only
    // as the lab guest's own root, never under pkexec or sudo.
    Lab,
};

struct AgentModeInfo {
    AgentMode mode;
    QLatin1String flag;         // "--inspect"
    QLatin1String polkitAction; // the action pkexec asks for, empty for the lab
    QList<QLatin1String> methods;
};

// The table, one row per mode.
const QList<AgentModeInfo> &agentModes();
const AgentModeInfo &agentModeInfo(AgentMode mode);
// Whether an agent in this mode answers method (unknown methods: false).
bool agentModeServes(AgentMode mode, const QString &method);

// What `refscope-agent ARGS` asks for (args without the program name).
struct AgentArguments {
    AgentMode mode = AgentMode::Inspect;
    QString module; // --release's module, with '_' for '-'
    bool help = false;
    bool version = false;
    QString error; // not empty: refuse to start (exit 2) with this message
};
AgentArguments parseAgentArguments(const QStringList &args);

// The arguments a client passes to start an agent in this mode (module
// only for Release): pkexec's polkit action follows the first one.
QStringList agentArgumentsFor(AgentMode mode, const QString &module = {});

// --help's list of modes and what each serves, from the table.
QString agentModesHelp();

// Why --lab must not start here, empty when it may: inside the lab guest
// (its kernel command line, which no process can change, carries
// refscope.lab=1) and not started through pkexec or sudo by someone else.
// cmdline: /proc/cmdline; the flags: PKEXEC_UID, SUDO_UID/SUDO_USER set.
QString labModeRefusal(const QByteArray &cmdline, bool underPkexec, bool underSudo);
inline constexpr QLatin1String kLabKernelMarker{"refscope.lab=1"};

} // namespace refscope

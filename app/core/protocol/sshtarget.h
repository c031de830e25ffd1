// SPDX-License-Identifier: GPL-3.0-or-later
// Another machine reached over SSH: OpenSSH's own `ssh` client runs
// refscope-agent there (the user's ~/.ssh/config, keys and ssh-agent; no
// SSH library here), and the agent speaks the protocol over ssh's stdio.
// The one place that builds the ssh command line and says, in plain words,
// why a connection failed; the CLI and the window only hold an SshTarget.
#pragma once

#include "protocol/agentclient.h"
#include "protocol/agentmode.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace refscope {

// How the agent gets root on the target.
enum class SshPrivilege {
    Auto,   // directly when logged in as root, else sudo -n
    Root,   // logged in as root: run it directly (refused otherwise)
    Sudo,   // sudo -n: never asks for a password (there is no terminal)
    Pkexec, // pkexec: only where polkit allows the action without a password
};

struct SshTarget {
    Q_DECLARE_TR_FUNCTIONS(refscope::SshTarget)
public:
    QString user; // empty: ssh's own choice (~/.ssh/config, else the local user)
    QString host; // a name, an address or a Host alias of ~/.ssh/config
    int port = 0; // 0: ssh's own choice
    SshPrivilege privilege = SshPrivilege::Auto;
    QString agentPath;  // refscope-agent on the target; empty: kSshDefaultAgent
    QString configFile; // ssh -F FILE; empty: the user's own configuration

    // [USER@]HOST[:PORT], as the user wrote it (IPv6 in brackets).
    QString name() const;
    QString remoteAgent() const;
    // The command that reaches the target as RefScope does, for the user to
    // type: "ssh [-F FILE] [-p PORT] [USER@]HOST" (ssh takes no HOST:PORT).
    // `program` may be ssh-copy-id, which takes the same options.
    QString commandLine(const QString &program = QStringLiteral("ssh")) const;
    // The host as known_hosts names it: "[HOST]:PORT" on another port than 22.
    QString knownHostsName() const;
    // Empty when the target can be used, else what is wrong with it.
    QString check() const;

    // The program and arguments that start the agent in mode on the target.
    QString program() const { return QStringLiteral("ssh"); }
    QStringList arguments(AgentMode mode, const QString &module = {}) const;
    // The command ssh asks the target's login shell to run.
    QString remoteCommand(AgentMode mode, const QString &module = {}) const;
};

// Where the refscope package installs the agent.
QString sshDefaultAgent();

// Parses [USER@]HOST[:PORT] ("[v6address]:PORT" for an IPv6 address with a
// port); false with *error saying why.
bool parseSshTarget(const QString &text, SshTarget *target, QString *error);
// "auto", "root", "sudo", "pkexec".
bool parseSshPrivilege(const QString &text, SshPrivilege *privilege);
QString sshPrivilegeName(SshPrivilege privilege);

// Why the ssh connection ended, in words the user can act on: the host key
// (unknown or changed), a refused login, an unreachable host, no agent on
// the target, sudo or pkexec wanting a password, another protocol version,
// a dropped connection. From ssh's exit status (255: ssh's own failure),
// its stderr and the markers the remote command writes.
QString sshEndReason(const SshTarget &target, const AgentClient::EndInfo &end);

// Starts the agent on the target through ssh and words its failures with
// sshEndReason.
void startSshAgent(AgentClient *client, const SshTarget &target, AgentMode mode,
                   const QString &module = {});

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli --ssh [USER@]HOST[:PORT] COMMAND: the same commands, read
// from another machine by a refscope-agent that ssh starts there
// (protocol/sshtarget.h builds the command line and words the failures).
#pragma once

#include "cli/clioutput.h"
#include "protocol/agentclient.h"
#include "protocol/sshtarget.h"

#include <QStringList>

#include <optional>

namespace refscope {

// Takes --ssh TARGET, --ssh-privilege auto|root|sudo|pkexec, --ssh-agent
// PATH and --ssh-config FILE out of args (anywhere in them). Empty when
// they parse (*target set only with --ssh), else the problem.
QString takeSshOptions(QStringList *args, std::optional<SshTarget> *target);

// Starts the agent in mode on target and waits for its hello; false with
// *error in plain words (host key, login, no agent, sudo...).
bool connectSshAgent(AgentClient *client, const SshTarget &target, AgentMode mode,
                     const QString &module, QString *error);

// snapshot [--json] and graph --dot of the target.
ExitCode sshSnapshotCommand(const SshTarget &target, bool json, bool dot);

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli record -o FILE [--modules a,b] [--stacks] -- COMMAND...:
// captures the module tracepoints (as root, in-process, the agent's code)
// while COMMAND runs, then writes a session file.
#pragma once

#include "capture/livecaptureinstance.h"
#include "cli/clioutput.h"
#include "events/eventstore.h"
#include "inventory/moduleinfo.h"
#include "protocol/sshtarget.h"

#include <QProcess>
#include <QStringList>

#include <memory>
#include <optional>

namespace refscope {

// One recording while COMMAND ran: what record saves and guard judges.
struct RecordedRun {
    Snapshot before; // every module's count before the first event
    // Read once COMMAND ended (locally, or the agent's snapshot), when asked.
    std::optional<Snapshot> after;
    std::unique_ptr<EventStore> events;
    bool ran = false; // COMMAND started and ended
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    int exitCode = 0;
    // Over SSH: the connection's problem; the events that arrived before it
    // are kept.
    QString captureError;
    bool commandFailed() const
    {
        return !ran || exitStatus != QProcess::NormalExit || exitCode != 0;
    }
};

// Records the module events while COMMAND runs on this terminal (^C
// reaches COMMAND, SIGTERM and SIGHUP are passed on to it), as root here
// or by the agent over ssh: the one place record and guard capture.
// Failure, said on stderr as `verb` ("record", "guard"), when it cannot
// record at all (not root, tracefs refused, the agent unreachable); else
// Success, with *run filled, whether or not COMMAND itself succeeded.
// outputToStderr: COMMAND's standard output goes to this program's standard
// error (guard --json keeps its standard output for the JSON).
ExitCode recordWhile(const QString &verb, const CaptureOptions &capture, const QStringList &command,
                     const std::optional<SshTarget> &ssh, bool readAfter, RecordedRun *run,
                     bool outputToStderr = false);

// Writes the session file (or, when `output` cannot take it, where it
// can: *writtenTo says where, empty when nowhere); false when it went
// elsewhere or nowhere, said on stderr.
bool saveRecording(const QString &output, const RecordedRun &run, QString *writtenTo);

// args: everything after "record". Returns the exit status. ssh: the
// agent on that machine captures while COMMAND runs here (e.g. sleep 30,
// or ssh HOST modprobe ...); the session file is written here.
ExitCode recordCommand(const QStringList &args, const std::optional<SshTarget> &ssh = std::nullopt);

} // namespace refscope

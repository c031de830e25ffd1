// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-agent: answers app/core/protocol/PROTOCOL.md requests on stdin with replies
// on stdout. stdout carries protocol lines only; diagnostics go to stderr.
#include "agent/agentsession.h"
#include "agent/stdiochannel.h"
#include "capture/livecaptureinstance.h"
#include "capture/livecapturesignals.h"
#include "protocol/agentmode.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

constexpr char kUsageHead[] =
    "Usage: refscope-agent --inspect | --release MODULE | --lab\n"
    "RefScope's privileged agent. Reads JSON-lines requests on stdin and\n"
    "answers on stdout (protocol version 1, documented in RefScope's source\n"
    "as app/core/protocol/PROTOCOL.md). It is started by RefScope through\n"
    "pkexec, ssh or the lab, not by hand.\n"
    "\n"
    "Exactly one mode, as the first argument; any other argument is refused.\n"
    "  --inspect         read only (polkit's org.refscope.inspect)\n"
    "  --release MODULE  one force release of MODULE, then exit (polkit's\n"
    "                    org.refscope.release, asked every time)\n"
    "  --lab             everything, lab.exec included: only as the lab guest's\n"
    "                    own root, never under pkexec or sudo\n"
    "  --help            show this help\n"
    "  --version         show the version\n"
    "\n"
    "What each mode serves (any other method is answered unknown_method):\n";

constexpr char kUsageTail[] =
    "\n"
    "Exit status: 0 after shutdown, end of input or a --release agent's release,\n"
    "1 on a protocol error (mismatched version, an over-long line, stdout\n"
    "closed), 2 on bad arguments or a mode refused here.\n";

QByteArray readProcCmdline()
{
    QFile file(QStringLiteral("/proc/cmdline"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool envSet(const char *name)
{
    const char *value = std::getenv(name);
    return value && *value;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const refscope::AgentArguments parsed = refscope::parseAgentArguments(args);
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "refscope-agent: %s (see --help)\n", qPrintable(parsed.error));
        return 2;
    }
    if (parsed.help) {
        std::fputs(kUsageHead, stdout);
        std::fputs(qPrintable(refscope::agentModesHelp()), stdout);
        std::fputs(kUsageTail, stdout);
        return 0;
    }
    if (parsed.version) {
        std::puts("refscope-agent " REFSCOPE_VERSION);
        return 0;
    }
    if (parsed.mode == refscope::AgentMode::Lab) {
        // lab.exec and module.load are root for whoever drives the agent:
        // only the lab guest's own root may offer them. pkexec and sudo
        // leave their marks in the environment, which the user who ran
        // them cannot remove; /proc/cmdline is the kernel's.
        const QString refusal = refscope::labModeRefusal(readProcCmdline(), envSet("PKEXEC_UID"),
                                                         envSet("SUDO_UID") || envSet("SUDO_USER"));
        if (!refusal.isEmpty()) {
            std::fprintf(stderr, "refscope-agent: %s\n", qPrintable(refusal));
            return 2;
        }
    }
    // A client that went away must not kill us mid-write: write() reports it.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv); // QProcess (lab.exec) wants an application object

    // A capture's tracefs instance left by an agent that was killed.
    const QString stale = refscope::CaptureInstance::removeStale();
    if (!stale.isEmpty())
        std::fprintf(stderr, "refscope-agent: %s\n", qPrintable(stale));

    refscope::StdioChannel channel;
    refscope::AgentSession session(
        parsed.mode, [&channel](const QByteArray &line) { return channel.write(line); },
        parsed.module);
    // Exiting on a signal must not leave the capture's instance behind.
    if (!refscope::onTerminationSignal([&session](int signal) {
            session.abandonTracing();
            _exit(128 + signal);
        }))
        std::fputs("refscope-agent: cannot catch termination signals\n", stderr);
    QByteArray line;
    for (;;) {
        switch (channel.readLine(&line)) {
        case refscope::StdioChannel::Status::Closed:
            return 0;
        case refscope::StdioChannel::Status::PeerClosed:
            session.restart();
            continue;
        case refscope::StdioChannel::Status::TooLong:
            std::fputs("refscope-agent: a request line exceeded 64 MiB; giving up\n", stderr);
            return 1;
        case refscope::StdioChannel::Status::Line:
            break;
        }
        if (line.trimmed().isEmpty())
            continue;
        if (!channel.write(session.handleLine(line))) {
            std::fputs("refscope-agent: the client stopped reading; exiting\n", stderr);
            return 1;
        }
        if (session.finished())
            return session.exitCode();
    }
}

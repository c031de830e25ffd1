// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-agent: answers app/core/protocol/PROTOCOL.md requests on stdin with replies
// on stdout. stdout carries protocol lines only; diagnostics go to stderr.
#include "agent/agentsession.h"
#include "agent/stdiochannel.h"
#include "capture/livecaptureinstance.h"
#include "capture/livecapturesignals.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

constexpr char kUsage[] =
    "Usage: refscope-agent [--inspect | --release | --lab]\n"
    "RefScope's privileged agent. Reads JSON-lines requests on stdin and\n"
    "answers on stdout (protocol version 1, documented in RefScope's source\n"
    "as app/core/protocol/PROTOCOL.md). It is started by RefScope through\n"
    "pkexec, ssh or the lab, not by hand.\n"
    "\n"
    "  --inspect  inspection only (the default; names polkit's org.refscope.inspect)\n"
    "  --release  answer only hello, snapshot, holders, release and shutdown: the\n"
    "             force release, which polkit (org.refscope.release) authorizes every time\n"
    "  --lab      also offer lab.exec (only inside RefScope's disposable QEMU guest)\n"
    "  --help     show this help\n"
    "  --version  show the version\n"
    "\n"
    "Exit status: 0 after shutdown or end of input, 1 on a protocol error\n"
    "(mismatched version, an over-long line, stdout closed), 2 on bad arguments.\n";

} // namespace

int main(int argc, char **argv)
{
    bool lab = false;
    bool releaseOnly = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lab") == 0) {
            lab = true;
        } else if (std::strcmp(argv[i], "--release") == 0) {
            releaseOnly = true;
        } else if (std::strcmp(argv[i], "--inspect") == 0) {
            // The default mode, named so that pkexec picks org.refscope.inspect
            // by its exec.argv1: an action without argv1 would also match
            // "--release" (see polkit/org.refscope.policy.in).
        } else if (std::strcmp(argv[i], "--help") == 0) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (std::strcmp(argv[i], "--version") == 0) {
            std::puts("refscope-agent " REFSCOPE_VERSION);
            return 0;
        } else {
            std::fprintf(stderr, "refscope-agent: unknown argument %s (see --help)\n", argv[i]);
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
        lab, [&channel](const QByteArray &line) { return channel.write(line); }, releaseOnly);
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

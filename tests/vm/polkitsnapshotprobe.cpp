// SPDX-License-Identifier: GPL-3.0-or-later
// polkit-snapshot-probe [--dismiss] [--release MODULE] [--hold GO [--dumpable]]
// AGENT: what a user's polkit answer does to RefScope's privileged side, for
// tst_polkit, which runs it in the lab guest as its polkit test users.
//   Default: reads one snapshot through PrivilegedSnapshotSource (pkexec
//   AGENT --inspect), as the GUI's "as root" source does, and prints
//     ok uid=<the agent's uid> modules=<count>      (exit 0)
//     failed <the message the GUI would show>       (exit 1)
//   --release MODULE: runs pkexec AGENT --release MODULE and prints
//   "exit <pkexec's code>".
//   --dismiss: first registers an authentication agent for this process
//   that dismisses every request, then prints "asked <action>" for each.
//   --hold GO: after the snapshot, prints "holding pid=<this pid>
//   dumpable=<0|1>" and keeps the agent, as the GUI does, until the file GO
//   exists; then asks it for another snapshot and prints "after ok" or
//   "after failed <reason>". --dumpable makes this process dumpable again
//   once it holds the agent: a client without RefScope's protection, to
//   show that the injection tst_polkit tries is real.
#include "dismissingagent.h"
#include "protocol/agentclient.h"
#include "sources/privilegedsnapshotsource.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <cstdio>

#include <sys/prctl.h>
#include <unistd.h>

namespace {

struct Hold {
    QString go;            // empty: do not hold
    bool dumpable = false; // undo the client's protection
};

// Keeps the agent until the file go exists, then asks it once more.
void holdThenAsk(QCoreApplication &app, refscope::AgentClient *agent, const Hold &hold)
{
    if (hold.dumpable)
        prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
    std::printf("holding pid=%d dumpable=%d\n", int(getpid()), prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
    std::fflush(stdout);
    auto *poll = new QTimer(&app);
    QObject::connect(poll, &QTimer::timeout, &app, [&app, agent, poll, go = hold.go] {
        if (!QFile::exists(go))
            return;
        poll->stop();
        const refscope::AgentReply reply = agent->callSync(QStringLiteral("snapshot"), {}, 30000);
        if (reply.ok)
            std::printf("after ok\n");
        else
            std::printf("after failed %s\n", qPrintable(reply.errorMessage));
        app.exit(reply.ok ? 0 : 1);
    });
    poll->start(100);
}

int readSnapshot(QCoreApplication &app, const QString &agent, const Hold &hold)
{
    refscope::PrivilegedSnapshotSource source(agent);
    QObject::connect(&source, &refscope::SnapshotSource::snapshotReady, &app,
                     [&](const refscope::Snapshot &snapshot) {
                         const int uid =
                             source.agent()->helloResult().value(QLatin1String("uid")).toInt(-1);
                         std::printf("ok uid=%d modules=%lld\n", uid,
                                     static_cast<long long>(snapshot.modules.size()));
                         if (hold.go.isEmpty())
                             app.exit(0);
                         else
                             holdThenAsk(app, source.agent(), hold);
                     });
    QObject::connect(&source, &refscope::SnapshotSource::failed, &app, [&](const QString &message) {
        std::printf("failed %s\n", qPrintable(message));
        app.exit(1);
    });
    source.refresh();
    return app.exec();
}

// pkexec as this process's child: polkit asks about this process, for
// which the dismissing agent is registered.
int pkexecRelease(QCoreApplication &app, const QString &agent, const QString &module)
{
    QProcess pkexec;
    pkexec.setProcessChannelMode(QProcess::ForwardedChannels);
    QObject::connect(&pkexec, &QProcess::finished, &app, [&](int code) {
        std::printf("exit %d\n", code);
        app.exit(0);
    });
    pkexec.start(QStringLiteral("pkexec"), {agent, QStringLiteral("--release"), module});
    pkexec.closeWriteChannel(); // the agent then exits at once, if it ever starts
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool dismiss = args.removeAll(QStringLiteral("--dismiss")) > 0;
    const auto valueOf = [&args](const QString &option) {
        const qsizetype at = args.indexOf(option);
        if (at < 0 || at + 1 >= args.size())
            return QString();
        const QString value = args.at(at + 1);
        args.remove(at, 2);
        return value;
    };
    const QString releaseModule = valueOf(QStringLiteral("--release"));
    Hold hold;
    hold.dumpable = args.removeAll(QStringLiteral("--dumpable")) > 0;
    hold.go = valueOf(QStringLiteral("--hold"));
    if (args.size() != 1) {
        std::fputs("usage: polkit-snapshot-probe [--dismiss] [--release MODULE] "
                   "[--hold GO [--dumpable]] AGENT\n",
                   stderr);
        return 2;
    }
    refscope::DismissingAgent dismisser;
    if (dismiss) {
        const QString error = dismisser.registerForThisProcess();
        if (!error.isEmpty()) {
            std::printf("failed to register the agent: %s\n", qPrintable(error));
            return 1;
        }
    }
    const int status = !releaseModule.isEmpty() ? pkexecRelease(app, args.first(), releaseModule)
                                                : readSnapshot(app, args.first(), hold);
    for (const QString &action : dismisser.askedActions())
        std::printf("asked %s\n", qPrintable(action));
    return status;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// polkit-snapshot-probe [--dismiss] [--release] AGENT: what a user's polkit
// answer does to RefScope's privileged side, for tst_polkit, which runs it
// in the lab guest as its polkit test users.
//   Default: reads one snapshot through PrivilegedSnapshotSource (pkexec
//   AGENT --inspect), as the GUI's "as root" source does, and prints
//     ok uid=<the agent's uid> modules=<count>      (exit 0)
//     failed <the message the GUI would show>       (exit 1)
//   --release: runs pkexec AGENT --release and prints "exit <pkexec's code>".
//   --dismiss: first registers an authentication agent for this process
//   that dismisses every request, then prints "asked <action>" for each.
#include "dismissingagent.h"
#include "protocol/agentclient.h"
#include "sources/privilegedsnapshotsource.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QProcess>

#include <cstdio>

namespace {

int readSnapshot(QCoreApplication &app, const QString &agent)
{
    refscope::PrivilegedSnapshotSource source(agent);
    QObject::connect(&source, &refscope::SnapshotSource::snapshotReady, &app,
                     [&](const refscope::Snapshot &snapshot) {
                         const int uid =
                             source.agent()->helloResult().value(QLatin1String("uid")).toInt(-1);
                         std::printf("ok uid=%d modules=%lld\n", uid,
                                     static_cast<long long>(snapshot.modules.size()));
                         app.exit(0);
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
int pkexecRelease(QCoreApplication &app, const QString &agent)
{
    QProcess pkexec;
    pkexec.setProcessChannelMode(QProcess::ForwardedChannels);
    QObject::connect(&pkexec, &QProcess::finished, &app, [&](int code) {
        std::printf("exit %d\n", code);
        app.exit(0);
    });
    pkexec.start(QStringLiteral("pkexec"), {agent, QStringLiteral("--release")});
    pkexec.closeWriteChannel(); // the agent then exits at once, if it ever starts
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool dismiss = args.removeAll(QStringLiteral("--dismiss")) > 0;
    const bool release = args.removeAll(QStringLiteral("--release")) > 0;
    if (args.size() != 1) {
        std::fputs("usage: polkit-snapshot-probe [--dismiss] [--release] AGENT\n", stderr);
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
    const int status = release ? pkexecRelease(app, args.first()) : readSnapshot(app, args.first());
    for (const QString &action : dismisser.askedActions())
        std::printf("asked %s\n", qPrintable(action));
    return status;
}

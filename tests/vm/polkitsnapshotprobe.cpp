// polkit-snapshot-probe AGENT: reads one snapshot through
// PrivilegedSnapshotSource (pkexec AGENT --inspect), as the GUI's "as root"
// source does, and prints what came back for test_polkit, which runs it in
// the lab guest as its polkit test users:
//   ok uid=<the agent's uid> modules=<count>      (exit 0)
//   failed <the message the GUI would show>       (exit 1)
#include "models/privilegedsnapshotsource.h"
#include "protocol/agentclient.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: polkit-snapshot-probe AGENT\n", stderr);
        return 2;
    }
    refscope::PrivilegedSnapshotSource source(QString::fromLocal8Bit(argv[1]));
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

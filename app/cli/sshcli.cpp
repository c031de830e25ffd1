// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/sshcli.h"

#include "cli/moduletable.h"
#include "graph/dependencygraph.h"
#include "graph/dotwriter.h"
#include "inventory/snapshotjson.h"
#include "protocol/methods.h"

#include <QJsonDocument>

namespace refscope {

namespace {

// Connecting includes ssh's own login (keys, a slow link); the scan takes
// seconds on the target.
constexpr int kHelloTimeoutMs = 120000;
constexpr int kCallTimeoutMs = 600000;

} // namespace

QString takeSshOptions(QStringList *args, std::optional<SshTarget> *target)
{
    SshTarget parsed;
    QString spec;
    bool privilegeGiven = false;
    for (qsizetype i = 0; i < args->size();) {
        const QString arg = args->at(i);
        if (arg == QLatin1String("--")) // record's command follows: not ours
            break;
        if (arg != QLatin1String("--ssh") && arg != QLatin1String("--ssh-privilege") &&
            arg != QLatin1String("--ssh-agent") && arg != QLatin1String("--ssh-config")) {
            ++i;
            continue;
        }
        if (i + 1 >= args->size())
            return QStringLiteral("%1 needs a value").arg(arg);
        const QString value = args->at(i + 1);
        args->remove(i, 2);
        if (arg == QLatin1String("--ssh")) {
            spec = value;
        } else if (arg == QLatin1String("--ssh-privilege")) {
            if (!parseSshPrivilege(value, &parsed.privilege))
                return QStringLiteral("--ssh-privilege is auto, root, sudo or pkexec, not \"%1\"")
                    .arg(value);
            privilegeGiven = true;
        } else if (arg == QLatin1String("--ssh-agent")) {
            parsed.agentPath = value;
        } else {
            parsed.configFile = value;
        }
    }
    if (spec.isEmpty()) {
        if (privilegeGiven || !parsed.agentPath.isEmpty() || !parsed.configFile.isEmpty())
            return QStringLiteral("--ssh-privilege, --ssh-agent and --ssh-config go with --ssh");
        return {};
    }
    QString error;
    if (!parseSshTarget(spec, &parsed, &error))
        return QStringLiteral("--ssh %1: %2").arg(spec, error);
    *target = parsed;
    return {};
}

bool connectSshAgent(AgentClient *client, const SshTarget &target, AgentMode mode,
                     const QString &module, QString *error)
{
    QString reason;
    const QMetaObject::Connection connection = QObject::connect(
        client, &AgentClient::disconnected, [&reason](const QString &why) { reason = why; });
    startSshAgent(client, target, mode, module);
    const bool ready = client->waitForHello(kHelloTimeoutMs);
    QObject::disconnect(connection);
    if (!ready)
        *error = reason.isEmpty()
                     ? QStringLiteral("refscope-agent on %1 did not answer").arg(target.name())
                     : reason;
    return ready;
}

ExitCode sshSnapshotCommand(const SshTarget &target, bool json, bool dot)
{
    const QString command = dot ? QStringLiteral("graph") : QStringLiteral("snapshot");
    AgentClient client;
    QString error;
    if (!connectSshAgent(&client, target, AgentMode::Inspect, {}, &error))
        return failure(command, error);
    const AgentReply reply = client.callSync(agentmethod::Snapshot, {}, kCallTimeoutMs);
    client.callSync(agentmethod::Shutdown, {}, kCallTimeoutMs);
    if (!reply.ok)
        return failure(command, reply.errorMessage);
    Snapshot snapshot;
    if (!snapshotFromJson(reply.result.toObject(), &snapshot, &error))
        return failure(command, QStringLiteral("%1 sent a snapshot RefScope cannot read: %2")
                                    .arg(target.name(), error));
    if (json) {
        print(stdout, QString::fromUtf8(
                          QJsonDocument(snapshotToJson(snapshot)).toJson(QJsonDocument::Indented)));
        return ExitCode::Success;
    }
    if (!snapshot.support.loadable)
        return failure(command, QStringLiteral("%1's kernel has no loadable module support: "
                                               "nothing to show")
                                    .arg(target.name()));
    print(stdout,
          dot ? toDot(DependencyGraph::fromSnapshot(snapshot)) : formatModuleTable(snapshot));
    return ExitCode::Success;
}

} // namespace refscope

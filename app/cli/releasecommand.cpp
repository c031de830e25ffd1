// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/releasecommand.h"

#include "cli/clioutput.h"
#include "cli/sshcli.h"
#include "cli/whycommand.h"
#include "inventory/moduleinfo.h"
#include "lab/labpaths.h"
#include "protocol/agentapi.h"
#include "protocol/agentmode.h"
#include "release/dropgate.h"
#include "release/releasejson.h"
#include "release/releaserules.h"
#include "release/releasesteptext.h"

#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace refscope {

namespace {

// The holder scan and the flow may take a while (SIGTERM's grace period,
// a slow guest); the agent answers or dies well within these.
constexpr int kHelloTimeoutMs = 120000; // includes typing a password for polkit
constexpr int kCallTimeoutMs = 600000;

struct ReleaseOptions {
    QString module;
    bool closeHolders = false;
    LastResort lastResort = LastResort::None;
    bool yes = false;
    bool json = false;
    QString trace; // the recording that proves a leak (--drop-leaked)
};

QString parseArgs(const QStringList &args, ReleaseOptions *options)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--trace")) {
            if (i + 1 >= args.size())
                return QStringLiteral("--trace needs the recording's file");
            options->trace = args.at(++i);
        } else if (arg == QLatin1String("--close-holders"))
            options->closeHolders = true;
        else if (arg == QLatin1String("--drop-leaked") || arg == QLatin1String("--kernel-force")) {
            if (options->lastResort != LastResort::None)
                return QStringLiteral("release takes --drop-leaked or --kernel-force, not both");
            options->lastResort = arg == QLatin1String("--drop-leaked") ? LastResort::DropLeaked
                                                                        : LastResort::KernelForce;
        } else if (arg == QLatin1String("--yes"))
            options->yes = true;
        else if (arg == QLatin1String("--json"))
            options->json = true;
        else if (arg.startsWith(u'-') || !options->module.isEmpty())
            return QStringLiteral("release does not take \"%1\"").arg(arg);
        else
            options->module = normalizeModuleName(arg);
    }
    if (options->module.isEmpty())
        return QStringLiteral("release needs the module to release");
    if (!options->trace.isEmpty() && options->lastResort != LastResort::DropLeaked)
        return QStringLiteral("--trace is the evidence for --drop-leaked");
    return {};
}

// The user types the module's name, as for a destructive command.
bool confirmed(const ReleaseOptions &options, const ReleaseRequest &request)
{
    if (options.yes)
        return true;
    QString what = QStringLiteral("This clears %1 holder(s) of %2")
                       .arg(request.clear.size())
                       .arg(request.module);
    if (options.lastResort == LastResort::DropLeaked)
        what += QStringLiteral(", then drops its %1 reference(s) that %2 proves leaked (the "
                               "module's own gets never put back; the kernel is tainted)")
                    .arg(request.confirmedUnattributed)
                    .arg(options.trace);
    else if (options.lastResort == LastResort::KernelForce)
        what += QStringLiteral(", then forces it out with the kernel's forced unload (the "
                               "kernel is tainted; allowed only when the module's own exit "
                               "lets every remaining reference go)");
    print(stderr, what + QStringLiteral(".\nType the module name to go on: "));
    QTextStream in(stdin);
    return in.readLine().trimmed() == request.module;
}

} // namespace

ExitCode releaseCommand(const QStringList &args, const std::optional<SshTarget> &ssh)
{
    ReleaseOptions options;
    const QString problem = parseArgs(args, &options);
    if (!problem.isEmpty()) {
        return usageError(problem);
    }
    const auto refused = [&](StepCode code, const QStringList &args) {
        ReleaseStep s;
        s.kind = StepKind::DropLeaked;
        s.outcome = StepOutcome::Refused;
        s.target = options.module;
        s.code = code;
        s.args = args;
        return failure(QStringLiteral("release"),
                       QStringLiteral("%1\nNothing was changed.").arg(releaseStepText(s)));
    };
    // A reference is dropped only on a recording's evidence: without one,
    // refuse before anything is asked or changed.
    std::optional<LeakEvidence> evidence;
    if (options.lastResort == LastResort::DropLeaked) {
        if (options.trace.isEmpty())
            return refused(StepCode::NoRecording,
                           {options.module, recordCommandHint(options.module)});
        LeakEvidence e;
        QString error;
        if (!leakEvidenceFromFile(options.trace, options.module, &e, &error))
            return failure(QStringLiteral("release"), error);
        evidence = e;
    }
    const QString agent = labDefaultAgent();
    if (agent.isEmpty() && !ssh) {
        return failure(QStringLiteral("release"),
                       QStringLiteral("refscope-agent is not installed"));
    }
    AgentClient client;
    QString disconnectReason;
    QObject::connect(&client, &AgentClient::disconnected,
                     [&](const QString &reason) { disconnectReason = reason; });
    QObject::connect(
        &client, &AgentClient::notification, [&](const QString &event, const QJsonObject &params) {
            const std::optional<ReleaseStep> step = AgentApi::releaseStep(event, params);
            if (step && !options.json)
                print(stdout, QStringLiteral("  [%1] %2\n")
                                  .arg(stepOutcomeName(step->outcome), releaseStepText(*step)));
        });
    // Root needs no polkit; anyone else asks it through pkexec, whose action
    // org.refscope.release matches the --release argument. The module is
    // on the command line, so polkit's dialog names it, and the agent
    // releases that module only, once.
    const QStringList mode = agentArgumentsFor(AgentMode::Release, options.module);
    const auto failed = [](const QString &what) {
        return failure(QStringLiteral("release"), what);
    };
    QString sshError;
    if (ssh) {
        if (!connectSshAgent(&client, *ssh, AgentMode::Release, options.module, &sshError))
            return failed(sshError);
    } else if (geteuid() == 0)
        client.startProcess(agent, mode);
    else
        client.startProcess(QStringLiteral("pkexec"), QStringList{agent} + mode);
    if (!client.waitForHello(kHelloTimeoutMs))
        return failed(disconnectReason.isEmpty() ? QStringLiteral("the agent did not answer")
                                                 : disconnectReason);
    const AgentApi api(&client);
    HoldersOptions holdersOptions;
    if (evidence)
        holdersOptions.outstandingGets = evidence->gets;
    const HoldersAnswer holders = api.holders(options.module, holdersOptions, kCallTimeoutMs);
    if (!holders.ok)
        return failed(
            holders.unusable
                ? QStringLiteral("the agent's holder report is unusable: %1").arg(holders.error)
                : holders.error);
    const HolderReport &report = holders.report;
    if (!options.json)
        print(stdout, formatHolderReport(report) + u'\n');

    ReleaseRequest request;
    request.module = options.module;
    request.confirmedRefcount = report.refcount;
    request.confirmedUnattributed = report.unattributed;
    request.lastResort = options.lastResort;
    request.evidence = evidence;
    // --close-holders: every holder the release rule lets clear, the
    // gentlest way.
    if (options.closeHolders)
        request.clear = defaultClearList(report);
    // The gate before the question; the agent asks it again right before
    // the compare-and-swap, against what it finds then.
    if (evidence) {
        const DropDecision gate = decideDrop(report, evidence);
        if (!gate.allowed && gate.refusal != StepCode::NothingToDrop) {
            api.shutdown(kCallTimeoutMs);
            return refused(gate.refusal, gate.args);
        }
    }
    if (!confirmed(options, request))
        return failed(QStringLiteral("not confirmed: nothing was changed"));
    const ReleaseAnswer released = api.release(request, kCallTimeoutMs);
    if (!released.ok)
        return failed(
            released.unusable
                ? QStringLiteral("the agent's release result is unusable: %1").arg(released.error)
                : released.error);
    const ReleaseResult &result = released.result;
    api.shutdown(kCallTimeoutMs);
    if (options.json)
        print(stdout,
              QString::fromUtf8(
                  QJsonDocument(releaseResultToJson(result)).toJson(QJsonDocument::Indented)));
    else
        print(stdout, result.released
                          ? QStringLiteral("%1 was released.\n").arg(result.module)
                          : QStringLiteral("%1 was not released.\n").arg(result.module));
    return result.released ? ExitCode::Success : ExitCode::Failure;
}

} // namespace refscope

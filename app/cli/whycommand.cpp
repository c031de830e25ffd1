// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/whycommand.h"

#include "cli/clioutput.h"
#include "cli/sshcli.h"

#include "agent/holdersmethod.h"
#include "holders/holderreport.h"
#include "holders/holderreportjson.h"
#include "holders/holdersteps.h"
#include "holders/holdertext.h"
#include "inventory/moduleinfo.h"
#include "lab/labpaths.h"
#include "protocol/agentclient.h"
#include "protocol/agentmode.h"
#include "protocol/methods.h"
#include "release/dropgate.h"
#include "release/releasejson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace refscope {

namespace {

// pkexec may wait for a password; the scan itself takes seconds.
constexpr int kHelloTimeoutMs = 120000;
constexpr int kCallTimeoutMs = 600000;

QString holderLine(const Holder &h)
{
    QString who = h.pid >= 0 ? QStringLiteral("pid %1 (%2)").arg(h.pid).arg(h.comm) : QString();
    if (!h.fds.isEmpty())
        who += u' ' + describeFds(h.fds);
    if (!h.sharedWith.isEmpty())
        who += QStringLiteral(" +%1 forked").arg(h.sharedWith.size());
    return QStringLiteral("  %1 %2  refs %3\n      %4: %5\n")
        .arg(holderKindName(h.kind), -7)
        .arg(who.isEmpty() ? h.path : who + QStringLiteral("  ") + h.path)
        .arg(h.refs)
        .arg(holderSourceName(h.source), h.rule);
}

// The holder kind each outstanding get's call site belongs to.
QString ownerWords(const EvidenceSite &site)
{
    switch (site.site.owner) {
    case CallSiteOwner::Self:
        return site.leaked() > 0 ? QStringLiteral("the module's own get, no holder: leak-prone")
                                 : QStringLiteral("the module's own get in open, for its file");
    case CallSiteOwner::Subsystem:
        return site.site.holderKind + QStringLiteral(" (kept by it: not a leak)");
    case CallSiteOwner::Unknown:
        break;
    }
    return QStringLiteral("unknown holder (never dropped)");
}

QString evidenceText(const LeakEvidence &evidence, const HolderReport &report)
{
    const QList<EvidenceSite> sites = classifyEvidence(evidence, report.module, report.holders);
    QString text =
        QStringLiteral("\nGets never put back in %1:%2\n")
            .arg(evidence.recording, sites.isEmpty() ? QStringLiteral(" none") : QString());
    for (const EvidenceSite &site : sites)
        text += QStringLiteral("  %1  %2\n      %3\n")
                    .arg(site.outstanding, 4)
                    .arg(site.callSite, ownerWords(site));
    if (!evidence.lostNote.isEmpty())
        text += QStringLiteral("  (%1)\n").arg(evidence.lostNote);
    if (evidence.kernelSites && !evidence.kernelSites->isEmpty()) {
        // Where each get and put was made: a put is counted where it was
        // made (an open's reference put back by __fput), so only the sum is
        // the count's change.
        text += QStringLiteral("Gets and puts per call site, as the kernel counted them:\n");
        for (const CallSiteCount &site : *evidence.kernelSites)
            text += QStringLiteral("  %1  %2 (gets %3, puts %4)\n")
                        .arg(QStringLiteral("%1%2")
                                 .arg(site.gets >= site.puts ? QStringLiteral("+") : QString())
                                 .arg(site.gets - site.puts),
                             4)
                        .arg(site.callSite)
                        .arg(site.gets)
                        .arg(site.puts);
    }
    return text;
}

// The kernel's counts of the module per call site, for --json.
QJsonArray kernelSitesJson(const QList<CallSiteCount> &sites)
{
    QJsonArray array;
    for (const CallSiteCount &site : sites)
        array.append(QJsonObject{{QStringLiteral("call_site"), site.callSite},
                                 {QStringLiteral("gets"), double(site.gets)},
                                 {QStringLiteral("puts"), double(site.puts)}});
    return array;
}

QJsonArray evidenceJson(const LeakEvidence &evidence, const HolderReport &report)
{
    QJsonArray array;
    for (const EvidenceSite &site : classifyEvidence(evidence, report.module, report.holders))
        array.append(QJsonObject{
            {QStringLiteral("call_site"), site.callSite},
            {QStringLiteral("outstanding"), site.outstanding},
            {QStringLiteral("owner"), callSiteOwnerName(site.site.owner)},
            {QStringLiteral("holder_kind"), site.site.holderKind},
            {QStringLiteral("open_file"), site.openFile},
            {QStringLiteral("leaked"), site.leaked()},
        });
    return array;
}

struct WhyAnswer {
    QJsonObject json; // the holders method's result
    HolderReport report;
    bool exact = false;
    QString exactError;
};

// The holders method's answer: run here (root) or by the agent that pkexec
// starts for the inspect action (--root), the GUI's way.
bool askHolders(const QJsonObject &params, bool throughPkexec, WhyAnswer *answer, QString *error,
                const std::optional<SshTarget> &ssh = std::nullopt)
{
    AgentReply reply;
    if (ssh) {
        AgentClient client;
        if (!connectSshAgent(&client, *ssh, AgentMode::Inspect, {}, error))
            return false;
        reply = client.callSync(agentmethod::Holders, params, kCallTimeoutMs);
        client.callSync(agentmethod::Shutdown, {}, kCallTimeoutMs);
    } else if (!throughPkexec) {
        reply = holdersOf(params);
    } else {
        const QString agent = labDefaultAgent();
        if (agent.isEmpty()) {
            *error = QStringLiteral("refscope-agent is not installed: --root needs it");
            return false;
        }
        AgentClient client;
        QString disconnectReason;
        QObject::connect(&client, &AgentClient::disconnected,
                         [&](const QString &reason) { disconnectReason = reason; });
        client.startProcess(QStringLiteral("pkexec"),
                            QStringList{agent} + agentArgumentsFor(AgentMode::Inspect));
        if (!client.waitForHello(kHelloTimeoutMs)) {
            *error = disconnectReason.isEmpty() ? QStringLiteral("the agent did not answer")
                                                : disconnectReason;
            return false;
        }
        reply = client.callSync(agentmethod::Holders, params, kCallTimeoutMs);
        client.callSync(agentmethod::Shutdown, {}, kCallTimeoutMs);
    }
    if (!reply.ok) {
        *error = reply.errorMessage;
        return false;
    }
    answer->json = reply.result.toObject();
    answer->exact = answer->json.value(QLatin1String("exact_available")).toBool();
    answer->exactError = answer->json.value(QLatin1String("exact_error")).toString();
    return holderReportFromJson(answer->json, &answer->report, error);
}

// Without the helper the answer is inferred: the verdict says so, and how
// to get the exact one.
void markPartial(HolderReport &report)
{
    if (report.refcount <= 0 || report.verdictSentences.isEmpty())
        return;
    report.verdictSentences << HolderSentence{HolderSentenceCode::PartialAnswer, {}};
    report.verdict = holderVerdictText(report, TextLanguage::English);
}

} // namespace

QString formatHolderReport(const HolderReport &report)
{
    QString text = QStringLiteral("%1: used %2\n%3\n")
                       .arg(report.module)
                       .arg(report.refcount)
                       .arg(report.verdict);
    if (!report.holders.isEmpty()) {
        text += QStringLiteral("\nHolders:\n");
        for (const Holder &h : report.holders)
            text += holderLine(h);
    }
    text += QStringLiteral("\nUnattributed references: %1%2\n")
                .arg(report.unattributed)
                .arg(report.unattributed > 0
                         ? QStringLiteral(" (RefScope could not see their holders: this is not "
                                          "proof of a leak)")
                         : QString());
    if (!report.uncheckedKinds.isEmpty())
        text += QStringLiteral("Holder kinds not checked: %1\n")
                    .arg(report.uncheckedKinds.join(QStringLiteral(", ")));
    if (!report.steps.isEmpty()) {
        text += QStringLiteral("\nNext steps:\n");
        for (int i = 0; i < report.steps.size(); ++i)
            text += QStringLiteral("  %1. %2\n").arg(i + 1).arg(report.steps.at(i));
    }
    return text;
}

ExitCode whyCommand(const QString &module, bool json, const QString &trace, WhySource source,
                    const std::optional<SshTarget> &ssh)
{
    QString error;
    std::optional<LeakEvidence> evidence;
    if (!trace.isEmpty()) {
        LeakEvidence e;
        if (!leakEvidenceFromFile(trace, module, &e, &error)) {
            return failure(QStringLiteral("why"), error);
        }
        evidence = e;
    }
    WhyAnswer answer;
    QJsonObject params{{QStringLiteral("module"), module}};
    if (evidence)
        params.insert(QStringLiteral("outstanding_gets"), outstandingGetsToJson(evidence->gets));
    const bool isRoot = geteuid() == 0;
    if (ssh) {
        if (!askHolders(params, false, &answer, &error, ssh))
            return failure(QStringLiteral("why"), error);
    } else if (source == WhySource::Pkexec || (source == WhySource::Best && isRoot)) {
        // The agent's own code: the helper kernel module's exact holders.
        if (!askHolders(params, source == WhySource::Pkexec && !isRoot, &answer, &error)) {
            return failure(QStringLiteral("why"), error);
        }
    } else {
        RecordedGets recorded;
        if (evidence)
            recorded.gets = evidence->gets;
        if (!readHolderReport(module, ExactAnswer{}, recorded, &answer.report, &error)) {
            return failure(QStringLiteral("why"), error);
        }
        answer.json = holderReportToJson(answer.report);
    }
    HolderReport &report = answer.report;
    if (!answer.exact) {
        markPartial(report);
        answer.json.insert(QStringLiteral("verdict"), report.verdict);
        answer.json.insert(QStringLiteral("verdict_sentences"),
                           holderReportToJson(report).value(QLatin1String("verdict_sentences")));
    }
    answer.json.insert(QStringLiteral("exact_available"), answer.exact);
    answer.json.insert(QStringLiteral("partial"), !answer.exact);
    if (evidence)
        answer.json.insert(QStringLiteral("recorded_gets"), evidenceJson(*evidence, report));
    if (evidence && evidence->kernelSites)
        answer.json.insert(QStringLiteral("recorded_call_site_counts"),
                           kernelSitesJson(*evidence->kernelSites));
    if (evidence)
        answer.json.insert(QStringLiteral("recorded_lost_events"), double(evidence->lostEvents));
    if (json) {
        print(stdout,
              QString::fromUtf8(QJsonDocument(answer.json).toJson(QJsonDocument::Indented)));
        return ExitCode::Success;
    }
    QString text = formatHolderReport(report);
    if (evidence)
        text += evidenceText(*evidence, report);
    if (!answer.exact && !answer.exactError.isEmpty())
        text += QStringLiteral("\nThe helper kernel module could not be asked: %1\n")
                    .arg(answer.exactError);
    print(stdout, text);
    return ExitCode::Success;
}

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/whycommand.h"

#include "events/outstandingrefs.h"
#include "holders/holderreport.h"
#include "holders/holderreportjson.h"
#include "holders/holdersteps.h"
#include "inventory/moduleinfo.h"
#include "recording/recording.h"

#include <QJsonDocument>

#include <cstdio>

namespace refscope {

namespace {

QString holderLine(const Holder &h)
{
    QString who = h.pid >= 0 ? QStringLiteral("pid %1 (%2)").arg(h.pid).arg(h.comm) : QString();
    if (!h.fds.isEmpty())
        who += u' ' + describeFds(h.fds);
    if (!h.sharedWith.isEmpty())
        who += QStringLiteral(" +%1 forked").arg(h.sharedWith.size());
    QString line = QStringLiteral("  %1 %2  refs %3\n      %4: %5\n")
                       .arg(holderKindName(h.kind), -7)
                       .arg(who.isEmpty() ? h.path : who + QStringLiteral("  ") + h.path)
                       .arg(h.refs)
                       .arg(holderSourceName(h.source), h.rule);
    if (!h.undo.isEmpty())
        line += QStringLiteral("      undo: %1\n").arg(h.undo);
    return line;
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
    text += QStringLiteral("\nUnexplained references: %1\n").arg(report.unexplained);
    if (!report.uncheckedKinds.isEmpty())
        text += QStringLiteral("Not checked: %1\n").arg(report.uncheckedKinds.join(u", "));
    if (!report.steps.isEmpty()) {
        text += QStringLiteral("\nNext steps:\n");
        for (int i = 0; i < report.steps.size(); ++i)
            text += QStringLiteral("  %1. %2\n").arg(i + 1).arg(report.steps.at(i));
    }
    return text;
}

namespace {

// Where the recording saw `module`'s gets never put back; false with
// *error when the file cannot be read.
bool callSitesFromRecording(const QString &path, const QString &module, QStringList *sites,
                            QString *error)
{
    const std::shared_ptr<EventStore> store = openRecording(path, error);
    if (!store)
        return false;
    const int id = store->findModule(normalizeModuleName(module));
    if (id >= 0 && store->size() > 0)
        *sites = leakingCallSites(computeOutstandingRefs(
            *store, id, store->timestampNs(0), store->timestampNs(store->size() - 1) + 1));
    return true;
}

} // namespace

ExitCode whyCommand(const QString &module, bool json, const QString &trace)
{
    HolderReport report;
    QString error;
    QStringList callSites;
    if (!trace.isEmpty() && !callSitesFromRecording(trace, module, &callSites, &error)) {
        return failure(QStringLiteral("why"), error);
    }
    // The CLI does not load RefScope's helper kernel module: its holders are
    // inferred. The GUI and the agent's "holders" method add exact ones.
    if (!readHolderReport(module, ExactAnswer{}, callSites, &report, &error)) {
        return failure(QStringLiteral("why"), error);
    }
    if (json)
        print(stdout,
              QString::fromUtf8(
                  QJsonDocument(holderReportToJson(report)).toJson(QJsonDocument::Indented)));
    else
        print(stdout, formatHolderReport(report));
    return ExitCode::Success;
}

} // namespace refscope

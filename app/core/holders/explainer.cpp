// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/explainer.h"

#include "holders/callsiteclass.h"
#include "holders/holdersteps.h"
#include "holders/holdertext.h"

#include <QHash>

namespace refscope {

namespace {

bool isFdHolder(const Holder &h)
{
    return h.kind == HolderKind::File || h.kind == HolderKind::Socket ||
           h.kind == HolderKind::Kthread;
}

// Whether the exact holder covers one of the inferred holder's (pid, fd).
bool covers(const Holder &exact, const Holder &inferred)
{
    if (inferred.kind == HolderKind::Mount)
        return exact.kind == HolderKind::Mount && exact.path == inferred.path;
    if (!isFdHolder(exact) || !isFdHolder(inferred))
        return false;
    if (exact.pid != inferred.pid && !exact.sharedWith.contains(inferred.pid))
        return false;
    for (const int fd : inferred.fds) {
        if (exact.fds.contains(fd))
            return true;
    }
    return false;
}

// Exact holders first; an inferred one survives only where the helper said
// nothing about the same fd or mount point.
QList<Holder> mergeHolders(const ExplainInput &input)
{
    QList<Holder> holders = input.exactAvailable ? input.exact : QList<Holder>{};
    for (const Holder &inferred : input.inferred) {
        const bool replaced =
            std::any_of(holders.cbegin(), holders.cend(),
                        [&](const Holder &exact) { return covers(exact, inferred); });
        if (!replaced)
            holders.append(inferred);
    }
    return holders;
}

QList<Holder> moduleUsers(const ModuleInfo &info)
{
    QList<Holder> users;
    for (const QString &user : info.holders) {
        Holder h;
        h.kind = HolderKind::Module;
        h.path = user;
        h.refs = 1;
        // The kernel's own list: ref_module() took this reference.
        h.source = HolderSource::Exact;
        setHolderRule(h, {{HolderSentenceCode::KernelHoldersList, {info.name, user}}});
        users.append(h);
    }
    return users;
}

int sumRefs(const QList<Holder> &holders)
{
    int sum = 0;
    for (const Holder &h : holders)
        sum += h.refs;
    return sum;
}

// A holder cannot claim more than the count: the surplus inferred claims
// (last found first) drop to 0 refs and say why. Returns how many dropped.
int trimInferredClaims(QList<Holder> &holders, int refcount)
{
    int excess = sumRefs(holders) - refcount;
    int trimmed = 0;
    for (auto it = holders.rbegin(); it != holders.rend() && excess > 0; ++it) {
        if (it->source != HolderSource::Inferred || it->refs == 0)
            continue;
        const int dropped = std::min(it->refs, excess);
        it->refs -= dropped;
        excess -= dropped;
        trimmed += dropped;
        addHolderRulePart(*it, {HolderSentenceCode::CountedAsZero, {}});
    }
    return trimmed;
}

using Sentences = QList<HolderSentence>;

HolderSentence sentence(HolderSentenceCode code, QStringList args = {})
{
    return {code, std::move(args)};
}

// Kernel threads named after the module ("stuck_netlink/812"): the suspects
// when references are left unattributed, since such a thread can keep a
// user's socket open after the user closed it.
Sentences suspectThreads(const QList<KernelThread> &threads, const QString &module)
{
    Sentences suspects;
    for (const KernelThread &t : threads) {
        const QString head = normalizeModuleName(t.comm.section(u'/', 0, 0));
        if (head == module)
            suspects << sentence(HolderSentenceCode::SuspectThread,
                                 {t.comm, QString::number(t.pid)});
    }
    return suspects;
}

Sentences stateVerdict(const ModuleInfo &info, const KernelModuleSupport &support)
{
    if (!support.unloadable)
        return {sentence(HolderSentenceCode::NoUnloadSupport, {info.name})};
    if (info.permanent)
        return {sentence(HolderSentenceCode::Permanent, {info.name})};
    if (info.state == ModuleState::Coming)
        return {sentence(HolderSentenceCode::Coming, {info.name})};
    if (info.state == ModuleState::Going)
        return {sentence(HolderSentenceCode::Going, {info.name})};
    return {};
}

Sentences countVerdict(const HolderReport &report)
{
    if (report.refcount == 0)
        return {sentence(HolderSentenceCode::NothingHolds, {report.module})};
    const QString held = QString::number(report.refcount - report.unattributed);
    const QString unattributed = QString::number(report.unattributed);
    if (report.refcount == 1)
        return {sentence(HolderSentenceCode::InUseOne, {report.module, held, unattributed})};
    return {sentence(HolderSentenceCode::InUse,
                     {report.module, QString::number(report.refcount), held, unattributed})};
}

// What the recording's outstanding gets say, one step per call site whose
// gets no holder took over: the module's own (leak-prone), a subsystem's
// (its holder kind), or nobody's that RefScope knows.
Sentences recordedSteps(const ExplainInput &input, const ModuleInfo &info,
                        const QList<Holder> &holders)
{
    struct Site {
        QString label;
        CallSiteClass site;
        int count = 0;
    };
    QList<Site> sites;
    for (const OutstandingGet &get : input.outstandingGets) {
        const CallSiteClass site = classifyCallSite(get.callSite, info.name);
        if (heldByOpenFile(get, site, holders))
            continue;
        auto it = std::find_if(sites.begin(), sites.end(),
                               [&](const Site &s) { return s.label == get.callSite; });
        if (it == sites.end())
            sites.append({get.callSite, site, 1});
        else
            it->count++;
    }
    std::stable_sort(sites.begin(), sites.end(),
                     [](const Site &a, const Site &b) { return a.count > b.count; });
    Sentences steps;
    for (const Site &s : std::as_const(sites)) {
        const QString count = QString::number(s.count);
        switch (s.site.owner) {
        case CallSiteOwner::Self:
            steps << sentence(HolderSentenceCode::SelfGetOutstanding, {count, s.label});
            break;
        case CallSiteOwner::Subsystem:
            steps << sentence(HolderSentenceCode::OwnedGetOutstanding,
                              {count, s.label, s.site.holderKind});
            break;
        case CallSiteOwner::Unknown:
            steps << sentence(HolderSentenceCode::UnknownGetOutstanding, {count, s.label});
            break;
        }
    }
    return steps;
}

// The driver's own gets in open() by a task that holds the file it opened
// are that file's references (count_demo: the file's owner reference plus
// the driver's own): added to the holder, never more than the count leaves.
void attributeOpenGets(const ExplainInput &input, const QString &module, HolderReport &report)
{
    QHash<qsizetype, QHash<QString, int>> added; // holder -> call site -> gets
    for (const OutstandingGet &get : input.outstandingGets) {
        if (report.unattributed <= 0)
            break;
        const qsizetype holder =
            openFileHolderOf(get, classifyCallSite(get.callSite, module), report.holders);
        if (holder < 0)
            continue;
        report.holders[holder].refs++;
        report.unattributed--;
        added[holder][get.callSite]++;
    }
    for (auto it = added.cbegin(); it != added.cend(); ++it) {
        for (auto site = it->cbegin(); site != it->cend(); ++site)
            addHolderRulePart(report.holders[it.key()],
                              {HolderSentenceCode::OpenGetAttributed,
                               {QString::number(site.value()), site.key()}});
    }
}

Sentences remainderSteps(const ExplainInput &input, const ModuleInfo &info,
                         const HolderReport &report)
{
    Sentences steps;
    const int unattributed = report.unattributed;
    if (unattributed <= 0)
        return steps;
    if (info.state == ModuleState::Coming)
        steps << sentence(HolderSentenceCode::WaitForInit, {info.name});
    if (!input.allProcessesReadable)
        steps << sentence(HolderSentenceCode::RunAsRoot);
    if (!input.uncheckedKinds.isEmpty())
        steps << sentence(HolderSentenceCode::CensusUnchecked,
                          {input.uncheckedKinds.join(QStringLiteral(", ")),
                           input.uncheckedWhy.join(QStringLiteral("; "))});
    const bool inferredOpens =
        std::any_of(input.inferred.cbegin(), input.inferred.cend(),
                    [](const Holder &h) { return h.refs > 0 && !h.fds.isEmpty(); });
    if (inferredOpens && !input.exactAvailable)
        steps << sentence(HolderSentenceCode::InferredUndercount);
    if (!input.uncheckedKinds.isEmpty())
        steps << sentence(HolderSentenceCode::KindsUnchecked,
                          {input.uncheckedKinds.join(QStringLiteral(", "))});
    const QString record =
        QStringLiteral("refscope-cli record -o FILE --modules %1 -- COMMAND").arg(info.name);
    if (input.outstandingCallSites.isEmpty() && input.outstandingGets.isEmpty())
        steps << (unattributed == 1
                      ? sentence(HolderSentenceCode::UnattributedOne, {info.name, record})
                      : sentence(HolderSentenceCode::Unattributed,
                                 {QString::number(unattributed), info.name, record}));
    steps << recordedSteps(input, info, report.holders);
    if (input.outstandingGets.isEmpty()) {
        for (const QString &site : input.outstandingCallSites)
            steps << sentence(HolderSentenceCode::LeakedAtCallSite, {site});
    }
    return steps;
}

Sentences explainSteps(const ExplainInput &input, const ModuleInfo &info,
                       const HolderReport &report)
{
    Sentences steps;
    for (qsizetype i = 0; i < report.holders.size(); ++i) {
        const Holder &h = report.holders.at(i);
        if (h.refs > 0 || h.kind == HolderKind::Mount)
            steps << sentence(HolderSentenceCode::HolderStep, {QString::number(i)});
    }
    const bool orphaned = std::any_of(report.holders.cbegin(), report.holders.cend(),
                                      [](const Holder &h) { return isOrphanedOpenFile(h); });
    if (orphaned || report.unattributed > 0)
        steps << suspectThreads(input.kernelThreads, info.name);
    steps << remainderSteps(input, info, report);
    if (info.permanent)
        steps << sentence(HolderSentenceCode::Reboot);
    else if (report.unattributed > 0 && input.snapshot.support.forceUnload)
        steps << sentence(HolderSentenceCode::LastResort);
    return steps;
}

// The English text the CLI and the JSON carry, from the sentences.
void writeEnglish(HolderReport &report)
{
    report.verdict = holderVerdictText(report, TextLanguage::English);
    report.steps = holderStepTexts(report, TextLanguage::English);
}

} // namespace

bool moduleKnown(const Snapshot &snapshot, const QString &module)
{
    const QString name = normalizeModuleName(module);
    return snapshot.find(name) ||
           std::any_of(snapshot.builtin.cbegin(), snapshot.builtin.cend(),
                       [&](const BuiltinModule &b) { return normalizeModuleName(b.name) == name; });
}

HolderReport explainHolders(const ExplainInput &input)
{
    HolderReport report;
    report.module = normalizeModuleName(input.module);
    const ModuleInfo *info = input.snapshot.find(report.module);
    if (!info) {
        report.verdictSentences = {sentence(moduleKnown(input.snapshot, report.module)
                                                ? HolderSentenceCode::BuiltIn
                                                : HolderSentenceCode::NotLoaded,
                                            {report.module})};
        writeEnglish(report);
        return report;
    }
    report.refcount = std::max(info->refcount, 0); // -1: a going module past its last put
    report.holders = moduleUsers(*info) + mergeHolders(input) + input.census;
    report.uncheckedKinds = input.uncheckedKinds;
    const int trimmed = trimInferredClaims(report.holders, report.refcount);
    report.unattributed = report.refcount - sumRefs(report.holders);
    report.uncheckedKinds = input.uncheckedKinds;
    attributeOpenGets(input, report.module, report);

    report.verdictSentences = stateVerdict(*info, input.snapshot.support);
    if (report.verdictSentences.isEmpty() || report.refcount > 0)
        report.verdictSentences << countVerdict(report);
    if (trimmed > 0)
        report.verdictSentences << sentence(HolderSentenceCode::ClaimsTrimmed,
                                            {QString::number(trimmed)});
    report.stepSentences = explainSteps(input, *info, report);
    writeEnglish(report);
    return report;
}

} // namespace refscope

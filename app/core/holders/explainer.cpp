#include "explainer.h"

#include "holdersteps.h"

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
        h.rule = QStringLiteral("/sys/module/%1/holders lists %2: it uses %1's symbols")
                     .arg(info.name, user);
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
        it->rule += QStringLiteral("; counted as 0: the module's count has no reference left "
                                   "for it (the rule may be wrong here)");
    }
    return trimmed;
}

// Kernel threads named after the module ("stuck_netlink/812"): seed 004's
// suspects when references are left unexplained.
QStringList suspectThreads(const QList<KernelThread> &threads, const QString &module)
{
    QStringList suspects;
    for (const KernelThread &t : threads) {
        const QString head = normalizeModuleName(t.comm.section(u'/', 0, 0));
        if (head == module)
            suspects << QStringLiteral("%1 (pid %2)").arg(t.comm).arg(t.pid);
    }
    return suspects;
}

QString stateVerdict(const ModuleInfo &info, const KernelModuleSupport &support)
{
    if (!support.unloadable)
        return QStringLiteral("This kernel was built without CONFIG_MODULE_UNLOAD: no module, "
                              "%1 included, can ever be unloaded.")
            .arg(info.name);
    if (info.permanent)
        return QStringLiteral("%1 has no exit function (permanent): the kernel will never "
                              "unload it, whatever its count.")
            .arg(info.name);
    if (info.state == ModuleState::Coming)
        return QStringLiteral("%1 is still initialising (coming): its loader holds one "
                              "reference until the init function returns.")
            .arg(info.name);
    if (info.state == ModuleState::Going)
        return QStringLiteral("%1 is already being unloaded (going).").arg(info.name);
    return {};
}

QStringList remainderSteps(const ExplainInput &input, const ModuleInfo &info, int unexplained)
{
    QStringList steps;
    if (unexplained <= 0)
        return steps;
    if (info.state == ModuleState::Coming)
        steps << QStringLiteral("wait for %1's init to finish, or interrupt the insmod or "
                                "modprobe loading it")
                     .arg(info.name);
    if (!input.allProcessesReadable)
        steps << QStringLiteral("run as root: other users' processes could not be read, so "
                                "their holders are missing here");
    const bool inferredOpens =
        std::any_of(input.inferred.cbegin(), input.inferred.cend(),
                    [](const Holder &h) { return h.refs > 0 && !h.fds.isEmpty(); });
    if (inferredOpens && !input.exactAvailable)
        steps << QStringLiteral("each inferred open file is counted as 1 reference, but one "
                                "open can hold more (its file operations and its cdev or "
                                "socket protocol, as tun's do, or a driver's own get in open): "
                                "RefScope's helper kernel module counts them exactly");
    if (input.outstandingCallSites.isEmpty())
        steps << QStringLiteral("%1 reference%2 nothing here explains: it looks leaked: record "
                                "%3's module tracepoints and see the outstanding gets' call "
                                "sites in the timeline")
                     .arg(unexplained)
                     .arg(unexplained == 1 ? QString() : QStringLiteral("s"), info.name);
    for (const QString &site : input.outstandingCallSites)
        steps << QStringLiteral("it looks leaked: see the outstanding gets at call site %1 in "
                                "the timeline")
                     .arg(site);
    return steps;
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
        report.verdict = moduleKnown(input.snapshot, report.module)
                             ? QStringLiteral("%1 is built into the kernel: it can never be "
                                              "unloaded.")
                                   .arg(report.module)
                             : QStringLiteral("%1 is not loaded.").arg(report.module);
        return report;
    }
    report.refcount = std::max(info->refcount, 0); // -1: a going module past its last put
    report.holders = moduleUsers(*info) + mergeHolders(input);
    const int trimmed = trimInferredClaims(report.holders, report.refcount);
    report.unexplained = report.refcount - sumRefs(report.holders);

    const int held = report.refcount - report.unexplained;
    QString verdict = stateVerdict(*info, input.snapshot.support);
    if (verdict.isEmpty() || report.refcount > 0) {
        const QString count =
            report.refcount == 0
                ? QStringLiteral("Nothing holds %1: rmmod %1 will unload it.").arg(report.module)
                : QStringLiteral("%1 is in use: %2 reference%3, %4 held by what is listed, %5 "
                                 "unexplained.")
                      .arg(report.module)
                      .arg(report.refcount)
                      .arg(report.refcount == 1 ? QString() : QStringLiteral("s"))
                      .arg(held)
                      .arg(report.unexplained);
        verdict = verdict.isEmpty() ? count : verdict + u' ' + count;
    }
    if (trimmed > 0)
        verdict += QStringLiteral(" The inferred holders claimed %1 more than the count; those "
                                  "claims are counted as 0.")
                       .arg(trimmed);
    report.verdict = verdict;
    for (const Holder &h : std::as_const(report.holders)) {
        if (h.refs > 0 || h.kind == HolderKind::Mount)
            report.steps << stepForHolder(h);
    }
    const bool orphaned = std::any_of(report.holders.cbegin(), report.holders.cend(),
                                      [](const Holder &h) { return isOrphanedOpenFile(h); });
    if (orphaned || report.unexplained > 0) {
        for (const QString &thread : suspectThreads(input.kernelThreads, info->name))
            report.steps << QStringLiteral("kernel thread %1 is named after the module and may "
                                           "hold what no process has open, e.g. a user's socket "
                                           "it kept (seed 004)")
                                .arg(thread);
    }
    report.steps << remainderSteps(input, *info, report.unexplained);
    if (info->permanent)
        report.steps << QStringLiteral("reboot: a permanent module leaves only with the kernel");
    else if (report.unexplained > 0 && input.snapshot.support.forceUnload)
        report.steps << QStringLiteral("last resort: RefScope's safe force release (this kernel "
                                       "has CONFIG_MODULE_FORCE_UNLOAD)");
    return report;
}

} // namespace refscope

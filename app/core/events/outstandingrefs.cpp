// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/outstandingrefs.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <span>
#include <vector>

namespace refscope {

namespace {

struct Get {
    std::uint32_t index;
    int site;
    int task;
};

// Groups keyed by a string, kept in order of first appearance.
class GroupTable {
public:
    int groupFor(const QString &key, const QString &label, quint64 callSite, int pid)
    {
        const auto it = m_ids.constFind(key);
        if (it != m_ids.constEnd())
            return *it;
        OutstandingGroup group;
        group.label = label;
        group.callSite = callSite;
        group.pid = pid;
        m_groups.append(group);
        m_ids.insert(key, int(m_groups.size() - 1));
        return int(m_groups.size() - 1);
    }
    OutstandingGroup &operator[](int id) { return m_groups[id]; }
    const OutstandingGroup &operator[](int id) const { return m_groups[id]; }

    // A ranked copy: the table keeps its ids for further counting.
    QList<OutstandingGroup> ranked() const
    {
        QList<OutstandingGroup> groups = m_groups;
        for (OutstandingGroup &group : groups)
            std::sort(group.events.begin(), group.events.end());
        std::stable_sort(groups.begin(), groups.end(),
                         [](const OutstandingGroup &a, const OutstandingGroup &b) {
                             if (a.outstanding() != b.outstanding())
                                 return a.outstanding() > b.outstanding();
                             return a.gets > b.gets;
                         });
        return groups;
    }

private:
    QList<OutstandingGroup> m_groups;
    QHash<QString, int> m_ids;
};

void addEvent(OutstandingGroup &group, std::uint32_t index, ModuleEventKind kind)
{
    (kind == ModuleEventKind::Get ? group.gets : group.puts)++;
    group.events.append(index);
}

QString callSiteLabel(const EventDetails &details)
{
    if (!details.callSiteName.isEmpty())
        return details.callSiteName;
    // A live capture without addresses sends none for a call site no
    // symbol covers.
    if (details.callSite == 0)
        return QStringLiteral("?");
    return QStringLiteral("0x%1").arg(details.callSite, 0, 16);
}

} // namespace

struct OutstandingRefsCounter::State {
    explicit State(const EventStore &s) : store(s) {}
    const EventStore &store;
    std::span<const std::uint32_t> events; // the module's, inside the window
    std::size_t next = 0;
    GroupTable sites;
    GroupTable tasks;
    // Unreleased gets per task, latest last.
    QHash<int, std::vector<Get>> unreleased;
    qint64 gets = 0;
    qint64 puts = 0;

    void count(std::uint32_t index);
    std::vector<Get> *latestUnreleased(int pid);
};

OutstandingRefsCounter::OutstandingRefsCounter(const EventStore &store, int moduleId, qint64 fromNs,
                                               qint64 toNs)
    : d(std::make_unique<State>(store))
{
    if (moduleId < 0 || moduleId >= store.moduleCount() || fromNs >= toNs)
        return;
    const std::span<const std::uint32_t> all = store.eventsOf(moduleId);
    const auto before = [&store](std::uint32_t index, qint64 t) {
        return store.timestampNs(index) < t;
    };
    const auto begin = std::lower_bound(all.begin(), all.end(), fromNs, before);
    const auto end = std::lower_bound(begin, all.end(), toNs, before);
    d->events = std::span<const std::uint32_t>(begin, end);
}

OutstandingRefsCounter::~OutstandingRefsCounter() = default;

bool OutstandingRefsCounter::step(std::size_t events)
{
    const std::size_t end = d->next + std::min(events, d->events.size() - d->next);
    for (; d->next < end; ++d->next)
        d->count(d->events[d->next]);
    return d->next == d->events.size();
}

int OutstandingRefsCounter::permille() const
{
    return d->events.empty() ? 1000 : int(d->next * 1000 / d->events.size());
}

OutstandingRefs OutstandingRefsCounter::result() const
{
    OutstandingRefs result;
    result.gets = d->gets;
    result.puts = d->puts;
    result.byCallSite = d->sites.ranked();
    result.byTask = d->tasks.ranked();
    std::vector<Get> left;
    for (const std::vector<Get> &gets : d->unreleased)
        left.insert(left.end(), gets.begin(), gets.end());
    std::sort(left.begin(), left.end(),
              [](const Get &a, const Get &b) { return a.index < b.index; });
    for (const Get &get : left) {
        const EventDetails details = d->store.details(get.index);
        result.unreleased.append(
            {d->sites[get.site].label, details.pid, details.comm, d->store.timestampNs(get.index)});
    }
    return result;
}

std::vector<Get> *OutstandingRefsCounter::State::latestUnreleased(int pid)
{
    const auto own = unreleased.find(pid);
    if (own != unreleased.end() && !own->empty())
        return &*own;
    std::vector<Get> *latest = nullptr;
    for (auto it = unreleased.begin(); it != unreleased.end(); ++it) {
        if (!it->empty() && (!latest || it->back().index > latest->back().index))
            latest = &*it;
    }
    return latest;
}

void OutstandingRefsCounter::State::count(std::uint32_t index)
{
    const ModuleEventKind kind = store.kind(index);
    if (kind != ModuleEventKind::Get && kind != ModuleEventKind::Put)
        return;
    const EventDetails details = store.details(index);
    const QString task = QStringLiteral("%1 (%2)").arg(details.comm).arg(details.pid);
    if (kind == ModuleEventKind::Get) {
        const QString site = callSiteLabel(details);
        const int siteId = sites.groupFor(site, site, details.callSite, -1);
        const int taskId = tasks.groupFor(task, task, 0, details.pid);
        addEvent(sites[siteId], index, kind);
        addEvent(tasks[taskId], index, kind);
        unreleased[details.pid].push_back({index, siteId, taskId});
        gets++;
        return;
    }
    puts++;
    if (std::vector<Get> *stack = latestUnreleased(details.pid)) {
        const Get get = stack->back();
        stack->pop_back();
        addEvent(sites[get.site], index, kind);
        addEvent(tasks[get.task], index, kind);
        return;
    }
    // A reference taken before the window: charged where it was put.
    const QString site =
        QCoreApplication::translate("OutstandingRefs", "%1 (put only)").arg(callSiteLabel(details));
    const QString putTask =
        QCoreApplication::translate("OutstandingRefs", "%1 (put only)").arg(task);
    addEvent(sites[sites.groupFor(site, site, details.callSite, -1)], index, kind);
    addEvent(tasks[tasks.groupFor(putTask, putTask, 0, details.pid)], index, kind);
}

OutstandingRefs computeOutstandingRefs(const EventStore &store, int moduleId, qint64 fromNs,
                                       qint64 toNs)
{
    OutstandingRefsCounter counter(store, moduleId, fromNs, toNs);
    counter.step(std::size_t(-1));
    return counter.result();
}

QStringList leakingCallSites(const OutstandingRefs &refs, int limit)
{
    QStringList sites;
    for (const OutstandingGroup &group : refs.byCallSite) {
        if (group.outstanding() > 0 && sites.size() < limit)
            sites << group.label;
    }
    return sites;
}

bool useKernelCounts(OutstandingRefs *refs, const EventStore &store, int moduleId)
{
    const std::optional<KernelCallSiteCounts> &counts = store.kernelCounts();
    if (!counts || store.lostEvents().isEmpty() || moduleId < 0 || moduleId >= store.moduleCount())
        return false;
    const QString module = store.moduleName(moduleId);
    // The events of a site, where they were seen, still point the chart at
    // them: a get's group keeps its events.
    QHash<QString, QList<std::uint32_t>> seen;
    for (const OutstandingGroup &group : std::as_const(refs->byCallSite))
        seen.insert(group.label, group.events);
    QList<OutstandingGroup> groups;
    refs->gets = 0;
    refs->puts = 0;
    for (const CallSiteCount &site : counts->of(module)) {
        OutstandingGroup group;
        group.label = site.callSite;
        group.callSite = site.address;
        group.gets = site.gets;
        group.puts = site.puts;
        group.events = seen.value(site.callSite);
        refs->gets += site.gets;
        refs->puts += site.puts;
        groups.append(group);
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const OutstandingGroup &a, const OutstandingGroup &b) {
                         if (a.outstanding() != b.outstanding())
                             return a.outstanding() > b.outstanding();
                         return a.gets > b.gets;
                     });
    refs->byCallSite = groups;
    refs->kernelCounted = true;
    return true;
}

QString lostEventsNote(const EventStore &store, bool exact)
{
    if (store.lostEvents().isEmpty())
        return {};
    const qint64 lost = store.lostEventCount();
    const bool exactCounts = exact && store.kernelCounts();
    // The kernel only said that it lost some: no number.
    if (lost <= 0)
        return exactCounts ? QCoreApplication::translate(
                                 "OutstandingRefs",
                                 "Events lost; counts per call site are exact from the kernel's "
                                 "counters")
                           : QCoreApplication::translate("OutstandingRefs",
                                                         "Events lost; counts may be incomplete");
    return exactCounts
               ? QCoreApplication::translate(
                     "OutstandingRefs",
                     "%1 events lost; counts per call site are exact from the kernel's counters")
                     .arg(lost)
               : QCoreApplication::translate("OutstandingRefs",
                                             "%1 events lost; counts may be incomplete")
                     .arg(lost);
}

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/eventstore.h"

#include "events/countpyramid.h"
#include "events/hugepagecolumn.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <vector>

namespace refscope {

namespace {

// Kind and CPU share one 16-bit column: 3 bits of kind leave 13 bits of CPU
// (8192 CPUs), which keeps an event at 16 bytes resident.
constexpr int kindBits = 3;
constexpr int maxCpu = (1 << (16 - kindBits)) - 1;

ModuleEventKind kindOf(quint16 kindAndCpu)
{
    return ModuleEventKind(kindAndCpu & ((1 << kindBits) - 1));
}

bool carriesCount(ModuleEventKind kind)
{
    return kind == ModuleEventKind::Get || kind == ModuleEventKind::Put;
}

} // namespace

// One module's share of the store: its events' store indices and the
// pyramid over the count each of them leaves in force.
struct ModuleSeries {
    QString name;
    HugePageVector<std::uint32_t> indices;
    int baseline = 0;
    bool baselineKnown = false;
    CountPyramid pyramid;
};

struct EventStore::Columns {
    HugePageVector<qint64> timestamps;
    // The count in force after the event (what the curve shows): the
    // event's own count for get/put, otherwise the one it leaves behind
    // (see curveValue). refcount() hides it for events that carry none.
    HugePageVector<qint32> curve;
    HugePageVector<quint16> moduleIds;
    HugePageVector<quint16> kindAndCpu;

    std::vector<ModuleSeries> modules;
    QHash<QString, int> idsByName;
    // idFor's last answer and its name, held: a capture's events share
    // their module's string, and the same data as the one held is the same
    // module, found without hashing it.
    QString lastName;
    int lastId = -1;
    QList<LostEvents> lost;
    std::optional<KernelCallSiteCounts> kernelCounts;
    qint64 lostTotal = 0;
    std::unique_ptr<EventDetailsSource> details;
    // Events [indexed, size) came through appendDeferred: their count
    // column still holds the raw count, their modules' indexes lack them.
    std::size_t indexed = 0;

    // Throws on what append and appendDeferred refuse.
    void check(qint64 timestampNs, int cpu, int moduleId) const
    {
        if (timestamps.size() >= std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("more than 4294967295 events in one store");
        if (cpu < 0 || cpu > maxCpu)
            throw std::out_of_range("CPU number out of range: " + std::to_string(cpu));
        if (moduleId < 0 || std::size_t(moduleId) >= modules.size())
            throw std::out_of_range("unknown module id " + std::to_string(moduleId));
        if (!timestamps.empty() && timestampNs < timestamps.back())
            throw std::invalid_argument("module events must be appended in timestamp order");
    }

    void push(qint64 timestampNs, int cpu, ModuleEventKind kind, int moduleId, int count)
    {
        timestamps.push_back(timestampNs);
        curve.push_back(count);
        moduleIds.push_back(quint16(moduleId));
        kindAndCpu.push_back(quint16(quint16(kind) | (cpu << kindBits)));
    }

    void indexDeferred();

    int idFor(const QString &name)
    {
        if (lastId >= 0 && lastName.constData() == name.constData() &&
            lastName.size() == name.size())
            return lastId;
        auto it = idsByName.constFind(name);
        if (it != idsByName.constEnd()) {
            lastName = name;
            lastId = it.value();
            return lastId;
        }
        if (modules.size() > std::numeric_limits<quint16>::max())
            throw std::length_error("more than 65536 distinct module names in one recording");
        modules.push_back(ModuleSeries{name, {}, 0, false, {}});
        idsByName.insert(name, int(modules.size() - 1));
        return int(modules.size() - 1);
    }

    int lastValue(const ModuleSeries &series) const
    {
        return series.indices.empty() ? series.baseline : curve[series.indices.back()];
    }

    // What the curve shows after an event. A module being loaded holds one
    // reference during its init function (module_unload_init takes it and
    // do_init_module's module_put drops it), so module_load leaves 1; a
    // freed module has none; module_request changes nothing.
    int curveValue(ModuleSeries &series, ModuleEventKind kind, int refcount)
    {
        if (!series.baselineKnown && series.indices.empty()) {
            series.baselineKnown = true;
            if (kind == ModuleEventKind::Get)
                series.baseline = refcount - 1;
            else if (kind == ModuleEventKind::Put)
                series.baseline = refcount + 1;
            else
                series.baseline = 0;
        }
        switch (kind) {
        case ModuleEventKind::Get:
        case ModuleEventKind::Put:
            return refcount;
        case ModuleEventKind::Load:
            return 1;
        case ModuleEventKind::Free:
            return 0;
        case ModuleEventKind::Request:
            break;
        }
        return lastValue(series);
    }
};

EventStore::EventStore() : m_columns(std::make_unique<Columns>()) {}

EventStore::~EventStore() = default;

std::size_t EventStore::append(const ModuleEvent &event)
{
    return append(event.timestampNs, event.cpu, event.kind, internModule(event.module),
                  event.refcount);
}

std::size_t EventStore::append(qint64 timestampNs, int cpu, ModuleEventKind kind, int moduleId,
                               int refcount)
{
    Columns &c = *m_columns;
    c.check(timestampNs, cpu, moduleId);
    c.indexDeferred();
    ModuleSeries &series = c.modules[moduleId];
    const int value = c.curveValue(series, kind, refcount);
    const std::size_t index = c.timestamps.size();
    c.push(timestampNs, cpu, kind, moduleId, value);
    series.indices.push_back(std::uint32_t(index));
    series.pyramid.append(value);
    c.indexed = index + 1;
    return index;
}

std::size_t EventStore::appendDeferred(qint64 timestampNs, int cpu, ModuleEventKind kind,
                                       int moduleId, int refcount)
{
    Columns &c = *m_columns;
    c.check(timestampNs, cpu, moduleId);
    c.push(timestampNs, cpu, kind, moduleId, refcount);
    return c.timestamps.size() - 1;
}

void EventStore::Columns::indexDeferred()
{
    const std::size_t end = timestamps.size();
    if (indexed == end)
        return;
    std::vector<std::size_t> added(modules.size(), 0);
    for (std::size_t i = indexed; i < end; ++i)
        ++added[moduleIds[i]];
    for (std::size_t m = 0; m < modules.size(); ++m)
        modules[m].indices.reserve(modules[m].indices.size() + added[m]);
    for (std::size_t i = indexed; i < end; ++i) {
        ModuleSeries &series = modules[moduleIds[i]];
        curve[i] = curveValue(series, kindOf(kindAndCpu[i]), curve[i]);
        series.indices.push_back(std::uint32_t(i));
    }
    for (std::size_t m = 0; m < modules.size(); ++m) {
        if (added[m] == 0)
            continue;
        const HugePageVector<std::uint32_t> &indices = modules[m].indices;
        modules[m].pyramid.rebuild(indices.size(),
                                   [&](std::size_t k) { return curve[indices[k]]; });
    }
    indexed = end;
}

int EventStore::internModule(const QString &name)
{
    return m_columns->idFor(name);
}

void EventStore::appendLost(const LostEvents &lost)
{
    m_columns->lost.append(lost);
    // A file may claim any count: the total stops at the largest, "at
    // least that many", instead of overflowing.
    constexpr qint64 kMost = std::numeric_limits<qint64>::max();
    qint64 &total = m_columns->lostTotal;
    if (lost.count > 0)
        total = lost.count > kMost - total ? kMost : total + lost.count;
}

void EventStore::setDetailsSource(std::unique_ptr<EventDetailsSource> source)
{
    m_columns->details = std::move(source);
}

void EventStore::setBaseline(const QString &module, int refcount)
{
    ModuleSeries &series = m_columns->modules[m_columns->idFor(module)];
    series.baseline = refcount;
    series.baselineKnown = true;
}

std::size_t EventStore::size() const
{
    return m_columns->timestamps.size();
}

qint64 EventStore::timestampNs(std::size_t i) const
{
    return m_columns->timestamps[i];
}

int EventStore::cpu(std::size_t i) const
{
    return m_columns->kindAndCpu[i] >> kindBits;
}

ModuleEventKind EventStore::kind(std::size_t i) const
{
    return kindOf(m_columns->kindAndCpu[i]);
}

int EventStore::moduleId(std::size_t i) const
{
    return m_columns->moduleIds[i];
}

int EventStore::refcount(std::size_t i) const
{
    return carriesCount(kind(i)) ? m_columns->curve[i] : -1;
}

ModuleEvent EventStore::event(std::size_t i) const
{
    return ModuleEvent{timestampNs(i), cpu(i), kind(i), moduleName(moduleId(i)), refcount(i)};
}

EventDetails EventStore::details(std::size_t i) const
{
    return m_columns->details ? m_columns->details->details(i) : EventDetails{};
}

EventDetails EventStore::detailsWithoutText(std::size_t i) const
{
    return m_columns->details ? m_columns->details->detailsWithoutText(i) : EventDetails{};
}

QString EventStore::detailsProblem() const
{
    const QString problem = m_columns->details ? m_columns->details->problem() : QString();
    if (problem.isEmpty())
        return {};
    return QCoreApplication::translate("refscope::EventStore",
                                       "the events' pids, commands and call sites cannot be read "
                                       "back (%1)")
        .arg(problem);
}

int EventStore::moduleCount() const
{
    return int(m_columns->modules.size());
}

QString EventStore::moduleName(int id) const
{
    return m_columns->modules[id].name;
}

int EventStore::findModule(const QString &name) const
{
    return m_columns->idsByName.value(name, -1);
}

std::span<const std::uint32_t> EventStore::eventsOf(int moduleId) const
{
    return m_columns->modules[moduleId].indices;
}

int EventStore::countAt(int moduleId, qint64 timestampNs) const
{
    const Columns &c = *m_columns;
    const ModuleSeries &series = c.modules[moduleId];
    auto after =
        std::upper_bound(series.indices.begin(), series.indices.end(), timestampNs,
                         [&c](qint64 t, std::uint32_t index) { return t < c.timestamps[index]; });
    return after == series.indices.begin() ? series.baseline : c.curve[*(after - 1)];
}

QList<CountBucket> EventStore::countBuckets(int moduleId, qint64 fromNs, qint64 toNs,
                                            int buckets) const
{
    QList<CountBucket> result;
    if (buckets <= 0 || toNs <= fromNs)
        return result;
    const Columns &c = *m_columns;
    const ModuleSeries &series = c.modules[moduleId];
    const auto &indices = series.indices;
    const auto firstAtOrAfter = [&](std::size_t from, qint64 t) {
        return std::size_t(std::lower_bound(indices.begin() + from, indices.end(), t,
                                            [&c](std::uint32_t index, qint64 value) {
                                                return c.timestamps[index] < value;
                                            }) -
                           indices.begin());
    };
    result.reserve(buckets);
    const double width = double(toNs - fromNs) / buckets;
    std::size_t begin = firstAtOrAfter(0, fromNs);
    int inForce = begin == 0 ? series.baseline : c.curve[indices[begin - 1]];
    for (int b = 0; b < buckets; ++b) {
        CountBucket bucket;
        bucket.startNs = fromNs + qint64(width * b);
        bucket.endNs = b + 1 == buckets ? toNs : fromNs + qint64(width * (b + 1));
        const std::size_t end = firstAtOrAfter(begin, bucket.endNs);
        bucket.min = bucket.max = inForce;
        if (end > begin) {
            const auto range = series.pyramid.minMax(
                begin, end, [&](std::size_t k) { return c.curve[indices[k]]; });
            bucket.min = std::min(inForce, range.min);
            bucket.max = std::max(inForce, range.max);
            inForce = c.curve[indices[end - 1]];
        }
        bucket.last = inForce;
        bucket.events = int(end - begin);
        result.append(bucket);
        begin = end;
    }
    return result;
}

std::size_t EventStore::lowerBound(qint64 timestampNs) const
{
    const auto &t = m_columns->timestamps;
    return std::size_t(std::lower_bound(t.begin(), t.end(), timestampNs) - t.begin());
}

void EventStore::setKernelCounts(std::optional<KernelCallSiteCounts> counts)
{
    m_columns->kernelCounts = std::move(counts);
}

const std::optional<KernelCallSiteCounts> &EventStore::kernelCounts() const
{
    return m_columns->kernelCounts;
}

const QList<LostEvents> &EventStore::lostEvents() const
{
    return m_columns->lost;
}

qint64 EventStore::lostEventCount() const
{
    return m_columns->lostTotal;
}

std::size_t EventStore::columnBytes() const
{
    return m_columns->timestamps.size() *
           (sizeof(qint64) + sizeof(qint32) + sizeof(quint16) + sizeof(quint16));
}

void EventStore::squeeze()
{
    // The columns keep their spare capacity: a reservation's untouched pages
    // are never resident, and shrinking would copy (and fault in) every
    // column again.
    m_columns->indexDeferred();
    for (ModuleSeries &series : m_columns->modules) {
        series.indices.shrink_to_fit();
        series.pyramid.squeeze();
    }
}

void EventStore::reserve(std::size_t events)
{
    Columns &c = *m_columns;
    const std::size_t total = c.timestamps.size() + events;
    c.timestamps.reserve(total);
    c.curve.reserve(total);
    c.moduleIds.reserve(total);
    c.kindAndCpu.reserve(total);
}

std::size_t EventStore::residentBytes() const
{
    const Columns &c = *m_columns;
    std::size_t bytes = columnBytes();
    for (const ModuleSeries &series : c.modules)
        bytes += series.indices.capacity() * sizeof(std::uint32_t) + series.pyramid.bytes();
    return bytes;
}

} // namespace refscope

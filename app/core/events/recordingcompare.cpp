// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/recordingcompare.h"

#include "events/outstandingrefs.h"
#include "recording/recording.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <limits>

namespace refscope {

namespace {

// Events counted between two progress reports: a trace.dat reads each
// event's details back from the file.
constexpr std::size_t kStep = 2000;

struct SiteCount {
    QString label;
    bool putOnly = false;
    qint64 outstanding = 0;
};

// One side: the module's totals and its call sites by match key.
struct Side {
    RecordingModuleTotals totals;
    QList<QString> order; // keys in the counter's ranking
    QHash<QString, SiteCount> sites;
};

QString rawLabel(const EventDetails &details)
{
    if (!details.callSiteName.isEmpty())
        return details.callSiteName;
    if (details.callSite == 0)
        return QStringLiteral("?");
    return QStringLiteral("0x%1").arg(details.callSite, 0, 16);
}

class Comparer {
public:
    Comparer(const EventStore &a, const EventStore &b, const CompareProgress &progress)
        : m_stores{&a, &b}, m_progress(progress)
    {
    }

    void addWork(const EventStore &store, int id) { m_total += store.eventsOf(id).size(); }

    // False once stopped.
    bool count(int side, int id, Side *out)
    {
        const EventStore &store = *m_stores[side];
        const auto events = store.eventsOf(id);
        if (events.empty())
            return true;
        out->totals.present = true;
        bool onlyRequests = true;
        for (const std::uint32_t index : events)
            onlyRequests = onlyRequests && store.kind(index) == ModuleEventKind::Request;
        if (!onlyRequests)
            out->totals.finalCount = store.countAt(id, std::numeric_limits<qint64>::max());
        // The whole recording, from its first event of any module.
        OutstandingRefsCounter counter(store, id, store.timestampNs(0),
                                       store.timestampNs(store.size() - 1) + 1);
        for (;;) {
            const std::size_t before = std::size_t(counter.permille()) * events.size() / 1000;
            const bool done = counter.step(kStep);
            const std::size_t after =
                done ? events.size() : std::size_t(counter.permille()) * events.size() / 1000;
            m_done += after - before;
            if (!report())
                return false;
            if (done)
                break;
        }
        const OutstandingRefs refs = counter.result();
        out->totals.gets = refs.gets;
        out->totals.puts = refs.puts;
        for (const OutstandingGroup &group : refs.byCallSite) {
            SiteCount site;
            site.putOnly = group.gets == 0;
            // A put-only group's label carries a translated suffix: name it
            // by its put's own call site instead.
            site.label = site.putOnly && !group.events.isEmpty()
                             ? rawLabel(store.details(group.events.first()))
                             : group.label;
            site.outstanding = group.outstanding();
            const QString key =
                (site.putOnly ? QStringLiteral("put:") : QString()) + callSiteMatchKey(site.label);
            if (out->sites.contains(key)) { // two addresses of one symbol+offset
                out->sites[key].outstanding += site.outstanding;
                continue;
            }
            out->order.append(key);
            out->sites.insert(key, site);
        }
        return true;
    }

    bool report()
    {
        if (!m_progress || m_total == 0)
            return true;
        return m_progress(int(std::min<std::size_t>(m_done * 1000 / m_total, 1000)));
    }

private:
    const EventStore *m_stores[2];
    const CompareProgress &m_progress;
    std::size_t m_total = 0;
    std::size_t m_done = 0;
};

QMap<QString, int> moduleIds(const EventStore &store)
{
    QMap<QString, int> ids;
    for (int id = 0; id < store.moduleCount(); ++id) {
        if (!store.eventsOf(id).empty())
            ids.insert(store.moduleName(id), id);
    }
    return ids;
}

QJsonValue totalsJson(const RecordingModuleTotals &totals)
{
    if (!totals.present)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("gets"), totals.gets},
        {QStringLiteral("puts"), totals.puts},
        {QStringLiteral("outstanding"), totals.outstanding()},
        {QStringLiteral("final_refcount"),
         totals.finalCount ? QJsonValue(*totals.finalCount) : QJsonValue(QJsonValue::Null)},
    };
}

QString signedNumber(qint64 n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

// Columns padded to their widest cell; numbers right-aligned.
QString alignedRows(const QList<QStringList> &rows, const QList<bool> &rightAligned,
                    const QString &indent)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c >= widths.size())
                widths.append(0);
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line = indent;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool right = c < rightAligned.size() && rightAligned[c];
            line += right ? row[c].rightJustified(widths[c]) : row[c].leftJustified(widths[c]);
            if (c + 1 < row.size())
                line += QStringLiteral("  ");
        }
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    }
    return text;
}

} // namespace

bool ModuleComparison::differs() const
{
    if (a.present != b.present || a.outstanding() != b.outstanding() ||
        a.finalCount != b.finalCount)
        return true;
    return std::any_of(callSites.begin(), callSites.end(), [](const CallSiteComparison &site) {
        return site.difference() != 0 || site.inA != site.inB;
    });
}

QString callSiteMatchKey(const QString &label)
{
    QString text = label.trimmed();
    const qsizetype open = text.lastIndexOf(u'[');
    if (open > 0 && text.endsWith(u']'))
        text = text.left(open).trimmed();
    // "fn+0x1a/0x80": the function's size is not part of where the get is.
    const qsizetype plus = text.indexOf(u'+');
    const qsizetype slash = text.indexOf(u'/');
    if (plus > 0 && slash > plus)
        text = text.left(slash);
    return text;
}

RecordingComparison compareRecordings(const EventStore &a, const EventStore &b,
                                      const QString &module, const CompareProgress &progress)
{
    const QMap<QString, int> idsA = moduleIds(a);
    const QMap<QString, int> idsB = moduleIds(b);
    QStringList names;
    for (const QString &name : idsA.keys() + idsB.keys()) {
        if ((module.isEmpty() || name == module) && !names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end());

    Comparer comparer(a, b, progress);
    for (const QString &name : std::as_const(names)) {
        if (idsA.contains(name))
            comparer.addWork(a, idsA[name]);
        if (idsB.contains(name))
            comparer.addWork(b, idsB[name]);
    }

    RecordingComparison result;
    for (const QString &name : std::as_const(names)) {
        Side sides[2];
        if ((idsA.contains(name) && !comparer.count(0, idsA[name], &sides[0])) ||
            (idsB.contains(name) && !comparer.count(1, idsB[name], &sides[1])))
            return result;
        ModuleComparison moduleComparison;
        moduleComparison.module = name;
        moduleComparison.a = sides[0].totals;
        moduleComparison.b = sides[1].totals;
        QStringList keys = sides[0].order;
        for (const QString &key : std::as_const(sides[1].order)) {
            if (!sides[0].sites.contains(key))
                keys.append(key);
        }
        for (const QString &key : std::as_const(keys)) {
            CallSiteComparison site;
            const auto inA = sides[0].sites.constFind(key);
            const auto inB = sides[1].sites.constFind(key);
            site.inA = inA != sides[0].sites.constEnd();
            site.inB = inB != sides[1].sites.constEnd();
            const SiteCount &named = site.inA ? *inA : *inB;
            site.callSite = named.label;
            site.putOnly = named.putOnly;
            site.owner = classifyCallSite(named.label, name);
            site.outstandingA = site.inA ? inA->outstanding : 0;
            site.outstandingB = site.inB ? inB->outstanding : 0;
            moduleComparison.callSites.append(site);
        }
        std::stable_sort(moduleComparison.callSites.begin(), moduleComparison.callSites.end(),
                         [](const CallSiteComparison &x, const CallSiteComparison &y) {
                             const qint64 dx = qAbs(x.difference()), dy = qAbs(y.difference());
                             if (dx != dy)
                                 return dx > dy;
                             const qint64 ox = std::max(x.outstandingA, x.outstandingB);
                             const qint64 oy = std::max(y.outstandingA, y.outstandingB);
                             if (ox != oy)
                                 return ox > oy;
                             return x.callSite < y.callSite;
                         });
        result.modules.append(moduleComparison);
    }
    if (progress)
        progress(1000);
    return result;
}

std::optional<RecordingComparison> compareRecordingFiles(const QString &pathA, const QString &pathB,
                                                         QString *error, const QString &module,
                                                         const CompareProgress &progress,
                                                         QString *failedPath)
{
    // Opening takes the first fifth of the way for each file, counting the rest.
    const auto part = [&progress](int from, int share) -> LoadProgress {
        if (!progress)
            return {};
        return [&progress, from, share](int permille) {
            return progress(from + permille * share / 1000);
        };
    };
    const std::shared_ptr<EventStore> a = openRecording(pathA, error, part(0, 200));
    if (!a) {
        if (failedPath)
            *failedPath = pathA;
        return std::nullopt;
    }
    const std::shared_ptr<EventStore> b = openRecording(pathB, error, part(200, 200));
    if (!b) {
        if (failedPath)
            *failedPath = pathB;
        return std::nullopt;
    }
    bool stopped = false;
    RecordingComparison comparison = compareRecordings(*a, *b, module, [&](int permille) {
        if (progress && !progress(400 + permille * 600 / 1000))
            stopped = true;
        return !stopped;
    });
    if (stopped) {
        *error = QStringLiteral("stopped");
        return std::nullopt;
    }
    return comparison;
}

QJsonObject recordingComparisonJson(const RecordingComparison &comparison)
{
    QJsonArray modules;
    for (const ModuleComparison &module : comparison.modules) {
        QJsonArray sites;
        for (const CallSiteComparison &site : module.callSites) {
            sites.append(QJsonObject{
                {QStringLiteral("call_site"), site.callSite},
                {QStringLiteral("put_only"), site.putOnly},
                {QStringLiteral("owner"), callSiteOwnerName(site.owner.owner)},
                {QStringLiteral("holder_kind"), site.owner.holderKind},
                {QStringLiteral("in_a"), site.inA},
                {QStringLiteral("in_b"), site.inB},
                {QStringLiteral("outstanding_a"), site.outstandingA},
                {QStringLiteral("outstanding_b"), site.outstandingB},
                {QStringLiteral("difference"), site.difference()},
            });
        }
        modules.append(QJsonObject{
            {QStringLiteral("module"), module.module},
            {QStringLiteral("a"), totalsJson(module.a)},
            {QStringLiteral("b"), totalsJson(module.b)},
            {QStringLiteral("differs"), module.differs()},
            {QStringLiteral("call_sites"), sites},
        });
    }
    return QJsonObject{{QStringLiteral("modules"), modules}};
}

QString recordingComparisonTable(const RecordingComparison &comparison)
{
    if (comparison.modules.isEmpty())
        return QStringLiteral("No module events in either recording.\n");
    QString text;
    for (const ModuleComparison &module : comparison.modules) {
        if (!text.isEmpty())
            text += u'\n';
        text += module.module;
        if (!module.a.present)
            text += QStringLiteral(" (only in B)");
        else if (!module.b.present)
            text += QStringLiteral(" (only in A)");
        text += u'\n';
        const auto number = [](const RecordingModuleTotals &totals, qint64 n) {
            return totals.present ? QString::number(n) : QStringLiteral("-");
        };
        const auto count = [](const RecordingModuleTotals &totals) {
            return totals.present && totals.finalCount ? QString::number(*totals.finalCount)
                                                       : QStringLiteral("-");
        };
        const auto difference = [&module](qint64 a, qint64 b) {
            return module.a.present && module.b.present ? signedNumber(b - a) : QString();
        };
        QList<QStringList> totals{
            {QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("difference")},
            {QStringLiteral("gets"), number(module.a, module.a.gets),
             number(module.b, module.b.gets), difference(module.a.gets, module.b.gets)},
            {QStringLiteral("puts"), number(module.a, module.a.puts),
             number(module.b, module.b.puts), difference(module.a.puts, module.b.puts)},
            {QStringLiteral("outstanding"), number(module.a, module.a.outstanding()),
             number(module.b, module.b.outstanding()),
             difference(module.a.outstanding(), module.b.outstanding())},
            {QStringLiteral("final count"), count(module.a), count(module.b),
             module.a.finalCount && module.b.finalCount
                 ? signedNumber(*module.b.finalCount - *module.a.finalCount)
                 : QString()},
        };
        text += alignedRows(totals, {false, true, true, true}, QStringLiteral("  "));
        if (module.callSites.isEmpty())
            continue;
        QList<QStringList> rows{{QStringLiteral("call site"), QStringLiteral("kind"),
                                 QStringLiteral("A"), QStringLiteral("B"),
                                 QStringLiteral("difference")}};
        for (const CallSiteComparison &site : module.callSites) {
            rows.append(
                {site.putOnly ? QStringLiteral("%1 (put only)").arg(site.callSite) : site.callSite,
                 site.putOnly ? QStringLiteral("put of a reference taken before the recording")
                              : callSiteOwnerText(site.owner),
                 site.inA ? QString::number(site.outstandingA) : QStringLiteral("-"),
                 site.inB ? QString::number(site.outstandingB) : QStringLiteral("-"),
                 signedNumber(site.difference())});
        }
        text += u'\n' + alignedRows(rows, {false, false, true, true, true}, QStringLiteral("  "));
    }
    return text;
}

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
#include "guard/guardverdict.h"

#include "release/dropgate.h"

#include <QJsonArray>

#include <algorithm>

namespace refscope {

QString guardReasonName(GuardReason reason)
{
    switch (reason) {
    case GuardReason::Named:
        return QStringLiteral("named");
    case GuardReason::CountChanged:
        return QStringLiteral("count_changed");
    case GuardReason::Events:
        return QStringLiteral("events");
    }
    return {};
}

bool GuardVerdict::balanced() const
{
    return std::all_of(modules.begin(), modules.end(),
                       [](const GuardModule &m) { return m.balanced(); });
}

QStringList GuardVerdict::differing() const
{
    QStringList names;
    for (const GuardModule &m : modules)
        if (!m.balanced())
            names << m.name;
    return names;
}

QMap<QString, int> moduleCounts(const Snapshot &snapshot)
{
    QMap<QString, int> counts;
    for (const ModuleInfo &m : snapshot.modules)
        counts.insert(m.name, m.refcount);
    return counts;
}

namespace {

bool hasLoad(const EventStore &events, int id)
{
    if (id < 0)
        return false;
    for (const std::uint32_t index : events.eventsOf(id))
        if (events.kind(index) == ModuleEventKind::Load)
            return true;
    return false;
}

// The outstanding gets as the drop gate sees them (since the module's last
// load), grouped and classified by the same code, with who took them.
QList<GuardSite> outstandingSites(const EventStore &events, const QString &module)
{
    const LeakEvidence evidence = leakEvidence(events, module, {});
    QList<GuardSite> sites;
    for (const EvidenceSite &e : classifyEvidence(evidence, module, {})) {
        GuardSite site{e.callSite, e.site, e.outstanding, {}};
        for (const OutstandingGet &get : evidence.gets) {
            if (get.callSite != e.callSite)
                continue;
            auto task = std::find_if(site.tasks.begin(), site.tasks.end(), [&](const GuardTask &t) {
                return t.pid == get.pid && t.comm == get.comm;
            });
            if (task == site.tasks.end())
                site.tasks.append({get.pid, get.comm, 1});
            else
                ++task->gets;
        }
        sites.append(site);
    }
    return sites;
}

} // namespace

GuardVerdict guardVerdict(const QMap<QString, int> &before, const QMap<QString, int> &after,
                          const EventStore &events, const QStringList &named)
{
    GuardVerdict verdict;
    verdict.named = !named.isEmpty();
    verdict.lostEvents = events.lostEventCount();

    QList<QPair<QString, GuardReason>> chosen;
    if (verdict.named) {
        for (const QString &name : named)
            if (std::none_of(chosen.begin(), chosen.end(),
                             [&](const auto &c) { return c.first == name; }))
                chosen.append({name, GuardReason::Named});
    } else {
        QMap<QString, GuardReason> found;
        for (auto it = after.begin(); it != after.end(); ++it)
            if (before.value(it.key(), kNotLoaded) != it.value())
                found.insert(it.key(), GuardReason::CountChanged);
        for (auto it = before.begin(); it != before.end(); ++it)
            if (!after.contains(it.key()))
                found.insert(it.key(), GuardReason::CountChanged);
        for (int id = 0; id < events.moduleCount(); ++id)
            if (!events.eventsOf(id).empty() && !found.contains(events.moduleName(id)))
                found.insert(events.moduleName(id), GuardReason::Events);
        for (auto it = found.begin(); it != found.end(); ++it)
            chosen.append({it.key(), it.value()});
    }

    for (const auto &[name, reason] : chosen) {
        GuardModule m;
        m.name = name;
        m.reason = reason;
        m.before = before.value(name, kNotLoaded);
        m.after = after.value(name, kNotLoaded);
        m.loadedDuringRun = hasLoad(events, events.findModule(name)) || m.before == kNotLoaded;
        m.unloadedDuringRun = m.before != kNotLoaded && m.after == kNotLoaded;
        if (m.after != kNotLoaded)
            m.expected = m.loadedDuringRun ? 0 : m.before;
        if (!m.balanced())
            m.sites = outstandingSites(events, name);
        verdict.modules.append(m);
    }
    return verdict;
}

namespace {

QJsonValue countJson(int count)
{
    return count == kNotLoaded ? QJsonValue(QJsonValue::Null) : QJsonValue(count);
}

QString countText(int count)
{
    return count == kNotLoaded ? QStringLiteral("not loaded") : QString::number(count);
}

} // namespace

QJsonObject guardVerdictToJson(const GuardVerdict &verdict)
{
    QJsonArray modules;
    for (const GuardModule &m : verdict.modules) {
        QJsonArray sites;
        for (const GuardSite &s : m.sites) {
            QJsonArray tasks;
            for (const GuardTask &t : s.tasks)
                tasks.append(QJsonObject{{QStringLiteral("pid"), t.pid},
                                         {QStringLiteral("comm"), t.comm},
                                         {QStringLiteral("gets"), t.gets}});
            sites.append(QJsonObject{
                {QStringLiteral("call_site"), s.callSite},
                {QStringLiteral("outstanding"), s.outstanding},
                {QStringLiteral("owner"), callSiteOwnerName(s.site.owner)},
                {QStringLiteral("holder_kind"), s.site.holderKind.isEmpty()
                                                    ? QJsonValue(QJsonValue::Null)
                                                    : QJsonValue(s.site.holderKind)},
                {QStringLiteral("kind_text"), callSiteOwnerText(s.site)},
                {QStringLiteral("tasks"), tasks},
            });
        }
        modules.append(QJsonObject{
            {QStringLiteral("name"), m.name},
            {QStringLiteral("reason"), guardReasonName(m.reason)},
            {QStringLiteral("before"), countJson(m.before)},
            {QStringLiteral("after"), countJson(m.after)},
            {QStringLiteral("expected"), countJson(m.expected)},
            {QStringLiteral("loaded_during_run"), m.loadedDuringRun},
            {QStringLiteral("unloaded_during_run"), m.unloadedDuringRun},
            {QStringLiteral("balanced"), m.balanced()},
            {QStringLiteral("outstanding"), sites},
        });
    }
    return {
        {QStringLiteral("modules_from"),
         verdict.named ? QStringLiteral("named") : QStringLiteral("changes")},
        {QStringLiteral("modules"), modules},
        {QStringLiteral("lost_events"), verdict.lostEvents},
        {QStringLiteral("balanced"), verdict.balanced()},
    };
}

QString guardVerdictText(const GuardVerdict &verdict)
{
    QString text;
    if (verdict.modules.isEmpty())
        return verdict.named ? QString()
                             : QStringLiteral("No module's count changed and no module had "
                                              "events during the run.\n");
    text += verdict.named ? QStringLiteral("Modules named:\n")
                          : QStringLiteral("Modules whose count changed or that had events during "
                                           "the run:\n");
    for (const GuardModule &m : verdict.modules) {
        QStringList notes;
        if (m.loadedDuringRun && m.after != kNotLoaded)
            notes << QStringLiteral("loaded during the run: must come back to 0");
        if (m.unloadedDuringRun)
            notes << QStringLiteral("unloaded during the run");
        text +=
            QStringLiteral("  %1: %2 -> %3%4  %5\n")
                .arg(m.name, countText(m.before), countText(m.after),
                     notes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notes.join(u"; ")),
                     m.balanced() ? QStringLiteral("ok")
                                  : QStringLiteral("DIFFERS by %1").arg(m.after - m.expected));
        if (m.balanced())
            continue;
        if (m.sites.isEmpty())
            text += QStringLiteral("    no recorded get of it is left outstanding: RefScope did "
                                   "not see what changed its count (before the recording, or "
                                   "among lost events)\n");
        for (const GuardSite &s : m.sites) {
            QStringList tasks;
            for (const GuardTask &t : s.tasks)
                tasks
                    << (t.gets == s.outstanding
                            ? QStringLiteral("%1 (pid %2)").arg(t.comm).arg(t.pid)
                            : QStringLiteral("%1 (pid %2) %3").arg(t.comm).arg(t.pid).arg(t.gets));
            text +=
                QStringLiteral("    %1 never put back at %2 (%3), taken by %4\n")
                    .arg(s.outstanding == 1 ? QStringLiteral("1 get")
                                            : QStringLiteral("%1 gets").arg(s.outstanding),
                         s.callSite, callSiteOwnerText(s.site), tasks.join(QStringLiteral(", ")));
        }
    }
    if (verdict.lostEvents > 0)
        text += QStringLiteral("The recording lost %1 events: call sites may be missing.\n")
                    .arg(verdict.lostEvents);
    return text;
}

} // namespace refscope

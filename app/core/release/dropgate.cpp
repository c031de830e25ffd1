// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/dropgate.h"

#include "events/eventstore.h"
#include "inventory/moduleinfo.h"
#include "recording/recording.h"

#include <QFileInfo>

namespace refscope {

// The module loaded now is the one of its last load in the recording:
// gets of an earlier instance went with it. Where that instance begins.
static qint64 lastLoadNs(const EventStore &store, int moduleId)
{
    qint64 from = store.timestampNs(0);
    for (const std::uint32_t index : store.eventsOf(moduleId)) {
        if (store.kind(index) == ModuleEventKind::Load)
            from = store.timestampNs(index);
    }
    return from;
}

LeakEvidence leakEvidence(const EventStore &store, const QString &module,
                          const QString &recordingName)
{
    LeakEvidence evidence;
    evidence.recording = recordingName;
    evidence.lostEvents = store.lostEventCount();
    if (store.kernelCounts())
        evidence.kernelSites = store.kernelCounts()->of(normalizeModuleName(module));
    evidence.lostNote = lostEventsNote(store);
    const int id = store.findModule(normalizeModuleName(module));
    if (id < 0 || store.size() == 0)
        return evidence;
    const std::span<const std::uint32_t> events = store.eventsOf(id);
    if (events.empty())
        return evidence;
    evidence.moduleRecorded = true;
    for (const std::uint32_t index : events) {
        if (store.refcount(index) >= 0)
            evidence.recordedCount = store.refcount(index);
    }
    if (store.kind(events.back()) == ModuleEventKind::Free)
        evidence.recordedCount = -1; // it was unloaded before the recording ended
    const qint64 to = store.timestampNs(store.size() - 1) + 1;
    evidence.gets = computeOutstandingRefs(store, id, lastLoadNs(store, id), to).unreleased;
    return evidence;
}

QList<OutstandingGet> getsOfLastLoad(const EventStore &store, int moduleId,
                                     const QList<OutstandingGet> &unreleased)
{
    if (moduleId < 0 || store.size() == 0)
        return {};
    const qint64 from = lastLoadNs(store, moduleId);
    QList<OutstandingGet> gets;
    for (const OutstandingGet &get : unreleased) {
        if (get.timestampNs >= from)
            gets << get;
    }
    return gets;
}

bool leakEvidenceFromFile(const QString &path, const QString &module, LeakEvidence *evidence,
                          QString *error)
{
    const std::shared_ptr<EventStore> store = openRecording(path, error);
    if (!store)
        return false;
    *evidence = leakEvidence(*store, module, QFileInfo(path).fileName());
    return true;
}

QList<EvidenceSite> classifyEvidence(const LeakEvidence &evidence, const QString &module,
                                     const QList<Holder> &holders)
{
    QList<EvidenceSite> sites;
    for (const OutstandingGet &get : evidence.gets) {
        auto it = std::find_if(sites.begin(), sites.end(),
                               [&](const EvidenceSite &s) { return s.callSite == get.callSite; });
        if (it == sites.end()) {
            sites.append({get.callSite, classifyCallSite(get.callSite, module), 0, 0});
            it = sites.end() - 1;
        }
        it->outstanding++;
        if (heldByOpenFile(get, it->site, holders))
            it->openFile++;
    }
    std::stable_sort(sites.begin(), sites.end(), [](const EvidenceSite &a, const EvidenceSite &b) {
        return a.outstanding > b.outstanding;
    });
    return sites;
}

QString recordCommandHint(const QString &module)
{
    return QStringLiteral("refscope-cli record -o FILE --modules %1 -- COMMAND").arg(module);
}

namespace {

DropDecision refuse(StepCode code, QStringList args)
{
    DropDecision d;
    d.refusal = code;
    d.args = std::move(args);
    return d;
}

} // namespace

DropDecision decideDrop(const HolderReport &report, const std::optional<LeakEvidence> &evidence)
{
    const QString &module = report.module;
    if (report.unattributed <= 0)
        return refuse(StepCode::NothingToDrop, {});
    // Checked before the recording: with a kind unchecked, no recording can
    // tell that kind's holder from a leak RefScope could not see either.
    if (!report.uncheckedKinds.isEmpty())
        return refuse(StepCode::KindsUnchecked,
                      {QString::number(report.unattributed), report.uncheckedKinds.join(u", ")});
    if (!evidence)
        return refuse(StepCode::NoRecording, {module, recordCommandHint(module)});
    if (!evidence->moduleRecorded)
        return refuse(StepCode::RecordingLacksModule, {evidence->recording, module});
    if (evidence->lostEvents > 0)
        return refuse(StepCode::RecordingLostEvents,
                      {evidence->recording, QString::number(evidence->lostEvents)});
    // The recording must end with the count there is now, else what it saw
    // is not what is held now (a put or a get since, or another load).
    if (evidence->recordedCount != report.refcount)
        return refuse(StepCode::RecordingStale,
                      {evidence->recording,
                       evidence->recordedCount < 0 ? QStringLiteral("unloaded")
                                                   : QString::number(evidence->recordedCount),
                       QString::number(report.refcount)});
    int proven = 0;
    QStringList owners;
    for (const EvidenceSite &site : classifyEvidence(*evidence, module, report.holders)) {
        proven += site.leaked();
        const int kept = site.outstanding - site.leaked();
        if (kept <= 0)
            continue;
        const QString owner = site.site.owner == CallSiteOwner::Subsystem ? site.site.holderKind
                              : site.site.owner == CallSiteOwner::Self
                                  ? QStringLiteral("an open file")
                                  : QStringLiteral("unknown");
        owners << QStringLiteral("%1 at %2 (%3)").arg(kept).arg(site.callSite, owner);
    }
    if (proven < report.unattributed) {
        DropDecision d = refuse(StepCode::NotProvenLeaked,
                                {QString::number(report.unattributed), QString::number(proven),
                                 owners.isEmpty() ? QStringLiteral("none in the recording")
                                                  : owners.join(QStringLiteral("; "))});
        d.proven = proven;
        return d;
    }
    DropDecision d;
    d.allowed = true;
    d.proven = proven;
    d.drop = report.unattributed;
    return d;
}

} // namespace refscope

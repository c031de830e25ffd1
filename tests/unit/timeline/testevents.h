// SPDX-License-Identifier: GPL-3.0-or-later
// A small store for the model tests: two tasks taking and dropping
// references to two modules, with the details a trace file would give
// back (pid, comm, call site).
#pragma once

#include "events/eventstore.h"

#include <QHash>

#include <memory>

namespace refscope::timelinetest {

class ListedDetails : public EventDetailsSource {
public:
    EventDetails details(std::size_t index) const override { return m_details.value(index); }
    QHash<std::size_t, EventDetails> m_details;
};

struct Step {
    ModuleEventKind kind;
    const char *module;
    int count;
    int pid;
    const char *comm;
    const char *callSite;
};

inline std::shared_ptr<EventStore> storeOf(const QList<Step> &steps)
{
    auto store = std::make_shared<EventStore>();
    auto details = std::make_unique<ListedDetails>();
    qint64 t = 5'000'000'000;
    for (const Step &step : steps) {
        t += 1000;
        const std::size_t index = store->append(
            {t, step.pid % 2, step.kind, QString::fromLatin1(step.module), step.count});
        EventDetails d;
        d.pid = step.pid;
        d.comm = QString::fromLatin1(step.comm);
        d.callSiteName = QString::fromLatin1(step.callSite);
        d.callSite = qHash(d.callSiteName);
        d.stack = {d.callSiteName + QStringLiteral(" (ffffffff81000000)")};
        details->m_details.insert(index, d);
    }
    store->setDetailsSource(std::move(details));
    return store;
}

// loop: python (pid 10) opens and closes twice; tun: pid 20 opens (two
// references), pid 10 takes one that is never put back.
inline QList<Step> twoTasks()
{
    using K = ModuleEventKind;
    return {
        {K::Get, "loop", 1, 10, "python3", "misc_open"},
        {K::Put, "loop", 0, 10, "python3", "__fput"},
        {K::Get, "tun", 1, 20, "openvpn", "misc_open"},
        {K::Get, "tun", 2, 20, "openvpn", "sk_prot_alloc"},
        {K::Get, "loop", 1, 10, "python3", "misc_open"},
        {K::Get, "tun", 3, 10, "python3", "leaky_get"},
        {K::Put, "tun", 2, 20, "openvpn", "tun_chr_close"},
        {K::Put, "loop", 0, 10, "python3", "__fput"},
        {K::Put, "tun", 1, 20, "openvpn", "__fput"},
    };
}

} // namespace refscope::timelinetest

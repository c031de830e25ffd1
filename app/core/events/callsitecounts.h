// SPDX-License-Identifier: GPL-3.0-or-later
// Gets and puts per module and call site as the kernel itself counted them
// during a capture (hist triggers on module_get and module_put in the
// capture's tracefs instance): exact even when the ring buffer lost events,
// since the kernel counts every event whether or not the buffer has room.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace refscope {

struct CallSiteCount {
    QString module;
    QString callSite;    // "symbol+0xoff [module]" as events' call sites, else "0x..."
    quint64 address = 0; // 0 unless the capture handed out addresses
    qint64 gets = 0;     // module_get at this call site
    qint64 puts = 0;     // module_put at this call site
    bool operator==(const CallSiteCount &o) const = default;
};

struct KernelCallSiteCounts {
    QList<CallSiteCount> sites;
    // Call sites the kernel's table had no room for (its "Dropped:"): when
    // not 0 the counts are not complete.
    qint64 droppedEntries = 0;

    bool complete() const { return droppedEntries == 0; }
    QList<CallSiteCount> of(const QString &module) const;
    qint64 gets(const QString &module) const;
    qint64 puts(const QString &module) const;
    bool operator==(const KernelCallSiteCounts &o) const = default;
};

// {"sites": [{"module", "sym", "gets", "puts"[, "ip"]}], "dropped": N}: the
// trace.stop reply's "call_sites" and the session file's section. "ip" (a hex
// string) only when the address is known.
QJsonObject callSiteCountsToJson(const KernelCallSiteCounts &counts);
// False, with *error naming the field, on anything malformed.
bool callSiteCountsFromJson(const QJsonObject &json, KernelCallSiteCounts *counts, QString *error);

} // namespace refscope

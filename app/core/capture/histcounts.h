// SPDX-License-Identifier: GPL-3.0-or-later
// The text of a tracefs hist file for RefScope's hist triggers on
// module_get and module_put (keys=name,ip.sym-offset, vals=hitcount): one
// line per (module, call site) with its hit count, then the totals, among
// them how many entries the kernel's table had no room for ("Dropped:").
#pragma once

#include "events/callsitecounts.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace refscope {

struct HistEntry {
    QString module;
    quint64 address = 0;
    // The kernel's own name of the address ("misc_open+0x70/0x180"), with
    // " [module]" for module code; empty when the key was a raw number.
    QString kernelSymbol;
    qint64 hits = 0;
    bool operator==(const HistEntry &o) const = default;
};

struct HistTable {
    QList<HistEntry> entries;
    qint64 hits = 0;    // Totals: Hits
    qint64 dropped = 0; // Totals: Dropped (entries not counted)
};

// False, with *error saying which line is wrong, when the text is not such a
// hist file (cut short, another trigger's keys, garbage): never a partial
// table.
bool parseHistText(const QByteArray &text, HistTable *table, QString *error);

// "misc_open+0x70/0x180 [loop]" -> "misc_open+0x70 [loop]": the form live
// capture gives call sites.
QString callSiteFromKernelSymbol(const QString &kernelSymbol);

// Per call site gets (from module_get's table) and puts (module_put's).
// name(address) gives the capture's name of a call site ("" when it has
// none: the kernel's own name is used then). Without addresses, they are
// left out (0).
KernelCallSiteCounts combineHistTables(const HistTable &gets, const HistTable &puts,
                                       const std::function<QString(quint64)> &name, bool addresses);

} // namespace refscope

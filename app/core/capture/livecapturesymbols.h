// SPDX-License-Identifier: GPL-3.0-or-later
// Names for the kernel addresses live capture sees (call sites, stack
// frames) and for the pids it sees, read from /proc as root. A trace.dat
// carries its own tables; a live ring buffer does not.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace refscope {

class KernelSymbols {
public:
    // "symbol+0xoff" (with " [module]" for module code), or "" when no
    // symbol covers the address. Rereads /proc/kallsyms at most once a
    // second when an address is unknown (a module loaded since).
    QString name(quint64 address);
    // Replaces the table with /proc/kallsyms's text ("ADDRESS TYPE NAME"
    // and a tab before "[module]" per line; zero addresses, as a user sees
    // them, are left out). Not read ahead of the first address: a module
    // loaded after the table was read has no symbols in it, and its
    // addresses would take the name of the module text before them.
    void load(const QByteArray &kallsyms);

private:
    // Every name in one buffer: a kernel has over 100,000 symbols, and a
    // string each made reading them the slow part.
    struct Symbol {
        quint64 address;
        quint32 nameAt;     // into m_names: "name" or "name [module]"
        quint32 nameLength; // up to the module, which follows after a space
        quint32 moduleLength;
    };
    void reload();
    QString lookup(quint64 address) const;

    std::vector<Symbol> m_symbols; // sorted by address
    QByteArray m_names;
    QHash<quint64, QString> m_cache;
    qint64 m_loadedAtMs = -1;
};

// comm of a pid: the kernel's saved_cmdlines (what trace-cmd shows), else
// /proc/PID/comm, else "<...>" as trace-cmd prints it. saved_cmdlines is
// read once per batch at most, and only for a pid not seen yet: a flood
// comes from a few pids.
class TaskNames {
public:
    QString comm(int pid);
    // A new batch may read saved_cmdlines again for a pid it does not know.
    void nextBatch() { m_loaded = false; }
    // Forget every pid: they are reused, and comms change.
    void clear()
    {
        m_comms.clear();
        m_loaded = false;
    }

private:
    QHash<int, QString> m_comms;
    bool m_loaded = false;
};

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// Names for the kernel addresses live capture sees (call sites, stack
// frames) and for the pids it sees, read from /proc as root. A trace.dat
// carries its own tables; a live ring buffer does not.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace refscope {

class KernelSymbols {
public:
    // "symbol+0xoff" (with " [module]" for module code), or "" when no
    // symbol covers the address. Rereads /proc/kallsyms at most once a
    // second when an address is unknown (a module loaded since).
    QString name(quint64 address);

private:
    struct Symbol {
        quint64 address;
        QString name;
    };
    void reload();
    QString lookup(quint64 address) const;

    QList<Symbol> m_symbols; // sorted by address
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

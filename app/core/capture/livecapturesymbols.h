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
    // The kernel renamed pid (exec, prctl): its name from now on.
    void renamed(int pid, const QString &comm) { m_comms.insert(pid, comm); }
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

// A task's rename as the capture decoded it (task:task_rename, which exec
// writes with the new program's name).
struct TaskRename {
    qint64 timestampNs = 0;
    int pid = 0;
    QString oldComm;
    QString newComm;
};

// Names each event's task as it was when the event happened. saved_cmdlines
// and /proc name a task as it is when they are read: a shell that opens a
// file and then execs the program ("exec sleep 600 < FILE") would be named
// after the program for its own open. The renames read so far, including
// those after the events being named (read, not handed over yet), tell the
// name a task had before each.
class TaskRenames {
public:
    void add(std::vector<TaskRename> *renames); // takes them, in any order
    // Puts what was added in time order; then applyBefore() and
    // nameBefore() go forward in time, and endBatch() forgets what was
    // applied.
    void beginBatch();
    // Hands every rename before ts to names; true when there was one.
    bool applyBefore(qint64 ts, TaskNames *names);
    // The name pid had before its next rename not applied yet, or null
    // when none is known (its name now is its name then).
    const QString *nameBeforeNext(int pid) const;
    void endBatch();
    bool isEmpty() const { return m_renames.empty(); }

private:
    std::vector<TaskRename> m_renames;     // by time from beginBatch() on
    std::vector<std::size_t> m_nextOfTask; // the task's next rename, or size()
    QHash<int, std::size_t> m_nextOf;      // pid -> its first not applied
    std::size_t m_applied = 0;
};

} // namespace refscope

#include "holderscan.h"

#include "moduleowners.h"
#include "mountholders.h"

#include <QFile>

#include <dirent.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <thread>
#include <unistd.h>

namespace refscope {

namespace {

constexpr unsigned kPfKthread = 0x00200000; // PF_KTHREAD in /proc/<pid>/stat's flags

// An fd or mapping that could pin a module: a device file, a socket, an
// anonymous inode. Plain files, directories and pipes never do (a file's
// filesystem module is pinned by its superblock, which the mounts cover).
struct Candidate {
    int fd = -1; // -1: only mmapped
    QByteArray target;
    mode_t mode = 0;
    dev_t rdev = 0;
    quint64 dev = 0; // (dev, ino): one open file always has one inode
    quint64 ino = 0;
    QByteArray protocol; // sockets: /proc/net/protocols' name
};

struct Process {
    int pid = -1;
    QString comm;
    bool kthread = false;
    QByteArray mountNamespace;
    QList<Candidate> candidates;
};

// What the worker threads gather: raw facts only, no owner lookups (those
// use libkmod and caches, so they run afterwards on one thread).
struct RawScan {
    QList<Process> processes;
    bool allReadable = true;
    int openFiles = 0;
};

class UniqueFd {
public:
    explicit UniqueFd(int fd) : m_fd(fd) {}
    ~UniqueFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }

private:
    int m_fd;
};

QByteArray readAt(int dirFd, const char *name)
{
    const UniqueFd fd(::openat(dirFd, name, O_RDONLY | O_CLOEXEC));
    QByteArray data;
    if (!fd.valid())
        return data;
    char buffer[16384];
    ssize_t n;
    while ((n = ::read(fd.get(), buffer, sizeof buffer)) > 0)
        data.append(buffer, n);
    return data;
}

// "pid (comm) S ppid ...": comm may hold spaces and ')', so parse from the last ')'.
bool parseStat(const QByteArray &stat, Process &process)
{
    const int open = stat.indexOf('(');
    const int close = stat.lastIndexOf(')');
    if (open < 0 || close < open)
        return false;
    process.comm = QString::fromUtf8(stat.mid(open + 1, close - open - 1));
    // After ") ": state ppid pgrp session tty_nr tpgid flags: flags is the 7th.
    const QList<QByteArray> rest = stat.mid(close + 2).split(' ');
    process.kthread = rest.size() > 6 && (rest.at(6).toULong() & kPfKthread);
    return true;
}

// Reads one process. Cheap on purpose (one readlink per fd, a stat only for
// what might be a device): this runs for every fd on the system.
void readProcess(int pid, bool sockets, RawScan &raw)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d", pid);
    const UniqueFd procFd(::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    Process process;
    process.pid = pid;
    if (!procFd.valid() || !parseStat(readAt(procFd.get(), "stat"), process))
        return; // exited
    char link[4096];
    ssize_t n = ::readlinkat(procFd.get(), "ns/mnt", link, sizeof link);
    if (n > 0)
        process.mountNamespace = QByteArray(link, n);
    const int dirFd = ::openat(procFd.get(), "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0 && errno == EACCES)
        raw.allReadable = false;
    DIR *dir = dirFd >= 0 ? ::fdopendir(dirFd) : nullptr;
    if (dirFd >= 0 && !dir)
        ::close(dirFd);
    QSet<QPair<quint64, quint64>> opened;
    while (dir) {
        const dirent *entry = ::readdir(dir);
        if (!entry)
            break;
        if (entry->d_name[0] == '.' ||
            (n = ::readlinkat(dirFd, entry->d_name, link, sizeof link)) <= 0)
            continue; // closed meanwhile
        ++raw.openFiles;
        Candidate c;
        c.fd = std::atoi(entry->d_name);
        c.target = QByteArray(link, n);
        const bool socket = c.target.startsWith("socket:");
        if (c.target.startsWith("anon_inode:")) {
            process.candidates.append(c);
            continue;
        }
        if (!(socket && sockets) && !c.target.startsWith("/dev/"))
            continue;
        struct stat st;
        if (::fstatat(dirFd, entry->d_name, &st, 0) != 0)
            continue;
        c.mode = st.st_mode;
        c.rdev = st.st_rdev;
        c.dev = st.st_dev;
        c.ino = st.st_ino;
        if (socket) {
            char proc[320], protocol[64];
            std::snprintf(proc, sizeof proc, "/proc/%d/fd/%s", pid, entry->d_name);
            const ssize_t len = ::getxattr(proc, "system.sockprotoname", protocol, sizeof protocol);
            if (len <= 0)
                continue;
            c.protocol = QByteArray(protocol, len).chopped(protocol[len - 1] == '\0' ? 1 : 0);
        } else if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)) {
            continue;
        }
        opened.insert({c.dev, c.ino});
        process.candidates.append(c);
    }
    if (dir)
        ::closedir(dir);
    // A device mmapped after its fd was closed still holds its open file.
    if (!process.kthread) {
        for (const QByteArray &line : readAt(procFd.get(), "maps").split('\n')) {
            const int at = line.indexOf(" /dev/");
            struct stat st;
            if (at < 0 || ::stat(line.mid(at + 1).trimmed().constData(), &st) != 0 ||
                opened.contains({st.st_dev, st.st_ino}) ||
                (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)))
                continue;
            opened.insert({st.st_dev, st.st_ino});
            process.candidates.append({-1,
                                       line.mid(at + 1).trimmed() + " (mmapped)",
                                       st.st_mode,
                                       st.st_rdev,
                                       st.st_dev,
                                       st.st_ino,
                                       {}});
        }
    }
    raw.processes.append(process);
}

// Inode -> protocol of every netlink socket, from /proc/net/netlink.
QHash<quint64, int> readNetlinkProtocols()
{
    QHash<quint64, int> protocols;
    QFile file(QStringLiteral("/proc/net/netlink"));
    if (!file.open(QIODevice::ReadOnly))
        return protocols;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines.mid(1)) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 10)
            protocols.insert(f.at(9).toULongLong(), f.at(1).toInt());
    }
    return protocols;
}

// One holder under construction, with an fd kcmp can compare new ones with.
struct Group {
    Holder holder;
    quint64 dev = 0;
    quint64 ino = 0;
    int fd = -1;
};

class Attributor {
public:
    Attributor(ModuleOwners &owners, QHash<quint64, int> netlink)
        : m_owners(owners), m_netlink(std::move(netlink))
    {
    }

    void add(const Process &process, const Candidate &c);
    QHash<QString, QList<Holder>> holders() const;

private:
    Attribution owner(const Candidate &c, QString *path);
    bool sameOpenFile(const Group &group, int pid, const Candidate &c) const;

    ModuleOwners &m_owners;
    QHash<quint64, int> m_netlink;
    QHash<QString, QList<Group>> m_groups;
};

Attribution Attributor::owner(const Candidate &c, QString *path)
{
    *path = QString::fromUtf8(c.target);
    if (c.target.startsWith("anon_inode:"))
        return m_owners.anonInode(path->mid(11));
    if (S_ISCHR(c.mode))
        return m_owners.charDevice(c.rdev);
    if (S_ISBLK(c.mode))
        return m_owners.blockDevice(c.rdev);
    const QString protocol = QString::fromLatin1(c.protocol);
    if (protocol != QLatin1String("NETLINK")) {
        *path = protocol + u' ' + *path;
        return m_owners.socketProtocol(protocol);
    }
    const auto number = m_netlink.constFind(c.ino);
    if (number == m_netlink.constEnd())
        return {};
    *path = QStringLiteral("netlink protocol %1 %2").arg(*number).arg(*path);
    return m_owners.netlinkProtocol(*number);
}

bool Attributor::sameOpenFile(const Group &group, int pid, const Candidate &c) const
{
    if (group.dev != c.dev || group.ino != c.ino)
        return false;
    if (S_ISSOCK(c.mode))
        return true; // a socket inode belongs to exactly one open file
    if (group.fd < 0 || c.fd < 0)
        return group.holder.pid == pid; // a mapping of a device the process also has open
    // Two opens of one device node are two files; fork and dup share one.
    return ::syscall(SYS_kcmp, group.holder.pid, pid, KCMP_FILE, group.fd, c.fd) == 0;
}

void Attributor::add(const Process &process, const Candidate &c)
{
    QString path;
    const Attribution found = owner(c, &path);
    if (!found.found())
        return;
    QList<Group> &groups = m_groups[found.module];
    for (Group &group : groups) {
        if (!sameOpenFile(group, process.pid, c))
            continue;
        Holder &h = group.holder;
        if (h.pid == process.pid && c.fd >= 0 && !h.fds.contains(c.fd))
            h.fds.append(c.fd);
        else if (h.pid != process.pid && !h.sharedWith.contains(process.pid))
            h.sharedWith.append(process.pid);
        return;
    }
    Group group{{}, c.dev, c.ino, c.fd};
    Holder &h = group.holder;
    h.kind = process.kthread ? HolderKind::Kthread
                             : (S_ISSOCK(c.mode) ? HolderKind::Socket : HolderKind::File);
    h.pid = process.pid;
    h.comm = process.comm;
    if (c.fd >= 0)
        h.fds = {c.fd};
    h.path = path;
    h.refs = 1;
    h.source = HolderSource::Inferred;
    h.rule = found.rule;
    groups.append(group);
}

QHash<QString, QList<Holder>> Attributor::holders() const
{
    QHash<QString, QList<Holder>> holders;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        for (const Group &group : it.value())
            holders[it.key()].append(group.holder);
    }
    return holders;
}

QList<int> listPids()
{
    QList<int> pids;
    if (DIR *proc = ::opendir("/proc")) {
        while (const dirent *entry = ::readdir(proc)) {
            char *end = nullptr;
            const long pid = std::strtol(entry->d_name, &end, 10);
            if (pid > 0 && *end == '\0')
                pids.append(int(pid));
        }
        ::closedir(proc);
    }
    std::sort(pids.begin(), pids.end()); // parents first: a fork's holder is the parent
    return pids;
}

// Reads every process on a few threads: the scan is bound by system calls,
// which run in parallel on separate CPUs.
RawScan readProcesses(const QList<int> &pids, bool sockets)
{
    const int workers = int(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    std::vector<RawScan> parts(workers);
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            for (qsizetype i = w; i < pids.size(); i += workers)
                readProcess(pids.at(i), sockets, parts[w]);
        });
    }
    for (std::thread &t : threads)
        t.join();
    RawScan raw;
    for (const RawScan &part : parts) {
        raw.processes += part.processes;
        raw.allReadable = raw.allReadable && part.allReadable;
        raw.openFiles += part.openFiles;
    }
    std::sort(raw.processes.begin(), raw.processes.end(),
              [](const Process &a, const Process &b) { return a.pid < b.pid; });
    return raw;
}

} // namespace

HolderScan scanHolders()
{
    ModuleOwners owners(loadedModuleNames());
    QHash<quint64, int> netlink = readNetlinkProtocols();
    // Sockets cost a stat and an xattr each: read them only when a loaded
    // module owns a socket protocol or a registered netlink protocol.
    bool sockets = owners.ownsSocketProtocols();
    for (auto it = netlink.cbegin(); !sockets && it != netlink.cend(); ++it)
        sockets = owners.netlinkProtocol(it.value()).found();

    const RawScan raw = readProcesses(listPids(), sockets);
    HolderScan scan;
    scan.allProcessesReadable = raw.allReadable;
    scan.processes = int(raw.processes.size());
    scan.openFiles = raw.openFiles;
    Attributor attributor(owners, std::move(netlink));
    QList<int> namespacePids; // one process per mount namespace other than ours
    char self[256];
    const ssize_t selfLength = ::readlink("/proc/self/ns/mnt", self, sizeof self);
    QSet<QByteArray> namespaces{selfLength > 0 ? QByteArray(self, selfLength) : QByteArray()};
    for (const Process &process : raw.processes) {
        if (process.kthread)
            scan.kernelThreads.append({process.pid, process.comm});
        if (!process.mountNamespace.isEmpty() && !namespaces.contains(process.mountNamespace)) {
            namespaces.insert(process.mountNamespace);
            namespacePids.append(process.pid);
        }
        for (const Candidate &c : process.candidates)
            attributor.add(process, c);
    }
    scan.holders = attributor.holders();
    addMountHolders(owners, namespacePids, scan.holders);
    return scan;
}

} // namespace refscope

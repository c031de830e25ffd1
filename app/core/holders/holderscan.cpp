// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holderscan.h"

#include "holders/holdertext.h"
#include "holders/moduleowners.h"
#include "holders/mountholders.h"

#include <QFile>

#include <atomic>
#include <charconv>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <memory>
#include <string_view>
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
    // An io_uring's fd: the names of the files registered with it, from its
    // fdinfo's "UserFiles:" (the kernel prints only each file's dentry
    // name, "tun" for /dev/net/tun, on 6.1 and 6.12 alike).
    QList<QByteArray> ringFiles;
};

struct Process {
    int pid = -1;
    // From /proc/<pid>/stat, read only for what needs them: processes with
    // no memory map (kernel threads have none) and holders, once found.
    bool described = false;
    QString comm;
    bool kthread = false;
    QByteArray mountNamespace;
    QList<Candidate> candidates;
    // For the census (ProcessSocketsWalk), from the same readlinks: every
    // socket fd, and the BPF link and program fds.
    bool fdsReadable = true;
    QList<ProcessSocket> sockets;
    QList<BpfFd> bpf;
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

// /proc/<pid>/stat in one read: a single-record seq file hands over the
// whole record when the buffer holds it, so no second read() is needed to
// see the end.
QByteArray readStat(int pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", pid);
    const UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
    char buffer[4096];
    const ssize_t n = fd.valid() ? ::read(fd.get(), buffer, sizeof buffer) : -1;
    return n > 0 && size_t(n) < sizeof buffer ? QByteArray(buffer, n) : QByteArray();
}

// Fills comm and kthread from "pid (comm) S ppid ...". comm may hold spaces
// and ')', so it is parsed from the last ')'. False once the process is gone.
// Read by pid, possibly after the process's other files: a pid is reused
// only after the kernel has handed out every other one (pid_max).
bool describe(Process &process)
{
    if (process.described)
        return true;
    const QByteArray stat = readStat(process.pid);
    const qsizetype open = stat.indexOf('(');
    const qsizetype close = stat.lastIndexOf(')');
    if (open < 0 || close < open)
        return false;
    process.comm = QString::fromUtf8(stat.constData() + open + 1, close - open - 1);
    // After ") ": state ppid pgrp session tty_nr tpgid flags: flags is the 7th.
    qsizetype field = close + 2;
    for (int skip = 0; skip < 6 && field > 0; ++skip)
        field = stat.indexOf(' ', field) + 1;
    process.kthread =
        field > 0 && (std::strtoul(stat.constData() + field, nullptr, 10) & kPfKthread);
    process.described = true;
    return true;
}

// What one worker thread keeps between the processes it reads.
struct Worker {
    RawScan raw;
    // stat() of device paths opened in our own mount namespace, by path:
    // every process holds /dev/null and the terminals, and one stat per
    // path instead of per fd is a third of the scan's device work. Only for
    // our namespace: a container's /dev is another directory.
    QHash<QByteArray, struct stat> devices;
    alignas(8) char entries[8192]; // getdents64 records
    std::vector<char> maps;        // /proc/<pid>/maps, reused
};

// The open file behind fd `name` of a process: its device node's stat from
// the worker's cache when it may be shared, else fstatat through the link.
bool statOpenFile(int dirFd, const char *name, const QByteArray &target, bool shareable,
                  Worker &worker, struct stat *st)
{
    // A node replaced since it was opened reads "/dev/x (deleted)".
    const bool cacheable = shareable && !target.endsWith(" (deleted)");
    if (cacheable) {
        const auto known = worker.devices.constFind(target);
        if (known != worker.devices.constEnd()) {
            *st = *known;
            return true;
        }
    }
    if (::fstatat(dirFd, name, st, 0) != 0)
        return false;
    if (cacheable)
        worker.devices.insert(target, *st);
    return true;
}

// The device files `procFd`'s process has mapped and no fd of it opened.
// False when it has no memory map at all, or we may not read it.
bool addMappedDevices(int procFd, std::vector<char> &buffer, QSet<QPair<quint64, quint64>> &opened,
                      Process &process)
{
    const UniqueFd fd(::openat(procFd, "maps", O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return false;
    size_t used = 0;
    for (;;) {
        if (buffer.size() - used < 16384)
            buffer.resize(std::max<size_t>(65536, buffer.size() * 2));
        const ssize_t n = ::read(fd.get(), buffer.data() + used, buffer.size() - used);
        if (n <= 0)
            break;
        used += size_t(n);
    }
    // Only lines naming a file under /dev matter: found with memmem, without
    // splitting the rest (a process maps a hundred libraries or more).
    constexpr std::string_view needle = " /dev/";
    const char *const begin = buffer.data();
    const char *const end = begin + used;
    for (const char *at = begin;
         (at = static_cast<const char *>(
              ::memmem(at, size_t(end - at), needle.data(), needle.size()))) != nullptr;
         ++at) {
        const char *lineEnd = static_cast<const char *>(std::memchr(at, '\n', size_t(end - at)));
        const QByteArray path = QByteArray(at + 1, (lineEnd ? lineEnd : end) - at - 1).trimmed();
        struct stat st;
        if (::stat(path.constData(), &st) != 0 || opened.contains({st.st_dev, st.st_ino}) ||
            (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)))
            continue;
        opened.insert({st.st_dev, st.st_ino});
        process.candidates.append(
            {-1, path + " (mmapped)", st.st_mode, st.st_rdev, st.st_dev, st.st_ino, {}, {}});
    }
    return used > 0;
}

// An io_uring fd's registered files, by name.
QList<QByteArray> readRingFiles(int procFd, const char *fd)
{
    char path[300];
    std::snprintf(path, sizeof path, "fdinfo/%s", fd);
    const UniqueFd file(::openat(procFd, path, O_RDONLY | O_CLOEXEC));
    if (!file.valid())
        return {};
    QByteArray text;
    char buffer[8192];
    for (ssize_t n; (n = ::read(file.get(), buffer, sizeof buffer)) > 0;)
        text.append(buffer, n);
    return parseRingFiles(text);
}

// Reads one process. Cheap on purpose (one readlink per fd, a stat only for
// what might be a device): this runs for every fd on the system.
void readProcess(int pid, bool sockets, const QByteArray &ourNamespace, Worker &worker)
{
    RawScan &raw = worker.raw;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d", pid);
    const UniqueFd procFd(::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!procFd.valid())
        return; // exited
    Process process;
    process.pid = pid;
    char link[4096];
    ssize_t n = ::readlinkat(procFd.get(), "ns/mnt", link, sizeof link);
    if (n > 0)
        process.mountNamespace = QByteArray(link, n);
    const bool ourMounts = process.mountNamespace == ourNamespace;
    const UniqueFd dirFd(::openat(procFd.get(), "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dirFd.valid() && errno == EACCES) {
        raw.allReadable = false;
        process.fdsReadable = false;
    }
    QSet<QPair<quint64, quint64>> opened;
    // procfs fills the buffer until it runs out of fds or of room: a batch
    // that left room for more was the last one, so no empty call is needed.
    constexpr long kLastBatch = long(sizeof Worker::entries) - 512;
    for (bool more = dirFd.valid(); more;) {
        const long bytes =
            ::syscall(SYS_getdents64, dirFd.get(), worker.entries, sizeof worker.entries);
        more = bytes >= kLastBatch;
        for (long at = 0; at < bytes;) {
            const auto *entry = reinterpret_cast<const dirent64 *>(worker.entries + at);
            at += entry->d_reclen;
            const char *name = entry->d_name;
            if (name[0] == '.' || (n = ::readlinkat(dirFd.get(), name, link, sizeof link)) <= 0)
                continue; // closed meanwhile
            ++raw.openFiles;
            // Most fds are plain files, pipes and sockets no module owns:
            // told apart by the link text before anything is allocated.
            const std::string_view target(link, size_t(n));
            if (bool link = false; isBpfFdTarget(target, &link))
                process.bpf.append({pid, std::atoi(name), link});
            const bool socket = target.starts_with("socket:");
            // The census's list of sockets: "socket:[INODE]".
            qsizetype censusSocket = -1;
            if (quint64 inode = 0; socket && target.starts_with("socket:[")) {
                std::from_chars(target.data() + 8, target.data() + target.size(), inode);
                censusSocket = process.sockets.size();
                process.sockets.append({std::atoi(name), inode, QByteArray()});
            }
            const bool anonInode = target.starts_with("anon_inode:");
            const bool device = target.starts_with("/dev/");
            if (!anonInode && !device && !(socket && sockets))
                continue;
            Candidate c;
            c.fd = std::atoi(name);
            c.target = QByteArray(link, n);
            if (anonInode) {
                if (target == "anon_inode:[io_uring]")
                    c.ringFiles = readRingFiles(procFd.get(), name);
                process.candidates.append(c);
                continue;
            }
            struct stat st;
            if (!statOpenFile(dirFd.get(), name, c.target, device && ourMounts, worker, &st))
                continue;
            c.mode = st.st_mode;
            c.rdev = st.st_rdev;
            c.dev = st.st_dev;
            c.ino = st.st_ino;
            if (socket) {
                char proc[320], protocol[64];
                std::snprintf(proc, sizeof proc, "/proc/%d/fd/%s", pid, name);
                const ssize_t len =
                    ::getxattr(proc, "system.sockprotoname", protocol, sizeof protocol);
                if (len <= 0)
                    continue;
                c.protocol = QByteArray(protocol, len).chopped(protocol[len - 1] == '\0' ? 1 : 0);
                if (censusSocket >= 0)
                    process.sockets[censusSocket].protocol = c.protocol;
            } else if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)) {
                continue;
            }
            opened.insert({c.dev, c.ino});
            process.candidates.append(c);
        }
    }
    // A device mmapped after its fd was closed still holds its open file.
    // No map read: a kernel thread (the explainer lists them), another
    // user's process (when not root), or a process that is exiting.
    if (!addMappedDevices(procFd.get(), worker.maps, opened, process) && !describe(process))
        return; // exited
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

    void add(Process &process, const Candidate &c);
    QHash<QString, QList<Holder>> holders() const;

private:
    // One module's holders, first seen first, and for each inode the ones
    // holding it through an fd, sorted by kcmp(KCMP_FILE)'s order of their
    // open files. The kernel orders open files for this very use: finding the
    // file a new fd shares (fork, dup) takes log n comparisons, not one per
    // process that opened the same device on its own.
    struct ModuleGroups {
        QList<Group> groups;
        QHash<QPair<quint64, quint64>, QList<qsizetype>> byFile; // inode -> indexes into groups
    };

    Attribution owner(const Candidate &c, QString *path);
    // The group `c` joins, or -1: then *sortedAt is where a new group goes
    // in byFile, or -1 when it cannot be ordered.
    static qsizetype findGroup(ModuleGroups &module, int pid, const Candidate &c,
                               qsizetype *sortedAt);

    ModuleOwners &m_owners;
    QHash<quint64, int> m_netlink;
    QHash<QString, ModuleGroups> m_groups;
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

qsizetype Attributor::findGroup(ModuleGroups &module, int pid, const Candidate &c,
                                qsizetype *sortedAt)
{
    *sortedAt = -1;
    if (S_ISSOCK(c.mode) || c.fd < 0) {
        // A socket inode belongs to exactly one open file. A mapping (its
        // process had no fd on that device) joins only its own process.
        for (qsizetype i = 0; i < module.groups.size(); ++i) {
            const Group &group = module.groups.at(i);
            if (group.dev == c.dev && group.ino == c.ino &&
                (S_ISSOCK(c.mode) || group.holder.pid == pid))
                return i;
        }
        return -1;
    }
    // Two opens of one device node are two files; fork and dup share one.
    const QList<qsizetype> &sorted = module.byFile[{c.dev, c.ino}];
    qsizetype low = 0;
    qsizetype high = sorted.size();
    while (low < high) {
        const qsizetype middle = (low + high) / 2;
        const Group &group = module.groups.at(sorted.at(middle));
        // 0: the same file; 1: c's file orders first; 2: after; -1: one has exited.
        const long order = ::syscall(SYS_kcmp, pid, group.holder.pid, KCMP_FILE, c.fd, group.fd);
        if (order == 0)
            return sorted.at(middle);
        if (order < 0)
            return -1;
        if (order == 1)
            high = middle;
        else
            low = middle + 1;
    }
    *sortedAt = low;
    return -1;
}

void Attributor::add(Process &process, const Candidate &c)
{
    QString path;
    const Attribution found = owner(c, &path);
    if (!found.found() || !describe(process))
        return; // owned by no module, or the process has exited
    ModuleGroups &module = m_groups[found.module];
    qsizetype sortedAt = -1;
    if (const qsizetype joined = findGroup(module, process.pid, c, &sortedAt); joined >= 0) {
        Holder &h = module.groups[joined].holder;
        if (h.pid == process.pid && c.fd >= 0 && !h.fds.contains(c.fd))
            h.fds.append(c.fd);
        else if (h.pid != process.pid && !h.sharedWith.contains(process.pid))
            h.sharedWith.append(process.pid);
        return;
    }
    if (sortedAt >= 0)
        module.byFile[{c.dev, c.ino}].insert(sortedAt, module.groups.size());
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
    setHolderRule(h, found.rule);
    // Devices one open of which takes more than one reference: tun's file
    // operations and its socket protocol (tun_chr_open's sk_alloc), 2.
    if (found.module == QLatin1String("tun") && path == QLatin1String("/dev/net/tun")) {
        h.refs = 2;
        addHolderRulePart(h, {HolderSentenceCode::RefsPerOpen, {path, QStringLiteral("2")}});
    }
    module.groups.append(group);
}

QHash<QString, QList<Holder>> Attributor::holders() const
{
    QHash<QString, QList<Holder>> holders;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        for (const Group &group : it.value().groups)
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
// which run in parallel on separate CPUs. Workers take small batches as they
// go, so one that is preempted does not leave the others waiting at the end.
RawScan readProcesses(const QList<int> &pids, bool sockets, const QByteArray &ourNamespace)
{
    const int workers = int(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    constexpr qsizetype kBatch = 8;
    std::atomic<qsizetype> next{0};
    std::vector<std::unique_ptr<Worker>> parts;
    for (int w = 0; w < workers; ++w)
        parts.push_back(std::make_unique<Worker>());
    const auto work = [&](Worker &worker) {
        for (qsizetype first; (first = next.fetch_add(kBatch)) < pids.size();) {
            const qsizetype last = std::min(first + kBatch, pids.size());
            for (qsizetype i = first; i < last; ++i)
                readProcess(pids.at(i), sockets, ourNamespace, worker);
        }
    };
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w)
        threads.emplace_back(work, std::ref(*parts[w]));
    work(*parts[0]); // this thread is the first worker
    for (std::thread &t : threads)
        t.join();
    RawScan raw;
    for (const auto &part : parts) {
        raw.processes += part->raw.processes;
        raw.allReadable = raw.allReadable && part->raw.allReadable;
        raw.openFiles += part->raw.openFiles;
    }
    std::sort(raw.processes.begin(), raw.processes.end(),
              [](const Process &a, const Process &b) { return a.pid < b.pid; });
    return raw;
}

// Device nodes of /dev by file name, for the names an io_uring's fdinfo
// gives: only a name that is one device node can be tied to its driver.
class DeviceNames {
public:
    // The one device node named `name`, or false (none, or several).
    bool find(const QByteArray &name, QByteArray *path, struct stat *st)
    {
        if (!m_read)
            read(QByteArrayLiteral("/dev"), 0);
        m_read = true;
        const auto it = m_nodes.constFind(name);
        if (it == m_nodes.constEnd() || it->size() != 1)
            return false;
        *path = it->first().first;
        *st = it->first().second;
        return true;
    }

private:
    void read(const QByteArray &dir, int depth)
    {
        DIR *d = ::opendir(dir.constData());
        if (!d)
            return;
        while (const dirent *entry = ::readdir(d)) {
            const QByteArray name(entry->d_name);
            if (name == "." || name == "..")
                continue;
            const QByteArray path = dir + '/' + name;
            struct stat st;
            if (::lstat(path.constData(), &st) != 0)
                continue;
            // Links (/dev/disk/by-*, /dev/fd) name nodes listed elsewhere.
            if (S_ISDIR(st.st_mode) && depth < 4 && name != "shm" && name != "mqueue")
                read(path, depth + 1);
            else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
                m_nodes[name].append({path, st});
        }
        ::closedir(d);
    }

    bool m_read = false;
    QHash<QByteArray, QList<QPair<QByteArray, struct stat>>> m_nodes;
};

// The files processes registered with an io_uring and closed: the ring
// keeps them open (one reference each, as an fd would), so its process
// holds their drivers. A ring shared by fork is counted once, for its
// first process. A device the same process also has an fd on may be the
// very file it registered (fdinfo cannot tell): it is not counted twice,
// the fd's holder covers it.
void addRingHolders(ModuleOwners &owners, QList<Process> &processes, const QByteArray &ourNamespace,
                    QHash<QString, QList<Holder>> &holders)
{
    DeviceNames devices;
    QList<QPair<int, int>> rings; // (pid, fd) of the rings counted
    for (Process &process : processes) {
        for (const Candidate &c : std::as_const(process.candidates)) {
            if (c.ringFiles.isEmpty() || process.mountNamespace != ourNamespace)
                continue; // another mount namespace's /dev is another directory
            const bool shared = std::any_of(rings.cbegin(), rings.cend(), [&](const auto &r) {
                return ::syscall(SYS_kcmp, process.pid, r.first, KCMP_FILE, c.fd, r.second) == 0;
            });
            if (shared || !describe(process))
                continue;
            rings.append({process.pid, c.fd});
            QHash<QString, Holder> byModule;
            QStringList order;
            QSet<QByteArray> seen;
            for (const QByteArray &name : c.ringFiles) {
                QByteArray path;
                struct stat st;
                if (seen.contains(name) || !devices.find(name, &path, &st))
                    continue;
                seen.insert(name);
                const bool alsoOpen = std::any_of(
                    process.candidates.cbegin(), process.candidates.cend(), [&](const auto &o) {
                        return o.ringFiles.isEmpty() && o.rdev == st.st_rdev &&
                               (o.mode & S_IFMT) == (st.st_mode & S_IFMT);
                    });
                if (alsoOpen)
                    continue;
                Attribution owner = S_ISCHR(st.st_mode) ? owners.charDevice(st.st_rdev)
                                                        : owners.blockDevice(st.st_rdev);
                if (!owner.found())
                    continue;
                const QString node = QString::fromUtf8(path);
                auto it = byModule.find(owner.module);
                if (it == byModule.end()) {
                    order << owner.module;
                    it = byModule.insert(owner.module, Holder{});
                    it->kind = HolderKind::IoUring;
                    it->pid = process.pid;
                    it->comm = process.comm;
                    it->fds = {c.fd};
                    it->refs = 0;
                    it->source = HolderSource::Inferred;
                    it->undo = QStringLiteral("kill %1").arg(process.pid);
                } else {
                    it->path += QStringLiteral(", ");
                }
                it->path += node;
                ++it->refs;
                QList<HolderSentence> rule = it->ruleSentences;
                rule << HolderSentence{HolderSentenceCode::IoUringFile,
                                       {QString::number(c.fd), QString::fromUtf8(name), node}};
                rule += owner.rule;
                // One open of tun takes its file operations and its socket
                // protocol (tun_chr_open's sk_alloc): 2, as for an fd.
                if (owner.module == QLatin1String("tun") && node == QLatin1String("/dev/net/tun")) {
                    ++it->refs;
                    rule << HolderSentence{HolderSentenceCode::RefsPerOpen,
                                           {node, QStringLiteral("2")}};
                }
                setHolderRule(*it, rule);
            }
            for (const QString &module : std::as_const(order)) {
                Holder h = byModule.take(module);
                h.path =
                    QStringLiteral("%1 (registered with io_uring fd %2)").arg(h.path).arg(c.fd);
                holders[module].append(h);
            }
        }
    }
}

} // namespace

QList<QByteArray> parseRingFiles(const QByteArray &fdinfo)
{
    QList<QByteArray> names;
    const qsizetype start = fdinfo.indexOf("\nUserFiles:");
    if (start < 0)
        return names;
    const QList<QByteArray> lines = fdinfo.mid(start + 1).split('\n');
    for (const QByteArray &line : lines.mid(1)) {
        if (!line.startsWith(' '))
            break; // "UserBufs:" and what follows
        const qsizetype colon = line.indexOf(": ");
        if (colon > 0)
            names << line.mid(colon + 2);
    }
    return names;
}

HolderScan scanHolders()
{
    ModuleOwners owners(loadedModuleNames());
    return scanHolders(owners);
}

HolderScan scanHolders(ModuleOwners &owners)
{
    QHash<quint64, int> netlink = readNetlinkProtocols();
    // Sockets cost a stat and an xattr each: read them only when a loaded
    // module owns a socket protocol or a registered netlink protocol.
    bool sockets = owners.ownsSocketProtocols();
    for (auto it = netlink.cbegin(); !sockets && it != netlink.cend(); ++it)
        sockets = owners.netlinkProtocol(it.value()).found();

    char self[256];
    const ssize_t selfLength = ::readlink("/proc/self/ns/mnt", self, sizeof self);
    const QByteArray ourNamespace = selfLength > 0 ? QByteArray(self, selfLength) : QByteArray();
    RawScan raw = readProcesses(listPids(), sockets, ourNamespace);
    HolderScan scan;
    scan.allProcessesReadable = raw.allReadable;
    scan.processes = int(raw.processes.size());
    scan.openFiles = raw.openFiles;
    Attributor attributor(owners, std::move(netlink));
    QList<int> namespacePids; // one process per mount namespace other than ours
    QSet<QByteArray> namespaces{ourNamespace};
    const int ourPid = int(::getpid());
    for (Process &process : raw.processes) {
        // The census's view of the same fds: every process's but ours.
        if (process.pid != ourPid)
            scan.processSockets.append(
                {process.pid, process.fdsReadable, std::move(process.sockets)});
        scan.bpfFds += process.bpf;
        for (const Candidate &c : process.candidates)
            attributor.add(process, c);
        if (process.kthread)
            scan.kernelThreads.append({process.pid, process.comm});
        if (!process.mountNamespace.isEmpty() && !namespaces.contains(process.mountNamespace)) {
            namespaces.insert(process.mountNamespace);
            namespacePids.append(process.pid);
        }
    }
    scan.holders = attributor.holders();
    addRingHolders(owners, raw.processes, ourNamespace, scan.holders);
    addMountHolders(owners, namespacePids, scan.holders);
    return scan;
}

} // namespace refscope

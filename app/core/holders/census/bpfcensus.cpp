// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/bpfcensus.h"

#include "holders/census/census.h"
#include "holders/census/processsockets.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"
#include "inventory/kernelsupport.h"
#include "inventory/moduleinfo.h"

#include <QFile>
#include <QHash>
#include <QMap>
#include <QRegularExpression>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace refscope {

namespace {

struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

QString btfObjectName(quint32 id)
{
    const Fd fd(bpf_btf_get_fd_by_id(id));
    if (fd.fd < 0)
        return {};
    char name[64] = {};
    bpf_btf_info info = {};
    info.name = quint64(reinterpret_cast<quintptr>(name));
    info.name_len = sizeof name;
    __u32 len = sizeof info;
    if (bpf_obj_get_info_by_fd(fd.fd, &info, &len) != 0)
        return {};
    return QString::fromUtf8(name);
}

// The function's name in the module's BTF (split over vmlinux's).
QString functionName(quint32 btfObject, quint32 typeId)
{
    static btf *vmlinux = btf__load_vmlinux_btf();
    if (!vmlinux)
        return QStringLiteral("BTF type %1").arg(typeId);
    btf *split = btf__load_from_kernel_by_id_split(btfObject, vmlinux);
    if (!split)
        return QStringLiteral("BTF type %1").arg(typeId);
    const btf_type *type = btf__type_by_id(split, typeId);
    const QString name = type ? QString::fromUtf8(btf__name_by_offset(split, type->name_off))
                              : QStringLiteral("BTF type %1").arg(typeId);
    btf__free(split);
    return name;
}

using FdHolders = QHash<quint32, QList<QPair<int, int>>>; // object id -> (pid, fd)

struct BpfFds {
    FdHolders links;    // from "link_id:" in a bpf-link fd's fdinfo
    FdHolders programs; // from "prog_id:" in a bpf-prog fd's fdinfo
};

// The processes holding BPF links and programs, from the fdinfo of every
// bpf-link and bpf-prog fd the walk listed (the holder scan's, when it
// made one: /proc is not walked again for them).
BpfFds bpfFdHolders(const QList<BpfFd> &listed)
{
    BpfFds fds;
    char path[64];
    for (const BpfFd &bpf : listed) {
        std::snprintf(path, sizeof path, "/proc/%d/fdinfo/%d", bpf.pid, bpf.fd);
        QFile info(QString::fromLatin1(path));
        if (!info.open(QIODevice::ReadOnly))
            continue; // closed meanwhile
        const QByteArray key = bpf.link ? "link_id:" : "prog_id:";
        for (const QByteArray &line : info.readAll().split('\n')) {
            if (line.startsWith(key))
                (bpf.link ? fds.links : fds.programs)[line.mid(key.size()).trimmed().toUInt()]
                    .append({bpf.pid, bpf.fd});
        }
    }
    return fds;
}

struct Trampoline {
    QString module;
    quint32 btfObject = 0;
    quint32 function = 0;
    QStringList programs; // "name (id N)"
    QList<quint32> programIds;
    QList<quint32> links;
};

using Trampolines = QMap<QPair<quint32, quint32>, Trampoline>; // (BTF object, function)

// The module a program is attached to (through its BTF object), or empty.
QString attachedModule(ModuleOwners &owners, QHash<quint32, QString> &btfNames,
                       const bpf_prog_info &info)
{
    if (info.attach_btf_obj_id == 0)
        return {}; // attached to another program, or not a tracing program
    const quint32 object = info.attach_btf_obj_id;
    if (!btfNames.contains(object))
        btfNames.insert(object, btfObjectName(object));
    const QString module = normalizeModuleName(btfNames.value(object));
    return owners.loaded().contains(module) ? module : QString(); // vmlinux, or not loaded
}

bool programInfo(quint32 progId, bpf_prog_info *info)
{
    const Fd prog(bpf_prog_get_fd_by_id(progId));
    if (prog.fd < 0)
        return false; // gone meanwhile
    *info = {};
    __u32 len = sizeof *info;
    return bpf_obj_get_info_by_fd(prog.fd, info, &len) == 0;
}

void addProgram(Trampolines &trampolines, const QString &module, const bpf_prog_info &info,
                quint32 progId)
{
    Trampoline &t = trampolines[{info.attach_btf_obj_id, info.attach_btf_id}];
    if (t.programIds.contains(progId))
        return;
    t.module = module;
    t.btfObject = info.attach_btf_obj_id;
    t.function = info.attach_btf_id;
    t.programs << QStringLiteral("%1 (id %2)").arg(QString::fromUtf8(info.name)).arg(progId);
    t.programIds << progId;
}

// Every tracing link: link id per program id. False when the kernel
// refuses to list them (not root).
bool tracingLinks(QHash<quint32, QList<quint32>> *linksOfProgram, Census &census)
{
    __u32 id = 0;
    for (;;) {
        if (bpf_link_get_next_id(id, &id) != 0) {
            // ENOENT: the last one; ENOSYS/EINVAL: no BPF, so nothing held.
            if (errno == EPERM || errno == EACCES) {
                census.markUnchecked(QStringLiteral("bpf"),
                                     QString::fromLocal8Bit(strerror(errno)));
                return false;
            }
            return true;
        }
        const Fd link(bpf_link_get_fd_by_id(id));
        if (link.fd < 0)
            continue; // gone meanwhile
        bpf_link_info linkInfo = {};
        __u32 len = sizeof linkInfo;
        if (bpf_obj_get_info_by_fd(link.fd, &linkInfo, &len) != 0 ||
            linkInfo.type != BPF_LINK_TYPE_TRACING)
            continue;
        (*linksOfProgram)[linkInfo.prog_id] << id;
    }
}

} // namespace

bool bpfProgramsHoldModule(const QString &release)
{
    static const QRegularExpression version(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const QRegularExpressionMatch m = version.match(release);
    if (!m.hasMatch())
        return true; // the current way
    const int major = m.captured(1).toInt();
    const int minor = m.captured(2).toInt();
    return major > 6 || (major == 6 && minor >= 4);
}

void addBpfHolders(ModuleOwners &owners, Census &census, ProcessSocketsWalk &walk)
{
    QHash<quint32, QList<quint32>> linksOfProgram;
    if (!tracingLinks(&linksOfProgram, census))
        return;
    const bool perProgram = bpfProgramsHoldModule(runningKernelRelease());
    Trampolines trampolines;
    QHash<quint32, QString> btfNames;
    bpf_prog_info info = {};
    if (perProgram) {
        // Every program attached (or loaded to attach) to a module's
        // function holds it, linked or not.
        __u32 id = 0;
        while (bpf_prog_get_next_id(id, &id) == 0) {
            if (!programInfo(id, &info))
                continue;
            const QString module = attachedModule(owners, btfNames, info);
            if (!module.isEmpty())
                addProgram(trampolines, module, info, id);
        }
    } else {
        for (auto it = linksOfProgram.cbegin(); it != linksOfProgram.cend(); ++it) {
            if (!programInfo(it.key(), &info))
                continue;
            const QString module = attachedModule(owners, btfNames, info);
            if (!module.isEmpty())
                addProgram(trampolines, module, info, it.key());
        }
    }
    if (trampolines.isEmpty())
        return;
    const BpfFds fds = bpfFdHolders(walk.bpfFds());
    for (Trampoline &t : trampolines) {
        for (const quint32 prog : std::as_const(t.programIds))
            t.links << linksOfProgram.value(prog);
        const QString function = functionName(t.btfObject, t.function);
        Holder h;
        h.kind = HolderKind::Bpf;
        h.path = QStringLiteral("%1 on %2 (%3)")
                     .arg(t.programs.join(QStringLiteral(", ")), function, t.module);
        h.refs = perProgram ? int(t.programIds.size()) : 1;
        h.source = HolderSource::Inferred;
        QMap<int, QList<int>> processes; // pid -> link and program fds
        bool unheld = false;
        for (const quint32 link : std::as_const(t.links)) {
            const auto found = fds.links.constFind(link);
            if (found == fds.links.cend())
                unheld = true; // pinned in bpffs, or held by the kernel
            else
                for (const auto &[pid, fd] : *found)
                    processes[pid] << fd;
        }
        if (perProgram) {
            // A program no link and no process holds is pinned (bpffs) or
            // held by the kernel.
            for (const quint32 prog : std::as_const(t.programIds)) {
                const auto found = fds.programs.constFind(prog);
                if (found != fds.programs.cend())
                    for (const auto &[pid, fd] : *found)
                        processes[pid] << fd;
                else if (linksOfProgram.value(prog).isEmpty())
                    unheld = true;
            }
        }
        if (processes.size() == 1 && !unheld) {
            h.pid = processes.firstKey();
            h.comm = processComm(h.pid);
            h.fds = processes.first();
            std::sort(h.fds.begin(), h.fds.end());
            h.undo = QStringLiteral("kill %1").arg(h.pid);
        } else if (!processes.isEmpty()) {
            QStringList pids;
            for (auto it = processes.cbegin(); it != processes.cend(); ++it)
                pids << QString::number(it.key());
            h.undo = QStringLiteral("kill ") + pids.join(u' ');
        }
        setHolderRule(
            h, {{perProgram ? HolderSentenceCode::BpfProgram : HolderSentenceCode::BpfTrampoline,
                 {function, t.module}}});
        census.holders[t.module].append(h);
    }
}

} // namespace refscope

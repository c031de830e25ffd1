// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/bpfcensus.h"

#include "holders/census/census.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"
#include "inventory/moduleinfo.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QMap>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <cerrno>
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

// link id -> (pid, fd) of the processes holding it, from the fdinfo of
// every bpf-link fd ("link_id:\t12").
QHash<quint32, QList<QPair<int, int>>> linkHolders()
{
    QHash<quint32, QList<QPair<int, int>>> holders;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const int pid = entry.toInt(&numeric);
        if (!numeric)
            continue;
        const QDir fdDir(QStringLiteral("/proc/%1/fd").arg(pid));
        for (const QString &name : fdDir.entryList(QDir::Files | QDir::System)) {
            if (QFile::symLinkTarget(fdDir.filePath(name)) !=
                    QLatin1String("anon_inode:bpf_link") &&
                !QFile::symLinkTarget(fdDir.filePath(name)).endsWith(QLatin1String("bpf_link")))
                continue;
            QFile info(QStringLiteral("/proc/%1/fdinfo/%2").arg(pid).arg(name));
            if (!info.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray &line : info.readAll().split('\n')) {
                if (line.startsWith("link_id:"))
                    holders[line.mid(8).trimmed().toUInt()].append({pid, name.toInt()});
            }
        }
    }
    return holders;
}

QString readComm(int pid)
{
    QFile file(QStringLiteral("/proc/%1/comm").arg(pid));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

struct Trampoline {
    QString module;
    quint32 btfObject = 0;
    quint32 function = 0;
    QStringList programs; // "name (id N)"
    QList<quint32> links;
};

} // namespace

void addBpfHolders(ModuleOwners &owners, Census &census)
{
    QMap<QPair<quint32, quint32>, Trampoline> trampolines; // (BTF object, function)
    QHash<quint32, QString> btfNames;
    __u32 id = 0;
    for (;;) {
        if (bpf_link_get_next_id(id, &id) != 0) {
            // ENOENT: the last one; ENOSYS/EINVAL: no BPF, so nothing held.
            if (errno == EPERM || errno == EACCES)
                census.markUnchecked(QStringLiteral("bpf"),
                                     QString::fromLocal8Bit(strerror(errno)));
            break;
        }
        const Fd link(bpf_link_get_fd_by_id(id));
        if (link.fd < 0)
            continue; // gone meanwhile
        bpf_link_info linkInfo = {};
        __u32 len = sizeof linkInfo;
        if (bpf_obj_get_info_by_fd(link.fd, &linkInfo, &len) != 0 ||
            linkInfo.type != BPF_LINK_TYPE_TRACING)
            continue;
        const Fd prog(bpf_prog_get_fd_by_id(linkInfo.prog_id));
        if (prog.fd < 0)
            continue;
        bpf_prog_info progInfo = {};
        len = sizeof progInfo;
        if (bpf_obj_get_info_by_fd(prog.fd, &progInfo, &len) != 0 ||
            progInfo.attach_btf_obj_id == 0)
            continue; // attached to another program, not to the kernel
        const quint32 object = progInfo.attach_btf_obj_id;
        if (!btfNames.contains(object))
            btfNames.insert(object, btfObjectName(object));
        const QString module = normalizeModuleName(btfNames.value(object));
        if (!owners.loaded().contains(module))
            continue; // vmlinux, or not a loaded module
        Trampoline &t = trampolines[{object, progInfo.attach_btf_id}];
        t.module = module;
        t.btfObject = object;
        t.function = progInfo.attach_btf_id;
        t.programs << QStringLiteral("%1 (id %2)")
                          .arg(QString::fromUtf8(progInfo.name))
                          .arg(linkInfo.prog_id);
        t.links << id;
    }
    if (trampolines.isEmpty())
        return;
    const QHash<quint32, QList<QPair<int, int>>> holders = linkHolders();
    for (const Trampoline &t : std::as_const(trampolines)) {
        const QString function = functionName(t.btfObject, t.function);
        Holder h;
        h.kind = HolderKind::Bpf;
        h.path = QStringLiteral("%1 on %2 (%3)")
                     .arg(t.programs.join(QStringLiteral(", ")), function, t.module);
        h.refs = 1; // one trampoline per function, however many programs
        h.source = HolderSource::Inferred;
        QMap<int, QList<int>> processes; // pid -> link fds
        bool unheld = false;
        for (const quint32 link : t.links) {
            const auto found = holders.constFind(link);
            if (found == holders.cend())
                unheld = true; // pinned in bpffs, or held by the kernel
            else
                for (const auto &[pid, fd] : *found)
                    processes[pid] << fd;
        }
        if (processes.size() == 1 && !unheld) {
            h.pid = processes.firstKey();
            h.comm = readComm(h.pid);
            h.fds = processes.first();
            h.undo = QStringLiteral("kill %1").arg(h.pid);
        } else if (!processes.isEmpty()) {
            QStringList pids;
            for (auto it = processes.cbegin(); it != processes.cend(); ++it)
                pids << QString::number(it.key());
            h.undo = QStringLiteral("kill ") + pids.join(u' ');
        }
        setHolderRule(h, {{HolderSentenceCode::BpfTrampoline, {function, t.module}}});
        census.holders[t.module].append(h);
    }
}

} // namespace refscope

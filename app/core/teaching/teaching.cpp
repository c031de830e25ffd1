// SPDX-License-Identifier: GPL-3.0-or-later
#include "teaching/teaching.h"

namespace refscope {

QString Teaching::moduleState(ModuleState state)
{
    switch (state) {
    case ModuleState::Live:
        return tr("live: init finished successfully and the module is in normal use. It can be "
                  "unloaded once no module uses it and its reference count is 0.");
    case ModuleState::Coming:
        return tr("coming: the module is loaded and its init function is still running. The "
                  "loader holds a reference meanwhile, and delete_module() refuses to unload it.");
    case ModuleState::Going:
        return tr("going: the module is on its way out, either because rmmod is running its exit "
                  "function or because its init failed. It disappears in a moment.");
    case ModuleState::Unknown:
        break;
    }
    return tr("unknown: RefScope could not read /sys/module/<name>/initstate, so the state is not "
              "known.");
}

QString Teaching::permanent()
{
    return tr("permanent: the module has an init function but no exit function, so the kernel "
              "can never run its cleanup. delete_module() always refuses it (only a forced unload, "
              "which may crash the kernel, would remove it).");
}

QString Teaching::builtin()
{
    return tr("built-in: compiled into the kernel image (listed in modules.builtin). It has no "
              "reference count, is never loaded or unloaded, and its parameters live under "
              "/sys/module/<name>/parameters.");
}

QString Teaching::refcount()
{
    return tr("The reference count lsmod shows as \"Used\": module_refcount(), the kernel's "
              "atomic counter minus the 1 it starts with. Every try_module_get() adds 1, every "
              "module_put() takes 1 away, and each module in \"Used by\" holds 1. delete_module() "
              "refuses to unload while it is above 0.");
}

QString Teaching::usedBy()
{
    return tr("The modules that use symbols this module exports (/sys/module/<name>/holders). "
              "Each holds one reference and has to be unloaded first. Open files, sockets and "
              "mounts also hold references but never appear here.");
}

QString Teaching::dependsOn()
{
    return tr("The modules whose exported symbols this module uses. Loading it loaded them "
              "first (modprobe follows modules.dep), and it holds one reference on each.");
}

QString Teaching::taints()
{
    return tr("Taint letters the module put on the kernel, as /sys/module/<name>/taint shows "
              "them: O out-of-tree, E unsigned, P proprietary licence, C staging driver.");
}

QString Teaching::tracepoint(ModuleEventKind kind)
{
    switch (kind) {
    case ModuleEventKind::Load:
        return tr("module_load: the kernel has copied and linked a module and is about to run "
                  "its init function (load_module()).");
    case ModuleEventKind::Free:
        return tr("module_free: the module's memory is being freed (free_module()), after rmmod "
                  "or after its init failed. Its references are gone with it.");
    case ModuleEventKind::Get:
        return tr("module_get: try_module_get() or __module_get() took a reference. ip is the "
                  "caller, refcnt the count afterwards; an open() through the module's "
                  "file_operations is the usual source.");
    case ModuleEventKind::Put:
        return tr("module_put: module_put() gave a reference back. Every get should be "
                  "matched by a put; a get without one is a leak.");
    case ModuleEventKind::Request:
        return tr("module_request: the kernel asked user space to load a module by name or "
                  "alias (request_module(), which runs modprobe), e.g. for an unknown socket "
                  "family or file system type.");
    }
    return {};
}

QString Teaching::holderKind(HolderKind kind)
{
    switch (kind) {
    case HolderKind::File:
        return tr("file: an open file whose file_operations belong to the module. open() took a "
                  "reference and the last close() of that open file gives it back; dup() and "
                  "fork() share it, so it is one reference however many fds point to it.");
    case HolderKind::Socket:
        return tr("socket: a socket of a protocol family or protocol the module provides. It "
                  "holds a reference until the socket is released, which can be after the "
                  "process closed its fd.");
    case HolderKind::Mount:
        return tr("mount: a mounted file system of a type the module registered. The superblock "
                  "holds the reference until the file system is unmounted.");
    case HolderKind::Module:
        return tr("module: another module that uses this module's exported symbols. It holds "
                  "one reference until it is unloaded itself.");
    case HolderKind::Kthread:
        return tr("kthread: a kernel thread, or an object only the kernel keeps, holds the "
                  "reference. No process can be killed to release it; usually the module "
                  "itself has to let go.");
    case HolderKind::TrafficControl:
        return tr("traffic control: a queueing discipline, a classifier or an action set up "
                  "with tc on a network device. Each one holds a reference on its module until "
                  "it is deleted, whether or not any process is still running.");
    case HolderKind::Netfilter:
        return tr("netfilter: an nftables or iptables-nft rule whose expression, match or "
                  "target lives in the module, or a base chain of the module's type. Each holds "
                  "a reference until the rule or chain is deleted.");
    case HolderKind::Bpf:
        return tr("BPF: fentry, fexit or fmod_ret programs attached to one of the module's "
                  "functions. Their trampoline holds a reference until the last of them is "
                  "detached: its links closed or unpinned.");
    case HolderKind::Crypto:
        return tr("crypto: users of a crypto algorithm the module registered: AF_ALG sockets, "
                  "dm-crypt, IPsec, or algorithms built on it. Each user holds a reference on "
                  "the module until it frees its transform.");
    case HolderKind::Swap:
        return tr("swap: a swap area on a block device of the module's driver (a loop device, "
                  "a disk). The kernel keeps the device open until swapoff.");
    case HolderKind::TcpCongestion:
        return tr("TCP congestion control: TCP sockets using the module's congestion control "
                  "(bbr, htcp, ...), and network namespaces whose default it is. Each socket "
                  "holds a reference until it is closed, each default until it is changed.");
    case HolderKind::IoScheduler:
        return tr("I/O scheduler: a disk's request queue uses the module's scheduler (bfq, "
                  "kyber, mq-deadline). The queue holds a reference until another scheduler is "
                  "chosen for it.");
    case HolderKind::Nls:
        return tr("NLS table: a mounted filesystem (vfat, exfat, iso9660, ...) translates file "
                  "names with the module's character set table. It holds a reference until it "
                  "is unmounted.");
    case HolderKind::LoopBacking:
        return tr("loop backing device: a loop device whose backing file is a block device of "
                  "the module's driver keeps that device open until it is detached.");
    case HolderKind::DeviceMapper:
        return tr("device-mapper: a mapped device's table uses a target type of the module "
                  "(flakey, crypt, delay, ...) or keeps a device of the module's driver open. "
                  "It holds the references until the mapped device is removed.");
    case HolderKind::Md:
        return tr("md array: a software RAID array runs the module's personality (raid1, "
                  "raid456, ...) or keeps a member device of the module's driver open. It holds "
                  "the references until the array is stopped.");
    case HolderKind::IoUring:
        return tr("io_uring: a process registered a file of the module (a device) with its "
                  "io_uring. The ring keeps the file open after the process closed its fd, until "
                  "the ring is closed or the process ends.");
    }
    return {};
}

QString Teaching::holderSource(HolderSource source)
{
    switch (source) {
    case HolderSource::Exact:
        return tr("exact: RefScope's helper module read the owner pointer inside the kernel "
                  "(the open file's f_op owner, the socket's or file system's owner), so this "
                  "reference is certain.");
    case HolderSource::Inferred:
        return tr("inferred: matched from user space by a rule (device number through "
                  "modules.alias, /proc/net/protocols, the file system type). Likely, but not "
                  "read from the kernel itself.");
    }
    return {};
}

QList<LifecycleStep> Teaching::lifecycle()
{
    return {LifecycleStep::Insmod, LifecycleStep::InitHoldsRef, LifecycleStep::InitDropsRef,
            LifecycleStep::Live,   LifecycleStep::GetsAndPuts,  LifecycleStep::DeleteModule,
            LifecycleStep::Free};
}

QString Teaching::lifecycleTitle(LifecycleStep step)
{
    switch (step) {
    case LifecycleStep::Insmod:
        return tr("insmod");
    case LifecycleStep::InitHoldsRef:
        return tr("init runs holding a reference");
    case LifecycleStep::InitDropsRef:
        return tr("do_init_module drops it");
    case LifecycleStep::Live:
        return tr("live");
    case LifecycleStep::GetsAndPuts:
        return tr("gets and puts");
    case LifecycleStep::DeleteModule:
        return tr("delete_module");
    case LifecycleStep::Free:
        return tr("free");
    }
    return {};
}

QString Teaching::lifecycleText(LifecycleStep step)
{
    switch (step) {
    case LifecycleStep::Insmod:
        return tr("insmod (or modprobe) hands the .ko file to finit_module(). The kernel checks "
                  "its signature and version, links it against the symbols it needs and fires "
                  "module_load.");
    case LifecycleStep::InitHoldsRef:
        return tr("The module is \"coming\" and its init function runs. The loader holds one "
                  "reference all the while, so the count reads 1 and nothing can unload it.");
    case LifecycleStep::InitDropsRef:
        return tr("When init returns, do_init_module() drops the loader's reference (a "
                  "module_put). If init failed, the module goes straight to \"going\" and is "
                  "freed.");
    case LifecycleStep::Live:
        return tr("The module is \"live\" with a count of 0: it has registered its devices, "
                  "protocols or file systems and waits for users.");
    case LifecycleStep::GetsAndPuts:
        return tr("Each user takes a reference with try_module_get() (module_get) and gives it "
                  "back with module_put() (module_put): opening a device file, creating a "
                  "socket, mounting. The count is the number of references held right now.");
    case LifecycleStep::DeleteModule:
        return tr("rmmod calls delete_module(). The kernel refuses (EBUSY) while another module "
                  "uses it, while it is permanent or not live, or while the count is above 0; "
                  "otherwise it marks it \"going\" and runs its exit function.");
    case LifecycleStep::Free:
        return tr("free_module() fires module_free, unlinks the module and gives its memory "
                  "back. The name can be loaded again from scratch.");
    }
    return {};
}

LifecycleStep Teaching::lifecycleStep(ModuleState state)
{
    switch (state) {
    case ModuleState::Coming:
        return LifecycleStep::InitHoldsRef;
    case ModuleState::Going:
        return LifecycleStep::DeleteModule;
    case ModuleState::Live:
    case ModuleState::Unknown:
        break;
    }
    return LifecycleStep::GetsAndPuts;
}

QString Teaching::lifecycleHtml(std::optional<LifecycleStep> current)
{
    QString html = QStringLiteral("<ol>");
    for (LifecycleStep step : lifecycle()) {
        //: A lifecycle step's title (%1, in bold) and its explanation (%2).
        const QString item =
            tr("%1: %2").arg(QStringLiteral("<b>%1</b>").arg(lifecycleTitle(step).toHtmlEscaped()),
                             lifecycleText(step).toHtmlEscaped());
        html += step == current ? QStringLiteral("<li><u>%1</u></li>").arg(item)
                                : QStringLiteral("<li>%1</li>").arg(item);
    }
    return html + QStringLiteral("</ol>");
}

QString Teaching::numberedHtml(const QStringList &items)
{
    QString html = QStringLiteral("<ol>");
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    return html + QStringLiteral("</ol>");
}

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// Who holds a module: each thing that accounts for part of its reference
// count, and how sure RefScope is about it.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace refscope {

// The census kinds (census/census.h) hold a module through a kernel object
// no process has open: a traffic-control qdisc, classifier or action, a
// netfilter rule's expression or a base chain, a swap area on a device, a
// crypto algorithm's users, BPF programs attached to the module's functions.
enum class HolderKind {
    File,
    Socket,
    Mount,
    Module,
    Kthread,
    TrafficControl,
    Netfilter,
    Swap,
    Crypto,
    Bpf,
    // TCP sockets and network namespaces' defaults using a modular
    // congestion control (tcp_bbr, tcp_htcp, ...).
    TcpCongestion,
    // The block layer's holders: a request queue's I/O scheduler, a mounted
    // filesystem's NLS tables, a loop device backed by a block device, a
    // device-mapper table's targets and devices.
    IoScheduler,
    Nls,
    LoopBacking,
    DeviceMapper,
    // An md array's personality and member devices.
    Md,
    // Files a process registered with an io_uring (IORING_REGISTER_FILES):
    // the ring keeps them open after the process closed its fds.
    IoUring,
};
// "file", "socket", "mount", "module", "kthread", "tc", "netfilter", "swap",
// "crypto", "bpf", "tcp-cc", "iosched", "nls", "loop", "dm", "md", "io_uring"
QString holderKindName(HolderKind kind);
std::optional<HolderKind> holderKindFromName(const QString &name);
// A kernel object the census found (qdisc, rule, swap area, crypto
// transform, BPF link) rather than a process, mount, module or thread.
bool isKernelObjectKind(HolderKind kind);

// exact: RefScope's helper kernel module saw the reference (struct file's
// f_op owner, cdev owner, socket ops/proto owner, superblock's fs type);
// inferred: user space mapped an fd, socket or mount to the module by a rule
// (major:minor through modules.alias, /proc/net/protocols, fs type, ...).
enum class HolderSource { Exact, Inferred };
QString holderSourceName(HolderSource source); // "exact", "inferred"

// One sentence of a report's verdict or steps, or one part of a holder's
// rule, as a code with its arguments: the GUI renders it in its own
// language (holdertext.h), while `verdict`, `steps` and `rule` keep the
// English the CLI and the JSON show.
enum class HolderSentenceCode {
    NotLoaded,          // module
    BuiltIn,            // module
    NoUnloadSupport,    // module
    Permanent,          // module
    Coming,             // module
    Going,              // module
    NothingHolds,       // module
    InUseOne,           // module, held, unattributed (a count of 1)
    InUse,              // module, count, held, unattributed
    ClaimsTrimmed,      // how many claims were counted as 0
    HolderStep,         // the holder's index in the report: its next step
    SuspectThread,      // thread name, pid
    WaitForInit,        // module
    RunAsRoot,          //
    InferredUndercount, //
    LeakedOne,          // module (reports from before "unattributed"; no longer made)
    Leaked,             // count, module (idem)
    LeakedAtCallSite,   // call site (idem)
    Reboot,             //
    LastResort,         //
    // What RefScope could not see, and what a recording says about it:
    UnattributedOne,       // module, the record command
    Unattributed,          // count, module, the record command
    KindsUnchecked,        // the holder kinds that could not be checked
    SelfGetOutstanding,    // count, call site: the module's own get, no holder behind it
    OwnedGetOutstanding,   // count, call site, holder kind: a subsystem keeps it
    UnknownGetOutstanding, // count, call site
    OpenGetAttributed,     // count, call site: the driver's own get in open, for its file
    PartialAnswer,         // (no helper: inferred holders only)
    // How a holder was attributed (Holder::ruleSentences), one part each:
    KernelHoldersList, // module, user module
    CountedAsZero,     //
    SysfsDriver,       // owner
    ModulesAlias,      // alias
    SysfsNamed,        // major:minor, owner
    TtyDriver,         // tty driver
    ProcDevices,       // "char" or "block", major, name
    ProcNetProtocols,  // protocol, owner
    NetlinkAlias,      // protocol number, alias
    NetlinkFamily,     // protocol number, its name, module
    RefsPerOpen,       // device, references one open takes
    FsTypeAlias,       // filesystem type, alias
    FsTypeNamed,       // filesystem type
    AnonInodeNamed,    // inode name
    SameSuperblock,    //
    BoundLoop,         //
    MountedFrom,       // source, major:minor
    ExactOwners,       // the owner fields that matched
    ExactSuperblock,   // the owner fields, the superblock
    NoFileTable,       //
    OwnThreads,        // how many
    InFlight,          //
    // How a census holder was attributed (census/census.h):
    TcKindAlias,       // "qdisc", "classifier" or "action", its kind, the module alias
    NftExpression,     // expression name, module alias
    XtExtension,       // "match" or "target", its name, module alias
    NftCoreExpression, // expression name
    NftChainType,      // chain type, module alias
    ProcSwaps,         // the swap device, its major:minor
    CensusUnchecked,   // the kinds not checked, why
    CryptoUsers,       // the algorithm's driver, how many users
    AlgSockets,        // the processes with AF_ALG sockets open
    BpfTrampoline,     // the function, the module
    BpfProgram,        // the function, the module
    IoScheduler,       // the disk, its scheduler, the module alias
    NlsTable,          // the filesystem type, the option ("iocharset=utf8"), the module alias
    LoopBackingDevice, // the loop device, its backing device, its major:minor
    DmTarget,          // the mapped device, the target type, the module alias
    DmMember,          // the mapped device, the member's major:minor
    DmMappedDevice,    // the mapped device
    // Why the helper kernel module could not be asked (exact holders):
    HelperNotInstalled, // the module file looked for
    HelperUnsigned,     // the module file
    HelperNeedsRoot,    //
    HelperWrongKernel,  // the module file, the running kernel's release
    HelperLoadRefused,  // the module file, the kernel's reason
    HelperUnopenable,   // the device, the reason
    HelperWrongVersion, // the loaded helper's interface version, the one needed
    HelperUntrusted,    // the module file, why someone other than root could change it
    // How a census holder was attributed, continued:
    NftLogger,            // "log" expression or xt target, the logger type, its references, aliases
    NftCtHelper,          // the helper, its layer-3 protocols, the module alias
    XtCtHelper,           // the helper, the module alias
    TcpCongestion,        // the congestion control, how many sockets
    TcpCongestionDefault, // the congestion control
    MdPersonality,        // the array, its level, the module alias
    MdMember,             // the array, its members of this driver
    IoUringFile,          // the ring's fd, the registered file's name, the device node
    NftObjectType,        // the stateful object's type, the module alias
    NftCoreObjectType,    // the stateful object's type (built into nf_tables)
};

struct HolderSentence {
    HolderSentenceCode code = HolderSentenceCode::NotLoaded;
    QStringList args;
    bool operator==(const HolderSentence &o) const = default;
};

struct Holder {
    HolderKind kind = HolderKind::File;
    int pid = -1;          // -1 for mounts and modules
    QString comm;          // the process (or kernel thread) name
    QList<int> fds;        // every fd of pid sharing this one open file (dup)
    QList<int> sharedWith; // other pids holding the same open file (fork): helper or kcmp(2)
    QString path;          // the file, socket description, mount point or module name
    int refs = 1;          // references this holder accounts for
    HolderSource source = HolderSource::Inferred;
    QString rule; // how it was attributed, in plain words
    // Exact only: an open file no process has, tied to the module by nothing
    // but its netlink protocol, while a kernel thread runs the module's own
    // code (a kernel thread keeping a user's closed netlink socket open):
    // the module's exit stops that thread and lets the file go, which is
    // what makes the kernel's forced unload safe for it.
    bool ownThread = false;
    // `rule` as codes, one per part ("; " between them in English): the GUI
    // shows them in its language. Empty in holders from before they existed.
    QList<HolderSentence> ruleSentences;
    // Census holders: the command that lets the reference go ("tc qdisc del
    // dev lo root", "nft delete rule ip t c handle 4", "swapoff /dev/loop0").
    QString undo;
    bool operator==(const Holder &o) const = default;
};

// The answer to "why can't I unload it?" for one module. Accounting closes:
// the sum of holders' refs plus unattributed equals refcount. An
// unattributed reference is one RefScope could not see the holder of: not
// proof that there is none.
struct HolderReport {
    QString module;
    int refcount = 0; // lsmod's number when scanned
    QList<Holder> holders;
    int unattributed = 0;
    QString verdict;   // one plain sentence
    QStringList steps; // what to do next, one per holder or cause
    // When the window received it (ms since the epoch; 0: unknown): a report
    // reopened from a session says how old it is.
    qint64 takenAtMs = 0;
    // The same as codes; empty in reports from before they existed.
    QList<HolderSentence> verdictSentences;
    QList<HolderSentence> stepSentences;
    // Holder kinds the scan could not check (no permission, a netlink family
    // missing, a kernel too old): an unattributed reference may be one of
    // theirs, so nothing is dropped while this is not empty.
    QStringList uncheckedKinds;
    bool operator==(const HolderReport &o) const = default;
};

} // namespace refscope

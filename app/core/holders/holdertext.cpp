// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holdertext.h"

#include "holders/holdersteps.h"

#include <QCoreApplication>

namespace refscope {

namespace {

constexpr char kContext[] = "refscope::HolderText";

struct SentenceSource {
    HolderSentenceCode code;
    const char *name;    // in the JSON
    const char *english; // with %1... for the arguments in order
};

// clang-format off
const SentenceSource kSentences[] = {
    {HolderSentenceCode::NotLoaded, "not_loaded",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 is not loaded.")},
    {HolderSentenceCode::BuiltIn, "built_in",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 is built into the kernel: it can never be unloaded.")},
    {HolderSentenceCode::NoUnloadSupport, "no_unload_support",
     QT_TRANSLATE_NOOP("refscope::HolderText", "This kernel was built without CONFIG_MODULE_UNLOAD: no module, %1 included, can ever be unloaded.")},
    {HolderSentenceCode::Permanent, "permanent",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 has no exit function (permanent): the kernel will never unload it, whatever its count.")},
    {HolderSentenceCode::Coming, "coming",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 is still initialising (coming): its loader holds one reference until the init function returns.")},
    {HolderSentenceCode::Going, "going",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 is already being unloaded (going).")},
    {HolderSentenceCode::NothingHolds, "nothing_holds",
     QT_TRANSLATE_NOOP("refscope::HolderText", "Nothing holds %1: rmmod %1 will unload it.")},
    {HolderSentenceCode::InUseOne, "in_use_one",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 is in use: 1 reference, %2 held by what is listed, %3 unattributed.")},
    {HolderSentenceCode::InUse, "in_use",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 is in use: %2 references, %3 held by what is listed, %4 unattributed.")},
    {HolderSentenceCode::ClaimsTrimmed, "claims_trimmed",
     QT_TRANSLATE_NOOP("refscope::HolderText", "The inferred holders claimed %1 more than the count; those claims are counted as 0.")},
    {HolderSentenceCode::HolderStep, "holder", nullptr},
    {HolderSentenceCode::SuspectThread, "suspect_thread",
     QT_TRANSLATE_NOOP("refscope::HolderText", "kernel thread %1 (pid %2) is named after the module and may hold what no process has open, e.g. a user's socket it kept open after the user closed it")},
    {HolderSentenceCode::WaitForInit, "wait_for_init",
     QT_TRANSLATE_NOOP("refscope::HolderText", "wait for %1's init to finish, or interrupt the insmod or modprobe loading it")},
    {HolderSentenceCode::RunAsRoot, "run_as_root",
     QT_TRANSLATE_NOOP("refscope::HolderText", "run as root: other users' processes could not be read, so their holders are missing here")},
    {HolderSentenceCode::InferredUndercount, "inferred_undercount",
     QT_TRANSLATE_NOOP("refscope::HolderText", "each inferred open file is counted as 1 reference, but one open can hold more (its file operations and its cdev or socket protocol, as tun's do, or a driver's own get in open): RefScope's helper kernel module counts them exactly")},
    {HolderSentenceCode::LeakedOne, "leaked_one",
     QT_TRANSLATE_NOOP("refscope::HolderText", "1 reference RefScope could not attribute: record %1's module tracepoints and see the outstanding gets' call sites in the timeline")},
    {HolderSentenceCode::Leaked, "leaked",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 references RefScope could not attribute: record %2's module tracepoints and see the outstanding gets' call sites in the timeline")},
    {HolderSentenceCode::LeakedAtCallSite, "leaked_at_call_site",
     QT_TRANSLATE_NOOP("refscope::HolderText", "see the outstanding gets at call site %1 in the timeline")},
    {HolderSentenceCode::UnattributedOne, "unattributed_one",
     QT_TRANSLATE_NOOP("refscope::HolderText", "1 reference RefScope could not attribute: RefScope cannot see every kind of holder (a qdisc, a firewall rule, a BPF program, a crypto socket, swap, a file in flight...), so this is no proof of a leak: record %1's module tracepoints (%2, or the timeline's Capture) to see who took it")},
    {HolderSentenceCode::Unattributed, "unattributed",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 references RefScope could not attribute: RefScope cannot see every kind of holder (a qdisc, a firewall rule, a BPF program, a crypto socket, swap, a file in flight...), so this is no proof of a leak: record %2's module tracepoints (%3, or the timeline's Capture) to see who took them")},
    {HolderSentenceCode::KindsUnchecked, "kinds_unchecked",
     QT_TRANSLATE_NOOP("refscope::HolderText", "these kinds of holder could not be checked: %1: an unattributed reference may belong to one of them")},
    {HolderSentenceCode::SelfGetOutstanding, "self_get_outstanding",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 get(s) never put back at %2: the module took a reference on itself with no holder behind it: leak-prone")},
    {HolderSentenceCode::OwnedGetOutstanding, "owned_get_outstanding",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 get(s) never put back at %2: taken for a %3, which keeps them until it is removed: not a leak, never dropped")},
    {HolderSentenceCode::UnknownGetOutstanding, "unknown_get_outstanding",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 get(s) never put back at %2: RefScope cannot tell what keeps them: never dropped")},
    {HolderSentenceCode::OpenGetAttributed, "open_get_attributed",
     QT_TRANSLATE_NOOP("refscope::HolderText", "the driver's own get in open (%2): %1 more reference(s) of the file that open returned, put back when it is closed")},
    {HolderSentenceCode::PartialAnswer, "partial_answer",
     QT_TRANSLATE_NOOP("refscope::HolderText", "This answer is partial: RefScope's helper kernel module was not asked, so the holders are inferred from /proc and some may be missing. For the exact answer run refscope-cli why as root, or with --root.")},
    {HolderSentenceCode::Reboot, "reboot",
     QT_TRANSLATE_NOOP("refscope::HolderText", "reboot: a permanent module leaves only with the kernel")},
    {HolderSentenceCode::LastResort, "last_resort",
     QT_TRANSLATE_NOOP("refscope::HolderText", "last resort: RefScope's safe force release (this kernel has CONFIG_MODULE_FORCE_UNLOAD)")},
    {HolderSentenceCode::KernelHoldersList, "kernel_holders_list",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/sys/module/%1/holders lists %2: it uses %1's symbols")},
    {HolderSentenceCode::CountedAsZero, "counted_as_zero",
     QT_TRANSLATE_NOOP("refscope::HolderText", "counted as 0: the module's count has no reference left for it (the rule may be wrong here)")},
    {HolderSentenceCode::SysfsDriver, "sysfs_driver",
     QT_TRANSLATE_NOOP("refscope::HolderText", "sysfs: the device's driver belongs to %1")},
    {HolderSentenceCode::ModulesAlias, "modules_alias",
     QT_TRANSLATE_NOOP("refscope::HolderText", "modules.alias: %1")},
    {HolderSentenceCode::SysfsNamed, "sysfs_named",
     QT_TRANSLATE_NOOP("refscope::HolderText", "sysfs: device %1 is named after the module %2")},
    {HolderSentenceCode::TtyDriver, "tty_driver",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/proc/tty/drivers: tty driver %1")},
    {HolderSentenceCode::ProcDevices, "proc_devices",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/proc/devices: %1 major %2 is \"%3\"")},
    {HolderSentenceCode::ProcNetProtocols, "proc_net_protocols",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/proc/net/protocols: %1 belongs to %2")},
    {HolderSentenceCode::NetlinkAlias, "netlink_alias",
     QT_TRANSLATE_NOOP("refscope::HolderText", "netlink protocol %1, modules.alias: %2")},
    {HolderSentenceCode::NetlinkFamily, "netlink_family",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/proc/net/netlink: protocol %1 is %2, which %3 registers")},
    {HolderSentenceCode::RefsPerOpen, "refs_per_open",
     QT_TRANSLATE_NOOP("refscope::HolderText", "one open of %1 takes %2 references: its file operations and its socket protocol")},
    {HolderSentenceCode::FsTypeAlias, "fs_type_alias",
     QT_TRANSLATE_NOOP("refscope::HolderText", "filesystem type %1, modules.alias: %2")},
    {HolderSentenceCode::FsTypeNamed, "fs_type_named",
     QT_TRANSLATE_NOOP("refscope::HolderText", "filesystem type %1 is named after the module")},
    {HolderSentenceCode::AnonInodeNamed, "anon_inode_named",
     QT_TRANSLATE_NOOP("refscope::HolderText", "anonymous inode %1 is named after the module")},
    {HolderSentenceCode::SameSuperblock, "same_superblock",
     QT_TRANSLATE_NOOP("refscope::HolderText", "same superblock as an earlier mount point")},
    {HolderSentenceCode::BoundLoop, "bound_loop",
     QT_TRANSLATE_NOOP("refscope::HolderText", "a bound loop device holds its driver until losetup -d")},
    {HolderSentenceCode::MountedFrom, "mounted_from",
     QT_TRANSLATE_NOOP("refscope::HolderText", "mounted from %1 (block %2)")},
    {HolderSentenceCode::ExactOwners, "exact_owners",
     QT_TRANSLATE_NOOP("refscope::HolderText", "exact: %1")},
    {HolderSentenceCode::ExactSuperblock, "exact_superblock",
     QT_TRANSLATE_NOOP("refscope::HolderText", "exact: %1 (%2)")},
    {HolderSentenceCode::NoFileTable, "no_file_table",
     QT_TRANSLATE_NOOP("refscope::HolderText", "in no process's file table: a kernel thread or the kernel keeps it after its process closed it")},
    {HolderSentenceCode::OwnThreads, "own_threads",
     QT_TRANSLATE_NOOP("refscope::HolderText", "the module runs %1 kernel thread(s) of its own, which its exit stops")},
    {HolderSentenceCode::InFlight, "in_flight",
     QT_TRANSLATE_NOOP("refscope::HolderText", "in flight: sent over a unix socket (SCM_RIGHTS) and not received yet; the receiver, or the socket's last close, lets it go")},
    {HolderSentenceCode::TcKindAlias, "tc_kind_alias",
     QT_TRANSLATE_NOOP("refscope::HolderText", "rtnetlink: a %1 of kind %2, which the kernel loads as %3; each one holds a reference")},
    {HolderSentenceCode::NftExpression, "nft_expression",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: each \"%1\" expression of a rule holds a reference (modules.alias: %2)")},
    {HolderSentenceCode::NftCoreExpression, "nft_core_expression",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: each \"%1\" expression of a rule, built into nf_tables, holds a reference on nf_tables")},
    {HolderSentenceCode::XtExtension, "xt_extension",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: each xtables %1 \"%2\" of a rule (iptables-nft) holds a reference (modules.alias: %3)")},
    {HolderSentenceCode::NftChainType, "nft_chain_type",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: a base chain of type %1 holds a reference (modules.alias: %2)")},
    {HolderSentenceCode::ProcSwaps, "proc_swaps",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/proc/swaps: swap on %1 (block %2) keeps the device open")},
    {HolderSentenceCode::CensusUnchecked, "census_unchecked",
     QT_TRANSLATE_NOOP("refscope::HolderText", "could not check %1: holders of these kinds may be missing here (%2)")},
    {HolderSentenceCode::CryptoUsers, "crypto_users",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/proc/crypto: %1 has %2 user(s) besides its registration, each holding a reference on its module")},
    {HolderSentenceCode::AlgSockets, "alg_sockets",
     QT_TRANSLATE_NOOP("refscope::HolderText", "AF_ALG sockets are open in %1")},
    {HolderSentenceCode::BpfTrampoline, "bpf_trampoline",
     QT_TRANSLATE_NOOP("refscope::HolderText", "BPF: the programs attached to %1 run through one trampoline, which holds a reference on %2 while any of them is attached")},
    {HolderSentenceCode::BpfProgram, "bpf_program",
     QT_TRANSLATE_NOOP("refscope::HolderText", "BPF: each program attached to %1 holds a reference on %2 from its loading until it is freed, linked or not")},
    {HolderSentenceCode::IoScheduler, "io_scheduler",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1's request queue uses the I/O scheduler %2, which holds a reference (modules.alias: %3)")},
    {HolderSentenceCode::NlsTable, "nls_table",
     QT_TRANSLATE_NOOP("refscope::HolderText", "/proc/self/mountinfo: this %1 filesystem loaded its %2 table, which holds a reference until it is unmounted (modules.alias: %3)")},
    {HolderSentenceCode::LoopBackingDevice, "loop_backing_device",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 is backed by the block device %2 (block %3) and keeps it open")},
    {HolderSentenceCode::DmTarget, "dm_target",
     QT_TRANSLATE_NOOP("refscope::HolderText", "device-mapper: each %2 target in the table of %1 holds a reference on its type (modules.alias: %3)")},
    {HolderSentenceCode::DmMember, "dm_member",
     QT_TRANSLATE_NOOP("refscope::HolderText", "device-mapper: the table of %1 keeps its device %2 open, once however many targets use it")},
    {HolderSentenceCode::DmMappedDevice, "dm_mapped_device",
     QT_TRANSLATE_NOOP("refscope::HolderText", "device-mapper: every mapped device, %1 here, holds a reference on dm_mod until it is removed")},
    {HolderSentenceCode::HelperNotInstalled, "helper_not_installed",
     QT_TRANSLATE_NOOP("refscope::HolderText", "RefScope's helper module is not installed for this kernel (%1 does not exist): install the refscope-helper-dkms package (apt install refscope-helper-dkms), or the helper's sources with DKMS (dkms install refscope_helper/1.0)")},
    {HolderSentenceCode::HelperUnsigned, "helper_unsigned",
     QT_TRANSLATE_NOOP("refscope::HolderText", "the kernel loads only signed modules here (Secure Boot lockdown or module.sig_enforce) and refused %1: install the helper with DKMS, which signs it with its key, and enroll that key once with `mokutil --import /var/lib/dkms/mok.pub` (then reboot and confirm it in the MOK manager)")},
    {HolderSentenceCode::HelperNeedsRoot, "helper_needs_root",
     QT_TRANSLATE_NOOP("refscope::HolderText", "loading RefScope's helper module needs root (CAP_SYS_MODULE)")},
    {HolderSentenceCode::HelperWrongKernel, "helper_wrong_kernel",
     QT_TRANSLATE_NOOP("refscope::HolderText", "%1 was built for another kernel than the running %2: install the helper with DKMS so it is built for this kernel")},
    {HolderSentenceCode::HelperLoadRefused, "helper_load_refused",
     QT_TRANSLATE_NOOP("refscope::HolderText", "the kernel refused to load %1: %2 (the kernel log may say more)")},
    {HolderSentenceCode::HelperUnopenable, "helper_unopenable",
     QT_TRANSLATE_NOOP("refscope::HolderText", "cannot open %1: %2")},
    {HolderSentenceCode::HelperWrongVersion, "helper_wrong_version",
     QT_TRANSLATE_NOOP("refscope::HolderText", "the loaded refscope_helper speaks interface version %1, this RefScope needs %2: unload it (rmmod refscope_helper) so the matching one is loaded")},
    {HolderSentenceCode::HelperUntrusted, "helper_untrusted",
     QT_TRANSLATE_NOOP("refscope::HolderText", "RefScope did not load %1: someone other than root could have changed it (%2). It loads its helper module only from files and directories that only root can write: install the refscope-helper-dkms package (apt install refscope-helper-dkms)")},
    {HolderSentenceCode::NftLogger, "nft_logger",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: a rule's %1 takes the %2 logger of each address family it logs, here %3 reference(s) (nf_logger_find_get; modules.alias: %4)")},
    {HolderSentenceCode::NftCtHelper, "nft_ct_helper",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: a ct helper object of type %1 holds its conntrack helper once per layer-3 protocol (%2) (nf_conntrack_helper_try_module_get; modules.alias: %3)")},
    {HolderSentenceCode::XtCtHelper, "xt_ct_helper",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: an iptables-nft rule's target CT --helper %1 holds its conntrack helper (nf_conntrack_helper_try_module_get; modules.alias: %2)")},
    {HolderSentenceCode::TcpCongestion, "tcp_congestion",
     QT_TRANSLATE_NOOP("refscope::HolderText", "sock_diag: %2 TCP socket(s) use the congestion control %1, each holding a reference on its module until it is closed")},
    {HolderSentenceCode::TcpCongestionDefault, "tcp_congestion_default",
     QT_TRANSLATE_NOOP("refscope::HolderText", "net.ipv4.tcp_congestion_control: the network namespace's default congestion control %1 holds a reference on its module")},
    {HolderSentenceCode::MdPersonality, "md_personality",
     QT_TRANSLATE_NOOP("refscope::HolderText", "md: the running array %1 holds its %2 personality (modules.alias: %3) until it is stopped")},
    {HolderSentenceCode::MdMember, "md_member",
     QT_TRANSLATE_NOOP("refscope::HolderText", "md: the array %1 keeps its members %2 open, one reference each")},
    {HolderSentenceCode::IoUringFile, "io_uring_file",
     QT_TRANSLATE_NOOP("refscope::HolderText", "the io_uring of fd %1 keeps the registered file %2 open (its fdinfo names only the file's name; %3 is the one device node of that name in /dev)")},
    {HolderSentenceCode::NftObjectType, "nft_object_type",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: each stateful %1 object holds a reference on the module of its type until it is deleted (modules.alias: %2)")},
    {HolderSentenceCode::NftCoreObjectType, "nft_core_object_type",
     QT_TRANSLATE_NOOP("refscope::HolderText", "nf_tables: each stateful %1 object, a type built into nf_tables, holds a reference on nf_tables until it is deleted")},
};
// clang-format on

const SentenceSource *sourceOf(HolderSentenceCode code)
{
    for (const SentenceSource &s : kSentences) {
        if (s.code == code)
            return &s;
    }
    return nullptr;
}

// %1..%9 replaced in one pass: an argument that itself contains "%2" (a
// path, a comm) stays as it is, which chained QString::arg() would not do.
QString substitute(const QString &text, const QStringList &args)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const int n = i + 1 < text.size() ? text.at(i + 1).digitValue() : -1;
        if (c == u'%' && n >= 1 && n <= args.size()) {
            out += args.at(n - 1);
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QString holderPhrase(const char *english, TextLanguage language, const QStringList &args)
{
    return substitute(language == TextLanguage::English
                          ? QString::fromUtf8(english)
                          : QCoreApplication::translate(kContext, english),
                      args);
}

QString holderSentenceText(const HolderSentence &sentence, const QList<Holder> &holders,
                           TextLanguage language)
{
    if (sentence.code == HolderSentenceCode::HolderStep) {
        bool ok = false;
        const int index = sentence.args.value(0).toInt(&ok);
        return ok && index >= 0 && index < holders.size()
                   ? stepForHolder(holders.at(index), language)
                   : QString();
    }
    const SentenceSource *source = sourceOf(sentence.code);
    return source ? holderPhrase(source->english, language, sentence.args) : QString();
}

namespace {

// The sentences' texts, or `english` for a report from before they existed.
QStringList texts(const QList<HolderSentence> &sentences, const QStringList &english,
                  const QList<Holder> &holders, TextLanguage language)
{
    if (sentences.isEmpty())
        return english;
    QStringList out;
    for (const HolderSentence &sentence : sentences)
        out << holderSentenceText(sentence, holders, language);
    return out;
}

} // namespace

QString holderVerdictText(const HolderReport &report, TextLanguage language)
{
    return texts(report.verdictSentences, {report.verdict}, report.holders, language).join(u' ');
}

QStringList holderStepTexts(const HolderReport &report, TextLanguage language)
{
    return texts(report.stepSentences, report.steps, report.holders, language);
}

QString holderRuleText(const Holder &holder, TextLanguage language)
{
    return texts(holder.ruleSentences, {holder.rule}, {}, language).join(QStringLiteral("; "));
}

void setHolderRule(Holder &holder, QList<HolderSentence> parts)
{
    holder.ruleSentences = std::move(parts);
    holder.rule = holderRuleText(holder, TextLanguage::English);
}

void addHolderRulePart(Holder &holder, HolderSentence part)
{
    QList<HolderSentence> parts = holder.ruleSentences;
    parts.append(std::move(part));
    setHolderRule(holder, std::move(parts));
}

QString holderSentenceCodeName(HolderSentenceCode code)
{
    const SentenceSource *source = sourceOf(code);
    return source ? QString::fromLatin1(source->name) : QString();
}

std::optional<HolderSentenceCode> holderSentenceCodeFromName(const QString &name)
{
    for (const SentenceSource &s : kSentences) {
        if (name == QLatin1String(s.name))
            return s.code;
    }
    return std::nullopt;
}

QString holderKindText(HolderKind kind)
{
    switch (kind) {
    case HolderKind::File:
        return QCoreApplication::translate("refscope::HolderText", "file");
    case HolderKind::Socket:
        return QCoreApplication::translate("refscope::HolderText", "socket");
    case HolderKind::Mount:
        return QCoreApplication::translate("refscope::HolderText", "mount");
    case HolderKind::Module:
        return QCoreApplication::translate("refscope::HolderText", "module");
    case HolderKind::Kthread:
        return QCoreApplication::translate("refscope::HolderText", "kernel thread");
    case HolderKind::TrafficControl:
        return QCoreApplication::translate("refscope::HolderText", "traffic control");
    case HolderKind::Netfilter:
        return QCoreApplication::translate("refscope::HolderText", "netfilter");
    case HolderKind::Swap:
        return QCoreApplication::translate("refscope::HolderText", "swap");
    case HolderKind::Crypto:
        return QCoreApplication::translate("refscope::HolderText", "crypto");
    case HolderKind::Bpf:
        return QCoreApplication::translate("refscope::HolderText", "BPF");
    case HolderKind::TcpCongestion:
        return QCoreApplication::translate("refscope::HolderText", "TCP congestion control");
    case HolderKind::IoScheduler:
        return QCoreApplication::translate("refscope::HolderText", "I/O scheduler");
    case HolderKind::Nls:
        return QCoreApplication::translate("refscope::HolderText", "NLS table");
    case HolderKind::LoopBacking:
        return QCoreApplication::translate("refscope::HolderText", "loop backing device");
    case HolderKind::DeviceMapper:
        return QCoreApplication::translate("refscope::HolderText", "device-mapper");
    case HolderKind::Md:
        return QCoreApplication::translate("refscope::HolderText", "md array");
    case HolderKind::IoUring:
        return QCoreApplication::translate("refscope::HolderText", "io_uring registered file");
    }
    return {};
}

QString holderSourceText(HolderSource source)
{
    return source == HolderSource::Exact
               ? QCoreApplication::translate("refscope::HolderText", "exact")
               : QCoreApplication::translate("refscope::HolderText", "inferred");
}

} // namespace refscope

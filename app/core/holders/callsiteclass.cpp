// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/callsiteclass.h"

#include "inventory/moduleinfo.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace refscope {

namespace {

struct SubsystemRule {
    const char *function; // a whole name, or a prefix when `prefix`
    bool prefix;
    const char *kind;
};

// The kernel functions that call try_module_get()/__module_get() for an
// object they keep, as the module tracepoints' call_site names them on
// 6.1-6.12 (the caller of try_module_get, which is not inlined). Prefixes
// cover the families whose members change between releases. Anything not
// here and not in the module itself stays Unknown: never dropped.
// clang-format off
const SubsystemRule kRules[] = {
    // crypto: a transform or an AF_ALG socket's algorithm
    {"crypto_alg_mod_lookup", false, "crypto"}, {"crypto_mod_get", false, "crypto"},
    {"crypto_", true, "crypto"}, {"af_alg_", true, "crypto"}, {"alg_bind", false, "crypto"},
    {"alg_accept", false, "crypto"}, {"alg_setsockopt", false, "crypto"},
    // traffic control: qdiscs, filters, actions
    {"qdisc_", true, "qdisc"}, {"tc_modify_qdisc", false, "qdisc"},
    {"tcf_proto_", true, "tc filter"}, {"tc_new_tfilter", false, "tc filter"},
    {"tcf_action_", true, "tc action"}, {"tc_action_", true, "tc action"},
    {"tcf_", true, "tc action"},
    // netfilter: iptables matches and targets, nftables expressions, helpers
    {"xt_request_find_", true, "netfilter"}, {"xt_find_", true, "netfilter"},
    {"nft_expr_type_get", false, "netfilter"}, {"nft_", true, "netfilter"},
    {"nf_ct_helper", true, "netfilter"}, {"__nf_ct_", true, "netfilter"},
    {"nf_conntrack_", true, "netfilter"}, {"nf_nat_", true, "netfilter"},
    {"nf_log_", true, "netfilter"}, {"nf_logger_", true, "netfilter"},
    {"nfnl_", true, "netfilter"}, {"nfnetlink_", true, "netfilter"},
    {"translate_table", false, "netfilter"}, {"find_check_", true, "netfilter"},
    {"check_match", false, "netfilter"}, {"check_target", false, "netfilter"},
    {"ebt_", true, "netfilter"}, {"ipt_", true, "netfilter"}, {"ip6t_", true, "netfilter"},
    {"arpt_", true, "netfilter"},
    // BPF: trampolines (fentry/fexit), programs and links on a module's BTF
    {"bpf_trampoline", true, "bpf"}, {"btf_try_get_module", false, "bpf"},
    {"bpf_check", true, "bpf"}, {"bpf_prog_", true, "bpf"}, {"bpf_link_", true, "bpf"},
    {"bpf_struct_ops", true, "bpf"}, {"bpf_", true, "bpf"}, {"__bpf_", true, "bpf"},
    {"btf_", true, "bpf"},
    // block devices: a disk opened (mounted, swapped on, opened by a process)
    {"blkdev_get", true, "block device"}, {"bdev_open", true, "block device"},
    {"blkdev_open", false, "block device"}, {"disk_", true, "block device"},
    {"get_disk", true, "block device"}, {"add_disk", true, "block device"},
    // files: an open file's operations or character device
    {"do_dentry_open", false, "file"}, {"chrdev_open", false, "file"},
    {"misc_open", false, "file"}, {"fops_get", false, "file"}, {"cdev_get", false, "file"},
    {"anon_inode_", true, "file"}, {"alloc_file", true, "file"},
    {"__anon_inode_", true, "file"}, {"soundcore_open", false, "file"},
    {"snd_open", false, "file"}, {"input_open_file", false, "file"},
    {"tty_lookup_driver", false, "file"}, {"tty_open", true, "file"},
    {"tty_kopen", true, "file"}, {"tty_", true, "file"}, {"v4l2_open", false, "file"},
    // sockets: the protocol family's or the protocol's module
    {"__sock_create", false, "socket"}, {"sock_create", true, "socket"},
    {"sk_prot_alloc", false, "socket"}, {"sk_alloc", false, "socket"},
    {"sk_clone_lock", false, "socket"}, {"netlink_create", false, "socket"},
    {"__netlink_create", false, "socket"}, {"netlink_bind", false, "socket"},
    {"sock_", true, "socket"}, {"inet_create", false, "socket"},
    {"inet6_create", false, "socket"}, {"inet_accept", false, "socket"},
    {"pppox_create", false, "socket"},
    // mounts: a filesystem type held by its superblocks and fs contexts
    {"get_fs_type", false, "mount"}, {"__get_fs_type", false, "mount"},
    {"get_filesystem", false, "mount"}, {"alloc_fs_context", false, "mount"},
    {"fs_context_", true, "mount"}, {"vfs_kern_mount", false, "mount"},
    // another module using this one's symbols
    {"resolve_symbol", true, "module"}, {"ref_module", false, "module"},
    {"strong_try_module_get", false, "module"}, {"__symbol_get", false, "module"},
    {"symbol_get", false, "module"},
};
// clang-format on

// The kinds above, for the translations (callSiteOwnerText).
[[maybe_unused]] const char *const kKindNames[] = {
    QT_TRANSLATE_NOOP("refscope::CallSite", "crypto"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "qdisc"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "tc filter"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "tc action"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "netfilter"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "bpf"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "block device"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "file"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "socket"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "mount"),
    QT_TRANSLATE_NOOP("refscope::CallSite", "module"),
};

// "count_demo_open+0x3c/0x90 [count_demo]" -> function, module.
void parseLabel(const QString &label, QString *function, QString *siteModule)
{
    QString text = label.trimmed();
    const qsizetype open = text.lastIndexOf(u'[');
    if (open > 0 && text.endsWith(u']')) {
        *siteModule = normalizeModuleName(text.mid(open + 1, text.size() - open - 2).trimmed());
        text = text.left(open).trimmed();
    }
    if (text.startsWith(QLatin1String("0x"))) // an address nothing resolved
        return;
    const qsizetype plus = text.indexOf(u'+');
    QString name = plus >= 0 ? text.left(plus) : text.section(u' ', 0, 0);
    // "fn.isra.0", "fn.cold", "fn.constprop.0": the source function is fn.
    const qsizetype dot = name.indexOf(u'.');
    if (dot > 0)
        name = name.left(dot);
    *function = name;
}

const SubsystemRule *subsystemRule(const QString &function)
{
    // Whole names first: a prefix rule must not shadow a more precise one.
    for (const SubsystemRule &rule : kRules) {
        if (!rule.prefix && function == QLatin1String(rule.function))
            return &rule;
    }
    for (const SubsystemRule &rule : kRules) {
        if (rule.prefix && function.startsWith(QLatin1String(rule.function)))
            return &rule;
    }
    return nullptr;
}

// A driver's open(), bind() or probe(): "count_demo_open", "foo_dev_open",
// "foo_bind", "foo_probe", "foo_open_file".
bool looksLikeOpen(const QString &function)
{
    static const QRegularExpression pattern(
        QStringLiteral("(^|_)(open|bind|probe)(_|$)|_open[a-z]*$"));
    return pattern.match(function).hasMatch();
}

} // namespace

QString callSiteOwnerName(CallSiteOwner owner)
{
    switch (owner) {
    case CallSiteOwner::Self:
        return QStringLiteral("self");
    case CallSiteOwner::Subsystem:
        return QStringLiteral("subsystem");
    case CallSiteOwner::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

CallSiteClass classifyCallSite(const QString &label, const QString &module)
{
    CallSiteClass site;
    parseLabel(label, &site.function, &site.siteModule);
    if (site.function.isEmpty())
        return site;
    const QString self = normalizeModuleName(module);
    // Inside the module: its symbol carries its name ("[leaky_ref]"), or,
    // in a trace.dat, which keeps no module, its name starts with the
    // module's ("leaky_ref_get_one" in leaky_ref). The kernel's own
    // functions never carry a module, so a tagged symbol is decisive.
    const bool tagged = !site.siteModule.isEmpty();
    const bool inModule = tagged
                              ? site.siteModule == self
                              : (site.function == self || site.function.startsWith(self + u'_')) &&
                                    !subsystemRule(site.function);
    if (inModule) {
        site.owner = CallSiteOwner::Self;
        site.inOpen = looksLikeOpen(site.function);
        return site;
    }
    if (const SubsystemRule *rule = subsystemRule(site.function)) {
        site.owner = CallSiteOwner::Subsystem;
        site.holderKind = QString::fromLatin1(rule->kind);
    }
    return site;
}

qsizetype openFileHolderOf(const OutstandingGet &get, const CallSiteClass &site,
                           const QList<Holder> &holders)
{
    if (site.owner != CallSiteOwner::Self || !site.inOpen || get.pid <= 0)
        return -1;
    for (qsizetype i = 0; i < holders.size(); ++i) {
        const Holder &h = holders.at(i);
        if ((h.kind == HolderKind::File || h.kind == HolderKind::Socket) && h.refs > 0 &&
            (h.pid == get.pid || h.sharedWith.contains(get.pid)))
            return i;
    }
    return -1;
}

bool heldByOpenFile(const OutstandingGet &get, const CallSiteClass &site,
                    const QList<Holder> &holders)
{
    return openFileHolderOf(get, site, holders) >= 0;
}

QString callSiteOwnerText(const CallSiteClass &site)
{
    switch (site.owner) {
    case CallSiteOwner::Self:
        return site.inOpen ? QCoreApplication::translate("refscope::CallSite",
                                                         "the module's own get in open")
                           : QCoreApplication::translate("refscope::CallSite",
                                                         "leak-prone: the module's own get");
    case CallSiteOwner::Subsystem:
        return QCoreApplication::translate("refscope::CallSite",
                                           site.holderKind.toLatin1().constData());
    case CallSiteOwner::Unknown:
        break;
    }
    return QCoreApplication::translate("refscope::CallSite", "unknown: never dropped");
}

} // namespace refscope

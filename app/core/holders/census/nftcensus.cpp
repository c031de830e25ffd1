// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/nftcensus.h"

#include "holders/census/census.h"
#include "holders/census/netlinkdump.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"

#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QRegularExpression>

#include <libmnl/libmnl.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/object.h>
#include <libnftnl/rule.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/xt_CT.h>

#include <cstddef>
#include <cstring>
#include <memory>

namespace refscope {

namespace {

QString str(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

bool isNftMessage(const nlmsghdr *nlh, int type)
{
    return NFNL_SUBSYS_ID(nlh->nlmsg_type) == NFNL_SUBSYS_NFTABLES &&
           NFNL_MSG_TYPE(nlh->nlmsg_type) == type;
}

// The helper of an xt CT target: every revision's info (xt_ct_target_info,
// _v1) starts with flags and the helper's name at the same offset.
QString xtCtHelper(const nftnl_expr *e)
{
    uint32_t len = 0;
    const auto *info = static_cast<const char *>(nftnl_expr_get(e, NFTNL_EXPR_TG_INFO, &len));
    constexpr size_t at = offsetof(xt_ct_target_info, helper);
    constexpr size_t size = sizeof(xt_ct_target_info::helper);
    if (!info || len < at + size)
        return {};
    uint16_t flags = 0;
    std::memcpy(&flags, info, sizeof flags);
    if (flags & XT_CT_NOTRACK)
        return {};
    return QString::fromUtf8(info + at, int(strnlen(info + at, size)));
}

} // namespace

QList<NftRule> parseNftRules(const QByteArray &replies)
{
    QList<NftRule> rules;
    forEachNetlinkMessage(replies, [&](const nlmsghdr *nlh) {
        if (!isNftMessage(nlh, NFT_MSG_NEWRULE))
            return;
        std::unique_ptr<nftnl_rule, void (*)(const nftnl_rule *)> r(nftnl_rule_alloc(),
                                                                    nftnl_rule_free);
        if (!r || nftnl_rule_nlmsg_parse(nlh, r.get()) < 0)
            return;
        NftRule rule;
        rule.family = int(nftnl_rule_get_u32(r.get(), NFTNL_RULE_FAMILY));
        rule.table = str(nftnl_rule_get_str(r.get(), NFTNL_RULE_TABLE));
        rule.chain = str(nftnl_rule_get_str(r.get(), NFTNL_RULE_CHAIN));
        rule.handle = nftnl_rule_get_u64(r.get(), NFTNL_RULE_HANDLE);
        nftnl_expr_iter *it = nftnl_expr_iter_create(r.get());
        if (!it)
            return;
        for (nftnl_expr *e = nftnl_expr_iter_next(it); e; e = nftnl_expr_iter_next(it)) {
            NftExpression expr;
            expr.name = str(nftnl_expr_get_str(e, NFTNL_EXPR_NAME));
            if (expr.name == QLatin1String("match"))
                expr.xtName = str(nftnl_expr_get_str(e, NFTNL_EXPR_MT_NAME));
            else if (expr.name == QLatin1String("target"))
                expr.xtName = str(nftnl_expr_get_str(e, NFTNL_EXPR_TG_NAME));
            if (expr.name == QLatin1String("log"))
                expr.logType = nftnl_expr_is_set(e, NFTNL_EXPR_LOG_GROUP) ? 1 : 0;
            if (expr.xtName == QLatin1String("CT"))
                expr.ctHelper = xtCtHelper(e);
            if (expr.name == QLatin1String("objref") &&
                nftnl_expr_is_set(e, NFTNL_EXPR_OBJREF_IMM_NAME)) {
                expr.objectRef = str(nftnl_expr_get_str(e, NFTNL_EXPR_OBJREF_IMM_NAME));
                expr.objectRefType = int(nftnl_expr_get_u32(e, NFTNL_EXPR_OBJREF_IMM_TYPE));
            }
            if (expr.name == QLatin1String("objref") &&
                nftnl_expr_is_set(e, NFTNL_EXPR_OBJREF_IMM_NAME) &&
                nftnl_expr_get_u32(e, NFTNL_EXPR_OBJREF_IMM_TYPE) == NFT_OBJECT_CT_HELPER)
                expr.ctHelperObject = str(nftnl_expr_get_str(e, NFTNL_EXPR_OBJREF_IMM_NAME));
            rule.expressions.append(expr);
        }
        nftnl_expr_iter_destroy(it);
        rules.append(rule);
    });
    return rules;
}

QList<NftChain> parseNftChains(const QByteArray &replies)
{
    QList<NftChain> chains;
    forEachNetlinkMessage(replies, [&](const nlmsghdr *nlh) {
        if (!isNftMessage(nlh, NFT_MSG_NEWCHAIN))
            return;
        std::unique_ptr<nftnl_chain, void (*)(const nftnl_chain *)> c(nftnl_chain_alloc(),
                                                                      nftnl_chain_free);
        if (!c || nftnl_chain_nlmsg_parse(nlh, c.get()) < 0)
            return;
        NftChain chain;
        chain.family = int(nftnl_chain_get_u32(c.get(), NFTNL_CHAIN_FAMILY));
        chain.table = str(nftnl_chain_get_str(c.get(), NFTNL_CHAIN_TABLE));
        chain.name = str(nftnl_chain_get_str(c.get(), NFTNL_CHAIN_NAME));
        if (nftnl_chain_is_set(c.get(), NFTNL_CHAIN_TYPE))
            chain.type = str(nftnl_chain_get_str(c.get(), NFTNL_CHAIN_TYPE));
        chains.append(chain);
    });
    return chains;
}

QList<NftObject> parseNftObjects(const QByteArray &replies)
{
    QList<NftObject> objects;
    forEachNetlinkMessage(replies, [&](const nlmsghdr *nlh) {
        if (!isNftMessage(nlh, NFT_MSG_NEWOBJ))
            return;
        std::unique_ptr<nftnl_obj, void (*)(const nftnl_obj *)> o(nftnl_obj_alloc(),
                                                                  nftnl_obj_free);
        if (!o || nftnl_obj_nlmsg_parse(nlh, o.get()) < 0)
            return;
        NftObject object;
        object.family = int(nftnl_obj_get_u32(o.get(), NFTNL_OBJ_FAMILY));
        object.table = str(nftnl_obj_get_str(o.get(), NFTNL_OBJ_TABLE));
        object.name = str(nftnl_obj_get_str(o.get(), NFTNL_OBJ_NAME));
        object.type = int(nftnl_obj_get_u32(o.get(), NFTNL_OBJ_TYPE));
        if (object.type == NFT_OBJECT_CT_HELPER) {
            NftCtHelperObject h;
            h.family = object.family;
            h.table = object.table;
            h.name = object.name;
            h.helper = str(nftnl_obj_get_str(o.get(), NFTNL_OBJ_CT_HELPER_NAME));
            h.l3proto = nftnl_obj_get_u16(o.get(), NFTNL_OBJ_CT_HELPER_L3PROTO);
            h.l4proto = nftnl_obj_get_u8(o.get(), NFTNL_OBJ_CT_HELPER_L4PROTO);
            object.ctHelper = h;
        }
        objects.append(object);
    });
    return objects;
}

QList<NftCtHelperObject> parseNftCtHelpers(const QByteArray &replies)
{
    QList<NftCtHelperObject> helpers;
    for (const NftObject &o : parseNftObjects(replies)) {
        if (o.ctHelper)
            helpers.append(*o.ctHelper);
    }
    return helpers;
}

QString nftObjectTypeName(int type)
{
    switch (type) {
    case NFT_OBJECT_COUNTER:
        return QStringLiteral("counter");
    case NFT_OBJECT_QUOTA:
        return QStringLiteral("quota");
    case NFT_OBJECT_CT_HELPER:
        return QStringLiteral("ct helper");
    case NFT_OBJECT_LIMIT:
        return QStringLiteral("limit");
    case NFT_OBJECT_CT_TIMEOUT:
        return QStringLiteral("ct timeout");
    case NFT_OBJECT_SECMARK:
        return QStringLiteral("secmark");
    case NFT_OBJECT_CT_EXPECT:
        return QStringLiteral("ct expectation");
    case NFT_OBJECT_SYNPROXY:
        return QStringLiteral("synproxy");
    default:
        return {};
    }
}

QString nftFamilyName(int family)
{
    switch (family) {
    case NFPROTO_INET:
        return QStringLiteral("inet");
    case NFPROTO_IPV4:
        return QStringLiteral("ip");
    case NFPROTO_ARP:
        return QStringLiteral("arp");
    case NFPROTO_NETDEV:
        return QStringLiteral("netdev");
    case NFPROTO_BRIDGE:
        return QStringLiteral("bridge");
    case NFPROTO_IPV6:
        return QStringLiteral("ip6");
    }
    return QString::number(family);
}

namespace {

// nft_expr_type_get() loads "nft-expr-FAMILY-NAME", then "nft-expr-NAME":
// the expression's owner is the loaded module the first that resolves
// names. The expressions built into nf_tables (cmp, payload, immediate,
// counter, lookup, ...) have no such alias: their type's owner is
// nf_tables itself, which each of them holds the same way.
Attribution expressionOwner(ModuleOwners &owners, int family, const QString &name)
{
    for (const QString &alias : {QStringLiteral("nft-expr-%1-%2").arg(family).arg(name),
                                 QStringLiteral("nft-expr-%1").arg(name)}) {
        if (const QString module = owners.aliasModule(alias); !module.isEmpty())
            return {module, {{HolderSentenceCode::NftExpression, {name, alias}}}};
    }
    const QString core = QStringLiteral("nf_tables");
    if (owners.loaded().contains(core))
        return {core, {{HolderSentenceCode::NftCoreExpression, {name}}}};
    return {};
}

// xt_request_find_match/target load "PREFIXt_NAME" (ipt_, ip6t_, arpt_,
// ebt_), which xt modules carry as an alias of their own "xt_NAME".
Attribution xtOwner(ModuleOwners &owners, int family, const QString &what, const QString &name)
{
    QString prefix;
    switch (family) {
    case NFPROTO_IPV4:
        prefix = QStringLiteral("ip");
        break;
    case NFPROTO_IPV6:
        prefix = QStringLiteral("ip6");
        break;
    case NFPROTO_ARP:
        prefix = QStringLiteral("arp");
        break;
    case NFPROTO_BRIDGE:
        prefix = QStringLiteral("eb");
        break;
    default:
        break;
    }
    QStringList aliases;
    if (!prefix.isEmpty())
        aliases << prefix + QStringLiteral("t_") + name;
    aliases << QStringLiteral("xt_") + name;
    for (const QString &alias : std::as_const(aliases)) {
        if (const QString module = owners.aliasModule(alias); !module.isEmpty())
            return {module, {{HolderSentenceCode::XtExtension, {what, name, alias}}}};
    }
    return {};
}

// nf_logger_find_get() takes the logger registered for the rule's family
// and type, which the kernel loads as "nf-logger-FAMILY-TYPE"; an inet
// rule takes IPv4's and IPv6's, two references. nfnetlink_log serves every
// family but carries aliases for a few only: its name is the fallback.
QList<Attribution> loggerOwners(ModuleOwners &owners, int family, int type, const QString &what)
{
    const QList<int> families =
        family == NFPROTO_INET ? QList<int>{NFPROTO_IPV4, NFPROTO_IPV6} : QList<int>{family};
    QStringList aliases;
    for (const int f : families)
        aliases << QStringLiteral("nf-logger-%1-%2").arg(f).arg(type);
    const QString typeName = type == 1 ? QStringLiteral("nfnetlink_log") : QStringLiteral("syslog");
    QList<Attribution> found;
    for (const QString &alias : std::as_const(aliases)) {
        QString module = owners.aliasModule(alias);
        if (module.isEmpty()) {
            const QString fallback =
                type == 1 ? QStringLiteral("nfnetlink_log") : QStringLiteral("nf_log_syslog");
            if (owners.loaded().contains(fallback))
                module = fallback;
        }
        if (!module.isEmpty())
            found.append({module,
                          {{HolderSentenceCode::NftLogger,
                            {what, typeName, QString::number(families.size()),
                             aliases.join(QStringLiteral(", "))}}}});
    }
    return found;
}

// Deleting a ct helper object that a rule still names fails (EBUSY): those
// rules go first, in the same transaction.
QString helperUndo(const QString &where, QStringList commands)
{
    commands.removeDuplicates();
    if (commands.isEmpty())
        return QStringLiteral("nft delete ct helper %1").arg(where);
    commands << QStringLiteral("delete ct helper %1").arg(where);
    return QStringLiteral("nft '%1'").arg(commands.join(QStringLiteral("; ")));
}

// Any other object a rule names (objref) likewise: those rules go first.
QString objectUndo(const QString &typeName, const QString &where, QStringList commands)
{
    commands.removeDuplicates();
    if (commands.isEmpty())
        return QStringLiteral("nft delete %1 %2").arg(typeName, where);
    commands << QStringLiteral("delete %1 %2").arg(typeName, where);
    return QStringLiteral("nft '%1'").arg(commands.join(QStringLiteral("; ")));
}

Holder nftHolder(const Attribution &owner, const QString &path, int refs, const QString &undo)
{
    Holder h;
    h.kind = HolderKind::Netfilter;
    h.path = path;
    h.refs = refs;
    h.source = HolderSource::Inferred;
    h.undo = undo;
    setHolderRule(h, owner.rule);
    return h;
}

// nft takes a name as it is when it is an identifier, else quoted.
QString nftName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_./-]*$"));
    return plain.match(name).hasMatch() ? name : u'"' + name + u'"';
}

bool dumpNft(NetlinkSocket &sock, int type, QByteArray *replies)
{
    char buffer[MNL_SOCKET_BUFFER_SIZE];
    nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buffer, uint16_t(type), NFPROTO_UNSPEC, NLM_F_DUMP, 0);
    return sock.dump(nlh, replies);
}

} // namespace

void addNetfilterHolders(ModuleOwners &owners, const NetNamespace &ns, Census &census)
{
    // Without nf_tables there are no rules to read, and asking nfnetlink
    // would make the kernel load it: a census must not change the counts.
    if (!QFileInfo::exists(QStringLiteral("/sys/module/nf_tables")))
        return;
    NetlinkSocket sock(NETLINK_NETFILTER);
    if (!sock.isOpen()) {
        census.markUnchecked(QStringLiteral("netfilter"), sock.error());
        return;
    }
    const QString nsTag = ns.own ? QString() : QStringLiteral("-ns%1").arg(ns.inode);
    QByteArray replies;
    if (!dumpNft(sock, NFT_MSG_GETRULE, &replies)) {
        census.markUnchecked(QStringLiteral("netfilter"), sock.error());
        return;
    }
    captureReplies(QStringLiteral("nft-rules%1.nl").arg(nsTag), replies);
    // Loggers are accounted only while a logger backend is loaded.
    const bool loggers = owners.loaded().contains(QStringLiteral("nf_log_syslog")) ||
                         owners.loaded().contains(QStringLiteral("nfnetlink_log"));
    // The rules naming a ct helper object: it cannot be deleted before them.
    QHash<QString, QStringList> helperUsers; // "family table object" -> "delete rule ..."
    QHash<QString, QStringList> objectUsers; // "type family table object" -> "delete rule ..."
    for (const NftRule &rule : parseNftRules(replies)) {
        const QString where =
            QStringLiteral("%1 %2 %3")
                .arg(nftFamilyName(rule.family), nftName(rule.table), nftName(rule.chain));
        const QString path = QStringLiteral("rule %1 handle %2").arg(where).arg(rule.handle);
        const QString undo = inNamespace(
            ns, QStringLiteral("nft delete rule %1 handle %2").arg(where).arg(rule.handle));
        // One holder per module the rule holds, with one reference per
        // expression of it (an xt match or target: one on nft_compat, one
        // on its xt module).
        QMap<QString, QPair<Attribution, int>> held;
        auto hold = [&](const Attribution &owner) {
            if (!owner.found())
                return;
            auto &entry = held[owner.module];
            if (entry.second == 0)
                entry.first = owner;
            ++entry.second;
        };
        for (const NftExpression &e : rule.expressions) {
            hold(expressionOwner(owners, rule.family, e.name));
            if (!e.xtName.isEmpty())
                hold(xtOwner(owners, rule.family, e.name, e.xtName));
            if (loggers && e.logType >= 0) {
                for (const Attribution &a : loggerOwners(owners, rule.family, e.logType,
                                                         QStringLiteral("\"log\" expression")))
                    hold(a);
            }
            // xt_LOG's check takes the syslog logger of the rule's family.
            if (loggers && e.name == QLatin1String("target") && e.xtName == QLatin1String("LOG")) {
                for (const Attribution &a :
                     loggerOwners(owners, rule.family, 0, QStringLiteral("target LOG")))
                    hold(a);
            }
            if (!e.objectRef.isEmpty())
                objectUsers[QStringLiteral("%1 %2 %3 %4")
                                .arg(e.objectRefType)
                                .arg(nftFamilyName(rule.family), nftName(rule.table),
                                     nftName(e.objectRef))]
                    << QStringLiteral("delete rule %1 handle %2").arg(where).arg(rule.handle);
            if (!e.ctHelperObject.isEmpty())
                helperUsers[QStringLiteral("%1 %2 %3")
                                .arg(nftFamilyName(rule.family), nftName(rule.table),
                                     nftName(e.ctHelperObject))]
                    << QStringLiteral("delete rule %1 handle %2").arg(where).arg(rule.handle);
            // xt_CT's check takes its helper (nf_conntrack_helper_try_module_get).
            if (!e.ctHelper.isEmpty()) {
                const QString alias = QStringLiteral("nfct-helper-") + e.ctHelper;
                if (const QString module = owners.aliasModule(alias); !module.isEmpty())
                    hold({module, {{HolderSentenceCode::XtCtHelper, {e.ctHelper, alias}}}});
            }
        }
        for (auto it = held.cbegin(); it != held.cend(); ++it)
            census.holders[it.key()].append(
                nftHolder(it.value().first, path, it.value().second, undo));
    }

    if (!dumpNft(sock, NFT_MSG_GETCHAIN, &replies)) {
        census.markUnchecked(QStringLiteral("netfilter"), sock.error());
        return;
    }
    captureReplies(QStringLiteral("nft-chains%1.nl").arg(nsTag), replies);
    for (const NftChain &chain : parseNftChains(replies)) {
        if (chain.type.isEmpty())
            continue; // not a base chain
        const QString alias = QStringLiteral("nft-chain-%1-%2").arg(chain.family).arg(chain.type);
        const QString module = owners.aliasModule(alias);
        if (module.isEmpty())
            continue; // a built-in type (filter, route)
        const Attribution owner{module, {{HolderSentenceCode::NftChainType, {chain.type, alias}}}};
        const QString where =
            QStringLiteral("%1 %2 %3")
                .arg(nftFamilyName(chain.family), nftName(chain.table), nftName(chain.name));
        census.holders[module].append(nftHolder(
            owner, QStringLiteral("base chain %1 (type %2)").arg(where, chain.type), 1,
            inNamespace(ns, QStringLiteral("nft 'flush chain %1; delete chain %1'").arg(where))));
    }

    if (!dumpNft(sock, NFT_MSG_GETOBJ, &replies)) {
        census.markUnchecked(QStringLiteral("netfilter"), sock.error());
        return;
    }
    captureReplies(QStringLiteral("nft-objects%1.nl").arg(nsTag), replies);
    // Every object holds the module of its type (nft_obj_type_get, put in
    // nft_obj_destroy): nft_ct for a ct helper, nf_tables itself for a
    // counter or a quota. Measured +1 on nft_ct per ct helper object on
    // 6.1 and 6.12, besides what the object holds of its helper.
    // One parse serves both: every object, then the ct helpers among them.
    const QList<NftObject> objects = parseNftObjects(replies);
    for (const NftObject &o : objects) {
        const QString typeName = nftObjectTypeName(o.type);
        if (typeName.isEmpty())
            continue; // no nft command would undo it: stays unattributed
        const QString alias = QStringLiteral("nft-obj-%1").arg(o.type);
        Attribution owner;
        if (const QString module = owners.aliasModule(alias); !module.isEmpty())
            owner = {module, {{HolderSentenceCode::NftObjectType, {typeName, alias}}}};
        else if (owners.loaded().contains(QStringLiteral("nf_tables")))
            owner = {QStringLiteral("nf_tables"),
                     {{HolderSentenceCode::NftCoreObjectType, {typeName}}}};
        if (!owner.found())
            continue;
        const QString where = QStringLiteral("%1 %2 %3")
                                  .arg(nftFamilyName(o.family), nftName(o.table), nftName(o.name));
        const QString undo =
            o.type == NFT_OBJECT_CT_HELPER
                ? helperUndo(where, helperUsers.value(where))
                : objectUndo(typeName, where,
                             objectUsers.value(QStringLiteral("%1 %2").arg(o.type).arg(where)));
        census.holders[owner.module].append(nftHolder(
            owner, QStringLiteral("%1 %2").arg(typeName, where), 1, inNamespace(ns, undo)));
    }
    for (const NftObject &o : objects) {
        if (!o.ctHelper)
            continue;
        const NftCtHelperObject &h = *o.ctHelper;
        // nft_ct_helper_obj_init takes the IPv4 helper, the IPv6 one or
        // both; the dump says inet when it holds both.
        const QString alias = QStringLiteral("nfct-helper-") + h.helper;
        const QString module = owners.aliasModule(alias);
        if (module.isEmpty())
            continue;
        const bool both = h.l3proto == NFPROTO_INET;
        const Attribution owner{
            module,
            {{HolderSentenceCode::NftCtHelper,
              {h.helper, both ? QStringLiteral("IPv4, IPv6") : nftFamilyName(h.l3proto), alias}}}};
        const QString where = QStringLiteral("%1 %2 %3")
                                  .arg(nftFamilyName(h.family), nftName(h.table), nftName(h.name));
        census.holders[module].append(
            nftHolder(owner, QStringLiteral("ct helper %1 (type %2)").arg(where, h.helper),
                      both ? 2 : 1, inNamespace(ns, helperUndo(where, helperUsers.value(where)))));
    }
}

} // namespace refscope

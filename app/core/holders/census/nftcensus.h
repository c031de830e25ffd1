// SPDX-License-Identifier: GPL-3.0-or-later
// nf_tables as holders, read over nfnetlink with libnftnl: every expression
// of a rule holds its type's module (nft_expr_type_get: "ct" -> nft_ct),
// an xtables match or target of an iptables-nft rule (nft_compat's "match"
// and "target" expressions) holds its xt module as well (xt_conntrack), and
// a base chain holds its chain type's module (nat -> nft_chain_nat).
// A "log" expression or an xt LOG target also holds the logger backend
// (nf_log_syslog, nfnetlink_log), a ct helper object or an xt CT --helper
// target its conntrack helper (nf_conntrack_ftp).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace refscope {

struct Census;
class ModuleOwners;
struct NetNamespace;

struct NftExpression {
    QString name;   // "ct", "match", "target", "cmp"
    QString xtName; // match and target only: "conntrack", "LOG"
    // "log" only: the logger type it takes, 0 syslog (NF_LOG_TYPE_LOG), 1
    // nfnetlink_log ("log group N", NF_LOG_TYPE_ULOG); -1 otherwise.
    int logType = -1;
    // The xt target CT only: its --helper ("ftp"), empty without one.
    QString ctHelper;
    // "objref" naming a ct helper object ("ct helper set NAME"): NAME.
    QString ctHelperObject;
    // objref of any object type: the object it names and its NFT_OBJECT_*.
    QString objectRef;
    int objectRefType = 0;
};

struct NftRule {
    int family = 0; // NFPROTO_*
    QString table;
    QString chain;
    quint64 handle = 0;
    QList<NftExpression> expressions;
};

struct NftChain {
    int family = 0;
    QString table;
    QString name;
    QString type; // base chains only: "filter", "nat", "route"
};

// A ct helper object (`nft add ct helper F T NAME { type "ftp" ... }`).
struct NftCtHelperObject {
    int family = 0;
    QString table;
    QString name;
    QString helper;  // "ftp"
    int l3proto = 0; // NFPROTO_*: inet when it holds the IPv4 and the IPv6 helper
    int l4proto = 0; // IPPROTO_*
};

// A stateful object (counter, quota, ct helper, ...): its type holds the
// module it comes from (nft_obj_type_get) until the object is destroyed.
struct NftObject {
    int family = 0;
    QString table;
    QString name;
    int type = 0; // NFT_OBJECT_*
    // A ct helper object's helper, from the same parse.
    std::optional<NftCtHelperObject> ctHelper;
};

// NFT_MSG_GETRULE / NFT_MSG_GETCHAIN dump replies (NetlinkSocket::dump's bytes).
QList<NftRule> parseNftRules(const QByteArray &replies);
QList<NftChain> parseNftChains(const QByteArray &replies);
// NFT_MSG_GETOBJ dump replies: every object, of any type, each parsed once
// (a ct helper's helper with it).
QList<NftObject> parseNftObjects(const QByteArray &replies);
// The same replies: the ct helper objects among them.
QList<NftCtHelperObject> parseNftCtHelpers(const QByteArray &replies);
// nft's word for an object type ("counter", "ct helper"); empty for a type
// nft has no command for.
QString nftObjectTypeName(int type);

// "ip", "ip6", "inet", "arp", "bridge", "netdev": nft's word for a family.
QString nftFamilyName(int family);

// Adds the holders of one network namespace (the calling thread is in it).
void addNetfilterHolders(ModuleOwners &owners, const NetNamespace &ns, Census &census);

} // namespace refscope

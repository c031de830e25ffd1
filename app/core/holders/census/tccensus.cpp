// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/tccensus.h"

#include "holders/census/census.h"
#include "holders/census/netlinkdump.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"

#include <QMap>

#include <arpa/inet.h>
#include <cstring>
#include <libmnl/libmnl.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

namespace refscope {

namespace {

// tc_gen is a macro, not a type: the fields every action's parms begin with.
struct ActionParmsHead {
    tc_gen;
};

struct Attrs {
    const nlattr *table[64] = {};
};

int keepAttr(const nlattr *attr, void *data)
{
    auto *attrs = static_cast<Attrs *>(data);
    const int type = mnl_attr_get_type(attr);
    if (type >= 0 && type < 64)
        attrs->table[type] = attr;
    return MNL_CB_OK;
}

QString attrString(const nlattr *attr)
{
    if (!attr || mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0)
        return {};
    return QString::fromUtf8(mnl_attr_get_str(attr));
}

quint32 attrU32(const nlattr *attr)
{
    return attr && mnl_attr_validate(attr, MNL_TYPE_U32) >= 0 ? mnl_attr_get_u32(attr) : 0;
}

// Every action's parameters start with tc_gen: index, capab, action,
// refcnt, bindcnt. They sit in attribute 2 of the options (TCA_GACT_PARMS,
// TCA_MIRRED_PARMS, ...) except for police (TCA_POLICE_TBF, 1).
void readActionParms(const nlattr *options, TcObject &action)
{
    if (!options)
        return;
    Attrs inner;
    mnl_attr_parse_nested(options, keepAttr, &inner);
    const nlattr *parms = inner.table[action.kind == QLatin1String("police") ? TCA_POLICE_TBF : 2];
    if (!parms || mnl_attr_get_payload_len(parms) < sizeof(ActionParmsHead))
        return;
    ActionParmsHead head;
    std::memcpy(&head, mnl_attr_get_payload(parms), sizeof head);
    action.index = head.index;
    action.bindcnt = head.bindcnt;
}

void parseActions(const nlmsghdr *nlh, QList<TcObject> &out)
{
    Attrs root;
    if (mnl_attr_parse(nlh, sizeof(tcamsg), keepAttr, &root) < 0 || !root.table[TCA_ROOT_TAB])
        return;
    // mnl_attr_for_each_nested's C casts do not compile as C++: the same walk.
    const nlattr *tab = root.table[TCA_ROOT_TAB];
    const auto *end =
        reinterpret_cast<const char *>(mnl_attr_get_payload(tab)) + mnl_attr_get_payload_len(tab);
    for (auto *entry = static_cast<const nlattr *>(mnl_attr_get_payload(tab));
         mnl_attr_ok(entry, int(end - reinterpret_cast<const char *>(entry)));
         entry = mnl_attr_next(entry)) {
        Attrs act;
        if (mnl_attr_parse_nested(entry, keepAttr, &act) < 0)
            continue;
        TcObject o;
        o.type = TcObject::Type::Action;
        o.kind = attrString(act.table[TCA_ACT_KIND]);
        readActionParms(act.table[TCA_ACT_OPTIONS], o);
        if (!o.kind.isEmpty())
            out.append(o);
    }
}

} // namespace

QList<TcObject> parseTcReplies(const QByteArray &replies)
{
    QList<TcObject> objects;
    forEachNetlinkMessage(replies, [&](const nlmsghdr *nlh) {
        if (nlh->nlmsg_type == RTM_NEWACTION || nlh->nlmsg_type == RTM_GETACTION) {
            parseActions(nlh, objects);
            return;
        }
        if (nlh->nlmsg_type != RTM_NEWQDISC && nlh->nlmsg_type != RTM_NEWTFILTER)
            return;
        if (mnl_nlmsg_get_payload_len(nlh) < sizeof(tcmsg))
            return;
        const auto *tcm = static_cast<const tcmsg *>(mnl_nlmsg_get_payload(nlh));
        Attrs attrs;
        if (mnl_attr_parse(nlh, sizeof(tcmsg), keepAttr, &attrs) < 0)
            return;
        TcObject o;
        o.type = nlh->nlmsg_type == RTM_NEWQDISC ? TcObject::Type::Qdisc : TcObject::Type::Filter;
        o.kind = attrString(attrs.table[TCA_KIND]);
        o.ifindex = tcm->tcm_ifindex;
        o.handle = tcm->tcm_handle;
        o.parent = tcm->tcm_parent;
        o.info = tcm->tcm_info;
        o.chain = attrU32(attrs.table[TCA_CHAIN]);
        if (!o.kind.isEmpty())
            objects.append(o);
    });
    return objects;
}

QString tcHandleText(quint32 handle)
{
    if (handle == TC_H_ROOT)
        return QStringLiteral("root");
    if (handle == TC_H_INGRESS)
        return QStringLiteral("ingress");
    const quint32 major = TC_H_MAJ(handle) >> 16;
    const quint32 minor = TC_H_MIN(handle);
    if (minor == 0)
        return QStringLiteral("%1:").arg(major, 0, 16);
    return QStringLiteral("%1:%2").arg(major, 0, 16).arg(minor, 0, 16);
}

QString tcProtocolText(quint16 protocolNetworkOrder)
{
    const quint16 p = ntohs(protocolNetworkOrder);
    switch (p) {
    case 0x0003:
        return QStringLiteral("all");
    case 0x0800:
        return QStringLiteral("ip");
    case 0x86dd:
        return QStringLiteral("ipv6");
    case 0x0806:
        return QStringLiteral("arp");
    case 0x8100:
        return QStringLiteral("802.1Q");
    }
    return QStringLiteral("0x%1").arg(p, 4, 16, QLatin1Char('0'));
}

namespace {

// The kernel loads a qdisc, classifier or action by the name
// "sch_KIND", "cls_KIND" or "act_KIND" (request_module), and since 6.9 by
// "net-sch-KIND", "net-cls-KIND" or "net-act-KIND" (the modules' aliases
// changed with it: 6.12's sch_ingress answers "net-sch-clsact", 6.1's
// "sch_clsact"). Its owner is the loaded module the name resolves to.
Attribution tcOwner(ModuleOwners &owners, const QString &what, const QString &prefix,
                    const QString &kind)
{
    const QString family = prefix.chopped(1); // "sch_" -> "sch"
    for (const QString &alias : {QStringLiteral("net-%1-%2").arg(family, kind), prefix + kind}) {
        const QString module = owners.aliasModule(alias);
        if (!module.isEmpty())
            return {module, {{HolderSentenceCode::TcKindAlias, {what, kind, alias}}}};
    }
    return {};
}

QString deviceName(int ifindex)
{
    char name[IF_NAMESIZE] = {};
    if (if_indextoname(unsigned(ifindex), name))
        return QString::fromUtf8(name);
    return QStringLiteral("if%1").arg(ifindex);
}

Holder tcHolder(const Attribution &owner, const QString &path, const QString &undo)
{
    Holder h;
    h.kind = HolderKind::TrafficControl;
    h.path = path;
    h.refs = 1;
    h.source = HolderSource::Inferred;
    h.undo = undo;
    setHolderRule(h, owner.rule);
    return h;
}

QString qdiscPlace(const TcObject &q)
{
    if (q.parent == TC_H_ROOT)
        return QStringLiteral("root");
    if (q.parent == TC_H_INGRESS)
        return q.kind == QLatin1String("clsact") ? QStringLiteral("clsact")
                                                 : QStringLiteral("ingress");
    return QStringLiteral("parent ") + tcHandleText(q.parent);
}

QString qdiscUndo(const TcObject &q, const QString &dev)
{
    if (q.parent == TC_H_INGRESS)
        return QStringLiteral("tc qdisc del dev %1 %2").arg(dev, qdiscPlace(q));
    if (q.handle == 0) // the device's default qdisc: put a built-in one in its place
        return QStringLiteral("tc qdisc replace dev %1 %2 pfifo_fast").arg(dev, qdiscPlace(q));
    if (q.parent == TC_H_ROOT)
        return QStringLiteral("tc qdisc del dev %1 root").arg(dev);
    return QStringLiteral("tc qdisc del dev %1 %2 handle %3")
        .arg(dev, qdiscPlace(q), tcHandleText(q.handle));
}

bool anyLoaded(const QSet<QString> &loaded, const QString &prefix)
{
    return std::any_of(loaded.cbegin(), loaded.cend(),
                       [&](const QString &m) { return m.startsWith(prefix); });
}

} // namespace

void addTrafficControlHolders(ModuleOwners &owners, const NetNamespace &ns, Census &census)
{
    const QSet<QString> &loaded = owners.loaded();
    const bool schedulers = anyLoaded(loaded, QStringLiteral("sch_"));
    const bool classifiers = anyLoaded(loaded, QStringLiteral("cls_"));
    QStringList actionKinds;
    for (const QString &m : loaded) {
        if (m.startsWith(QLatin1String("act_")))
            actionKinds << m.mid(4);
    }
    if (!schedulers && !classifiers && actionKinds.isEmpty())
        return; // nothing here can be held through traffic control
    NetlinkSocket sock(NETLINK_ROUTE);
    if (!sock.isOpen()) {
        census.markUnchecked(QStringLiteral("tc"), sock.error());
        return;
    }
    const QString nsTag = ns.own ? QString() : QStringLiteral("-ns%1").arg(ns.inode);
    char buffer[MNL_SOCKET_BUFFER_SIZE];

    // Qdiscs: one dump for every device.
    nlmsghdr *nlh = mnl_nlmsg_put_header(buffer);
    nlh->nlmsg_type = RTM_GETQDISC;
    nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    auto *tcm = static_cast<tcmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(tcmsg)));
    tcm->tcm_family = AF_UNSPEC;
    QByteArray replies;
    if (!sock.dump(nlh, &replies)) {
        census.markUnchecked(QStringLiteral("tc"), sock.error());
        return;
    }
    captureReplies(QStringLiteral("tc-qdisc%1.nl").arg(nsTag), replies);
    const QList<TcObject> qdiscs = parseTcReplies(replies);
    QMap<int, QString> devices;
    auto dev = [&](int ifindex) {
        if (!devices.contains(ifindex))
            devices.insert(ifindex, deviceName(ifindex));
        return devices.value(ifindex);
    };
    for (const TcObject &q : qdiscs) {
        const Attribution owner =
            tcOwner(owners, QStringLiteral("qdisc"), QStringLiteral("sch_"), q.kind);
        if (!owner.found())
            continue;
        const QString path =
            QStringLiteral("qdisc %1 %2 %3 on %4")
                .arg(q.kind, tcHandleText(q.handle), qdiscPlace(q), dev(q.ifindex));
        census.holders[owner.module].append(
            tcHolder(owner, path, inNamespace(ns, qdiscUndo(q, dev(q.ifindex)))));
    }

    // Classifiers: a dump per qdisc that can have filters (its handle; a
    // clsact's two blocks), grouped into the kernel's instances.
    if (classifiers) {
        for (const TcObject &q : qdiscs) {
            if (q.handle == 0)
                continue; // a device's default qdisc: no filters attach to it
            QList<quint32> parents{q.handle};
            if (q.kind == QLatin1String("clsact"))
                parents = {TC_H_MAKE(q.handle, TC_H_MIN_INGRESS),
                           TC_H_MAKE(q.handle, TC_H_MIN_EGRESS)};
            for (const quint32 parent : std::as_const(parents)) {
                nlh = mnl_nlmsg_put_header(buffer);
                nlh->nlmsg_type = RTM_GETTFILTER;
                nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
                tcm = static_cast<tcmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(tcmsg)));
                tcm->tcm_family = AF_UNSPEC;
                tcm->tcm_ifindex = q.ifindex;
                tcm->tcm_parent = parent;
                if (!sock.dump(nlh, &replies)) {
                    census.markUnchecked(QStringLiteral("tc"), sock.error());
                    continue;
                }
                captureReplies(QStringLiteral("tc-filter-%1-%2%3.nl")
                                   .arg(q.ifindex)
                                   .arg(parent, 0, 16)
                                   .arg(nsTag),
                               replies);
                // One tcf_proto (chain, priority, protocol) holds one reference
                // however many filters it has.
                QMap<QString, TcObject> instances;
                for (const TcObject &f : parseTcReplies(replies)) {
                    const QString key =
                        QStringLiteral("%1|%2|%3").arg(f.chain).arg(f.info).arg(f.kind);
                    if (!instances.contains(key))
                        instances.insert(key, f);
                }
                for (const TcObject &f : std::as_const(instances)) {
                    const Attribution owner = tcOwner(owners, QStringLiteral("classifier"),
                                                      QStringLiteral("cls_"), f.kind);
                    if (!owner.found())
                        continue;
                    const QString where = QStringLiteral("dev %1 parent %2 protocol %3 prio %4")
                                              .arg(dev(q.ifindex), tcHandleText(parent),
                                                   tcProtocolText(quint16(TC_H_MIN(f.info))))
                                              .arg(TC_H_MAJ(f.info) >> 16);
                    const QString chain =
                        f.chain ? QStringLiteral(" chain %1").arg(f.chain) : QString();
                    const QString path =
                        QStringLiteral("filter %1 on %2%3").arg(f.kind, where, chain);
                    census.holders[owner.module].append(tcHolder(
                        owner, path,
                        inNamespace(ns, QStringLiteral("tc filter del ") + where + chain)));
                }
            }
        }
    }

    // Actions: the dump names one kind at a time.
    for (const QString &kind : std::as_const(actionKinds)) {
        nlh = mnl_nlmsg_put_header(buffer);
        nlh->nlmsg_type = RTM_GETACTION;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        auto *tca = static_cast<tcamsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(tcamsg)));
        tca->tca_family = AF_UNSPEC;
        nlattr *tab = mnl_attr_nest_start(nlh, TCA_ACT_TAB);
        nlattr *first = mnl_attr_nest_start(nlh, 1);
        mnl_attr_put_strz(nlh, TCA_ACT_KIND, kind.toUtf8().constData());
        mnl_attr_nest_end(nlh, first);
        mnl_attr_nest_end(nlh, tab);
        if (!sock.dump(nlh, &replies)) {
            // No such action kind registered (a module named act_ that is
            // not one): nothing of it to find.
            if (sock.lastErrno() != EINVAL && sock.lastErrno() != ENOENT)
                census.markUnchecked(QStringLiteral("tc"), sock.error());
            continue;
        }
        captureReplies(QStringLiteral("tc-action-%1%2.nl").arg(kind, nsTag), replies);
        for (const TcObject &a : parseTcReplies(replies)) {
            const Attribution owner =
                tcOwner(owners, QStringLiteral("action"), QStringLiteral("act_"), a.kind);
            if (!owner.found())
                continue;
            QString path = QStringLiteral("action %1 index %2").arg(a.kind).arg(a.index);
            if (a.bindcnt > 0)
                path +=
                    QStringLiteral(" (used by %1 filters: deleting them frees it)").arg(a.bindcnt);
            census.holders[owner.module].append(
                tcHolder(owner, path,
                         inNamespace(ns, QStringLiteral("tc actions delete action %1 index %2")
                                             .arg(a.kind)
                                             .arg(a.index))));
        }
    }
}

} // namespace refscope

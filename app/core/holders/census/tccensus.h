// SPDX-License-Identifier: GPL-3.0-or-later
// Traffic control as holders: every qdisc holds its scheduler's module
// (sch_KIND), every classifier instance (one per device, parent, chain,
// priority and protocol: the kernel's tcf_proto) its classifier's module
// (cls_KIND), every action its action's module (act_KIND), read with
// rtnetlink dumps (RTM_GETQDISC, RTM_GETTFILTER, RTM_GETACTION).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;
struct NetNamespace;

struct TcObject {
    enum class Type { Qdisc, Filter, Action };
    Type type = Type::Qdisc;
    QString kind; // TCA_KIND / TCA_ACT_KIND: "sfq", "u32", "gact"
    int ifindex = 0;
    quint32 handle = 0; // qdisc handle, filter handle (0: the classifier instance itself)
    quint32 parent = 0;
    quint32 info = 0; // filters: priority << 16 | protocol (network order)
    quint32 chain = 0;
    quint32 index = 0; // actions
    int bindcnt = 0;   // actions: filters using it
};

// The objects of one or more RTM_GETQDISC, RTM_GETTFILTER or RTM_GETACTION
// dumps' replies (NetlinkSocket::dump's bytes).
QList<TcObject> parseTcReplies(const QByteArray &replies);

// "8001:", "ffff:fff2", "root", "ingress": a handle as tc prints it.
QString tcHandleText(quint32 handle);
// "ip", "ipv6", "all", "0x88cc": a filter's protocol as tc takes it.
QString tcProtocolText(quint16 protocolNetworkOrder);

// Adds the holders of one network namespace (the calling thread is in it).
// `loaded`: the loaded modules; the kinds asked are theirs.
void addTrafficControlHolders(ModuleOwners &owners, const NetNamespace &ns, Census &census);

} // namespace refscope

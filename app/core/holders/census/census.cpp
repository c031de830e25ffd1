// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/census.h"

#include "holders/census/bpfcensus.h"
#include "holders/census/cryptocensus.h"
#include "holders/census/dmcensus.h"
#include "holders/census/ioschedcensus.h"
#include "holders/census/loopcensus.h"
#include "holders/census/mdcensus.h"
#include "holders/census/netlinkdump.h"
#include "holders/census/nftcensus.h"
#include "holders/census/nlscensus.h"
#include "holders/census/processsockets.h"
#include "holders/census/swapcensus.h"
#include "holders/census/tccensus.h"
#include "holders/census/tcpcccensus.h"
#include "holders/holderreport.h"
#include "holders/moduleowners.h"

namespace refscope {

void Census::markUnchecked(const QString &kind, const QString &why)
{
    if (unchecked.contains(kind))
        return;
    unchecked << kind;
    uncheckedWhy << why;
}

Census runCensus(ModuleOwners &owners, ProcessSocketsWalk sockets)
{
    HolderTiming timing("census");
    Census census;
    addSwapHolders(owners, census);
    timing.lap("swap");
    addCryptoHolders(owners, census, sockets);
    timing.lap("crypto");
    addBpfHolders(owners, census, sockets);
    timing.lap("bpf");
    TcpCongestionCensus tcpCongestion(owners, sockets);
    timing.lap("tcp-cc sockets");
    const NetNamespaces namespaces = listNetNamespaces();
    timing.lap("namespaces");
    for (const NetNamespace &ns : namespaces.list) {
        const NetNamespaceScope scope(ns);
        if (!scope.ok()) {
            // Not root: only our own network namespace can be read.
            census.markUnchecked(QStringLiteral("tc"), scope.error());
            census.markUnchecked(QStringLiteral("netfilter"), scope.error());
            if (tcpCongestion.active())
                census.markUnchecked(QStringLiteral("tcp-cc"), scope.error());
            continue;
        }
        addTrafficControlHolders(owners, ns, census);
        addNetfilterHolders(owners, ns, census);
        tcpCongestion.add(ns, census);
    }
    timing.lap("tc, netfilter and tcp-cc in every network namespace");
    if (!namespaces.complete) {
        const QString why = QStringLiteral("some processes' network namespaces are unreadable");
        census.markUnchecked(QStringLiteral("tc"), why);
        census.markUnchecked(QStringLiteral("netfilter"), why);
        if (tcpCongestion.active())
            census.markUnchecked(QStringLiteral("tcp-cc"), why);
    }
    addIoSchedulerHolders(owners, census);
    timing.lap("iosched");
    addNlsHolders(owners, census);
    timing.lap("nls");
    addLoopBackingHolders(owners, census);
    timing.lap("loop");
    addDeviceMapperHolders(owners, census);
    timing.lap("dm");
    addMdHolders(owners, census);
    timing.lap("md");
    return census;
}

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// I/O schedulers as holders: a request queue whose elevator is a module
// (bfq, kyber, mq-deadline where it is not built in) holds it once, from
// elevator_get until the queue switches away or goes (elevator_put).
#pragma once

#include <QByteArray>
#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;

// The scheduler in use in a /sys/block/DEV/queue/scheduler line: the
// bracketed one ("[none] mq-deadline bfq" -> "none"); a queue that offers no
// choice prints its only one unbracketed ("none").
QString parseSchedulerLine(const QByteArray &line);

void addIoSchedulerHolders(ModuleOwners &owners, Census &census);

} // namespace refscope

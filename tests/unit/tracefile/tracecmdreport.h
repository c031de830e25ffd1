// SPDX-License-Identifier: GPL-3.0-or-later
// What `trace-cmd report` says about a recording: the reference the import
// is checked against.
#pragma once

#include <QList>
#include <QMap>
#include <QString>

struct ReportedEvent {
    qint64 timestampNs = 0;
    int cpu = 0;
    QString event; // module_get, ...
    QString module;
    int refcnt = -1; // the raw field as printed, -1 if the event has none
};

struct ReportedCounts {
    qint64 gets = 0, puts = 0, loads = 0, frees = 0;
    int lastRefcnt = -1; // raw
};

// Runs `trace-cmd report -t FILE` and keeps the module events; kernel_stack
// lines and stack entries are skipped. Empty and *error set on failure.
QList<ReportedEvent> traceCmdReport(const QString &path, QString *error);

QMap<QString, ReportedCounts> countPerModule(const QList<ReportedEvent> &events);

// Runs trace-cmd with `arguments`; false and *error on failure.
bool runTraceCmd(const QStringList &arguments, QString *error);

// SPDX-License-Identifier: GPL-3.0-or-later
// Where a snapshot or a recording was taken: which machine, which kernel,
// and through what (this machine, the lab guest, a remote host, a trace.dat
// file). Saved snapshots and session files carry it so that a file opened
// later, or next to another machine's, still says whose modules it shows.
// Files written before RefScope recorded it have none: "origin not recorded".
#pragma once

#include <QJsonObject>
#include <QString>

namespace refscope {

enum class OriginKind {
    Unknown, // not recorded (a file from before origins were saved)
    Local,   // this machine, read directly or through the local agent
    Lab,     // the lab guest: one of Debian's kernels under QEMU
    Remote,  // another machine (target says which, e.g. an SSH host)
    Trace,   // a trace.dat file's header (trace-cmd stores the recorder's uname)
};

QString originKindName(OriginKind kind); // "local", "lab", "remote", "trace", "" for Unknown
OriginKind originKindFromName(const QString &name);

struct Origin {
    OriginKind kind = OriginKind::Unknown;
    QString host;          // uname -n of the machine read ("(none)" in the lab guest)
    QString kernelRelease; // uname -r
    QString kernelVersion; // uname -v: the build, e.g. "#1 SMP PREEMPT_DYNAMIC Debian ..."
    QString machine;       // uname -m
    // Free text naming the target as the user chose it: "lab guest", an
    // SSH destination such as "root@build-box", a file name.
    QString target;

    bool isRecorded() const { return kind != OriginKind::Unknown; }
    bool operator==(const Origin &o) const = default;
};

// This machine's uname, kind Local.
Origin localOrigin();

// From the "sysname nodename release machine" string trace-cmd writes into
// a trace.dat's uname option; kind Trace. Unknown when the text is empty.
Origin originFromTraceUname(const QString &uname);

// One line for people, e.g. "lab guest · host (none) · kernel 6.1.0-57-amd64"
// or "origin not recorded"; translated when the application installed a
// translator (the GUI), English in the CLI.
QString originText(const Origin &origin);

// The snapshot JSON's "origin" object (PROTOCOL.md): absent when not recorded.
QJsonObject originToJson(const Origin &origin);
// Lenient on purpose: origin is informative only, so a field of the wrong
// type is dropped rather than refusing the whole snapshot.
Origin originFromJson(const QJsonObject &json);

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// The targets a comparison reads, as the user names them: a saved snapshot
// or session file, "local" (this machine, unprivileged) or the lab guest
// ("lab", "lab:RELEASE") or another machine over SSH ("ssh:[USER@]HOST[:PORT]",
// as root there). Each becomes an ordinary SnapshotSource, so a new kind of
// target needs only a case here.
#pragma once

#include "compare/snapshotcompare.h"

#include <QObject>

#include <functional>
#include <optional>

namespace refscope {

class SnapshotSource;

struct TargetSpec {
    enum class Kind { File, Local, Lab, Ssh };
    Kind kind = Kind::File;
    QString argument; // File: the path; Lab: the kernel release (empty: the lab's
                      // default); Ssh: [USER@]HOST[:PORT]
    QString label;    // what the user typed, shown in headers and JSON
};

// "local", "lab", "lab:RELEASE", "ssh:[USER@]HOST[:PORT]", else a file path. Empty text is an
// error.
std::optional<TargetSpec> parseTargetSpec(const QString &text, QString *error);

// A new source for the target; the caller owns it and calls refresh().
SnapshotSource *createTargetSource(const TargetSpec &spec, QObject *parent = nullptr);

// Reads one snapshot from each target in turn, running the event loop
// meanwhile (the lab boots, the local read runs on a thread). progress
// hears what takes a while ("Booting the lab guest…"). Returns false and
// *error naming the target at the first that fails.
bool readTargets(const QList<TargetSpec> &specs, QList<CompareTarget> *targets, QString *error,
                 const std::function<void(const QString &)> &progress = {});

} // namespace refscope

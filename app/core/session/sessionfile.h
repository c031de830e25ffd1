// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope session files (.rscope, format in SESSION.md): the module
// snapshot, every module event with its details and each module's count
// before its first event, the lost events and the holder reports seen,
// saved and reopened exactly.
#pragma once

#include "events/eventstore.h"
#include "holders/holder.h"
#include "inventory/moduleinfo.h"
#include "session/sessionview.h"

#include <functional>
#include <memory>

namespace refscope {

// 2: each module's baseline saved (a trace file's events keep the curves
// they had, whatever the snapshot), holder reports as JSON with the time
// they were taken. 3: the window's view (SessionView). Versions 1 and 2
// stay readable.
inline constexpr quint32 kSessionFormatVersion = 5;

struct Session {
    Snapshot snapshot; // what the window showed (version 1: each curve's baseline)
    std::unique_ptr<EventStore> events;
    QList<HolderReport> holders;
    SessionView view; // empty before version 3, and for refscope-cli record
    quint32 formatVersion = kSessionFormatVersion; // of the file it was read from
};

// Told the progress in permille; returns false to stop the save.
using SessionProgress = std::function<bool(int permille)>;

// Both return an empty string on success, else a message naming the file
// and the problem (a newer format, corruption, truncation, I/O, a stopped
// save: then no file is written). The messages are translated when the
// application installed a translator (the GUI does, the CLI does not).
QString saveSession(const QString &path, const Snapshot &snapshot, const EventStore &events,
                    const QList<HolderReport> &holders, const SessionProgress &progress = {},
                    const SessionView &view = {});
QString loadSession(const QString &path, Session *session);

// saveSession to `path`; when that fails (a full disk, no permission, a
// folder gone), to the first of `fallbackDirs` that takes it, so that a
// recording that exists nowhere else is not lost. *writtenTo is where it
// went (empty when nowhere); the errors of every attempt come back, one a
// line, empty when `path` itself was written.
QString saveSessionKeeping(const QString &path, const QStringList &fallbackDirs,
                           const Snapshot &snapshot, const EventStore &events,
                           const QList<HolderReport> &holders, QString *writtenTo);
// Where a recording goes when its own path cannot take it: the user's
// cache ($XDG_CACHE_HOME or ~/.cache, refscope/), then $TMPDIR (or /tmp).
QStringList sessionFallbackDirs();

// Whether the file starts like a session file (as opposed to a trace.dat).
bool looksLikeSessionFile(const QString &path);

// The baseline of every module in the snapshot, as LiveCapture sets it.
void applySnapshotBaseline(const Snapshot &snapshot, EventStore *events);

} // namespace refscope

// RefScope session files (.rscope, format in SESSION.md): the snapshot
// taken when capture started, every module event with its details, the lost
// events and the holders seen, saved and reopened exactly.
#pragma once

#include "holders/holder.h"
#include "inventory/moduleinfo.h"
#include "trace/eventstore.h"

#include <memory>

namespace refscope {

inline constexpr quint32 kSessionFormatVersion = 1;

struct Session {
    Snapshot snapshot; // the baseline of every curve
    std::unique_ptr<EventStore> events;
    QList<HolderReport> holders;
};

// Both return an empty string on success, else a message naming the file
// and the problem (a newer format, corruption, truncation, I/O).
QString saveSession(const QString &path, const Snapshot &snapshot, const EventStore &events,
                    const QList<HolderReport> &holders);
QString loadSession(const QString &path, Session *session);

// Whether the file starts like a session file (as opposed to a trace.dat).
bool looksLikeSessionFile(const QString &path);

// The baseline of every module in the snapshot, as LiveCapture sets it.
void applySnapshotBaseline(const Snapshot &snapshot, EventStore *events);

} // namespace refscope

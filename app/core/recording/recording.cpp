// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/recording.h"

#include "session/sessionfile.h"

namespace refscope {

std::shared_ptr<EventStore> openRecording(const QString &path, QString *error,
                                          const LoadProgress &progress, Origin *origin)
{
    // A session saved by RefScope (refscope-cli record, the GUI) opens whole.
    if (looksLikeSessionFile(path)) {
        Session session;
        *error = loadSession(path, &session);
        if (origin)
            *origin = session.snapshot.origin;
        return error->isEmpty() ? std::shared_ptr<EventStore>(std::move(session.events)) : nullptr;
    }
    if (origin)
        *origin = traceFileOrigin(path);
    return readTraceFile(path, error, progress);
}

} // namespace refscope

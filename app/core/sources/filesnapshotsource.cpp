// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/filesnapshotsource.h"

#include "inventory/snapshotjson.h"
#include "session/sessionfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>

namespace refscope {

FileSnapshotSource::FileSnapshotSource(const QString &path, QObject *parent)
    : SnapshotSource(parent), m_path(path)
{
}

QString FileSnapshotSource::description() const
{
    return QFileInfo(m_path).fileName();
}

bool FileSnapshotSource::readFile(const QString &path, Snapshot *snapshot, QString *error)
{
    // A session file holds the snapshot the recording started with.
    if (looksLikeSessionFile(path)) {
        Session session;
        *error = loadSession(path, &session);
        if (!error->isEmpty())
            return false;
        *snapshot = session.snapshot;
        return true;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("%1 is not valid JSON (at byte %2): %3")
                     .arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *error = tr("%1 does not hold a snapshot object.").arg(path);
        return false;
    }
    QString codecError;
    if (!snapshotFromJson(document.object(), snapshot, &codecError)) {
        *error = tr("%1 is not a RefScope snapshot: %2").arg(path, codecError);
        return false;
    }
    return true;
}

void FileSnapshotSource::startRead()
{
    // Reported from the event loop like every other source, so callers can
    // connect after refresh() and never get a signal from inside it.
    QTimer::singleShot(0, this, [this] {
        Snapshot snapshot;
        QString error;
        if (readFile(m_path, &snapshot, &error))
            finishRead(snapshot);
        else
            failRead(error);
    });
}

} // namespace refscope

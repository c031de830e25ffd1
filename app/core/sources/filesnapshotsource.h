// SPDX-License-Identifier: GPL-3.0-or-later
// A snapshot saved as JSON (refscope-cli snapshot --json > FILE, or a test
// fixture): a read-only view of another machine or another moment.
#pragma once

#include "sources/snapshotsource.h"

namespace refscope {

class FileSnapshotSource : public SnapshotSource {
    Q_OBJECT
public:
    explicit FileSnapshotSource(const QString &path, QObject *parent = nullptr);

    QString description() const override;
    bool isLive() const override { return false; }
    QString path() const { return m_path; }

    // A snapshot JSON file, or a session file's snapshot. On failure *error
    // says what is wrong with which file.
    static bool readFile(const QString &path, Snapshot *snapshot, QString *error);

protected:
    void startRead() override;

private:
    QString m_path;
};

} // namespace refscope

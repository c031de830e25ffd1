// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/localsnapshotsource.h"

#include "inventory/kmodreader.h"

namespace refscope {

namespace {

// Lives on the reading thread; its result crosses back as a queued signal.
class LocalReader : public QObject {
    Q_OBJECT
public:
    void read() { emit done(readLocalSnapshot()); }
signals:
    void done(const refscope::Snapshot &snapshot);
};

} // namespace

LocalSnapshotSource::LocalSnapshotSource(QObject *parent) : SnapshotSource(parent)
{
    m_thread.setObjectName(QStringLiteral("refscope-local-reader"));
    auto *reader = new LocalReader;
    reader->moveToThread(&m_thread);
    m_reader = reader;
    connect(this, &LocalSnapshotSource::readRequested, reader, &LocalReader::read);
    connect(reader, &LocalReader::done, this, &LocalSnapshotSource::finishRead);
    m_thread.start();
}

LocalSnapshotSource::~LocalSnapshotSource()
{
    close();
    m_thread.quit();
    m_thread.wait();
    // Here, not by deleteLater on the reading thread's way out: the reader's
    // destructor disconnects from this object, which the reading thread
    // must not touch while this destructor runs (ThreadSanitizer saw it).
    delete m_reader;
}

QString LocalSnapshotSource::description() const
{
    return tr("this machine");
}

void LocalSnapshotSource::startRead()
{
    emit readRequested();
}

} // namespace refscope

#include "localsnapshotsource.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// openRootOwnedFile, which decides whether root may load a helper module
// file, against real files in a directory made under the build tree (not
// /tmp: a directory others may write is refused, which is the point). As
// root the files are root's and a foreign owner is made with chown; as a
// user the user's own files stand for root's where the test says so.
#include "agent/rootownedfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace refscope {

class TestRootOwnedFile : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    // Who counts as root for the checks below: root when the test runs as
    // root, else the user running it (whose build tree this is).
    const uid_t m_me = geteuid();

    QString makeFile(const QString &name, mode_t mode = 0644)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write("\x7f"
                                                           "ELF") != 4)
            return {};
        file.close();
        ::chmod(QFile::encodeName(path).constData(), mode);
        return path;
    }

    QString makeDir(const QString &name, mode_t mode = 0755)
    {
        const QString path = m_dir->filePath(name);
        if (!QDir().mkpath(path))
            return {};
        ::chmod(QFile::encodeName(path).constData(), mode);
        return path;
    }

    static bool sameFile(int fd, const QString &path)
    {
        struct stat a {
        }, b{};
        return fstat(fd, &a) == 0 && stat(QFile::encodeName(path).constData(), &b) == 0 &&
               a.st_dev == b.st_dev && a.st_ino == b.st_ino;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(
            QStringLiteral(REFSCOPE_BINARY_DIR "/rootowned-XXXXXX"));
        QVERIFY(m_dir->isValid());
        ::chmod(QFile::encodeName(m_dir->path()).constData(), 0755);
        // The build tree itself must pass, or every case below says nothing.
        const QString probe = makeFile(QStringLiteral("probe.ko"));
        const RootOwnedOpen opened = openRootOwnedFile(probe, m_me);
        if (!opened.ok())
            QSKIP(qPrintable(QStringLiteral("the build tree is not a safe place itself: ") +
                             opened.unsafe));
        ::close(opened.fd);
    }

    void cleanup() { m_dir.reset(); }

    void aSafeFileIsOpened()
    {
        const QString path = makeFile(QStringLiteral("helper.ko"));
        const RootOwnedOpen opened = openRootOwnedFile(path, m_me);
        QVERIFY2(opened.ok(), qPrintable(opened.unsafe));
        QVERIFY(sameFile(opened.fd, path));
        QVERIFY(fcntl(opened.fd, F_GETFD) & FD_CLOEXEC);
        ::close(opened.fd);
    }

    // The real DKMS tree as the agent opens it: /lib is a link to /usr/lib
    // on Debian, and root's link in root's directory is fine.
    void aLinkOnTheWayIsResolvedAndTheTargetChecked()
    {
        const QString dir = makeDir(QStringLiteral("real"));
        const QString target = makeFile(QStringLiteral("real/helper.ko"));
        QVERIFY(QFile::link(dir, m_dir->filePath(QStringLiteral("via"))));
        const RootOwnedOpen opened =
            openRootOwnedFile(m_dir->filePath(QStringLiteral("via/helper.ko")), m_me);
        QVERIFY2(opened.ok(), qPrintable(opened.unsafe));
        QVERIFY(sameFile(opened.fd, target));
        ::close(opened.fd);
    }

    void aFileSomeoneElseOwnsIsRefused()
    {
        const QString path = makeFile(QStringLiteral("theirs.ko"));
        RootOwnedOpen opened;
        if (m_me == 0) {
            QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
            opened = openRootOwnedFile(path);
        } else {
            // Not root: the user's own file is not root's, so root would not load it.
            opened = openRootOwnedFile(path, 0);
        }
        QVERIFY(!opened.ok());
        QCOMPARE(opened.fd, -1);
        QVERIFY2(opened.unsafe.contains(QLatin1String("not root")), qPrintable(opened.unsafe));
    }

    void aFileOthersMayWriteIsRefused()
    {
        for (const mode_t mode : {mode_t(0664), mode_t(0646)}) {
            const QString path = makeFile(QStringLiteral("writable.ko"), mode);
            const RootOwnedOpen opened = openRootOwnedFile(path, m_me);
            QVERIFY(!opened.ok());
            QVERIFY2(opened.unsafe.contains(path) &&
                         opened.unsafe.contains(QLatin1String("writable by group or others")),
                     qPrintable(opened.unsafe));
        }
    }

    // The file is fine, a directory above it is not: whoever may write the
    // directory may put another file under that name.
    void aDirectoryOthersMayWriteIsRefused()
    {
        const QString dir = makeDir(QStringLiteral("open/inner"));
        const QString path = makeFile(QStringLiteral("open/inner/helper.ko"));
        ::chmod(QFile::encodeName(m_dir->filePath(QStringLiteral("open"))).constData(), 01777);
        const RootOwnedOpen opened = openRootOwnedFile(path, m_me);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.unsafe.contains(m_dir->filePath(QStringLiteral("open")) + u' '),
                 qPrintable(opened.unsafe));
        Q_UNUSED(dir);
    }

    // /tmp is writable by everyone (sticky or not): nothing under it loads.
    void aFileUnderTmpIsRefused()
    {
        QTemporaryDir tmp(QStringLiteral("/tmp/rootowned-XXXXXX"));
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("helper.ko"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const RootOwnedOpen opened = openRootOwnedFile(path, m_me);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.unsafe.startsWith(QLatin1String("/tmp is writable")),
                 qPrintable(opened.unsafe));
    }

    // A link in a directory someone else may write: resolving it once
    // would be fine, but the link's directory is never walked, its target's
    // is; here the target's directory is the unsafe one.
    void aLinkToAnUnsafePlaceIsRefused()
    {
        makeDir(QStringLiteral("unsafe"), 0777);
        makeFile(QStringLiteral("unsafe/helper.ko"));
        QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("unsafe/helper.ko")),
                            m_dir->filePath(QStringLiteral("helper.ko"))));
        const RootOwnedOpen opened =
            openRootOwnedFile(m_dir->filePath(QStringLiteral("helper.ko")), m_me);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.unsafe.contains(QLatin1String("unsafe is writable by group or others")),
                 qPrintable(opened.unsafe));
    }

    void aFifoIsRefusedWithoutBlocking()
    {
        const QString path = m_dir->filePath(QStringLiteral("fifo.ko"));
        QVERIFY(mkfifo(QFile::encodeName(path).constData(), 0644) == 0);
        const RootOwnedOpen opened = openRootOwnedFile(path, m_me);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.unsafe.contains(QLatin1String("not a regular file")),
                 qPrintable(opened.unsafe));
    }

    void aMissingFileIsNotThere()
    {
        const RootOwnedOpen opened =
            openRootOwnedFile(m_dir->filePath(QStringLiteral("none/helper.ko")), m_me);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error, ENOENT);
        QVERIFY(opened.unsafe.isEmpty());
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestRootOwnedFile)
#include "tst_root_owned_file.moc"

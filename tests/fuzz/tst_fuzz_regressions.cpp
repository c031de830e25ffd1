// SPDX-License-Identifier: GPL-3.0-or-later
// Every input that once crashed a parser or made it allocate far more than
// the file warrants (regressions/<target>/), and the seed corpus, replayed
// through the fuzz targets' own functions in the normal build: each must be
// refused or read, never abort, and the whole replay must stay within a
// bounded amount of memory.
#include "fuzztargets.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <sys/resource.h>

namespace refscope {

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private slots:
    void replay_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("path");
        for (int t = 0; t < int(std::size(fuzz::targets)); ++t)
            for (const char *folder : {"regressions", "corpus"}) {
                const QDir dir(
                    QStringLiteral(REFSCOPE_FUZZ_DIR "/%1/%2")
                        .arg(QLatin1String(folder), QLatin1String(fuzz::targets[t].folder())));
                for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                    QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3")
                                                 .arg(QLatin1String(fuzz::targets[t].name),
                                                      QLatin1String(folder), name)))
                        << t << dir.filePath(name);
            }
    }

    void replay()
    {
        QFETCH(int, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray input = file.readAll();
        fuzz::targets[target].run(reinterpret_cast<const std::uint8_t *>(input.constData()),
                                  std::size_t(input.size()));
    }

    // The largest input is a few hundred KB: no reader may have needed
    // more than this at any point of the replay.
    void memoryStayedBounded()
    {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const long peakMiB = usage.ru_maxrss / 1024;
        QVERIFY2(peakMiB < 512, qPrintable(QStringLiteral("peak resident %1 MiB").arg(peakMiB)));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"

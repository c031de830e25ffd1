// SPDX-License-Identifier: GPL-3.0-or-later
// The lookups live capture makes for every event: a kernel address's name
// from /proc/kallsyms's text (read by hand, not split into strings), and
// a string's id in the table of comms and call sites (one per text, the
// recent ones found by their shared data).
#include "capture/livecapturedetails.h"
#include "capture/livecapturesymbols.h"

#include <QtTest>

namespace refscope {

class TestCaptureLookups : public QObject {
    Q_OBJECT

private slots:
    void kernelSymbolsFromKallsymsText()
    {
        // As the kernel prints it: a tab before the module, out of order
        // across modules, zeros where a user reads it.
        const QByteArray kallsyms = "ffffffffc0a02000 t count_demo_release\t[count_demo]\n"
                                    "ffffffffc0a01000 t count_demo_open\t[count_demo]\n"
                                    "ffffffff81000000 T _stext\n"
                                    "ffffffff81000100 T chrdev_open\n"
                                    "0000000000000000 T hidden_from_users\n"
                                    "not a symbol line\n"
                                    "ffffffff81000200\n"
                                    "ffffffff81000300 t\n"
                                    "  ffffffff81000400 T fput  \r\n"
                                    "ffffffff8100050z T bad_address\n";
        KernelSymbols symbols;
        symbols.load(kallsyms);
        QCOMPARE(symbols.name(0xffffffff81000000), QStringLiteral("_stext+0x0"));
        QCOMPARE(symbols.name(0xffffffff8100018b), QStringLiteral("chrdev_open+0x8b"));
        QCOMPARE(symbols.name(0xffffffff81000410), QStringLiteral("fput+0x10"));
        QCOMPARE(symbols.name(0xffffffffc0a01010),
                 QStringLiteral("count_demo_open+0x10 [count_demo]"));
        QCOMPARE(symbols.name(0xffffffffc0a02004),
                 QStringLiteral("count_demo_release+0x4 [count_demo]"));
        QCOMPARE(symbols.name(0), QString());
    }

    void kernelSymbolsKnowWhatNoSymbolCovers()
    {
        KernelSymbols symbols;
        symbols.load("ffffffff81000000 T _stext\n");
        // Farther than any function from the nearest symbol; the table was
        // read just now, so it is not read again for it.
        QCOMPARE(symbols.name(0xffffffff81000000 + (quint64(1) << 21)), QString());
        QCOMPARE(symbols.name(0xffffffff80000000), QString());
    }

    void stringTableGivesOneIdPerText()
    {
        StringTable table;
        const QString comm = QStringLiteral("open_close_flo") + QStringLiteral("od");
        const QString site = QString::fromLatin1("chrdev_open+0x8b");
        QCOMPARE(table.id(comm), 0u);
        QCOMPARE(table.id(site), 1u);
        QCOMPARE(table.id(comm), 0u);                                 // the same data
        const QString copy = QString::fromLatin1("open_close_flood"); // other data, same text
        QCOMPARE(table.id(copy), 0u);
        QCOMPARE(table.id(QStringLiteral("<idle>")), 2u); // a literal
        QCOMPARE(table.id(QStringLiteral("<idle>")), 2u);
        QCOMPARE(table.id(QString()), 3u);
        QCOMPARE(table.id(QString()), 3u);
        // A string gone since it was given: another text later is another id.
        {
            QString gone = QString::fromLatin1("a_call_site+0x1");
            QCOMPARE(table.id(gone), 4u);
        }
        QCOMPARE(table.id(QString::fromLatin1("another_site+0x2")), 5u);
        QCOMPARE(table.id(QString::fromLatin1("")), 3u); // empty like the null string
        QCOMPARE(
            table.strings(),
            QStringList({QStringLiteral("open_close_flood"), QStringLiteral("chrdev_open+0x8b"),
                         QStringLiteral("<idle>"), QString(), QStringLiteral("a_call_site+0x1"),
                         QStringLiteral("another_site+0x2")}));
    }

    // The recent texts are found by their data: a copy changed after it was
    // given has data of its own, and texts given long ago are found by text.
    void stringTableRecentTextsByTheirData()
    {
        StringTable table;
        QString comm = QString::fromLatin1("modprobe");
        QCOMPARE(table.id(comm), 0u);
        QString changed = comm;
        changed[0] = u'M'; // detaches from the table's copy
        QCOMPARE(table.id(changed), 1u);
        QCOMPARE(table.id(comm), 0u);
        comm.append(QLatin1String("d")); // in place only if not shared: it is
        QCOMPARE(table.id(comm), 2u);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(table.id(QStringLiteral("site+0x%1").arg(i)), quint32(3 + i));
        QCOMPARE(table.id(QString::fromLatin1("modprobe")), 0u);
        QCOMPARE(table.id(QString::fromLatin1("Modprobe")), 1u);
        QCOMPARE(table.id(QString::fromLatin1("modprobed")), 2u);
        QCOMPARE(table.strings().size(), 13);
    }

    // A shell opens a file and execs the program ("exec sleep 600 < FILE"):
    // the open is the shell's, whatever the task is called by the time the
    // capture reads it. The renames read so far name each event's task as
    // it was, in time order, across batches, per task.
    void taskRenamesNameEventsAsTheyWere()
    {
        TaskNames names;
        names.renamed(7, QStringLiteral("bash")); // known before, as if read
        TaskRenames renames;
        std::vector<TaskRename> cpu0{{300, 5, QStringLiteral("sleep"), QStringLiteral("cat")},
                                     {100, 5, QStringLiteral("sh"), QStringLiteral("sleep")}};
        std::vector<TaskRename> cpu1{{200, 7, QStringLiteral("bash"), QStringLiteral("make")}};
        renames.add(&cpu0);
        renames.add(&cpu1);
        QVERIFY(cpu0.empty() && cpu1.empty());

        // A batch up to 150: pid 5's event at 50 is the shell's; pid 7 has a
        // rename ahead (at 200, after this batch) and is "bash" until then.
        renames.beginBatch();
        QVERIFY(!renames.applyBefore(50, &names));
        QCOMPARE(*renames.nameBeforeNext(5), QStringLiteral("sh"));
        QCOMPARE(*renames.nameBeforeNext(7), QStringLiteral("bash"));
        QCOMPARE(renames.nameBeforeNext(9), nullptr); // no rename: as read
        QVERIFY(renames.applyBefore(151, &names));    // the batch's bound
        QCOMPARE(names.comm(5), QStringLiteral("sleep"));
        QCOMPARE(*renames.nameBeforeNext(5), QStringLiteral("sleep")); // until 300
        renames.endBatch();
        QVERIFY(!renames.isEmpty());

        // The next batch, up to 400, with a rename read since (from another
        // CPU, earlier than the ones left).
        std::vector<TaskRename> late{{250, 8, QStringLiteral("kworker"), QStringLiteral("x")}};
        renames.add(&late);
        renames.beginBatch();
        QVERIFY(renames.applyBefore(260, &names));
        QCOMPARE(names.comm(7), QStringLiteral("make"));
        QCOMPARE(names.comm(8), QStringLiteral("x"));
        QCOMPARE(*renames.nameBeforeNext(5), QStringLiteral("sleep"));
        QVERIFY(renames.applyBefore(401, &names));
        QCOMPARE(names.comm(5), QStringLiteral("cat"));
        QCOMPARE(renames.nameBeforeNext(5), nullptr);
        renames.endBatch();
        QVERIFY(renames.isEmpty());
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestCaptureLookups)
#include "tst_capture_lookups.moc"

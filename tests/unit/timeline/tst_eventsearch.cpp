// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/tracereport.h"
#include "models/eventsearch.h"
#include "models/eventtablemodel.h"
#include "recording/recording.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace refscope;

namespace {

std::shared_ptr<EventStore> loopRecording()
{
    QString error;
    auto store = openRecording(QStringLiteral(REFSCOPE_TRACES_DIR "/loop-open-close.dat"), &error);
    if (!store)
        qWarning("%s", qPrintable(error));
    return store;
}

} // namespace

class TestEventSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_store = loopRecording();
        QVERIFY(m_store);
        const TraceReport report = summarizeTrace(*m_store);
        QCOMPARE(report.modules.size(), 1);
        m_gets = report.modules.first().gets;
        m_puts = report.modules.first().puts;
    }

    void matchesEachField_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected"); // all, gets, puts, none
        QTest::newRow("module") << QStringLiteral("LOOP") << QStringLiteral("all");
        QTest::newRow("kind") << QStringLiteral("module_put") << QStringLiteral("puts");
        QTest::newRow("call site") << QStringLiteral("Misc_Open") << QStringLiteral("gets");
        QTest::newRow("call site offset")
            << QStringLiteral("__fput+0xb7") << QStringLiteral("puts");
        QTest::newRow("comm") << QStringLiteral("PYTHON") << QStringLiteral("all");
        QTest::newRow("pid") << QStringLiteral("123") << QStringLiteral("all");
        QTest::newRow("nothing") << QStringLiteral("no such thing") << QStringLiteral("none");
    }

    void matchesEachField()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        EventSearch search;
        search.setStore(m_store);
        QSignalSpy finished(&search, &EventSearch::finished);
        search.setQuery(query);
        QVERIFY(search.scan(-1));
        QVERIFY(search.isFinished());
        QCOMPARE(finished.size(), 1);
        const qint64 count = qint64(search.matchCount());
        if (expected == QLatin1String("all"))
            QCOMPARE(count, qint64(m_store->size()));
        else if (expected == QLatin1String("gets"))
            QCOMPARE(count, m_gets);
        else if (expected == QLatin1String("puts"))
            QCOMPARE(count, m_puts);
        else
            QCOMPARE(count, 0);
        QVERIFY(std::is_sorted(search.matches().begin(), search.matches().end()));
        const ModuleEventKind kind =
            expected == QLatin1String("gets") ? ModuleEventKind::Get : ModuleEventKind::Put;
        if (expected == QLatin1String("gets") || expected == QLatin1String("puts")) {
            for (std::uint32_t index : search.matches())
                QCOMPARE(m_store->kind(index), kind);
        }
    }

    void aNewQueryCancelsTheOldSearch()
    {
        EventSearch search;
        search.setStore(m_store);
        search.setQuery(QStringLiteral("misc_open"));
        // One short slice: part of the recording seen, some matches already usable.
        while (search.matchCount() == 0)
            QVERIFY(!search.scan(0) || search.matchCount() > 0);
        QVERIFY(search.scanned() < search.total());
        QVERIFY(!search.isFinished());
        search.setQuery(QStringLiteral("__fput"));
        QCOMPARE(search.matchCount(), std::size_t(0));
        QCOMPARE(search.scanned(), std::size_t(0));
        QVERIFY(!search.current());
        // The event loop finishes it: the timer drives the slices.
        QSignalSpy finished(&search, &EventSearch::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(qint64(search.matchCount()), m_puts);
        for (std::uint32_t index : search.matches())
            QCOMPARE(m_store->kind(index), ModuleEventKind::Put);
        // Clearing the query stops at once, with nothing matched.
        search.setQuery(QString());
        QVERIFY(search.isFinished());
        QCOMPARE(search.matchCount(), std::size_t(0));
        QVERIFY(!search.next());
    }

    void nextAndPreviousWrap()
    {
        EventSearch search;
        search.setStore(m_store);
        search.setQuery(QStringLiteral("misc_open"));
        search.scan(-1);
        const auto &matches = search.matches();
        QVERIFY(matches.size() > 2);
        QSignalSpy current(&search, &EventSearch::currentChanged);
        QCOMPARE(search.next(), std::optional<std::size_t>(matches.front()));
        QCOMPARE(search.next(), std::optional<std::size_t>(matches[1]));
        QCOMPARE(search.previous(), std::optional<std::size_t>(matches.front()));
        // Before the first: the last, after the last: the first.
        QCOMPARE(search.previous(), std::optional<std::size_t>(matches.back()));
        QCOMPARE(*search.current(), matches.size() - 1);
        QCOMPARE(search.next(), std::optional<std::size_t>(matches.front()));
        QCOMPARE(current.size(), 5);
        // From an event that is not a match (a put): the gets around it.
        const std::size_t put = matches[1] - 1;
        QCOMPARE(m_store->kind(put), ModuleEventKind::Put);
        QCOMPARE(search.next(put), std::optional<std::size_t>(matches[1]));
        QCOMPARE(search.previous(put), std::optional<std::size_t>(matches[0]));
        QCOMPARE(search.next(matches.back()), std::optional<std::size_t>(matches.front()));
        QCOMPARE(search.previous(matches.front()), std::optional<std::size_t>(matches.back()));
    }

    void onlyMatchesFilterTheTable()
    {
        EventSearch search;
        search.setStore(m_store);
        search.setQuery(QStringLiteral("__FPUT"));
        search.scan(-1);
        EventTableModel table;
        table.setStore(m_store);
        EventTableModel::Filter filter;
        filter.only = QList<std::uint32_t>(search.matches().begin(), search.matches().end());
        table.setFilter(filter);
        QCOMPARE(qint64(table.rowCount()), m_puts);
        for (int row : {0, table.rowCount() / 2, table.rowCount() - 1})
            QCOMPARE(table.index(row, EventTableModel::Event).data().toString(),
                     QStringLiteral("module_put"));
    }

private:
    std::shared_ptr<EventStore> m_store;
    qint64 m_gets = 0;
    qint64 m_puts = 0;
};

QTEST_GUILESS_MAIN(TestEventSearch)
#include "tst_eventsearch.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// guard's verdict on a real recording (tests/data/traces/leaky-ref-leak.rscope:
// insmod leaky_ref.ko; echo oops > /proc/leaky_ref in the lab guest, whose
// get at leaky_ref_write is never put back). The counts before are the
// session's snapshot; the counts after are what lsmod showed at the end of
// the recording (its last event's count), or variations of them the rule
// must judge.
#include "guard/guardverdict.h"
#include "session/sessionfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <limits>

namespace refscope {

class TestGuardVerdict : public QObject {
    Q_OBJECT

    Session m_session;
    QMap<QString, int> m_before;
    QMap<QString, int> m_after; // leaky_ref as the recording ended

private slots:
    void initTestCase()
    {
        const QString error =
            loadSession(QStringLiteral(REFSCOPE_TRACES_DIR "/leaky-ref-leak.rscope"), &m_session);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_before = moduleCounts(m_session.snapshot);
        QVERIFY(!m_before.contains(QStringLiteral("leaky_ref"))); // insmod'ed during the run
        const EventStore &events = *m_session.events;
        const int id = events.findModule(QStringLiteral("leaky_ref"));
        QVERIFY(id >= 0);
        m_after = m_before;
        m_after.insert(QStringLiteral("leaky_ref"),
                       events.countAt(id, std::numeric_limits<qint64>::max()));
        QCOMPARE(m_after.value(QStringLiteral("leaky_ref")), 1);
    }

    // Loaded during the run and left at 1: it must have come back to 0;
    // the get at leaky_ref_write is named, the module's own, taken by sh.
    void leakFailsAndNamesTheCallSite()
    {
        const GuardVerdict v = guardVerdict(m_before, m_after, *m_session.events, {});
        QVERIFY(!v.balanced());
        QCOMPARE(v.differing(), QStringList{QStringLiteral("leaky_ref")});
        QVERIFY(!v.named);
        QCOMPARE(v.modules.size(), 1); // nothing else changed or had events
        const GuardModule &m = v.modules.first();
        QCOMPARE(m.reason, GuardReason::CountChanged);
        QCOMPARE(m.before, kNotLoaded);
        QCOMPARE(m.after, 1);
        QCOMPARE(m.expected, 0);
        QVERIFY(m.loadedDuringRun);
        QVERIFY(!m.unloadedDuringRun);
        QCOMPARE(m.sites.size(), 1);
        const GuardSite &site = m.sites.first();
        QCOMPARE(site.callSite, QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"));
        QCOMPARE(site.outstanding, 1);
        QCOMPARE(site.site.owner, CallSiteOwner::Self);
        QCOMPARE(site.tasks.size(), 1);
        QVERIFY(site.tasks.first().pid > 0);
        QCOMPARE(site.tasks.first().gets, 1);
        QVERIFY(!site.tasks.first().comm.isEmpty());

        const QString text = guardVerdictText(v);
        QVERIFY2(text.contains(QLatin1String("leaky_ref: not loaded -> 1")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("DIFFERS by 1")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("1 get never put back at "
                                             "leaky_ref_write+0x35 [leaky_ref]")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(pid %1)").arg(site.tasks.first().pid)),
                 qPrintable(text));
    }

    // The same recording, had the module come back to 0 or been unloaded:
    // balanced, whatever the recording's outstanding gets (the counts decide).
    void countsBackPass()
    {
        QMap<QString, int> zero = m_after;
        zero.insert(QStringLiteral("leaky_ref"), 0);
        GuardVerdict v = guardVerdict(m_before, zero, *m_session.events, {});
        QVERIFY(v.balanced());
        QCOMPARE(v.modules.size(), 1); // it changed (not loaded -> 0)
        QVERIFY(v.modules.first().sites.isEmpty());

        v = guardVerdict(m_before, m_before, *m_session.events, {});
        QVERIFY(v.balanced());
        QCOMPARE(v.modules.size(), 1); // no count changed: listed for its events
        QCOMPARE(v.modules.first().reason, GuardReason::Events);
        QCOMPARE(v.modules.first().after, kNotLoaded);

        // A module loaded before and unloaded by the suite: every reference
        // was gone, whatever its count before.
        const QString other = m_before.firstKey();
        QMap<QString, int> unloaded = m_before;
        unloaded.remove(other);
        v = guardVerdict(m_before, unloaded, *m_session.events, {});
        QVERIFY(v.balanced());
        const auto it = std::find_if(v.modules.begin(), v.modules.end(),
                                     [&](const GuardModule &m) { return m.name == other; });
        QVERIFY(it != v.modules.end());
        QCOMPARE(it->reason, GuardReason::CountChanged);
        QVERIFY(it->unloadedDuringRun);
        QVERIFY2(guardVerdictText(v).contains(QStringLiteral("%1: %2 -> not loaded (unloaded "
                                                             "during the run)  ok")
                                                  .arg(other)
                                                  .arg(m_before.value(other))),
                 qPrintable(guardVerdictText(v)));
    }

    // --modules: only those, in that order; one never loaded is balanced; a
    // module loaded throughout keeps its count or fails, even with no event
    // to point at (then the text says RefScope did not see it).
    void namedModules()
    {
        const QString other = m_before.firstKey();
        const QStringList named{QStringLiteral("leaky_ref"), QStringLiteral("not_a_module"), other};
        GuardVerdict v = guardVerdict(m_before, m_after, *m_session.events, named);
        QVERIFY(v.named);
        QCOMPARE(v.modules.size(), 3);
        QCOMPARE(v.modules.at(1).name, QStringLiteral("not_a_module"));
        QVERIFY(v.modules.at(1).balanced());
        QVERIFY(v.modules.at(2).balanced());
        QCOMPARE(v.differing(), QStringList{QStringLiteral("leaky_ref")});

        QMap<QString, int> raised = m_before;
        raised[other] += 1;
        v = guardVerdict(m_before, raised, *m_session.events, {other});
        QCOMPARE(v.differing(), QStringList{other});
        QVERIFY(!v.modules.first().loadedDuringRun);
        QCOMPARE(v.modules.first().expected, m_before.value(other));
        QVERIFY(v.modules.first().sites.isEmpty());
        QVERIFY(guardVerdictText(v).contains(QLatin1String("RefScope did not see")));
    }

    void json()
    {
        const GuardVerdict v = guardVerdict(m_before, m_after, *m_session.events, {});
        const QJsonObject json =
            QJsonDocument::fromJson(QJsonDocument(guardVerdictToJson(v)).toJson()).object();
        QCOMPARE(json.value(QLatin1String("balanced")).toBool(true), false);
        QCOMPARE(json.value(QLatin1String("modules_from")).toString(), QStringLiteral("changes"));
        QCOMPARE(json.value(QLatin1String("lost_events")).toInt(-1), 0);
        const QJsonObject m = json.value(QLatin1String("modules")).toArray().first().toObject();
        QCOMPARE(m.value(QLatin1String("name")).toString(), QStringLiteral("leaky_ref"));
        QVERIFY(m.value(QLatin1String("before")).isNull());
        QCOMPARE(m.value(QLatin1String("after")).toInt(), 1);
        QCOMPARE(m.value(QLatin1String("expected")).toInt(), 0);
        QCOMPARE(m.value(QLatin1String("reason")).toString(), QStringLiteral("count_changed"));
        QCOMPARE(m.value(QLatin1String("loaded_during_run")).toBool(), true);
        QCOMPARE(m.value(QLatin1String("balanced")).toBool(true), false);
        const QJsonObject site = m.value(QLatin1String("outstanding")).toArray().first().toObject();
        QCOMPARE(site.value(QLatin1String("call_site")).toString(),
                 QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"));
        QCOMPARE(site.value(QLatin1String("outstanding")).toInt(), 1);
        QCOMPARE(site.value(QLatin1String("owner")).toString(), QStringLiteral("self"));
        QVERIFY(site.value(QLatin1String("holder_kind")).isNull());
        QCOMPARE(site.value(QLatin1String("tasks")).toArray().size(), 1);
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestGuardVerdict)
#include "tst_guard_verdict.moc"

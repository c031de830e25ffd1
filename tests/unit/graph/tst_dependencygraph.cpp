// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/dependencygraph.h"
#include "graphtestdata.h"

#include <QTest>

using namespace refscope;
using refscope::graphtest::module;

class TestDependencyGraph : public QObject {
    Q_OBJECT
private slots:
    void nodesCarryTheModuleFacts()
    {
        Snapshot s = graphtest::soundSnapshot();
        s.modules[0].permanent = true;
        s.modules[0].taints = QStringLiteral("OE");
        s.modules[0].state = ModuleState::Going;
        const DependencyGraph g = DependencyGraph::fromSnapshot(s);
        QCOMPARE(g.nodes().size(), 7);
        const GraphNode *loop = g.node(QStringLiteral("loop"));
        QVERIFY(loop);
        QCOMPARE(loop->state, ModuleState::Going);
        QVERIFY(loop->permanent);
        QCOMPARE(loop->taints, QStringLiteral("OE"));
        QCOMPARE(g.node(QStringLiteral("snd"))->refcount, 3);
        QVERIFY(g.droppedLinks().isEmpty());
    }

    void edgesPointFromUserToUsed()
    {
        const DependencyGraph g = DependencyGraph::fromSnapshot(graphtest::soundSnapshot());
        // Holders and depends both name each link: it must appear once.
        QCOMPARE(g.edges().size(), 8);
        QVERIFY(g.edges().contains(GraphEdge{"snd_hda_intel", "snd_hda_codec"}));
        QVERIFY(!g.edges().contains(GraphEdge{"snd_hda_codec", "snd_hda_intel"}));
        QCOMPARE(g.usersOf(QStringLiteral("snd")),
                 QStringList({"snd_hda_codec", "snd_pcm", "snd_timer"}));
        QCOMPARE(g.dependenciesOf(QStringLiteral("snd_pcm")), QStringList({"snd", "snd_timer"}));
    }

    void linkKnownOnlyFromOneSideStillCounts()
    {
        Snapshot s;
        s.modules = {module("a", {}, {"b"}), module("b", {}, {})};
        const DependencyGraph g = DependencyGraph::fromSnapshot(s);
        QCOMPARE(g.edges(), QList<GraphEdge>({{"a", "b"}}));
    }

    void linkToUnlistedModuleIsReported()
    {
        Snapshot s;
        s.modules = {module("a", {"gone"}, {})};
        const DependencyGraph g = DependencyGraph::fromSnapshot(s);
        QVERIFY(g.edges().isEmpty());
        QCOMPARE(g.droppedLinks(), QStringList({"gone -> a"}));
    }

    void neighbourhoodLevels()
    {
        const DependencyGraph g = DependencyGraph::fromSnapshot(graphtest::soundSnapshot());
        const auto names = [](const DependencyGraph &n) {
            QStringList list;
            for (const GraphNode &node : n.nodes())
                list.append(node.name);
            return list;
        };
        const QString pcm = QStringLiteral("snd_pcm");
        QCOMPARE(names(g.neighbourhood(pcm, 0)), QStringList({"snd_pcm"}));
        QVERIFY(g.neighbourhood(pcm, 0).edges().isEmpty());
        QCOMPARE(names(g.neighbourhood(pcm, 1)),
                 QStringList({"snd", "snd_hda_codec", "snd_hda_intel", "snd_pcm", "snd_timer"}));
        // Level 2 reaches soundcore through snd; loop is never reached.
        const DependencyGraph two = g.neighbourhood(pcm, 2);
        QCOMPARE(names(two), QStringList({"snd", "snd_hda_codec", "snd_hda_intel", "snd_pcm",
                                          "snd_timer", "soundcore"}));
        QVERIFY(two.edges().contains(GraphEdge{"snd", "soundcore"}));
        QCOMPARE(two.edges().size(), 8);
        // Users are followed upwards only: snd's other users are not
        // pulled in from soundcore's side at level 1.
        QCOMPARE(names(g.neighbourhood(QStringLiteral("soundcore"), 1)),
                 QStringList({"snd", "soundcore"}));
    }

    void unknownModuleGivesEmptyGraph()
    {
        const DependencyGraph g = DependencyGraph::fromSnapshot(graphtest::soundSnapshot());
        QVERIFY(g.neighbourhood(QStringLiteral("nvidia"), 2).isEmpty());
        QVERIFY(g.neighbourhood(QStringLiteral("snd"), -1).isEmpty());
        QVERIFY(!g.node(QStringLiteral("nvidia")));
    }

    void dashAndUnderscoreNameTheSameModule()
    {
        const DependencyGraph g = DependencyGraph::fromSnapshot(graphtest::soundSnapshot());
        QVERIFY(g.contains(QStringLiteral("snd-hda-intel")));
        QCOMPARE(g.neighbourhood(QStringLiteral("snd-hda-intel"), 1).nodes().size(), 3);
        Snapshot dashed;
        dashed.modules = {module("snd-a", {"snd-b"}, {}), module("snd_b", {}, {"snd-a"})};
        const DependencyGraph d = DependencyGraph::fromSnapshot(dashed);
        QCOMPARE(d.edges(), QList<GraphEdge>({{"snd_b", "snd_a"}}));
    }

    void moduleWithoutLinks()
    {
        const DependencyGraph g = DependencyGraph::fromSnapshot(graphtest::soundSnapshot());
        QVERIFY(g.usersOf(QStringLiteral("loop")).isEmpty());
        QVERIFY(g.dependenciesOf(QStringLiteral("loop")).isEmpty());
        const DependencyGraph alone = g.neighbourhood(QStringLiteral("loop"), 2);
        QCOMPARE(alone.nodes().size(), 1);
        QVERIFY(alone.edges().isEmpty());
    }

    void emptySnapshot()
    {
        const DependencyGraph g = DependencyGraph::fromSnapshot(Snapshot());
        QVERIFY(g.isEmpty());
        QVERIFY(g.edges().isEmpty());
        QVERIFY(g.neighbourhood(QStringLiteral("loop"), 1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"

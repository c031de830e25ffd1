// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/dotwriter.h"
#include "graphtestdata.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace refscope;
using refscope::graphtest::module;

namespace {

// Runs the real `dot` on `source`; returns its stderr, empty when it was accepted.
QString dotComplaints(const QString &source)
{
    QProcess dot;
    dot.start(QStringLiteral("dot"), {QStringLiteral("-Tjson0")});
    dot.write(source.toUtf8());
    dot.closeWriteChannel();
    if (!dot.waitForFinished(10000))
        return QStringLiteral("dot did not finish");
    const QString errors = QString::fromUtf8(dot.readAllStandardError());
    if (dot.exitCode() != 0)
        return QStringLiteral("exit %1: %2").arg(dot.exitCode()).arg(errors);
    return errors;
}

} // namespace

class TestDotWriter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
            QFAIL("Graphviz 'dot' is not installed: apt install graphviz");
    }

    void writesNodesAndEdges()
    {
        Snapshot s = graphtest::soundSnapshot();
        s.modules[0].permanent = true;
        s.modules[0].taints = QStringLiteral("P");
        const QString dot = toDot(DependencyGraph::fromSnapshot(s));
        QVERIFY(dot.startsWith(QStringLiteral("digraph modules {")));
        QVERIFY(dot.contains(QStringLiteral("\"snd_hda_intel\" -> \"snd_hda_codec\";")));
        QVERIFY(!dot.contains(QStringLiteral("\"snd_hda_codec\" -> \"snd_hda_intel\"")));
        QVERIFY(dot.contains(QStringLiteral("label=\"snd_hda_intel (2)\"")));
        QVERIFY(dot.contains(QStringLiteral("label=\"loop [P]\"")));
        QVERIFY(dot.contains(QStringLiteral("peripheries=2")));
        QCOMPARE(dot.count(QStringLiteral(" -> ")), 8);
        QCOMPARE(dotComplaints(dot), QString());
    }

    void escapesHostileNames()
    {
        // A broken or hostile snapshot must not be able to break the DOT.
        const QStringList names = {"q\"uote",   "back\\slash",         "trailing\\",
                                   "new\nline", "brace}; digraph x {", "ünïcode",
                                   "-"};
        Snapshot s;
        for (const QString &name : names)
            s.modules.append(module(name, {}, {}));
        s.modules[1].depends = {"q\"uote"};
        const DependencyGraph graph = DependencyGraph::fromSnapshot(s);
        QCOMPARE(graph.edges().size(), 1);
        QCOMPARE(dotComplaints(toDot(graph)), QString());
        // That dot reads every name back as dotNodeName() says is checked
        // by tst_graphlayout, which must find each node's position.
    }

    void emptyGraphIsValid() { QCOMPARE(dotComplaints(toDot(DependencyGraph())), QString()); }
};

QTEST_GUILESS_MAIN(TestDotWriter)
#include "tst_dotwriter.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// parseDotJson on dot's real output shape and on every kind of damage.
#include "graph/graphgeometry.h"

#include <QTest>

using namespace refscope;

namespace {

// What `dot -Tjson0` printed for: digraph { subgraph cluster_x { a; } a -> b; }
const char *const clusterJson = R"({
  "name": "%3", "directed": true, "strict": false, "bb": "0,0,86,124", "_subgraph_cnt": 1,
  "objects": [
    {"name": "cluster_x", "bb": "8,64,78,116", "_gvid": 0, "nodes": [1]},
    {"_gvid": 1, "name": "a", "height": "0.5", "label": "\\N", "pos": "43,90", "width": "0.75"},
    {"_gvid": 2, "name": "b", "height": "0.5", "label": "\\N", "pos": "43,18", "width": "0.75"}
  ],
  "edges": [
    {"_gvid": 0, "tail": 1, "head": 2, "pos": "e,43,36.104 43,71.697 43,63.983 43,54.712 43,46.112"}
  ]
})";

QString parseError(const QByteArray &json)
{
    GraphGeometry geometry;
    QString error;
    return parseDotJson(json, &geometry, &error) ? QString() : error;
}

} // namespace

class TestGraphGeometry : public QObject {
    Q_OBJECT
private slots:
    void readsNodesAndEdgesWithYDown()
    {
        GraphGeometry g;
        QString error;
        QVERIFY2(parseDotJson(clusterJson, &g, &error), qPrintable(error));
        QCOMPARE(g.boundingRect, QRectF(0, 0, 86, 124));
        QCOMPARE(g.nodes.size(), 2); // the cluster is not a node
        QCOMPARE(g.nodes.value("a").centre, QPointF(43, 34));
        QCOMPARE(g.nodes.value("a").size, QSizeF(54, 36));
        QCOMPARE(g.nodes.value("b").centre, QPointF(43, 106));
        QCOMPARE(g.edges.size(), 1);
        const EdgeGeometry &edge = g.edges.first();
        QCOMPARE(edge.user, QStringLiteral("a"));
        QCOMPARE(edge.used, QStringLiteral("b"));
        QCOMPARE(edge.spline.size(), 4);
        QCOMPARE(edge.spline.first(), QPointF(43, 124 - 71.697));
        QCOMPARE(*edge.arrowTip, QPointF(43, 124 - 36.104));
    }

    void pinnedPositionsAndStartMarkers()
    {
        QByteArray json = clusterJson;
        json.replace("\"43,90\"", "\"43,90!\"").replace("\"e,43", "\"s,43,72 e,43");
        GraphGeometry g;
        QString error;
        QVERIFY2(parseDotJson(json, &g, &error), qPrintable(error));
        QCOMPARE(g.nodes.value("a").centre, QPointF(43, 34));
        QCOMPARE(g.edges.first().spline.size(), 4);
    }

    void damage_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{\"name\"") << QByteArray("oops")
                                  << "dot's output is not a JSON object: illegal value";
        QTest::newRow("bb") << QByteArray("0,0,86,124") << QByteArray("0,0,86")
                            << "graph: bad bb \"0,0,86\"";
        QTest::newRow("pos") << QByteArray("\"43,90\"") << QByteArray("\"43\"")
                             << "node 'a': bad pos \"43\"";
        QTest::newRow("width") << QByteArray("\"0.75\"}") << QByteArray("\"-1\"}")
                               << "node 'a': bad width \"-1\"";
        QTest::newRow("head") << QByteArray("\"head\": 2") << QByteArray("\"head\": 7")
                              << "edge 1 -> 7: end is not a node";
        QTest::newRow("spline")
            << QByteArray(" 43,46.112") << QByteArray()
            << "edge a -> b: bad pos \"e,43,36.104 43,71.697 43,63.983 43,54.712\"";
        QTest::newRow("point")
            << QByteArray("43,54.712") << QByteArray("43;54")
            << "edge a -> b: bad pos \"e,43,36.104 43,71.697 43,63.983 43;54 43,46.112\"";
    }

    void damage()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, error);
        QByteArray json = clusterJson;
        if (from.startsWith("{"))
            json = to;
        else
            json.replace(json.indexOf(from), from.size(), to);
        QCOMPARE(parseError(json), error);
    }
};

QTEST_GUILESS_MAIN(TestGraphGeometry)
#include "tst_graphgeometry.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/dotwriter.h"

#include "graph/nodestyle.h"

namespace refscope {

namespace {

// Graph attributes chosen by laying out a desktop's 216 modules (281
// links, from the 6.1 kernel's modinfo) and fitting them into a 1400x770
// view: top-to-bottom ranks read as "users above what they use". Plain
// dot puts every link-less module in one row: 7464x562 points, fit scale
// 0.19. pack=true with packmode=graph fills the gaps around the connected
// groups: 3007x1334, scale 0.47, the most readable. packmode=array_u gave
// 5241x1174, rankdir=LR 2060x2397 (scale 0.32).
const char *const graphHeader = R"(digraph modules {
  graph [rankdir=TB, pack=true, packmode="graph", nodesep=0.15, ranksep=0.45];
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, height=0.3, margin="0.08,0.03"];
  edge [color="#555555", arrowsize=0.6];
)";

// A DOT quoted string. dot keeps the backslashes of an ID (see
// dotNodeName()) and interprets them in a label, which shows the text.
QString quoted(const QString &text)
{
    QString escaped = dotNodeName(text);
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString nodeStatement(const GraphNode &node)
{
    QString attributes = QStringLiteral("label=%1, fillcolor=\"%2\", color=\"%3\", tooltip=%4")
                             .arg(quoted(nodeLabel(node)), nodeFillColour(node),
                                  nodeOutlineColour(node), quoted(nodeDescription(node)));
    if (node.permanent) // square corners and a double outline: can never be unloaded
        attributes += QStringLiteral(", style=filled, peripheries=2");
    if (!node.taints.isEmpty())
        attributes += QStringLiteral(", penwidth=2");
    return QStringLiteral("  %1 [%2];\n").arg(quoted(node.name), attributes);
}

} // namespace

QString dotNodeName(const QString &moduleName)
{
    QString name = moduleName;
    name.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    name.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    name.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return name;
}

QString toDot(const DependencyGraph &graph)
{
    QString dot = QString::fromLatin1(graphHeader);
    for (const GraphNode &node : graph.nodes())
        dot += nodeStatement(node);
    for (const GraphEdge &edge : graph.edges())
        dot += QStringLiteral("  %1 -> %2;\n").arg(quoted(edge.user), quoted(edge.used));
    dot += QStringLiteral("}\n");
    return dot;
}

} // namespace refscope

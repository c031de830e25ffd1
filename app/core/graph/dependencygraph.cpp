// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/dependencygraph.h"

#include <QSet>
#include <algorithm>
#include <tuple>

namespace refscope {

namespace {

// Every module reachable from `start` in at most `levels` steps along `next`.
QSet<QString> reachable(const QString &start, int levels, const QHash<QString, QStringList> &next)
{
    QSet<QString> seen{start};
    QStringList frontier{start};
    for (int level = 0; level < levels && !frontier.isEmpty(); ++level) {
        QStringList following;
        for (const QString &name : frontier) {
            for (const QString &neighbour : next.value(name)) {
                if (!seen.contains(neighbour)) {
                    seen.insert(neighbour);
                    following.append(neighbour);
                }
            }
        }
        frontier = following;
    }
    return seen;
}

} // namespace

DependencyGraph DependencyGraph::fromSnapshot(const Snapshot &snapshot)
{
    DependencyGraph graph;
    QList<ModuleInfo> modules = snapshot.modules;
    std::sort(modules.begin(), modules.end(),
              [](const ModuleInfo &a, const ModuleInfo &b) { return a.name < b.name; });
    for (const ModuleInfo &m : modules) {
        graph.addNode({normalizeModuleName(m.name), m.state, m.refcount, m.permanent, m.taints});
    }
    for (const ModuleInfo &m : modules) {
        const QString name = normalizeModuleName(m.name);
        for (const QString &holder : m.holders)
            graph.addEdge(normalizeModuleName(holder), name);
        for (const QString &dependency : m.depends)
            graph.addEdge(name, normalizeModuleName(dependency));
    }
    std::sort(graph.m_edges.begin(), graph.m_edges.end(),
              [](const GraphEdge &a, const GraphEdge &b) {
                  return std::tie(a.user, a.used) < std::tie(b.user, b.used);
              });
    for (QStringList &users : graph.m_users)
        users.sort();
    for (QStringList &dependencies : graph.m_dependencies)
        dependencies.sort();
    graph.m_droppedLinks.removeDuplicates();
    return graph;
}

DependencyGraph DependencyGraph::neighbourhood(const QString &module, int levels) const
{
    DependencyGraph result;
    const GraphNode *centre = node(module);
    if (!centre || levels < 0)
        return result;
    QSet<QString> kept = reachable(centre->name, levels, m_users);
    kept.unite(reachable(centre->name, levels, m_dependencies));
    for (const GraphNode &n : m_nodes) {
        if (kept.contains(n.name))
            result.addNode(n);
    }
    for (const GraphEdge &e : m_edges) {
        if (kept.contains(e.user) && kept.contains(e.used))
            result.addEdge(e.user, e.used);
    }
    return result;
}

const GraphNode *DependencyGraph::node(const QString &name) const
{
    const auto it = m_index.constFind(normalizeModuleName(name));
    return it == m_index.constEnd() ? nullptr : &m_nodes.at(*it);
}

QStringList DependencyGraph::usersOf(const QString &name) const
{
    return m_users.value(normalizeModuleName(name));
}

QStringList DependencyGraph::dependenciesOf(const QString &name) const
{
    return m_dependencies.value(normalizeModuleName(name));
}

void DependencyGraph::addNode(const GraphNode &node)
{
    // A snapshot lists each module once; should a duplicate slip through,
    // the first record wins so lookups stay unambiguous.
    if (m_index.contains(node.name))
        return;
    m_index.insert(node.name, m_nodes.size());
    m_nodes.append(node);
}

void DependencyGraph::addEdge(const QString &user, const QString &used)
{
    if (!m_index.contains(user) || !m_index.contains(used)) {
        m_droppedLinks.append(user + QStringLiteral(" -> ") + used);
        return;
    }
    QStringList &dependencies = m_dependencies[user];
    if (dependencies.contains(used))
        return; // holders and depends both report the same link
    dependencies.append(used);
    m_users[used].append(user);
    m_edges.append({user, used});
}

} // namespace refscope

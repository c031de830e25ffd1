// SPDX-License-Identifier: GPL-3.0-or-later
// Which loaded module uses which: the graph RefScope draws and the CLI
// prints as DOT. Built from one Snapshot; plain data with lookups by name.
#pragma once

#include "inventory/moduleinfo.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace refscope {

struct GraphNode {
    QString name; // the kernel's name (underscores)
    ModuleState state = ModuleState::Unknown;
    int refcount = 0; // lsmod's "Used" number
    bool permanent = false;
    QString taints; // empty when untainted
    bool operator==(const GraphNode &o) const = default;
};

// "user uses used": a holder H of module M gives the edge H -> M.
struct GraphEdge {
    QString user;
    QString used;
    bool operator==(const GraphEdge &o) const = default;
};

class DependencyGraph {
public:
    // Nodes are the snapshot's modules; edges come from both holders and
    // depends (the kernel reports each link twice; it appears once here).
    // A link to a module the snapshot does not list is left out, because
    // nodes are loaded modules only; see droppedLinks().
    static DependencyGraph fromSnapshot(const Snapshot &snapshot);

    // The module plus `levels` levels of its users and `levels` levels of
    // the modules it uses, with every edge between the kept nodes. An
    // unknown module or negative levels give an empty graph. Accepts '-'.
    DependencyGraph neighbourhood(const QString &module, int levels) const;

    const QList<GraphNode> &nodes() const { return m_nodes; }
    const QList<GraphEdge> &edges() const { return m_edges; }
    bool isEmpty() const { return m_nodes.isEmpty(); }
    const GraphNode *node(const QString &name) const; // accepts '-' or '_'
    bool contains(const QString &name) const { return node(name) != nullptr; }
    QStringList usersOf(const QString &name) const;        // sorted
    QStringList dependenciesOf(const QString &name) const; // sorted
    // Holder/depends entries naming a module the snapshot does not list,
    // as "user -> used"; non-empty means the snapshot was inconsistent
    // (a module loaded or unloaded while it was read).
    const QStringList &droppedLinks() const { return m_droppedLinks; }

private:
    void addNode(const GraphNode &node);
    void addEdge(const QString &user, const QString &used);

    QList<GraphNode> m_nodes;          // sorted by name
    QList<GraphEdge> m_edges;          // sorted by user, then used
    QHash<QString, qsizetype> m_index; // name -> position in m_nodes
    QHash<QString, QStringList> m_users;
    QHash<QString, QStringList> m_dependencies;
    QStringList m_droppedLinks;
};

} // namespace refscope

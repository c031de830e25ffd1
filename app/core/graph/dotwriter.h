// SPDX-License-Identifier: GPL-3.0-or-later
// The dependency graph as Graphviz DOT: what `refscope-cli graph --dot`
// prints and what GraphLayout feeds to the `dot` program.
#pragma once

#include "graph/dependencygraph.h"

#include <QString>

namespace refscope {

// Edges point from a module to the modules it uses, users ranked above
// what they use. Modules with no links are packed around the connected
// groups instead of sitting in one very long row.
QString toDot(const DependencyGraph &graph);

// The node name `dot` reports back (in -Tjson "name", -Tplain) for a
// module. Graphviz keeps the backslashes of a quoted ID as written, so
// this is the module name with DOT escapes but without quoting.
QString dotNodeName(const QString &moduleName);

} // namespace refscope

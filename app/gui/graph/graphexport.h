// SPDX-License-Identifier: GPL-3.0-or-later
// Saving the graph: DOT (the text `refscope-cli graph --dot` prints), or
// the drawing on screen as SVG or PNG. Each returns an error message,
// empty on success.
#pragma once

#include "graph/dependencygraph.h"

#include <QString>

class QGraphicsScene;

namespace refscope {

QString exportDot(const DependencyGraph &graph, const QString &path);
QString exportSvg(QGraphicsScene *scene, const QString &path);
// At twice the scene's size when that stays under 8000 pixels a side.
QString exportPng(QGraphicsScene *scene, const QString &path);

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// How a module looks in the graph, shared by the DOT writer and the
// graph view so `refscope-cli graph --dot | dot -Tsvg` matches the GUI.
#pragma once

#include "graph/dependencygraph.h"

#include <QString>

namespace refscope {

// Fill colour "#rrggbb": the hue says the state (live green, coming blue,
// going orange, unknown grey); a module in use (refcount > 0) gets the
// saturated shade, an idle one the pale shade.
QString nodeFillColour(const GraphNode &node);
// Outline colour: red when tainted, dark grey otherwise. Permanent modules
// are drawn with a double outline on top of this.
QString nodeOutlineColour(const GraphNode &node);
// The text in the box: the name, then the use count when not 0 and the
// taint letters when tainted, e.g. "snd_pcm (3) [OE]".
QString nodeLabel(const GraphNode &node);
// One line for tooltips: "snd_pcm: live, used by 3, permanent, tainted OE".
QString nodeDescription(const GraphNode &node);

} // namespace refscope

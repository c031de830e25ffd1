// SPDX-License-Identifier: GPL-3.0-or-later
// How the window showed a recording when its session was saved: the
// selected module, the visible stretch of time, markers A and B and the
// event table's filters. Saved with the session (format 3, SESSION.md) as
// JSON, so that a view field added later needs no new format version; a
// session opens as it was left.
#pragma once

#include "events/moduleevent.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace refscope {

struct SessionView {
    QString selectedModule;          // empty: none
    std::optional<qint64> fromNs;    // the visible stretch, in the recording's clock
    std::optional<qint64> toNs;      // (both or neither)
    std::optional<qint64> markerANs; // markers A and B, when placed
    std::optional<qint64> markerBNs;
    QString filterModule;                      // the event table's: empty, every module
    std::optional<int> filterPid;              // none: every task
    std::optional<ModuleEventKind> filterKind; // none: every kind

    bool isEmpty() const;
    bool operator==(const SessionView &) const = default;
};

QJsonObject sessionViewToJson(const SessionView &view);
// False and *error when a field has the wrong type or an impossible value
// (a range that ends before it starts, a negative pid, an unknown kind);
// fields it does not know are ignored.
bool sessionViewFromJson(const QJsonObject &json, SessionView *view, QString *error);

} // namespace refscope

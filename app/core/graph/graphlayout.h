// SPDX-License-Identifier: GPL-3.0-or-later
// Lays out a DependencyGraph by running Graphviz's `dot` program in a
// separate process, as KCachegrind does: Graphviz's library is EPL-1.0,
// which cannot be linked into GPL code, and a separate process also
// keeps a slow layout from freezing the GUI.
#pragma once

#include "graph/dependencygraph.h"
#include "graph/graphgeometry.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <optional>

namespace refscope {

struct GraphLayoutOptions {
    QString dotProgram = QStringLiteral("dot"); // a name looked up in PATH, or a path
    int timeoutMs = 10000;
};

struct GraphLayoutResult {
    quint64 request = 0; // what requestLayout() returned
    DependencyGraph graph;
    GraphGeometry geometry; // node names are module names
    QString error;          // empty on success
    qint64 elapsedMs = 0;   // dot's run, output parsing included
    bool ok() const { return error.isEmpty(); }
};

// Runs one `dot` at a time. A request made while one runs makes that run
// stale: it is killed and its result never delivered; only the newest
// request is laid out next, so a burst of requests costs one layout.
class GraphLayout : public QObject {
    Q_OBJECT
public:
    explicit GraphLayout(QObject *parent = nullptr);
    explicit GraphLayout(const GraphLayoutOptions &options, QObject *parent = nullptr);
    ~GraphLayout() override;

    quint64 requestLayout(const DependencyGraph &graph);
    bool isBusy() const { return m_process != nullptr; }

signals:
    // Exactly once per request that was not superseded by a newer one.
    void layoutFinished(const refscope::GraphLayoutResult &result);

private:
    struct Request {
        quint64 id = 0;
        DependencyGraph graph;
    };

    void startPending();
    void onProcessDone();
    GraphLayoutResult resultOfRun();
    QString dotFailure() const;

    GraphLayoutOptions m_options;
    quint64 m_lastId = 0;
    std::optional<Request> m_pending;
    Request m_running;
    QPointer<QProcess> m_process;
    QTimer m_timeout;
    bool m_timedOut = false;
    QElapsedTimer m_clock;
};

} // namespace refscope

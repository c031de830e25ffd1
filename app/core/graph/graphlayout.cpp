// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphlayout.h"

#include "graph/dotwriter.h"

namespace refscope {

GraphLayout::GraphLayout(QObject *parent) : GraphLayout(GraphLayoutOptions(), parent) {}

GraphLayout::GraphLayout(const GraphLayoutOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_process)
            m_process->kill();
    });
}

GraphLayout::~GraphLayout()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

quint64 GraphLayout::requestLayout(const DependencyGraph &graph)
{
    m_pending = Request{++m_lastId, graph};
    if (m_process)
        m_process->kill(); // stale now; onProcessDone() starts the pending request
    else
        startPending();
    return m_lastId;
}

void GraphLayout::startPending()
{
    m_running = *m_pending;
    m_pending.reset();
    m_timedOut = false;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, &GraphLayout::onProcessDone);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        // Only a failed start goes without finished(); other errors end in
        // it. Queued: start() may fail at once, and the result must still
        // come after requestLayout() has returned its number.
        if (error == QProcess::FailedToStart)
            QMetaObject::invokeMethod(this, &GraphLayout::onProcessDone, Qt::QueuedConnection);
    });
    m_clock.start();
    m_timeout.start(m_options.timeoutMs);
    m_process->start(m_options.dotProgram, {QStringLiteral("-Tjson0")});
    if (m_process->state() == QProcess::NotRunning)
        return; // failed to start; onProcessDone() is queued to report it
    m_process->write(toDot(m_running.graph).toUtf8());
    m_process->closeWriteChannel();
}

void GraphLayout::onProcessDone()
{
    m_timeout.stop();
    const bool stale = m_pending.has_value();
    GraphLayoutResult result;
    if (!stale)
        result = resultOfRun();
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    if (stale)
        startPending();
    else
        emit layoutFinished(result);
}

GraphLayoutResult GraphLayout::resultOfRun()
{
    GraphLayoutResult result{m_running.id, m_running.graph, {}, dotFailure(), m_clock.elapsed()};
    GraphGeometry geometry;
    QString parseError;
    if (result.error.isEmpty() &&
        !parseDotJson(m_process->readAllStandardOutput(), &geometry, &parseError))
        result.error = QStringLiteral("Graphviz 'dot' gave unreadable output: %1").arg(parseError);
    if (!result.error.isEmpty())
        return result;

    // Back from dot's node names to module names; every module must be placed.
    result.geometry.boundingRect = geometry.boundingRect;
    QHash<QString, QString> moduleByDotName;
    for (const GraphNode &node : m_running.graph.nodes()) {
        const QString dotName = dotNodeName(node.name);
        if (!geometry.nodes.contains(dotName)) {
            result.error =
                QStringLiteral("Graphviz 'dot' gave no position for module %1").arg(node.name);
            return result;
        }
        moduleByDotName.insert(dotName, node.name);
        result.geometry.nodes.insert(node.name, geometry.nodes.value(dotName));
    }
    for (EdgeGeometry edge : geometry.edges) {
        edge.user = moduleByDotName.value(edge.user, edge.user);
        edge.used = moduleByDotName.value(edge.used, edge.used);
        result.geometry.edges.append(edge);
    }
    result.elapsedMs = m_clock.elapsed();
    return result;
}

QString GraphLayout::dotFailure() const
{
    if (m_process->error() == QProcess::FailedToStart) {
        QString message = QStringLiteral("Graphviz 'dot' is not installed: apt install graphviz");
        if (m_options.dotProgram != QLatin1String("dot"))
            message += QStringLiteral(" (cannot run %1)").arg(m_options.dotProgram);
        return message;
    }
    if (m_timedOut)
        return QStringLiteral("Graphviz 'dot' took longer than %1 ms and was stopped")
            .arg(m_options.timeoutMs);
    if (m_process->exitStatus() != QProcess::NormalExit)
        return QStringLiteral("Graphviz 'dot' crashed");
    if (m_process->exitCode() != 0) {
        const QString detail = QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed();
        return QStringLiteral("Graphviz 'dot' failed with exit code %1: %2")
            .arg(m_process->exitCode())
            .arg(detail);
    }
    return {};
}

} // namespace refscope

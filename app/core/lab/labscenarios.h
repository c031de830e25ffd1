// SPDX-License-Identifier: GPL-3.0-or-later
// What the lab user can do to the guest's kernel from the GUI: load an
// example module (kmod/examples), unload any module, and run the scenarios
// that put each example (and the stock loop, tun and fuse) in the state it
// teaches. Every action goes through the guest's agent (module.load,
// module.unload, lab.exec) and ends with a plain message: empty on success,
// else the agent's own words ("busy: in use by export_consumer").
//
// A scenario is data: a title, what to watch, and steps. Steps that keep
// something open or running (a process holding a device file, an insmod
// still in init) are started in the background; their pids are kept per
// scenario so that stop() can end them and the reference they hold.
#pragma once

#include "protocol/protocol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace refscope {

class AgentClient;

struct LabStep {
    enum class Kind {
        LoadExample, // module.load of the example `module`; already loaded is fine
        Run,         // lab.exec of `argv`, waiting for it; must exit 0
        Hold,        // lab.exec of `argv` in the background; its pid is kept
    };
    Kind kind = Kind::Run;
    QString module;
    QStringList argv;
};

struct LabScenario {
    QString id; // stable, for tests and saved settings: the example's name, or "devices"
    QString title;
    QString whatToWatch;
    QList<LabStep> steps;
};

class LabScenarios : public QObject {
    Q_OBJECT
public:
    // The agent belongs to the lab machine; a vanished agent makes every
    // action fail with a message instead of crashing.
    // kernelRelease is the guest's kernel (LabMachine::kernelRelease()): the
    // examples built for it are loaded; empty: labModuleRelease().
    explicit LabScenarios(AgentClient *agent, const QString &kernelRelease = {},
                          QObject *parent = nullptr);

    // Every scenario, in the order the kmod/examples README teaches them,
    // with the example modules built for kernelRelease (as above).
    static QList<LabScenario> all(const QString &kernelRelease = {});
    // The built .ko of an example ("count_demo") for kernelRelease, or empty
    // when not built for it.
    static QString examplePath(const QString &module, const QString &kernelRelease = {});

    // error is empty on success. Never called after this object is gone.
    using Done = std::function<void(const QString &error)>;

    void run(const QString &scenarioId, Done done);
    // Ends the scenario's background processes and waits until they have
    // exited, so a snapshot taken right after sees their references gone.
    void stop(const QString &scenarioId, Done done);
    bool hasBackground(const QString &scenarioId) const;

    // The guest's kernel, once LabMachine::start() has chosen it.
    void setKernelRelease(const QString &kernelRelease) { m_kernelRelease = kernelRelease; }

    void loadExample(const QString &module, Done done);
    void unloadModule(const QString &module, Done done);

private:
    void runSteps(const QString &scenarioId, QList<LabStep> steps, Done done);
    void runStep(const QString &scenarioId, const LabStep &step, Done done);
    // Turns the agent's reply into Done's error (empty: success).
    using Outcome = std::function<QString(const AgentReply &)>;
    void load(const QString &module, Outcome outcome, Done done);
    void call(const QString &method, const QJsonObject &params, Outcome outcome, Done done);

    QPointer<AgentClient> m_agent;
    QString m_kernelRelease;
    QHash<QString, QList<qint64>> m_background; // scenario id -> pids still running
};

} // namespace refscope

// SPDX-License-Identifier: GPL-3.0-or-later
// The agent one "Force release…" dialog talks to: the lab guest's agent
// (already root in a disposable machine), or a new local refscope-agent
// started through pkexec with --release MODULE, so polkit asks for
// org.refscope.release (auth_admin, never kept) each time a dialog opens;
// that agent serves one release of that module and exits (a scan after it
// starts a new one, which polkit asks about again), and ends with this
// object, which the dialog owns. It asks for the holder report the user
// confirms, then runs the release, reporting each step as the agent's
// release.step notifications arrive. Nothing here blocks the event loop.
#pragma once

#include "holders/holder.h"
#include "protocol/sshtarget.h"
#include "release/releaserequest.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace refscope {

class AgentClient;

class ReleaseSession : public QObject {
    Q_OBJECT
public:
    // Talks to an agent that stays someone else's (the lab's).
    explicit ReleaseSession(AgentClient *borrowed, QObject *parent = nullptr);
    // Starts `launcher agentPath --release module` (launcher "pkexec"; empty
    // runs the agent directly, when already root) and owns it.
    ReleaseSession(const QString &launcher, const QString &agentPath, const QString &module,
                   QObject *parent = nullptr);
    // A new `refscope-agent --release MODULE` on the SSH target, for the
    // window that shows that machine.
    ReleaseSession(const SshTarget &target, const QString &module, QObject *parent = nullptr);
    ~ReleaseSession() override;

    // The timeline's recording of the module, when there is one: its gets
    // go with the holders question (a driver's own get in open becomes its
    // file's reference) and are the only evidence a drop is made on.
    void setEvidence(const std::optional<LeakEvidence> &evidence) { m_evidence = evidence; }
    const std::optional<LeakEvidence> &evidence() const { return m_evidence; }
    void fetchReport(const QString &module);
    void run(const ReleaseRequest &request);
    bool isRunning() const { return m_running; }

    // The agent's end in words for the user, with what it means for the
    // module; `reason` is AgentClient's (pkexec's 126 and 127 arrive as
    // "authentication dismissed" and "not authorized").
    enum class Stage { Starting, Idle, Running };
    static QString stoppedMessage(Stage stage, const QString &reason);

signals:
    // note: whether the holders are exact (the helper module) or inferred.
    void reportReady(const refscope::HolderReport &report, const QString &note);
    void stepDone(const refscope::ReleaseStep &step);
    void finished(const refscope::ReleaseResult &result);
    void failed(const QString &message);

private:
    void watch();
    void startOwned();

    QPointer<AgentClient> m_agent;
    AgentClient *m_owned = nullptr;
    QString m_launcher, m_agentPath, m_module; // the owned agent's command
    std::optional<SshTarget> m_ssh;            // or its machine over SSH
    bool m_releaseDone = false;                // the owned agent served its one release
    bool m_running = false;
    bool m_started = false; // the agent said hello
    std::optional<LeakEvidence> m_evidence;
    quint64 m_reportRequest = 0; // replies to older report requests are dropped
};

} // namespace refscope

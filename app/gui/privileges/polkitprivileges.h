// SPDX-License-Identifier: GPL-3.0-or-later
// What polkit would answer, before the user clicks, for each root action of
// the window ("Read as root…" and "Force release…"): allowed, allowed after
// an administrator's password, refused, or polkit could not be asked. It
// asks without interaction (no password dialog), for this process, as
// pkexec will (pkexec asks about its parent, the GUI), and again when
// polkit's configuration changes or polkitd comes or goes. No widgets: the
// window shows the answers (privilegeview.h), the tests set them directly.
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

class QTimer;

namespace refscope {

enum class PolkitAnswer {
    Unknown,    // not asked yet
    Allowed,    // polkit says yes without a password
    Challenge,  // polkit will ask for a password
    Refused,    // polkit says no, whatever the password
    Unreachable // polkit could not be asked (no system bus, no polkitd)
};

// "yes", "challenge", "no", "unreachable", "unknown": for logs and tests.
QString polkitAnswerName(PolkitAnswer answer);

class PolkitPrivileges : public QObject {
    Q_OBJECT
public:
    // actions: the polkit action ids to follow.
    explicit PolkitPrivileges(const QStringList &actions, QObject *parent = nullptr);

    // Starts asking the system's polkit, now and whenever its answer may
    // have changed. Without it, answers come only from setAnswer().
    void watchPolkit();

    QStringList actions() const { return m_actions; }
    PolkitAnswer answer(const QString &action) const;
    // Why polkit could not be asked (for Unreachable answers).
    QString problem() const { return m_problem; }
    // Every action has an answer and no question is pending.
    bool settled() const;

    // Records an answer (polkit's, or a test's) and emits changed().
    void setAnswer(const QString &action, PolkitAnswer answer, const QString &problem = {});

public slots:
    // Asks polkit again about every action (one question at a time: polkit-qt
    // reports its answers without saying which action they are for).
    void refresh();

signals:
    void changed();

private:
    void askNext();
    void answered(PolkitAnswer answer, const QString &problem = {});
    void pollForError();

    QStringList m_actions;
    QHash<QString, PolkitAnswer> m_answers;
    QString m_problem;
    bool m_watching = false;
    QStringList m_queue; // still to ask
    QString m_asking;    // the action polkit is being asked about
    int m_pollsLeft = 0;
    int m_lateAnswers = 0; // answers still due to questions given up
    QTimer *m_poll;
};

} // namespace refscope

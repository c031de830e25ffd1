// SPDX-License-Identifier: GPL-3.0-or-later
#include "privileges/polkitprivileges.h"

#include <PolkitQt1/Authority>
#include <PolkitQt1/Subject>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QTimer>

namespace refscope {

namespace {

const QString kPolkitService = QStringLiteral("org.freedesktop.PolicyKit1");

// polkit-qt reports a failed check only through Authority::hasError(), with
// no signal: the question is given up after this long.
constexpr int kPollMs = 100;
constexpr int kAnswerTimeoutMs = 10000;

} // namespace

QString polkitAnswerName(PolkitAnswer answer)
{
    switch (answer) {
    case PolkitAnswer::Unknown:
        return QStringLiteral("unknown");
    case PolkitAnswer::Allowed:
        return QStringLiteral("yes");
    case PolkitAnswer::Challenge:
        return QStringLiteral("challenge");
    case PolkitAnswer::Refused:
        return QStringLiteral("no");
    case PolkitAnswer::Unreachable:
        return QStringLiteral("unreachable");
    }
    return QStringLiteral("unknown");
}

PolkitPrivileges::PolkitPrivileges(const QStringList &actions, QObject *parent)
    : QObject(parent), m_actions(actions), m_poll(new QTimer(this))
{
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &PolkitPrivileges::pollForError);
}

PolkitAnswer PolkitPrivileges::answer(const QString &action) const
{
    return m_answers.value(action, PolkitAnswer::Unknown);
}

bool PolkitPrivileges::settled() const
{
    if (!m_asking.isEmpty() || !m_queue.isEmpty())
        return false;
    for (const QString &action : m_actions) {
        if (answer(action) == PolkitAnswer::Unknown)
            return false;
    }
    return true;
}

void PolkitPrivileges::setAnswer(const QString &action, PolkitAnswer answer, const QString &problem)
{
    m_answers.insert(action, answer);
    if (answer == PolkitAnswer::Unreachable)
        m_problem = problem;
    emit changed();
}

void PolkitPrivileges::watchPolkit()
{
    if (m_watching)
        return;
    m_watching = true;
    PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
    connect(authority, &PolkitQt1::Authority::checkAuthorizationFinished, this,
            [this](PolkitQt1::Authority::Result result) {
                if (m_lateAnswers > 0) { // the answer to a question given up
                    --m_lateAnswers;
                    return;
                }
                if (m_asking.isEmpty())
                    return; // another object's question
                switch (result) {
                case PolkitQt1::Authority::Yes:
                    answered(PolkitAnswer::Allowed);
                    return;
                case PolkitQt1::Authority::Challenge:
                    answered(PolkitAnswer::Challenge);
                    return;
                case PolkitQt1::Authority::No:
                    answered(PolkitAnswer::Refused);
                    return;
                case PolkitQt1::Authority::Unknown:
                    break;
                }
                answered(PolkitAnswer::Unreachable, tr("polkit gave no answer"));
            });
    // Rules or actions changed; polkit's own "changed" also fires when
    // polkitd's name gets a new owner.
    connect(authority, &PolkitQt1::Authority::configChanged, this, &PolkitPrivileges::refresh);
    auto *watcher = new QDBusServiceWatcher(kPolkitService, QDBusConnection::systemBus(),
                                            QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &PolkitPrivileges::refresh);
    refresh();
}

void PolkitPrivileges::refresh()
{
    if (!m_watching)
        return;
    for (const QString &action : m_actions) {
        if (action != m_asking && !m_queue.contains(action))
            m_queue.append(action);
    }
    if (m_asking.isEmpty())
        askNext();
}

void PolkitPrivileges::askNext()
{
    if (m_queue.isEmpty())
        return;
    PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
    // Without a system bus polkit-qt never gets its authority and asks
    // nothing: every answer is "unreachable" until RefScope restarts.
    if (authority->hasError() && authority->lastError() == PolkitQt1::Authority::E_GetAuthority) {
        const QString problem = authority->errorDetails();
        const QStringList actions = std::exchange(m_queue, {});
        for (const QString &action : actions)
            setAnswer(action, PolkitAnswer::Unreachable, problem);
        return;
    }
    authority->clearError(); // a previous failure would stop every question
    m_asking = m_queue.takeFirst();
    // No interaction: polkit answers without showing a password dialog.
    authority->checkAuthorization(m_asking,
                                  PolkitQt1::UnixProcessSubject(QCoreApplication::applicationPid()),
                                  PolkitQt1::Authority::None);
    m_pollsLeft = kAnswerTimeoutMs / kPollMs;
    m_poll->start();
    pollForError();
}

void PolkitPrivileges::pollForError()
{
    if (m_asking.isEmpty())
        return;
    PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
    if (authority->hasError()) {
        const QString details = authority->errorDetails();
        answered(PolkitAnswer::Unreachable,
                 details.isEmpty() ? tr("polkit could not check the action") : details);
        return;
    }
    if (--m_pollsLeft <= 0) {
        // Not cancelled: polkit-qt never resets its cancellable, so every
        // later question would fail too. Its answer, if it ever comes, is
        // dropped.
        ++m_lateAnswers;
        answered(PolkitAnswer::Unreachable, tr("polkit did not answer"));
    }
}

void PolkitPrivileges::answered(PolkitAnswer answer, const QString &problem)
{
    m_poll->stop();
    const QString action = std::exchange(m_asking, QString());
    setAnswer(action, answer, problem);
    askNext();
}

} // namespace refscope

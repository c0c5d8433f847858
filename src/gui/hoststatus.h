// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QObject>

namespace FateDeployer {

/// Last known state of each run host, shared by the deploy page (writer) and the topology
/// picture and status bar (readers). Keyed by host address as written in the project.
class HostStatusBoard : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostStatusBoard)

public:
    enum class State { Unknown, Running, Ok, Failed };
    Q_ENUM(State)

    explicit HostStatusBoard(QObject *parent = nullptr)
        : QObject(parent)
    {}

    State state(const QString &host) const { return m_states.value(host, State::Unknown); }
    void setState(const QString &host, State state)
    {
        if (m_states.value(host, State::Unknown) == state)
            return;
        m_states.insert(host, state);
        emit changed(host);
    }
    void clear()
    {
        m_states.clear();
        emit changed({});
    }

signals:
    /// @p host empty = everything changed.
    void changed(const QString &host);

private:
    QHash<QString, State> m_states;
};

} // namespace FateDeployer

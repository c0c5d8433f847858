// SPDX-License-Identifier: Apache-2.0
#include "clisandbox.h"

#include "sandboxproject.h"

namespace FateDeployer::Testing {

bool CliSandbox::start(const char *idVariable, int defaultId, int hosts, QString *skip, QString *error)
{
    if (!SandboxFixture::canRun(skip))
        return false;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    const int id = SandboxFixture::instanceFromEnv(idVariable, defaultId);
    m_sb = std::make_unique<SandboxFixture>(id);
    if (!m_sb->start(hosts, error)) {
        m_sb.reset();
        return false;
    }
    return true;
}

void CliSandbox::stop()
{
    if (m_sb)
        m_sb->stop();
    m_sb.reset();
}

QString CliSandbox::writeProject(const QString &name,
                                 const QList<QPair<int, int>> &parties,
                                 int exchangeHost,
                                 const QHash<int, QString> &dirs,
                                 const QString &templates) const
{
    Project p = templates.isEmpty() ? sandboxProject(*m_sb, name, parties, exchangeHost)
                                    : sandboxProject(*m_sb, name, parties, exchangeHost, templates);
    for (Party &party : p.parties)
        party.dir = dirs.value(party.id);
    return saveProject(p, m_dir.path());
}

CliOptions CliSandbox::options(int timeoutMs) const
{
    CliOptions options;
    options.historyDir = m_dir.filePath(QStringLiteral("history"));
    options.timeoutMs = timeoutMs;
    return options;
}

CliRun CliSandbox::run(const QStringList &args, bool ssh, int timeoutMs) const
{
    return runCli(ssh ? args + sandboxSshArgs(*m_sb) : args, options(timeoutMs));
}

QString CliSandbox::onHost(int host, const QString &cmd) const
{
    return Testing::onHost(*m_sb, host, cmd);
}

QString CliSandbox::containers(int host, const QString &composeProject) const
{
    return onHost(host, QStringLiteral("docker ps -q --no-trunc --filter name=^%1_ | sort").arg(composeProject));
}

QString CliSandbox::startTimes(int host, const QString &composeProject) const
{
    return onHost(host,
                  QStringLiteral("for c in $(docker ps -q --no-trunc --filter name=^%1_); do "
                                 "docker inspect -f '{{.Id}} {{.State.StartedAt}}' $c; done | sort")
                      .arg(composeProject));
}

} // namespace FateDeployer::Testing

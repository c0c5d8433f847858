// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): the fixture of the CLI integration tests on sandbox hosts — one sandbox
// for the whole test executable, a temporary folder for projects and history, the CLI pointed at the sandbox.
#pragma once

#include "clirun.h"
#include "sandboxfixture.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace FateDeployer::Testing {

class CliSandbox
{
public:
    /// Starts @p hosts hosts of sandbox instance $@p idVariable (else @p defaultId; the id offset applies
    /// inside SandboxFixture). False when the sandbox cannot run here (@p skip says why) or failed to start
    /// (@p error says why).
    bool start(const char *idVariable, int defaultId, int hosts, QString *skip, QString *error);
    void stop();
    bool isRunning() const { return m_sb != nullptr; }

    SandboxFixture &sandbox() { return *m_sb; }
    const SandboxFixture &sandbox() const { return *m_sb; }
    /// DIR/name in the fixture's temporary folder.
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// A project on sandbox hosts (parties: id, host index; the exchange on @p exchangeHost), saved as
    /// DIR/NAME.fdproj; @p dirs: a base folder per party id; @p templates: a template folder other than the
    /// 1.1.0 test tree. The path, or empty after a warning.
    QString writeProject(const QString &name,
                         const QList<QPair<int, int>> &parties,
                         int exchangeHost,
                         const QHash<int, QString> &dirs = {},
                         const QString &templates = {}) const;

    /// The CLI with the fixture's history folder; @p ssh adds the sandbox's known_hosts and no ssh config.
    CliRun run(const QStringList &args, bool ssh = true, int timeoutMs = 900000) const;
    /// The options run() uses (history in the fixture's folder), to adjust for runCli().
    CliOptions options(int timeoutMs = 900000) const;

    /// Stdout of @p cmd as root on host @p host, trimmed.
    QString onHost(int host, const QString &cmd) const;
    /// Container ids of one compose project on a host, sorted: they change exactly when it is redeployed.
    QString containers(int host, const QString &composeProject) const;
    /// "id start-time" of each container of a compose project, sorted: changes when one is restarted too.
    QString startTimes(int host, const QString &composeProject) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxFixture> m_sb;
};

} // namespace FateDeployer::Testing

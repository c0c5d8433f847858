// SPDX-License-Identifier: Apache-2.0
#include "sandboxproject.h"

#include "model/projectfile.h"

#include <QDir>
#include <QtDebug>

namespace FateDeployer::Testing {

Project sandboxProject(const SandboxFixture &sandbox,
                       const QString &name,
                       const QList<QPair<int, int>> &parties,
                       int exchangeHost,
                       const QString &templates)
{
    Project p;
    p.name = name;
    p.templates.kind = TemplateSource::Kind::Folder;
    p.templates.location = templates;
    p.user = QStringLiteral("root");
    for (const auto &[id, host] : parties) {
        Party party;
        party.id = id;
        party.host = sandbox.hostIp(host);
        party.ssh.identityFile = sandbox.clientKeyPath();
        p.parties.append(party);
    }
    p.exchange.host = sandbox.hostIp(exchangeHost);
    p.exchange.ssh.identityFile = sandbox.clientKeyPath();
    if (!parties.isEmpty()) {
        p.verification.guestId = parties.first().first;
        p.verification.hostId = parties.last().first;
    }
    p.verification.timeoutSeconds = 60;
    return p;
}

Project sandboxProjectV111(const SandboxFixture &sandbox, const QString &name)
{
    Project p
        = sandboxProject(sandbox, name, {{10000, 1}, {9999, 2}}, 3, QStringLiteral(FD_TEST_DATA "/kubefate-1.11.2"));
    p.setKubefateVersion(QStringLiteral("1.11.2"));
    p.images.tag = QStringLiteral("1.11.2-release");
    p.exchange.enabled = true;
    p.parties[0].servingHost = p.parties[0].host; // serving joins the training network on host 1
    p.verification.timeoutSeconds = 120;
    return p;
}

Project sandboxProjectV20(const SandboxFixture &sandbox, const QString &name)
{
    Project p
        = sandboxProject(sandbox, name, {{10000, 1}, {9999, 2}}, 1, QStringLiteral(FD_TEST_DATA "/kubefate-2.0.0"));
    p.setKubefateVersion(QStringLiteral("2.0.0"));
    p.images.tag = QStringLiteral("2.0.0-release");
    p.exchange.enabled = false;
    p.verification.timeoutSeconds = 120;
    return p;
}

QString saveProject(const Project &project, const QString &dir)
{
    const QString path = QDir(dir).filePath(project.name + QStringLiteral(".fdproj"));
    const Status saved = ProjectFile::save(project, path);
    if (!saved) {
        qWarning() << "cannot save the test project:" << saved.error();
        return {};
    }
    return path;
}

QStringList sandboxSshArgs(const SandboxFixture &sandbox)
{
    return {QStringLiteral("--known-hosts"),
            sandbox.knownHostsPath(),
            QStringLiteral("--ssh-config"),
            QStringLiteral("none")};
}

QString onHost(const SandboxFixture &sandbox, int host, const QString &cmd)
{
    return QString::fromUtf8(sandbox.runOnHost(host, cmd).out).trimmed();
}

} // namespace FateDeployer::Testing

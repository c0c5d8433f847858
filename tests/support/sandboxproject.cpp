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

namespace {
/// Parties 10000 (host 1) and 9999 (host 2) of KubeFATE @p version with its test tree and stand-in image tag.
Project eraProject(const SandboxFixture &sandbox, const QString &name, const QString &version, int exchangeHost)
{
    Project p = sandboxProject(
        sandbox, name, {{10000, 1}, {9999, 2}}, exchangeHost, QStringLiteral(FD_TEST_DATA "/kubefate-") + version);
    p.setKubefateVersion(version);
    p.images.tag = version + QStringLiteral("-release");
    p.verification.timeoutSeconds = 120;
    return p;
}
} // namespace

Project sandboxProjectV111(const SandboxFixture &sandbox, const QString &name)
{
    Project p = eraProject(sandbox, name, QStringLiteral("1.11.2"), 3);
    p.exchange.enabled = true;
    p.parties[0].servingHost = p.parties[0].host; // serving joins the training network on host 1
    return p;
}

Project sandboxProjectV20(const SandboxFixture &sandbox, const QString &name)
{
    Project p = eraProject(sandbox, name, QStringLiteral("2.0.0"), 1);
    p.exchange.enabled = false;
    return p;
}

QString composeContainer(const QString &project, const QString &service)
{
    return QStringLiteral("$(docker ps -q --filter label=com.docker.compose.project=%1 "
                          "--filter label=com.docker.compose.service=%2)")
        .arg(project, service);
}

QString osxRouteProblemV20(const SandboxFixture &sandbox)
{
    // Party 10000's OSX sends the job to host 2's 9370 (its default route), whose OSX gives it to its own fateflow.
    const QString sent = onHost(
        sandbox,
        1,
        QStringLiteral("docker logs %1 2>&1 | grep -c 'party=9999 service=fateflow via default -> %2:9370: ok'")
            .arg(composeContainer(QStringLiteral("confs-10000"), QStringLiteral("osx")), sandbox.hostIp(2)));
    if (sent.toInt() <= 0)
        return QStringLiteral("party 10000's OSX did not route the job to host 2");
    const QString handed = onHost(
        sandbox,
        2,
        QStringLiteral("docker logs %1 2>&1 | grep -c 'party=9999 service=fateflow via fateflow -> fateflow:9360: ok'")
            .arg(composeContainer(QStringLiteral("confs-9999"), QStringLiteral("osx"))));
    if (handed.toInt() <= 0)
        return QStringLiteral("party 9999's OSX did not hand the job to its fateflow");
    return {};
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

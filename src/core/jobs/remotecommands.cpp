// SPDX-License-Identifier: Apache-2.0
#include "jobs/remotecommands.h"

#include "jobs/parsers.h"

namespace FateDeployer::RemoteCommands {

namespace {

// Single-quote one word for POSIX sh.
QString q(const QString &word)
{
    QString out = word;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString compose(ComposeFlavor flavor, const QString &bundle, const QString &file)
{
    const QString program = flavor == ComposeFlavor::V2Plugin ? QStringLiteral("docker compose")
                                                               : QStringLiteral("docker-compose");
    return program + QLatin1String(" -p ") + q(bundle) + QLatin1String(" -f ") + q(file);
}

QString path(const QString &baseDir, const QString &name)
{
    return baseDir.endsWith(QLatin1Char('/')) ? baseDir + name : baseDir + QLatin1Char('/') + name;
}

QString labelFilter(const QString &project)
{
    return QLatin1String("--filter ") + q(QLatin1String("label=com.docker.compose.project=") + project);
}

} // namespace

QString dockerServerVersion()
{
    return QStringLiteral("docker version --format '{{.Server.Version}}'");
}

QString composeVersion(ComposeFlavor flavor)
{
    return flavor == ComposeFlavor::V2Plugin ? QStringLiteral("docker compose version --short")
                                             : QStringLiteral("docker-compose version --short");
}

QString diskFree(const QString &dir)
{
    return QLatin1String("d=") + q(dir)
           + QLatin1String("; while [ ! -d \"$d\" ]; do d=$(dirname \"$d\"); done; df -Pk \"$d\"");
}

QString listeningPorts()
{
    return QStringLiteral("if command -v ss >/dev/null 2>&1; then ss -ltn; "
                          "elif command -v netstat >/dev/null 2>&1; then netstat -ltn; "
                          "else cat /proc/net/tcp /proc/net/tcp6 2>/dev/null; fi");
}

QString projectContainerIds(const QString &project, bool runningOnly)
{
    return QLatin1String(runningOnly ? "docker ps -q " : "docker ps -aq ") + labelFilter(project);
}

QString machineArch()
{
    return QStringLiteral("uname -m");
}

QString images()
{
    return QStringLiteral("docker images --format '{{.Repository}}:{{.Tag}}'");
}

QString registryProbe(const QString &registryHost)
{
    const QString url = QLatin1String("https://") + registryHost + QLatin1String("/v2/");
    // Any HTTP answer (200, 401) means reachable; 000 means no connection.
    return QLatin1String("if command -v curl >/dev/null 2>&1; then curl -sk -o /dev/null -m 10 -w '%{http_code}' ")
           + q(url) + QLatin1String("; else wget -q -T 10 --no-check-certificate -O /dev/null ") + q(url)
           + QLatin1String(" >/dev/null 2>&1; s=$?; [ $s -eq 0 ] || [ $s -eq 6 ] || [ $s -eq 8 ] && echo 200 || echo 000; fi");
}

QString registryLogin(const QString &registryHost, const QString &user)
{
    return QLatin1String("docker login --username ") + q(user) + QLatin1String(" --password-stdin ") + q(registryHost);
}

QString loadImages()
{
    return QStringLiteral("docker load");
}

QString pullImage(const QString &image)
{
    return QLatin1String("docker pull ") + q(image);
}

QString makeDir(const QString &dir)
{
    return QLatin1String("mkdir -p ") + q(dir);
}

QString unpackToStaging(const QString &staging)
{
    return QLatin1String("mkdir -p ") + q(staging) + QLatin1String(" && tar -xzf - -C ") + q(staging);
}

QString removeStaleStaging(const QString &baseDir, const QString &bundle)
{
    // Only folders we name ourselves: <base>/.fd-staging-<bundle>-<stamp>.
    return QLatin1String("cd ") + q(baseDir) + QLatin1String(" 2>/dev/null || exit 0; for s in ./.fd-staging-")
           + q(bundle)
           + QLatin1String("-*; do [ -d \"$s\" ] && rm -rf \"$s\"; done; "
                           "if [ ! -d ")
           + q(bundle) + QLatin1String(" ] && [ -d ") + q(bundle + QLatin1String(".previous"))
           + QLatin1String(" ]; then mv ") + q(bundle + QLatin1String(".previous")) + QLatin1Char(' ') + q(bundle)
           + QLatin1String("; fi; exit 0");
}

QString removePath(const QString &p)
{
    return QLatin1String("rm -rf ") + q(p);
}

QString composeDownIfPresent(ComposeFlavor flavor, const QString &baseDir, const QString &bundle,
                             const QString &composeFile)
{
    const QString dir = path(baseDir, bundle);
    return QLatin1String("if [ -f ") + q(path(dir, composeFile)) + QLatin1String(" ]; then cd ") + q(dir)
           + QLatin1String(" && ") + compose(flavor, bundle, composeFile)
           + QLatin1String(" down --timeout 10 || exit $?; fi; ids=$(") + projectContainerIds(bundle, false)
           + QLatin1String("); if [ -n \"$ids\" ]; then docker rm -f $ids; fi");
}

QString swapFolders(const QString &baseDir, const QString &bundle, const QString &staging,
                    const QStringList &dataPaths)
{
    const QString b = q(bundle);
    const QString prev = q(bundle + QLatin1String(".previous"));
    const QString fresh = q(staging + QLatin1Char('/') + bundle);
    QString s = QLatin1String("set -e; cd ") + q(baseDir) + QLatin1String("; [ -d ") + fresh
                + QLatin1String(" ]; if [ ! -d ") + b + QLatin1String(" ] && [ -d ") + prev
                + QLatin1String(" ]; then mv ") + prev + QLatin1Char(' ') + b + QLatin1String("; fi; if [ -d ") + b
                + QLatin1String(" ]; then ");
    // Data the containers wrote moves on with the deployment instead of being deleted with an old copy.
    for (const QString &data : dataPaths) {
        const QString from = q(bundle + QLatin1Char('/') + data);
        const QString to = q(staging + QLatin1Char('/') + bundle + QLatin1Char('/') + data);
        s += QLatin1String("if [ -e ") + from + QLatin1String(" ]; then rm -rf ") + to + QLatin1String("; mkdir -p \"$(dirname ")
             + to + QLatin1String(")\"; mv ") + from + QLatin1Char(' ') + to + QLatin1String("; fi; ");
    }
    s += QLatin1String("rm -rf ") + prev + QLatin1String(" 2>/dev/null || mv ") + prev
         + QLatin1String(" \"./.fd-trash-$$\"; mv ") + b + QLatin1Char(' ') + prev + QLatin1String("; fi; mv ")
         + fresh + QLatin1Char(' ') + b + QLatin1String("; rmdir ") + q(staging);
    return s;
}

QString composeUp(ComposeFlavor flavor, const QString &baseDir, const QString &bundle, const QString &composeFile)
{
    return QLatin1String("cd ") + q(path(baseDir, bundle)) + QLatin1String(" && ") + compose(flavor, bundle, composeFile)
           + QLatin1String(" up -d");
}

QString composeStop(ComposeFlavor flavor, const QString &baseDir, const QString &bundle,
                    const QString &composeFile)
{
    const QString dir = path(baseDir, bundle);
    return QLatin1String("if [ -f ") + q(path(dir, composeFile)) + QLatin1String(" ]; then cd ") + q(dir)
           + QLatin1String(" && ") + compose(flavor, bundle, composeFile)
           + QLatin1String(" stop --timeout 10; else ids=$(") + projectContainerIds(bundle, true)
           + QLatin1String("); if [ -n \"$ids\" ]; then docker stop $ids; fi; fi");
}

QString composeDown(ComposeFlavor flavor, const QString &baseDir, const QString &bundle,
                    const QString &composeFile)
{
    return composeDownIfPresent(flavor, baseDir, bundle, composeFile);
}

QString removeDeployment(const QString &baseDir, const QString &bundle)
{
    return QLatin1String("cd ") + q(baseDir) + QLatin1String(" 2>/dev/null || exit 0; rm -rf ") + q(bundle)
           + QLatin1Char(' ') + q(bundle + QLatin1String(".previous")) + QLatin1String(" ./.fd-staging-") + q(bundle)
           + QLatin1String("-* ./.fd-trash-*");
}

QString inspectProject(const QString &project)
{
    return QLatin1String("ids=$(") + projectContainerIds(project, false)
           + QLatin1String("); if [ -n \"$ids\" ]; then docker inspect --format ") + q(Parsers::inspectFormat())
           + QLatin1String(" $ids; fi");
}

QString toyExample(const QString &guestProject, int guestId, int hostId)
{
    const QString inner = QStringLiteral(". /data/projects/python/venv/bin/activate && "
                                         "cd /data/projects/fate/python/examples/toy_example && "
                                         "python run_toy_example.py %1 %2 1")
                              .arg(guestId)
                              .arg(hostId);
    return QLatin1String("c=$(docker ps -q ") + labelFilter(guestProject)
           + QLatin1String(" --filter label=com.docker.compose.service=python | head -n 1); "
                           "if [ -z \"$c\" ]; then echo 'no running python container' >&2; exit 3; fi; "
                           "docker exec \"$c\" sh -c ")
           + q(inner);
}

QString tcpProbe(const QString &host, int port)
{
    const QString h = q(host);
    const QString p = QString::number(port);
    return QLatin1String("if command -v bash >/dev/null 2>&1; then timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' ")
           + h + QLatin1Char(' ') + p + QLatin1String("; elif command -v nc >/dev/null 2>&1; then nc -z -w 5 ") + h
           + QLatin1Char(' ') + p + QLatin1String("; else exit 2; fi");
}

QString containerLogsTail(const QString &project, const QString &service, int lines)
{
    return QLatin1String("c=$(docker ps -aq ") + labelFilter(project)
           + QLatin1String(" --filter ") + q(QLatin1String("label=com.docker.compose.service=") + service)
           + QLatin1String(" | head -n 1); [ -n \"$c\" ] && docker logs --tail ") + QString::number(lines)
           + QLatin1String(" \"$c\" 2>&1");
}

} // namespace FateDeployer::RemoteCommands

// SPDX-License-Identifier: Apache-2.0
// bench_deploy (not a test): N parties + exchange on N sandbox hosts until every container is up.
// Our engine against, in the same run on the same hosts, (a) the seed's sequential way (render, then per
// party tar + scp + one `ssh -tt` session running the heredoc commands of spec 2.9, one after another,
// OpenSSH clients) and (b) the same scp + ssh steps for all hosts at once. "Up" is the same for all
// three: every container running and no restart for 2 s. Prints 2, 4 and 8 hosts; the last two lines
// are the 8-host ratios.
#include "jobs/bundleprep.h"
#include "jobs/parsers.h"
#include "jobs/remotecommands.h"
#include "jobs/runner.h"
#include "jobs/sshchannel.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "sandboxfixture.h"
#include "templates/templatesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>

using namespace FateDeployer;
using FateDeployer::Testing::SandboxFixture;

namespace {

SandboxFixture *sb = nullptr;

Project projectFor(int hosts)
{
    Project p;
    p.name = QStringLiteral("bench");
    p.templates.location = QStringLiteral(FD_SOURCE_DIR "/tests/data/kubefate-1.1.0");
    for (int i = 1; i <= hosts; ++i) {
        Party party;
        party.id = 10000 + i;
        party.host = sb->hostIp(i);
        party.ssh.identityFile = sb->clientKeyPath();
        p.parties.append(party);
    }
    p.exchange.host = sb->hostIp(1);
    p.exchange.ssh.identityFile = sb->clientKeyPath();
    return p;
}

QProcess *startSsh(const QStringList &args)
{
    auto *p = new QProcess;
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(QStringLiteral("ssh"), QStringList{QStringLiteral("-F"), sb->sshConfigPath()} + args);
    return p;
}

bool runQuiet(const QString &program, const QStringList &args, const QString &cwd = {}, const QByteArray &input = {})
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    p.waitForFinished(300000);
    p.readAll();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

/// What the seed does for one bundle (spec 2.3 steps 5-7 and 2.9): tar, scp, ssh -tt heredoc.
bool seedStyle(const QString &outDir, const QString &bundle, const QString &ip, const QString &composeFile)
{
    const QString tar = bundle + QStringLiteral(".tar");
    if (!runQuiet(QStringLiteral("tar"), {QStringLiteral("-czf"), tar, QStringLiteral("./") + bundle}, outDir))
        return false;
    if (!runQuiet(QStringLiteral("scp"),
                  {QStringLiteral("-F"), sb->sshConfigPath(), tar, QStringLiteral("root@%1:~/").arg(ip)},
                  outDir))
        return false;
    QFile::remove(QDir(outDir).filePath(tar));
    const QString f
        = composeFile == QLatin1String("docker-compose.yml") ? QString() : QStringLiteral(" -f ") + composeFile;
    const QString dir = QStringLiteral("/data/projects/fate");
    const QByteArray heredoc = QStringLiteral("mkdir -p %1\nmv ~/%2 %1\ncd %1\ntar -xzf %2\ncd %3\n"
                                              "docker-compose%4 down\ndocker-compose%4 up -d\ncd ../\nrm -f %2\nexit\n")
                                   .arg(dir, tar, bundle, f)
                                   .toUtf8();
    return runQuiet(QStringLiteral("ssh"),
                    {QStringLiteral("-F"), sb->sshConfigPath(), QStringLiteral("-tt"), QStringLiteral("root@") + ip},
                    outDir,
                    heredoc);
}

/// Polls every host until each container is running and no restart count moved for 2 s.
void waitAllUp(int hosts, int expected)
{
    QElapsedTimer stable;
    QString last;
    while (true) {
        QString now;
        int running = 0;
        QList<QProcess *> ps;
        for (int i = 1; i <= hosts; ++i)
            ps.append(startSsh({sb->hostIp(i),
                                QStringLiteral("docker ps -aq | xargs -r docker inspect --format "
                                               "'{{.Name}} {{.State.Status}} {{.RestartCount}}'")}));
        for (QProcess *p : ps) {
            p->waitForFinished(60000);
            const QString out = QString::fromUtf8(p->readAll());
            now += out;
            running += int(out.count(QStringLiteral(" running ")));
            delete p;
        }
        if (running == expected && now == last) {
            if (stable.isValid() && stable.elapsed() >= 2000)
                return;
            if (!stable.isValid())
                stable.start();
        } else {
            stable.invalidate();
        }
        last = now;
        QThread::msleep(250);
    }
}

void resetHosts(int hosts)
{
    QList<QProcess *> ps;
    for (int i = 1; i <= hosts; ++i)
        ps.append(startSsh({sb->hostIp(i),
                            QStringLiteral("docker ps -aq | xargs -r docker rm -f >/dev/null; docker network prune -f "
                                           ">/dev/null; docker volume prune -f >/dev/null; rm -rf /data/projects/fate "
                                           "~/*.tar")}));
    for (QProcess *p : ps) {
        p->waitForFinished(120000);
        delete p;
    }
}

double sequential(int hosts)
{
    resetHosts(hosts);
    QElapsedTimer t;
    t.start();
    QTemporaryDir out;
    const Project project = projectFor(hosts);
    const auto tree = TemplateSources::open(project.templates);
    const auto rendered = Renderer::render(project, tree.value());
    BundleWriter::writeTree(rendered.value(), out.path());
    for (const Party &p : project.parties)
        seedStyle(out.path(), QStringLiteral("confs-%1").arg(p.id), p.host, QStringLiteral("docker-compose.yml"));
    seedStyle(
        out.path(), QStringLiteral("exchange"), project.exchange.host, QStringLiteral("docker-compose-exchange.yml"));
    waitAllUp(hosts, hosts * 9 + 1);
    return t.elapsed() / 1000.0;
}

double naiveParallel(int hosts)
{
    resetHosts(hosts);
    QElapsedTimer t;
    t.start();
    QTemporaryDir out;
    const Project project = projectFor(hosts);
    const auto tree = TemplateSources::open(project.templates);
    const auto rendered = Renderer::render(project, tree.value());
    BundleWriter::writeTree(rendered.value(), out.path());
    QList<QThread *> threads;
    for (const Party &p : project.parties)
        threads.append(QThread::create([&out, p] {
            seedStyle(out.path(), QStringLiteral("confs-%1").arg(p.id), p.host, QStringLiteral("docker-compose.yml"));
        }));
    threads.append(QThread::create([&out, &project] {
        seedStyle(out.path(),
                  QStringLiteral("exchange"),
                  project.exchange.host,
                  QStringLiteral("docker-compose-exchange.yml"));
    }));
    for (QThread *th : threads)
        th->start();
    for (QThread *th : threads) {
        th->wait();
        delete th;
    }
    waitAllUp(hosts, hosts * 9 + 1);
    return t.elapsed() / 1000.0;
}

double ours(int hosts, bool *ok)
{
    resetHosts(hosts);
    QElapsedTimer t;
    t.start();
    QTemporaryDir out;
    const Project project = projectFor(hosts);
    RunSettings s;
    s.operation = Operation::Deploy;
    s.maxParallelHosts = 8;
    s.stableSeconds = 2;
    Plan plan = PlanBuilder::build(project, {}, s);
    if (Status st = BundlePrep::prepare(project, QString(), out.path(), plan); !st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error()));
        *ok = false;
        return 0;
    }
    Runner runner;
    SshChannelOptions ssh;
    ssh.hostKeyPolicy = HostKeyPolicy::Refuse;
    ssh.knownHostsFile = sb->knownHostsPath();
    ssh.sshConfigFile = QStringLiteral("none");
    runner.setChannelFactory(sshChannelFactory(ssh));
    QEventLoop loop;
    RunReport report;
    QObject::connect(&runner, &Runner::finished, [&](const RunReport &r) {
        report = r;
        loop.quit();
    });
    runner.start(plan);
    loop.exec();
    const double seconds = t.elapsed() / 1000.0;
    *ok = report.succeeded();
    if (!*ok)
        std::fprintf(stderr, "%s\n", qPrintable(report.toText()));
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString why;
    if (!SandboxFixture::canRun(&why)) {
        std::fprintf(stderr, "bench_deploy: the sandbox cannot run here: %s\n", qPrintable(why));
        return 2;
    }
    const int id
        = qEnvironmentVariableIsSet("FD_SANDBOX_ID_BENCH") ? qEnvironmentVariableIntValue("FD_SANDBOX_ID_BENCH") : 23;
    SandboxFixture fixture(id);
    sb = &fixture;
    QString error;
    if (!fixture.start(8, &error)) {
        std::fprintf(stderr, "bench_deploy: sandbox start failed: %s\n", qPrintable(error));
        return 2;
    }
    double lastSeq = 0, lastNaive = 0, lastOurs = 0;
    bool allOk = true;
    for (int hosts : {2, 4, 8}) {
        const double a = sequential(hosts);
        const double b = naiveParallel(hosts);
        bool ok = true;
        const double c = ours(hosts, &ok);
        allOk = allOk && ok;
        std::printf("hosts=%d sequential=%.1fs naive_parallel=%.1fs ours=%.1fs%s\n",
                    hosts,
                    a,
                    b,
                    c,
                    ok ? "" : " (ours FAILED)");
        std::fflush(stdout);
        lastSeq = a;
        lastNaive = b;
        lastOurs = c;
    }
    resetHosts(8);
    fixture.stop();
    std::printf("deploy_vs_sequential=%.3f\n", lastOurs / lastSeq);
    std::printf("deploy_vs_naive_parallel=%.3f\n", lastOurs / lastNaive);
    return allOk ? 0 : 1;
}

// SPDX-License-Identifier: Apache-2.0
// bench_deploy (not a test): N parties + exchange on N sandbox hosts until every container is up.
// Our engine against, in the same run on the same hosts, (a) the seed's sequential way (render, then per
// party tar + scp + one `ssh -tt` session running the heredoc commands of spec 2.9, one after another,
// OpenSSH clients), (b) the same scp + ssh steps for all hosts at once and, when FD_KUBEFATE_SRC names a
// KubeFATE repository, (c) KubeFATE's own unmodified 1.1.0 docker-auto-deploy.sh (ssh/scp found first
// on PATH are wrappers that only add `-F <sandbox ssh config>`); then the real template tree is used by
// all of them. "Up" is the same for all: every container running and no restart for 2 s.
// Two models, one after the other in one run: "shared" (the hosts share the machine's cores, like
// today's sandbox) and "separate" (each host its own budget of 2/N CPUs, the deploying process outside
// them: N separate small machines). Hosts: FD_BENCH_HOSTS (default "8"); ratios are of the last count.
// FD_BENCH_MODELS="shared separate" (default both) runs only the models named; FD_BENCH_KUBEFATE_SCRIPT=0
// keeps the real tree of FD_KUBEFATE_SRC but leaves out the third baseline (it adds a whole deploy per model).
#include "jobs/bundleprep.h"
#include "jobs/parsers.h"
#include "jobs/remotecommands.h"
#include "jobs/runner.h"
#include "jobs/sshchannel.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "sandboxfixture.h"
#include "sandboxids.h"
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
namespace SandboxId = FateDeployer::Testing::SandboxId;

namespace {

SandboxFixture *sb = nullptr;
QString templateTree = QStringLiteral(FD_SOURCE_DIR "/tests/data/kubefate-1.1.0"); // or the real one
QString kubefateTree; // the extracted real tree (FD_KUBEFATE_SRC), empty without it

Project projectFor(int hosts)
{
    Project p;
    p.name = QStringLiteral("bench");
    p.templates.location = templateTree;
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

/// Polls every host until each container is running and no restart count moved for 2 s (at most 30 min).
bool waitAllUp(int hosts, int expected)
{
    QElapsedTimer total;
    total.start();
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
                return true;
            if (!stable.isValid())
                stable.start();
        } else {
            stable.invalidate();
        }
        last = now;
        if (total.elapsed() > 30 * 60 * 1000) {
            std::fprintf(stderr, "bench_deploy: %d of %d containers running after 30 min\n", running, expected);
            return false;
        }
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
    const bool up = waitAllUp(hosts, hosts * 9 + 1);
    return up ? t.elapsed() / 1000.0 : -1;
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
    const bool up = waitAllUp(hosts, hosts * 9 + 1);
    return up ? t.elapsed() / 1000.0 : -1;
}

/// KubeFATE's own docker-auto-deploy.sh (1.1.0) on a fresh copy of its tree, configured the way an admin
/// does (partylist, partyiplist, exchangeip); its ssh/scp reach the sandbox through PATH wrappers.
double kubefate(int hosts)
{
    resetHosts(hosts);
    QTemporaryDir work;
    const QString run = work.filePath(QStringLiteral("kubefate"));
    if (!runQuiet(QStringLiteral("cp"), {QStringLiteral("-a"), kubefateTree, run}))
        return -1;
    const QString bin = work.filePath(QStringLiteral("bin"));
    QDir().mkpath(bin);
    for (const char *tool : {"ssh", "scp"}) {
        QFile w(bin + QLatin1Char('/') + QLatin1String(tool));
        if (!w.open(QIODevice::WriteOnly))
            return -1;
        w.write(QStringLiteral("#!/bin/sh\nexec /usr/bin/%1 -F '%2' \"$@\"\n")
                    .arg(QLatin1String(tool), sb->sshConfigPath())
                    .toUtf8());
        w.close();
        w.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QStringList ids, ips;
    for (int i = 1; i <= hosts; ++i) {
        ids << QString::number(10000 + i);
        ips << sb->hostIp(i);
    }
    const QString conf = run + QStringLiteral("/docker-deploy/docker-configuration.sh");
    if (!runQuiet(QStringLiteral("sed"),
                  {QStringLiteral("-i"),
                   QStringLiteral("-E"),
                   QStringLiteral("s/^partylist=.*/partylist=(%1)/; s/^partyiplist=.*/partyiplist=(%2)/")
                       .arg(ids.join(QLatin1Char(' ')), ips.join(QLatin1Char(' '))),
                   conf}))
        return -1;
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.setWorkingDirectory(run);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("bash"), {QStringLiteral("docker-deploy/docker-auto-deploy.sh")});
    p.closeWriteChannel();
    p.waitForFinished(30 * 60 * 1000);
    const QByteArray out = p.readAll();
    if (p.exitStatus() != QProcess::NormalExit) {
        std::fprintf(stderr, "bench_deploy: docker-auto-deploy.sh did not finish:\n%s\n", out.right(2000).constData());
        return -1;
    }
    const bool up = waitAllUp(hosts, hosts * 9 + 1);
    return up ? t.elapsed() / 1000.0 : -1;
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
    const double prepSeconds = t.elapsed() / 1000.0;
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
    // Where the time went (the "why" of a missed target): bundles, then every host's steps in seconds.
    std::printf("  ours: bundles %.1fs", prepSeconds);
    for (const HostOutcome &h : std::as_const(report.hosts)) {
        std::printf("\n  ours: %s %.1fs:", qPrintable(h.target.key), h.durationMs / 1000.0);
        for (const StepOutcome &o : h.steps)
            std::printf(" %s=%.1f", qPrintable(stepKindName(o.kind)), o.durationMs / 1000.0);
    }
    std::printf("\n");
    std::fflush(stdout);
    *ok = report.succeeded();
    if (!*ok)
        std::fprintf(stderr, "%s\n", qPrintable(report.toText()));
    return seconds;
}

bool withKubefateScript()
{
    return !kubefateTree.isEmpty() && qEnvironmentVariable("FD_BENCH_KUBEFATE_SCRIPT") != QLatin1String("0");
}

/// The machine is shared: every figure is printed with the 1-minute load average at its end.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

struct Figures
{
    double sequential = 0, naive = 0, ours = 0, kubefate = 0;
    bool ok = true;
};

/// One model: start the sandbox (with a CPU budget per host when cpusPerHost > 0), run every way for
/// each host count, stop it. Returns the figures of the last host count.
Figures runModel(SandboxFixture &fixture, const char *model, double cpusPerHost, const QList<int> &hostCounts)
{
    Figures last;
    QString error;
    if (!fixture.start(8, &error, cpusPerHost)) {
        std::fprintf(stderr, "bench_deploy: sandbox start failed: %s\n", qPrintable(error));
        last.ok = false;
        return last;
    }
    for (int hosts : hostCounts) {
        Figures f;
        f.sequential = sequential(hosts);
        f.naive = naiveParallel(hosts);
        f.ours = ours(hosts, &f.ok);
        if (withKubefateScript())
            f.kubefate = kubefate(hosts);
        f.ok = f.ok && f.sequential > 0 && f.naive > 0 && (!withKubefateScript() || f.kubefate > 0);
        std::printf("model=%s cpus_per_host=%s hosts=%d sequential=%.1fs naive_parallel=%.1fs ours=%.1fs",
                    model,
                    cpusPerHost > 0 ? qPrintable(QString::number(cpusPerHost, 'f', 3)) : "shared",
                    hosts,
                    f.sequential,
                    f.naive,
                    f.ours);
        if (withKubefateScript())
            std::printf(" kubefate_script=%.1fs", f.kubefate);
        std::printf(" load=%s", qPrintable(loadAverage()));
        std::printf("%s\n", f.ok ? "" : " (a run FAILED)");
        std::fflush(stdout);
        last = f;
    }
    resetHosts(8);
    fixture.stop();
    return last;
}

void printRatios(const char *model, const Figures &f)
{
    std::printf("deploy_vs_sequential_%s=%.3f\n", model, f.ours / f.sequential);
    std::printf("deploy_vs_naive_parallel_%s=%.3f\n", model, f.ours / f.naive);
    if (f.kubefate > 0)
        std::printf("deploy_vs_kubefate_script_%s=%.3f\n", model, f.ours / f.kubefate);
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
    QTemporaryDir realTree;
    if (const QString src = qEnvironmentVariable("FD_KUBEFATE_SRC"); !src.isEmpty()) {
        const QString dir = realTree.filePath(QStringLiteral("1.1.0"));
        if (!runQuiet(QStringLiteral(FD_SOURCE_DIR "/tests/conformance/conformance.sh"),
                      {QStringLiteral("--src"),
                       src,
                       QStringLiteral("--tag"),
                       QStringLiteral("1.1.0"),
                       QStringLiteral("--extract"),
                       dir})) {
            std::fprintf(stderr, "bench_deploy: cannot read tag 1.1.0 from FD_KUBEFATE_SRC=%s\n", qPrintable(src));
            return 2;
        }
        kubefateTree = dir;
        templateTree = dir;
        std::printf("templates=KubeFATE 1.1.0 from %s (real-sized)%s\n",
                    qPrintable(src),
                    withKubefateScript() ? "; baseline kubefate_script included" : "");
    } else {
        std::printf("templates=the stand-in tree (FD_KUBEFATE_SRC unset: no real-sized bundles, no kubefate_script)\n");
    }
    QList<int> hostCounts;
    for (const QString &n :
         qEnvironmentVariable("FD_BENCH_HOSTS", QStringLiteral("8")).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (const int v = n.toInt(); v >= 1 && v <= 8)
            hostCounts.append(v);
    if (hostCounts.isEmpty())
        hostCounts = {8};
    const int id = SandboxFixture::instanceFromEnv("FD_SANDBOX_ID_BENCH", SandboxId::BenchDeploy);
    SandboxFixture fixture(id);
    sb = &fixture;
    const QStringList models = qEnvironmentVariable("FD_BENCH_MODELS", QStringLiteral("shared separate"))
                                   .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool ok = true;
    if (models.contains(QLatin1String("shared"))) {
        const Figures shared = runModel(fixture, "shared", 0, hostCounts);
        printRatios("shared", shared);
        ok = ok && shared.ok;
    }
    if (models.contains(QLatin1String("separate"))) {
        // separate: every host 2/N CPUs of its own (N = 8 hosts), the deploying process outside them
        const Figures separate = runModel(fixture, "separate", 2.0 / 8, hostCounts);
        printRatios("separate", separate);
        ok = ok && separate.ok;
    }
    return ok ? 0 : 1;
}

// SPDX-License-Identifier: Apache-2.0
// The deployed state (deployed/deployedstate.h), the change plan (deployed/changeplan.h) and the unified diff,
// on real renders of the stand-in KubeFATE 1.1.0 tree: what each host gets when a party moves, joins or leaves.
#include "deployed/changeplan.h"
#include "deployed/deployedstate.h"
#include "deployed/textdiff.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

Project project(const QString &secondAddress = QStringLiteral("10.1.0.2"))
{
    Project p = Project::example();
    p.templates.kind = TemplateSource::Kind::Folder;
    p.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
    p.parties[1].host = secondAddress;
    return p;
}

RenderOutput render(const Project &p)
{
    Result<TemplateTree> tree = TemplateSources::openFolder(p.templates.location);
    if (!tree)
        qFatal("%s", qPrintable(tree.error()));
    Result<RenderOutput> out = Renderer::render(p, tree.value());
    if (!out)
        qFatal("%s", qPrintable(out.error()));
    return out.value();
}

/// Every byte kept under a folder (state files and copies), for secret checks.
QByteArray everything(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

QString runDiff(const QByteArray &a, const QByteArray &b, QTemporaryDir &dir)
{
    for (const auto &[name, bytes] : {std::pair{"a", a}, std::pair{"b", b}}) {
        QFile f(dir.filePath(QLatin1String(name)));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
    }
    QProcess p;
    p.start(QStringLiteral("diff"),
            {QStringLiteral("-u"), dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("b"))});
    p.waitForFinished(10000);
    // Hunks only: the headers carry the file names and times.
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    return lines.mid(2).join(QLatin1Char('\n'));
}

} // namespace

class TestChangePlan : public QObject
{
    Q_OBJECT

    Result<ChangePlan> planFor(const Project &now, const DeployedState &state)
    {
        const Result<QList<DeployedBundle>> was = state.load();
        if (!was)
            return Error{was.error()};
        return ChangePlanner::build(ChangePlanner::ownBundles(render(now), now), was.value(), state);
    }

private slots:
    void unifiedDiffMatchesDiffU_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QByteArray many;
        for (int i = 1; i <= 40; ++i)
            many += "line " + QByteArray::number(i) + '\n';
        QByteArray edited = many;
        edited.replace("line 3\n", "line three\n");
        edited.replace("line 30\n", "");
        edited.replace("line 33\n", "line 33\nextra\n");
        QTest::newRow("two hunks") << many << edited;
        QTest::newRow("append") << QByteArray("a\nb\n") << QByteArray("a\nb\nc\n");
        QTest::newRow("from empty") << QByteArray() << QByteArray("x\ny\n");
        QTest::newRow("to empty") << QByteArray("x\ny\n") << QByteArray();
        QByteArray close = many;
        close.replace("line 10\n", "ten\n");
        close.replace("line 15\n", "fifteen\n");
        QTest::newRow("hunks within context merge") << many << close;
    }

    void unifiedDiffMatchesDiffU()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QTemporaryDir dir;
        const QString ours = TextDiff::unified(a, b, QStringLiteral("f"));
        QVERIFY(ours.startsWith(QStringLiteral("--- a/f\n+++ b/f\n")));
        QCOMPARE(ours.section(QLatin1Char('\n'), 2).trimmed(), runDiff(a, b, dir).trimmed());
        QVERIFY(TextDiff::unified(a, a, QStringLiteral("f")).isEmpty());
    }

    void sameProjectIsUnchangedEverywhere()
    {
        QTemporaryDir dir;
        const DeployedState state(dir.filePath(QStringLiteral("state")));
        Result<ChangePlan> first = planFor(project(), state);
        QVERIFY(first);
        QVERIFY(first.value().nothingDeployed);
        QCOMPARE(first.value().hosts.size(), 3);
        for (const HostChange &h : first.value().hosts)
            QCOMPARE(h.state, HostChange::State::New);

        const RenderOutput out = render(project());
        QVERIFY(state.record(out.bundles, QStringLiteral("hash")));
        const Result<QList<DeployedBundle>> loaded = state.load();
        QVERIFY(loaded);
        QCOMPARE(loaded.value().size(), 3);
        const DeployedBundle *exchange = nullptr;
        for (const DeployedBundle &b : loaded.value())
            if (b.name == QLatin1String("exchange"))
                exchange = &b;
        QVERIFY(exchange);
        QCOMPARE(exchange->hostKey(), QStringLiteral("exchange"));
        QCOMPARE(exchange->servicesReading(QStringLiteral("conf/route_table.json")),
                 QStringList{QStringLiteral("exchange")});
        // Hashes are of the real bytes: what sha256sum on the host prints.
        const Bundle *rendered = out.bundle(QStringLiteral("exchange"));
        const DeployedFile *route = exchange->file(QStringLiteral("conf/route_table.json"));
        QVERIFY(route && rendered);
        QCOMPARE(route->sha256,
                 QCryptographicHash::hash(rendered->file(QStringLiteral("conf/route_table.json"))->content,
                                          QCryptographicHash::Sha256)
                     .toHex());

        Result<ChangePlan> again = planFor(project(), state);
        QVERIFY(again);
        QVERIFY(!again.value().hasChanges());
        QVERIFY(again.value().partiesToDeploy().isEmpty());
        QVERIFY(!again.value().exchangeToDeploy());
    }

    void movedPartyChangesOnlyTheExchangesRouteTable()
    {
        QTemporaryDir dir;
        const DeployedState state(dir.filePath(QStringLiteral("state")));
        QVERIFY(state.record(render(project()).bundles, QString()));
        // Party 9999 is reached at another address: its own bundle and party 10000's do not name it (1.1.0
        // routes everything through the exchange), the exchange's route table does.
        Project moved = project();
        moved.parties[1].reachableAddress = QStringLiteral("10.1.0.200");
        const Result<ChangePlan> plan = planFor(moved, state);
        QVERIFY(plan);
        const ChangePlan &p = plan.value();
        QCOMPARE(p.host(QStringLiteral("party-10000"))->state, HostChange::State::Unchanged);
        QCOMPARE(p.host(QStringLiteral("party-9999"))->state, HostChange::State::Unchanged);
        const HostChange *exchange = p.host(QStringLiteral("exchange"));
        QCOMPARE(exchange->state, HostChange::State::Changed);
        QCOMPARE(exchange->files.size(), 1);
        QCOMPARE(exchange->files[0].path, QStringLiteral("conf/route_table.json"));
        QVERIFY2(exchange->files[0].diff.contains(QStringLiteral("+"))
                     && exchange->files[0].diff.contains(QStringLiteral("10.1.0.200")),
                 qPrintable(exchange->files[0].diff));
        QVERIFY(exchange->files[0].diff.contains(QStringLiteral("-")));
        QCOMPARE(exchange->restartServices, QStringList{QStringLiteral("exchange")});
        QVERIFY(p.partiesToDeploy().isEmpty());
        QVERIFY(p.exchangeToDeploy());
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QStringLiteral("changes")).toBool(), true);
        QVERIFY(p.toText(true).contains(QStringLiteral("conf/route_table.json")));
    }

    void joiningAndLeavingParties()
    {
        QTemporaryDir dir;
        const DeployedState state(dir.filePath(QStringLiteral("state")));
        DeployedTarget t;
        t.address = QStringLiteral("10.1.0.2");
        t.user = QStringLiteral("root");
        t.ssh.identityFile = QStringLiteral("/keys/id");
        t.baseDir = QStringLiteral("/data/projects/fate");
        QVERIFY(state.record(render(project()).bundles, QString(), {}, {{QStringLiteral("confs-9999"), t}}));

        Project three = project();
        three.parties.append(Party::make(8888, QStringLiteral("10.1.0.3")));
        Result<ChangePlan> plan = planFor(three, state);
        QVERIFY(plan);
        QCOMPARE(plan.value().host(QStringLiteral("party-8888"))->state, HostChange::State::New);
        QCOMPARE(plan.value().host(QStringLiteral("party-10000"))->state, HostChange::State::Unchanged);
        QCOMPARE(plan.value().host(QStringLiteral("party-9999"))->state, HostChange::State::Unchanged);
        QCOMPARE(plan.value().host(QStringLiteral("exchange"))->state, HostChange::State::Changed);
        QCOMPARE(plan.value().partiesToDeploy(), QList<int>{8888});
        // Why, for people: the exchange routes to the new party; party 8888 was not there.
        QVERIFY2(plan.value()
                     .host(QStringLiteral("exchange"))
                     ->reasons.contains(QStringLiteral("the route to party 8888 is added (10.1.0.3:9370)")),
                 qPrintable(plan.value().host(QStringLiteral("exchange"))->reasons.join(QLatin1Char('|'))));
        QCOMPARE(plan.value().host(QStringLiteral("party-8888"))->reasons,
                 QStringList{QStringLiteral("party 8888 was not deployed yet")});
        QVERIFY(plan.value().host(QStringLiteral("party-10000"))->reasons.isEmpty());
        QVERIFY(plan.value().toText(false).contains(
            QStringLiteral("why: the route to party 8888 is added (10.1.0.3:9370)")));

        Project one = project();
        one.parties.removeLast();
        one.verification = {};
        plan = planFor(one, state);
        QVERIFY(plan);
        const HostChange *gone = plan.value().host(QStringLiteral("party-9999"));
        QVERIFY(gone);
        QCOMPARE(gone->state, HostChange::State::Removed);
        QCOMPARE(gone->reasons, QStringList{QStringLiteral("party 9999 left the project")});
        QCOMPARE(plan.value().host(QStringLiteral("exchange"))->reasons,
                 QStringList{QStringLiteral("the route to party 9999 is removed")});
        QCOMPARE(gone->host, QStringLiteral("10.1.0.2"));
        QCOMPARE(plan.value().host(QStringLiteral("exchange"))->state, HostChange::State::Changed);
        const QList<DeployedBundle> recorded = state.load().value();
        const DeployedBundle was = [&] {
            for (const DeployedBundle &b : recorded)
                if (b.name == QLatin1String("confs-9999"))
                    return b;
            return DeployedBundle{};
        }();
        QCOMPARE(was.target.ssh.identityFile, QStringLiteral("/keys/id"));
        QCOMPARE(was.target.baseDir, QStringLiteral("/data/projects/fate"));
        // Apply removes it, reached as it was deployed; party 10000's target was not recorded, but it stays.
        QStringList unknown;
        QList<HostRemoval> removals = plan.value().removals(recorded, &unknown);
        QCOMPARE(removals.size(), 1);
        QCOMPARE(removals.first().key, QStringLiteral("party-9999"));
        QVERIFY(!removals.first().moved);
        QCOMPARE(removals.first().target.ssh.identityFile, QStringLiteral("/keys/id"));
        QVERIFY(unknown.isEmpty());

        // A party moved to another host: deployed there (changed), and its old host is removed after.
        Project moved = project();
        moved.parties.last().host = QStringLiteral("10.1.0.9");
        plan = planFor(moved, state);
        QVERIFY(plan);
        const HostChange *m = plan.value().host(QStringLiteral("party-9999"));
        QCOMPARE(m->state, HostChange::State::Changed);
        QVERIFY(m->movedHost());
        QCOMPARE(m->deployedHost, QStringLiteral("10.1.0.2"));
        QCOMPARE(m->reasons.value(0), QStringLiteral("moves from 10.1.0.2 to 10.1.0.9"));
        QVERIFY(plan.value()
                    .host(QStringLiteral("exchange"))
                    ->reasons.contains(
                        QStringLiteral("the route to party 9999 changes to 10.1.0.9:9370 (was 10.1.0.2:9370)")));
        QVERIFY(plan.value().partiesToDeploy().contains(9999));
        removals = plan.value().removals(recorded, &unknown);
        QCOMPARE(removals.size(), 1);
        QVERIFY(removals.first().moved);
        QCOMPARE(removals.first().target.address, QStringLiteral("10.1.0.2"));
        QVERIFY(plan.value().toText(false).contains(QStringLiteral("apply removes it there")));
        // Without the recorded target it cannot be reached: named, not guessed.
        QList<DeployedBundle> noTargets = recorded;
        for (DeployedBundle &b : noTargets)
            b.target = {};
        QVERIFY(plan.value().removals(noTargets, &unknown).isEmpty());
        QCOMPARE(unknown, QStringList{QStringLiteral("party-9999 (10.1.0.2)")});

        // Another team's party is never this project's to deploy or remove.
        Project external = three;
        external.parties.last().external = true;
        plan = planFor(external, state);
        QVERIFY(plan);
        QVERIFY(!plan.value().host(QStringLiteral("party-8888")));

        QVERIFY(state.forget(QStringLiteral("confs-9999")));
        QCOMPARE(state.load().value().size(), 2);
    }

    void routeChangesNameTheDestinations()
    {
        const QByteArray before = R"({"route_table": {"default": {"default": [{"ip": "10.0.0.1", "port": 9371}]},
            "10000": {"fateflow": [{"ip": "python", "port": 9360}], "fate": [{"ip": "federation", "port": 9394}]}},
            "permission": {"default_allow": true}})";
        const QByteArray after = R"({"route_table": {"default": {"default": [{"ip": "10.0.0.5", "port": 9371}]},
            "10000": {"fate": [{"ip": "federation", "port": 9394}], "fateflow": [{"ip": "python", "port": 9360}]}},
            "permission": {"default_allow": true}})";
        // Reordered roles are no change; the default route moving to another exchange is.
        QCOMPARE(ChangePlanner::routeChanges(before, after),
                 QStringList{QStringLiteral("the default route changes to 10.0.0.5:9371 (was 10.0.0.1:9371)")});
        QVERIFY(ChangePlanner::routeChanges(before, before).isEmpty());
        QVERIFY(ChangePlanner::routeChanges("not json", after).isEmpty());
    }

    /// The last deployment becomes the previous one; a rollback swaps them (with their diff copies).
    void previousDeploymentAndRollback()
    {
        QTemporaryDir dir;
        const DeployedState state(dir.filePath(QStringLiteral("state")));
        QVERIFY(state.previous(QStringLiteral("exchange")).value().name.isEmpty());
        QVERIFY(!state.rollBack(QStringLiteral("exchange"))); // nothing to go back to
        QVERIFY(state.record(render(project()).bundles, QStringLiteral("a"), {}, {}, QStringLiteral("run-a")));
        QVERIFY(state.previous(QStringLiteral("exchange")).value().name.isEmpty());
        const QString rollBackError = state.rollBack(QStringLiteral("exchange")).error();
        QVERIFY2(rollBackError.contains(QStringLiteral("no previous deployment")), qPrintable(rollBackError));
        const QByteArray routesA = state.copyOf(QStringLiteral("exchange"), QStringLiteral("conf/route_table.json"));

        Project three = project();
        three.parties.append(Party::make(8888, QStringLiteral("10.1.0.3")));
        QVERIFY(state.record(render(three).bundles, QStringLiteral("b"), {}, {}, QStringLiteral("run-b")));
        const QList<DeployedBundle> last = state.load().value();
        QCOMPARE(last.size(), 4); // no record of the previous deployments among the bundles
        const DeployedBundle before = state.previous(QStringLiteral("exchange")).value();
        QCOMPARE(before.name, QStringLiteral("exchange"));
        QCOMPARE(before.runId, QStringLiteral("run-a"));
        QCOMPARE(before.projectHash, QStringLiteral("a"));
        QVERIFY(state.previous(QStringLiteral("confs-8888")).value().name.isEmpty());
        QVERIFY(state.copyOf(QStringLiteral("exchange"), QStringLiteral("conf/route_table.json")).contains("8888"));

        QVERIFY(state.rollBack(QStringLiteral("exchange")));
        QCOMPARE(state.copyOf(QStringLiteral("exchange"), QStringLiteral("conf/route_table.json")), routesA);
        const QList<DeployedBundle> now = state.load().value();
        for (const DeployedBundle &b : now)
            if (b.name == QLatin1String("exchange"))
                QCOMPARE(b.runId, QStringLiteral("run-a"));
        QCOMPARE(state.previous(QStringLiteral("exchange")).value().runId, QStringLiteral("run-b"));
        // The plan compares with what runs now: the exchange lacks party 8888 again.
        const Result<ChangePlan> plan = planFor(three, state);
        QVERIFY(plan);
        QCOMPARE(plan.value().host(QStringLiteral("exchange"))->state, HostChange::State::Changed);
        QCOMPARE(plan.value().host(QStringLiteral("party-8888"))->state, HostChange::State::Unchanged);
    }

    /// Projects in the field carry what older builds wrote: a deployed-state file of format 1 without the fields
    /// added since, and drift's own record (drift-baseline/<sha1>/<host key>.json with "current" and "previous").
    void readsWhatOlderBuildsWrote()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.fdproj"));
        const QString stateDir = DeployedState::dirFor(dir.path(), project);
        // Format 1 as the builds before the one deployed-state model wrote it.
        const QByteArray oldState = R"({
    "format": 1, "bundle": "confs-9999", "kind": "party", "party_id": 9999, "host": "10.1.0.2",
    "remote_path": "/data/projects/fate/confs-9999", "compose_file": "docker-compose.yml",
    "deployed_at": "2026-12-05T20:00:00.000Z", "project_hash": "h", "services": ["proxy", "redis"],
    "images": ["federatedai/proxy:1.1"], "empty_dirs": [], "mounts": {"proxy": ["confs/proxy/conf"]},
    "files": [{"path": "docker-compose.yml", "mode": 420, "size": 10, "sha256": "c1", "copy": false},
              {"path": "confs/proxy/conf/route_table.json", "mode": 420, "size": 5, "sha256": "r2", "copy": false}]
})";
        QVERIFY(QDir().mkpath(stateDir + QStringLiteral("/confs-9999")));
        QFile f(stateDir + QStringLiteral("/confs-9999/state.json"));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(oldState) > 0);
        f.close();
        // Drift's record of the same deployment (current) and of the one before.
        const QByteArray oldBaseline = R"({
    "host": "party-9999",
    "current": {"bundle": "confs-9999", "compose_file": "docker-compose.yml", "services": ["proxy", "redis"],
                "images": ["federatedai/proxy:1.1"], "data_paths": ["confs/redis/data"],
                "files": {"docker-compose.yml": "c1", "confs/proxy/conf/route_table.json": "r2"},
                "deployed_at": "2026-12-05T20:00:00Z", "run": "run-2"},
    "previous": {"bundle": "confs-9999", "compose_file": "docker-compose.yml", "services": ["proxy"],
                 "images": ["federatedai/proxy:1.0"], "data_paths": ["confs/redis/data"],
                 "files": {"docker-compose.yml": "c0", "confs/proxy/conf/route_table.json": "r1"},
                 "deployed_at": "2026-12-04T20:00:00Z", "run": "run-1"}
})";
        const QString legacy = DeployedState::legacyBaselineDir(dir.path(), project);
        QVERIFY(legacy.endsWith(QString::fromLatin1(
            QCryptographicHash::hash(QFileInfo(project).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
                .toHex())));
        QVERIFY(QDir().mkpath(legacy));
        QFile b(legacy + QStringLiteral("/party-9999.json"));
        QVERIFY(b.open(QIODevice::WriteOnly) && b.write(oldBaseline) > 0);
        b.close();
        // A legacy record that outlived a teardown (no deployed state for it): not taken.
        QFile stale(legacy + QStringLiteral("/party-10000.json"));
        QVERIFY(stale.open(QIODevice::WriteOnly)
                && stale.write(QByteArray(oldBaseline).replace("confs-9999", "confs-10000")) > 0);
        stale.close();

        const DeployedState state(stateDir);
        const QList<DeployedBundle> last = state.load().value();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last[0].services, (QStringList{QStringLiteral("proxy"), QStringLiteral("redis")}));
        QVERIFY(last[0].dataPaths.isEmpty());
        QVERIFY(last[0].runId.isEmpty());
        QCOMPARE(last[0].file(QStringLiteral("confs/proxy/conf/route_table.json"))->sha256, QByteArray("r2"));

        QVERIFY(state.adoptLegacyBaseline(legacy));
        QVERIFY(!QFileInfo::exists(legacy)); // taken over once
        const DeployedBundle before = state.previous(QStringLiteral("confs-9999")).value();
        QCOMPARE(before.name, QStringLiteral("confs-9999"));
        QCOMPARE(before.host, QStringLiteral("10.1.0.2"));
        QCOMPARE(before.partyId, 9999);
        QCOMPARE(before.runId, QStringLiteral("run-1"));
        QCOMPARE(before.images, QStringList{QStringLiteral("federatedai/proxy:1.0")});
        QCOMPARE(before.dataPaths, QStringList{QStringLiteral("confs/redis/data")});
        QCOMPARE(before.file(QStringLiteral("docker-compose.yml"))->sha256, QByteArray("c0"));
        QVERIFY(state.previous(QStringLiteral("confs-10000")).value().name.isEmpty());
        QCOMPARE(state.load().value().size(), 1);
        // The adopted previous is what a rollback brings back.
        QVERIFY(state.rollBack(QStringLiteral("confs-9999")));
        QCOMPARE(state.load().value()[0].runId, QStringLiteral("run-1"));
        QVERIFY(state.adoptLegacyBaseline(legacy)); // nothing left to take
    }

    void secretsNeverLeaveMemory()
    {
        QTemporaryDir dir;
        const DeployedState state(dir.filePath(QStringLiteral("state")));
        const QByteArray secret = "S3cret-Value-42";
        RenderOutput out = render(project());
        Bundle &b = out.bundles[0];
        BundleFile conf;
        conf.path = QStringLiteral("confs/extra/service.properties");
        conf.content = "user=fate\npassword=" + secret + "\nurl=jdbc://db\n";
        conf.size = conf.content.size();
        b.files.append(conf);
        BundleFile env;
        env.path = QStringLiteral("confs/extra/token.env");
        env.content = "TOKEN=" + secret + "\n";
        env.size = env.content.size();
        b.files.append(env);
        const auto mask = [secret](const QByteArray &text) {
            QByteArray o = text;
            return o.replace(secret, "********");
        };
        QVERIFY(state.record(out.bundles, QString(), mask));
        QVERIFY(!everything(state.dir()).contains(secret));
        QVERIFY(everything(state.dir()).contains("password=********"));

        // A new password: the host changes, the diff shows the key with masked values only.
        const QByteArray secret2 = "Other-Secret-77";
        RenderOutput next = render(project());
        BundleFile conf2 = conf;
        conf2.content = "user=fate\npassword=" + secret2 + "\nurl=jdbc://db2\n";
        conf2.size = conf2.content.size();
        BundleFile env2 = env;
        env2.content = "TOKEN=" + secret2 + "\n";
        env2.size = env2.content.size();
        next.bundles[0].files.append(conf2);
        next.bundles[0].files.append(env2);
        const auto mask2 = [secret2](const QByteArray &text) {
            QByteArray o = text;
            return o.replace(secret2, "********");
        };
        const Result<ChangePlan> plan = ChangePlanner::build(next, state.load().value(), state, mask2);
        QVERIFY(plan);
        const HostChange *h = plan.value().host(QStringLiteral("party-10000"));
        QCOMPARE(h->state, HostChange::State::Changed);
        QCOMPARE(h->files.size(), 2);
        QCOMPARE(h->files[0].path, QStringLiteral("confs/extra/service.properties"));
        QVERIFY(h->files[0].diff.contains(QStringLiteral("+url=jdbc://db2")));
        QCOMPARE(h->files[1].path, QStringLiteral("confs/extra/token.env"));
        QVERIFY(h->files[1].secretOnly); // only the secret changed: no diff at all
        QVERIFY(h->files[1].diff.isEmpty());
        const QByteArray json = QJsonDocument(plan.value().toJson()).toJson();
        for (const QByteArray &s : {secret, secret2}) {
            QVERIFY(!json.contains(s));
            QVERIFY(!plan.value().toText(true).toUtf8().contains(s));
        }
        // The restart decision: these are not route tables, so a full redeploy.
        QVERIFY(h->restartServices.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChangePlan)
#include "tst_changeplan.moc"

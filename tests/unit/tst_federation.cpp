// SPDX-License-Identifier: Apache-2.0
// Issue 17: party cards, the federation file, "my parties only" (the federation module and its CLI).
#include "clirun.h"
#include "federation/federationfile.h"
#include "federation/partycard.h"
#include "jobs/plan.h"
#include "model/projectfile.h"
#include "model/validation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;
using namespace FateDeployer::Testing;

namespace {

// Test secrets: none may ever appear in a card or a federation file.
const QString SshPassword = QStringLiteral("ssh-pw-Zq81!x");
const QString RegistryPassword = QStringLiteral("reg-pw-Kd02#y");
const QString Passphrase = QStringLiteral("key-pass-Wr77$z");

/// Team A's (the coordinator's) project: party 10000 and the exchange on host 1, party 9999 another team's.
Project coordinator()
{
    Project p = Project::example();
    p.name = QStringLiteral("two organisations");
    p.user = QStringLiteral("teama");
    p.knownHostsFile = QStringLiteral("/home/teama/.ssh/known_hosts_fate");
    p.registry.usePrivate = true;
    p.registry.uri = QStringLiteral("harbor.teama.example/fate");
    p.registry.username = QStringLiteral("robot-teama");
    p.parties[0].ssh.identityFile = QStringLiteral("/home/teama/.ssh/id_teama");
    p.parties[0].ssh.jumpHost = QStringLiteral("bastion-teama.example:2222");
    p.parties[0].reachableAddress = QStringLiteral("203.0.113.10");
    p.parties[0].notes = QStringLiteral("NAT: the firewall forwards 9370");
    p.exchange.reachableAddress = QStringLiteral("203.0.113.10");
    p.exchange.notes = QStringLiteral("NAT");
    p.parties[1].external = true;
    p.parties[1].contact = QStringLiteral("ops@teamb.example");
    return p;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray validCard()
{
    return R"({"format": 1, "kind": "fate-deployer-party-card", "partyId": 9999, "address": "198.51.100.7",
               "port": 9370, "kubefateVersion": "1.1.0", "fateVersion": "1.1-release"})";
}

} // namespace

class TestFederation : public QObject
{
    Q_OBJECT

private slots:
    // ---- 1. reachable address vs SSH address (model) ----
    void reachableFieldsRoundTrip()
    {
        const Project p = coordinator();
        const QByteArray json = ProjectFile::toJson(p);
        QVERIFY(json.contains("\"formatVersion\": 3"));
        const Result<Project> back = ProjectFile::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), p);
        QCOMPARE(ProjectFile::toJson(back.value()), json);
    }

    void projectsWithoutTheNewFieldsSaveByteForByte()
    {
        // The project files of the repository save to the bytes they have (format 1 files as format 2, as
        // before issue 17): the new fields and format 3 appear only in projects that use them.
        const QStringList files
            = {QStringLiteral(FD_SOURCE_DIR "/resources/examples/two-party.fdproj"),
               QStringLiteral(FD_SOURCE_DIR "/tests/data/render-golden/two-party.fdproj"),
               QStringLiteral(FD_SOURCE_DIR "/tests/fuzz/corpus/projectfile/v1.11.2-spark-format2.fdproj")};
        for (const QString &path : files) {
            const Result<Project> p = ProjectFile::load(path);
            QVERIFY2(p.ok(), qPrintable(p.error()));
            QByteArray expected = readAll(path);
            expected.replace("\"formatVersion\": 1,", "\"formatVersion\": 2,");
            QCOMPARE(ProjectFile::toJson(p.value()), expected);
        }
        const QByteArray example = ProjectFile::toJson(Project::example());
        QVERIFY(example.contains("\"formatVersion\": 2"));
        QVERIFY(!example.contains("reachable") && !example.contains("external") && !example.contains("federation"));
    }

    void reachableFieldErrorsNameTheField()
    {
        const Result<Project> p = ProjectFile::fromJson(
            R"({"formatVersion": 3, "parties": [{"id": 1, "host": "h", "reachablePort": "x"}]})");
        QVERIFY(!p.ok());
        QVERIFY2(p.error().startsWith(QLatin1String("parties[0].reachablePort:")), qPrintable(p.error()));
    }

    void validationWarnsWhenAddressesDifferWithoutANote()
    {
        Project p = Project::example();
        p.parties[1].reachableAddress = QStringLiteral("198.51.100.7");
        QList<ValidationIssue> issues = Validator::validate(p);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().severity, ValidationIssue::Severity::Warning);
        QCOMPARE(issues.first().field, QStringLiteral("parties[1].reachableAddress"));
        QVERIFY2(issues.first().message.contains(QLatin1String("198.51.100.7"))
                     && issues.first().message.contains(QLatin1String("192.168.7.2")),
                 qPrintable(issues.first().message));
        p.parties[1].notes = QStringLiteral("public address of team B's NAT");
        QVERIFY(Validator::validate(p).isEmpty());
        // The same address written twice is no difference; a bad one is an error at its field.
        p.parties[1].notes.clear();
        p.parties[1].reachableAddress = QStringLiteral("192.168.7.2");
        QVERIFY(Validator::validate(p).isEmpty());
        p.parties[1].reachableAddress = QStringLiteral("0.0.0.0");
        p.parties[1].reachablePort = 70000;
        issues = Validator::validate(p);
        QCOMPARE(issues.size(), 2);
        QCOMPARE(issues.at(0).field, QStringLiteral("parties[1].reachablePort"));
        QCOMPARE(issues.at(1).field, QStringLiteral("parties[1].reachableAddress"));
        QVERIFY(Validator::hasErrors(issues));
        // The exchange has its own note.
        p = Project::example();
        p.exchange.reachableAddress = QStringLiteral("198.51.100.1");
        issues = Validator::validate(p);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().field, QStringLiteral("exchange.reachableAddress"));
        p.exchange.notes = QStringLiteral("NAT");
        QVERIFY(Validator::validate(p).isEmpty());
    }

    void guestMustBeOursInMyPartiesOnlyMode()
    {
        Project p = Project::example(); // guest 10000, host 9999
        p.parties[0].external = true;
        const QList<ValidationIssue> issues = Validator::validate(p);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().field, QStringLiteral("verification.guestId"));
        QVERIFY(Validator::hasErrors(issues));
    }

    // ---- "my parties only": the plan never contacts another team's host ----
    void planTouchesOnlyOwnHosts()
    {
        Project p = coordinator(); // 9999 is team B's
        QList<HostTarget> targets = PlanBuilder::targets(p, Selection{});
        QStringList keys;
        for (const HostTarget &t : std::as_const(targets))
            keys.append(t.key);
        QCOMPARE(keys, (QStringList{QStringLiteral("party-10000"), QStringLiteral("exchange")}));
        // Explicitly selected, still not: this project has no SSH access there.
        Selection onlyB;
        onlyB.parties = {9999};
        QVERIFY(PlanBuilder::targets(p, onlyB).isEmpty());
        // Team B: the exchange and 10000 are team A's.
        p.parties[0].external = true;
        p.exchange.external = true;
        p.parties[1].external = false;
        targets = PlanBuilder::targets(p, Selection{});
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets.first().key, QStringLiteral("party-9999"));
        // The verify diagnosis probes the reachable addresses.
        RunSettings settings;
        settings.operation = Operation::Status;
        const Plan plan = PlanBuilder::build(p, Selection{}, settings);
        QCOMPARE(plan.settings.exchangeAddress, QStringLiteral("203.0.113.10"));
        QVERIFY(plan.settings.partyRoutes.contains(PartyRoute{10000, QStringLiteral("203.0.113.10"), 9370}));
    }

    // ---- 2. party card ----
    void cardRoundTrip()
    {
        const Result<PartyCard> card = PartyCard::fromProject(coordinator(), 10000);
        QVERIFY2(card.ok(), qPrintable(card.error()));
        QCOMPARE(card->address, QStringLiteral("203.0.113.10")); // the reachable one, not SSH's
        QCOMPARE(card->port, 9370);
        QCOMPARE(card->kubefateVersion, QStringLiteral("1.1.0"));
        QCOMPARE(card->fateVersion, QStringLiteral("1.1-release"));
        QCOMPARE(card->note, QStringLiteral("NAT: the firewall forwards 9370"));
        const Result<PartyCard> back = PartyCard::fromJson(card->toJson());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), card.value());
        QVERIFY(!PartyCard::fromProject(coordinator(), 4242).ok());
    }

    void malformedCards_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{\"format\": 1,") << QStringLiteral("not a party card:");
        QTest::newRow("a list") << QByteArray("[1]") << QStringLiteral("not a party card: the top level");
        QTest::newRow("no format") << QByteArray("{}") << QStringLiteral("format: is missing");
        QTest::newRow("newer format") << QByteArray(R"({"format": 2})") << QStringLiteral("has format 2");
        QTest::newRow("other kind") << QByteArray(R"({"format": 1, "kind": "fate-deployer-federation"})")
                                    << QStringLiteral("kind: is not");
        QByteArray card = validCard();
        QTest::newRow("id as text") << QByteArray(card).replace("9999", "\"9999\"")
                                    << QStringLiteral("partyId: must be a whole number");
        QTest::newRow("negative id") << QByteArray(card).replace("9999", "-1")
                                     << QStringLiteral("partyId: must be a whole number between 1");
        QTest::newRow("huge port") << QByteArray(card).replace("9370", "9e99")
                                   << QStringLiteral("port: must be a whole number between 1 and 65535");
        QTest::newRow("bad address") << QByteArray(card).replace("198.51.100.7", "198.51.100.999")
                                     << QStringLiteral("address: \"198.51.100.999\" is not a valid");
        QTest::newRow("shell in address") << QByteArray(card).replace("198.51.100.7", "$(reboot)")
                                          << QStringLiteral("address: \"$(reboot)\" is not a valid");
        QTest::newRow("unknown field") << QByteArray(card).replace("\"port\"", "\"password\": \"x\", \"port\"")
                                       << QStringLiteral("(top level): unknown field(s) password");
        QTest::newRow("control char") << QByteArray(card).replace("1.1-release", "1.1\\u0007")
                                      << QStringLiteral("fateVersion: must not contain control characters");
        QTest::newRow("long note") << QByteArray(card).replace(
            "\"port\"", QByteArray("\"note\": \"" + QByteArray(4097, 'n') + "\", \"port\""))
                                   << QStringLiteral("note: is 4097 characters long (at most 4096");
        QTest::newRow("too big") << QByteArray(card).append(QByteArray(70000, ' '))
                                 << QStringLiteral("at most 65536 are accepted");
        QTest::newRow("empty address") << QByteArray(card).replace("198.51.100.7", " ")
                                       << QStringLiteral("address: must not be empty");
    }

    void malformedCards()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QVERIFY(PartyCard::fromJson(validCard()).ok());
        const Result<PartyCard> card = PartyCard::fromJson(json);
        QVERIFY(!card.ok());
        QVERIFY2(card.error().contains(error), qPrintable(card.error()));
    }

    void cardImportAddsOrUpdates()
    {
        Project p = Project::example();
        p.parties.removeLast();
        const PartyCard card = PartyCard::fromJson(validCard()).value();
        Project added = card.applyTo(p);
        QCOMPARE(added.parties.size(), 2);
        QCOMPARE(added.parties.last().host, QStringLiteral("198.51.100.7"));
        QVERIFY(added.parties.last().external);
        QVERIFY(added.parties.first() == p.parties.first());
        QCOMPARE(describeFederationChanges(p, added),
                 QStringList{QStringLiteral("party 9999 added at 198.51.100.7:9370 (another team's)")});
        // A card of one of our own parties sets its reachable address; SSH settings stay.
        PartyCard own = card;
        own.partyId = 10000;
        own.port = 19370;
        p.parties[0].ssh.user = QStringLiteral("deployer");
        const Project updated = own.applyTo(p);
        QCOMPARE(updated.parties.first().host, QStringLiteral("192.168.7.1"));
        QCOMPARE(updated.parties.first().reachableAddress, QStringLiteral("198.51.100.7"));
        QCOMPARE(updated.parties.first().reachablePort, std::optional<int>(19370));
        QCOMPARE(updated.parties.first().ssh.user, QStringLiteral("deployer"));
        QCOMPARE(describeFederationChanges(p, updated),
                 QStringList{QStringLiteral("party 10000 address: 192.168.7.1:9370 → 198.51.100.7:19370")});
        QStringList warnings;
        own.kubefateVersion = QStringLiteral("1.11.2");
        own.applyTo(p, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QLatin1String("1.11.2")));
    }

    // ---- 3. federation file ----
    void federationRoundTrip()
    {
        const FederationFile f = FederationFile::fromProject(coordinator());
        QCOMPARE(f.revision, 1);
        QCOMPARE(f.exchangeAddress, QStringLiteral("203.0.113.10"));
        QCOMPARE(f.parties.size(), 2);
        QCOMPARE(f.parties.first().id, 9999); // sorted by id
        const Result<FederationFile> back = FederationFile::fromJson(f.toJson());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), f);
        QCOMPARE(back->sha256(), f.sha256());
        QCOMPARE(f.sha256().size(), 64);
        QCOMPARE(f.fingerprint().size(), 39); // 8 groups of 4 hex digits
        QVERIFY(QRegularExpression(QStringLiteral("^([0-9a-f]{4} ){7}[0-9a-f]{4}$")).match(f.fingerprint()).hasMatch());
    }

    void fingerprintIgnoresOrderAndWhitespace()
    {
        const FederationFile f = FederationFile::fromProject(coordinator());
        QJsonObject root = QJsonDocument::fromJson(f.toJson()).object();
        QJsonObject content = root.value(u"federation").toObject();
        QJsonArray parties = content.value(u"parties").toArray();
        QJsonArray reversed;
        for (qsizetype i = parties.size() - 1; i >= 0; --i)
            reversed.append(parties.at(i));
        content.insert(u"parties", reversed);
        root.insert(u"federation", content);
        const QByteArray compact = QJsonDocument(root).toJson(QJsonDocument::Compact);
        QByteArray spaced = QJsonDocument(root).toJson(QJsonDocument::Indented);
        spaced.replace("\n", "\r\n\t ");
        for (const QByteArray &variant : {compact, spaced}) {
            const Result<FederationFile> read = FederationFile::fromJson(variant);
            QVERIFY2(read.ok(), qPrintable(read.error()));
            QCOMPARE(read->fingerprint(), f.fingerprint());
        }
        // The project's own party order does not matter either.
        Project swapped = coordinator();
        std::swap(swapped.parties[0], swapped.parties[1]);
        QCOMPARE(FederationFile::fromProject(swapped).sha256(), f.sha256());
    }

    void changesAreDetected()
    {
        const FederationFile f = FederationFile::fromProject(coordinator());
        // Edited by hand after export: the checksum no longer matches and the file is refused.
        QByteArray edited = f.toJson();
        edited.replace("198.51.100", "198.51.100"); // no-op guard
        edited.replace("\"192.168.7.2\"", "\"192.168.7.3\"");
        QVERIFY(edited != f.toJson());
        const Result<FederationFile> tampered = FederationFile::fromJson(edited);
        QVERIFY(!tampered.ok());
        QVERIFY2(tampered.error().startsWith(QLatin1String("sha256: the content does not match")),
                 qPrintable(tampered.error()));
        // Every change of content changes the checksum.
        Project p = coordinator();
        const QString before = f.sha256();
        p.parties[1].host = QStringLiteral("192.168.7.3");
        QVERIFY(FederationFile::fromProject(p).sha256() != before);
        p = coordinator();
        p.exchange.port = 9372;
        QVERIFY(FederationFile::fromProject(p).sha256() != before);
        p = coordinator();
        p.images.tag = QStringLiteral("1.1.1-release");
        QVERIFY(FederationFile::fromProject(p).sha256() != before);
        // Not in the file, so no change: another team's SSH settings, our registry.
        p = coordinator();
        p.parties[0].ssh.user = QStringLiteral("someone");
        p.registry.username = QStringLiteral("other");
        QCOMPARE(FederationFile::fromProject(p).sha256(), before);
    }

    void revisionGrowsOnlyWithContent()
    {
        Project p = coordinator();
        FederationFile first = FederationFile::forExport(p);
        QCOMPARE(first.revision, 1);
        p.federation = {first.revision, first.sha256()};
        QCOMPARE(FederationFile::forExport(p).revision, 1);
        QCOMPARE(FederationFile::forExport(p).sha256(), first.sha256());
        p.parties[1].host = QStringLiteral("198.51.100.77");
        const FederationFile second = FederationFile::forExport(p);
        QCOMPARE(second.revision, 2);
        QVERIFY(second.fingerprint() != first.fingerprint());
    }

    void teamImportKeepsOwnSshSettings()
    {
        const FederationFile f = FederationFile::fromProject(coordinator());
        // Team B: its own project knows only its own host and how to log in there.
        Project b;
        b.name = QStringLiteral("team B");
        b.user = QStringLiteral("teamb");
        b.knownHostsFile = QStringLiteral("/home/teamb/.ssh/known_hosts");
        b.parties = {Party::make(9999, QStringLiteral("10.20.0.2"))};
        b.parties[0].ssh.identityFile = QStringLiteral("/home/teamb/.ssh/id_b");
        const Project applied = f.applyTo(b, Ownership{{9999}, false});
        QCOMPARE(applied.parties.size(), 2);
        const Party *own = applied.party(9999);
        QCOMPARE(own->host, QStringLiteral("10.20.0.2"));
        QCOMPARE(own->ssh.identityFile, QStringLiteral("/home/teamb/.ssh/id_b"));
        QVERIFY(!own->external);
        QCOMPARE(own->reachableAddress, QStringLiteral("192.168.7.2")); // where the others reach it
        QVERIFY(applied.party(10000)->external);
        QCOMPARE(applied.party(10000)->host, QStringLiteral("203.0.113.10"));
        QVERIFY(applied.party(10000)->ssh.isEmpty());
        QVERIFY(applied.exchange.external);
        QCOMPARE(applied.exchangeRouteAddress(), QStringLiteral("203.0.113.10"));
        QCOMPARE(applied.user, QStringLiteral("teamb"));
        QCOMPARE(applied.knownHostsFile, QStringLiteral("/home/teamb/.ssh/known_hosts"));
        QCOMPARE(applied.guestId(), 9999); // the toy example runs on our host
        QCOMPARE(applied.hostId(), 10000);
        QCOMPARE(applied.federation.revision, 1);
        QCOMPARE(applied.federation.sha256, f.sha256());
        QVERIFY(applied.myPartiesOnly());
        // Applying the same file again changes nothing; the team's project gives the same federation back.
        QCOMPARE(f.applyTo(applied), applied);
        QVERIFY(describeFederationChanges(applied, f.applyTo(applied)).isEmpty());
        const FederationFile again = FederationFile::fromProject(applied);
        QCOMPARE(again.parties, f.parties);
        QCOMPARE(again.exchangeAddress, f.exchangeAddress);
    }

    void diffNamesEveryChange()
    {
        const Project a = coordinator();
        const FederationFile f1 = FederationFile::fromProject(a);
        Project b;
        b.parties = {Party::make(9999, QStringLiteral("10.20.0.2"))};
        b = f1.applyTo(b, Ownership{{9999}, false});

        Project a2 = a;
        a2.federation = {f1.revision, f1.sha256()};
        a2.parties[1].host = QStringLiteral("198.51.100.77"); // team B moved
        a2.parties.append(Party::make(8888, QStringLiteral("198.51.100.88")));
        a2.parties[2].external = true;
        const FederationFile f2 = FederationFile::forExport(a2);
        QCOMPARE(f2.revision, 2);
        const QStringList changes = describeFederationChanges(b, f2.applyTo(b));
        QCOMPARE(changes,
                 (QStringList{QStringLiteral("revision 1 → 2"),
                              QStringLiteral("party 9999 address: 192.168.7.2:9370 → 198.51.100.77:9370"),
                              QStringLiteral("party 8888 added at 198.51.100.88:9370 (another team's)")}));
        // A party the coordinator removed disappears with the next revision.
        Project a3 = a2;
        a3.parties.removeLast();
        a3.federation = {f2.revision, f2.sha256()};
        const Project b2 = f2.applyTo(b);
        const QStringList removed = describeFederationChanges(b2, FederationFile::forExport(a3).applyTo(b2));
        QVERIFY2(removed.contains(QStringLiteral("party 8888 removed (was at 198.51.100.88:9370)")),
                 qPrintable(removed.join(u'\n')));
    }

    void malformedFederationFiles()
    {
        const FederationFile f = FederationFile::fromProject(coordinator());
        const QByteArray good = f.toJson();
        QVERIFY(FederationFile::fromJson(good).ok());
        auto refused = [](const QByteArray &json, const char *error) {
            const Result<FederationFile> r = FederationFile::fromJson(json);
            if (r.ok())
                return QStringLiteral("accepted");
            return r.error().contains(QLatin1String(error)) ? QString() : r.error();
        };
        QCOMPARE(refused(QByteArray(good).replace("\"listenPort\"", "\"sshUser\": \"root\", \"listenPort\""),
                         "federation.exchange: unknown field(s) sshUser"),
                 QString());
        QCOMPARE(refused(QByteArray(good).replace("\"id\": 9999", "\"id\": 10000"),
                         "federation.parties[1].id: party 10000 is listed twice"),
                 QString());
        QCOMPARE(refused(QByteArray(good).replace("\"revision\": 1", "\"revision\": 0"),
                         "revision: must be a whole number between 1"),
                 QString());
        QCOMPARE(refused(QByteArray(good).replace("\"parties\": [", "\"parties\": [7, "),
                         "federation.parties[0]: must be an object"),
                 QString());
        QByteArray many = R"({"format": 1, "kind": "fate-deployer-federation", "revision": 1, "sha256": "x",
            "federation": {"kubefateVersion": "1.1.0", "images": {"prefix": "a", "tag": "b", "baseTag": "c",
            "builderTag": "d"}, "exchange": {"enabled": false, "port": 1, "listenPort": 1}, "parties": [)";
        for (int i = 0; i < 1001; ++i)
            many += QByteArray(i ? "," : "") + "{}";
        many += "]}}";
        QCOMPARE(refused(many, "federation.parties: has 1001 entries (at most 1000"), QString());
        QCOMPARE(refused(QByteArray(5 * 1024 * 1024, ' '), "at most 4194304 are accepted"), QString());
    }

    // ---- the CLI, and no secret in any file ----
    void cliCardsAndFederationHoldNoSecret()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("team-a.fdproj"));
        const QString b = dir.filePath(QStringLiteral("team-b.fdproj"));
        Project pa = coordinator();
        pa.parties.removeLast(); // team B's party comes from its card
        QVERIFY(ProjectFile::save(pa, a).ok());
        Project pb;
        pb.user = QStringLiteral("teamb");
        pb.parties = {Party::make(9999, QStringLiteral("10.20.0.2"))};
        pb.parties[0].ssh.identityFile = QStringLiteral("/home/teamb/.ssh/id_teamb");
        pb.parties[0].reachableAddress = QStringLiteral("198.51.100.7");
        pb.parties[0].contact = QStringLiteral("ops@teamb.example");
        QVERIFY(ProjectFile::save(pb, b).ok());
        CliOptions secrets;
        secrets.env = {{QStringLiteral("FD_SSH_PASSWORD"), SshPassword},
                       {QStringLiteral("FD_SSH_PASSPHRASE"), Passphrase},
                       {QStringLiteral("FD_REGISTRY_PASSWORD"), RegistryPassword}};
        secrets.timeoutMs = 60000;

        const QString cardB = dir.filePath(QStringLiteral("9999.card.json"));
        CliRun r = runCli({QStringLiteral("card"),
                           QStringLiteral("export"),
                           b,
                           QStringLiteral("--party"),
                           QStringLiteral("9999"),
                           QStringLiteral("-o"),
                           cardB},
                          secrets);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QLatin1String("reached at 198.51.100.7:9370")), qPrintable(r.out));

        r = runCli({QStringLiteral("card"), QStringLiteral("import"), a, cardB}, secrets);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains(QLatin1String("party 9999 added at 198.51.100.7:9370 (another team's)")),
                 qPrintable(r.out));
        QVERIFY(ProjectFile::load(a)->party(9999)->external);
        r = runCli({QStringLiteral("card"), QStringLiteral("import"), a, cardB}, secrets);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("nothing changed")), qPrintable(r.all()));

        const QString fed = dir.filePath(QStringLiteral("federation.json"));
        r = runCli({QStringLiteral("federation"), QStringLiteral("export"), a, QStringLiteral("-o"), fed}, secrets);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const FederationFile exported = FederationFile::load(fed).value();
        QVERIFY2(r.out.contains(QStringLiteral("fingerprint: %1").arg(exported.fingerprint())), qPrintable(r.out));
        QCOMPARE(ProjectFile::load(a)->federation.revision, 1);

        // Team B: without --yes (no terminal) nothing is accepted; a wrong fingerprint is refused.
        const QByteArray beforeImport = readAll(b);
        r = runCli({QStringLiteral("federation"), QStringLiteral("import"), b, fed}, secrets);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("party 10000 added at 203.0.113.10:9370 (another team's)")),
                 qPrintable(r.out));
        QCOMPARE(readAll(b), beforeImport);
        r = runCli({QStringLiteral("federation"),
                    QStringLiteral("import"),
                    b,
                    fed,
                    QStringLiteral("--yes"),
                    QStringLiteral("--expect-fingerprint"),
                    QStringLiteral("0000 0000")},
                   secrets);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(readAll(b), beforeImport);
        r = runCli({QStringLiteral("federation"),
                    QStringLiteral("import"),
                    b,
                    fed,
                    QStringLiteral("--yes"),
                    QStringLiteral("--expect-fingerprint"),
                    exported.fingerprint().left(14)},
                   secrets);
        QVERIFY2(r.exitCode == 0, qPrintable(r.all()));
        const Project importedB = ProjectFile::load(b).value();
        QCOMPARE(importedB.party(9999)->host, QStringLiteral("10.20.0.2"));
        QCOMPARE(importedB.party(9999)->ssh.identityFile, QStringLiteral("/home/teamb/.ssh/id_teamb"));
        QVERIFY(importedB.party(10000)->external && importedB.exchange.external);
        r = runCli({QStringLiteral("federation"), QStringLiteral("diff"), b, fed}, secrets);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("no changes")), qPrintable(r.all()));

        // No secret and none of either team's SSH or registry settings in any shared file.
        const QStringList forbidden = {SshPassword,
                                       RegistryPassword,
                                       Passphrase,
                                       QStringLiteral("id_teama"),
                                       QStringLiteral("id_teamb"),
                                       QStringLiteral("bastion-teama"),
                                       QStringLiteral("known_hosts"),
                                       QStringLiteral("teama\""),
                                       QStringLiteral("teamb\""),
                                       QStringLiteral("robot-teama"),
                                       QStringLiteral("harbor.teama"),
                                       QStringLiteral("10.20.0.2"),
                                       QStringLiteral("192.168.7.1")};
        for (const QString &file : {cardB, fed}) {
            const QByteArray data = readAll(file);
            QVERIFY(data.size() > 100);
            for (const QString &secret : forbidden)
                QVERIFY2(!data.contains(secret.toUtf8()), qPrintable(file + QStringLiteral(": ") + secret));
        }
    }
};

QTEST_GUILESS_MAIN(TestFederation)
#include "tst_federation.moc"

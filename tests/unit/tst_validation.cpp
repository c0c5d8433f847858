// SPDX-License-Identifier: Apache-2.0
#include "model/validation.h"

#include <QTest>

#include <functional>

using namespace FateDeployer;

namespace {

struct Rule
{
    const char *name;
    std::function<void(Project &)> change;
    QStringList expected; ///< "E field: message" or "W field: message", in order
};

QStringList describe(const QList<ValidationIssue> &issues)
{
    QStringList out;
    for (const ValidationIssue &i : issues)
        out << (i.severity == ValidationIssue::Severity::Error ? QStringLiteral("E ") : QStringLiteral("W "))
                   + i.toString();
    return out;
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void exampleIsClean() { QCOMPARE(describe(Validator::validate(Project::example())), QStringList{}); }

    void everyRuleHasItsMessage()
    {
        const Rule rules[] = {
            {"no name", [](Project &p) { p.name = QStringLiteral("  "); }, {s("W name: the project has no name")}},
            {"unknown version",
             [](Project &p) { p.templates.kubefateVersion = QStringLiteral("1.9.0"); },
             {s("E templates.kubefateVersion: KubeFATE \"1.9.0\" is not supported yet; supported versions: 1.1.0, "
                "1.4.0, 1.4.1, 1.4.2, 1.4.3, 1.4.4, 1.4.5, 1.11.1, 1.11.2, 2.0.0")}},
            {"empty version",
             [](Project &p) { p.templates.kubefateVersion.clear(); },
             {s("E templates.kubefateVersion: is required")}},
            {"bad sha256",
             [](Project &p) { p.templates.sha256 = QStringLiteral("abc"); },
             {s("E templates.sha256: \"abc\" is not a SHA-256 checksum (64 hexadecimal digits)")}},
            {"bad url",
             [](Project &p) {
                 p.templates.kind = TemplateSource::Kind::Url;
                 p.templates.location = QStringLiteral("ftp://x/y.tar.gz");
             },
             {s("E templates.location: \"ftp://x/y.tar.gz\" is not an http:// or https:// address")}},
            {"bad mirror",
             [](Project &p) { p.templates.mirrorBase = QStringLiteral("mirror"); },
             {s("E templates.mirrorBase: \"mirror\" is not an http:// or https:// address")}},
            {"empty user", [](Project &p) { p.user.clear(); }, {s("E deploy.user: is required")}},
            {"bad user",
             [](Project &p) { p.user = QStringLiteral("Root$"); },
             {s("E deploy.user: \"Root$\" is not a valid user name (lowercase letters, digits, _ and -, starting "
                "with a letter or _)")}},
            {"relative dir",
             [](Project &p) { p.baseDir = QStringLiteral("data/fate"); },
             {s("E deploy.baseDir: \"data/fate\" is not an absolute path")}},
            {"root dir",
             [](Project &p) { p.baseDir = QStringLiteral("//"); },
             {s("E deploy.baseDir: must not be the root directory")}},
            {"system dir",
             [](Project &p) { p.baseDir = QStringLiteral("/etc/"); },
             {s("E deploy.baseDir: \"/etc/\" is a system directory; use a dedicated one such as /data/projects/fate")}},
            {"root dir dot",
             [](Project &p) { p.baseDir = QStringLiteral("/./"); },
             {s("E deploy.baseDir: must not be the root directory")}},
            {"dotdot dir",
             [](Project &p) { p.baseDir = QStringLiteral("/data/../etc"); },
             {s("E deploy.baseDir: \"/data/../etc\" must not contain \"..\"")}},
            {"newline dir",
             [](Project &p) { p.baseDir = QStringLiteral("/data\n/x"); },
             {s("E deploy.baseDir: must not contain NUL or line breaks")}},
            {"port 0",
             [](Project &p) { p.sshPort = 0; },
             {s("E deploy.sshPort: 0 is not a port number between 1 and 65535")}},
            {"port 65536",
             [](Project &p) { p.sshPort = 65536; },
             {s("E deploy.sshPort: 65536 is not a port number between 1 and 65535")}},
            {"bad prefix",
             [](Project &p) { p.images.prefix = QStringLiteral("Fed/AI"); },
             {s("E images.prefix: \"Fed/AI\" is not a valid image prefix (lowercase letters, digits, and . _ - / "
                "between them)")}},
            {"bad tag",
             [](Project &p) { p.images.tag = QStringLiteral("-x"); },
             {s("E images.tag: \"-x\" is not a valid image tag")}},
            {"bad base tag",
             [](Project &p) { p.images.baseTag = QStringLiteral("a b"); },
             {s("E images.baseTag: \"a b\" is not a valid image tag")}},
            {"bad builder tag",
             [](Project &p) { p.images.builderTag.clear(); },
             {s("E images.builderTag: \"\" is not a valid image tag")}},
            {"registry missing",
             [](Project &p) { p.registry.usePrivate = true; },
             {s("E registry.uri: a private registry needs its address, e.g. harbor.example.com/fate")}},
            {"registry scheme",
             [](Project &p) {
                 p.registry.usePrivate = true;
                 p.registry.uri = QStringLiteral("https://harbor.x/fate");
             },
             {s("E registry.uri: \"https://harbor.x/fate\": write the registry address without a scheme, e.g. "
                "harbor.example.com/fate")}},
            {"registry slash",
             [](Project &p) {
                 p.registry.usePrivate = true;
                 p.registry.uri = QStringLiteral("harbor.x/fate/");
             },
             {s("E registry.uri: \"harbor.x/fate/\" must not end with \"/\"; image names would get a double slash")}},
            {"registry uppercase project",
             [](Project &p) {
                 p.registry.usePrivate = true;
                 p.registry.uri = QStringLiteral("harbor.x/Fate");
             },
             {s("E registry.uri: \"harbor.x/Fate\" is not a valid registry address (host[:port][/project], project "
                "in lowercase)")}},
            {"registry port",
             [](Project &p) {
                 p.registry.usePrivate = true;
                 p.registry.uri = QStringLiteral("harbor.x:99999/fate");
             },
             {s("E registry.uri: \"harbor.x:99999/fate\": 99999 is not a port number between 1 and 65535")}},
            {"registry username",
             [](Project &p) { p.registry.username = QStringLiteral("ad min"); },
             {s("E registry.username: must not contain spaces, quotes or $")}},
            {"no parties",
             [](Project &p) {
                 p.parties.clear();
                 p.verification = {};
             },
             {s("E parties: add at least one party")}},
            {"id zero",
             [](Project &p) {
                 p.parties[1].id = 0;
                 p.verification.hostId = 0;
             },
             {s("E parties[1].id: 0 is not a positive whole number")}},
            {"duplicate id",
             [](Project &p) {
                 p.parties[1].id = 10000;
                 p.verification.hostId = 0;
             },
             {s("E parties[1].id: 10000 is already used by parties[0]"),
              s("E verification.hostId: the guest and the host must be two different parties; both are 10000")}},
            {"bad ipv4",
             [](Project &p) { p.parties[1].host = QStringLiteral("192.168.7.300"); },
             {s("E parties[1].host: \"192.168.7.300\" is not a valid IPv4 address or host name")}},
            {"bad ipv6",
             [](Project &p) { p.parties[1].host = QStringLiteral("fd00::1::2"); },
             {s("E parties[1].host: \"fd00::1::2\" is not a valid IPv6 address")}},
            {"bad name",
             [](Project &p) { p.parties[1].host = QStringLiteral("host_name;rm"); },
             {s("E parties[1].host: \"host_name;rm\" is not a valid IPv4 address or host name")}},
            {"empty host", [](Project &p) { p.parties[1].host.clear(); }, {s("E parties[1].host: is required")}},
            {"unspecified host",
             [](Project &p) { p.parties[1].host = QStringLiteral("0.0.0.0"); },
             {s("E parties[1].host: \"0.0.0.0\" is not the address of a host; write the address the other hosts "
                "reach it at")}},
            {"loopback host",
             [](Project &p) { p.parties[1].host = QStringLiteral("127.0.0.2"); },
             {s("W parties[1].host: 127.0.0.2 is a loopback address; the other parties cannot reach it")}},
            {"valid names and ipv6",
             [](Project &p) {
                 p.parties[0].host = QStringLiteral("fate-a.example.org");
                 p.parties[1].host = QStringLiteral("fd00::2");
             },
             {}},
            {"same host 1.1",
             [](Project &p) { p.parties[1].host = QStringLiteral("192.168.7.1"); },
             {s("W parties[1].host: 192.168.7.1 also runs parties[0]; FATE 1.1 publishes ports 9370, 8080, 9360 and "
                "9380 on the host, so the two parties would clash")}},
            {"same host 1.11 is fine",
             [](Project &p) {
                 p.templates.kubefateVersion = QStringLiteral("1.11.2");
                 p.parties[1].host = QStringLiteral("192.168.7.1");
             },
             {}},
            {"party ssh",
             [](Project &p) {
                 p.parties[0].ssh.user = QStringLiteral("A");
                 p.parties[0].ssh.port = 0;
                 p.parties[0].ssh.identityFile = QStringLiteral("/k\n");
             },
             {s("E parties[0].ssh.user: \"A\" is not a valid user name (lowercase letters, digits, _ and -, starting "
                "with a letter or _)"),
              s("E parties[0].ssh.port: 0 is not a port number between 1 and 65535"),
              s("E parties[0].ssh.identityFile: must not contain NUL or line breaks")}},
            {"key file missing here",
             [](Project &p) {
                 p.parties[1].ssh.identityFile = QStringLiteral(FD_SOURCE_DIR "/no-such-key");
                 p.exchange.ssh.identityFile = QStringLiteral(FD_SOURCE_DIR "/README.md"); // exists: fine
             },
             {s("W parties[1].ssh.identityFile: the key file " FD_SOURCE_DIR "/no-such-key does not exist on this "
                "computer; choose the private key, e.g. ~/.ssh/id_ed25519")}},
            {"jump host ok",
             [](Project &p) { p.parties[0].ssh.jumpHost = QStringLiteral("ops@bastion.example.org:2222,[fd00::9]"); },
             {}},
            {"jump host syntax",
             [](Project &p) { p.parties[0].ssh.jumpHost = QStringLiteral("a@b@c"); },
             {s("E parties[0].ssh.jumpHost: \"a@b@c\" is not a valid jump host; write [user@]host[:port], several "
                "separated by commas")}},
            {"jump host port",
             [](Project &p) { p.parties[0].ssh.jumpHost = QStringLiteral("bastion:0"); },
             {s("E parties[0].ssh.jumpHost: \"bastion:0\": 0 is not a port number between 1 and 65535")}},
            {"jump host host",
             [](Project &p) { p.parties[0].ssh.jumpHost = QStringLiteral("ops@10.0.0.256"); },
             {s("E parties[0].ssh.jumpHost: \"ops@10.0.0.256\": \"10.0.0.256\" is not a valid IPv4 address or host "
                "name")}},
            {"party dir",
             [](Project &p) { p.parties[0].dir = QStringLiteral("x"); },
             {s("E parties[0].dir: \"x\" is not an absolute path")}},
            {"exchange required for 1.1",
             [](Project &p) { p.exchange.enabled = false; },
             {s("E exchange.enabled: KubeFATE 1.1.0 always deploys an exchange")}},
            {"exchange optional for 1.11",
             [](Project &p) {
                 p.templates.kubefateVersion = QStringLiteral("1.11.2");
                 p.exchange.enabled = false;
                 p.exchange.host.clear();
             },
             {}},
            {"exchange useless for 2.0",
             [](Project &p) { p.setKubefateVersion(QStringLiteral("2.0.0")); },
             {s("W exchange.enabled: KubeFATE 2.0.0's parties never route to the exchange, so it has no effect; "
                "disable it")}},
            {"1.11 engine combinations name the field",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("1.11.2"));
                 p.engine.federation = QStringLiteral("Pulsar");
                 p.engine.storage = QStringLiteral("HDFS");
                 p.engine.device = QStringLiteral("TPU");
             },
             {s("E engine.federation: \"Pulsar\" is not possible with computing Eggroll; choose Eggroll"),
              s("E engine.storage: \"HDFS\" is not possible with computing Eggroll; choose Eggroll"),
              s("E engine.device: \"TPU\" is not one of CPU, IPCL, GPU (KubeFATE 1.11.2)")}},
            {"1.11 spark needs a broker and HDFS",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("1.11.2"));
                 p.engine.computing = QStringLiteral("Spark");
                 p.engine.storage = QStringLiteral("LocalFS");
             },
             {s("E engine.federation: \"Eggroll\" is not possible with computing Spark; choose Pulsar or RabbitMQ"),
              s("E engine.storage: \"LocalFS\" is not possible with computing Spark; choose HDFS")}},
            {"1.11 spark_local with rabbitmq, ALL accepted (upstream's CheckConfig rejects it by mistake)",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("1.11.2"));
                 p.engine.computing = QStringLiteral("Spark_local");
                 p.engine.federation = QStringLiteral("RabbitMQ");
                 p.engine.storage = QStringLiteral("LocalFS");
                 p.engine.algorithm = QStringLiteral("ALL");
                 p.engine.device = QStringLiteral("GPU");
                 p.engine.gpuCount = 4;
             },
             {}},
            {"1.11 has no STANDALONE",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("1.11.2"));
                 p.engine.computing = QStringLiteral("STANDALONE");
             },
             {s("E engine.computing: \"STANDALONE\" is not one of Eggroll, Spark, Spark_local (KubeFATE 1.11.2)")}},
            {"2.0 STANDALONE with OSX",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("2.0.0"));
                 p.exchange.enabled = false;
                 p.engine.computing = QStringLiteral("STANDALONE");
                 p.engine.storage = QStringLiteral("STANDALONE");
             },
             {}},
            {"2.0 eggroll needs OSX",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("2.0.0"));
                 p.exchange.enabled = false;
                 p.engine.federation = QStringLiteral("Eggroll");
                 p.engine.computing = QStringLiteral("Spark_local");
             },
             {s("E engine.computing: \"Spark_local\" is not one of Eggroll, Spark, STANDALONE (KubeFATE 2.0.0)")}},
            {"1.11 numbers, mysql, logins, serving tag",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("1.11.2"));
                 p.engine.computeCore = 0;
                 p.engine.gpuCount = 65;
                 p.engine.nameNode = QStringLiteral("namenode:9000");
                 p.mysql.host = QStringLiteral("db host");
                 p.mysql.user = QStringLiteral("fate'; DROP");
                 p.mysql.database = QString();
                 p.mysql.serverTimezone = QStringLiteral("UTC\n");
                 p.logins.fateboardUser = QStringLiteral("a b");
                 p.images.servingTag = QStringLiteral("-x");
             },
             {s("E engine.computeCore: 0 is not a number of cores between 1 and 4096"),
              s("E engine.gpuCount: 65 is not a number of GPUs between 1 and 64"),
              s("E engine.nameNode: \"namenode:9000\" is not an HDFS address such as hdfs://namenode:9000"),
              s("E mysql.host: \"db host\" is not a valid IPv4 address or host name"),
              s("E mysql.user: \"fate'; DROP\" is not a MySQL user name (1 to 32 letters, digits and _)"),
              s("E mysql.database: \"\" is not a database name (1 to 32 letters, digits and _)"),
              s("E mysql.serverTimezone: \"UTC\n\" is not a time zone such as UTC or Asia/Shanghai"),
              s("E logins.fateboardUser: \"a b\" is not a login name (1 to 64 letters, digits and _ . @ -)"),
              s("E images.servingTag: \"-x\" is not a valid image tag")}},
            {"a final line break is not part of a valid value",
             [](Project &p) {
                 p.parties[0].host = QStringLiteral("fate-a\n");
                 p.user = QStringLiteral("root\n");
                 p.images.tag = QStringLiteral("1.1-release\n");
             },
             {s("E deploy.user: \"root\n\" is not a valid user name (lowercase letters, digits, _ and -, starting with "
                "a letter or _)"),
              s("E images.tag: \"1.1-release\n\" is not a valid image tag"),
              s("E parties[0].host: \"fate-a\n\" is not a valid IPv4 address or host name")}},
            {"serving hosts",
             [](Project &p) {
                 p.setKubefateVersion(QStringLiteral("1.11.2"));
                 p.parties[0].servingHost = QStringLiteral("10.0.0.5");
                 p.parties[1].servingHost = QStringLiteral("10.0.0.5");
             },
             {s("E parties[1].servingHost: 10.0.0.5 already runs the serving of parties[0]; FATE-Serving publishes "
                "ports 8000, 8059, 8869 and 8350 on the host, so the two would clash")}},
            {"serving host ignored by 1.1",
             [](Project &p) { p.parties[0].servingHost = QStringLiteral("10.0.0.5"); },
             {s("W parties[0].servingHost: KubeFATE 1.1.0 has no FATE-Serving bundle; the serving host is ignored")}},
            {"exchange host", [](Project &p) { p.exchange.host.clear(); }, {s("E exchange.host: is required")}},
            {"exchange port range",
             [](Project &p) { p.exchange.port = 70000; },
             {s("E exchange.port: 70000 is not a port number between 1 and 65535")}},
            {"exchange port clash",
             [](Project &p) { p.exchange.port = 9370; },
             {s("E exchange.port: 9370 is already published on 192.168.7.1 by parties[0]; use another port "
                "(KubeFATE uses 9371)")}},
            {"exchange port on own host",
             [](Project &p) {
                 p.exchange.host = QStringLiteral("192.168.7.9");
                 p.exchange.port = 9370;
             },
             {}},
            {"exchange ssh and dir",
             [](Project &p) {
                 p.exchange.ssh.jumpHost = QStringLiteral("bad host");
                 p.exchange.dir = QStringLiteral("rel");
             },
             {s("E exchange.ssh.jumpHost: \"bad host\" is not a valid jump host; write [user@]host[:port], several "
                "separated by commas"),
              s("E exchange.dir: \"rel\" is not an absolute path")}},
            {"guest not a party",
             [](Project &p) { p.verification.guestId = 1; },
             {s("E verification.guestId: 1 is not a party of this project")}},
            {"host not a party",
             [](Project &p) { p.verification.hostId = 2; },
             {s("E verification.hostId: 2 is not a party of this project")}},
            {"guest equals host",
             [](Project &p) { p.verification.hostId = 10000; },
             {s("E verification.hostId: the guest and the host must be two different parties; both are 10000")}},
            {"default guest equals chosen host",
             [](Project &p) {
                 p.verification.guestId = 0;
                 p.verification.hostId = 10000;
             },
             {s("E verification.hostId: the guest and the host must be two different parties; both are 10000")}},
            {"one party may test itself",
             [](Project &p) {
                 p.parties.removeLast();
                 p.verification = {10000, 10000, 120};
             },
             {}},
            {"timeout",
             [](Project &p) { p.verification.timeoutSeconds = 5; },
             {s("E verification.timeoutSeconds: must be between 10 and 3600 seconds")}},
        };
        QStringList failures;
        for (const Rule &rule : rules) {
            Project p = Project::example();
            rule.change(p);
            const QStringList got = describe(Validator::validate(p));
            if (got != rule.expected)
                failures << QStringLiteral("%1:\n got: %2\n want: %3")
                                .arg(QLatin1String(rule.name),
                                     got.join(QStringLiteral("\n       ")),
                                     rule.expected.join(QStringLiteral("\n       ")));
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void singleValueChecks()
    {
        QCOMPARE(Validator::checkHost(QStringLiteral("localhost")), QString());
        QCOMPARE(Validator::checkUser(QStringLiteral("_svc-1")), QString());
        QCOMPARE(Validator::checkDir(QStringLiteral("/data/projects/fate")), QString());
        QCOMPARE(Validator::checkPort(65535), QString());
        QCOMPARE(Validator::checkJumpHost(QString()), QString());
        QCOMPARE(Validator::checkRegistryUri(QStringLiteral("192.168.10.1:5000/federatedai")), QString());
        QCOMPARE(Validator::checkRegistryUri(QStringLiteral("hub.c.163.com")), QString());
        QVERIFY(
            !Validator::hasErrors({{ValidationIssue::Severity::Warning, QStringLiteral("x"), QStringLiteral("y")}}));
        QVERIFY(Validator::hasErrors({{ValidationIssue::Severity::Error, QStringLiteral("x"), QStringLiteral("y")}}));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"

// SPDX-License-Identifier: Apache-2.0
#include "kubefate/bashconfig.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {
/// The issue's expansion bomb: a 60 KB file whose variables each repeat the previous one ten times, six levels
/// deep (a6 would be 10^6 times a0, about 10 GB as UTF-16).
QByteArray expansionBomb()
{
    QByteArray text = "a0=\"" + QByteArray(5000, 'x') + "\"\n";
    for (int level = 1; level <= 6; ++level) {
        text += 'a' + QByteArray::number(level) + "=\"";
        for (int i = 0; i < 10; ++i)
            text += "$a" + QByteArray::number(level - 1);
        text += "\"\n";
    }
    while (text.size() < 60 * 1024)
        text += "# padding to the size of the file that was tried\n";
    return text;
}

BashConfig parseOk(const QByteArray &text, const QList<BashVariable> &predefined = {})
{
    Result<BashConfig> r = BashConfig::parse(text, QStringLiteral("t.sh"), predefined);
    if (!r.ok())
        qWarning("unexpected error: %s", qPrintable(r.error()));
    return r.ok() ? r.value() : BashConfig();
}
} // namespace

class TestBashConfig : public QObject
{
    Q_OBJECT

private slots:
    void assignmentsQuotesAndComments()
    {
        const BashConfig c = parseOk("# comment\n"
                                     "user=root   # trailing comment\n"
                                     "dir='/data/my fate'\n"
                                     "a=\"x \\\"y\\\" \\$z \\\\ \\q\"\n"
                                     "b=it\\'s\n"
                                     "c=v#not-a-comment\n"
                                     "d=; e=2\n"
                                     "f=1 g=2\n"
                                     "h=''\"\"\n");
        QCOMPARE(c.variable(QStringLiteral("user"))->scalar(), QStringLiteral("root"));
        QCOMPARE(c.variable(QStringLiteral("user"))->line, 2);
        QCOMPARE(c.variable(QStringLiteral("dir"))->scalar(), QStringLiteral("/data/my fate"));
        QCOMPARE(c.variable(QStringLiteral("a"))->scalar(), QStringLiteral("x \"y\" $z \\ \\q"));
        QCOMPARE(c.variable(QStringLiteral("b"))->scalar(), QStringLiteral("it's"));
        QCOMPARE(c.variable(QStringLiteral("c"))->scalar(), QStringLiteral("v#not-a-comment"));
        QCOMPARE(c.variable(QStringLiteral("d"))->scalar(), QString());
        QCOMPARE(c.variable(QStringLiteral("e"))->scalar(), QStringLiteral("2"));
        QCOMPARE(c.variable(QStringLiteral("g"))->scalar(), QStringLiteral("2"));
        QCOMPARE(c.variable(QStringLiteral("h"))->scalar(), QString());
        QVERIFY(!c.variable(QStringLiteral("d"))->isArray);
    }

    void arraysAndReferences()
    {
        const BashConfig c = parseOk("ids=(10000 9999)\n"
                                     "ips=( 192.168.7.1   # first\n"
                                     "      '192.168.7.2' )\n"
                                     "x=${ips[0]}\n"
                                     "y=$ips-$x\n"
                                     "z=\"${ids[1]}\"\n"
                                     "all=(\"${ids[@]}\" 1)\n"
                                     "joined=\"${ids[*]}\"\n"
                                     "split=($joined)\n"
                                     "empty=()\n"
                                     "dollar=\"cost $\"\n"
                                     "user=old\nuser=new\n");
        QCOMPARE(c.variable(QStringLiteral("ids"))->values,
                 (QStringList{QStringLiteral("10000"), QStringLiteral("9999")}));
        QVERIFY(c.variable(QStringLiteral("ids"))->isArray);
        QCOMPARE(c.variable(QStringLiteral("ips"))->values.size(), 2);
        QCOMPARE(c.variable(QStringLiteral("x"))->scalar(), QStringLiteral("192.168.7.1"));
        QCOMPARE(c.variable(QStringLiteral("y"))->scalar(), QStringLiteral("192.168.7.1-192.168.7.1"));
        QCOMPARE(c.variable(QStringLiteral("z"))->scalar(), QStringLiteral("9999"));
        QCOMPARE(c.variable(QStringLiteral("all"))->values,
                 (QStringList{QStringLiteral("10000"), QStringLiteral("9999"), QStringLiteral("1")}));
        QCOMPARE(c.variable(QStringLiteral("joined"))->scalar(), QStringLiteral("10000 9999"));
        QCOMPARE(c.variable(QStringLiteral("split"))->values.size(), 2);
        QVERIFY(c.variable(QStringLiteral("empty"))->values.isEmpty());
        QCOMPARE(c.variable(QStringLiteral("dollar"))->scalar(), QStringLiteral("cost $"));
        QCOMPARE(c.variable(QStringLiteral("user"))->scalar(), QStringLiteral("new"));
        QCOMPARE(c.variable(QStringLiteral("user"))->line, 13);
    }

    void predefinedVariablesAreVisible()
    {
        const BashConfig c
            = parseOk("image=$PREFIX/x\n", {BashVariable{QStringLiteral("PREFIX"), false, {QStringLiteral("p")}, 0}});
        QCOMPARE(c.variable(QStringLiteral("image"))->scalar(), QStringLiteral("p/x"));
        QVERIFY(!c.contains(QStringLiteral("PREFIX")));
    }

    void emptyFileHasNoVariables()
    {
        QVERIFY(parseOk("").isEmpty());
        QVERIFY(parseOk("# only a comment\n\n").isEmpty());
    }

    void crlfAndBomAreHandledWithAWarning()
    {
        const BashConfig c = parseOk("\xEF\xBB\xBFuser=root\r\ndir=/d\r\n");
        QCOMPARE(c.variable(QStringLiteral("user"))->scalar(), QStringLiteral("root"));
        QCOMPARE(c.variable(QStringLiteral("dir"))->scalar(), QStringLiteral("/d"));
        QCOMPARE(c.warnings().size(), 2);
        QVERIFY(c.warnings().at(1).contains(QLatin1String("CRLF")));
    }

    void hostileInputIsAnError_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("command substitution") << QByteArray("a=1\nuser=$(whoami)\n")
                                              << QStringLiteral("t.sh:2: command substitution $(...) is not allowed");
        QTest::newRow("command substitution in quotes")
            << QByteArray("user=\"$(rm -rf /)\"\n") << QStringLiteral("t.sh:1: command substitution $(...)");
        QTest::newRow("arithmetic") << QByteArray("n=$((1+2))\n")
                                    << QStringLiteral("t.sh:1: arithmetic expansion $((...)) is not allowed");
        QTest::newRow("backticks") << QByteArray("user=`id -un`\n")
                                   << QStringLiteral("t.sh:1: command substitution with backticks is not allowed");
        QTest::newRow("backticks in quotes")
            << QByteArray("user=\"`id`\"\n") << QStringLiteral("t.sh:1: command substitution with backticks");
        QTest::newRow("semicolon command")
            << QByteArray("user=root; rm -rf /\n") << QStringLiteral("t.sh:1: \"rm\" would run a command");
        QTest::newRow("leading semicolon") << QByteArray(";\n") << QStringLiteral("t.sh:1: unexpected \";\"");
        QTest::newRow("command") << QByteArray("\n\necho hi\n")
                                 << QStringLiteral("t.sh:3: \"echo\" would run a command");
        QTest::newRow("env prefix command") << QByteArray("a=1 ls\n") << QStringLiteral("t.sh:1: \"ls\" would run");
        QTest::newRow("unknown reference")
            << QByteArray("dir=$HOME/fate\n") << QStringLiteral("t.sh:1: $HOME is not assigned earlier in this file");
        QTest::newRow("reference before assignment")
            << QByteArray("x=${ips[0]}\nips=(1)\n") << QStringLiteral("t.sh:1: $ips is not assigned earlier");
        QTest::newRow("index out of range")
            << QByteArray("ips=(a)\nx=${ips[3]}\n")
            << QStringLiteral("t.sh:2: ${ips[3]} refers to an element that does not exist");
        QTest::newRow("default expansion")
            << QByteArray("x=${y:-z}\n") << QStringLiteral("t.sh:1: \"${y:-z}\" is not supported");
        QTest::newRow("length expansion")
            << QByteArray("x=${#y}\n") << QStringLiteral("t.sh:1: \"${#y}\" is not supported");
        QTest::newRow("special parameter")
            << QByteArray("x=$1\n") << QStringLiteral("t.sh:1: the special parameter $1");
        QTest::newRow("function") << QByteArray("f() { echo; }\n")
                                  << QStringLiteral("t.sh:1: function \"f\" is not allowed");
        QTest::newRow("function keyword")
            << QByteArray("function f {\n") << QStringLiteral("t.sh:1: functions are not allowed");
        QTest::newRow("export") << QByteArray("export user=root\n")
                                << QStringLiteral("t.sh:1: \"export\" is not supported");
        QTest::newRow("declare") << QByteArray("declare -a x\n")
                                 << QStringLiteral("t.sh:1: \"declare\" is not supported");
        QTest::newRow("if") << QByteArray("if true; then a=1; fi\n") << QStringLiteral("t.sh:1: \"if\": conditions");
        QTest::newRow("source") << QByteArray("source ./x\n") << QStringLiteral("t.sh:1: \"source\" would read");
        QTest::newRow("dot") << QByteArray(". ./x\n") << QStringLiteral("t.sh:1: \".\" would source");
        QTest::newRow("continuation") << QByteArray("user=ro\\\not\n") << QStringLiteral("t.sh:1: line continuation");
        QTest::newRow("continuation in quotes")
            << QByteArray("user=\"ro\\\not\"\n") << QStringLiteral("t.sh:1: line continuation");
        QTest::newRow("newline in quotes")
            << QByteArray("user=\"ro\not\"\n") << QStringLiteral("t.sh:1: a line break inside quotes is not supported");
        QTest::newRow("unclosed single quote")
            << QByteArray("a=1\nuser='root\n") << QStringLiteral("t.sh:2: a line break inside quotes");
        QTest::newRow("unclosed double quote at end")
            << QByteArray("user=\"root") << QStringLiteral("t.sh:1: the double quote opened here is never closed");
        QTest::newRow("unclosed array") << QByteArray("ids=(1 2\n\n")
                                        << QStringLiteral("t.sh:1: the array ids=( is never closed");
        QTest::newRow("pipe") << QByteArray("a=1|b\n") << QStringLiteral("t.sh:1: unquoted \"|\"");
        QTest::newRow("redirect") << QByteArray("a=1 >/etc/passwd\n") << QStringLiteral("t.sh:1: unquoted \">\"");
        QTest::newRow("background") << QByteArray("a=1 &\n") << QStringLiteral("t.sh:1: unquoted \"&\"");
        QTest::newRow("append") << QByteArray("a+=1\n") << QStringLiteral("t.sh:1: \"a+=\" appends");
        QTest::newRow("element assignment")
            << QByteArray("a[1]=x\n") << QStringLiteral("t.sh:1: assigning one array element");
        QTest::newRow("glob in array") << QByteArray("a=(*)\n")
                                       << QStringLiteral("t.sh:1: an unquoted \"*\" in an array");
        QTest::newRow("brace in array") << QByteArray("a=({1,2})\n") << QStringLiteral("t.sh:1: an unquoted \"{\"");
        QTest::newRow("tilde") << QByteArray("dir=~/fate\n") << QStringLiteral("t.sh:1: an unquoted \"~\"");
        QTest::newRow("ansi-c quote") << QByteArray("a=$'x'\n")
                                      << QStringLiteral("t.sh:1: $'...' and $\"...\" quoting");
        QTest::newRow("nul byte") << QByteArray("a=1\nb=2\0rm\n", 11) << QStringLiteral("t.sh:2: contains a NUL byte");
        QTest::newRow("control byte") << QByteArray("a=\x01\x02\n")
                                      << QStringLiteral("t.sh:1: contains the control character 0x01");
        QTest::newRow("invalid utf-8") << QByteArray("a=\xff\xfe\n")
                                       << QStringLiteral("t.sh:1: is not valid UTF-8 text");
        QTest::newRow("long line") << (QByteArray("a=") + QByteArray(100000, 'x') + '\n')
                                   << QStringLiteral("t.sh:1: the line is 100002 characters long");
        QTest::newRow("10 MB line") << (QByteArray("a=") + QByteArray(10 * 1024 * 1024, 'x'))
                                    << QStringLiteral("t.sh: the file is larger than 1024 KiB");
    }

    void hostileInputIsAnError()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const Result<BashConfig> r = BashConfig::parse(text, QStringLiteral("t.sh"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(message), qPrintable(r.error()));
    }

    void quotedHostileValuesAreData()
    {
        const BashConfig c = parseOk("a='$(rm -rf /); `id`'\n"
                                     "b=\"x;y|z&w>v\"\n"
                                     "c='${HOME}'\n");
        QCOMPARE(c.variable(QStringLiteral("a"))->scalar(), QStringLiteral("$(rm -rf /); `id`"));
        QCOMPARE(c.variable(QStringLiteral("b"))->scalar(), QStringLiteral("x;y|z&w>v"));
        QCOMPARE(c.variable(QStringLiteral("c"))->scalar(), QStringLiteral("${HOME}"));
    }

    void mutatedInputNeverCrashes()
    {
        // Deterministic mutations of a realistic file: every result is a value or an error naming the file.
        const QByteArray base = "user=root\ndir=\"/data/projects/fate\"\npartylist=(10000 9999)\n"
                                "partyiplist=('192.168.7.1' 192.168.7.2) # hosts\nexchangeip=${partyiplist[0]}\n";
        const QByteArray alphabet = QByteArrayLiteral("$(){}[]'\"`\\;|&<>#= \n\t~*?@!-0a\xff\x00\r");
        QRandomGenerator random(20261129);
        int errors = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray text = base;
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const int at = int(random.bounded(int(text.size()) + 1));
                const char c = alphabet.at(int(random.bounded(int(alphabet.size()))));
                switch (random.bounded(3)) {
                case 0:
                    text.insert(at, c);
                    break;
                case 1:
                    if (at < text.size())
                        text[at] = c;
                    break;
                default:
                    text.remove(at, 1);
                    break;
                }
            }
            const Result<BashConfig> r = BashConfig::parse(text, QStringLiteral("t.sh"));
            if (!r.ok()) {
                ++errors;
                QVERIFY2(r.error().startsWith(QLatin1String("t.sh")), qPrintable(r.error()));
            }
        }
        QVERIFY(errors > 100); // the mutations do hit the refusals
    }

    void expansionBombFailsFastNamingTheLimit()
    {
        const QByteArray bomb = expansionBomb();
        QVERIFY(bomb.size() >= 60 * 1024);
        QElapsedTimer timer;
        timer.start();
        const Result<BashConfig> r = BashConfig::parse(bomb, QStringLiteral("docker-configuration.sh"));
        const qint64 ms = timer.elapsed();
        QVERIFY(!r.ok());
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        // a1 (50 000 characters) and a2 (500 000) are within the work limit; a2's value is over the value limit.
        QVERIFY2(r.error().startsWith(QLatin1String("docker-configuration.sh:3: the value of a2 expands to")),
                 qPrintable(r.error()));
        QVERIFY2(r.error().contains(QString::number(BashConfig::MaxValueSize)), qPrintable(r.error()));
    }

    void expansionWorkIsBoundedAcrossVariables()
    {
        // Each value stays under the value limit, but together the references produce more than the work limit.
        QByteArray text = "a=\"" + QByteArray(60000, 'y') + "\"\n";
        for (int i = 0; i < 100; ++i)
            text += "b" + QByteArray::number(i) + "=\"$a$a\"\n";
        const Result<BashConfig> r = BashConfig::parse(text, QStringLiteral("t.sh"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QLatin1String("expanding $a goes over the limit of 4194304 characters")),
                 qPrintable(r.error()));
        // 4 MiB / 120 002 characters per line: the 35th assignment (line 36) crosses the limit.
        QVERIFY2(r.error().startsWith(QLatin1String("t.sh:36: ")), qPrintable(r.error()));
    }

    void manyEmptyArrayElementsAreCounted()
    {
        // Empty elements cost nothing in characters but still cost work: each counts.
        QByteArray text = "e=(";
        for (int i = 0; i < 1000; ++i)
            text += "'' ";
        text += ")\n";
        for (int level = 1; level <= 6; ++level) {
            text += 'e' + QByteArray::number(level) + "=(";
            for (int i = 0; i < 10; ++i)
                text += "\"${e" + (level == 1 ? QByteArray() : QByteArray::number(level - 1)) + "[@]}\" ";
            text += ")\n";
        }
        QElapsedTimer timer;
        timer.start();
        const Result<BashConfig> r = BashConfig::parse(text, QStringLiteral("t.sh"));
        QVERIFY(!r.ok());
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY2(r.error().contains(QLatin1String("characters")), qPrintable(r.error()));
    }

    void valuesBelowTheLimitsStillWork()
    {
        QByteArray text = "a=\"" + QByteArray(1000, 'z') + "\"\nb=\"$a$a$a$a$a$a$a$a$a$a\"\nc=(\"$b\" \"$b\")\n";
        const BashConfig c = parseOk(text);
        QCOMPARE(c.variable(QStringLiteral("b"))->scalar().size(), 10000);
        QCOMPARE(c.variable(QStringLiteral("c"))->values.size(), 2);
    }

    void parseFileErrors()
    {
        QTemporaryDir dir;
        const Result<BashConfig> missing = BashConfig::parseFile(dir.filePath(QStringLiteral("nope.sh")));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QLatin1String("cannot read the file")), qPrintable(missing.error()));
        const Result<BashConfig> folder = BashConfig::parseFile(dir.path());
        QVERIFY(!folder.ok());
        QVERIFY2(folder.error().contains(QLatin1String("is a folder")), qPrintable(folder.error()));
    }
};

QTEST_GUILESS_MAIN(TestBashConfig)
#include "tst_bashconfig.moc"

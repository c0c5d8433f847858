// SPDX-License-Identifier: Apache-2.0
// ShellCommand: the quoting and composition rules, checked by running the result in real local shells.
#include "remote/shellcommand.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

namespace {

const QStringList &hostileValues()
{
    static const QStringList values = {
        QString(),
        QStringLiteral("plain"),
        QStringLiteral("with space"),
        QStringLiteral("it's"),
        QStringLiteral("'"),
        QStringLiteral("''\\''"),
        QStringLiteral("\"double\""),
        QStringLiteral("$(touch MARKER)"),
        QStringLiteral("`touch MARKER`"),
        QStringLiteral("; touch MARKER"),
        QStringLiteral("&& touch MARKER ||"),
        QStringLiteral("| touch MARKER"),
        QStringLiteral("line1\nline2\ntouch MARKER"),
        QStringLiteral("tab\there"),
        QStringLiteral("$HOME ${HOME} $1 $@ $*"),
        QStringLiteral("*"),
        QStringLiteral("~"),
        QStringLiteral("-n"),
        QStringLiteral("--"),
        QStringLiteral("a\\b\\\\c"),
        QStringLiteral("!history"),
        QStringLiteral("> MARKER"),
        QStringLiteral("< /etc/passwd"),
        QStringLiteral("#comment"),
        QString::fromUtf8("unicode: 数据 — ünï 🚀"),
    };
    return values;
}

/// Runs `command` under `shell` in `dir`; returns stdout.
QByteArray runIn(const QString &shell, const QString &dir, const ShellCommand &command, int *exitCode = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(shell, {QStringLiteral("-c"), command.toString()});
    p.waitForFinished(10000);
    if (exitCode)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

} // namespace

class TestShellCommand : public QObject
{
    Q_OBJECT

private slots:
    void quote_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
        QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("dollar") << QStringLiteral("$(x)") << QStringLiteral("'$(x)'");
    }
    void quote()
    {
        QFETCH(QString, value);
        QFETCH(QString, quoted);
        QCOMPARE(shellQuote(value), quoted);
    }

    void composition()
    {
        const ShellCommand a(u"a");
        const ShellCommand b(u"b");
        const ShellCommand c(u"c");
        QCOMPARE(a.andThen(b).toString(), QStringLiteral("'a' && 'b'"));
        QCOMPARE(a.andThen(b).pipe(c).toString(), QStringLiteral("{ 'a' && 'b'; } | 'c'"));
        QCOMPARE(a.pipe(b).andThen(c).toString(), QStringLiteral("'a' | 'b' && 'c'"));
        QCOMPARE(a.andThen(b.orElse(c)).toString(), QStringLiteral("'a' && { 'b' || 'c'; }"));
        QCOMPARE(a.then(b).andThen(c).toString(), QStringLiteral("{ 'a'; 'b'; } && 'c'"));
        QCOMPARE(ShellCommand::inDir(u"/x y", a).toString(), QStringLiteral("'cd' '/x y' && 'a'"));
        QCOMPARE(ShellCommand(u"docker").arg(u"ps").redirectOut(u"/tmp/o").stderrToStdout().toString(),
                 QStringLiteral("'docker' 'ps' >'/tmp/o' 2>&1"));
        QCOMPARE(ShellCommand(u"env").env(u"A", u"x y").toString(), QStringLiteral("A='x y' 'env'"));
        QCOMPARE(ShellCommand::shC(a.andThen(b)).toString(), QStringLiteral("'sh' '-c' ''\\''a'\\'' && '\\''b'\\'''"));
        QCOMPARE(ShellCommand::rawLiteral("set -e").then(a).toString(), QStringLiteral("set -e; 'a'"));
        QVERIFY(ShellCommand().isEmpty());
        QCOMPARE(ShellCommand().andThen(a), a);
    }

    // Every hostile value reaches a program literally, in dash and bash, also nested in sh -c twice, and no
    // marker file appears.
    void hostileValuesReachTheProgramLiterally_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("dash") << QStringLiteral("/bin/dash");
        QTest::newRow("bash") << QStringLiteral("/bin/bash");
    }
    void hostileValuesReachTheProgramLiterally()
    {
        QFETCH(QString, shell);
        if (!QFile::exists(shell))
            QSKIP("shell not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ShellCommand print = ShellCommand(u"printf").arg(u"%s\\0").args(hostileValues());
        QByteArray expected;
        for (const QString &v : hostileValues())
            expected += v.toUtf8() + '\0';
        QCOMPARE(runIn(shell, dir.path(), print), expected);
        QCOMPARE(runIn(shell, dir.path(), ShellCommand::shC(print)), expected);
        QCOMPARE(runIn(shell, dir.path(), ShellCommand::shC(ShellCommand::shC(print))), expected);
        QCOMPARE(runIn(shell, dir.path(), ShellCommand(u"true").andThen(print).pipe(ShellCommand(u"cat"))), expected);
        // Environment values and redirection targets too.
        for (const QString &v : hostileValues()) {
            if (v.isEmpty())
                continue;
            const ShellCommand env = ShellCommand(u"printenv").arg(u"FD_V").env(u"FD_V", v);
            QCOMPARE(runIn(shell, dir.path(), env), v.toUtf8() + '\n');
            if (v.contains(u'/') || v == u"~" || v == u"--" || v == u"-n")
                continue;
            const ShellCommand write = ShellCommand(u"printf").arg(u"x").redirectOut(v);
            int code = -1;
            runIn(shell, dir.path(), write, &code);
            QCOMPARE(code, 0);
            QVERIFY2(QFile::exists(dir.filePath(v)), qPrintable(v));
            QFile::remove(dir.filePath(v));
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("MARKER"))));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }

    void inDirAndExec()
    {
        QTemporaryDir dir;
        const QString sub = dir.filePath(QStringLiteral("a 'b' $(c)"));
        QVERIFY(QDir().mkpath(sub));
        const ShellCommand pwd = ShellCommand::inDir(sub, ShellCommand(u"pwd").exec());
        QCOMPARE(runIn(QStringLiteral("/bin/sh"), dir.path(), pwd), sub.toUtf8() + '\n');
        const ShellCommand withEnv = ShellCommand(u"printenv").arg(u"X").env(u"X", u"1").exec();
        QCOMPARE(runIn(QStringLiteral("/bin/sh"), dir.path(), withEnv), QByteArray("1\n"));
        int code = -1;
        runIn(QStringLiteral("/bin/sh"), dir.path(), ShellCommand(u"false").negated(), &code);
        QCOMPARE(code, 0);
    }
};

QTEST_GUILESS_MAIN(TestShellCommand)
#include "tst_shellcommand.moc"

// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"
#include "kubefate/bashconfig.h"
#include "model/projectfile.h"
#include "model/validation.h"
#include "util/translations.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace FateDeployer;

namespace {
bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_translator = new Translator(this);
        QVERIFY(m_translator->load(QLocale(QStringLiteral("zh_CN"))));
        QCoreApplication::installTranslator(m_translator);
    }

    void everyCatalogueEntryIsFoundAtRuntime()
    {
        // Each (context, source) of the catalogue must come back translated through the .qm.
        QFile ts(QStringLiteral(FD_SOURCE_DIR "/translations/fate-deployer_zh_CN.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        QString source;
        QString comment;
        int checked = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                comment.clear();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("comment")) {
                comment = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool numerus = source.contains(QLatin1String("%n"));
                const QString text = m_translator->translate(context.toUtf8().constData(),
                                                             source.toUtf8().constData(),
                                                             comment.isEmpty() ? nullptr : comment.toUtf8().constData(),
                                                             numerus ? 2 : -1);
                QVERIFY2(!text.isEmpty(), qPrintable(context + QStringLiteral(": ") + source));
                ++checked;
            }
        }
        QVERIFY(checked > 100);
    }

    void coreMessagesAreTranslated()
    {
        QVERIFY(hasChinese(ProjectFile::fromJson("{").error()));
        Project p = Project::example();
        p.parties[1].host = QStringLiteral("192.168.7.300");
        const QList<ValidationIssue> issues = Validator::validate(p);
        QVERIFY(!issues.isEmpty());
        QVERIFY2(hasChinese(issues.first().message), qPrintable(issues.first().message));
        // The field path stays as it is: it names a key of the project file.
        QVERIFY(issues.first().toString().startsWith(QLatin1String("parties[1].host: ")));
    }

    void hardeningMessagesAreTranslated()
    {
        // Issue 18's texts in Chinese: a truncated file names a byte inside it, a bomb names the limit.
        const QByteArray truncated = ProjectFile::toJson(Project::example()).left(200);
        const QString json = ProjectFile::fromJson(truncated).error();
        QVERIFY2(json.contains(QStringLiteral("（共 200 字节中的第 200 字节）")), qPrintable(json));
        QByteArray bomb = "a0=\"" + QByteArray(5000, 'x') + "\"\n";
        for (int level = 1; level <= 6; ++level) {
            bomb += 'a' + QByteArray::number(level) + "=\"";
            for (int i = 0; i < 10; ++i)
                bomb += "$a" + QByteArray::number(level - 1);
            bomb += "\"\n";
        }
        const QString bash = BashConfig::parse(bomb, QStringLiteral("docker-configuration.sh")).error();
        QVERIFY2(bash.startsWith(
                     QStringLiteral("docker-configuration.sh:3: a2 的值展开后有 300001 个字符（最多允许 262144 个）")),
                 qPrintable(bash));
        // The fixes of the engine (asserted in English by tst_runner / tst_sshsession).
        const auto zh
            = [](const char *context, const char *source) { return QCoreApplication::translate(context, source); };
        QVERIFY(zh("FateDeployer::JobInterpreter",
                   "The host is up; its key is not known yet. Compare the fingerprint above with the host's own "
                   "(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on %1), then accept it: confirm it when the "
                   "window asks, or run the CLI on a terminal (it asks) or with --accept-new-host-keys.")
                    .startsWith(QStringLiteral("主机在线；只是其主机密钥尚未记录。")));
        QVERIFY(zh("FateDeployer::JobInterpreter",
                   "Check the registry address in the project and the host's DNS (/etc/resolv.conf, getent hosts "
                   "%1). The password was not checked: the registry was never reached.")
                    .endsWith(QStringLiteral("密码尚未被校验：根本没有连上镜像仓库。")));
        QCOMPARE(zh("FateDeployer::JobInterpreter", "the password from %1"), QStringLiteral("来自 %1 的密码"));
        QCOMPARE(zh("FateDeployer::JobInterpreter", "%1: %2 (exit status %3)"), QStringLiteral("%1：%2（退出码 %3）"));
        QCOMPARE(zh("FateDeployer::SshSession::Private", "password rejected %1 times"),
                 QStringLiteral("密码被拒绝 %1 次"));
    }

    void cliUsageIsTranslated()
    {
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        QCOMPARE(CliApp::run({QStringLiteral("--help")}, out, err), int(ExitOk));
        out.flush();
        QVERIFY2(hasChinese(outText), qPrintable(outText));
        QVERIFY(outText.contains(QLatin1String("validate")));
    }

private:
    Translator *m_translator = nullptr;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

// SPDX-License-Identifier: Apache-2.0
// The render preview of a KubeFATE v1.11 and a v2.0 project: the services' passwords come from the secret store
// (read off the GUI thread), are rendered into the bundles, and are shown masked in the file and in the
// changes since the last deployment.
#include "gui/previewdialog.h"
#include "model/servicesecrets.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "settings/secretstore.h"
#include "templates/templatesource.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace FateDeployer;

class TestGuiPreview111 : public QObject
{
    Q_OBJECT

private slots:
    void passwordsAreMasked_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("v1.11.2") << QStringLiteral("1.11.2");
        QTest::newRow("v2.0.0") << QStringLiteral("2.0.0");
    }

    void passwordsAreMasked()
    {
        QFETCH(QString, version);
        Project p = Project::example();
        p.setKubefateVersion(version); // the era's engines (v2.0: OSX)
        p.images.tag = version + QStringLiteral("-release");
        p.templates.kind = TemplateSource::Kind::Folder;
        p.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-") + version;
        p.exchange.enabled = false;
        p.exchange.host.clear();
        for (Party &party : p.parties)
            party.servingHost = party.host;
        ServiceSecrets secrets;
        secrets.mysqlPassword = QStringLiteral("Db-Secret-41");
        secrets.fateboardPassword = QStringLiteral("Board-Secret-42");
        secrets.servingAdminPassword = QStringLiteral("Admin-Secret-43");
        auto store = std::make_shared<MemorySecretStore>();
        QVERIFY(secrets.save(*store, p).ok());

        // The last deployment had another MySQL password: the change view masks both.
        QTemporaryDir last;
        ServiceSecrets before = secrets;
        before.mysqlPassword = QStringLiteral("Old-Db-Secret-40");
        const Result<RenderOutput> old
            = Renderer::render(p, TemplateSources::openFolder(p.templates.location).value(), before);
        QVERIFY(old.ok());
        QVERIFY(BundleWriter::writeTree(old.value(), last.path()).ok());

        PreviewDialog dialog(p, QString(), last.path(), nullptr, store);
        QSignalSpy ready(&dialog, &PreviewDialog::ready);
        QVERIFY(ready.wait(60000));
        QCOMPARE(ready.first().first().toBool(), true);
        QVERIFY(
            dialog.showFile(QStringLiteral("confs-10000"), QStringLiteral("confs/fate_flow/conf/service_conf.yaml")));
        QVERIFY2(dialog.shownText().contains(QLatin1String("passwd: '********'")), qPrintable(dialog.shownText()));
        QVERIFY(!dialog.shownText().contains(QLatin1String("Db-Secret-41")));
        // The file differs from the last deployment only in the password: neither value shows in the changes.
        QVERIFY2(!dialog.diffText().contains(QLatin1String("Secret")), qPrintable(dialog.diffText()));
        // The old password is masked in a real change too: the insert-node.sql line that names it.
        QVERIFY(dialog.showFile(QStringLiteral("confs-10000"), QStringLiteral("confs/mysql/init/insert-node.sql")));
        QVERIFY(!dialog.diffText().contains(QLatin1String("Old-Db-Secret-40")));
        QVERIFY(!dialog.shownText().contains(QLatin1String("Db-Secret-41")));
        QVERIFY(dialog.showFile(QStringLiteral("serving-9999"),
                                QStringLiteral("confs/serving-admin/conf/application.properties")));
        QVERIFY(dialog.shownText().contains(QLatin1String("admin.password=********")));
        QVERIFY(dialog.showFile(QStringLiteral("confs-9999"),
                                QStringLiteral("confs/fateboard/conf/application.properties")));
        QVERIFY(dialog.shownText().contains(QLatin1String("login.password=********")));
        QVERIFY(!dialog.shownText().contains(QLatin1String("Board-Secret-42")));
    }
};

QTEST_MAIN(TestGuiPreview111)
#include "tst_gui_preview111.moc"

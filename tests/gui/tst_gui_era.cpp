// SPDX-License-Identifier: Apache-2.0
// The KubeFATE era in the real window (offscreen): the version chooser on the Images page switches the era and
// what every page shows at once; the topology page shows the era's engine fields with the era's choices, the
// validator's reasons at the field, the serving host per party (table and picture); the services' passwords
// typed in the window go to the keychain and nowhere else; the Images page lists the era's images per host.
#include "guitest.h"

#include "gui/engineform.h"
#include "gui/federationview.h"
#include "gui/language.h"
#include "gui/partytablemodel.h"
#include "gui/projectdocument.h"
#include "gui/topologypage.h"
#include "model/era.h"
#include "model/projectfile.h"
#include "model/servicesecrets.h"
#include "settings/secretstore.h"

#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>

using namespace FateDeployer;

class TestGuiEra : public QObject
{
    Q_OBJECT

    Testing::WindowFixture f;
    std::shared_ptr<MemorySecretStore> m_store;

    template<typename T>
    T *find(const char *name)
    {
        auto *w = f.window->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }
    EngineForm *engine() { return f.window->topologyPage()->engineForm(); }
    QComboBox *combo(const char *name) { return engine()->findChild<QComboBox *>(QLatin1String(name)); }
    static QStringList items(QComboBox *c)
    {
        QStringList out;
        for (int i = 0; i < c->count(); ++i)
            out << c->itemText(i);
        return out;
    }
    QString labelOf(QWidget *field)
    {
        auto *form = engine()->findChild<QFormLayout *>();
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
            auto *l = label ? qobject_cast<QLabel *>(label->widget()) : nullptr;
            if (l && l->buddy() == field)
                return l->text();
        }
        return {};
    }
    /// Chooses @p text in @p c as a user does with the keyboard (each step emits activated).
    void choose(QComboBox *c, const QString &text)
    {
        const int target = c->findText(text);
        QVERIFY2(target >= 0, qPrintable(text + QStringLiteral(" not in ") + items(c).join(QLatin1Char(','))));
        c->setFocus();
        while (c->currentIndex() != target)
            QTest::keyClick(c, c->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    }
    /// Types a KubeFATE version into the Images page's chooser and leaves the field with Enter.
    void typeVersion(const QString &version, bool finish = true)
    {
        auto *chooser = find<QComboBox>("kubefateVersion");
        QVERIFY(chooser && chooser->isEditable());
        f.window->showPage(MainWindow::Page::Images);
        chooser->lineEdit()->setFocus();
        chooser->lineEdit()->selectAll();
        QTest::keyClicks(chooser->lineEdit(), version);
        if (finish)
            QTest::keyClick(chooser->lineEdit(), Qt::Key_Return);
    }
    const Project &project() { return f.window->project(); }

private slots:
    void init()
    {
        f.create();
        QApplication::setActiveWindow(f.window.get());
        m_store = std::make_shared<MemorySecretStore>();
        f.window->setSecretStore(m_store);
        Project p = Project::example();
        p.templates.kind = TemplateSource::Kind::Folder;
        p.templates.location = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
        const QString path = f.dir.filePath(QStringLiteral("era.fdproj"));
        QVERIFY(ProjectFile::save(p, path).ok());
        QVERIFY(f.window->openProject(path));
    }
    void cleanup()
    {
        f.destroy();
        Language::apply(QStringLiteral("en"));
    }

    void versionChooserSwitchesTheEra()
    {
        auto *table = find<QTableView>("partyTable");
        QVERIFY(table);
        // KubeFATE 1.1.0: no engine, no serving.
        QVERIFY(!engine()->isVisibleTo(f.window.get()));
        QVERIFY(table->isColumnHidden(PartyTableModel::ServingColumn));
        auto *chooser = find<QComboBox>("kubefateVersion");
        QVERIFY(items(chooser).contains(QStringLiteral("1.11.2")) && items(chooser).contains(QStringLiteral("2.0.0")));

        // Half-typed, nothing switches ("1.1" is not yet "1.11.2"); leaving the field applies it.
        typeVersion(QStringLiteral("1.11"), false);
        QCOMPARE(project().templates.kubefateVersion, QStringLiteral("1.1.0"));
        QTest::keyClicks(chooser->lineEdit(), QStringLiteral(".2"));
        QTest::keyClick(chooser->lineEdit(), Qt::Key_Return);
        QCOMPARE(project().templates.kubefateVersion, QStringLiteral("1.11.2"));
        QCOMPARE(project().images.tag, QStringLiteral("1.11.2-release")); // it was 1.1.0's default
        QCOMPARE(project().engine, engineDefaults(KubefateEra::V1_11));
        // The Images page shows the era's tags: SERVING_TAG, no more 1.1.0's base and builder tags.
        QVERIFY(find<QLineEdit>("servingTag")->isVisible());
        QVERIFY(!find<QLineEdit>("baseTag")->isVisible());

        // The topology page follows at once.
        f.window->showPage(MainWindow::Page::Topology);
        QVERIFY(engine()->isVisible());
        QVERIFY2(engine()->title().contains(QLatin1String("1.11.2")), qPrintable(engine()->title()));
        QCOMPARE(items(combo("engineComputing")),
                 (QStringList{QStringLiteral("Eggroll"), QStringLiteral("Spark"), QStringLiteral("Spark_local")}));
        QCOMPARE(items(combo("engineFederation")), QStringList{QStringLiteral("Eggroll")});
        QCOMPARE(items(combo("engineAlgorithm")),
                 (QStringList{QStringLiteral("Basic"), QStringLiteral("NN"), QStringLiteral("ALL")}));
        QVERIFY(!table->isColumnHidden(PartyTableModel::ServingColumn));
        // Next to the host column.
        QCOMPARE(table->horizontalHeader()->visualIndex(PartyTableModel::ServingColumn),
                 table->horizontalHeader()->visualIndex(PartyTableModel::HostColumn) + 1);

        // v2.0.0: OSX federation, STANDALONE computing.
        typeVersion(QStringLiteral("2.0.0"));
        f.window->showPage(MainWindow::Page::Topology);
        QCOMPARE(items(combo("engineFederation")), QStringList{QStringLiteral("OSX")});
        QVERIFY(items(combo("engineComputing")).contains(QStringLiteral("STANDALONE")));
        QCOMPARE(project().images.tag, QStringLiteral("2.0.0-release"));

        // A tag the user chose is kept across versions; one undo step restores version, engine and tag.
        f.window->document()->edit(QStringLiteral("tag"), [](Project &p) { p.images.tag = QStringLiteral("mine"); });
        typeVersion(QStringLiteral("1.11.2"));
        QCOMPARE(project().images.tag, QStringLiteral("mine"));
        f.window->document()->undoStack()->undo();
        QCOMPARE(project().templates.kubefateVersion, QStringLiteral("2.0.0"));
        QCOMPARE(project().engine.federation, QStringLiteral("OSX"));
        QCOMPARE(chooser->currentText(), QStringLiteral("2.0.0"));

        // Back to 1.1.0: the era's fields are gone again.
        typeVersion(QStringLiteral("1.1.0"));
        f.window->showPage(MainWindow::Page::Topology);
        QVERIFY(!engine()->isVisible());
        QVERIFY(table->isColumnHidden(PartyTableModel::ServingColumn));
        f.window->showPage(MainWindow::Page::Images);
        QVERIFY(!find<QLineEdit>("servingTag")->isVisible());
        QVERIFY(find<QLineEdit>("baseTag")->isVisible());
    }

    void engineChoicesFollowTheComputingEngine()
    {
        typeVersion(QStringLiteral("1.11.2"));
        f.window->showPage(MainWindow::Page::Topology);
        QComboBox *computing = combo("engineComputing");
        choose(computing, QStringLiteral("Spark"));
        QCOMPARE(project().engine.computing, QStringLiteral("Spark"));
        // Spark's own federation and storage were taken: the project stays valid.
        QCOMPARE(project().engine.federation, QStringLiteral("Pulsar"));
        QCOMPARE(project().engine.storage, QStringLiteral("HDFS"));
        QCOMPARE(items(combo("engineFederation")), (QStringList{QStringLiteral("Pulsar"), QStringLiteral("RabbitMQ")}));
        QVERIFY(f.window->document()->issuesFor(QStringLiteral("engine.federation")).isEmpty());
        choose(combo("engineFederation"), QStringLiteral("RabbitMQ"));
        QCOMPARE(project().engine.federation, QStringLiteral("RabbitMQ"));
        choose(computing, QStringLiteral("Spark_local"));
        QCOMPARE(project().engine.federation, QStringLiteral("RabbitMQ")); // still possible: kept
        QCOMPARE(project().engine.storage, QStringLiteral("LocalFS"));

        // Device GPU: the GPU count applies only then.
        auto *gpus = engine()->findChild<QSpinBox *>(QStringLiteral("engineGpuCount"));
        QVERIFY(!gpus->isEnabled());
        choose(combo("engineDevice"), QStringLiteral("GPU"));
        QVERIFY(gpus->isEnabled());
        gpus->setFocus();
        QTest::keyClick(gpus, Qt::Key_Up);
        QCOMPARE(project().engine.gpuCount, 2);
        auto *cores = engine()->findChild<QSpinBox *>(QStringLiteral("engineComputeCore"));
        cores->setFocus();
        cores->selectAll();
        QTest::keyClicks(cores, QStringLiteral("4"));
        QCOMPARE(project().engine.computeCore, 4);
    }

    void invalidCombinationsAreShownAtTheField()
    {
        typeVersion(QStringLiteral("1.11.2"));
        f.window->showPage(MainWindow::Page::Topology);
        // A project as a hand-edited file or an import may say: Spark with Eggroll's federation.
        f.window->document()->edit(QStringLiteral("edit"), [](Project &p) {
            p.engine.computing = QStringLiteral("Spark");
            p.engine.federation = QStringLiteral("Eggroll");
            p.engine.storage = QStringLiteral("HDFS");
        });
        QComboBox *federation = combo("engineFederation");
        QCOMPARE(federation->currentText(), QStringLiteral("Eggroll")); // what the project says, not a guess
        QVERIFY(federation->property("fd_hasError").toBool());
        QVERIFY2(federation->toolTip().contains(QLatin1String("not possible with computing Spark"))
                     && federation->toolTip().contains(QLatin1String("Pulsar or RabbitMQ")),
                 qPrintable(federation->toolTip()));
        // The problem list names the field; Enter there goes to it.
        auto *issues = find<QListWidget>("issueList");
        QListWidgetItem *item = nullptr;
        for (int i = 0; i < issues->count(); ++i)
            if (issues->item(i)->text().startsWith(QLatin1String("engine.federation: ")))
                item = issues->item(i);
        QVERIFY(item);
        issues->setCurrentItem(item);
        emit issues->itemActivated(item);
        QVERIFY(federation->hasFocus());
        choose(federation, QStringLiteral("Pulsar"));
        QVERIFY(!federation->property("fd_hasError").toBool());
        QVERIFY(f.window->document()->issuesFor(QStringLiteral("engine.federation")).isEmpty());
        QCOMPARE(items(federation), (QStringList{QStringLiteral("Pulsar"), QStringLiteral("RabbitMQ")}));

        // In Chinese: the labels and the reason.
        QCOMPARE(Language::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QTRY_VERIFY(labelOf(combo("engineComputing")).contains(QStringLiteral("计算")));
        f.window->document()->edit(QStringLiteral("edit"), [](Project &p) { p.engine.device = QStringLiteral("TPU"); });
        QComboBox *device = combo("engineDevice");
        QCOMPARE(device->currentText(), QStringLiteral("TPU"));
        QVERIFY(device->property("fd_hasError").toBool());
        QVERIFY2(device->toolTip().contains(QStringLiteral("不是")) && device->toolTip().contains(QLatin1String("GPU")),
                 qPrintable(device->toolTip()));
    }

    void servingHostInTheTableAndThePicture()
    {
        typeVersion(QStringLiteral("1.11.2"));
        f.window->showPage(MainWindow::Page::Topology);
        PartyTableModel *model = f.window->topologyPage()->partyModel();
        FederationView *picture = f.window->topologyPage()->federationView();
        QCOMPARE(model->index(0, PartyTableModel::ServingColumn).data().toString(),
                 PartyTableModel::tr("(no serving)"));
        QCOMPARE(picture->nodeLabel(0).size(), 1);
        // No serving anywhere: no serving-admin password to ask for.
        auto *admin = engine()->findChild<QLineEdit *>(QStringLiteral("servingAdminPassword"));
        QVERIFY(engine()->isVisible());
        QVERIFY(!admin->isVisible());
        const QString host = project().parties.at(0).host;
        QVERIFY(model->setData(model->index(0, PartyTableModel::ServingColumn), host));
        QCOMPARE(project().parties.at(0).servingHost, host);
        QVERIFY(admin->isVisible());
        QCOMPARE(labelOf(admin), EngineForm::tr("Serv&ing-admin password:"));
        QCOMPARE(picture->nodeLabel(0), (QStringList{host, FederationView::tr("+ serving")}));
        // Both lines fit above the top node even in a short picture (the engine box takes the room below).
        picture->resize(360, 300); // node radius: a eleventh of the shorter side
        const qreal lineHeight = QFontMetricsF(picture->font()).height() + 2;
        QVERIFY2(picture->nodeCenter(0).y() - 300 / 11.0 - 2 * lineHeight >= 0,
                 qPrintable(QString::number(picture->nodeCenter(0).y())));
        // Two parties' serving on one host would publish the same ports: the cell says so.
        QVERIFY(model->setData(model->index(1, PartyTableModel::ServingColumn), host));
        const QStringList reasons
            = model->index(1, PartyTableModel::ServingColumn).data(PartyTableModel::IssuesRole).toStringList();
        QVERIFY2(!reasons.isEmpty() && reasons.first().contains(QLatin1String("8000")),
                 qPrintable(reasons.join(QLatin1Char('\n'))));
        QCOMPARE(picture->nodeLabel(1).last(), FederationView::tr("+ serving on %1").arg(host));
        // 1.1.0 has no serving: the picture shows only the host again.
        typeVersion(QStringLiteral("1.1.0"));
        QCOMPARE(picture->nodeLabel(0).size(), 1);
    }

    void passwordsGoToTheKeychainOnly()
    {
        typeVersion(QStringLiteral("1.11.2"));
        f.window->document()->edit(QStringLiteral("serving"),
                                   [](Project &p) { p.parties[0].servingHost = p.parties[0].host; });
        f.window->showPage(MainWindow::Page::Topology);
        const std::pair<const char *, QString> typed[] = {{"mysqlPassword", QStringLiteral("Db-pw-8e1")},
                                                          {"fateboardPassword", QStringLiteral("Board-pw-8e2")},
                                                          {"servingAdminPassword", QStringLiteral("Admin-pw-8e3")}};
        for (const auto &[name, secret] : typed) {
            auto *edit = engine()->findChild<QLineEdit *>(QLatin1String(name));
            QVERIFY(edit && edit->isEnabled());
            QCOMPARE(edit->echoMode(), QLineEdit::Password);
            QTRY_COMPARE(edit->placeholderText(), EngineForm::tr("not set: type it to keep it in the system keychain"));
            edit->setFocus();
            QTest::keyClicks(edit, secret);
            QTest::keyClick(edit, Qt::Key_Return);
            QCOMPARE(edit->text(), QString()); // out of the field at once
            QTRY_COMPARE(edit->placeholderText(), EngineForm::tr("stored in the system keychain"));
        }
        QCOMPARE(engine()->pendingStores(), 0);
        QCOMPARE(m_store->writeCount(), 3);
        const Result<ServiceSecrets> stored = ServiceSecrets::load(*m_store, project());
        QVERIFY(stored.ok());
        QCOMPARE(stored->mysqlPassword, QStringLiteral("Db-pw-8e1"));
        QCOMPARE(stored->fateboardPassword, QStringLiteral("Board-pw-8e2"));
        QCOMPARE(stored->servingAdminPassword, QStringLiteral("Admin-pw-8e3"));
        // The project file holds none of them.
        QVERIFY(f.window->document()->save().ok());
        QFile saved(f.window->document()->filePath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY(text.contains("1.11.2"));
        QVERIFY(!text.contains("pw-8e"));
        // Another federation (other party ids) has its own passwords: the field says none is stored.
        f.window->document()->edit(QStringLiteral("id"), [](Project &p) { p.parties[0].id = 10001; });
        QTRY_COMPARE(engine()->findChild<QLineEdit *>(QStringLiteral("mysqlPassword"))->placeholderText(),
                     EngineForm::tr("not set: type it to keep it in the system keychain"));
    }

    void imagesPageListsTheErasImagesPerHost()
    {
        typeVersion(QStringLiteral("1.11.2"));
        auto *location = find<QLineEdit>("location");
        location->setFocus();
        location->selectAll();
        QTest::keyClicks(location, QStringLiteral(FD_TEST_DATA "/kubefate-1.11.2"));
        f.window->document()->edit(QStringLiteral("serving"),
                                   [](Project &p) { p.parties[1].servingHost = p.parties[1].host; });
        auto *tree = find<QTreeWidget>("imageTree");
        // Parties, the exchange, and party 9999's serving bundle, each with the era's images.
        QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItemCount(), 4, 30000);
        QStringList hosts;
        QStringList images;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            hosts << tree->topLevelItem(i)->text(0);
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                images << tree->topLevelItem(i)->child(j)->text(0);
        }
        QVERIFY2(hosts.filter(QStringLiteral("serving of party 9999")).size() == 1,
                 qPrintable(hosts.join(QLatin1Char('\n'))));
        QVERIFY2(images.contains(QStringLiteral("federatedai/fateflow:1.11.2-release")),
                 qPrintable(images.join(QLatin1Char('\n'))));
        QVERIFY2(images.contains(QStringLiteral("federatedai/serving-server:2.1.6-release")),
                 qPrintable(images.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestGuiEra)
#include "tst_gui_era.moc"

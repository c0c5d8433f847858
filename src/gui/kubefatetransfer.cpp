// SPDX-License-Identifier: Apache-2.0
#include "gui/kubefatetransfer.h"

#include "gui/dialogs.h"
#include "gui/projectcontroller.h"
#include "gui/projectdocument.h"
#include "kubefate/clusteryaml.h"
#include "kubefate/kubefateexporter.h"
#include "kubefate/kubefateformat.h"
#include "kubefate/kubefateimporter.h"
#include "model/servicesecrets.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QWidget>
#include <QtConcurrent>

namespace FateDeployer {

namespace {
QWidget *parentOf(ProjectController *files)
{
    return qobject_cast<QWidget *>(files->parent());
}

struct ClusterYamlOutcome
{
    QStringList written;
    QStringList existing; ///< refused: these files are there and overwriting was not asked for
    QString error;
    QStringList warnings;
};

void writeClusterYaml(QPointer<ProjectController> files, const Project &project, const QString &dir, bool overwrite)
{
    // One file per party into a folder that may be on a slow or network disk: not on the GUI thread.
    QtConcurrent::run([project, dir, overwrite] {
        ClusterYaml exporter;
        ClusterYamlOutcome outcome;
        const Result<QStringList> written = exporter.write(project, dir, overwrite, &outcome.existing);
        outcome.warnings = exporter.warnings();
        if (written)
            outcome.written = written.value();
        else if (outcome.existing.isEmpty())
            outcome.error = written.error();
        return outcome;
    }).then(files, [files, project, dir](const ClusterYamlOutcome &outcome) {
        if (!files)
            return;
        QWidget *parent = qobject_cast<QWidget *>(files->parent());
        if (!outcome.existing.isEmpty()) {
            Dialogs::ask(parent,
                         QMessageBox::Question,
                         KubefateTransfer::tr("Overwrite cluster.yaml files?"),
                         KubefateTransfer::tr("These files already exist:\n• %1\n\nOverwrite them?")
                             .arg(outcome.existing.join(QStringLiteral("\n• "))),
                         QMessageBox::Yes | QMessageBox::Cancel,
                         QMessageBox::Cancel,
                         [files, project, dir](QMessageBox::StandardButton answer) {
                             if (answer == QMessageBox::Yes)
                                 writeClusterYaml(files, project, dir, true);
                         });
            return;
        }
        if (!outcome.error.isEmpty()) {
            files->reportError(KubefateTransfer::tr("Cannot export cluster.yaml"), outcome.error);
            return;
        }
        QString text = KubefateTransfer::tr("Wrote to %1:").arg(QDir::toNativeSeparators(dir)) + QStringLiteral("\n• ")
                       + outcome.written.join(QStringLiteral("\n• ")) + QStringLiteral("\n\n")
                       + KubefateTransfer::tr("On the Kubernetes side, install each file with: kubefate cluster "
                                              "install -f FILE");
        if (!outcome.warnings.isEmpty())
            text += QStringLiteral("\n\n") + KubefateTransfer::tr("Not exported:") + QStringLiteral("\n• ")
                    + outcome.warnings.join(QStringLiteral("\n• "));
        Dialogs::ask(parent,
                     QMessageBox::Information,
                     KubefateTransfer::tr("cluster.yaml exported"),
                     text,
                     QMessageBox::Ok,
                     QMessageBox::Ok,
                     [](QMessageBox::StandardButton) {});
    });
}

void inform(QWidget *parent, const QString &title, const QString &text)
{
    Dialogs::ask(parent,
                 QMessageBox::Information,
                 title,
                 text,
                 QMessageBox::Ok,
                 QMessageBox::Ok,
                 [](QMessageBox::StandardButton) {});
}
} // namespace

void KubefateTransfer::importInto(ProjectController *files, std::shared_ptr<SecretStore> secrets)
{
    files->ifChangesHandled([files, secrets] {
        Dialogs::openFile(
            parentOf(files),
            tr("Import KubeFATE configuration"),
            tr("KubeFATE configuration (docker-configuration.sh parties.conf);;All files (*)"),
            [files, secrets](const QString &path) {
                if (path.isEmpty())
                    return;
                // Two small text files: reading them here is quicker than a thread hop.
                KubefateImporter importer;
                Result<Project> imported = importer.importFiles(path);
                if (!imported) {
                    files->reportError(tr("Cannot import KubeFATE configuration"), imported.error());
                    return;
                }
                Project project = imported.value();
                if (project.name.isEmpty())
                    project.name = tr("Imported from %1").arg(QFileInfo(path).fileName());
                files->load(project, {}, true);
                QString text = tr("Imported %n party(s) from %1.", nullptr, int(project.parties.size()))
                                   .arg(QDir::toNativeSeparators(path));
                if (!importer.envPath().isEmpty())
                    text += QLatin1Char(' ')
                            + tr("Image settings from %1.").arg(QDir::toNativeSeparators(importer.envPath()));
                if (!importer.warnings().isEmpty())
                    text += QStringLiteral("\n\n") + tr("Not taken over:") + QStringLiteral("\n• ")
                            + importer.warnings().join(QStringLiteral("\n• "));
                // The file's passwords go to the keychain (it may wait for an unlock dialog: not on this thread).
                const ServiceSecrets found = importer.secrets();
                if (secrets && !found.maskable().isEmpty()) {
                    text += QStringLiteral("\n\n")
                            + tr("Its passwords go to the system keychain, never into the project file.");
                    QPointer<ProjectController> guard(files);
                    QtConcurrent::run([secrets, found, project] {
                        return found.save(*secrets, project);
                    }).then(files, [guard](const Status &stored) {
                        if (guard && !stored)
                            guard->reportError(tr("Cannot store the passwords in the keychain"), stored.error());
                    });
                }
                text += QStringLiteral("\n\n") + tr("Save the project to keep it.");
                inform(parentOf(files), tr("KubeFATE configuration imported"), text);
            });
    });
}

void KubefateTransfer::exportFrom(ProjectController *files)
{
    Dialogs::openDirectory(parentOf(files), tr("Folder for the KubeFATE files"), [files](const QString &dir) {
        if (dir.isEmpty())
            return;
        const Project &project = files->document()->project();
        const KubefateFormat format = kubefateFormatForVersion(project.templates.kubefateVersion);
        // A folder that already holds KubeFATE's files (a docker-deploy checkout) is updated in place:
        // its layout and comments stay, only changed values are rewritten.
        const bool update = QFileInfo::exists(QDir(dir).filePath(kubefateConfigFileName(format)));
        KubefateExporter exporter;
        Status status
            = exporter.write(project,
                             format,
                             dir,
                             false,
                             nullptr,
                             update ? KubefateExporter::WriteMode::Update : KubefateExporter::WriteMode::Replace);
        if (!status) {
            files->reportError(tr("Cannot export KubeFATE configuration"), status.error());
            return;
        }
        QString text
            = update
                  ? tr("Updated %1 and .env in %2; only changed values were rewritten.")
                        .arg(kubefateConfigFileName(format), QDir::toNativeSeparators(dir))
                  : tr("Wrote %1 and .env to %2.").arg(kubefateConfigFileName(format), QDir::toNativeSeparators(dir));
        if (!exporter.warnings().isEmpty())
            text += QStringLiteral("\n\n") + tr("KubeFATE's files cannot carry:") + QStringLiteral("\n• ")
                    + exporter.warnings().join(QStringLiteral("\n• "));
        inform(parentOf(files), tr("KubeFATE configuration exported"), text);
    });
}

void KubefateTransfer::exportClusterYaml(ProjectController *files)
{
    Dialogs::openDirectory(parentOf(files), tr("Folder for the cluster.yaml files"), [files](const QString &dir) {
        if (!dir.isEmpty()) // a copy of the project goes to the worker: the document stays on this thread
            writeClusterYaml(files, files->document()->project(), dir, false);
    });
}

} // namespace FateDeployer

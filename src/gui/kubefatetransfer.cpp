// SPDX-License-Identifier: Apache-2.0
#include "gui/kubefatetransfer.h"

#include "gui/dialogs.h"
#include "gui/projectcontroller.h"
#include "gui/projectdocument.h"
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

} // namespace FateDeployer

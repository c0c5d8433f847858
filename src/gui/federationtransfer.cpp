// SPDX-License-Identifier: Apache-2.0
#include "gui/federationtransfer.h"

#include "federation/federationfile.h"
#include "federation/partycard.h"
#include "gui/dialogs.h"
#include "gui/projectcontroller.h"
#include "gui/projectdocument.h"

#include <QDir>
#include <QFileInfo>
#include <QWidget>

namespace FateDeployer {

namespace {
QWidget *parentOf(ProjectController *files)
{
    return qobject_cast<QWidget *>(files->parent());
}

QString listHtml(const QStringList &lines)
{
    QString html = QStringLiteral("<ul>");
    for (const QString &line : lines)
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

void inform(QWidget *parent, const QString &title, const QString &html)
{
    Dialogs::ask(parent,
                 QMessageBox::Information,
                 title,
                 html,
                 QMessageBox::Ok,
                 QMessageBox::Ok,
                 [](QMessageBox::StandardButton) {});
}

/// Shows the changes and applies them as one undoable edit when the user accepts.
void offer(ProjectController *files,
           const QString &title,
           const QString &intro,
           const QStringList &changes,
           const Project &updated,
           const QString &editText)
{
    const QString html
        = intro + listHtml(changes) + QStringLiteral("<p>%1</p>").arg(FederationTransfer::tr("Accept these changes?"));
    Dialogs::ask(parentOf(files),
                 QMessageBox::Question,
                 title,
                 html,
                 QMessageBox::Yes | QMessageBox::No,
                 QMessageBox::No,
                 [files, updated, editText](QMessageBox::StandardButton answer) {
                     if (answer == QMessageBox::Yes)
                         files->document()->edit(editText, [updated](Project &p) { p = updated; });
                 });
}
} // namespace

QString FederationTransfer::fingerprintHtml(const QString &fingerprint)
{
    return QStringLiteral("<p style=\"font-size:x-large\"><b><tt>%1</tt></b></p>").arg(fingerprint.toHtmlEscaped());
}

void FederationTransfer::exportCard(ProjectController *files, const QList<int> &selectedPartyIds)
{
    const Project &project = files->document()->project();
    int id = selectedPartyIds.value(0);
    if (id == 0)
        for (const Party &party : project.parties)
            if (!party.external) {
                id = party.id;
                break;
            }
    const Result<PartyCard> card = PartyCard::fromProject(project, id);
    if (!card) {
        files->reportError(tr("Cannot export the party card"), card.error());
        return;
    }
    const QString suggested = QDir(files->projectDir()).filePath(QStringLiteral("party-%1.card.json").arg(id));
    Dialogs::saveFile(parentOf(files),
                      tr("Export party card of party %1").arg(id),
                      suggested,
                      tr("Party cards (*.card.json *.json);;All files (*)"),
                      QStringLiteral("json"),
                      [files, card = card.value()](const QString &path) {
                          if (path.isEmpty())
                              return;
                          if (Status saved = card.save(path); !saved) {
                              files->reportError(tr("Cannot export the party card"), saved.error());
                              return;
                          }
                          inform(parentOf(files),
                                 tr("Party card exported"),
                                 tr("<p>Wrote the card of party %1 to %2: reached at %3:%4, KubeFATE %5. Send it "
                                    "to the federation's coordinator; it holds no password and no SSH "
                                    "setting.</p>")
                                     .arg(card.partyId)
                                     .arg(QDir::toNativeSeparators(path).toHtmlEscaped(), card.address)
                                     .arg(card.port)
                                     .arg(card.kubefateVersion));
                      });
}

void FederationTransfer::importCard(ProjectController *files)
{
    Dialogs::openFile(
        parentOf(files),
        tr("Import party card"),
        tr("Party cards (*.card.json *.json);;All files (*)"),
        [files](const QString &path) {
            if (path.isEmpty())
                return;
            // A few hundred bytes at most (the reader refuses more than 64 KiB): read here.
            const Result<PartyCard> card = PartyCard::load(path);
            if (!card) {
                files->reportError(tr("Cannot import the party card"), card.error());
                return;
            }
            const Project &project = files->document()->project();
            QStringList warnings;
            const Project updated = card->applyTo(project, &warnings);
            const QStringList changes = describeFederationChanges(project, updated);
            if (changes.isEmpty()) {
                inform(parentOf(files),
                       tr("Party card"),
                       tr("<p>Party %1 is already as its card says; nothing changes.</p>").arg(card->partyId));
                return;
            }
            QString intro = tr("<p>The card of party %1 changes the project:</p>").arg(card->partyId);
            if (!warnings.isEmpty())
                intro += listHtml(warnings);
            offer(files,
                  tr("Import party card"),
                  intro,
                  changes,
                  updated,
                  tr("Import the card of party %1").arg(card->partyId));
        });
}

void FederationTransfer::exportFederation(ProjectController *files)
{
    const QString suggested = QDir(files->projectDir()).filePath(QStringLiteral("federation.json"));
    Dialogs::saveFile(
        parentOf(files),
        tr("Export federation file"),
        suggested,
        tr("Federation files (*.json);;All files (*)"),
        QStringLiteral("json"),
        [files](const QString &path) {
            if (path.isEmpty())
                return;
            const Project &project = files->document()->project();
            const FederationFile f = FederationFile::forExport(project);
            if (Result<FederationFile> check = FederationFile::fromJson(f.toJson()); !check) {
                files->reportError(tr("Cannot export the federation file"), check.error());
                return;
            }
            if (Status saved = f.save(path); !saved) {
                files->reportError(tr("Cannot export the federation file"), saved.error());
                return;
            }
            if (project.federation.revision != f.revision || project.federation.sha256 != f.sha256()) {
                const int revision = f.revision;
                const QString sha = f.sha256();
                files->document()->edit(tr("Export federation revision %1").arg(revision), [revision, sha](Project &p) {
                    p.federation.revision = revision;
                    p.federation.sha256 = sha;
                });
            }
            inform(parentOf(files),
                   tr("Federation file exported"),
                   tr("<p>Wrote revision %1 of the federation (%2 parties) to %3.</p><p>Its fingerprint — "
                      "read it to every team, who compare it with what their import shows:</p>")
                           .arg(f.revision)
                           .arg(f.parties.size())
                           .arg(QDir::toNativeSeparators(path).toHtmlEscaped())
                       + fingerprintHtml(f.fingerprint()));
        });
}

void FederationTransfer::importFederation(ProjectController *files)
{
    Dialogs::openFile(
        parentOf(files),
        tr("Import federation file"),
        tr("Federation files (*.json);;All files (*)"),
        [files](const QString &path) {
            if (path.isEmpty())
                return;
            const Result<FederationFile> f = FederationFile::load(path);
            if (!f) {
                files->reportError(tr("Cannot import the federation file"), f.error());
                return;
            }
            const Project &project = files->document()->project();
            const Project updated = f->applyTo(project);
            const QStringList changes = describeFederationChanges(project, updated);
            const QString intro
                = tr("<p>Federation \"%1\", revision %2. Compare this fingerprint with the one the coordinator "
                     "reads out:</p>")
                      .arg(f->name.toHtmlEscaped())
                      .arg(f->revision)
                  + fingerprintHtml(f->fingerprint());
            if (changes.isEmpty()) {
                inform(parentOf(files), tr("Federation file"), intro + tr("<p>Nothing changes.</p>"));
                return;
            }
            offer(files,
                  tr("Import federation file"),
                  intro + tr("<p>Your SSH settings and passwords stay as they are. Changes:</p>"),
                  changes,
                  updated,
                  tr("Import federation revision %1").arg(f->revision));
        });
}

} // namespace FateDeployer

// SPDX-License-Identifier: Apache-2.0
#include "gui/dialogs.h"

#include <QFileDialog>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace FateDeployer::Dialogs {

namespace {
std::optional<QString> nextFileName;
std::optional<QMessageBox::StandardButton> nextAnswer;
QString lastText;

bool answerFromSeam(QObject *context, const FileCallback &done)
{
    if (!nextFileName)
        return false;
    QString path = *nextFileName;
    nextFileName.reset();
    QTimer::singleShot(0, context, [done, path] { done(path); });
    return true;
}

void runFileDialog(QFileDialog *dialog, const FileCallback &done)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::finished, dialog, [dialog, done](int result) {
        const QStringList files = dialog->selectedFiles();
        done(result == QDialog::Accepted && !files.isEmpty() ? files.first() : QString());
    });
    dialog->open();
}
} // namespace

void setNextFileName(const QString &path)
{
    nextFileName = path;
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswer = answer;
}

QString lastMessage()
{
    return lastText;
}

void openFile(QWidget *parent, const QString &title, const QString &filter, const FileCallback &done)
{
    if (answerFromSeam(parent, done))
        return;
    auto *dialog = new QFileDialog(parent, title, {}, filter);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    runFileDialog(dialog, done);
}

void saveFile(QWidget *parent,
              const QString &title,
              const QString &suggestedPath,
              const QString &filter,
              const QString &defaultSuffix,
              const FileCallback &done)
{
    if (answerFromSeam(parent, done))
        return;
    auto *dialog = new QFileDialog(parent, title, suggestedPath, filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(defaultSuffix);
    runFileDialog(dialog, done);
}

void openDirectory(QWidget *parent, const QString &title, const FileCallback &done)
{
    if (answerFromSeam(parent, done))
        return;
    auto *dialog = new QFileDialog(parent, title);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    runFileDialog(dialog, done);
}

void ask(QWidget *parent,
         QMessageBox::Icon icon,
         const QString &title,
         const QString &text,
         QMessageBox::StandardButtons buttons,
         QMessageBox::StandardButton defaultButton,
         const AnswerCallback &done)
{
    lastText = text;
    if (nextAnswer) {
        const QMessageBox::StandardButton answer = *nextAnswer;
        nextAnswer.reset();
        QTimer::singleShot(0, parent, [done, answer] { done(answer); });
        return;
    }
    auto *box = new QMessageBox(icon, title, text, buttons, parent);
    box->setDefaultButton(defaultButton);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("questionBox"));
    QObject::connect(box, &QMessageBox::finished, box, [box, done](int) {
        done(box->standardButton(box->clickedButton()) == QMessageBox::NoButton
                 ? QMessageBox::Cancel
                 : box->standardButton(box->clickedButton()));
    });
    box->open();
}

void showError(QWidget *parent, const QString &title, const QString &text)
{
    lastText = text;
    if (nextAnswer) { // a test expecting an error acknowledges it like any question
        nextAnswer.reset();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorBox"));
    box->open();
}

} // namespace FateDeployer::Dialogs

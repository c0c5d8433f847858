// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

namespace FateDeployer {

/// Non-modal file and question dialogs (open(), never exec()): the answer arrives in a
/// callback. Tests answer through setNext*(), which the next call consumes instead of
/// showing a dialog (still answering asynchronously, like a user would).
namespace Dialogs {

using FileCallback = std::function<void(const QString &path)>; ///< empty path = cancelled
using AnswerCallback = std::function<void(QMessageBox::StandardButton)>;

void openFile(QWidget *parent, const QString &title, const QString &filter, const FileCallback &done);
void saveFile(QWidget *parent,
              const QString &title,
              const QString &suggestedPath,
              const QString &filter,
              const QString &defaultSuffix,
              const FileCallback &done);
void openDirectory(QWidget *parent, const QString &title, const FileCallback &done);

/// A question with standard buttons; @p context guards the callback's lifetime.
void ask(QWidget *parent,
         QMessageBox::Icon icon,
         const QString &title,
         const QString &text,
         QMessageBox::StandardButtons buttons,
         QMessageBox::StandardButton defaultButton,
         const AnswerCallback &done);
void showError(QWidget *parent, const QString &title, const QString &text);

// Test seams.
void setNextFileName(const QString &path);
void setNextAnswer(QMessageBox::StandardButton answer);
/// The text of the last error or question shown (or answered by a seam).
QString lastMessage();

} // namespace Dialogs
} // namespace FateDeployer

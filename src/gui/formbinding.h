// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"

#include <QString>

#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace FateDeployer {

class ProjectDocument;

/// Two-way bindings between form widgets and one project field, through the document's
/// undo stack. Typing in one field collapses into one undo step; the field shows the
/// validator's verdict as an icon inside the line edit and the reasons as its tooltip.
namespace FormBinding {

void lineEdit(QLineEdit *edit,
              ProjectDocument *doc,
              const QString &field,
              const QString &undoText,
              std::function<QString(const Project &)> get,
              std::function<void(Project &, const QString &)> set);

void spinBox(QSpinBox *spin,
             ProjectDocument *doc,
             const QString &field,
             const QString &undoText,
             std::function<int(const Project &)> get,
             std::function<void(Project &, int)> set);

void checkBox(QCheckBox *box,
              ProjectDocument *doc,
              const QString &field,
              const QString &undoText,
              std::function<bool(const Project &)> get,
              std::function<void(Project &, bool)> set);

/// Binds the combo's current itemData (a string or int).
void comboBox(QComboBox *combo,
              ProjectDocument *doc,
              const QString &field,
              const QString &undoText,
              std::function<QVariant(const Project &)> get,
              std::function<void(Project &, const QVariant &)> set);

/// Shows the issues of @p field on any widget (tooltip + a red/amber frame via a property).
void showIssues(QWidget *widget, ProjectDocument *doc, const QString &field);

} // namespace FormBinding
} // namespace FateDeployer

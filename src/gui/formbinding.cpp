// SPDX-License-Identifier: Apache-2.0
#include "gui/formbinding.h"

#include "gui/icons.h"
#include "gui/projectdocument.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace FateDeployer::FormBinding {

namespace {
constexpr const char *IssueActionProperty = "fd_issueAction";
constexpr const char *BaseToolTipProperty = "fd_baseToolTip";

void decorate(QWidget *widget, ProjectDocument *doc, const QString &field)
{
    const QList<ValidationIssue> issues = doc->issuesFor(field);
    if (!widget->property(BaseToolTipProperty).isValid())
        widget->setProperty(BaseToolTipProperty, widget->toolTip());
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines.append(issue.message);
    const QString base = widget->property(BaseToolTipProperty).toString();
    widget->setToolTip(lines.isEmpty() ? base : lines.join(QLatin1Char('\n')));
    widget->setProperty("fd_issues", lines);
    widget->setProperty("fd_hasError", Validator::hasErrors(issues));

    if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
        auto *action = edit->property(IssueActionProperty).value<QAction *>();
        if (!action) {
            action = edit->addAction(QIcon(), QLineEdit::TrailingPosition);
            edit->setProperty(IssueActionProperty, QVariant::fromValue(action));
        }
        action->setVisible(!issues.isEmpty());
        action->setIcon(Icons::icon(Validator::hasErrors(issues) ? Icons::Glyph::Error : Icons::Glyph::Warning));
        action->setToolTip(widget->toolTip());
    }
}
} // namespace

void showIssues(QWidget *widget, ProjectDocument *doc, const QString &field)
{
    decorate(widget, doc, field);
    QObject::connect(doc, &ProjectDocument::changed, widget, [=] { decorate(widget, doc, field); });
}

void lineEdit(QLineEdit *edit,
              ProjectDocument *doc,
              const QString &field,
              const QString &undoText,
              std::function<QString(const Project &)> get,
              std::function<void(Project &, const QString &)> set)
{
    edit->setProperty("fd_field", field);
    auto refresh = [=] {
        const QString value = get(doc->project());
        if (edit->text() != value) {
            edit->setText(value);
            // A value loaded into a field the user is not typing in shows its beginning (setText
            // leaves the cursor at the end, so a long project name showed only its tail).
            if (!edit->hasFocus())
                edit->setCursorPosition(0);
        }
    };
    refresh();
    QObject::connect(doc, &ProjectDocument::changed, edit, refresh);
    QObject::connect(edit, &QLineEdit::textEdited, edit, [=](const QString &text) {
        doc->edit(
            undoText, [&](Project &p) { set(p, text.trimmed()); }, field);
    });
    // A new field means a new undo step even if the same field is typed into again later.
    QObject::connect(edit, &QLineEdit::editingFinished, doc, &ProjectDocument::endMerge);
    showIssues(edit, doc, field);
}

void spinBox(QSpinBox *spin,
             ProjectDocument *doc,
             const QString &field,
             const QString &undoText,
             std::function<int(const Project &)> get,
             std::function<void(Project &, int)> set)
{
    spin->setProperty("fd_field", field);
    auto refresh = [=] {
        const int value = get(doc->project());
        if (spin->value() != value) {
            const QSignalBlocker blocker(spin);
            spin->setValue(value);
        }
    };
    refresh();
    QObject::connect(doc, &ProjectDocument::changed, spin, refresh);
    QObject::connect(spin, &QSpinBox::valueChanged, spin, [=](int value) {
        doc->edit(
            undoText, [&](Project &p) { set(p, value); }, field);
    });
    showIssues(spin, doc, field);
}

void checkBox(QCheckBox *box,
              ProjectDocument *doc,
              const QString &field,
              const QString &undoText,
              std::function<bool(const Project &)> get,
              std::function<void(Project &, bool)> set)
{
    box->setProperty("fd_field", field);
    auto refresh = [=] {
        const QSignalBlocker blocker(box);
        box->setChecked(get(doc->project()));
    };
    refresh();
    QObject::connect(doc, &ProjectDocument::changed, box, refresh);
    QObject::connect(
        box, &QCheckBox::toggled, box, [=](bool on) { doc->edit(undoText, [&](Project &p) { set(p, on); }); });
    showIssues(box, doc, field);
}

void comboBox(QComboBox *combo,
              ProjectDocument *doc,
              const QString &field,
              const QString &undoText,
              std::function<QVariant(const Project &)> get,
              std::function<void(Project &, const QVariant &)> set)
{
    combo->setProperty("fd_field", field);
    auto refresh = [=] {
        const int index = combo->findData(get(doc->project()));
        if (index >= 0 && index != combo->currentIndex()) {
            const QSignalBlocker blocker(combo);
            combo->setCurrentIndex(index);
        }
    };
    refresh();
    QObject::connect(doc, &ProjectDocument::changed, combo, refresh);
    QObject::connect(combo, &QComboBox::activated, combo, [=](int index) {
        const QVariant data = combo->itemData(index);
        doc->edit(undoText, [&](Project &p) { set(p, data); });
    });
    showIssues(combo, doc, field);
}

} // namespace FateDeployer::FormBinding

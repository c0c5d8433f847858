// SPDX-License-Identifier: Apache-2.0
#include "gui/prompter.h"

#include "gui/icons.h"
#include "remote/prompter.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <utility>

namespace FateDeployer {

GuiPrompter::GuiPrompter(QWidget *parentWindow)
    : QObject(parentWindow)
    , m_parent(parentWindow)
{}

GuiPrompter::~GuiPrompter() = default;

QList<QDialog *> GuiPrompter::openDialogs() const
{
    QList<QDialog *> out;
    for (const QPointer<QDialog> &d : m_dialogs) {
        if (d && d->isVisible())
            out.append(d);
    }
    return out;
}

void GuiPrompter::cancelAll()
{
    const QList<QPointer<QDialog>> dialogs = std::exchange(m_dialogs, {});
    for (const QPointer<QDialog> &d : dialogs) {
        if (d && d->isVisible())
            d->reject(); // answers "no" to the waiting job
    }
}

std::unique_ptr<Prompter> GuiPrompter::engineAdapter()
{
    QPointer<GuiPrompter> self(this);
    auto hostKey = [self](const ::FateDeployer::HostKeyQuestion &q, std::function<void(HostKeyAnswer)> reply) {
        if (!self) {
            reply(HostKeyAnswer::Reject);
            return;
        }
        const QString host = q.address.isEmpty() || q.address == q.host ? q.host : tr("%1 (%2)").arg(q.host, q.address);
        self->askHostKey({host, q.port, q.keyType, q.fingerprint, false},
                         [reply](bool trust) { reply(trust ? HostKeyAnswer::Accept : HostKeyAnswer::Reject); });
    };
    auto secret
        = [self](const ::FateDeployer::SecretQuestion &q, std::function<void(::FateDeployer::SecretAnswer)> reply) {
              if (!self) {
                  reply({});
                  return;
              }
              SecretQuestion mine;
              mine.host = q.host;
              mine.offerRemember = q.canRemember;
              switch (q.kind) {
              case ::FateDeployer::SecretQuestion::Kind::Password:
                  mine.kind = SecretKind::Password;
                  mine.user = q.user;
                  break;
              case ::FateDeployer::SecretQuestion::Kind::KeyPassphrase:
                  mine.kind = SecretKind::Passphrase;
                  mine.user = q.keyFile;
                  break;
              case ::FateDeployer::SecretQuestion::Kind::KeyboardInteractive:
                  mine.kind = SecretKind::Password;
                  mine.user = q.user;
                  mine.prompt = q.title.isEmpty() ? q.prompt : q.title + QLatin1Char('\n') + q.prompt;
                  break;
              }
              if (q.retry)
                  mine.prompt = tr("The previous answer was not accepted.")
                                + (mine.prompt.isEmpty() ? QString() : QLatin1Char('\n') + mine.prompt);
              self->askSecret(mine, [reply](std::optional<SecretAnswer> answer) {
                  ::FateDeployer::SecretAnswer out;
                  out.cancelled = !answer.has_value();
                  if (answer) {
                      out.secret = answer->secret;
                      out.remember = answer->remember;
                  }
                  reply(out);
              });
          };
    return std::make_unique<MarshallingPrompter>(this, hostKey, secret);
}

void GuiPrompter::askHostKey(const HostKeyQuestion &q, HostKeyCallback done)
{
    auto *dialog = new QDialog(m_parent);
    dialog->setObjectName(QStringLiteral("hostKeyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(q.changed ? tr("Host key changed") : tr("New host key"));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(dialog);
    intro->setWordWrap(true);
    if (q.changed)
        intro->setText(tr("<b>The host key of %1 (port %2) is not the one recorded in known_hosts.</b><br>"
                          "Someone may be intercepting the connection, or the host was reinstalled. Trust the "
                          "new key only if its administrator confirms this fingerprint.")
                           .arg(q.host.toHtmlEscaped())
                           .arg(q.port));
    else
        intro->setText(tr("This is the first connection to <b>%1</b> (port %2). Compare the fingerprint with the "
                          "one the host's administrator gives you (<tt>ssh-keygen -lf "
                          "/etc/ssh/ssh_host_ed25519_key.pub</tt> on the host).")
                           .arg(q.host.toHtmlEscaped())
                           .arg(q.port));
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    form->addRow(tr("Key type:"), new QLabel(q.keyType, dialog));
    auto *fp = new QLabel(q.fingerprint, dialog);
    fp->setObjectName(QStringLiteral("fingerprint"));
    fp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fp->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("Fingerprint:"), fp);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *trust = buttons->addButton(tr("&Trust and remember"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    QPushButton *reject = buttons->addButton(tr("&Do not connect"), QDialogButtonBox::RejectRole);
    reject->setObjectName(QStringLiteral("rejectButton"));
    // A changed key must never be one Enter away from being trusted.
    (q.changed ? reject : trust)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    // finished fires exactly once (accept, reject, Esc or close), so the engine always gets an answer.
    connect(dialog, &QDialog::finished, dialog, [dialog, done](int result) {
        dialog->disconnect(dialog, &QDialog::finished, nullptr, nullptr); // exactly one answer
        done(result == QDialog::Accepted);
    });
    m_dialogs.removeIf([](const QPointer<QDialog> &d) { return d.isNull(); });
    m_dialogs.append(dialog);
    dialog->open();
}

void GuiPrompter::askSecret(const SecretQuestion &q, SecretCallback done)
{
    auto *dialog = new QDialog(m_parent);
    dialog->setObjectName(QStringLiteral("secretDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(dialog);
    intro->setWordWrap(true);
    QString label;
    switch (q.kind) {
    case SecretKind::Password:
        dialog->setWindowTitle(tr("SSH password"));
        intro->setText(tr("Password for <b>%1</b> on <b>%2</b>:").arg(q.user.toHtmlEscaped(), q.host.toHtmlEscaped()));
        label = tr("&Password:");
        break;
    case SecretKind::Passphrase:
        dialog->setWindowTitle(tr("Key passphrase"));
        intro->setText(tr("Passphrase of the private key <b>%1</b> (to log in to %2):")
                           .arg(q.user.toHtmlEscaped(), q.host.toHtmlEscaped()));
        label = tr("P&assphrase:");
        break;
    case SecretKind::RegistryPassword:
        dialog->setWindowTitle(tr("Registry password"));
        intro->setText(tr("Password of <b>%1</b> for the image registry <b>%2</b>:")
                           .arg(q.user.toHtmlEscaped(), q.host.toHtmlEscaped()));
        label = tr("&Password:");
        break;
    }
    layout->addWidget(intro);
    if (!q.prompt.isEmpty()) {
        auto *serverPrompt = new QLabel(tr("The server asks: %1").arg(q.prompt), dialog);
        serverPrompt->setWordWrap(true);
        serverPrompt->setTextFormat(Qt::PlainText);
        layout->addWidget(serverPrompt);
    }
    auto *form = new QFormLayout;
    auto *edit = new QLineEdit(dialog);
    edit->setObjectName(QStringLiteral("secretEdit"));
    edit->setEchoMode(QLineEdit::Password);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    form->addRow(label, edit);
    layout->addLayout(form);
    auto *remember = new QCheckBox(tr("&Remember in the system keychain"), dialog);
    remember->setObjectName(QStringLiteral("rememberCheck"));
    remember->setVisible(q.offerRemember);
    layout->addWidget(remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::finished, dialog, [dialog, done, edit, remember](int result) {
        dialog->disconnect(dialog, &QDialog::finished, nullptr, nullptr); // exactly one answer
        if (result != QDialog::Accepted) {
            done(std::nullopt);
            return;
        }
        SecretAnswer answer{edit->text(), remember->isChecked()};
        edit->clear(); // do not leave the secret in the widget's buffer longer than needed
        done(answer);
    });
    m_dialogs.removeIf([](const QPointer<QDialog> &d) { return d.isNull(); });
    m_dialogs.append(dialog);
    dialog->open();
    edit->setFocus();
}

} // namespace FateDeployer

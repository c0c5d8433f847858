// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QDialog;

namespace FateDeployer {

class Prompter;

/// Host-key and password/passphrase questions from the engine, shown as non-modal dialogs
/// (open(), no nested event loop). The engine's job thread waits on its own primitive while
/// the answer comes back through the callback on the GUI thread. An adapter implements
/// remote/prompter.h's interface on top of this class.
class GuiPrompter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiPrompter)

public:
    struct HostKeyQuestion
    {
        QString host;
        int port = 22;
        QString keyType;      ///< "ssh-ed25519"
        QString fingerprint;  ///< "SHA256:…"
        bool changed = false; ///< the key differs from known_hosts: possible attack
    };
    enum class SecretKind { Password, Passphrase, RegistryPassword };
    struct SecretQuestion
    {
        SecretKind kind = SecretKind::Password;
        QString host;   ///< or the registry address
        QString user;   ///< or the key file for a passphrase
        QString prompt; ///< server's keyboard-interactive prompt, if any
        bool offerRemember = true;
    };
    struct SecretAnswer
    {
        QString secret;
        bool remember = false;
    };
    using HostKeyCallback = std::function<void(bool trust)>;
    using SecretCallback = std::function<void(std::optional<SecretAnswer>)>;

    explicit GuiPrompter(QWidget *parentWindow);
    ~GuiPrompter() override;

    /// Must be called on the GUI thread (queue it from job threads).
    void askHostKey(const HostKeyQuestion &question, HostKeyCallback done);
    void askSecret(const SecretQuestion &question, SecretCallback done);

    /// The engine's Prompter (remote/prompter.h) on top of these dialogs: called on a job thread,
    /// it marshals to the GUI thread, shows the dialog with open() and waits only in that job
    /// thread (cancellable). Give it to the session/runner of each deploy.
    std::unique_ptr<Prompter> engineAdapter();

    /// Open question dialogs (tests find and answer them; closing the window cancels them).
    QList<QDialog *> openDialogs() const;
    void cancelAll();

private:
    QPointer<QWidget> m_parent;
    QList<QPointer<QDialog>> m_dialogs;
};

} // namespace FateDeployer

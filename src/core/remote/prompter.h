// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "remote/canceltoken.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace FateDeployer {

/// An unknown host key, to be accepted or rejected by the user.
struct HostKeyQuestion
{
    QString host;    ///< as configured (alias or name)
    QString address; ///< the name or address really connected to (HostName after ~/.ssh/config)
    int port = 22;
    QString keyType;        ///< e.g. "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QString fingerprint;    ///< OpenSSH format, e.g. "SHA256:uJ1f0L...Xw" (base64, no padding)
    QString knownHostsFile; ///< where an accepted key will be appended
};

enum class HostKeyAnswer { Reject, Accept };

/// A secret the session needs. One question per prompt; keyboard-interactive asks one per server prompt.
struct SecretQuestion
{
    enum class Kind { Password, KeyPassphrase, KeyboardInteractive };
    Kind kind = Kind::Password;
    QString host; ///< SshEndpoint::displayName(), e.g. "fate@10.0.0.1:22"
    QString user;
    QString keyFile;         ///< KeyPassphrase: the private key file
    QString title;           ///< KeyboardInteractive: the server's name/instruction text (may be empty)
    QString prompt;          ///< KeyboardInteractive: the server's prompt, e.g. "Password: "; else empty
    bool echo = false;       ///< KeyboardInteractive: the server allows echoing the answer
    bool retry = false;      ///< a previous answer for the same thing was wrong
    bool canRemember = true; ///< a keychain is available to store the answer
};

struct SecretAnswer
{
    bool cancelled = true;
    QString secret;
    bool remember = false; ///< store in the keychain (SecretStore) once the login succeeded
};

/// The questions a session asks its user. The GUI and the CLI implement this.
///
/// Both functions are called on the JOB thread and return the answer (they block that thread only).
/// An implementation must (a) marshal to its own thread (GUI: a non-modal dialog opened with open(), never
/// exec()), (b) return promptly with Reject / cancelled when `cancel` is cancelled, even if its UI is still
/// showing. MarshallingPrompter below does (a) and (b) for any QObject-thread implementation.
class Prompter
{
public:
    virtual ~Prompter() = default;
    virtual HostKeyAnswer askHostKey(const HostKeyQuestion &question, const CancelToken &cancel) = 0;
    virtual SecretAnswer askSecret(const SecretQuestion &question, const CancelToken &cancel) = 0;
};

/// A Prompter whose handlers run asynchronously on `context`'s thread (e.g. the GUI thread).
/// The handler receives a reply function, may show a non-modal dialog, and calls reply exactly once, later,
/// from that thread (calls after the job gave up are ignored). The job thread waits on a condition variable,
/// checking `cancel` every 50 ms; cancellation, destruction of `context` or of the prompter releases the wait.
class MarshallingPrompter : public Prompter
{
public:
    using HostKeyHandler = std::function<void(const HostKeyQuestion &, std::function<void(HostKeyAnswer)> reply)>;
    using SecretHandler = std::function<void(const SecretQuestion &, std::function<void(SecretAnswer)> reply)>;

    MarshallingPrompter(QObject *context, HostKeyHandler hostKeyHandler, SecretHandler secretHandler);
    ~MarshallingPrompter() override;

    HostKeyAnswer askHostKey(const HostKeyQuestion &question, const CancelToken &cancel) override;
    SecretAnswer askSecret(const SecretQuestion &question, const CancelToken &cancel) override;

private:
    QPointer<QObject> m_context;
    HostKeyHandler m_hostKeyHandler;
    SecretHandler m_secretHandler;
    CancelToken m_destroyed; ///< cancelled by the destructor so no wait outlives the prompter
};

} // namespace FateDeployer

// SPDX-License-Identifier: Apache-2.0
#include "cli/consoleprompter.h"
#include "util/tr.h"

#include <QCoreApplication>

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace FateDeployer {

namespace {

QString readLine(bool echo)
{
    termios old{};
    const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty && !echo) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(char(c));
    if (tty && !echo) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::fputs("\n", stderr);
    }
    return QString::fromStdString(line);
}

} // namespace

bool ConsolePrompter::stdinIsTerminal()
{
    return isatty(STDIN_FILENO) != 0;
}

HostKeyAnswer ConsolePrompter::askHostKey(const HostKeyQuestion &q, const CancelToken &cancel)
{
    if (!stdinIsTerminal() || cancel.isCancelled())
        return HostKeyAnswer::Reject;
    QMutexLocker lock(&m_mutex);
    const QString text = tr("The host key of %1 (%2, port %3) is not known.\n%4 key fingerprint: %5\n"
                            "Accept it and remember it in %6? [y/N] ")
                             .arg(q.host, q.address)
                             .arg(q.port)
                             .arg(q.keyType, q.fingerprint, q.knownHostsFile);
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    const QString answer = readLine(true).trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes") ? HostKeyAnswer::Accept
                                                                          : HostKeyAnswer::Reject;
}

SecretAnswer ConsolePrompter::askSecret(const SecretQuestion &q, const CancelToken &cancel)
{
    SecretAnswer a;
    if (cancel.isCancelled())
        return a;
    const char *var = q.kind == SecretQuestion::Kind::KeyPassphrase ? "FD_SSH_PASSPHRASE" : "FD_SSH_PASSWORD";
    const QByteArray env = qgetenv(var);
    if (!env.isEmpty()) {
        if (q.retry)
            return a; // the automation's secret was wrong: do not loop on it
        a.cancelled = false;
        a.secret = QString::fromLocal8Bit(env);
        return a;
    }
    if (!stdinIsTerminal())
        return a;
    QMutexLocker lock(&m_mutex);
    QString prompt;
    switch (q.kind) {
    case SecretQuestion::Kind::Password:
        prompt = tr("Password for %1: ").arg(q.host);
        break;
    case SecretQuestion::Kind::KeyPassphrase:
        prompt = tr("Passphrase for key %1: ").arg(q.keyFile);
        break;
    case SecretQuestion::Kind::KeyboardInteractive:
        prompt = tr("%1 (%2) ").arg(q.prompt.trimmed(), q.host);
        break;
    }
    if (q.retry)
        prompt = tr("Wrong, try again. ") + prompt;
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    a.secret = readLine(q.kind == SecretQuestion::Kind::KeyboardInteractive && q.echo);
    a.cancelled = a.secret.isEmpty();
    return a;
}

} // namespace FateDeployer

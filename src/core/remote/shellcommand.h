// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>

namespace FateDeployer {

/// Quotes one value for a POSIX shell: always single quotes, embedded ' as '\''. An empty value gives ''.
/// Safe for every byte sequence (newlines, $(...), backticks, ;, unicode) on sh, dash, bash, ksh.
QString shellQuote(QStringView value);

/// The one way to build a remote shell command. Every value added through arg()/args()/env()/redirections is
/// quoted; only compile-time string literals (rawLiteral, operators chosen by the composition helpers) enter
/// the text unquoted. Nothing else in the code base may concatenate user values into a command.
///
///   ShellCommand(u"docker").arg(u"load").redirectIn(path)                    -> docker load < '/p a t h'
///   ShellCommand::inDir(dir, ShellCommand(u"docker-compose").args({u"up", u"-d"}))
///                                                                           -> cd '/data/x' && docker-compose up -d
///   a.andThen(b).pipe(c)                                                     -> { a && b; } | c
///   ShellCommand(u"sh").arg(u"-c").arg(inner)                                -> sh -c '<inner, quoted once more>'
///
/// Composition keeps POSIX grammar precedence: an operand whose own operator binds looser than the new one is
/// wrapped in a brace group, so the result always means what the call chain says.
class ShellCommand
{
public:
    ShellCommand() = default;
    /// A simple command whose program name is quoted like any argument.
    explicit ShellCommand(QStringView program);

    /// Trusted shell text known at compile time (e.g. "set -e", "umask 077"), treated as one simple command.
    /// Only string literals compile here, so a runtime value can never slip in unquoted.
    template<std::size_t N>
    static ShellCommand rawLiteral(const char (&text)[N])
    {
        return fromTrustedText(QString::fromUtf8(text, N - 1));
    }

    // --- simple command building (append to the last simple command) ---
    ShellCommand &arg(QStringView value);
    ShellCommand &arg(const QString &value) { return arg(QStringView(value)); }
    ShellCommand &arg(const char16_t *value) { return arg(QStringView(value)); }
    ShellCommand &arg(qint64 value);
    ShellCommand &arg(int value) { return arg(qint64(value)); }
    /// A whole built command as ONE quoted argument (for `sh -c`, `su -c`, `docker exec ... sh -c`).
    ShellCommand &arg(const ShellCommand &command);
    ShellCommand &args(const QStringList &values);
    ShellCommand &args(std::initializer_list<QStringView> values);
    /// Appends trusted literal text as its own word (e.g. "--", "-", "2>&1").
    template<std::size_t N>
    ShellCommand &rawArg(const char (&text)[N])
    {
        return appendTrusted(QString::fromUtf8(text, N - 1));
    }

    /// `NAME='value' command` for a simple command; for a compound one `( export NAME='value'; ... )`.
    /// The name must match [A-Za-z_][A-Za-z0-9_]* (asserted; an invalid name yields an empty command).
    ShellCommand &env(QStringView name, QStringView value);

    // --- redirections (applied to the whole command; compound commands are grouped first) ---
    ShellCommand &redirectIn(QStringView path); ///< < 'path'
    // QString overloads so string-builder expressions (a + b) can be passed directly.
    ShellCommand &redirectIn(const QString &path) { return redirectIn(QStringView(path)); }
    ShellCommand &redirectOut(const QString &path, bool append = false)
    {
        return redirectOut(QStringView(path), append);
    }
    ShellCommand &redirectErr(const QString &path, bool append = false)
    {
        return redirectErr(QStringView(path), append);
    }
    ShellCommand &env(const QString &name, const QString &value) { return env(QStringView(name), QStringView(value)); }
    ShellCommand &redirectOut(QStringView path, bool append = false); ///< > 'path' or >> 'path'
    ShellCommand &redirectErr(QStringView path, bool append = false); ///< 2> 'path'
    ShellCommand &stderrToStdout();                                   ///< 2>&1
    ShellCommand &discardOutput();                                    ///< >/dev/null 2>&1

    // --- composition (returns a new command; operands are grouped when precedence requires) ---
    ShellCommand andThen(const ShellCommand &next) const; ///< this && next
    ShellCommand orElse(const ShellCommand &next) const;  ///< this || next
    ShellCommand then(const ShellCommand &next) const;    ///< this ; next
    ShellCommand pipe(const ShellCommand &next) const;    ///< this | next
    ShellCommand group() const;                           ///< { this; }
    ShellCommand subshell() const;                        ///< ( this )
    ShellCommand negated() const;                         ///< ! this
    /// `cd 'dir' && command`.
    static ShellCommand inDir(QStringView dir, const ShellCommand &command);
    static ShellCommand inDir(const QString &dir, const ShellCommand &command)
    {
        return inDir(QStringView(dir), command);
    }
    /// `sh -c '<command>'`: runs the built command under a POSIX sh whatever the login shell is.
    static ShellCommand shC(const ShellCommand &command);
    /// `exec command` (replace the shell; simple commands only, others are wrapped in sh -c).
    ShellCommand exec() const;

    bool isEmpty() const { return m_text.isEmpty(); }
    QString toString() const { return m_text; }
    QByteArray toUtf8() const { return m_text.toUtf8(); }
    bool operator==(const ShellCommand &) const = default;

private:
    /// Grammar level of the text as a whole, to decide when composition must add braces.
    enum class Level { Empty, Simple, Pipeline, AndOr, List };

    static ShellCommand fromTrustedText(const QString &text);
    ShellCommand &appendTrusted(const QString &text);
    ShellCommand &appendWord(const QString &word);
    ShellCommand &redirect(const QString &op, QStringView path);
    QString operandFor(Level level) const;
    ShellCommand combine(const ShellCommand &next, const QString &op, Level level) const;

    QString m_text;
    Level m_level = Level::Empty;
    bool m_hasEnv = false; ///< starts with NAME=value assignments (exec must then go through sh -c)
};

} // namespace FateDeployer

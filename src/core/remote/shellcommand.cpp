// SPDX-License-Identifier: Apache-2.0
#include "remote/shellcommand.h"

#include <QRegularExpression>

namespace FateDeployer {

namespace {

bool isValidName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool alpha = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!(alpha || (digit && i > 0)))
            return false;
    }
    return true;
}

} // namespace

QString shellQuote(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'\'';
    for (const QChar c : value) {
        if (c == u'\'')
            out += u"'\\''";
        else
            out += c;
    }
    out += u'\'';
    return out;
}

ShellCommand::ShellCommand(QStringView program)
{
    appendWord(shellQuote(program));
}

ShellCommand ShellCommand::fromTrustedText(const QString &text)
{
    ShellCommand c;
    c.m_text = text;
    c.m_level = text.isEmpty() ? Level::Empty : Level::Simple;
    return c;
}

ShellCommand &ShellCommand::appendWord(const QString &word)
{
    if (m_level != Level::Empty && m_level != Level::Simple) {
        // Appending an argument to a compound command makes no sense; keep it meaningful by grouping.
        m_text = operandFor(Level::Simple);
    }
    if (!m_text.isEmpty())
        m_text += u' ';
    m_text += word;
    m_level = Level::Simple;
    return *this;
}

ShellCommand &ShellCommand::appendTrusted(const QString &text)
{
    return appendWord(text);
}

ShellCommand &ShellCommand::arg(QStringView value)
{
    return appendWord(shellQuote(value));
}

ShellCommand &ShellCommand::arg(qint64 value)
{
    return appendWord(QString::number(value));
}

ShellCommand &ShellCommand::arg(const ShellCommand &command)
{
    return appendWord(shellQuote(command.m_text));
}

ShellCommand &ShellCommand::args(const QStringList &values)
{
    for (const QString &v : values)
        arg(QStringView(v));
    return *this;
}

ShellCommand &ShellCommand::args(std::initializer_list<QStringView> values)
{
    for (QStringView v : values)
        arg(v);
    return *this;
}

ShellCommand &ShellCommand::env(QStringView name, QStringView value)
{
    Q_ASSERT_X(isValidName(name), "ShellCommand::env", "invalid variable name");
    if (!isValidName(name)) {
        m_text.clear();
        m_level = Level::Empty;
        return *this;
    }
    const QString assignment = name.toString() + u'=' + shellQuote(value);
    if (m_level == Level::Simple || m_level == Level::Empty) {
        m_text = m_text.isEmpty() ? assignment : assignment + u' ' + m_text;
        m_level = Level::Simple;
        m_hasEnv = true;
    } else {
        m_text = u"( export " + assignment + u"; " + m_text + u" )";
        m_level = Level::Simple;
    }
    return *this;
}

ShellCommand &ShellCommand::redirect(const QString &op, QStringView path)
{
    return appendWord(op + shellQuote(path));
}

ShellCommand &ShellCommand::redirectIn(QStringView path)
{
    return redirect(QStringLiteral("<"), path);
}

ShellCommand &ShellCommand::redirectOut(QStringView path, bool append)
{
    return redirect(append ? QStringLiteral(">>") : QStringLiteral(">"), path);
}

ShellCommand &ShellCommand::redirectErr(QStringView path, bool append)
{
    return redirect(append ? QStringLiteral("2>>") : QStringLiteral("2>"), path);
}

ShellCommand &ShellCommand::stderrToStdout()
{
    return appendWord(QStringLiteral("2>&1"));
}

ShellCommand &ShellCommand::discardOutput()
{
    return appendWord(QStringLiteral(">/dev/null 2>&1"));
}

QString ShellCommand::operandFor(Level level) const
{
    // Braces when the operand binds looser than the operator that will join it.
    if (static_cast<int>(m_level) > static_cast<int>(level))
        return u"{ " + m_text + u"; }";
    return m_text;
}

ShellCommand ShellCommand::combine(const ShellCommand &next, const QString &op, Level level) const
{
    if (m_level == Level::Empty)
        return next;
    if (next.m_level == Level::Empty)
        return *this;
    ShellCommand c;
    // Left operand may be at the same level (left-associative); the right one must bind tighter or equal for
    // && || | and ; alike, since "a && (b || c)" differs from "a && b || c".
    const QString right = static_cast<int>(next.m_level) >= static_cast<int>(level) && level != Level::List
                              ? u"{ " + next.m_text + u"; }"
                              : next.m_text;
    c.m_text = operandFor(level) + op + right;
    c.m_level = level;
    return c;
}

ShellCommand ShellCommand::andThen(const ShellCommand &next) const
{
    return combine(next, QStringLiteral(" && "), Level::AndOr);
}

ShellCommand ShellCommand::orElse(const ShellCommand &next) const
{
    return combine(next, QStringLiteral(" || "), Level::AndOr);
}

ShellCommand ShellCommand::then(const ShellCommand &next) const
{
    return combine(next, QStringLiteral("; "), Level::List);
}

ShellCommand ShellCommand::pipe(const ShellCommand &next) const
{
    return combine(next, QStringLiteral(" | "), Level::Pipeline);
}

ShellCommand ShellCommand::group() const
{
    if (m_level == Level::Empty)
        return *this;
    ShellCommand c;
    c.m_text = u"{ " + m_text + u"; }";
    c.m_level = Level::Simple;
    return c;
}

ShellCommand ShellCommand::subshell() const
{
    if (m_level == Level::Empty)
        return *this;
    ShellCommand c;
    c.m_text = u"( " + m_text + u" )";
    c.m_level = Level::Simple;
    return c;
}

ShellCommand ShellCommand::negated() const
{
    if (m_level == Level::Empty)
        return *this;
    ShellCommand c;
    c.m_text = u"! " + operandFor(Level::Pipeline);
    c.m_level = Level::Pipeline;
    return c;
}

ShellCommand ShellCommand::inDir(QStringView dir, const ShellCommand &command)
{
    return ShellCommand(u"cd").arg(dir).andThen(command);
}

ShellCommand ShellCommand::shC(const ShellCommand &command)
{
    return ShellCommand(u"sh").arg(u"-c").arg(command);
}

ShellCommand ShellCommand::exec() const
{
    if (m_level == Level::Empty)
        return *this;
    ShellCommand c;
    if (m_level == Level::Simple && !m_hasEnv && !m_text.startsWith(u'{') && !m_text.startsWith(u'('))
        c.m_text = u"exec " + m_text;
    else
        c.m_text = u"exec " + shC(*this).m_text;
    c.m_level = Level::Simple;
    return c;
}

} // namespace FateDeployer

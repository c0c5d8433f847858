// SPDX-License-Identifier: Apache-2.0
#include "kubefate/bashconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

namespace FateDeployer {

namespace {

bool isNameStart(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
           || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

/// Thrown inside the parser only; turned into an Error at the API boundary.
struct ParseError
{
    int line;
    QString message;
};

} // namespace

/// Recursive-descent reader of the static bash subset; see BashConfig.
class BashConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::BashConfig)

public:
    BashConfigParser(const QString &text, BashConfig &config, const QList<BashVariable> &predefined)
        : m_text(text)
        , m_config(config)
    {
        for (const BashVariable &v : predefined)
            m_known.insert(v.name, v);
    }

    void run();

private:
    enum class Context { Scalar, Array };
    /// Words being built: in an array an unquoted expansion may split into several fields.
    struct Fields
    {
        QStringList list;
        bool open = false;  ///< the last field takes further characters
        qsizetype size = 0; ///< characters plus one per field, as BashConfig::MaxValueSize counts
        void append(const QString &text)
        {
            if (!open) {
                list.append(QString());
                open = true;
                ++size;
            }
            list.last() += text;
            size += text.size();
        }
        void split() { open = false; }
    };

    QChar peek(int ahead = 0) const
    {
        const qsizetype i = m_pos + ahead;
        return i < m_text.size() ? m_text.at(i) : QChar();
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    [[noreturn]] void fail(const QString &message) const { throw ParseError{m_line, message}; }
    [[noreturn]] void fail(int line, const QString &message) const { throw ParseError{line, message}; }

    QString readName()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isNameChar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    void skipBlanks()
    {
        while (!atEnd() && isBlank(peek()))
            ++m_pos;
    }
    void skipComment()
    {
        while (!atEnd() && peek() != QLatin1Char('\n'))
            ++m_pos;
    }

    void statement();
    [[noreturn]] void commandWord(const QString &word);
    void assignment(const QString &name, int line);
    QStringList word(Context context);
    void checkValueSize(const Fields &fields) const;
    void singleQuoted(Fields &fields);
    void doubleQuoted(Fields &fields, Context context);
    void expansion(Fields &fields, Context context, bool quoted);
    QStringList reference(const QString &name, const QString &index, bool whole);
    [[noreturn]] void failOperator(QChar c);
    const BashVariable *lookup(const QString &name) const;

    const QString &m_text;
    BashConfig &m_config;
    QHash<QString, BashVariable> m_known; ///< every variable visible to references, latest value
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_expansionWork = 0; ///< see BashConfig::MaxExpansionWork
    QString m_assigning;           ///< the variable whose value is being read
    int m_assignmentLine = 0;
    qsizetype m_valueSoFar = 0; ///< of the array being read: elements already complete
};

const BashVariable *BashConfigParser::lookup(const QString &name) const
{
    const auto it = m_known.constFind(name);
    return it == m_known.constEnd() ? nullptr : &it.value();
}

void BashConfigParser::run()
{
    bool needSeparator = false; // after `a=1;` a statement may follow on the same line
    while (!atEnd()) {
        skipBlanks();
        if (atEnd())
            break;
        const QChar c = peek();
        if (c == QLatin1Char('\n')) {
            ++m_pos;
            ++m_line;
            needSeparator = false;
            continue;
        }
        if (c == QLatin1Char('#')) {
            skipComment();
            continue;
        }
        if (c == QLatin1Char(';')) {
            if (!needSeparator)
                fail(tr("unexpected \";\" (an empty command); remove it"));
            ++m_pos;
            needSeparator = false;
            continue;
        }
        statement();
        needSeparator = true;
    }
}

void BashConfigParser::failOperator(QChar c)
{
    switch (c.unicode()) {
    case '|':
        fail(tr("unquoted \"|\": pipes and || are not allowed in a configuration file"));
    case '&':
        fail(tr("unquoted \"&\": background jobs and && are not allowed in a configuration file"));
    case '<':
    case '>':
        fail(tr("unquoted \"%1\": redirections are not allowed in a configuration file").arg(c));
    case '(':
    case ')':
        fail(tr("unexpected \"%1\": parentheses are only allowed around an array value, as in NAME=(a b)").arg(c));
    case '{':
    case '}':
        fail(tr("unexpected \"%1\": command groups and functions are not allowed in a configuration file").arg(c));
    case '`':
        fail(tr("command substitution with backticks is not allowed: the file is read, never run"));
    case '$':
        fail(tr("a line must start with NAME=; \"$\" would run the result of an expansion as a command"));
    case '\\':
        if (peek(1) == QLatin1Char('\n') || peek(1).isNull())
            fail(tr("line continuation (\"\\\" at the end of a line) is not supported; put the assignment on "
                    "one line"));
        break;
    default:
        break;
    }
    fail(tr("unexpected \"%1\": only NAME=value and NAME=(a b c) assignments are allowed").arg(c));
}

void BashConfigParser::statement()
{
    const int line = m_line;
    if (!isNameStart(peek())) {
        // A word that is not a name: a command such as `./x.sh`, `[ ... ]` or an operator.
        const QChar c = peek();
        if (c == QLatin1Char('.') && (isBlank(peek(1)) || peek(1).isNull()))
            fail(tr("\".\" would source another file; only assignments are allowed"));
        if (QStringLiteral("|&<>(){}`$\\").contains(c))
            failOperator(c);
        qsizetype end = m_pos;
        while (end < m_text.size() && !m_text.at(end).isSpace() && m_text.at(end) != QLatin1Char(';'))
            ++end;
        commandWord(m_text.mid(m_pos, end - m_pos));
    }
    const QString name = readName();
    const QChar next = peek();
    if (next == QLatin1Char('='))
        return assignment(name, line);
    if (next == QLatin1Char('+') && peek(1) == QLatin1Char('='))
        fail(tr("\"%1+=\" appends at run time and is not supported; assign the whole value with %1=").arg(name));
    if (next == QLatin1Char('['))
        fail(tr("assigning one array element (%1[...]=) is not supported; assign the whole array with %1=(a b c)")
                 .arg(name));
    // A command name (possibly followed by more characters of the same word).
    qsizetype end = m_pos;
    while (end < m_text.size() && !m_text.at(end).isSpace() && m_text.at(end) != QLatin1Char(';'))
        ++end;
    const QString rest = m_text.mid(m_pos, end - m_pos);
    qsizetype after = end;
    while (after < m_text.size() && isBlank(m_text.at(after)))
        ++after;
    if (rest.startsWith(QLatin1String("()")) || m_text.mid(after, 2) == QLatin1String("()"))
        fail(tr("function \"%1\" is not allowed: the file is read, never run").arg(name));
    commandWord(name + rest);
}

void BashConfigParser::commandWord(const QString &word)
{
    static const QStringList declarations = {QStringLiteral("export"),
                                             QStringLiteral("declare"),
                                             QStringLiteral("typeset"),
                                             QStringLiteral("local"),
                                             QStringLiteral("readonly")};
    static const QStringList control = {QStringLiteral("if"),
                                        QStringLiteral("then"),
                                        QStringLiteral("else"),
                                        QStringLiteral("elif"),
                                        QStringLiteral("fi"),
                                        QStringLiteral("for"),
                                        QStringLiteral("while"),
                                        QStringLiteral("until"),
                                        QStringLiteral("do"),
                                        QStringLiteral("done"),
                                        QStringLiteral("case"),
                                        QStringLiteral("esac"),
                                        QStringLiteral("select"),
                                        QStringLiteral("[["),
                                        QStringLiteral("[")};
    const QString shown = word.left(40);
    if (declarations.contains(word))
        fail(tr("\"%1\" is not supported; write plain NAME=value assignments").arg(word));
    if (word == QLatin1String("function"))
        fail(tr("functions are not allowed: the file is read, never run"));
    if (control.contains(word))
        fail(tr("\"%1\": conditions and loops are not allowed; write plain NAME=value assignments").arg(word));
    if (word == QLatin1String("source"))
        fail(tr("\"source\" would read another file; only assignments are allowed"));
    fail(tr("\"%1\" would run a command; only NAME=value and NAME=(a b c) assignments are allowed").arg(shown));
}

void BashConfigParser::assignment(const QString &name, int line)
{
    ++m_pos; // '='
    BashVariable variable;
    variable.name = name;
    variable.line = line;
    m_assigning = name;
    m_assignmentLine = line;
    m_valueSoFar = 0;
    if (peek() == QLatin1Char('(')) {
        ++m_pos;
        variable.isArray = true;
        for (;;) {
            while (!atEnd() && (isBlank(peek()) || peek() == QLatin1Char('\n'))) {
                if (peek() == QLatin1Char('\n'))
                    ++m_line;
                ++m_pos;
            }
            if (atEnd())
                fail(line, tr("the array %1=( is never closed with \")\"").arg(name));
            if (peek() == QLatin1Char(')')) {
                ++m_pos;
                break;
            }
            if (peek() == QLatin1Char('#')) {
                skipComment();
                continue;
            }
            if (peek() == QLatin1Char('['))
                fail(tr("indexed array elements ([N]=value) are not supported; list the values in order"));
            const QStringList words = word(Context::Array);
            for (const QString &w : words)
                m_valueSoFar += w.size() + 1;
            variable.values += words;
        }
        // Bash needs a separator after the closing parenthesis.
        const QChar c = peek();
        if (!c.isNull() && !isBlank(c) && c != QLatin1Char('\n') && c != QLatin1Char(';'))
            fail(tr("unexpected \"%1\" after the closing \")\" of %2").arg(c).arg(name));
    } else {
        const QStringList value = word(Context::Scalar);
        variable.values = QStringList{value.join(QLatin1Char(' '))};
    }
    qsizetype size = 0;
    for (const QString &v : std::as_const(variable.values))
        size += v.size() + 1;
    if (size > BashConfig::MaxValueSize)
        fail(line,
             tr("the value of %1 expands to %2 characters (at most %3 are accepted); a KubeFATE configuration never "
                "needs that much — is this the right file?")
                 .arg(name)
                 .arg(size)
                 .arg(BashConfig::MaxValueSize));
    m_known.insert(name, variable);
    const auto it = m_config.m_index.constFind(name);
    if (it != m_config.m_index.constEnd()) {
        m_config.m_variables[it.value()] = variable;
        return;
    }
    m_config.m_index.insert(name, m_config.m_variables.size());
    m_config.m_variables.append(variable);
}

QStringList BashConfigParser::word(Context context)
{
    Fields fields;
    const bool array = context == Context::Array;
    bool wordStart = true;
    for (;;) {
        if (atEnd())
            break;
        const QChar c = peek();
        if (isBlank(c) || c == QLatin1Char('\n'))
            break;
        if (c == QLatin1Char(';')) {
            if (array)
                fail(tr("unexpected \";\" inside an array value"));
            break;
        }
        if (c == QLatin1Char(')') && array)
            break;
        switch (c.unicode()) {
        case '\'':
            singleQuoted(fields);
            break;
        case '"':
            doubleQuoted(fields, context);
            break;
        case '$':
            expansion(fields, context, false);
            break;
        case '\\':
            if (peek(1) == QLatin1Char('\n') || peek(1).isNull())
                failOperator(c);
            fields.append(peek(1));
            m_pos += 2;
            break;
        case '|':
        case '&':
        case '<':
        case '>':
        case '(':
        case ')':
        case '`':
            failOperator(c);
        case '~':
            if (wordStart || (!array && m_pos > 0 && m_text.at(m_pos - 1) == QLatin1Char(':')))
                fail(tr("an unquoted \"~\" is replaced by the home directory of whoever runs the script; write "
                        "the full path"));
            fields.append(c);
            ++m_pos;
            break;
        case '*':
        case '?':
        case '[':
            if (array)
                fail(tr("an unquoted \"%1\" in an array would match file names; quote the value").arg(c));
            fields.append(c);
            ++m_pos;
            break;
        case '{':
        case '}':
            if (array)
                fail(tr("an unquoted \"%1\" in an array may expand into several values; quote the value").arg(c));
            fields.append(c);
            ++m_pos;
            break;
        default:
            fields.append(c);
            ++m_pos;
            break;
        }
        wordStart = false;
    }
    if (fields.list.isEmpty() && !array)
        return {QString()};
    return fields.list;
}

void BashConfigParser::singleQuoted(Fields &fields)
{
    const int line = m_line;
    ++m_pos;
    const qsizetype start = m_pos;
    while (!atEnd() && peek() != QLatin1Char('\'')) {
        if (peek() == QLatin1Char('\n'))
            fail(line, tr("a line break inside quotes is not supported; close the quote on the same line"));
        ++m_pos;
    }
    if (atEnd())
        fail(line, tr("the single quote opened here is never closed"));
    fields.append(m_text.mid(start, m_pos - start));
    ++m_pos;
}

void BashConfigParser::doubleQuoted(Fields &fields, Context context)
{
    const int line = m_line;
    ++m_pos;
    fields.append(QString()); // "" is an (empty) word of its own
    for (;;) {
        if (atEnd())
            fail(line, tr("the double quote opened here is never closed"));
        const QChar c = peek();
        if (c == QLatin1Char('"')) {
            ++m_pos;
            return;
        }
        if (c == QLatin1Char('\n'))
            fail(line, tr("a line break inside quotes is not supported; close the quote on the same line"));
        if (c == QLatin1Char('`'))
            failOperator(c);
        if (c == QLatin1Char('$')) {
            expansion(fields, context, true);
            continue;
        }
        if (c == QLatin1Char('\\')) {
            const QChar n = peek(1);
            if (n == QLatin1Char('\n') || n.isNull())
                failOperator(c);
            if (n == QLatin1Char('"') || n == QLatin1Char('\\') || n == QLatin1Char('$') || n == QLatin1Char('`')) {
                fields.append(n);
            } else {
                fields.append(c);
                fields.append(n);
            }
            m_pos += 2;
            continue;
        }
        fields.append(c);
        ++m_pos;
    }
}

void BashConfigParser::expansion(Fields &fields, Context context, bool quoted)
{
    const QChar n = peek(1);
    if (n == QLatin1Char('(')) {
        if (peek(2) == QLatin1Char('('))
            fail(tr("arithmetic expansion $((...)) is not allowed: the file is read, never run; write the number"));
        fail(tr("command substitution $(...) is not allowed: the file is read, never run; write the value"));
    }
    if (n == QLatin1Char('[') && !quoted)
        fail(tr("arithmetic expansion $[...] is not allowed: the file is read, never run; write the number"));
    if (!quoted && (n == QLatin1Char('\'') || n == QLatin1Char('"')))
        fail(tr("$'...' and $\"...\" quoting are not supported; use plain '...' or \"...\""));
    if (n.isDigit() || QStringLiteral("@*#?$!-").contains(n))
        fail(tr("the special parameter $%1 depends on how the script is run; write the value").arg(n));

    QString name;
    QString index;
    bool whole = false;
    if (n == QLatin1Char('{')) {
        const qsizetype close = m_text.indexOf(QLatin1Char('}'), m_pos + 2);
        const qsizetype lineEnd = m_text.indexOf(QLatin1Char('\n'), m_pos);
        if (close < 0 || (lineEnd >= 0 && close > lineEnd))
            fail(tr("\"${\" is never closed with \"}\""));
        const QString inner = m_text.mid(m_pos + 2, close - m_pos - 2);
        qsizetype i = 0;
        while (i < inner.size() && isNameChar(inner.at(i)))
            ++i;
        name = inner.left(i);
        const QString rest = inner.mid(i);
        if (inner.contains(QLatin1String("$(")) || inner.contains(QLatin1Char('`')))
            fail(tr("command substitution inside ${...} is not allowed: the file is read, never run"));
        if (name.isEmpty() || !isNameStart(name.at(0)))
            fail(tr("\"${%1}\" is not supported; only ${name} and ${name[N]} references are").arg(inner.left(40)));
        if (!rest.isEmpty()) {
            static const QRegularExpression indexForm(QStringLiteral("^\\[([0-9]+|@|\\*)\\]$"));
            const QRegularExpressionMatch m = indexForm.match(rest);
            if (!m.hasMatch())
                fail(tr("\"${%1}\" is not supported; only ${name} and ${name[N]} references are").arg(inner.left(40)));
            index = m.captured(1);
            whole = index == QLatin1String("@") || index == QLatin1String("*");
            if (index == QLatin1String("*") && quoted) {
                // "${a[*]}" is one word.
                const QStringList parts = reference(name, index, true);
                fields.append(parts.join(QLatin1Char(' ')));
                m_pos = close + 1;
                return;
            }
        }
        m_pos = close + 1;
    } else if (isNameStart(n)) {
        ++m_pos;
        name = readName();
    } else {
        // A lone "$" is a literal dollar sign in bash.
        fields.append(QStringLiteral("$"));
        ++m_pos;
        return;
    }

    const QStringList parts = reference(name, index, whole);
    if (context == Context::Scalar) {
        fields.append(parts.join(QLatin1Char(' ')));
        checkValueSize(fields);
        return;
    }
    // Checked as the value grows (below): an array can gain a million empty elements before it is complete.
    if (quoted) {
        // "${a[@]}" keeps each element as its own word; anything else stays one word.
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (i > 0)
                fields.split();
            fields.append(parts.at(i));
            checkValueSize(fields);
        }
        return;
    }
    // Unquoted in an array: word splitting on blanks, as bash does with the default IFS.
    const QString joined = parts.join(QLatin1Char(' '));
    if (joined.contains(QLatin1Char('*')) || joined.contains(QLatin1Char('?')) || joined.contains(QLatin1Char('[')))
        fail(tr("the value of $%1 contains a wildcard that bash would match against file names; quote the reference")
                 .arg(name));
    const QStringList words = joined.split(QRegularExpression(QStringLiteral("[ \\t\\n]+")));
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i > 0)
            fields.split();
        if (!words.at(i).isEmpty())
            fields.append(words.at(i));
        checkValueSize(fields);
    }
}

void BashConfigParser::checkValueSize(const Fields &fields) const
{
    const qsizetype size = m_valueSoFar + fields.size;
    if (size > BashConfig::MaxValueSize)
        fail(m_assignmentLine,
             tr("the value of %1 expands to %2 characters (at most %3 are accepted); a KubeFATE configuration never "
                "needs that much — is this the right file?")
                 .arg(m_assigning)
                 .arg(size)
                 .arg(BashConfig::MaxValueSize));
}

QStringList BashConfigParser::reference(const QString &name, const QString &index, bool whole)
{
    const BashVariable *v = lookup(name);
    if (!v)
        fail(tr("$%1 is not assigned earlier in this file; FATE Deployer never reads your environment, so write the "
                "value")
                 .arg(name));
    QStringList parts;
    if (whole) {
        parts = v->values;
    } else if (index.isEmpty()) {
        parts = QStringList{v->values.value(0)};
    } else {
        bool ok = false;
        const int i = index.toInt(&ok);
        if (!ok || i < 0 || i >= v->values.size())
            fail(QCoreApplication::translate("FateDeployer::BashConfig",
                                             "${%1[%2]} refers to an element that does not exist (%1 has %n value(s))",
                                             nullptr,
                                             int(v->values.size()))
                     .arg(name, index));
        parts = QStringList{v->values.at(i)};
    }
    // Count before the caller copies: references that feed each other grow geometrically (the copies here are
    // shared, not yet paid for).
    for (const QString &part : std::as_const(parts))
        m_expansionWork += part.size() + 1;
    if (m_expansionWork > BashConfig::MaxExpansionWork)
        fail(tr("expanding $%1 goes over the limit of %2 characters produced by the references of one file; a "
                "KubeFATE configuration never needs that much — is this the right file?")
                 .arg(name)
                 .arg(BashConfig::MaxExpansionWork));
    return parts;
}

const BashVariable *BashConfig::variable(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_variables.at(it.value());
}

Result<BashConfig>
BashConfig::parse(const QByteArray &input, const QString &fileName, const QList<BashVariable> &predefined)
{
    auto error = [&fileName](int line, const QString &message) {
        return Error{line > 0 ? QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(message)
                              : QStringLiteral("%1: %2").arg(fileName, message)};
    };
    if (input.size() > MaxFileSize)
        return error(
            0,
            tr("the file is larger than %1 KiB; a KubeFATE configuration is a few kB — is this the right file?")
                .arg(MaxFileSize / 1024));
    BashConfig config;
    config.m_fileName = fileName;
    QByteArray data = input;
    if (data.startsWith("\xEF\xBB\xBF")) {
        data.remove(0, 3);
        config.m_warnings << QStringLiteral("%1: %2").arg(
            fileName, tr("starts with a byte order mark, which bash would read as part of the first command; ignored"));
    }

    // Check every line before parsing: size, binary bytes, encoding, line ends.
    QString text;
    text.reserve(data.size());
    int crlfLines = 0;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        const int number = int(i) + 1;
        if (line.size() > MaxLineLength)
            return error(number,
                         tr("the line is %1 characters long (at most %2 are accepted); is this the right file?")
                             .arg(line.size())
                             .arg(MaxLineLength));
        if (line.endsWith('\r')) {
            line.chop(1);
            ++crlfLines;
        }
        for (char ch : std::as_const(line)) {
            const auto byte = static_cast<unsigned char>(ch);
            if (byte == 0)
                return error(number, tr("contains a NUL byte: this is binary data, not a configuration file"));
            if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
                return error(number,
                             tr("contains the control character 0x%1: this looks like binary data, not a "
                                "configuration file")
                                 .arg(byte, 2, 16, QLatin1Char('0')));
        }
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(line);
        if (decoder.hasError())
            return error(number, tr("is not valid UTF-8 text"));
        if (i > 0)
            text += QLatin1Char('\n');
        text += decoded;
    }
    if (crlfLines > 0)
        config.m_warnings << QStringLiteral("%1: %2").arg(
            fileName,
            tr("has Windows line ends (CRLF); bash would keep the carriage return in every value, so convert the "
               "file with dos2unix before using it with KubeFATE's scripts"));

    BashConfigParser parser(text, config, predefined);
    try {
        parser.run();
    } catch (const ParseError &e) {
        return error(e.line, e.message);
    }
    return config;
}

Result<BashConfig> BashConfig::parseFile(const QString &path, const QList<BashVariable> &predefined)
{
    if (QFileInfo(path).isDir())
        return Error{tr("%1: is a folder, not a configuration file").arg(path)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("%1: cannot read the file: %2").arg(path, file.errorString())};
    const QByteArray data = file.read(MaxFileSize + 1);
    return parse(data, path, predefined);
}

} // namespace FateDeployer

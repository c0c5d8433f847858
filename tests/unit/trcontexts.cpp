// SPDX-License-Identifier: Apache-2.0
#include "trcontexts.h"

#include <QDebug>
#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QXmlStreamReader>

namespace FateDeployer {

namespace {

struct Token
{
    enum Kind { Ident, String, Punct, Number };
    Kind kind;
    QString text; ///< a string literal's value, escapes decoded
    int line;
};

QString decodeEscapes(const QString &raw)
{
    QString out;
    for (int i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c != u'\\' || i + 1 >= raw.size()) {
            out += c;
            continue;
        }
        const QChar e = raw.at(++i);
        switch (e.unicode()) {
        case 'n':
            out += u'\n';
            break;
        case 't':
            out += u'\t';
            break;
        case 'r':
            out += u'\r';
            break;
        case 'a':
            out += u'\a';
            break;
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'v':
            out += u'\v';
            break;
        case 'x': {
            QString hex;
            while (i + 1 < raw.size() && QStringLiteral("0123456789abcdefABCDEF").contains(raw.at(i + 1)))
                hex += raw.at(++i);
            out += QChar(hex.toUInt(nullptr, 16));
            break;
        }
        default:
            if (e >= u'0' && e <= u'7') {
                QString oct(e);
                while (oct.size() < 3 && i + 1 < raw.size() && raw.at(i + 1) >= u'0' && raw.at(i + 1) <= u'7')
                    oct += raw.at(++i);
                out += QChar(oct.toUInt(nullptr, 8));
            } else {
                out += e; // \\ \" \' \?
            }
        }
    }
    return out;
}

// Comments and preprocessor lines are dropped; literals are decoded (UTF-8 source).
QList<Token> tokenize(const QString &s)
{
    QList<Token> tokens;
    int line = 1;
    bool lineStart = true;
    const int n = int(s.size());
    for (int i = 0; i < n;) {
        const QChar c = s.at(i);
        if (c == u'\n') {
            ++line;
            lineStart = true;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (lineStart && c == u'#') {
            while (i < n && s.at(i) != u'\n') {
                if (s.at(i) == u'\\' && i + 1 < n && s.at(i + 1) == u'\n') {
                    ++line;
                    ++i;
                }
                ++i;
            }
            continue;
        }
        lineStart = false;
        if (c == u'/' && i + 1 < n && s.at(i + 1) == u'/') {
            while (i < n && s.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
            const int end = int(s.indexOf(QLatin1String("*/"), i + 2));
            const int stop = end < 0 ? n : end + 2;
            line += int(QStringView(s).mid(i, stop - i).count(u'\n'));
            i = stop;
            continue;
        }
        if (c.isLetter() || c == u'_') {
            int j = i;
            while (j < n && (s.at(j).isLetterOrNumber() || s.at(j) == u'_'))
                ++j;
            const QString word = s.mid(i, j - i);
            static const QSet<QString> prefixes{
                QStringLiteral("u8"), QStringLiteral("u"), QStringLiteral("U"), QStringLiteral("L")};
            static const QSet<QString> rawPrefixes{QStringLiteral("R"),
                                                   QStringLiteral("u8R"),
                                                   QStringLiteral("uR"),
                                                   QStringLiteral("UR"),
                                                   QStringLiteral("LR")};
            if (j < n && s.at(j) == u'"' && rawPrefixes.contains(word)) {
                const int open = int(s.indexOf(u'(', j));
                const QString delim = u')' + s.mid(j + 1, open - j - 1) + u'"';
                const int close = int(s.indexOf(delim, open));
                const QString value = s.mid(open + 1, close - open - 1);
                tokens.append({Token::String, value, line});
                line += int(value.count(u'\n'));
                i = close + int(delim.size());
                continue;
            }
            if (j < n && (s.at(j) == u'"' || s.at(j) == u'\'') && prefixes.contains(word)) {
                i = j; // the literal follows
                continue;
            }
            tokens.append({Token::Ident, word, line});
            i = j;
            continue;
        }
        if (c.isDigit()) {
            int j = i;
            while (j < n && (s.at(j).isLetterOrNumber() || s.at(j) == u'.' || s.at(j) == u'\''))
                ++j;
            tokens.append({Token::Number, s.mid(i, j - i), line});
            i = j;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            int j = i + 1;
            while (j < n && s.at(j) != c) {
                if (s.at(j) == u'\\')
                    ++j;
                ++j;
            }
            if (c == u'"')
                tokens.append({Token::String, decodeEscapes(s.mid(i + 1, j - i - 1)), line});
            else
                tokens.append({Token::Number, s.mid(i, j - i + 1), line});
            i = j + 1;
            continue;
        }
        if (c == u':' && i + 1 < n && s.at(i + 1) == u':') {
            tokens.append({Token::Punct, QStringLiteral("::"), line});
            i += 2;
            continue;
        }
        if (c == u'-' && i + 1 < n && s.at(i + 1) == u'>') {
            tokens.append({Token::Punct, QStringLiteral("->"), line});
            i += 2;
            continue;
        }
        tokens.append({Token::Punct, QString(c), line});
        ++i;
    }
    return tokens;
}

bool isPunct(const QList<Token> &t, int i, QStringView p)
{
    return i >= 0 && i < t.size() && t.at(i).kind == Token::Punct && t.at(i).text == p;
}

bool isIdent(const QList<Token> &t, int i, QStringView w = {})
{
    return i >= 0 && i < t.size() && t.at(i).kind == Token::Ident && (w.isEmpty() || t.at(i).text == w);
}

// Index of the token closing the bracket at i (or t.size()).
int matching(const QList<Token> &t, int i)
{
    const QString open = t.at(i).text;
    const QString close = open == u"(" ? QStringLiteral(")") : open == u"[" ? QStringLiteral("]") : QStringLiteral("}");
    int depth = 0;
    for (int j = i; j < t.size(); ++j) {
        if (t.at(j).kind != Token::Punct)
            continue;
        if (t.at(j).text == open)
            ++depth;
        else if (t.at(j).text == close && --depth == 0)
            return j;
    }
    return int(t.size());
}

// The qualified name ending at token `end` (an identifier), walking back over `::` and template arguments.
QString qualifiedNameEndingAt(const QList<Token> &t, int end, int begin)
{
    QStringList parts{t.at(end).text};
    int i = end - 1;
    while (i > begin && isPunct(t, i, u"::")) {
        int j = i - 1;
        if (isPunct(t, j, u">")) { // Foo<T>::bar
            int depth = 0;
            for (; j >= begin; --j) {
                if (isPunct(t, j, u">"))
                    ++depth;
                else if (isPunct(t, j, u"<") && --depth == 0)
                    break;
            }
            --j;
        }
        if (!isIdent(t, j))
            break;
        parts.prepend(t.at(j).text);
        i = j - 1;
    }
    return parts.join(QLatin1String("::"));
}

QString join(const QString &scope, const QString &name)
{
    if (scope.isEmpty())
        return name;
    if (name.isEmpty())
        return scope;
    return scope + QLatin1String("::") + name;
}

QString parentScope(const QString &name)
{
    const int at = int(name.lastIndexOf(QLatin1String("::")));
    return at < 0 ? QString() : name.left(at);
}

// Qt classes our classes derive from whose tr() a derived class without Q_OBJECT would inherit.
const QSet<QString> &qtObjectClasses()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const char *name : {"QObject",
                                 "QWidget",
                                 "QDialog",
                                 "QMainWindow",
                                 "QAbstractItemModel",
                                 "QAbstractTableModel",
                                 "QAbstractListModel",
                                 "QSortFilterProxyModel",
                                 "QIdentityProxyModel",
                                 "QStandardItemModel",
                                 "QStyledItemDelegate",
                                 "QItemDelegate",
                                 "QThread",
                                 "QTranslator",
                                 "QCoreApplication",
                                 "QGuiApplication",
                                 "QApplication",
                                 "QFrame",
                                 "QLabel",
                                 "QPlainTextEdit",
                                 "QTextEdit",
                                 "QTableView",
                                 "QTreeView",
                                 "QListView",
                                 "QAbstractItemView",
                                 "QWizard",
                                 "QWizardPage",
                                 "QTimer",
                                 "QIODevice",
                                 "QProcess",
                                 "QSyntaxHighlighter",
                                 "QValidator",
                                 "QStackedWidget",
                                 "QToolBar",
                                 "QScrollArea",
                                 "QLineEdit",
                                 "QComboBox",
                                 "QPushButton",
                                 "QToolButton",
                                 "QTabWidget",
                                 "QSplitter",
                                 "QGroupBox",
                                 "QHeaderView",
                                 "QMenu",
                                 "QStatusBar",
                                 "QDockWidget",
                                 "QMessageBox",
                                 "QFileDialog",
                                 "QAbstractButton",
                                 "QCheckBox",
                                 "QSpinBox",
                                 "QProgressBar",
                                 "QTextBrowser",
                                 "QAction",
                                 "QTcpServer",
                                 "QLocalServer",
                                 "QNetworkAccessManager",
                                 "QFileSystemWatcher",
                                 "QSocketNotifier"})
            s.insert(QString::fromLatin1(name));
        return s;
    }();
    return names;
}

const QSet<QString> &statementKeywords()
{
    static const QSet<QString> words{QStringLiteral("return"),
                                     QStringLiteral("case"),
                                     QStringLiteral("else"),
                                     QStringLiteral("throw"),
                                     QStringLiteral("co_return"),
                                     QStringLiteral("co_yield"),
                                     QStringLiteral("do"),
                                     QStringLiteral("and"),
                                     QStringLiteral("or"),
                                     QStringLiteral("not")};
    return words;
}

struct Scope
{
    enum Kind { Namespace, Class, Function, Block, InitBrace };
    Kind kind;
    QString ns;  ///< namespace path (anonymous namespaces add nothing: neither lupdate nor moc sees them)
    QString cls; ///< class whose members this code belongs to (qualified), empty outside classes
};

// Reads a literal argument starting at i: consecutive string literals up to `,` or `)`.
// Returns false if the argument is anything else; `next` is the index of the `,`/`)`.
bool literalArgument(const QList<Token> &t, int i, QString *value, int *next)
{
    QString text;
    int j = i;
    bool any = false;
    while (j < t.size() && t.at(j).kind == Token::String) {
        text += t.at(j).text;
        any = true;
        ++j;
    }
    if (!any || !(isPunct(t, j, u",") || isPunct(t, j, u")")))
        return false;
    *value = text;
    *next = j;
    return true;
}

} // namespace

QStringList TrContextCheck::sourceFiles(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

void TrContextCheck::scan(const QStringList &files)
{
    for (const QString &file : files)
        scanFile(file);
    m_calls.clear();
    for (const PendingCall &pending : std::as_const(m_pending)) {
        Call call = pending.call;
        call.context = resolve(pending);
        m_calls.append(call);
    }
}

void TrContextCheck::scanFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QList<Token> t = tokenize(QString::fromUtf8(file.readAll()));
    const bool header = path.endsWith(QLatin1String(".h"));

    // Tr instances: `Tr name{"ctx"}`, `Tr name("ctx")`, `Tr name = {"ctx"}`; their namespace is
    // filled in by the scope walk below.
    QHash<QString, QString> instances;
    QHash<int, QString> instanceAt; // token index of the name → name
    for (int i = 0; i + 3 < t.size(); ++i) {
        if (!isIdent(t, i, u"Tr") || !isIdent(t, i + 1) || isPunct(t, i - 1, u"::"))
            continue;
        int j = i + 2;
        if (isPunct(t, j, u"="))
            ++j;
        if ((isPunct(t, j, u"{") || isPunct(t, j, u"(")) && t.at(j + 1).kind == Token::String) {
            instances.insert(t.at(i + 1).text, t.at(j + 1).text);
            instanceAt.insert(i + 1, t.at(j + 1).text);
        }
    }

    QList<Scope> stack{{Scope::Namespace, QString(), QString()}};
    int headerStart = 0; // first token of the declaration being read at namespace/class level

    auto classify = [&](int brace) -> Scope {
        const Scope &outer = stack.constLast();
        if (outer.kind == Scope::Function || outer.kind == Scope::Block || outer.kind == Scope::InitBrace) {
            // Inside code: a local class, or any other block (lambda, control statement, initializer).
            int k = headerStart;
            while (k < brace && (isIdent(t, k, u"static") || isIdent(t, k, u"const")))
                ++k;
            if (isIdent(t, k, u"class") || isIdent(t, k, u"struct")) {
                int e = k + 1;
                while (e < brace && !isPunct(t, e, u":") && !isIdent(t, e, u"final"))
                    ++e;
                const QString name = isIdent(t, e - 1) && e - 1 > k ? t.at(e - 1).text : QString();
                const QString cls = join(outer.cls.isEmpty() ? outer.ns : outer.cls, name);
                ClassInfo &info = m_classes[cls];
                info.scope = outer.ns;
                return {Scope::Class, outer.ns, cls};
            }
            return {Scope::Block, outer.ns, outer.cls};
        }
        int k = headerStart;
        // template <...>
        if (isIdent(t, k, u"template") && isPunct(t, k + 1, u"<")) {
            int depth = 0;
            for (++k; k < brace; ++k) {
                if (isPunct(t, k, u"<"))
                    ++depth;
                else if (isPunct(t, k, u">") && --depth == 0) {
                    ++k;
                    break;
                }
            }
        }
        while (k < brace
               && (isIdent(t, k, u"inline") || isIdent(t, k, u"static") || isIdent(t, k, u"const")
                   || isIdent(t, k, u"typedef") || isIdent(t, k, u"extern")))
            ++k;
        if (isIdent(t, k, u"namespace")) {
            QString name;
            for (int j = k + 1; j < brace; ++j) {
                if (isIdent(t, j))
                    name = join(name, t.at(j).text);
            }
            return {Scope::Namespace, join(outer.ns, name), QString()};
        }
        if (t.at(k).kind == Token::String) // extern "C"
            return {Scope::Namespace, outer.ns, QString()};
        if (isIdent(t, k, u"enum"))
            return {Scope::Block, outer.ns, outer.cls};
        if (isIdent(t, k, u"class") || isIdent(t, k, u"struct") || isIdent(t, k, u"union")) {
            int e = k + 1;
            while (e < brace && !isPunct(t, e, u":") && !isIdent(t, e, u"final") && !isPunct(t, e, u"<"))
                ++e;
            QString name;
            if (e - 1 > k && isIdent(t, e - 1))
                name = qualifiedNameEndingAt(t, e - 1, k);
            const QString base = outer.cls.isEmpty() ? outer.ns : outer.cls;
            const QString cls = join(base, name);
            ClassInfo &info = m_classes[cls];
            info.scope = base;
            // Bases: `: public A, private B<C>`
            int c = e;
            while (c < brace && !isPunct(t, c, u":"))
                ++c;
            int depth = 0;
            int lastIdent = -1;
            for (int j = c + 1; j <= brace; ++j) {
                if (isPunct(t, j, u"<"))
                    ++depth;
                else if (isPunct(t, j, u">"))
                    --depth;
                else if (depth == 0 && (isPunct(t, j, u",") || j == brace)) {
                    if (lastIdent >= 0)
                        info.bases.append(qualifiedNameEndingAt(t, lastIdent, c));
                    lastIdent = -1;
                } else if (depth == 0 && isIdent(t, j) && !isIdent(t, j, u"public") && !isIdent(t, j, u"private")
                           && !isIdent(t, j, u"protected") && !isIdent(t, j, u"virtual")) {
                    lastIdent = j;
                }
            }
            return {Scope::Class, outer.ns, cls};
        }
        // A function definition: the first top-level '(' preceded by a (qualified) name; not one inside
        // template arguments (std::function<void(int)> Foo::bar()).
        int angles = 0;
        for (int j = k; j < brace; ++j) {
            if (isPunct(t, j, u"<") && !isIdent(t, j - 1, u"operator"))
                ++angles;
            else if (isPunct(t, j, u">") && angles > 0 && !isIdent(t, j - 1, u"operator"))
                --angles;
            if (!isPunct(t, j, u"(") || angles > 0)
                continue;
            int nameAt = j - 1;
            QString qualifier;
            if (isIdent(t, nameAt)) {
                // operator==, operator() etc.: walk back to `operator`
                const QString full = qualifiedNameEndingAt(t, nameAt, headerStart);
                qualifier = parentScope(full);
            } else {
                int op = j - 1;
                while (op > k && !isIdent(t, op, u"operator"))
                    --op;
                if (!isIdent(t, op, u"operator"))
                    return {Scope::Block, outer.ns, outer.cls}; // a lambda, an initializer
                if (isPunct(t, op - 1, u"::") && isIdent(t, op - 2))
                    qualifier = qualifiedNameEndingAt(t, op - 2, headerStart);
            }
            // Constructor initializers: `Foo::Foo() : m_a{x} {` — a brace right after a name is an initializer.
            const int close = matching(t, j);
            bool initList = false;
            for (int m = close + 1; m < brace; ++m) {
                if (isPunct(t, m, u":"))
                    initList = true;
            }
            if (initList && (isIdent(t, brace - 1) || isPunct(t, brace - 1, u">")))
                return {Scope::InitBrace, outer.ns, outer.cls};
            QString cls = outer.cls;
            if (!qualifier.isEmpty())
                cls = resolveClass(qualifier, outer.cls.isEmpty() ? outer.ns : outer.cls);
            return {Scope::Function, outer.ns, cls};
        }
        return {Scope::Block, outer.ns, outer.cls};
    };

    // At namespace or class level a call can only be in a constructor's initializer list
    // (`Foo::Foo() : m_a(tr("…"))`): it belongs to that constructor's class.
    auto initializerClass = [&](int at) -> QString {
        const Scope &outer = stack.constLast();
        int angles = 0;
        for (int j = headerStart; j < at; ++j) {
            if (isPunct(t, j, u"<"))
                ++angles;
            else if (isPunct(t, j, u">") && angles > 0)
                --angles;
            if (!isPunct(t, j, u"(") || !isIdent(t, j - 1) || angles > 0)
                continue;
            const QString qualifier = parentScope(qualifiedNameEndingAt(t, j - 1, headerStart));
            if (qualifier.isEmpty())
                return outer.cls;
            return resolveClass(qualifier, outer.cls.isEmpty() ? outer.ns : outer.cls);
        }
        return outer.cls;
    };

    for (int i = 0; i < t.size(); ++i) {
        const Token &tok = t.at(i);
        const Scope &top = stack.constLast();
        const bool declarationLevel = top.kind == Scope::Namespace || top.kind == Scope::Class;
        if (instanceAt.contains(i)) {
            const Instance instance{tok.text, top.ns, instanceAt.value(i)};
            (header ? m_headerInstances[QString()] : m_instances[path]).append(instance);
        }
        if (tok.kind == Token::Punct) {
            if (tok.text == u"{") {
                const Scope scope = classify(i);
                if (qEnvironmentVariableIsSet("FD_TRCHECK_DEBUG")
                    && path.endsWith(qEnvironmentVariable("FD_TRCHECK_DEBUG")))
                    qDebug("%d: open kind %d cls %s", tok.line, int(scope.kind), qPrintable(scope.cls));
                stack.append(scope);
                if (scope.kind != Scope::InitBrace)
                    headerStart = i + 1;
            } else if (tok.text == u"}") {
                const Scope closed = stack.size() > 1 ? stack.takeLast() : stack.constLast();
                if (closed.kind != Scope::InitBrace)
                    headerStart = i + 1;
            } else if (tok.text == u";") {
                headerStart = i + 1;
            } else if (tok.text == u":" && declarationLevel && top.kind == Scope::Class && i > 0
                       && (isIdent(t, i - 1, u"public") || isIdent(t, i - 1, u"private")
                           || isIdent(t, i - 1, u"protected") || isIdent(t, i - 1, u"slots")
                           || isIdent(t, i - 1, u"Q_SLOTS") || isIdent(t, i - 1, u"signals")
                           || isIdent(t, i - 1, u"Q_SIGNALS"))) {
                headerStart = i + 1;
            }
            continue;
        }
        if (tok.kind != Token::Ident)
            continue;

        // Macros in class bodies that end without a semicolon.
        if (top.kind == Scope::Class && tok.text.startsWith(QLatin1String("Q_"))) {
            ClassInfo &info = m_classes[top.cls];
            if (tok.text == u"Q_OBJECT" || tok.text == u"Q_GADGET")
                info.trContext = top.cls;
            int end = i;
            if (isPunct(t, i + 1, u"(")) {
                end = matching(t, i + 1);
                if (tok.text == u"Q_DECLARE_TR_FUNCTIONS") {
                    QString arg;
                    for (int j = i + 2; j < end; ++j)
                        arg += t.at(j).text;
                    info.trContext = arg;
                }
            }
            if (tok.text != u"Q_INVOKABLE" && tok.text != u"Q_SIGNAL" && tok.text != u"Q_SLOT") {
                headerStart = end + 1;
                i = end;
            }
            continue;
        }

        if (!isPunct(t, i + 1, u"("))
            continue;
        const QString &name = tok.text;
        PendingCall pending;
        pending.call.file = path;
        pending.call.line = tok.line;
        pending.cls = declarationLevel ? initializerClass(i) : top.cls;
        pending.scope = top.cls.isEmpty() ? top.ns : top.cls;
        int arg = i + 2;

        const auto declaredInHeader = [&](const QString &instance) {
            const QList<Instance> &list = m_headerInstances[QString()];
            return std::any_of(list.cbegin(), list.cend(), [&](const Instance &x) { return x.name == instance; });
        };
        if (name == u"tr" || instances.contains(name) || declaredInHeader(name)) {
            if (isPunct(t, i - 1, u".") || isPunct(t, i - 1, u"->")) {
                if (!isIdent(t, i - 2, u"this")) {
                    ++m_dynamic; // someObject.tr(…): not a form we use
                    continue;
                }
                pending.kind = PendingCall::Unqualified;
            } else if (isPunct(t, i - 1, u"::")) {
                if (!isIdent(t, i - 2))
                    continue;
                pending.kind = PendingCall::Qualified;
                pending.qualifier = qualifiedNameEndingAt(t, i - 2, 0);
            } else if (isIdent(t, i - 1) && !statementKeywords().contains(t.at(i - 1).text)) {
                continue; // a declaration: QString tr(const char *…)
            } else if (name != u"tr") {
                pending.kind = PendingCall::Instance;
                pending.instance = name;
            } else {
                pending.kind = PendingCall::Unqualified;
            }
            QString source;
            int next = 0;
            if (!literalArgument(t, arg, &source, &next)) {
                ++m_dynamic;
                continue;
            }
            pending.call.source = source;
            if (isPunct(t, next, u",") && t.at(next + 1).kind == Token::String) {
                QString comment;
                int after = 0;
                if (literalArgument(t, next + 1, &comment, &after))
                    pending.call.comment = comment;
            }
            m_pending.append(pending);
            continue;
        }
        if (name == u"translate" || name == u"QT_TRANSLATE_NOOP" || name == u"QT_TRANSLATE_NOOP3"
            || name == u"QT_TRANSLATE_N_NOOP" || name == u"QT_TRANSLATE_N_NOOP3") {
            if (name == u"translate") {
                // QCoreApplication::translate / QApplication::translate / qApp->translate
                const bool qualified = isPunct(t, i - 1, u"::") && isIdent(t, i - 2)
                                       && t.at(i - 2).text.endsWith(QLatin1String("Application"));
                const bool viaApp = isPunct(t, i - 1, u"->") && isIdent(t, i - 2, u"qApp");
                if (!qualified && !viaApp)
                    continue;
            }
            QString context;
            int next = 0;
            if (!literalArgument(t, arg, &context, &next) || !isPunct(t, next, u",")) {
                ++m_dynamic;
                continue;
            }
            QString source;
            int after = 0;
            if (!literalArgument(t, next + 1, &source, &after)) {
                ++m_dynamic;
                continue;
            }
            if (isPunct(t, after, u",") && t.at(after + 1).kind == Token::String) {
                QString comment;
                int end = 0;
                if (literalArgument(t, after + 1, &comment, &end))
                    pending.call.comment = comment;
            }
            pending.kind = PendingCall::Explicit;
            pending.call.context = context;
            pending.call.source = source;
            m_pending.append(pending);
            continue;
        }
        if (name == u"QT_TR_NOOP" || name == u"QT_TR_N_NOOP" || name == u"QT_TR_NOOP_UTF8") {
            // The string is translated later by a tr() we cannot see; assume the tr() of this scope.
            QString source;
            int next = 0;
            if (!literalArgument(t, arg, &source, &next)) {
                ++m_dynamic;
                continue;
            }
            pending.kind = PendingCall::Unqualified;
            pending.call.source = source;
            m_pending.append(pending);
        }
    }
}

QString TrContextCheck::resolveClass(const QString &name, const QString &from) const
{
    // Like C++ lookup: from the innermost scope outwards.
    for (QString scope = from;; scope = parentScope(scope)) {
        const QString candidate = join(scope, name);
        if (m_classes.contains(candidate))
            return candidate;
        if (scope.isEmpty())
            break;
    }
    return join(from, name);
}

QString TrContextCheck::trOfClass(const QString &cls, int depth) const
{
    if (cls.isEmpty() || depth > 10)
        return {};
    const auto it = m_classes.constFind(cls);
    if (it != m_classes.cend()) {
        if (!it->trContext.isEmpty())
            return it->trContext;
        for (const QString &base : it->bases) {
            const QString bare = base.startsWith(QLatin1String("::")) ? base.mid(2) : base;
            if (qtObjectClasses().contains(bare))
                return bare; // QObject::tr and friends: the context is the Qt class
            const QString resolved = resolveClass(bare, it->scope);
            if (m_classes.contains(resolved)) {
                const QString inherited = trOfClass(resolved, depth + 1);
                if (!inherited.isEmpty())
                    return inherited;
            }
        }
    }
    // A nested class sees its enclosing class's members.
    const QString outer = parentScope(cls);
    if (m_classes.contains(outer))
        return trOfClass(outer, depth + 1);
    return {};
}

QString TrContextCheck::resolve(const PendingCall &pending) const
{
    switch (pending.kind) {
    case PendingCall::Explicit:
        return pending.call.context;
    case PendingCall::Qualified: {
        if (qtObjectClasses().contains(pending.qualifier))
            return pending.qualifier;
        return trOfClass(resolveClass(pending.qualifier, pending.scope));
    }
    case PendingCall::Unqualified:
    case PendingCall::Instance: {
        const QString name = pending.instance.isEmpty() ? QStringLiteral("tr") : pending.instance;
        if (pending.instance.isEmpty() || name == u"tr") {
            const QString fromClass = trOfClass(pending.cls);
            if (!fromClass.isEmpty())
                return fromClass;
        }
        // The instance of that name in the innermost namespace around the call (C++ lookup).
        const QString from = pending.cls.isEmpty() ? pending.scope : pending.cls;
        QString best;
        int bestLength = -1;
        const QList<Instance> candidates = m_instances.value(pending.call.file) + m_headerInstances.value(QString());
        for (const Instance &instance : candidates) {
            const bool encloses
                = instance.ns.isEmpty() || from == instance.ns || from.startsWith(instance.ns + QLatin1String("::"));
            if (instance.name == name && encloses && int(instance.ns.size()) > bestLength) {
                best = instance.context;
                bestLength = int(instance.ns.size());
            }
        }
        return best;
    }
    }
    return {};
}

bool TrContextCheck::loadCatalogue(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QString comment;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            source.clear();
            comment.clear();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"comment") {
            comment = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QStringView type = xml.attributes().value(QLatin1String("type"));
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            Entry entry;
            entry.finished = type.isEmpty() && !text.trimmed().isEmpty();
            if (type == u"obsolete" || type == u"vanished")
                continue;
            m_catalogue[context].insert(source + QChar(0x1f) + comment, entry);
        }
    }
    return !xml.hasError();
}

QList<TrContextCheck::Problem> TrContextCheck::problems(bool requireFinished) const
{
    QList<Problem> out;
    for (const Call &call : m_calls) {
        const QString key = call.source + QChar(0x1f) + call.comment;
        if (call.context.isEmpty()) {
            out.append({call, QStringLiteral("no translation context at run time")});
            continue;
        }
        const auto ctx = m_catalogue.constFind(call.context);
        const bool present = ctx != m_catalogue.cend() && ctx->contains(key);
        if (present && (!requireFinished || ctx->value(key).finished))
            continue;
        if (present) {
            out.append({call, QStringLiteral("unfinished in the catalogue")});
            continue;
        }
        QStringList elsewhere;
        for (auto it = m_catalogue.cbegin(); it != m_catalogue.cend(); ++it) {
            if (it->contains(key))
                elsewhere.append(it.key());
        }
        elsewhere.sort();
        out.append({call,
                    elsewhere.isEmpty()
                        ? QStringLiteral("not in the catalogue")
                        : QStringLiteral("the catalogue has it only under ") + elsewhere.join(QLatin1String(", "))});
    }
    return out;
}

} // namespace FateDeployer

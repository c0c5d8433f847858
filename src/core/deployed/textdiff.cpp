// SPDX-License-Identifier: Apache-2.0
#include "textdiff.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace FateDeployer {

namespace {

QStringList linesOf(const QByteArray &text)
{
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // a final newline ends the last line, it does not start another
    return lines;
}

struct Op
{
    char kind; ///< ' ', '-', '+'
    int a;     ///< line index in before (for ' ' and '-')
    int b;     ///< line index in after (for ' ' and '+')
};

} // namespace

QString TextDiff::unified(const QByteArray &before, const QByteArray &after, const QString &name, int context)
{
    if (before == after)
        return {};
    const QStringList a = linesOf(before);
    const QStringList b = linesOf(after);
    // The common head and tail need no table; the middle (what a config change touches) is small.
    int head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const int n = a.size() - head - tail;
    const int m = b.size() - head - tail;
    // Longest common subsequence of the middle, from the end (lcs[i][j] = LCS of a[i..], b[j..]).
    std::vector<std::vector<int>> lcs(size_t(n) + 1, std::vector<int>(size_t(m) + 1, 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QList<Op> ops;
    for (int i = 0; i < head; ++i)
        ops.append({' ', i, i});
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[head + i] == b[head + j]) {
            ops.append({' ', head + i, head + j});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            ops.append({'-', head + i, head + j}); // removed lines first, as diff -u prints them
            ++i;
        } else {
            ops.append({'+', head + i, head + j});
            ++j;
        }
    }
    for (int k = 0; k < tail; ++k)
        ops.append({' ', int(a.size()) - tail + k, int(b.size()) - tail + k});

    QString out = QStringLiteral("--- a/%1\n+++ b/%1\n").arg(name);
    int k = 0;
    while (k < ops.size()) {
        if (ops[k].kind == ' ') {
            ++k;
            continue;
        }
        // One hunk: from context lines before this change to context lines after the last change that is
        // at most 2 * context lines further.
        const int start = std::max(0, k - context);
        int end = k;
        int lastChange = k;
        while (end < ops.size()) {
            if (ops[end].kind != ' ')
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min<int>(ops.size(), lastChange + context + 1);
        int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        QString body;
        for (int x = start; x < end; ++x) {
            const Op &op = ops[x];
            if (op.kind != '+') {
                if (aStart < 0)
                    aStart = op.a;
                ++aCount;
            }
            if (op.kind != '-') {
                if (bStart < 0)
                    bStart = op.b;
                ++bCount;
            }
            body += QLatin1Char(op.kind) + (op.kind == '+' ? b[op.b] : a[op.a]) + QLatin1Char('\n');
        }
        // diff -u numbers an empty side by the line before it.
        if (aStart < 0)
            aStart = ops[start].a - 1;
        if (bStart < 0)
            bStart = ops[start].b - 1;
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(aStart + 1).arg(aCount).arg(bStart + 1).arg(bCount);
        out += body;
        k = end;
    }
    return out;
}

} // namespace FateDeployer

// SPDX-License-Identifier: Apache-2.0
// A scripted Prompter for tests: fixed answers, records every question.
#pragma once

#include "remote/prompter.h"

#include <QList>
#include <QMutex>

namespace FateDeployer::Testing {

class TestPrompter : public Prompter
{
public:
    HostKeyAnswer hostKeyAnswer = HostKeyAnswer::Reject;
    QStringList secrets;   ///< answers in order; when exhausted: cancelled
    bool remember = false; ///< SecretAnswer::remember for every answer

    QList<HostKeyQuestion> hostKeyQuestions;
    QList<SecretQuestion> secretQuestions;

    HostKeyAnswer askHostKey(const HostKeyQuestion &question, const CancelToken &) override
    {
        QMutexLocker lock(&m_mutex);
        hostKeyQuestions << question;
        return hostKeyAnswer;
    }
    SecretAnswer askSecret(const SecretQuestion &question, const CancelToken &) override
    {
        QMutexLocker lock(&m_mutex);
        secretQuestions << question;
        SecretAnswer a;
        if (m_next < secrets.size()) {
            a.cancelled = false;
            a.secret = secrets.at(m_next++);
            a.remember = remember;
        }
        return a;
    }

private:
    QMutex m_mutex;
    int m_next = 0;
};

} // namespace FateDeployer::Testing

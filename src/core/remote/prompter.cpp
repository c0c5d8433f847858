// SPDX-License-Identifier: Apache-2.0
#include "remote/prompter.h"

#include <QMetaObject>
#include <QThread>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace FateDeployer {

namespace {

template<typename Answer>
struct Waiter
{
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    Answer answer{};

    void set(Answer a)
    {
        {
            std::lock_guard lock(mutex);
            if (done)
                return; // the first answer counts; late or repeated replies are ignored
            answer = std::move(a);
            done = true;
        }
        cv.notify_all();
    }
};

/// Runs handler on context's thread and waits for its reply, polling the cancel flags.
template<typename Answer, typename Question, typename Handler>
Answer askOn(const QPointer<QObject> &context,
             const Handler &handler,
             const Question &question,
             const CancelToken &cancel,
             const CancelToken &destroyed,
             Answer fallback)
{
    QObject *target = context.data();
    if (!target || !handler || cancel.isCancelled() || destroyed.isCancelled())
        return fallback;
    auto waiter = std::make_shared<Waiter<Answer>>();
    auto reply = [waiter](Answer a) { waiter->set(std::move(a)); };
    if (QThread::currentThread() == target->thread()) {
        // Same thread: the handler must answer synchronously (e.g. a CLI reading the terminal); we cannot wait
        // for an event loop we are blocking.
        handler(question, reply);
        std::lock_guard lock(waiter->mutex);
        return waiter->done ? waiter->answer : fallback;
    }
    QMetaObject::invokeMethod(
        target, [handler, question, reply]() { handler(question, reply); }, Qt::QueuedConnection);
    std::unique_lock lock(waiter->mutex);
    while (!waiter->done) {
        if (cancel.isCancelled() || destroyed.isCancelled() || context.isNull())
            return fallback;
        waiter->cv.wait_for(lock, std::chrono::milliseconds(50));
    }
    return waiter->answer;
}

} // namespace

MarshallingPrompter::MarshallingPrompter(QObject *context, HostKeyHandler hostKeyHandler, SecretHandler secretHandler)
    : m_context(context)
    , m_hostKeyHandler(std::move(hostKeyHandler))
    , m_secretHandler(std::move(secretHandler))
{}

MarshallingPrompter::~MarshallingPrompter()
{
    m_destroyed.cancel();
}

HostKeyAnswer MarshallingPrompter::askHostKey(const HostKeyQuestion &question, const CancelToken &cancel)
{
    return askOn<HostKeyAnswer>(m_context, m_hostKeyHandler, question, cancel, m_destroyed, HostKeyAnswer::Reject);
}

SecretAnswer MarshallingPrompter::askSecret(const SecretQuestion &question, const CancelToken &cancel)
{
    return askOn<SecretAnswer>(m_context, m_secretHandler, question, cancel, m_destroyed, SecretAnswer{});
}

} // namespace FateDeployer

package io.roomchat.bench;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The load generator's client threads. A job that one of these threads hands over (mostly a selector's read of a
 * socket that has data) runs on that thread at once instead of waking another one: a read's work is a few
 * microseconds and never blocks, and at a few posts a second, when every frame arrives in a read of its own, a
 * hand-over per read cost more CPU (wake-ups, context switches) than the frame's work itself. Jobs from other
 * threads (start-up, the pacer's writes) go to the pool as usual.
 */
final class InlineThreadPool extends QueuedThreadPool {
    private final ThreadGroup group;

    private InlineThreadPool(ThreadGroup group, int maxThreads, int reservedThreads) {
        super(maxThreads, Math.min(2, maxThreads), 60_000, reservedThreads, null, group);
        this.group = group;
    }

    static InlineThreadPool named(String name, int maxThreads, int reservedThreads) {
        InlineThreadPool pool = new InlineThreadPool(new ThreadGroup(name), maxThreads, reservedThreads);
        pool.setName(name);
        return pool;
    }

    @Override
    public void execute(Runnable job) {
        Thread current = Thread.currentThread();
        if (current.getThreadGroup() != group) {
            super.execute(job);
            return;
        }
        try {
            job.run();
        } catch (RuntimeException failure) {
            // As the pool would have: reported, and the handing thread carries on with its own work.
            current.getUncaughtExceptionHandler().uncaughtException(current, failure);
        }
    }
}

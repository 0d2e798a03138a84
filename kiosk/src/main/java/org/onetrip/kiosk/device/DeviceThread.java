package org.onetrip.kiosk.device;

/**
 * The one daemon thread a device driver or simulator runs on: started once, stopped by
 * {@link #stop()} which interrupts it and waits for it to end. The body polls {@link #running()}.
 */
public final class DeviceThread {
    private final String name;
    private final Runnable body;
    private volatile boolean running;
    private Thread thread;

    public DeviceThread(String name, Runnable body) {
        this.name = name;
        this.body = body;
    }

    /** Starts the thread; false when it was already started. */
    public synchronized boolean start() {
        if (thread != null) {
            return false;
        }
        running = true;
        thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    public synchronized boolean started() {
        return thread != null;
    }

    public boolean running() {
        return running;
    }

    /** Asks the thread to end, interrupts its waits, and waits up to 5 s for it. */
    public void stop() {
        stop(() -> { });
    }

    /**
     * As {@link #stop()}, running {@code unblock} (closing a port or a pipe the body is blocked
     * on) after the body can see it should end and before waiting for it.
     */
    public void stop(Runnable unblock) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        unblock.run();
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

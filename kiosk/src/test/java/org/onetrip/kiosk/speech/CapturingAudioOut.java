package org.onetrip.kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A player that keeps every clip's bytes and the time its first bytes arrived (System.nanoTime).
 * With {@code holdUntilCancelled} a clip "plays" until it is cancelled, as a long sentence would.
 */
public final class CapturingAudioOut implements AudioOut {
    private final boolean holdUntilCancelled;
    private final List<Clip> clips = new ArrayList<>();

    public CapturingAudioOut(boolean holdUntilCancelled) {
        this.holdUntilCancelled = holdUntilCancelled;
    }

    /** One clip as the player received it. */
    public static final class Clip {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile long firstByteNanos;
        volatile boolean cancelled;
        volatile boolean ended;
        final CountDownLatch stopped = new CountDownLatch(1);

        public synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        public long firstByteNanos() {
            return firstByteNanos;
        }

        public boolean cancelled() {
            return cancelled;
        }

        public boolean ended() {
            return ended;
        }
    }

    public synchronized List<Clip> clips() {
        return List.copyOf(clips);
    }

    @Override
    public String problem() {
        return null;
    }

    @Override
    public String describe() {
        return "captured by the test";
    }

    @Override
    public Playback open() {
        Clip c = new Clip();
        synchronized (this) {
            clips.add(c);
        }
        OutputStream in = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (c.cancelled) {
                    throw new IOException("broken pipe (cancelled)");
                }
                synchronized (c) {
                    if (c.firstByteNanos == 0 && c.bytes.size() + len > Wav.HEADER_BYTES) {
                        c.firstByteNanos = System.nanoTime(); // the first sample, past the header
                    }
                    c.bytes.write(b, off, len);
                }
            }
        };
        return new Playback() {
            @Override
            public OutputStream input() {
                return in;
            }

            @Override
            public String awaitEnd() throws InterruptedException {
                if (holdUntilCancelled) {
                    c.stopped.await();
                }
                c.ended = true;
                return null;
            }

            @Override
            public void cancel() {
                c.cancelled = true;
                c.stopped.countDown();
            }
        };
    }
}

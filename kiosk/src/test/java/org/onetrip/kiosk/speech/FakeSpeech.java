package org.onetrip.kiosk.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.onetrip.kiosk.device.DeviceStatus;

/** A speech port that records what it was asked to say, in order. Thread-safe. */
public final class FakeSpeech implements Speech {
    private final List<Utterance> said = new ArrayList<>();
    private int stops;
    private volatile int volume = 80;

    @Override
    public synchronized void say(Utterance u) {
        said.add(u);
    }

    @Override
    public synchronized void stop() {
        stops++;
    }

    /** Every utterance so far, oldest first. */
    public synchronized List<Utterance> said() {
        return List.copyOf(said);
    }

    /** The texts of every utterance so far, oldest first. */
    public synchronized List<String> texts() {
        return said.stream().map(Utterance::text).toList();
    }

    public synchronized int stops() {
        return stops;
    }

    public synchronized void clear() {
        said.clear();
    }

    @Override
    public void setVolume(int percent) {
        volume = percent;
    }

    @Override
    public int volume() {
        return volume;
    }

    @Override
    public String id() {
        return "speech";
    }

    @Override
    public String name() {
        return "speech (recorded by the test)";
    }

    @Override
    public DeviceStatus status() {
        return DeviceStatus.online("test");
    }

    @Override
    public void addStatusListener(Consumer<DeviceStatus> listener) {
        // never changes
    }

    @Override
    public void start() {
        // nothing to open
    }

    @Override
    public void close() {
        // nothing to release
    }
}

package org.onetrip.kiosk.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk selftest}: opens every device and the store and reports each status. Exits 1 when
 * anything is offline. A device switched off with {@code none} is listed as DISABLED and does not
 * count as offline: the profile says it is not there. A store that cannot be opened (a full disk)
 * is listed OFFLINE beside the devices, which are still tested. Pinyin input is listed too: OFFLINE
 * when Rime's data or OpenCC is not installed (the keyboard then has no pinyin).
 */
@Command(name = "selftest", description = "Report each device's status and the store's; exit 1 when something is offline.")
public final class SelftestCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--settle-ms", defaultValue = "3000", description = "How long devices may take to report (default 3000).")
    long settleMs;

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("kiosk.console.level", "WARN");
        KioskConfig config = options.load();
        Map<String, DeviceStatus> all = new LinkedHashMap<>();
        Kiosk kiosk;
        try {
            kiosk = Wiring.wire(config, Clock.systemDefaultZone());
        } catch (StoreException e) {
            return devicesOnly(config, e);
        }
        try (kiosk) {
            kiosk.startDevices();
            settle(kiosk.devices());
            for (Device d : kiosk.devices()) {
                all.put(d.id(), d.status());
            }
            all.put("store", kiosk.queue().status());
            // The kiosk opens the model when the pad first shows; selftest opens it now, so a model
            // that is there but unreadable is found here and not by a resident.
            kiosk.handwriting().prepare();
            all.put(org.onetrip.kiosk.ime.handwriting.HandwritingRecognizer.ID, kiosk.handwriting().status());
            kiosk.backOfficeSync().ifPresent(sync -> all.put(sync.id(), sync.probe()));
            all.put("pinyin", Wiring.pinyinInput(config).probe());
            return report(all);
        }
    }

    /** The store could not be opened: test the devices on their own and list the store OFFLINE. */
    private int devicesOnly(KioskConfig config, StoreException e) throws InterruptedException {
        List<Device> devices = new ArrayList<>();
        try {
            devices.add(Wiring.idCardReaderFor(config));
            devices.add(Wiring.printer(config, config.dataDir().resolve("receipts")));
            devices.add(Wiring.scannerFor(config));
            devices.add(Wiring.kioskIo(config, Clock.systemDefaultZone()));
            devices.add(Wiring.speech(config));
            devices.forEach(Device::start);
            settle(devices);
            Map<String, DeviceStatus> all = new LinkedHashMap<>();
            devices.forEach(d -> all.put(d.id(), d.status()));
            all.put("store", new DeviceStatus(DeviceState.OFFLINE,
                    e.diskFull() ? StatusDetail.HARDWARE_ERROR : StatusDetail.CONFIGURATION_ERROR, e.getMessage(),
                    Instant.now()));
            all.put("pinyin", Wiring.pinyinInput(config).probe());
            return report(all);
        } finally {
            devices.forEach(d -> {
                try {
                    d.close();
                } catch (RuntimeException closing) {
                    // reported by its status already
                }
            });
        }
    }

    private void settle(List<Device> devices) throws InterruptedException {
        long deadline = System.currentTimeMillis() + settleMs;
        while (System.currentTimeMillis() < deadline
                && devices.stream().anyMatch(d -> d.status().state() == DeviceState.UNKNOWN)) {
            Thread.sleep(50);
        }
    }

    /** Switched off in the profile ({@code none}): listed, not counted as offline. */
    static boolean counts(DeviceStatus s) {
        return !s.isOnline() && s.detail() != StatusDetail.DISABLED;
    }

    private int report(Map<String, DeviceStatus> all) {
        boolean ok = all.values().stream().noneMatch(SelftestCommand::counts);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            // "counted": whether this entry makes the test fail; a monitoring script that reads
            // "state" alone would raise an alarm for a device switched off with 'none'.
            all.forEach((k, v) -> out.put(k, Map.of("state", v.state().name(), "detail", v.detail().name(),
                    "message", v.message(), "counted", counts(v))));
            out.put("ok", ok);
            System.out.println(Json.write(out));
        } else {
            all.forEach((k, v) -> System.out.printf("%-11s %s%n", k, v));
            System.out.println(ok ? "selftest: all online" + (all.values().stream().anyMatch(v -> v.detail() == StatusDetail.DISABLED)
                    ? " (devices switched off with 'none' are not counted)" : "") : "selftest: something is offline");
        }
        return ok ? 0 : 1;
    }
}

package org.onetrip.kiosk.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onetrip.kiosk.app.Kiosk;
import org.onetrip.kiosk.app.Wiring;
import org.onetrip.kiosk.device.Device;
import org.onetrip.kiosk.device.DeviceState;
import org.onetrip.kiosk.device.DeviceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiosk selftest}: opens every device and the store and reports each status. Exits 1 when
 * anything is offline (a device switched off with {@code none} counts as offline: the technician
 * should know).
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
        try (Kiosk kiosk = Wiring.wire(options.load(), Clock.systemDefaultZone())) {
            kiosk.startDevices();
            long deadline = System.currentTimeMillis() + settleMs;
            while (System.currentTimeMillis() < deadline
                    && kiosk.devices().stream().anyMatch(d -> d.status().state() == DeviceState.UNKNOWN)) {
                Thread.sleep(50);
            }
            Map<String, DeviceStatus> all = new LinkedHashMap<>();
            for (Device d : kiosk.devices()) {
                all.put(d.id(), d.status());
            }
            all.put("store", kiosk.queue().status());
            kiosk.backOfficeSync().ifPresent(sync -> all.put(sync.id(), sync.probe()));
            boolean ok = all.values().stream().allMatch(DeviceStatus::isOnline);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                all.forEach((k, v) -> out.put(k, Map.of("state", v.state().name(), "detail", v.detail().name(),
                        "message", v.message())));
                out.put("ok", ok);
                System.out.println(Json.write(out));
            } else {
                all.forEach((k, v) -> System.out.printf("%-8s %s%n", k, v));
                System.out.println(ok ? "selftest: all online" : "selftest: something is offline");
            }
            return ok ? 0 : 1;
        }
    }
}

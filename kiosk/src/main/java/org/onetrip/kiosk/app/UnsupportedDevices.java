package org.onetrip.kiosk.app;

import java.util.function.Consumer;
import org.onetrip.kiosk.config.DeviceUri;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.StatusDetail;
import org.onetrip.kiosk.idcard.CardEvent;
import org.onetrip.kiosk.idcard.IdCardReader;
import org.onetrip.kiosk.printer.PrintOutcome;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.printer.ReceiptPrinter;

/**
 * Devices whose URI scheme this build has no driver for: a configuration error shown as the
 * device's status, so the kiosk still starts and says what is wrong.
 */
final class UnsupportedDevices {
    private UnsupportedDevices() {
    }

    private abstract static class Base {
        private final String id;
        private final DeviceStatus status;

        Base(String id, DeviceUri uri) {
            this.id = id;
            this.status = DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR,
                    "no driver in this build for " + id + ".device=" + uri);
        }

        public String id() {
            return id;
        }

        public String name() {
            return id + " (unsupported)";
        }

        public DeviceStatus status() {
            return status;
        }

        public void addStatusListener(Consumer<DeviceStatus> l) {
            // never changes
        }

        public void start() {
            // nothing to open
        }

        public void close() {
            // nothing to release
        }
    }

    static final class IdCard extends Base implements IdCardReader {
        IdCard(DeviceUri uri) {
            super("idcard", uri);
        }

        @Override
        public void setCardListener(Consumer<CardEvent> l) {
            // never reads
        }
    }

    static final class Printer extends Base implements ReceiptPrinter {
        Printer(DeviceUri uri) {
            super("printer", uri);
        }

        @Override
        public PrintOutcome print(Receipt r) {
            return PrintOutcome.failed(status());
        }
    }
}

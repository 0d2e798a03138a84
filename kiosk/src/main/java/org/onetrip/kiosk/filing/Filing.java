package org.onetrip.kiosk.filing;

import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.catalog.ServiceWindow;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.request.FiledRequest;

/** A committed request with everything the done screen and the printer need. */
public record Filing(FiledRequest filed, ServiceDefinition service, ServiceWindow window, String statusUrl,
        Receipt receipt) {

    public String ticket() {
        return filed.ticket();
    }
}

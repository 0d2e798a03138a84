package org.onetrip.kiosk.filing;

import java.util.Map;
import org.onetrip.kiosk.idcard.Identity;

/** What the resident (or agent) entered: the service, the form's values and the cards read. */
public record Submission(String serviceCode, Map<String, String> values, Identity resident, Identity agent) {

    public Submission {
        values = Map.copyOf(values);
    }
}

package org.onetrip.kiosk.catalog;

import java.util.Locale;

/** Open311 GeoReport v2 attribute datatypes. */
public enum Datatype {
    STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

    public static Datatype of(String open311) {
        return valueOf(open311.toUpperCase(Locale.ROOT));
    }

    public String open311() {
        return name().toLowerCase(Locale.ROOT);
    }
}

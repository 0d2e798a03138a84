package org.onetrip.kiosk.catalog;

import java.util.Locale;

/** Open311 GeoReport v2 attribute datatypes. */
public enum Datatype {
    STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

    /** The datatype for its Open311 name; an unknown name fails with the name and the choices. */
    public static Datatype of(String open311) {
        try {
            return valueOf(open311.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown datatype '" + open311
                    + "' (string, number, datetime, text, singlevaluelist, multivaluelist)");
        }
    }

    public String open311() {
        return name().toLowerCase(Locale.ROOT);
    }
}

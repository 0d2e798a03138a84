package org.onetrip.kiosk.catalog;

/** One choice of a list attribute: Open311's {@code key} and {@code name}. */
public record AttributeValue(String key, LocalizedText name) {
}

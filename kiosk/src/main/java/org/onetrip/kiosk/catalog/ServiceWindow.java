package org.onetrip.kiosk.catalog;

/**
 * One of the centre's four kinds of service window. The letter prefixes ticket numbers
 * ({@code D-017}); the code groups services as Open311's {@code group}.
 */
public record ServiceWindow(String code, char letter, LocalizedText name, LocalizedText description, String icon) {
}

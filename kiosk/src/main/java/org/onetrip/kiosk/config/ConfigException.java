package org.onetrip.kiosk.config;

/** A wrong or missing configuration value, reported with the key, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
    private final String key;
    private final String value;
    private final String allowed;

    public ConfigException(String key, String value, String allowed) {
        super("configuration key '" + key + "' has " + (value == null ? "no value" : "value '" + value + "'")
                + "; allowed: " + allowed);
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    private ConfigException(String key, String message) {
        super(message);
        this.key = key;
        this.value = null;
        this.allowed = message;
    }

    /** A problem that is not one value against its rule (a key given twice, a file that is not UTF-8). */
    public static ConfigException problem(String key, String message) {
        return new ConfigException(key, message);
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}

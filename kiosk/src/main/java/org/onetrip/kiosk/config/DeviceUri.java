package org.onetrip.kiosk.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a device is: {@code sim}, {@code none}, {@code serial:/dev/ttyUSB0?baud=115200},
 * {@code tcp:HOST:PORT}, {@code file:/dev/usb/lp0}, {@code keyboard}, {@code camera:COMMAND}.
 * The path of {@code camera:} is a whole command line and is kept verbatim.
 */
public record DeviceUri(Scheme scheme, String path, Map<String, String> params, String text) {

    public enum Scheme { SIM, NONE, SERIAL, TCP, FILE, KEYBOARD, CAMERA }

    public static final String SYNTAX =
            "sim | none | serial:PATH?baud=N | tcp:HOST:PORT | file:PATH | keyboard | camera:COMMAND";

    public DeviceUri {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Parses {@code value} for {@code key}, allowing only {@code schemes}. */
    public static DeviceUri parse(String key, String value, Set<Scheme> schemes) {
        String allowed = allowedText(schemes);
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, value, allowed);
        }
        String v = value.trim();
        int colon = v.indexOf(':');
        String schemeText = colon < 0 ? v : v.substring(0, colon);
        Scheme scheme;
        try {
            scheme = Scheme.valueOf(schemeText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, allowed);
        }
        if (!schemes.contains(scheme)) {
            throw new ConfigException(key, value, allowed);
        }
        String rest = colon < 0 ? "" : v.substring(colon + 1);
        Map<String, String> params = new LinkedHashMap<>();
        String path = rest;
        if (scheme != Scheme.CAMERA) {
            int q = rest.indexOf('?');
            if (q >= 0) {
                path = rest.substring(0, q);
                for (String pair : rest.substring(q + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new ConfigException(key, value, "parameters as name=value, e.g. ?baud=115200");
                    }
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        switch (scheme) {
            case SIM, NONE, KEYBOARD -> {
                if (!rest.isEmpty()) {
                    throw new ConfigException(key, value, schemeText + " takes no path");
                }
            }
            case SERIAL, FILE -> {
                if (path.isEmpty()) {
                    throw new ConfigException(key, value, schemeText + ":PATH, e.g. serial:/dev/ttyUSB0?baud=115200");
                }
            }
            case TCP -> {
                int c = path.lastIndexOf(':');
                if (c <= 0 || !path.substring(c + 1).matches("\\d{1,5}")
                        || Integer.parseInt(path.substring(c + 1)) == 0
                        || Integer.parseInt(path.substring(c + 1)) > 65535) {
                    throw new ConfigException(key, value, "tcp:HOST:PORT with PORT 1..65535, e.g. tcp:192.0.2.10:9100");
                }
            }
            case CAMERA -> {
                if (path.isBlank()) {
                    throw new ConfigException(key, value, "camera:COMMAND or camera:FOLDER");
                }
            }
        }
        return new DeviceUri(scheme, path, params, v);
    }

    private static String allowedText(Set<Scheme> schemes) {
        StringBuilder sb = new StringBuilder();
        for (Scheme s : Scheme.values()) {
            if (!schemes.contains(s)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(switch (s) {
                case SIM -> "sim";
                case NONE -> "none";
                case SERIAL -> "serial:PATH?baud=N";
                case TCP -> "tcp:HOST:PORT";
                case FILE -> "file:PATH";
                case KEYBOARD -> "keyboard";
                case CAMERA -> "camera:COMMAND";
            });
        }
        return sb.toString();
    }

    /** An integer parameter with a default; a non-number is a configuration error. */
    public int intParam(String key, String name, int defaultValue) {
        String v = params.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, text, name + " as a whole number");
        }
    }

    public String host() {
        return path.substring(0, path.lastIndexOf(':'));
    }

    public int port() {
        return Integer.parseInt(path.substring(path.lastIndexOf(':') + 1));
    }

    @Override
    public String toString() {
        return text;
    }
}

package org.onetrip.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.onetrip.kiosk.config.DeviceUri.Scheme;

/**
 * The kiosk's configuration: a profile file (properties, UTF-8) with {@code --set KEY=VALUE}
 * overrides on top. Every key is checked at start ({@link #validate()}), so a technician's typo is
 * reported with the key, the value and what is allowed instead of surfacing at 2 a.m.
 * The keys and their defaults are documented in {@code firmware-config/profiles/}.
 */
public final class KioskConfig {

    public static final String KIOSK_ID = "kiosk.id";
    public static final String LOCALE = "kiosk.locale";
    public static final String DATA_DIR = "data.dir";
    public static final String CENTRE_NAME_ZH = "centre.name.zh-CN";
    public static final String CENTRE_NAME_EN = "centre.name.en";
    public static final String CENTRE_PHONE = "centre.phone";
    public static final String CENTRE_HOURS_ZH = "centre.hours.zh-CN";
    public static final String CENTRE_HOURS_EN = "centre.hours.en";
    public static final String IDCARD_DEVICE = "idcard.device";
    public static final String PRINTER_DEVICE = "printer.device";
    public static final String SCANNER_DEVICE = "scanner.device";
    public static final String PAPER_WIDTH = "printer.paper-width-mm";
    public static final String PRINTER_CUT = "printer.cut";
    public static final String PRINTER_NATIVE_QR = "printer.native-qr";
    public static final String PRINTER_FONT = "printer.font";
    public static final String RECEIPT_SECOND_LANGUAGE = "receipt.second-language";
    public static final String IDLE_TIMEOUT = "session.idle-timeout-s";
    public static final String IDLE_WARNING = "session.idle-warning-s";
    public static final String ATTRACT_AFTER = "ui.attract-after-s";
    public static final String STATUS_URL_BASE = "status.url-base";
    public static final String BACKOFFICE_URL = "backoffice.url";
    public static final String BACKOFFICE_API_KEY = "backoffice.api-key";
    public static final String BACKOFFICE_TIMEOUT = "backoffice.timeout-s";
    public static final String BACKOFFICE_RETRY_MIN = "backoffice.retry-min-ms";
    public static final String BACKOFFICE_RETRY_MAX = "backoffice.retry-max-s";
    public static final String BACKOFFICE_STATUS_REFRESH = "backoffice.status-refresh-s";
    public static final String BACKOFFICE_HEARTBEAT = "backoffice.heartbeat-s";
    public static final String UI_FULLSCREEN = "ui.fullscreen";
    public static final String UI_SIMULATOR_PANEL = "ui.simulator-panel";
    public static final String UI_WIDTH = "ui.width";
    public static final String UI_HEIGHT = "ui.height";
    public static final String CATALOG_FILE = "catalog.file";
    public static final String PRIVACY_RETENTION_DAYS = "privacy.retention-days";
    public static final String MAINTENANCE_LOCKOUT = "maintenance.lockout-s";
    public static final String UI_HIDE_CURSOR = "ui.hide-cursor";
    /** The kiosk's look: {@code normal} or {@code high-contrast} (issue 12); a resident may switch for a visit. */
    public static final String UI_THEME = "ui.theme";
    public static final String RECOVERY_WINDOW = "recovery.window-s";
    public static final String PROXY_AGENTS_FILE = "proxy.agents-file";

    // The cabinet's I/O (issue 7): pins are BCM GPIO numbers, as gpiod and Pi4J count them.
    public static final String IO_DEVICE = "io.device";
    public static final String IO_PIN_PRESENCE = "io.pin.presence";
    public static final String IO_PIN_PAPER_LOW = "io.pin.paper-low";
    public static final String IO_PIN_TAMPER = "io.pin.tamper";
    public static final String IO_PIN_LIGHT_READY = "io.pin.light.ready";
    public static final String IO_PIN_LIGHT_BUSY = "io.pin.light.busy";
    public static final String IO_PIN_LIGHT_ATTENTION = "io.pin.light.attention";
    public static final String IO_PIN_LIGHT_FAULT = "io.pin.light.fault";
    public static final String IO_ACTIVE_LOW_PRESENCE = "io.active-low.presence";
    public static final String IO_ACTIVE_LOW_PAPER_LOW = "io.active-low.paper-low";
    public static final String IO_ACTIVE_LOW_TAMPER = "io.active-low.tamper";
    public static final String IO_ACTIVE_LOW_LIGHTS = "io.active-low.lights";
    public static final String DIM_AFTER = "ui.dim-after-s";
    /** Rime's data folder: luna_pinyin.dict.yaml and essay.txt for pinyin input (Debian's by default). */
    public static final String IME_RIME_DATA = "ime.rime-data";

    // Speech output (issue 12): espeak-ng through ALSA, the centre's recorded prompts.
    public static final String SPEECH_DEVICE = "speech.device";
    public static final String SPEECH_ENABLED = "speech.enabled";
    public static final String SPEECH_VOLUME = "speech.volume";
    public static final String SPEECH_RATE = "speech.rate-wpm";
    public static final String SPEECH_PROMPTS_DIR = "speech.prompts-dir";
    public static final String SPEECH_ALSA_DEVICE = "speech.alsa-device";
    public static final String SPEECH_ESPEAK_COMMAND = "speech.espeak-command";
    private static final Set<String> SPEECH_KEYS = Set.of(SPEECH_DEVICE, SPEECH_ENABLED, SPEECH_VOLUME, SPEECH_RATE,
            SPEECH_PROMPTS_DIR, SPEECH_ALSA_DEVICE, SPEECH_ESPEAK_COMMAND);

    /** Every pin key, in the order the technician's wiring table lists them. */
    public static final List<String> IO_PIN_KEYS = List.of(IO_PIN_PRESENCE, IO_PIN_PAPER_LOW, IO_PIN_TAMPER,
            IO_PIN_LIGHT_READY, IO_PIN_LIGHT_BUSY, IO_PIN_LIGHT_ATTENTION, IO_PIN_LIGHT_FAULT);

    /**
     * Active-low flags and their defaults, after the usual parts: a PIR module drives its output
     * high; a paper-low sensor pulls its line low; a normally-closed door switch to ground reads
     * high when the door opens or its wire is cut; a light is on when its pin is high.
     */
    private static final Map<String, Boolean> IO_ACTIVE_LOW_DEFAULTS = Map.of(IO_ACTIVE_LOW_PRESENCE, false,
            IO_ACTIVE_LOW_PAPER_LOW, true, IO_ACTIVE_LOW_TAMPER, false, IO_ACTIVE_LOW_LIGHTS, false);

    private static final Set<String> IO_KEYS = union(union(Set.of(IO_DEVICE, DIM_AFTER), Set.copyOf(IO_PIN_KEYS)),
            IO_ACTIVE_LOW_DEFAULTS.keySet());

    /** Every key the kiosk reads; anything else in a profile is a typo and refused. */
    public static final Set<String> KNOWN_KEYS = union(union(IO_KEYS, SPEECH_KEYS), Set.of(MAINTENANCE_LOCKOUT, UI_HIDE_CURSOR, UI_THEME, KIOSK_ID, LOCALE, DATA_DIR, CENTRE_NAME_ZH,
            CENTRE_NAME_EN, CENTRE_PHONE, CENTRE_HOURS_ZH, CENTRE_HOURS_EN, IDCARD_DEVICE, PRINTER_DEVICE,
            SCANNER_DEVICE, PAPER_WIDTH, PRINTER_CUT, PRINTER_NATIVE_QR, PRINTER_FONT, RECEIPT_SECOND_LANGUAGE, IDLE_TIMEOUT, IDLE_WARNING, ATTRACT_AFTER, STATUS_URL_BASE,
            BACKOFFICE_URL, BACKOFFICE_API_KEY, BACKOFFICE_TIMEOUT, BACKOFFICE_RETRY_MIN, BACKOFFICE_RETRY_MAX,
            BACKOFFICE_STATUS_REFRESH, BACKOFFICE_HEARTBEAT, UI_FULLSCREEN, UI_SIMULATOR_PANEL, UI_WIDTH, UI_HEIGHT,
            CATALOG_FILE, PRIVACY_RETENTION_DAYS, RECOVERY_WINDOW, PROXY_AGENTS_FILE, IME_RIME_DATA));

    /** The profile used without {@code --config}, bundled from firmware-config/profiles. */
    public static final String DEFAULT_PROFILE = "/profiles/simulator.properties";

    private final Map<String, String> values;
    private final String source;
    /** The profile file, or null for the bundled simulator profile. */
    private final Path profile;

    private KioskConfig(Map<String, String> values, String source, Path profile) {
        this.values = Map.copyOf(values);
        this.source = source;
        this.profile = profile;
    }

    /**
     * Loads {@code file} (or the bundled simulator profile when null) and applies overrides. The
     * file must be UTF-8 and name each key once ({@link ProfileFile}); {@code --set} may override a
     * key of the file, but not name one key twice.
     */
    public static KioskConfig load(Path file, List<String> overrides) {
        byte[] bytes;
        String source;
        try {
            if (file == null) {
                source = "bundled simulator profile";
                try (InputStream in = KioskConfig.class.getResourceAsStream(DEFAULT_PROFILE)) {
                    if (in == null) {
                        throw new IllegalStateException("bundled profile " + DEFAULT_PROFILE + " is missing from the build");
                    }
                    bytes = in.readAllBytes();
                }
            } else {
                source = file.toString();
                if (!Files.isReadable(file)) {
                    throw new ConfigException("--config", file.toString(), "a readable profile file");
                }
                bytes = Files.readAllBytes(file);
            }
        } catch (IOException e) {
            throw new ConfigException("--config", String.valueOf(file), "a readable profile file (" + e.getMessage() + ")");
        }
        Map<String, String> values = new TreeMap<>();
        ProfileFile.parse(bytes, source).forEach((k, e) -> values.put(k, e.value()));
        Map<String, Integer> setAt = new java.util.HashMap<>();
        int n = 0;
        for (String o : overrides == null ? List.<String>of() : overrides) {
            n++;
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set", o, "KEY=VALUE");
            }
            String key = o.substring(0, eq).trim();
            String value = o.substring(eq + 1).trim();
            Integer earlier = setAt.putIfAbsent(key, n);
            if (earlier != null) {
                throw ConfigException.problem(key, "--set " + key + " is given twice (the " + ordinal(earlier)
                        + " and the " + ordinal(n) + " --set); keep one");
            }
            String problem = org.onetrip.kiosk.text.TextRules.problem(value, false);
            if (problem != null) {
                throw ConfigException.problem(key, "--set " + key + ": " + problem);
            }
            values.put(key, value);
        }
        return new KioskConfig(values, source, file);
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    /** For tests and tools: a config from the bundled profile with these overrides. */
    public static KioskConfig simulator(String... overrides) {
        return load(null, List.of(overrides));
    }

    /** Checks every key; throws the first problem found. */
    public KioskConfig validate() {
        for (String k : values.keySet()) {
            if (!KNOWN_KEYS.contains(k)) {
                throw new ConfigException(k, values.get(k), "a documented key (see firmware-config/README.md)");
            }
        }
        kioskId();
        locale();
        dataDir();
        idCardDevice();
        printerDevice();
        scannerDevice();
        paperWidthMm();
        printerCut();
        printerNativeQr();
        printerFont();
        receiptSecondLanguage();
        idleTimeoutSeconds();
        idleWarningSeconds();
        attractAfterSeconds();
        statusUrlBase();
        backOfficeUrl();
        backOfficeTimeoutSeconds();
        backOfficeRetryMinMillis();
        backOfficeRetryMaxSeconds();
        backOfficeStatusRefreshSeconds();
        backOfficeHeartbeatSeconds();
        bool(UI_FULLSCREEN, false);
        bool(UI_SIMULATOR_PANEL, false);
        intValue(UI_WIDTH, 1280, 320, 7680);
        intValue(UI_HEIGHT, 800, 240, 4320);
        catalogFile();
        centrePhone();
        retentionDays();
        maintenanceLockoutSeconds();
        hideCursor();
        highContrast();
        recoveryWindowSeconds();
        validateIo();
        validateSpeech();
        return this;
    }

    public String source() {
        return source;
    }

    /** The profile file this configuration was read from; empty for the bundled simulator profile. */
    public java.util.Optional<Path> profileFile() {
        return java.util.Optional.ofNullable(profile);
    }

    /**
     * The registered proxy agents' file as the profile names it, or "" for none (then no card is
     * accepted as an agent's). A relative name is found beside the profile; read and checked by
     * {@code app/Wiring} at start.
     */
    public String proxyAgentsFile() {
        return get(PROXY_AGENTS_FILE, "");
    }

    public String raw(String key) {
        return values.get(key);
    }

    public String get(String key, String defaultValue) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? defaultValue : v;
    }

    public String kioskId() {
        String v = values.get(KIOSK_ID);
        if (v == null || !v.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConfigException(KIOSK_ID, v, "1 to 64 letters, digits, '.', '_' or '-'");
        }
        return v;
    }

    public Locale locale() {
        String v = get(LOCALE, "zh-CN");
        return switch (v) {
            case "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new ConfigException(LOCALE, v, "zh-CN | en");
        };
    }

    /** Rime's data for pinyin input; a missing folder is the input method's status, not a bad profile. */
    public Path rimeDataDir() {
        String v = get(IME_RIME_DATA, "/usr/share/rime-data");
        return Path.of(v.isBlank() ? "/usr/share/rime-data" : v);
    }

    public Path dataDir() {
        String v = values.get(DATA_DIR);
        if (v == null || v.isBlank()) {
            throw new ConfigException(DATA_DIR, v, "a folder path for the store, logs and receipts");
        }
        return Path.of(v);
    }

    public DeviceUri idCardDevice() {
        return DeviceUri.parse(IDCARD_DEVICE, values.get(IDCARD_DEVICE), EnumSet.of(Scheme.SIM, Scheme.NONE, Scheme.SERIAL));
    }

    public DeviceUri printerDevice() {
        return DeviceUri.parse(PRINTER_DEVICE, values.get(PRINTER_DEVICE),
                EnumSet.of(Scheme.SIM, Scheme.NONE, Scheme.SERIAL, Scheme.TCP, Scheme.FILE));
    }

    public DeviceUri scannerDevice() {
        return DeviceUri.parse(SCANNER_DEVICE, values.get(SCANNER_DEVICE),
                EnumSet.of(Scheme.SIM, Scheme.NONE, Scheme.SERIAL, Scheme.KEYBOARD, Scheme.CAMERA));
    }

    public int paperWidthMm() {
        String v = get(PAPER_WIDTH, "80");
        if (!v.equals("58") && !v.equals("80")) {
            throw new ConfigException(PAPER_WIDTH, v, "58 | 80");
        }
        return Integer.parseInt(v);
    }

    /** {@code full}, {@code partial} (default) or {@code none}: many 58 mm printers only cut partially or not at all. */
    public String printerCut() {
        String v = get(PRINTER_CUT, "partial");
        if (!v.matches("full|partial|none")) {
            throw new ConfigException(PRINTER_CUT, v, "full | partial | none");
        }
        return v;
    }

    /** False for printers without {@code GS ( k}: the QR code is then sent as a raster image. */
    public boolean printerNativeQr() {
        return bool(PRINTER_NATIVE_QR, true);
    }

    /** The printer's Chinese font: {@code gbk} (most 80 mm printers) or {@code gb2312} (many 58 mm ones). */
    public String printerFont() {
        String v = get(PRINTER_FONT, "gbk");
        if (!v.equals("gbk") && !v.equals("gb2312")) {
            throw new ConfigException(PRINTER_FONT, v, "gbk | gb2312");
        }
        return v;
    }

    /** Whether receipts carry the other language beneath the kiosk's. */
    public boolean receiptSecondLanguage() {
        return bool(RECEIPT_SECOND_LANGUAGE, true);
    }

    public int idleTimeoutSeconds() {
        return intValue(IDLE_TIMEOUT, 90, 15, 900);
    }

    /** How long the "are you still there?" countdown runs before the session is wiped. */
    public int idleWarningSeconds() {
        int v = intValue(IDLE_WARNING, 20, 5, 120);
        if (v >= idleTimeoutSeconds()) {
            throw new ConfigException(IDLE_WARNING, String.valueOf(v), "fewer seconds than " + IDLE_TIMEOUT);
        }
        return v;
    }

    public int attractAfterSeconds() {
        return intValue(ATTRACT_AFTER, 60, 5, 3600);
    }

    /**
     * The receipt's QR code is this followed by the token, so it must end where a token can follow:
     * {@code …/status/} or {@code …?t=}. Without it every receipt would carry a broken link.
     */
    public String statusUrlBase() {
        String v = values.get(STATUS_URL_BASE);
        if (v == null || !isHttpUrl(v) || !(v.endsWith("/") || v.endsWith("="))) {
            throw new ConfigException(STATUS_URL_BASE, v,
                    "an http(s) URL ending in '/' or '=', to which the receipt token is appended");
        }
        return v;
    }

    /** Empty when no back office is configured yet (requests wait in the outbox). */
    public String backOfficeUrl() {
        String v = get(BACKOFFICE_URL, "");
        if (!v.isEmpty() && !isHttpUrl(v)) {
            throw new ConfigException(BACKOFFICE_URL, v, "empty, or an http(s) URL of an Open311 GeoReport v2 endpoint");
        }
        return v;
    }

    public String backOfficeApiKey() {
        return get(BACKOFFICE_API_KEY, "");
    }

    /** The longest wait for one back-office answer; an unanswered POST is sent again later. */
    public int backOfficeTimeoutSeconds() {
        return intValue(BACKOFFICE_TIMEOUT, 20, 1, 300);
    }

    /** The first wait after a failed delivery; it doubles with each failure in a row. */
    public int backOfficeRetryMinMillis() {
        int v = intValue(BACKOFFICE_RETRY_MIN, 1000, 10, 60_000);
        if (v > backOfficeRetryMaxSeconds() * 1000L) {
            throw new ConfigException(BACKOFFICE_RETRY_MIN, String.valueOf(v),
                    "at most " + BACKOFFICE_RETRY_MAX + " × 1000 milliseconds");
        }
        return v;
    }

    /** The cap of the doubling wait between deliveries while the back office is out of reach. */
    public int backOfficeRetryMaxSeconds() {
        return intValue(BACKOFFICE_RETRY_MAX, 300, 1, 86_400);
    }

    /** How often the statuses of open requests are asked for. */
    public int backOfficeStatusRefreshSeconds() {
        return intValue(BACKOFFICE_STATUS_REFRESH, 300, 5, 86_400);
    }

    /** How often the kiosk tells the back office it is alive (extension 3). */
    public int backOfficeHeartbeatSeconds() {
        return intValue(BACKOFFICE_HEARTBEAT, 60, 10, 3600);
    }

    public boolean fullscreen() {
        return bool(UI_FULLSCREEN, false);
    }

    public boolean simulatorPanel() {
        return bool(UI_SIMULATOR_PANEL, false);
    }

    public int uiWidth() {
        return intValue(UI_WIDTH, 1280, 320, 7680);
    }

    public int uiHeight() {
        return intValue(UI_HEIGHT, 800, 240, 4320);
    }

    /** How long every maintenance PIN is refused after five wrong ones. */
    public int maintenanceLockoutSeconds() {
        return intValue(MAINTENANCE_LOCKOUT, 300, 30, 86400);
    }

    /** True when the profile's theme is {@code high-contrast} (black, white and yellow); {@code normal} by default. */
    public boolean highContrast() {
        String v = get(UI_THEME, "normal");
        return switch (v) {
            case "normal" -> false;
            case "high-contrast" -> true;
            default -> throw new ConfigException(UI_THEME, v, "normal | high-contrast");
        };
    }

    /** Hide the mouse pointer (touch screens); defaults to {@link #fullscreen()}. */
    public boolean hideCursor() {
        return bool(UI_HIDE_CURSOR, fullscreen());
    }

    /**
     * How long after a filing its ticket is offered again on the first screen when the kiosk
     * stopped before showing it (0: never). Long enough for a restart under systemd and a
     * resident who waits; short enough that the next stranger does not see it.
     */
    public int recoveryWindowSeconds() {
        return intValue(RECOVERY_WINDOW, 600, 0, 3600);
    }

    public int retentionDays() {
        return intValue(PRIVACY_RETENTION_DAYS, 30, 1, 3650);
    }

    /** A catalogue file that replaces the bundled one, or null. */
    public Path catalogFile() {
        String v = get(CATALOG_FILE, "");
        if (v.isEmpty()) {
            return null;
        }
        Path p = Path.of(v);
        // Checked here, not when the catalogue is read, so a wrong path names its key at start.
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException(CATALOG_FILE, v, "empty for the bundled catalogue, or a readable catalogue file");
        }
        return p;
    }

    public String centreName(Locale l) {
        return l.getLanguage().equals("zh") ? get(CENTRE_NAME_ZH, "党群服务中心") : get(CENTRE_NAME_EN, "Party-Mass Service Centre");
    }

    public String centreHours(Locale l) {
        return l.getLanguage().equals("zh") ? get(CENTRE_HOURS_ZH, "") : get(CENTRE_HOURS_EN, "");
    }

    /**
     * The number a resident calls for help, shown on the home and out-of-service screens and on
     * receipts; empty shows none. Digits with the usual separators, so a typo (a letter, a
     * missing digit) is caught at start rather than printed on every receipt.
     */
    public String centrePhone() {
        String v = get(CENTRE_PHONE, "");
        if (!v.isEmpty() && (!v.matches("\\+?[0-9(][0-9 ()-]*[0-9]") || v.length() > 24
                || v.chars().filter(Character::isDigit).count() < 5
                || v.chars().filter(Character::isDigit).count() > 20)) {
            throw new ConfigException(CENTRE_PHONE, v,
                    "empty, or a phone number of 5 to 20 digits with spaces, '-' or '( )', e.g. 0593-7800000 or +86 593 7800000");
        }
        return v;
    }

    // ---- speech output

    private void validateSpeech() {
        speechDevice();
        speechEnabled();
        speechVolume();
        speechRateWpm();
        speechPromptsDir();
        speechAlsaDevice();
        speechEspeakCommand();
    }

    /** {@code espeak-ng} (default) or {@code none}: no speech at all, and no control for it on screen. */
    public String speechDevice() {
        String v = get(SPEECH_DEVICE, "espeak-ng");
        if (!v.equals("espeak-ng") && !v.equals("none")) {
            throw new ConfigException(SPEECH_DEVICE, v, "espeak-ng | none");
        }
        return v;
    }

    /** Whether a session starts with speech on; the resident turns it on or off on any screen. */
    public boolean speechEnabled() {
        return bool(SPEECH_ENABLED, false);
    }

    /** The volume a session starts with, in percent. */
    public int speechVolume() {
        return intValue(SPEECH_VOLUME, 80, 0, 100);
    }

    /** Words a minute; slower than espeak-ng's 175 for elderly listeners. */
    public int speechRateWpm() {
        return intValue(SPEECH_RATE, 150, 80, 400);
    }

    /** The folder of the centre's recorded prompts ({@code KEY.wav}), or null for none. */
    public Path speechPromptsDir() {
        String v = get(SPEECH_PROMPTS_DIR, "");
        if (v.isEmpty()) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.isDirectory(p)) {
            throw new ConfigException(SPEECH_PROMPTS_DIR, v, "empty, or a folder of recorded prompts (KEY.wav)");
        }
        return p;
    }

    /** The ALSA device {@code aplay} plays to; {@code default} follows /etc/asound.conf. */
    public String speechAlsaDevice() {
        String v = get(SPEECH_ALSA_DEVICE, "default");
        if (!v.matches("[A-Za-z0-9_:,=.-]{1,80}")) {
            throw new ConfigException(SPEECH_ALSA_DEVICE, v, "an ALSA device name, e.g. default, null or plughw:CARD=Headphones");
        }
        return v;
    }

    /** espeak-ng's name on PATH or its full path. */
    public String speechEspeakCommand() {
        String v = get(SPEECH_ESPEAK_COMMAND, "espeak-ng");
        if (!v.matches("[A-Za-z0-9_./+-]{1,200}")) {
            throw new ConfigException(SPEECH_ESPEAK_COMMAND, v, "a program name or path without spaces");
        }
        return v;
    }

    // ---- the cabinet's I/O

    private void validateIo() {
        ioDevice();
        Map<Integer, String> used = new TreeMap<>();
        for (String key : IO_PIN_KEYS) {
            java.util.OptionalInt pin = ioPin(key);
            if (pin.isPresent()) {
                String other = used.putIfAbsent(pin.getAsInt(), key);
                if (other != null) {
                    throw new ConfigException(key, String.valueOf(pin.getAsInt()), "a GPIO not already used by " + other);
                }
            }
        }
        IO_ACTIVE_LOW_DEFAULTS.keySet().forEach(this::ioActiveLow);
        dimAfterSeconds();
    }

    /** {@code sim} (the simulator panel's switches and lights), {@code none} (default) or {@code pi4j} (GPIO through gpiod). */
    public String ioDevice() {
        String v = get(IO_DEVICE, "none");
        if (!v.matches("sim|none|pi4j")) {
            throw new ConfigException(IO_DEVICE, v, "sim | none | pi4j");
        }
        return v;
    }

    /**
     * The BCM GPIO number of one of {@link #IO_PIN_KEYS}, or empty when nothing is wired to it.
     * GPIO 0 and 1 are kept for a HAT's ID EEPROM; 28 and up are not on the 40-pin header.
     */
    public java.util.OptionalInt ioPin(String key) {
        if (!IO_PIN_KEYS.contains(key)) {
            throw new IllegalArgumentException("not a pin key: " + key);
        }
        String v = get(key, "");
        if (v.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 2 && n <= 27) {
                return java.util.OptionalInt.of(n);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new ConfigException(key, v, "empty (not wired) or a BCM GPIO number from 2 to 27");
    }

    /** Whether the input (or, for {@link #IO_ACTIVE_LOW_LIGHTS}, every light) is active when its pin is low. */
    public boolean ioActiveLow(String key) {
        Boolean def = IO_ACTIVE_LOW_DEFAULTS.get(key);
        if (def == null) {
            throw new IllegalArgumentException("not an active-low key: " + key);
        }
        return bool(key, def);
    }

    /** Nobody seen by the presence sensor for this long: the screen dims to the night attract mode. */
    public int dimAfterSeconds() {
        return intValue(DIM_AFTER, 120, 10, 3600);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private int intValue(String key, int def, int min, int max) {
        String v = get(key, String.valueOf(def));
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new ConfigException(key, v, "a whole number from " + min + " to " + max);
    }

    private boolean bool(String key, boolean def) {
        String v = get(key, String.valueOf(def));
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, v, "true | false");
        };
    }

    private static boolean isHttpUrl(String v) {
        try {
            URI u = new URI(v);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

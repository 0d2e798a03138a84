package org.onetrip.kiosk.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.IdNumbers;
import org.onetrip.kiosk.privacy.Masking;

/**
 * Reads the registered agents file named by {@code proxy.agents-file}: UTF-8, one agent a line,
 * comma-separated, {@code #} starts a comment line, blank lines are skipped. The first other line
 * is the header, exactly {@value #HEADER}:
 * <pre>
 * code,card,id_number,name,village_zh,village_en,valid_until
 * KL-01,resident,35098219751102001X,詹照明,柯岭村,Keling Village,2028-12-31
 * </pre>
 * {@code code} names the registration (letters, digits, {@code .-_}, unique); {@code card} is
 * {@code resident}, {@code hmt} (港澳台居民居住证), {@code foreign-2017} or {@code foreign-2023};
 * {@code id_number} is the number on that card, or {@code sha256:SALT:HASH} (SALT 8 to 64 letters
 * and digits, HASH the hex SHA-256 of the salt's text followed by the number, X in upper case) so
 * the file need not hold it whole;
 * {@code valid_until} is a date ({@code yyyy-MM-dd}, the last day the registration covers) or
 * empty for no end. Every problem stops the kiosk at start with the file and the line.
 */
public final class AgentsFile {
    public static final String HEADER = "code,card,id_number,name,village_zh,village_en,valid_until";
    private static final int COLUMNS = 7;
    private static final Map<String, CardType> CARDS = Map.of("resident", CardType.RESIDENT,
            "hmt", CardType.HMT_RESIDENCE_PERMIT, "foreign-2017", CardType.FOREIGN_PERMANENT_2017,
            "foreign-2023", CardType.FOREIGN_PERMANENT_2023);

    /** A line of the agents file that cannot be used; the message starts with {@code FILE:LINE:}. */
    public static final class Problem extends IllegalArgumentException {
        private final String source;
        private final int line;

        Problem(String source, int line, String what) {
            super(source + (line > 0 ? ":" + line : "") + ": " + what);
            this.source = source;
            this.line = line;
        }

        public String source() {
            return source;
        }

        /** 1-based; 0 when the file as a whole is at fault. */
        public int line() {
            return line;
        }
    }

    private AgentsFile() {
    }

    public static AgentRegistry load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Problem(file.toString(), 0, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(bytes, file.toString());
    }

    /** A file bundled with the kiosk (the simulator's), by resource name. */
    public static AgentRegistry loadResource(String resource) {
        try (InputStream in = AgentsFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new Problem(resource, 0, "is not bundled with the kiosk");
            }
            return parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new Problem(resource, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    public static AgentRegistry parse(byte[] bytes, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Problem(source, 0, "is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as spreadsheet programs write
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        List<ProxyAgent> agents = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        boolean header = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equals(HEADER)) {
                    throw new Problem(source, n, "the first line must be the header '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != COLUMNS) {
                throw new Problem(source, n, f.length + " fields instead of " + COLUMNS + " (" + HEADER
                        + "); a value may not hold a comma");
            }
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
                for (int c = 0; c < f[k].length(); c++) {
                    if (Character.isISOControl(f[k].charAt(c))) {
                        throw new Problem(source, n, "a control character in field " + (k + 1));
                    }
                }
            }
            String code = f[0];
            if (!code.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new Problem(source, n, "code '" + code + "' must be 1 to 32 letters, digits, '.', '_' or '-'");
            }
            if (!codes.add(code)) {
                throw new Problem(source, n, "code '" + code + "' is given twice");
            }
            CardType card = CARDS.get(f[1].toLowerCase(Locale.ROOT));
            if (card == null) {
                throw new Problem(source, n, "card '" + f[1] + "' must be resident | hmt | foreign-2017 | foreign-2023");
            }
            SaltedDigest id = idNumber(f[2], card, salt, source, n, numbers);
            String name = AgentRegistry.normaliseName(f[3]);
            if (name.isEmpty() || name.length() > 64) {
                throw new Problem(source, n, "name must be the name on the card (1 to 64 characters)");
            }
            if (f[4].isEmpty()) {
                throw new Problem(source, n, "village_zh must name the agent's village or community");
            }
            LocalizedText village = LocalizedText.of(f[4], f[5].isEmpty() ? f[4] : f[5]);
            LocalDate until = null;
            if (!f[6].isEmpty()) {
                try {
                    until = LocalDate.parse(f[6]);
                } catch (DateTimeParseException e) {
                    throw new Problem(source, n, "valid_until '" + f[6] + "' must be a date yyyy-MM-dd, or empty for no end");
                }
            }
            agents.add(new ProxyAgent(code, card, Masking.name(name), village, until, id, SaltedDigest.of(salt, name)));
        }
        if (!header) {
            throw new Problem(source, 0, "has no header line '" + HEADER + "'");
        }
        return new AgentRegistry(agents);
    }

    /** The ID number column, never repeated in a message (only its line is named). */
    private static SaltedDigest idNumber(String v, CardType card, byte[] salt, String source, int n, Set<String> seen) {
        if (v.startsWith("sha256:")) {
            String[] p = v.split(":", -1);
            try {
                if (p.length != 3 || !p[1].matches("[A-Za-z0-9]{8,64}") || p[2].length() != 64) {
                    throw new IllegalArgumentException();
                }
                // The salt as written (its ASCII bytes), so printf '%s%s' SALT NUMBER | sha256sum makes the hash.
                return SaltedDigest.given(p[1].getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(p[2]));
            } catch (IllegalArgumentException e) {
                throw new Problem(source, n, "id_number in the form sha256:SALT:HASH needs a salt of 8 to 64 letters "
                        + "and digits and a 64-digit hex hash");
            }
        }
        String number = AgentRegistry.normalise(v);
        boolean numbered = card == CardType.RESIDENT || card == CardType.HMT_RESIDENCE_PERMIT
                || card == CardType.FOREIGN_PERMANENT_2023;
        if (numbered && !IdNumbers.isValid(number)) {
            throw new Problem(source, n, "id_number is not an 18-character ID number with a right check character");
        }
        if (!numbered && !number.matches("[A-Z0-9]{15}")) {
            throw new Problem(source, n, "id_number of a foreign-2017 card has 15 letters and digits");
        }
        if (!seen.add(number)) {
            throw new Problem(source, n, "id_number is registered twice");
        }
        return SaltedDigest.of(salt, number);
    }
}

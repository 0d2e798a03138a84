package org.onetrip.kiosk.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.onetrip.kiosk.text.StrictUtf8;
import org.onetrip.kiosk.text.TextRules;

/**
 * A profile file's text, read as {@link Properties} reads it (comments, continuation lines,
 * escapes), but strictly: the bytes must be UTF-8, a key given twice is refused with both line
 * numbers (Properties would keep the last silently), and a value holding a control, bidi or
 * zero-width character is refused with its line.
 */
public final class ProfileFile {
    private ProfileFile() {
    }

    /** A key's value and the line it starts on. */
    public record Entry(String value, int line) {
    }

    /** The keys of {@code bytes} in file order; {@code source} names the file in errors. */
    public static Map<String, Entry> parse(byte[] bytes, String source) {
        String text;
        try {
            text = StrictUtf8.decode(bytes, source);
        } catch (StrictUtf8.MalformedTextException e) {
            throw ConfigException.problem("--config", e.getMessage());
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> lines = physicalLines(text);
        int i = 0;
        while (i < lines.size()) {
            int first = i;
            String line = lines.get(i++);
            String trimmed = stripLeading(line);
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (endsInContinuation(line) && i < lines.size()) {
                line = lines.get(i++);
                logical.append('\n').append(line);
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                // Properties refuses a malformed \\uXXXX escape.
                throw ConfigException.problem("--config", source + ": line " + (first + 1) + ": " + e.getMessage());
            }
            for (String key : one.stringPropertyNames()) {
                String value = one.getProperty(key).trim();
                Entry earlier = out.putIfAbsent(key, new Entry(value, first + 1));
                if (earlier != null) {
                    throw ConfigException.problem(key, source + ": key '" + key + "' is given twice, on line "
                            + earlier.line() + " and on line " + (first + 1) + "; keep one");
                }
                String problem = TextRules.acceptable(key, false) ? TextRules.problem(value, false)
                        : TextRules.problem(key, false);
                if (problem != null) {
                    throw ConfigException.problem(key, source + ": line " + (first + 1) + ": key '" + key + "': " + problem);
                }
            }
        }
        return out;
    }

    /** Lines as Properties counts them: ended by LF, CR or CR LF. */
    private static List<String> physicalLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return s.substring(i);
    }

    /** An odd number of backslashes at the end joins the next line. */
    private static boolean endsInContinuation(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}

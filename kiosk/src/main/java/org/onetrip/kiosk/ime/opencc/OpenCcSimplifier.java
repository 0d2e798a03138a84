package org.onetrip.kiosk.ime.opencc;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.onetrip.kiosk.ime.pinyin.Simplifier;

/**
 * Traditional to simplified Chinese by OpenCC ({@code libopencc1.1}, with its {@code t2s.json}
 * from {@code libopencc-data}), through JNA. Why the library and not its data: Debian ships
 * OpenCC's dictionaries only compiled ({@code TSPhrases.ocd2}, a marisa trie), no text; Rime's own
 * {@code luna_pinyin_simp} simplifies through this same library at run time. The library converts
 * phrase by phrase (乾隆 stays, 乾淨 → 干净), which a character table cannot.
 *
 * <p>The C API (opencc.h): {@code opencc_open(config)} returns {@code (opencc_t) -1} on failure;
 * {@code opencc_convert_utf8(od, text, length)} returns a string the caller frees with
 * {@code opencc_convert_utf8_free}, or NULL. The whole word list goes in one call, one word a line:
 * no dictionary phrase spans a line break, so each line converts on its own.
 */
public final class OpenCcSimplifier implements Simplifier {
    public static final Path DEFAULT_CONFIG = Path.of("/usr/share/opencc/t2s.json");

    interface LibOpenCc extends Library {
        Pointer opencc_open(String configFileName);

        Pointer opencc_convert_utf8(Pointer od, byte[] input, com.sun.jna.NativeLong length);

        void opencc_convert_utf8_free(Pointer str);

        String opencc_error();

        int opencc_close(Pointer od);
    }

    /** OpenCC could not be loaded or opened; the message says what to install. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path config;

    public OpenCcSimplifier(Path config) {
        this.config = config;
    }

    private static LibOpenCc load() throws UnavailableException {
        // Debian installs only the versioned name without the -dev package.
        UnsatisfiedLinkError first = null;
        for (String name : new String[] {"opencc", "libopencc.so.1.1", "libopencc.so.1.2", "libopencc.so.1"}) {
            try {
                return Native.load(name, LibOpenCc.class);
            } catch (UnsatisfiedLinkError e) {
                first = first == null ? e : first;
            }
        }
        throw new UnavailableException("libopencc (Debian libopencc1.1) is not installed", first);
    }

    /** Checks the library loads and the configuration opens; throws saying what is missing. */
    public void check() throws UnavailableException {
        LibOpenCc lib = load();
        if (!Files.isReadable(config)) {
            throw new UnavailableException(config + " missing (Debian libopencc-data)", null);
        }
        Pointer od = lib.opencc_open(config.toString());
        if (od == null || Pointer.nativeValue(od) == -1) {
            throw new UnavailableException("OpenCC could not open " + config + ": " + lib.opencc_error(), null);
        }
        lib.opencc_close(od);
    }

    @Override
    public List<String> simplify(List<String> traditional) {
        LibOpenCc lib;
        try {
            lib = load();
        } catch (UnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Pointer od = lib.opencc_open(config.toString());
        if (od == null || Pointer.nativeValue(od) == -1) {
            throw new IllegalStateException("OpenCC could not open " + config + ": " + lib.opencc_error());
        }
        try {
            byte[] in = String.join("\n", traditional).getBytes(StandardCharsets.UTF_8);
            Pointer out = lib.opencc_convert_utf8(od, in, new com.sun.jna.NativeLong(in.length));
            if (out == null) {
                throw new IllegalStateException("OpenCC could not convert: " + lib.opencc_error());
            }
            String converted;
            try {
                converted = out.getString(0, StandardCharsets.UTF_8.name());
            } finally {
                lib.opencc_convert_utf8_free(out);
            }
            String[] lines = converted.split("\n", -1);
            if (lines.length != traditional.size()) {
                throw new IllegalStateException("OpenCC returned " + lines.length + " lines for " + traditional.size());
            }
            return new ArrayList<>(List.of(lines));
        } finally {
            lib.opencc_close(od);
        }
    }
}

package org.onetrip.kiosk.ime.handwriting;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.onetrip.kiosk.device.DeviceStatus;
import org.onetrip.kiosk.device.NativeLibraries;
import org.onetrip.kiosk.device.StatusDetail;

/**
 * Handwriting recognition by Zinnia (Debian's {@code libzinnia0}, {@code libzinnia.so.0}) through
 * JNA, with the simplified Chinese model of Debian's {@code tegaki-zinnia-simplified-chinese}.
 *
 * <p>Zinnia's C API (zinnia.h, 0.06): a recognizer opened on a model file classifies a character,
 * a list of strokes of integer points on a canvas whose size the character carries; the models
 * were trained on 300x300 (zinnia's default), so the pad's points are scaled into that square,
 * keeping their aspect. {@code size_t} is {@code unsigned long} on Linux, 32- or 64-bit alike:
 * {@link NativeLong}. Every character and result is destroyed in the call that made it.
 *
 * <p>A missing library or model is a status, never an exception: {@link #open} and
 * {@link #onDemand} always return a recognizer, offline when it cannot recognise. The kiosk's is
 * {@link #onDemand}: the model is open only while the pad is in use, from its first showing to
 * the visit's end ({@link #release}).
 */
public final class ZinniaRecognizer implements HandwritingRecognizer {
    /** Debian's {@code tegaki-zinnia-simplified-chinese}. */
    public static final Path DEBIAN_MODEL = Path.of("/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model");
    /** Debian's {@code libzinnia0} ships only the versioned name (the bare .so is in libzinnia-dev). */
    public static final String DEBIAN_LIBRARY = "libzinnia.so.0";
    /** The square the models were trained on (zinnia's default character size). */
    static final int MODEL_SIZE = 300;

    /** The few functions of zinnia.h the kiosk calls. */
    public interface Zinnia extends Library {
        Pointer zinnia_recognizer_new();

        int zinnia_recognizer_open(Pointer recognizer, String filename);

        String zinnia_recognizer_strerror(Pointer recognizer);

        NativeLong zinnia_recognizer_size(Pointer recognizer);

        void zinnia_recognizer_destroy(Pointer recognizer);

        Pointer zinnia_recognizer_classify(Pointer recognizer, Pointer character, NativeLong nbest);

        Pointer zinnia_character_new();

        void zinnia_character_set_width(Pointer character, NativeLong width);

        void zinnia_character_set_height(Pointer character, NativeLong height);

        int zinnia_character_add(Pointer character, NativeLong stroke, int x, int y);

        void zinnia_character_destroy(Pointer character);

        Pointer zinnia_result_value(Pointer result, NativeLong i);

        float zinnia_result_score(Pointer result, NativeLong i);

        NativeLong zinnia_result_size(Pointer result);

        void zinnia_result_destroy(Pointer result);
    }

    private final String library;
    private final Path model;
    /** Loaded by the first {@link #prepare}; null before, or when the library is missing. */
    private Zinnia zinnia;
    /** The open model (Zinnia maps the whole 26 MB file and reads it all); null when not open. */
    private Pointer recognizer;
    private volatile DeviceStatus status;
    private boolean closed;

    private ZinniaRecognizer(String library, Path model, DeviceStatus status) {
        this.library = library;
        this.model = model;
        this.status = status;
    }

    /** Debian's library and model, opened now (the command line, tests, the bench). */
    public static ZinniaRecognizer open() {
        return open(DEBIAN_LIBRARY, DEBIAN_MODEL);
    }

    /** Loads {@code library} and opens {@code model} now; offline, with the reason, when either is missing or bad. */
    public static ZinniaRecognizer open(String library, Path model) {
        ZinniaRecognizer z = onDemand(library, model);
        z.prepare();
        return z;
    }

    /** Debian's library and model, for the kiosk: checked now, opened when the pad first shows. */
    public static ZinniaRecognizer onDemand() {
        return onDemand(DEBIAN_LIBRARY, DEBIAN_MODEL);
    }

    /**
     * Checks cheaply that {@code library} and {@code model} are there (file look-ups; JNA is loaded
     * only when the library is not found where Debian puts it, to be sure), and opens nothing:
     * the model takes 26 MB resident while open, which a kiosk whose residents rarely write by hand
     * should not keep from start-up to shutdown. {@link #prepare} (or the first recognition) opens
     * it, {@link #release} gives it back.
     */
    public static ZinniaRecognizer onDemand(String library, Path model) {
        if (NativeLibraries.find(library).isEmpty()) {
            try {
                Native.load(library, Zinnia.class);
            } catch (UnsatisfiedLinkError e) {
                return new ZinniaRecognizer(library, model, libraryMissing(library, e));
            }
        }
        if (!Files.isReadable(model)) {
            return new ZinniaRecognizer(library, model, modelMissing(model));
        }
        return new ZinniaRecognizer(library, model,
                DeviceStatus.online("Zinnia (" + library + "), model " + model.getFileName() + " (opens on first use)"));
    }

    private static DeviceStatus libraryMissing(String library, UnsatisfiedLinkError e) {
        return DeviceStatus.offline(StatusDetail.GONE, "libzinnia0 not installed (" + library + ": " + e.getMessage() + ")");
    }

    private static DeviceStatus modelMissing(Path model) {
        return DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR,
                "model " + model + " missing (Debian package tegaki-zinnia-simplified-chinese)");
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    /** The library itself, for the bench's bare call beside this adapter; null when not loaded. */
    public synchronized Zinnia library() {
        return zinnia;
    }

    /** Whether the model is open now (in memory). */
    public synchronized boolean isModelOpen() {
        return recognizer != null;
    }

    /**
     * Opens the model unless it is open: 25-40 ms on the build machine once the file is in the page
     * cache, 0.5 s the first time with JNA's loading (more on a Pi), so the pad asks for it on its
     * worker when it shows, before the first stroke. A failure is the status from then on.
     */
    @Override
    public synchronized void prepare() {
        if (recognizer != null || closed) {
            return;
        }
        if (zinnia == null) {
            try {
                zinnia = Native.load(library, Zinnia.class);
            } catch (UnsatisfiedLinkError e) {
                status = libraryMissing(library, e);
                return;
            }
        }
        if (!Files.isReadable(model)) {
            status = modelMissing(model);
            return;
        }
        Pointer r = zinnia.zinnia_recognizer_new();
        if (zinnia.zinnia_recognizer_open(r, model.toString()) == 0) {
            String why = zinnia.zinnia_recognizer_strerror(r);
            zinnia.zinnia_recognizer_destroy(r);
            status = DeviceStatus.offline(StatusDetail.CONFIGURATION_ERROR, "model " + model + " cannot be opened: " + why);
            return;
        }
        recognizer = r;
        long characters = zinnia.zinnia_recognizer_size(r).longValue();
        status = DeviceStatus.online("Zinnia, " + characters + " characters (" + model.getFileName() + ")");
    }

    /** Closes the model (its 26 MB leave the process); the next {@link #prepare} or recognition opens it again. */
    @Override
    public synchronized void release() {
        if (recognizer != null) {
            zinnia.zinnia_recognizer_destroy(recognizer);
            recognizer = null;
        }
    }

    @Override
    public synchronized List<Candidate> recognise(Ink ink, int max) {
        if (closed || ink.isEmpty() || max <= 0) {
            return List.of();
        }
        prepare();
        if (recognizer == null) {
            return List.of();
        }
        Pointer c = zinnia.zinnia_character_new();
        try {
            zinnia.zinnia_character_set_width(c, new NativeLong(MODEL_SIZE));
            zinnia.zinnia_character_set_height(c, new NativeLong(MODEL_SIZE));
            // One scale for both axes: a tall narrow 目 stays tall and narrow.
            double scale = MODEL_SIZE / Math.max(ink.width(), ink.height());
            int id = 0;
            for (List<Ink.Point> stroke : ink.strokes()) {
                if (stroke.isEmpty()) {
                    continue;
                }
                NativeLong sid = new NativeLong(id++);
                for (Ink.Point p : stroke) {
                    zinnia.zinnia_character_add(c, sid, clamp(p.x() * scale), clamp(p.y() * scale));
                }
            }
            if (id == 0) {
                return List.of();
            }
            Pointer result = zinnia.zinnia_recognizer_classify(recognizer, c, new NativeLong(max));
            if (result == null) {
                return List.of();
            }
            try {
                long n = zinnia.zinnia_result_size(result).longValue();
                List<Candidate> out = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    NativeLong ni = new NativeLong(i);
                    out.add(new Candidate(zinnia.zinnia_result_value(result, ni).getString(0, "UTF-8"),
                            zinnia.zinnia_result_score(result, ni)));
                }
                return out;
            } finally {
                zinnia.zinnia_result_destroy(result);
            }
        } finally {
            zinnia.zinnia_character_destroy(c);
        }
    }

    private static int clamp(double v) {
        return (int) Math.round(Math.max(0, Math.min(MODEL_SIZE, v)));
    }

    @Override
    public synchronized void close() {
        release();
        closed = true;
    }
}

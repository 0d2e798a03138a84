package org.onetrip.kiosk.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onetrip.kiosk.ime.handwriting.Candidate;
import org.onetrip.kiosk.ime.handwriting.Ink;
import org.onetrip.kiosk.ime.handwriting.InkJson;
import org.onetrip.kiosk.ime.handwriting.ZinniaRecognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiosk ime handwriting STROKES.json}: what the writing pad would offer for these strokes,
 * likeliest first, by the same Zinnia adapter. Exit 2 when the file is not ink (with its line and
 * column), 3 when Zinnia or its model is missing.
 */
@Command(name = "handwriting", description = "Recognise handwritten strokes (JSON: a list of strokes, each a list of [x,y] points,"
        + " on Zinnia's 300x300 canvas; or {\"width\":W,\"height\":H,\"strokes\":[...]}) and print the candidate characters.")
public final class ImeHandwritingCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "STROKES.json", description = "The strokes; - for standard input.")
    String file;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = {"-n", "--max"}, defaultValue = "10", description = "How many candidates (default 10).")
    int max;

    @Option(names = "--model", paramLabel = "FILE", description = "Zinnia model (default Debian's tegaki-zinnia-simplified-chinese).")
    Path model = ZinniaRecognizer.DEBIAN_MODEL;

    @Option(names = "--library", paramLabel = "NAME", description = "Zinnia's shared library (default libzinnia.so.0).")
    String library = ZinniaRecognizer.DEBIAN_LIBRARY;

    @Override
    public Integer call() {
        Ink ink;
        try (Reader in = file.equals("-") ? new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            ink = InkJson.parse(in);
        } catch (InkJson.BadInk e) {
            System.err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println(file + ": cannot read: " + e);
            return 2;
        }
        try (ZinniaRecognizer zinnia = ZinniaRecognizer.open(library, model)) {
            if (!zinnia.isOnline()) {
                System.err.println("handwriting input: " + zinnia.status());
                return 3;
            }
            List<Candidate> found = zinnia.recognise(ink, Math.max(1, max));
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("strokes", ink.strokes().size());
                out.put("candidates", found);
                System.out.println(Json.write(out));
            } else {
                System.out.println(String.join(" ", found.stream().map(Candidate::character).toList()));
            }
            return 0;
        }
    }
}

package org.onetrip.kiosk.ime.handwriting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ink from JSON: either a list of strokes, each a list of {@code [x, y]} points, on Zinnia's
 * own 300x300 canvas, or {@code {"width": W, "height": H, "strokes": [...]}} on a canvas of W by H
 * (a pad's pixels), optionally with the {@code "character"} it is meant to be. Pure: text in, ink out; a mistake is a {@link BadInk} with its line and column.
 */
public final class InkJson {
    private static final JsonFactory JSON = new JsonFactory();

    private InkJson() {
    }

    /** Ink that cannot be read, with where in the text the reader stopped. */
    public static final class BadInk extends Exception {
        private final int line;
        private final int column;

        BadInk(String message, JsonLocation at) {
            super(message);
            this.line = at == null ? 0 : at.getLineNr();
            this.column = at == null ? 0 : at.getColumnNr();
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public static Ink parse(String text) throws BadInk {
        return parse(new StringReader(text));
    }

    public static Ink parse(Reader text) throws BadInk {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            Ink ink;
            if (t == JsonToken.START_ARRAY) {
                ink = new Ink(ZinniaRecognizer.MODEL_SIZE, ZinniaRecognizer.MODEL_SIZE, strokes(p));
            } else if (t == JsonToken.START_OBJECT) {
                ink = object(p);
            } else {
                throw new BadInk("expected a list of strokes or {\"width\", \"height\", \"strokes\"}", p.currentTokenLocation());
            }
            if (p.nextToken() != null) {
                throw new BadInk("text after the ink", p.currentTokenLocation());
            }
            return ink;
        } catch (JsonProcessingException e) {
            throw new BadInk(e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw new BadInk("cannot read: " + e.getMessage(), null);
        }
    }

    private static Ink object(JsonParser p) throws IOException, BadInk {
        double width = 0;
        double height = 0;
        List<List<Ink.Point>> strokes = null;
        JsonLocation start = p.currentTokenLocation();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "width" -> width = positive(p, "width");
                case "height" -> height = positive(p, "height");
                case "strokes" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        throw new BadInk("\"strokes\" must be a list of strokes", p.currentTokenLocation());
                    }
                    strokes = strokes(p);
                }
                // What the ink is meant to be, for the fixtures and tools (tegaki's "utf8"): not read.
                case "character" -> {
                    if (p.currentToken() != JsonToken.VALUE_STRING) {
                        throw new BadInk("\"character\" must be a string", p.currentTokenLocation());
                    }
                }
                default -> throw new BadInk("unknown key \"" + name + "\" (width, height, strokes, character)", p.currentTokenLocation());
            }
        }
        if (strokes == null) {
            throw new BadInk("no \"strokes\"", start);
        }
        if (width == 0 || height == 0) {
            throw new BadInk("\"width\" and \"height\" go together (the canvas the points were written on)", start);
        }
        return new Ink(width, height, strokes);
    }

    private static double positive(JsonParser p, String what) throws IOException, BadInk {
        if (!p.currentToken().isNumeric() || p.getDoubleValue() <= 0) {
            throw new BadInk("\"" + what + "\" must be a positive number", p.currentTokenLocation());
        }
        return p.getDoubleValue();
    }

    /** After START_ARRAY: strokes until its END_ARRAY. */
    private static List<List<Ink.Point>> strokes(JsonParser p) throws IOException, BadInk {
        List<List<Ink.Point>> strokes = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw new BadInk("a stroke must be a list of [x, y] points", p.currentTokenLocation());
            }
            JsonLocation strokeAt = p.currentTokenLocation();
            List<Ink.Point> stroke = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_ARRAY) {
                    throw new BadInk("a point must be [x, y]", p.currentTokenLocation());
                }
                JsonLocation pointAt = p.currentTokenLocation();
                double x = coordinate(p, pointAt);
                double y = coordinate(p, pointAt);
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new BadInk("a point has two numbers, [x, y]", pointAt);
                }
                stroke.add(new Ink.Point(x, y));
            }
            if (stroke.isEmpty()) {
                throw new BadInk("a stroke without points", strokeAt);
            }
            strokes.add(stroke);
        }
        return strokes;
    }

    private static double coordinate(JsonParser p, JsonLocation pointAt) throws IOException, BadInk {
        JsonToken t = p.nextToken();
        if (t == null || !t.isNumeric()) {
            throw new BadInk("a point has two numbers, [x, y]", t == null ? pointAt : p.currentTokenLocation());
        }
        double v = p.getDoubleValue();
        if (v < 0 || !Double.isFinite(v)) {
            throw new BadInk("a coordinate must be 0 or more", p.currentTokenLocation());
        }
        return v;
    }
}

package org.onetrip.kiosk.catalog;

/**
 * A catalogue file that cannot be used, with where (file, line, column) and what is wrong, as a
 * person fixing it in an editor needs it: {@code site.json, line 12, column 9: service 'x':
 * attribute 'y': missing 'datatype'}. {@code line} and {@code column} are 0 when unknown (a
 * catalogue built in memory).
 */
public final class CatalogException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public CatalogException(String source, int line, int column, String problem, Throwable cause) {
        super(source + (line > 0 ? ", line " + line + (column > 0 ? ", column " + column : "") : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}

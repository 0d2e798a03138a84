package org.onetrip.kiosk.printer.escpos;

/**
 * Where one ESC/POS command ends, so a reader can step over commands it does not interpret and
 * never mistakes data (raster dots, QR data) for commands. Covers the Epson command set a
 * receipt printer accepts; an unknown {@code ESC}, {@code FS} or {@code GS} command counts as its
 * two bytes, any other byte as one (text). Pure.
 */
final class CommandScanner {
    /** Returned when the buffer ends inside a command: wait for more bytes. */
    static final int NEED_MORE = -1;

    private CommandScanner() {
    }

    /** Length of the command or text byte at {@code off}, or {@link #NEED_MORE}. */
    static int length(byte[] b, int off, int end) {
        int avail = end - off;
        if (avail <= 0) {
            return NEED_MORE;
        }
        int c = b[off] & 0xFF;
        if (c != EscPos.DLE && c != EscPos.ESC && c != EscPos.FS && c != EscPos.GS) {
            return 1;
        }
        if (avail < 2) {
            return NEED_MORE;
        }
        int x = b[off + 1] & 0xFF;
        int len = switch (c) {
            case EscPos.DLE -> dle(b, off, end, x);
            case EscPos.ESC -> esc(b, off, end, x);
            case EscPos.FS -> fs(x);
            default -> gs(b, off, end, x);
        };
        return len == NEED_MORE || len > avail ? NEED_MORE : len;
    }

    private static int dle(byte[] b, int off, int end, int x) {
        return switch (x) {
            case 0x04, 0x05 -> 3; // DLE EOT n, DLE ENQ n
            case 0x14 -> {        // DLE DC4 fn …: fn 8 (clear buffers) carries 7 bytes, the others 2
                if (end - off < 3) {
                    yield NEED_MORE;
                }
                yield (b[off + 2] & 0xFF) == 8 ? 10 : 5;
            }
            default -> 1;         // a lone DLE is ignored
        };
    }

    private static int esc(byte[] b, int off, int end, int x) {
        return switch (x) {
            case '@', '2', '<', 'i', 'm', 'L', 'S', 0x0C -> 2;
            case ' ', '!', '%', '-', '3', '=', '?', 'E', 'G', 'J', 'M', 'R', 'T', 'U', 'V', 'a', 'd', 'e', 'r', 't',
                    'u', '{' -> 3;
            case 'c' -> 4; // ESC c 3 n, ESC c 4 n, ESC c 5 n
            case '(' -> {  // ESC ( fn pL pH …
                if (end - off < 5) {
                    yield NEED_MORE;
                }
                yield 5 + ((b[off + 3] & 0xFF) | (b[off + 4] & 0xFF) << 8);
            }
            case '$', '\\' -> 4;
            case 'p' -> 5;
            case 'W' -> 10;
            case '*' -> { // ESC * m nL nH d…: 8-dot modes take 1 byte a column, 24-dot modes 3
                if (end - off < 5) {
                    yield NEED_MORE;
                }
                int m = b[off + 2] & 0xFF;
                int n = (b[off + 3] & 0xFF) | (b[off + 4] & 0xFF) << 8;
                yield 5 + n * (m >= 32 ? 3 : 1);
            }
            case 'D' -> terminated(b, off, off + 2, end, 33); // tab stops, NUL-terminated
            case '&' -> userDefined(b, off, end);
            default -> 2;
        };
    }

    private static int fs(int x) {
        return switch (x) {
            case '&', '.', 'P' -> 2;
            case '!', '-', 'C', 'W', 'I' -> 3;
            case 'S', 'p' -> 4;
            case '2' -> 76; // FS 2 c1 c2 d1…d72: a user-defined 24x24 Hanzi
            default -> 2;
        };
    }

    private static int gs(byte[] b, int off, int end, int x) {
        int avail = end - off;
        return switch (x) {
            case '!', 'B', 'H', 'I', 'T', 'a', 'b', 'f', 'h', 'r', 'w', '/', 'E', 'j' -> 3;
            case 'L', 'W', '$', '\\', 'P', 'Z' -> 4;
            case 'V' -> {
                if (avail < 3) {
                    yield NEED_MORE;
                }
                int m = b[off + 2] & 0xFF;
                yield (m == 0 || m == 1 || m == 0x30 || m == 0x31) ? 3 : 4;
            }
            case '(' -> { // GS ( fn pL pH …
                if (avail < 5) {
                    yield NEED_MORE;
                }
                yield 5 + ((b[off + 3] & 0xFF) | (b[off + 4] & 0xFF) << 8);
            }
            case '8' -> { // GS 8 fn p1 p2 p3 p4 …: a 32-bit length
                if (avail < 7) {
                    yield NEED_MORE;
                }
                long n = (b[off + 3] & 0xFFL) | (b[off + 4] & 0xFFL) << 8 | (b[off + 5] & 0xFFL) << 16
                        | (b[off + 6] & 0xFFL) << 24;
                yield n > Integer.MAX_VALUE - 7 ? Integer.MAX_VALUE : (int) (7 + n);
            }
            case 'v' -> { // GS v 0 m xL xH yL yH d…
                if (avail < 8) {
                    yield NEED_MORE;
                }
                long w = (b[off + 4] & 0xFF) | (b[off + 5] & 0xFF) << 8;
                long h = (b[off + 6] & 0xFF) | (b[off + 7] & 0xFF) << 8;
                yield (int) Math.min(Integer.MAX_VALUE, 8 + w * h);
            }
            case '*' -> { // GS * x y d…: x·y·8 bytes
                if (avail < 4) {
                    yield NEED_MORE;
                }
                yield 4 + (b[off + 2] & 0xFF) * (b[off + 3] & 0xFF) * 8;
            }
            case 'k' -> { // GS k m …: m 0..6 NUL-terminated, m 65..79 counted
                if (avail < 3) {
                    yield NEED_MORE;
                }
                int m = b[off + 2] & 0xFF;
                if (m <= 6) {
                    yield terminated(b, off, off + 3, end, 256);
                }
                if (avail < 4) {
                    yield NEED_MORE;
                }
                yield 4 + (b[off + 3] & 0xFF);
            }
            default -> 2;
        };
    }

    /**
     * The length from {@code off} through the NUL that ends data starting at {@code from}; data
     * longer than {@code max} without a NUL is taken to end there, so garbage cannot swallow the
     * rest of the stream.
     */
    private static int terminated(byte[] b, int off, int from, int end, int max) {
        for (int i = from; i < end && i - from < max; i++) {
            if (b[i] == 0) {
                return i + 1 - off;
            }
        }
        return end - from >= max ? from + max - off : NEED_MORE;
    }

    /** ESC & y c1 c2 [x d1…d(y·x)]…: user-defined characters. */
    private static int userDefined(byte[] b, int off, int end) {
        if (end - off < 5) {
            return NEED_MORE;
        }
        int y = b[off + 2] & 0xFF;
        int c1 = b[off + 3] & 0xFF;
        int c2 = b[off + 4] & 0xFF;
        int at = off + 5;
        for (int c = c1; c <= c2 && c2 - c1 < 96; c++) {
            if (at >= end) {
                return NEED_MORE;
            }
            int x = b[at] & 0xFF;
            at += 1 + y * x;
        }
        return at - off;
    }
}

package org.onetrip.kiosk.idcard;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character citizen ID number of GB 11643-1999: 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd male, even female), and a check character by ISO 7064 MOD 11-2.
 */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() < 17) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** True for 17 digits followed by the right check character (upper-case X). */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18 || !id.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkCharacter(id) == id.charAt(17);
    }

    /** The birth date encoded in the number, or null when it is not a real date. */
    public static LocalDate birthDate(String id) {
        if (id == null || id.length() != 18) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** Makes a valid number from 17 digits, for fixtures and tests. */
    public static String withCheck(String first17) {
        return first17 + checkCharacter(first17);
    }
}

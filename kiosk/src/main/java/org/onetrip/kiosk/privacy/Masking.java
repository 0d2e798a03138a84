package org.onetrip.kiosk.privacy;

/**
 * How personal data appears wherever it is not strictly needed whole: logs, receipts, the status
 * screen. Names keep their first character ({@code 张*}, {@code 欧**}); ID numbers keep the region
 * code and the last four ({@code 350982********123X}); phone numbers keep 3 + 4 digits
 * ({@code 138****8000}), shorter ones the last four only.
 */
public final class Masking {
    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        int rest = n.codePointCount(first, n.length());
        if (rest == 0) {
            return n.substring(0, first) + "*";
        }
        // Latin names keep the first letter of each word so "Anna Li" reads "A*** L*".
        if (n.chars().allMatch(c -> c < 0x2E80)) {
            StringBuilder sb = new StringBuilder();
            for (String word : n.split("\\s+")) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(word.charAt(0)).append("*".repeat(Math.max(1, word.length() - 1)));
            }
            return sb.toString();
        }
        return n.substring(0, first) + "*".repeat(rest);
    }

    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        int keepHead = id.length() >= 15 ? 6 : 2;
        return id.substring(0, keepHead) + "*".repeat(id.length() - keepHead - 4) + id.substring(id.length() - 4);
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? "" : "*".repeat(phone.length());
        }
        // Below 11 characters, 3 + 4 kept would hide too little (a 7-digit local number: nothing).
        if (phone.length() < 11) {
            return "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}

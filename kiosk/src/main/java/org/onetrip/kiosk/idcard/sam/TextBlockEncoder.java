package org.onetrip.kiosk.idcard.sam;

import static org.onetrip.kiosk.idcard.sam.TextBlockLayout.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.Identity;

/**
 * The inverse of {@link TextBlockParser}, for the simulated SAM and for tests: an identity as the
 * card's 256-byte text block. Strict, because a card cannot hold what does not fit: a field longer
 * than its place, a character outside UCS-2, or a field the card type has no place for is an
 * {@link IllegalArgumentException} naming the field.
 */
public final class TextBlockEncoder {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private TextBlockEncoder() {
    }

    public static byte[] encode(Identity id) {
        return encode(id, CardExtras.NONE);
    }

    public static byte[] encode(Identity id, CardExtras extras) {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < SIZE; i += 2) {
            b[i] = ' ';
        }
        switch (id.cardType()) {
            case RESIDENT, HMT_RESIDENCE_PERMIT -> resident(b, id, extras);
            case FOREIGN_PERMANENT_2017 -> foreign2017(b, id, extras);
            case FOREIGN_PERMANENT_2023 -> foreign2023(b, id, extras);
        }
        put(b, TYPE, String.valueOf(id.cardType().code()));
        return b;
    }

    /** True when {@link #encode(Identity)} would accept the identity. */
    public static boolean fits(Identity id) {
        try {
            encode(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void resident(byte[] b, Identity id, CardExtras x) {
        put(b, NAME, id.name());
        put(b, SEX, String.valueOf(id.sex().code()));
        if (id.cardType() == CardType.RESIDENT) {
            put(b, ETHNICITY, ethnicityCode(id.ethnicity()));
        } else {
            blank(id.ethnicity(), "ethnicity", id.cardType());
            put(b, J_PASS_NUMBER, x.passNumber());
            put(b, J_ISSUE_COUNT, x.issueCount());
        }
        put(b, BIRTH, date(id.birthDate(), "birth date"));
        put(b, ADDRESS, id.address());
        put(b, ID_NUMBER, id.idNumber());
        put(b, AUTHORITY, id.issuingAuthority());
        put(b, VALID_FROM, date(id.validFrom(), "valid from"));
        put(b, VALID_TO, validTo(id.validTo()));
        blank(id.englishName(), "English name", id.cardType());
        blank(id.nationality(), "nationality", id.cardType());
    }

    private static void foreign2017(byte[] b, Identity id, CardExtras x) {
        put(b, I_ENGLISH_NAME, id.englishName());
        put(b, I_SEX, String.valueOf(id.sex().code()));
        put(b, I_PERMIT_NUMBER, id.idNumber());
        put(b, I_NATIONALITY, id.nationality());
        put(b, I_CHINESE_NAME, id.name().equals(id.englishName()) ? "" : id.name());
        put(b, I_VALID_FROM, date(id.validFrom(), "valid from"));
        put(b, I_VALID_TO, validTo(id.validTo()));
        put(b, I_BIRTH, date(id.birthDate(), "birth date"));
        put(b, I_CARD_VERSION, x.cardVersion());
        put(b, I_AUTHORITY_CODE, id.issuingAuthority());
        blank(id.address(), "address", id.cardType());
        blank(id.ethnicity(), "ethnicity", id.cardType());
    }

    private static void foreign2023(byte[] b, Identity id, CardExtras x) {
        put(b, Y_NAME, id.name().equals(id.englishName()) ? "" : id.name());
        put(b, Y_SEX, String.valueOf(id.sex().code()));
        put(b, Y_RENEWAL_COUNT, x.renewalCount());
        put(b, Y_BIRTH, date(id.birthDate(), "birth date"));
        String english = id.englishName();
        int first = Y_ENGLISH_NAME.chars();
        if (english.length() > first) {
            put(b, Y_ENGLISH_NAME, english.substring(0, first));
            put(b, Y_ENGLISH_NAME_MORE, english.substring(first));
        } else {
            put(b, Y_ENGLISH_NAME, english);
        }
        put(b, Y_ID_NUMBER, id.idNumber());
        put(b, Y_AUTHORITY, id.issuingAuthority());
        put(b, Y_VALID_FROM, date(id.validFrom(), "valid from"));
        put(b, Y_VALID_TO, validTo(id.validTo()));
        put(b, Y_NATIONALITY, id.nationality());
        put(b, Y_PREVIOUS_PERMIT, x.previousPermitLink());
        blank(id.address(), "address", id.cardType());
        blank(id.ethnicity(), "ethnicity", id.cardType());
    }

    private static void put(byte[] b, TextBlockLayout.Field f, String value) {
        if (value.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            throw new IllegalArgumentException(f.name() + " has a character outside UCS-2");
        }
        if (value.length() > f.chars()) {
            throw new IllegalArgumentException(f.name() + " is " + value.length() + " characters; the card holds "
                    + f.chars());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            b[f.offset() + 2 * i] = (byte) c;
            b[f.offset() + 2 * i + 1] = (byte) (c >>> 8);
        }
    }

    private static String ethnicityCode(String ethnicity) {
        if (ethnicity.isEmpty() || ethnicity.matches("\\d\\d")) {
            return ethnicity;
        }
        String code = Ethnicities.codeOf(ethnicity);
        if (code == null) {
            throw new IllegalArgumentException("ethnicity is not one of the coded names");
        }
        return code;
    }

    private static String date(LocalDate d, String what) {
        if (d == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return d.format(YYYYMMDD);
    }

    private static String validTo(LocalDate d) {
        return d == null ? FOR_LIFE : d.format(YYYYMMDD);
    }

    private static void blank(String value, String what, CardType type) {
        if (!value.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " card has no place for " + what);
        }
    }

    /** A copy of the block with one field overwritten by {@code value}, for tests of bad cards. */
    static byte[] withField(byte[] block, TextBlockLayout.Field f, String value) {
        byte[] b = Arrays.copyOf(block, block.length);
        for (int i = f.offset(); i < f.offset() + f.length(); i += 2) {
            b[i] = ' ';
            b[i + 1] = 0;
        }
        put(b, f, value);
        return b;
    }
}

package org.onetrip.kiosk.idcard.sam;

import static org.onetrip.kiosk.idcard.sam.TextBlockLayout.*;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.Sex;

/**
 * Reads the 256-byte text block of a card into an {@link Identity}, for all four card types.
 * Nothing here throws on bad bytes: a block that does not hold a plausible card (an unknown type
 * character, a date that is not a date, a missing name or number) is a {@link Parsed#failed}
 * with a reason that quotes no personal data. Checking the card's validity and its ID number's
 * check character is {@link org.onetrip.kiosk.idcard.CardCheck}'s job, the same for every reader.
 */
public final class TextBlockParser {

    private TextBlockParser() {
    }

    public static Parsed<Identity> parse(byte[] block) {
        Parsed<CardType> type = cardType(block);
        if (!type.isOk()) {
            return Parsed.failed(type.reason());
        }
        try {
            return switch (type.value()) {
                case RESIDENT -> resident(block, CardType.RESIDENT);
                case HMT_RESIDENCE_PERMIT -> resident(block, CardType.HMT_RESIDENCE_PERMIT);
                case FOREIGN_PERMANENT_2017 -> foreign2017(block);
                case FOREIGN_PERMANENT_2023 -> foreign2023(block);
            };
        } catch (BadField e) {
            return Parsed.failed(e.getMessage());
        }
    }

    /** The card type from the character at offset 248. */
    public static Parsed<CardType> cardType(byte[] block) {
        if (block == null || block.length != SIZE) {
            return Parsed.failed("text block is " + (block == null ? "missing" : block.length + " bytes")
                    + ", not " + SIZE);
        }
        char c = (char) ((block[TYPE.offset()] & 0xFF) | (block[TYPE.offset() + 1] & 0xFF) << 8);
        // Older resident cards pad the reserved area with spaces; accept NUL padding as well.
        CardType t = c == 0 ? CardType.RESIDENT : CardType.ofCode(c);
        if (t == null) {
            return Parsed.failed(String.format("unknown card type character U+%04X at offset 248", (int) c));
        }
        return Parsed.ok(t);
    }

    /** The raw fields an {@link Identity} does not hold; blank ones for an unreadable block. */
    public static CardExtras extras(byte[] block) {
        Parsed<CardType> type = cardType(block);
        if (!type.isOk()) {
            return CardExtras.NONE;
        }
        return switch (type.value()) {
            case RESIDENT -> CardExtras.NONE;
            case HMT_RESIDENCE_PERMIT -> new CardExtras(text(block, J_PASS_NUMBER), text(block, J_ISSUE_COUNT), "", "", "");
            case FOREIGN_PERMANENT_2017 -> new CardExtras("", "", text(block, I_CARD_VERSION), "", "");
            case FOREIGN_PERMANENT_2023 ->
                new CardExtras("", "", "", text(block, Y_RENEWAL_COUNT), text(block, Y_PREVIOUS_PERMIT));
        };
    }

    private static Parsed<Identity> resident(byte[] b, CardType type) {
        String name = required(b, NAME);
        Sex sex = sex(b, SEX);
        String ethnicity = "";
        if (type == CardType.RESIDENT) {
            String code = text(b, ETHNICITY);
            String known = Ethnicities.nameOf(code);
            // An unknown code is kept as it is rather than refusing the card over a display field.
            ethnicity = known != null ? known : code;
        }
        LocalDate birth = date(b, BIRTH);
        String address = text(b, ADDRESS);
        String id = required(b, ID_NUMBER);
        String authority = text(b, AUTHORITY);
        LocalDate from = date(b, VALID_FROM);
        LocalDate to = validTo(b, VALID_TO);
        return Parsed.ok(new Identity(type, name, sex, ethnicity, birth, address, id, authority, from, to, "", ""));
    }

    private static Parsed<Identity> foreign2017(byte[] b) {
        String english = text(b, I_ENGLISH_NAME);
        String chinese = text(b, I_CHINESE_NAME);
        if (english.isEmpty() && chinese.isEmpty()) {
            throw new BadField("the card holds no name");
        }
        Sex sex = sex(b, I_SEX);
        String permit = required(b, I_PERMIT_NUMBER);
        String nationality = text(b, I_NATIONALITY);
        LocalDate from = date(b, I_VALID_FROM);
        LocalDate to = validTo(b, I_VALID_TO);
        LocalDate birth = date(b, I_BIRTH);
        String authority = text(b, I_AUTHORITY_CODE);
        // Many holders have no Chinese name: the English one is then the name to greet them by.
        String name = chinese.isEmpty() ? english : chinese;
        return Parsed.ok(new Identity(CardType.FOREIGN_PERMANENT_2017, name, sex, "", birth, "", permit, authority,
                from, to, english, nationality));
    }

    private static Parsed<Identity> foreign2023(byte[] b) {
        String english = text(b, Y_ENGLISH_NAME);
        String more = text(b, Y_ENGLISH_NAME_MORE);
        if (!more.isEmpty()) {
            // The first field holds characters 1-35 and is full when a continuation exists.
            english = rawText(b, Y_ENGLISH_NAME) + more;
        }
        String chinese = text(b, Y_NAME);
        if (english.isEmpty() && chinese.isEmpty()) {
            throw new BadField("the card holds no name");
        }
        String name = chinese.isEmpty() ? english : chinese;
        Sex sex = sex(b, Y_SEX);
        LocalDate birth = date(b, Y_BIRTH);
        String id = required(b, Y_ID_NUMBER);
        String authority = text(b, Y_AUTHORITY);
        LocalDate from = date(b, Y_VALID_FROM);
        LocalDate to = validTo(b, Y_VALID_TO);
        String nationality = text(b, Y_NATIONALITY);
        return Parsed.ok(new Identity(CardType.FOREIGN_PERMANENT_2023, name, sex, "", birth, "", id, authority,
                from, to, english, nationality));
    }

    /** The field's text without trailing padding (spaces, NULs). */
    static String text(byte[] b, TextBlockLayout.Field f) {
        String s = rawText(b, f);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String rawText(byte[] b, TextBlockLayout.Field f) {
        // UTF_16LE decoding replaces malformed input (a lone surrogate) with U+FFFD; it never throws.
        return new String(b, f.offset(), f.length(), StandardCharsets.UTF_16LE);
    }

    private static String required(byte[] b, TextBlockLayout.Field f) {
        String s = text(b, f);
        if (s.isEmpty()) {
            throw new BadField(f.name() + " is blank");
        }
        return s;
    }

    private static Sex sex(byte[] b, TextBlockLayout.Field f) {
        String s = text(b, f);
        return s.isEmpty() ? Sex.UNKNOWN : Sex.ofCode(s.charAt(0));
    }

    private static LocalDate validTo(byte[] b, TextBlockLayout.Field f) {
        if (FOR_LIFE.equals(text(b, f))) {
            return null;
        }
        return date(b, f);
    }

    /** YYYYMMDD in ASCII digits; anything else is a bad field, not an exception escaping. */
    private static LocalDate date(byte[] b, TextBlockLayout.Field f) {
        String s = text(b, f);
        if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadField(f.name() + " is not a YYYYMMDD date");
        }
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new BadField(f.name() + " is not a real date");
        }
    }

    /** Internal control flow only: caught in {@link #parse} and turned into a reason. */
    private static final class BadField extends RuntimeException {
        BadField(String reason) {
            super(reason, null, false, false);
        }
    }
}

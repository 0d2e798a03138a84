package org.onetrip.kiosk.idcard.sam;

/**
 * Where each field lies in the 256-byte text block, by card type: UCS-2 little-endian, padded
 * with spaces ({@code 20 00}), offsets and lengths in bytes. One table for the parser and the
 * encoder, so the two cannot disagree.
 *
 * <p>Resident, {@code J} and {@code I}: the reference's tables. {@code Y} (2023 foreign permanent
 * resident card): the reference gives offsets only up to 220 and says 158 is "as the resident
 * card"; the layout after 220 and the reserved field at 158 follow Johann356/readinfo's
 * {@code t_idforeigner2023}, which accounts for all 256 bytes: English name continued (22 @220),
 * nationality (6 @242), type (2 @248), previous-permit link (6 @250).
 */
final class TextBlockLayout {
    static final int SIZE = 256;

    record Field(String name, int offset, int length) {
        int chars() {
            return length / 2;
        }
    }

    static final Field TYPE = new Field("card type", 248, 2);

    // Resident card (space at 248); J shares it up to 220, with 32..36 reserved.
    static final Field NAME = new Field("name", 0, 30);
    static final Field SEX = new Field("sex", 30, 2);
    static final Field ETHNICITY = new Field("ethnicity", 32, 4);
    static final Field BIRTH = new Field("birth date", 36, 16);
    static final Field ADDRESS = new Field("address", 52, 70);
    static final Field ID_NUMBER = new Field("ID number", 122, 36);
    static final Field AUTHORITY = new Field("issuing authority", 158, 30);
    static final Field VALID_FROM = new Field("valid from", 188, 16);
    static final Field VALID_TO = new Field("valid to", 204, 16);

    static final Field J_PASS_NUMBER = new Field("pass number", 220, 18);
    static final Field J_ISSUE_COUNT = new Field("issue count", 238, 4);

    static final Field I_ENGLISH_NAME = new Field("English name", 0, 120);
    static final Field I_SEX = new Field("sex", 120, 2);
    static final Field I_PERMIT_NUMBER = new Field("permit number", 122, 30);
    static final Field I_NATIONALITY = new Field("nationality", 152, 6);
    static final Field I_CHINESE_NAME = new Field("Chinese name", 158, 30);
    static final Field I_VALID_FROM = new Field("valid from", 188, 16);
    static final Field I_VALID_TO = new Field("valid to", 204, 16);
    static final Field I_BIRTH = new Field("birth date", 220, 16);
    static final Field I_CARD_VERSION = new Field("card version", 236, 4);
    static final Field I_AUTHORITY_CODE = new Field("issuing authority code", 240, 8);

    static final Field Y_NAME = new Field("name", 0, 30);
    static final Field Y_SEX = new Field("sex", 30, 2);
    static final Field Y_RENEWAL_COUNT = new Field("renewal count", 32, 4);
    static final Field Y_BIRTH = new Field("birth date", 36, 16);
    static final Field Y_ENGLISH_NAME = new Field("English name", 52, 70);
    static final Field Y_ID_NUMBER = new Field("ID number", 122, 36);
    /** Reserved in readinfo's layout; read as an authority when a card fills it. */
    static final Field Y_AUTHORITY = new Field("issuing authority", 158, 30);
    static final Field Y_VALID_FROM = new Field("valid from", 188, 16);
    static final Field Y_VALID_TO = new Field("valid to", 204, 16);
    static final Field Y_ENGLISH_NAME_MORE = new Field("English name (continued)", 220, 22);
    static final Field Y_NATIONALITY = new Field("nationality", 242, 6);
    static final Field Y_PREVIOUS_PERMIT = new Field("previous permit link", 250, 6);

    /** What the valid-to field holds on a card valid for life. */
    static final String FOR_LIFE = "长期";

    private TextBlockLayout() {
    }
}

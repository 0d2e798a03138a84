package org.onetrip.kiosk.idcard.sam;

import java.time.LocalDate;
import java.util.List;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.IdNumbers;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.Sex;

/** More fictional cards, for the edges of the text block. Every person here is invented. */
final class SamTestCards {
    private SamTestCards() {
    }

    /** 35 characters: the 70-byte address field exactly full. */
    static final String ADDRESS_35 = "福建省福鼎市桐城街道流美社区太姥大道东侧紫金花园小区七号楼二单元一零二";

    static final Identity FULL_ADDRESS = Identity.resident("欧阳秀兰", Sex.FEMALE, "汉", LocalDate.of(1950, 2, 28),
            ADDRESS_35, IdNumbers.withCheck("35098219500228004"), "福鼎市公安局", LocalDate.of(2012, 4, 1), null);

    /** 15 characters: the 30-byte name field exactly full. */
    static final Identity LONG_NAME = Identity.resident("买买提江·阿不都热合曼·吐尔逊", Sex.MALE, "维吾尔",
            LocalDate.of(1999, 12, 31), "新疆维吾尔自治区乌鲁木齐市天山区解放南路1号", IdNumbers.withCheck("65010219991231003"),
            "乌鲁木齐市公安局天山区分局", LocalDate.of(2020, 2, 29), LocalDate.of(2030, 2, 28));

    /** The reference's example number, on a card valid for life. */
    static final Identity REFERENCE_EXAMPLE = Identity.resident("王测试", Sex.FEMALE, "满", LocalDate.of(1949, 12, 31),
            "北京市朝阳区示例路1号", "11010519491231002X", "北京市公安局朝阳分局", LocalDate.of(2006, 1, 1), null);

    /** The 2017 layout without a Chinese name: the English name is the name. */
    static final Identity FOREIGN_2017_NO_CHINESE_NAME = new Identity(CardType.FOREIGN_PERMANENT_2017,
            "MUELLER, KLAUS PETER", Sex.MALE, "", LocalDate.of(1970, 10, 3), "", "DEU110070100301", "1500",
            LocalDate.of(2018, 1, 15), LocalDate.of(2028, 1, 15), "MUELLER, KLAUS PETER", "DEU");

    static final Identity FOREIGN_2023 = new Identity(CardType.FOREIGN_PERMANENT_2023, "李安娜", Sex.FEMALE, "",
            LocalDate.of(1990, 2, 3), "", IdNumbers.withCheck("93564319900203002"), "",
            LocalDate.of(2023, 12, 1), LocalDate.of(2033, 12, 1), "PETROVA, ANNA SERGEEVNA", "RUS");

    /** 46 characters: the English name runs on into its continuation field at 220. */
    static final String ENGLISH_46 = "VAN DER BERG-SCHMIDT, JOHANNA MARGARETHA ELISE";

    static final Identity FOREIGN_2023_LONG_NAME = new Identity(CardType.FOREIGN_PERMANENT_2023, ENGLISH_46,
            Sex.FEMALE, "", LocalDate.of(1968, 7, 21), "", IdNumbers.withCheck("93552819680721002"), "国家移民管理局",
            LocalDate.of(2024, 3, 5), null, ENGLISH_46, "NLD");

    static final CardExtras HMT_EXTRAS = new CardExtras("H60123456", "01", "", "", "");

    /** Every card that fits a text block: the shared fixtures (except one) and these. */
    static List<Identity> encodable() {
        List<Identity> all = new java.util.ArrayList<>(FictionalCards.all());
        all.remove(FictionalCards.OUYANG_ELDER); // 36-character address: see TextBlockTest
        all.addAll(List.of(FULL_ADDRESS, LONG_NAME, REFERENCE_EXAMPLE, FOREIGN_2017_NO_CHINESE_NAME, FOREIGN_2023,
                FOREIGN_2023_LONG_NAME));
        return all;
    }
}

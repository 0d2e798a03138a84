package org.onetrip.kiosk.idcard;

import java.time.LocalDate;
import java.util.List;

/**
 * Fictional cardholders for the simulator and tests. Every person here is invented; the numbers
 * carry correct check characters (except where a fixture exists to be refused).
 */
public final class FictionalCards {
    private FictionalCards() {
    }

    public static final Identity LAI_JIAJIA = Identity.resident("赖佳佳", Sex.FEMALE, "汉",
            LocalDate.of(1992, 3, 14), "福建省福鼎市桐城街道资国寺路88号", IdNumbers.withCheck("35098219920314002"),
            "福鼎市公安局", LocalDate.of(2016, 5, 20), LocalDate.of(2036, 5, 20));

    /** A village proxy agent (村代办员) who files for villagers. */
    public static final Identity ZHAN_AGENT = Identity.resident("詹照明", Sex.MALE, "畲",
            LocalDate.of(1975, 11, 2), "福建省福鼎市桐城街道柯岭村三组12号", IdNumbers.withCheck("35098219751102001"),
            "福鼎市公安局", LocalDate.of(2015, 1, 8), null);

    public static final Identity OUYANG_ELDER = Identity.resident("欧阳秀英", Sex.FEMALE, "汉",
            LocalDate.of(1948, 8, 30),
            "福建省福鼎市桐城街道流美社区太姥大道紫金花园七号楼二单元一零二室", IdNumbers.withCheck("35098219480830004"),
            "福鼎市公安局", LocalDate.of(2010, 9, 1), null);

    /** Expired two years before the simulator's clock: the kiosk must refuse it. */
    public static final Identity EXPIRED = Identity.resident("林国强", Sex.MALE, "汉",
            LocalDate.of(1980, 6, 6), "福建省福鼎市桐城街道龙山路1号", IdNumbers.withCheck("35098219800606003"),
            "福鼎市公安局", LocalDate.of(2004, 6, 1), LocalDate.of(2024, 6, 1));

    /** A wrong check character, as a forged or misread card would have. */
    public static final Identity BAD_NUMBER = Identity.resident("陈小明", Sex.MALE, "汉",
            LocalDate.of(2001, 1, 1), "福建省福鼎市桐城街道1号", "350982200101010011",
            "福鼎市公安局", LocalDate.of(2019, 1, 1), LocalDate.of(2029, 1, 1));

    public static final Identity HMT_PERMIT = new Identity(CardType.HMT_RESIDENCE_PERMIT, "陈美玲", Sex.FEMALE, "",
            LocalDate.of(1988, 12, 24), "福建省福鼎市桐城街道海滨路6号", IdNumbers.withCheck("83000019881224002"),
            "福鼎市公安局", LocalDate.of(2021, 3, 3), LocalDate.of(2031, 3, 3), "", "");

    public static final Identity FOREIGN_PERMANENT = new Identity(CardType.FOREIGN_PERMANENT_2017, "安娜", Sex.FEMALE, "",
            LocalDate.of(1985, 4, 9), "", "USA350085040901", "公安部", LocalDate.of(2019, 7, 1),
            LocalDate.of(2029, 7, 1), "SMITH, ANNA", "USA");

    public static List<Identity> all() {
        return List.of(LAI_JIAJIA, ZHAN_AGENT, OUYANG_ELDER, EXPIRED, BAD_NUMBER, HMT_PERMIT, FOREIGN_PERMANENT);
    }
}

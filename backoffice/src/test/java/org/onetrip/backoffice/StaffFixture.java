package org.onetrip.backoffice;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onetrip.backoffice.staff.Passwords;
import org.onetrip.backoffice.store.StaffStore;
import org.onetrip.kiosk.filing.Filing;
import org.onetrip.kiosk.filing.Submission;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.FictionalCards;

/** The centre's staff for page tests, and requests filed the way a resident files them at the kiosk. */
final class StaffFixture {
    static final String PASSWORD = "correct horse 42";
    /** One hash for every account: PBKDF2 is slow on purpose, the tests need not pay for it five times. */
    static final String HASH = Passwords.hash(PASSWORD);

    static final Identity RESIDENT = FictionalCards.LAI_JIAJIA;

    private StaffFixture() {
    }

    /** zhang: supervisor; li: window staff at 民生保障; chen: at 经济服务; zhou: patrol brigade; admin. */
    static StaffStore accounts(TestBackOffice bo) {
        StaffStore s = new StaffStore(bo.store, java.time.Clock.systemUTC());
        s.putAccount("zhang", "张主任", "supervisor", Set.of(), HASH);
        s.putAccount("li", "李窗口", "window", Set.of("livelihood"), HASH);
        s.putAccount("chen", "陈窗口", "window", Set.of("economy"), HASH);
        s.putAccount("zhou", "周队员", "patrol", Set.of(), HASH);
        s.putAccount("admin", "管理员", "admin", Set.of(), HASH);
        return s;
    }

    /** A residence certificate (民生保障 window) filed with the resident's card, as at the kiosk. */
    static Filing fileResidence(TestKiosk kiosk) {
        return kiosk.filing.file(new Submission("residence-certificate", Map.of("purpose", "school", "address",
                "资国寺路88号", "since", "2020-01-01", "housing", "owned", "copies", "1", "phone", "13800138000"),
                RESIDENT, null), Locale.SIMPLIFIED_CHINESE, null);
    }
}

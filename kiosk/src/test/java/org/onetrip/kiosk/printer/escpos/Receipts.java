package org.onetrip.kiosk.printer.escpos;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.onetrip.kiosk.catalog.LocalizedText;
import org.onetrip.kiosk.printer.Receipt;
import org.onetrip.kiosk.privacy.Masking;

/** Receipts for tests: a typical one as the kiosk files it, in Chinese with English beneath. */
final class Receipts {
    static final String STATUS_URL = "http://127.0.0.1:8311/status/q7Z3kP9xW2mN4vB8cR1tY6";
    static final ZonedDateTime FILED_AT = ZonedDateTime.of(2025, 3, 14, 9, 26, 41, 0, ZoneId.of("Asia/Shanghai"));

    private Receipts() {
    }

    static Receipt typical() {
        return typical(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, Masking.name("张伟"));
    }

    static Receipt chineseOnly() {
        return typical(Locale.SIMPLIFIED_CHINESE, null, Masking.name("张伟"));
    }

    /** A proxy filing: the agent 詹** of 柯岭村 filed for 欧***. */
    static Receipt proxy(Locale locale, Locale second) {
        Receipt t = typical(locale, second, Masking.name("欧阳秀英"));
        return new Receipt(t.centreName(), t.windowName(), t.ticket(), t.serviceName(), t.filedAt(), t.maskedName(),
                t.documents(), t.statusUrl(), t.centreHours(), t.centrePhone(), t.kioskId(), t.locale(), t.secondLocale(),
                new Receipt.Agent(Masking.name("詹照明"), LocalizedText.of("柯岭村", "Keling Village")));
    }

    static Receipt typical(Locale locale, Locale second, String maskedName) {
        return new Receipt(
                LocalizedText.of("桐城街道党群服务中心", "Tongcheng Subdistrict Party-Mass Service Centre"),
                LocalizedText.of("3号窗口 户籍业务", "Window 3 - Household registration"),
                "A023",
                LocalizedText.of("居住证签注", "Residence permit endorsement"),
                FILED_AT,
                maskedName,
                List.of(LocalizedText.of("居民身份证原件", "Original resident ID card"),
                        LocalizedText.of("居住证", "Residence permit"),
                        LocalizedText.of("近期一寸免冠照片 1 张", "One recent 1-inch photo")),
                STATUS_URL,
                LocalizedText.of("窗口办理：工作日 8:00-12:00 14:30-17:30，自助服务 24 小时",
                        "Windows open weekdays 8:00-12:00, 14:30-17:30; self-service 24 hours"),
                "0593-7800000",
                "sim-kiosk-01",
                locale,
                second);
    }
}

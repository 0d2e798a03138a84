package org.onetrip.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onetrip.kiosk.catalog.CatalogLoader;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.Sex;
import org.onetrip.kiosk.request.OutboxEntry;

/** The POST body, byte for byte. */
class Open311FormTest {
    private static final ServiceCatalog CATALOG = new CatalogLoader().loadBundled();
    private static final UUID ID = UUID.fromString("6f1c2a3e-0000-4000-8000-000000000001");
    private static final Instant FILED = Instant.parse("2025-03-14T01:30:00.123456789Z");
    static final Identity RESIDENT = Identity.resident("赖佳佳", Sex.FEMALE, "汉", LocalDate.of(1990, 5, 1),
            "福建省福鼎市桐城街道资国寺路88号", "350982199005010026", "福鼎市公安局", LocalDate.of(2020, 1, 1), null);

    static OutboxEntry entry(String service, Map<String, String> attrs, Map<String, String> personal, Identity resident) {
        return new OutboxEntry(1, ID, "sim-kiosk-01", service, FILED, "AbCdEfGhIjKlMnOpQrStUv", "D-017", attrs, personal,
                resident, null, 0, FILED);
    }

    @Test
    void anAnonymousReportIsItsFieldsThenTheKiosksOwn() {
        String body = Open311Form.body(entry("hazard-report", Map.of("category", "road_traffic", "since", "today",
                "danger", "no", "location", "资国寺路", "description", "红绿灯不亮 & 车辆抢行"), Map.of(), null),
                CATALOG, "key+/=");

        assertThat(body).isEqualTo("api_key=key%2B%2F%3D&service_code=hazard-report&device_id=sim-kiosk-01"
                + "&attribute%5Bcategory%5D=road_traffic&attribute%5Bdanger%5D=no"
                + "&attribute%5Bdescription%5D=%E7%BA%A2%E7%BB%BF%E7%81%AF%E4%B8%8D%E4%BA%AE+%26+%E8%BD%A6%E8%BE%86%E6%8A%A2%E8%A1%8C"
                + "&attribute%5Blocation%5D=%E8%B5%84%E5%9B%BD%E5%AF%BA%E8%B7%AF&attribute%5Bsince%5D=today"
                + "&attribute%5Breceipt_token%5D=AbCdEfGhIjKlMnOpQrStUv"
                + "&attribute%5Bkiosk_filed_at%5D=2025-03-14T01%3A30%3A00.123456789Z&attribute%5Bticket%5D=D-017");
    }

    @Test
    void aMultiValueListIsRepeatedAndTheResidentsCardTravelsAsAttributes() {
        String body = Open311Form.body(entry("volunteer-signup", Map.of("areas", "elderly,traffic", "times", "weekend",
                "party_member", "no"), Map.of("phone", "13800138000"), RESIDENT), CATALOG, "k");

        List<String> pairs = new ArrayList<>();
        for (String p : body.split("&")) {
            pairs.add(URLDecoder.decode(p, StandardCharsets.UTF_8));
        }
        assertThat(pairs).containsExactly("api_key=k", "service_code=volunteer-signup", "device_id=sim-kiosk-01",
                "last_name=赖佳佳", "phone=13800138000",
                "attribute[areas][]=elderly", "attribute[areas][]=traffic", "attribute[party_member]=no",
                "attribute[phone]=13800138000", "attribute[times][]=weekend",
                "attribute[receipt_token]=AbCdEfGhIjKlMnOpQrStUv", "attribute[kiosk_filed_at]=2025-03-14T01:30:00.123456789Z",
                "attribute[ticket]=D-017", "attribute[resident_name]=赖佳佳", "attribute[resident_card_type]=resident",
                "attribute[resident_id_number]=350982199005010026", "attribute[resident_sex]=female",
                "attribute[resident_birth_date]=1990-05-01", "attribute[resident_ethnicity]=汉",
                "attribute[resident_address]=福建省福鼎市桐城街道资国寺路88号");
        assertThat(Open311Form.KIOSK_ATTRIBUTES).contains("receipt_token", "kiosk_filed_at", "ticket", "resident_valid_to",
                "agent_id_number");
    }

    @Test
    void theSameEntryGivesTheSameBytes() {
        OutboxEntry e = entry("volunteer-signup", Map.of("areas", "elderly", "times", "weekend", "party_member", "yes"),
                Map.of("phone", "13800138000"), RESIDENT);
        assertThat(Open311Form.body(e, CATALOG, "k")).isEqualTo(Open311Form.body(e, CATALOG, "k"));
    }
}

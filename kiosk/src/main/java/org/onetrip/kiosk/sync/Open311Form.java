package org.onetrip.kiosk.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onetrip.kiosk.catalog.Attribute;
import org.onetrip.kiosk.catalog.Datatype;
import org.onetrip.kiosk.catalog.ServiceCatalog;
import org.onetrip.kiosk.catalog.ServiceDefinition;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.proxy.ProxyAgent;
import org.onetrip.kiosk.request.OutboxEntry;

/**
 * The body of {@code POST requests.json} for one outbox entry, {@code application/x-www-form-urlencoded}
 * (GeoReport v2). Pure: no I/O, the same entry always gives the same bytes.
 *
 * <p>Besides the service's own fields ({@code attribute[CODE]}, a multi-value list as repeated
 * {@code attribute[CODE][]}), the kiosk sends attributes of its own, named in {@link #KIOSK_ATTRIBUTES}:
 * the receipt token (so the back office can answer a phone that opens the receipt's QR link), the
 * filing time on the kiosk (the request's {@code requested_datetime}: when the resident filed, not
 * when the office received it), the receipt's ticket, the ID card fields the office needs, and for a
 * proxy filing the agent's registration and village. The resident's whole name
 * also goes in the standard {@code last_name}: Chinese names are written family name first and are
 * not split, so a plain Open311 back office shows the name as the card prints it.
 */
public final class Open311Form {
    public static final String RECEIPT_TOKEN = "receipt_token";
    public static final String KIOSK_FILED_AT = "kiosk_filed_at";
    /** The ticket on the resident's receipt ({@code D-017}): staff find a request by it. */
    public static final String TICKET = "ticket";
    private static final List<String> IDENTITY_FIELDS = List.of("name", "card_type", "id_number", "sex",
            "birth_date", "ethnicity", "address", "valid_to", "english_name", "nationality");
    /** Attribute codes the kiosk adds to every service's own; a back office accepts them on any service. */
    public static final List<String> KIOSK_ATTRIBUTES = kioskAttributes();

    private Open311Form() {
    }

    private static List<String> kioskAttributes() {
        List<String> codes = new ArrayList<>(List.of(RECEIPT_TOKEN, KIOSK_FILED_AT, TICKET,
                ProxyAgent.REGISTRATION_ATTRIBUTE, ProxyAgent.VILLAGE_ATTRIBUTE));
        for (String who : List.of("resident_", "agent_")) {
            IDENTITY_FIELDS.forEach(f -> codes.add(who + f));
        }
        return List.copyOf(codes);
    }

    /** The form body; {@code catalog} tells which fields are multi-value lists. */
    public static String body(OutboxEntry e, ServiceCatalog catalog, String apiKey) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"api_key", apiKey});
        fields.add(new String[] {"service_code", e.serviceCode()});
        if (e.kioskId() != null) {
            fields.add(new String[] {"device_id", e.kioskId()});
        }
        if (e.resident() != null) {
            fields.add(new String[] {"last_name", e.resident().name()});
        }
        String phone = e.personalAttributes().get("phone");
        if (phone != null) {
            fields.add(new String[] {"phone", phone});
        }
        ServiceDefinition service = catalog.service(e.serviceCode()).orElse(null);
        Map<String, String> attributes = new TreeMap<>(e.attributes());
        attributes.putAll(e.personalAttributes());
        attributes.forEach((code, value) -> {
            Attribute a = service == null ? null : service.attribute(code);
            if (a != null && a.datatype() == Datatype.MULTIVALUELIST) {
                for (String key : value.split(",")) {
                    fields.add(new String[] {"attribute[" + code + "][]", key.strip()});
                }
            } else {
                fields.add(new String[] {"attribute[" + code + "]", value});
            }
        });
        fields.add(new String[] {"attribute[" + RECEIPT_TOKEN + "]", e.receiptToken()});
        fields.add(new String[] {"attribute[" + KIOSK_FILED_AT + "]", DateTimeFormatter.ISO_INSTANT.format(e.filedAt())});
        if (e.ticket() != null) {
            fields.add(new String[] {"attribute[" + TICKET + "]", e.ticket()});
        }
        identity(fields, "resident_", e.resident());
        identity(fields, "agent_", e.agent());
        StringBuilder sb = new StringBuilder();
        for (String[] f : fields) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static void identity(List<String[]> fields, String who, Identity id) {
        if (id == null) {
            return;
        }
        add(fields, who + "name", id.name());
        add(fields, who + "card_type", id.cardType().name().toLowerCase(java.util.Locale.ROOT));
        add(fields, who + "id_number", id.idNumber());
        add(fields, who + "sex", id.sex().name().toLowerCase(java.util.Locale.ROOT));
        add(fields, who + "birth_date", id.birthDate() == null ? null : id.birthDate().toString());
        add(fields, who + "ethnicity", id.ethnicity());
        add(fields, who + "address", id.address());
        // Valid for life (长期) is sent as no end date.
        add(fields, who + "valid_to", id.validTo() == null ? null : id.validTo().toString());
        add(fields, who + "english_name", id.englishName());
        add(fields, who + "nationality", id.nationality());
    }

    private static void add(List<String[]> fields, String code, String value) {
        if (value != null && !value.isEmpty()) {
            fields.add(new String[] {"attribute[" + code + "]", value});
        }
    }
}

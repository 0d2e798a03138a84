package org.onetrip.backoffice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onetrip.backoffice.TestBackOffice;
import org.onetrip.backoffice.store.BackOfficeStore;
import org.onetrip.backoffice.store.Database;
import org.onetrip.backoffice.store.StoreException;

/**
 * Personal data at rest: sealed with AES-GCM in every personal and free-text column, bound to its
 * row and column, readable only with the key the database was first used with; older plain rows
 * sealed at start; erased after the retention limit; the SQLite files and the key file 0600.
 */
class PersonalDataAtRestTest {
    /** What a resident gave: none of it may be readable in the database. */
    static final List<String> SECRETS = List.of("赖佳佳", "350982199005010026", "13800138000", "资国寺路88号", "高龄补贴申请说明",
            "请赖佳佳补交户口本", "lai@example.org");

    @TempDir
    Path dir;

    static List<String> kinds() {
        return TestBackOffice.kinds();
    }

    static Map<String, String> form(TestBackOffice bo) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", bo.apiKey);
        f.put("service_code", "elderly-allowance");
        f.put("attribute[payment]", TestBackOffice.CATALOG.service("elderly-allowance").orElseThrow().attribute("payment")
                .values().get(0).key());
        f.put("attribute[living]", TestBackOffice.CATALOG.service("elderly-allowance").orElseThrow().attribute("living")
                .values().get(0).key());
        f.put("attribute[phone]", "13800138000");
        f.put("attribute[resident_name]", "赖佳佳");
        f.put("attribute[resident_id_number]", "350982199005010026");
        f.put("attribute[resident_address]", "福建省福鼎市桐城街道资国寺路88号");
        f.put("last_name", "赖佳佳");
        f.put("phone", "13800138000");
        f.put("email", "lai@example.org");
        f.put("description", "高龄补贴申请说明");
        f.put("address_string", "资国寺路88号");
        return f;
    }

    static String file(TestBackOffice bo, String idempotencyKey) {
        var r = bo.postForm(TestBackOffice.form(form(bo)), idempotencyKey);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String body = r.body();
        return body.substring(body.indexOf("\"service_request_id\":\"") + 22, body.indexOf("\"", body.indexOf("\"service_request_id\":\"") + 22));
    }

    static String raw(Database db, String sql, String param) {
        return db.read("read a raw column", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void noPersonalValueIsReadableInTheDatabaseAndStaffReadItDecrypted(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String id = file(bo, "a");
            assertThat(bo.staffStatus(id, "needs_documents", "请赖佳佳补交户口本").statusCode()).isEqualTo(200);

            String everything = bo.store.snapshot().toString();
            for (String secret : SECRETS) {
                assertThat(everything).as("the database holds '" + secret + "' in clear").doesNotContain(secret);
            }
            String key = bo.store.find(List.of(id), null).get(0).requestKey();
            for (String column : List.of("description", "last_name", "phone", "email", "address_string", "attributes",
                    "personal_attributes", "status_notes")) {
                assertThat(raw(bo.db, "SELECT " + column + " FROM service_requests WHERE request_key = ?", key))
                        .as(column).startsWith("e1.");
            }
            assertThat(raw(bo.db, "SELECT notes FROM status_history WHERE request_key = ? AND notes IS NOT NULL", key))
                    .startsWith("e1.");

            BackOfficeStore.PersonalData p = bo.store.personal(key).orElseThrow();
            assertThat(p.lastName()).isEqualTo("赖佳佳");
            assertThat(p.phone()).isEqualTo("13800138000");
            assertThat(p.email()).isEqualTo("lai@example.org");
            assertThat(p.attributes()).containsEntry("resident_id_number", "350982199005010026").containsEntry("phone", "13800138000")
                    .containsEntry("resident_address", "福建省福鼎市桐城街道资国寺路88号");
            var request = bo.store.find(List.of(id), null).get(0);
            assertThat(request.attributes()).as("the request's own content, without what names a person")
                    .containsKeys("payment", "living").doesNotContainKeys("phone", "resident_name", "resident_id_number");
            assertThat(request.description()).isEqualTo("高龄补贴申请说明");
            assertThat(request.notes()).isEqualTo("请赖佳佳补交户口本");
            assertThat(bo.store.history(key)).extracting(BackOfficeStore.HistoryStep::notes).contains("请赖佳佳补交户口本");

            // The resident's rating of the handling, in their own words.
            var staff = new org.onetrip.backoffice.store.StaffStore(bo.store, Clock.systemUTC());
            assertThat(staff.rate(key, "dissatisfied", "赖佳佳等了很久")).isTrue();
            assertThat(raw(bo.db, "SELECT reason FROM ratings WHERE request_key = ?", key)).startsWith("e1.");
            assertThat(staff.rating(key).orElseThrow().reason()).isEqualTo("赖佳佳等了很久");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSealedValueMovedToAnotherRowDoesNotOpenAndAnotherKeyIsRefused(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String a = bo.store.find(List.of(file(bo, "a")), null).get(0).requestKey();
            String b = bo.store.find(List.of(file(bo, "b")), null).get(0).requestKey();
            String sealedA = raw(bo.db, "SELECT phone FROM service_requests WHERE request_key = ?", a);
            bo.db.inTransaction("move a sealed value", c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET phone = ? WHERE request_key = ?")) {
                    ps.setString(1, sealedA);
                    ps.setString(2, b);
                    return ps.executeUpdate();
                }
            });
            assertThatThrownBy(() -> bo.store.personal(b)).hasMessageContaining("does not decrypt")
                    .hasMessageNotContaining("13800138000");

            assertThatThrownBy(() -> new BackOfficeStore(bo.db, FieldCipher.random(), Clock.systemUTC()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("another key");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rowsWrittenBeforeEncryptionAreSealedAtStart(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String key = bo.store.find(List.of(file(bo, "a")), null).get(0).requestKey();
            // As a database of the previous release holds them: in clear.
            bo.db.inTransaction("write clear values", c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE service_requests SET phone = ?, attributes = ?, "
                        + "personal_attributes = NULL, description = ? WHERE request_key = ?")) {
                    ps.setString(1, "13800138000");
                    ps.setString(2, "{\"payment\":\"bank\",\"resident_name\":\"赖佳佳\"}");
                    ps.setString(3, "高龄补贴申请说明");
                    ps.setString(4, key);
                    return ps.executeUpdate();
                }
            });
            BackOfficeStore reopened = new BackOfficeStore(bo.db, TestBackOffice.CIPHER, Clock.systemUTC());
            String everything = reopened.snapshot().toString();
            assertThat(everything).doesNotContain("13800138000", "赖佳佳", "高龄补贴申请说明");
            assertThat(reopened.personal(key).orElseThrow().phone()).isEqualTo("13800138000");
            assertThat(reopened.find(List.of(idOf(reopened, key)), null).get(0).attributes())
                    .containsEntry("resident_name", "赖佳佳");
        }
    }

    private static String idOf(BackOfficeStore store, String requestKey) {
        return raw(store.database(), "SELECT service_request_id FROM service_requests WHERE request_key = ?", requestKey);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void closedRequestsLoseTheirPersonalDataAfterTheRetentionLimit(String kind) {
        try (TestBackOffice bo = new TestBackOffice(kind, dir)) {
            String closed = file(bo, "closed");
            String open = file(bo, "open");
            assertThat(bo.staffStatus(closed, "in_progress", null).statusCode()).isEqualTo(200);
            assertThat(bo.staffStatus(closed, "completed", "已发放，赖佳佳签收").statusCode()).isEqualTo(200);
            String closedKey = bo.store.find(List.of(closed), null).get(0).requestKey();
            String openKey = bo.store.find(List.of(open), null).get(0).requestKey();

            assertThat(bo.store.eraseClosedBefore(Instant.now().minus(90, ChronoUnit.DAYS))).as("not yet due").isZero();
            assertThat(bo.store.eraseClosedBefore(Instant.now().plusSeconds(1))).isEqualTo(1);

            assertThat(bo.store.personal(closedKey)).isEmpty();
            var erased = bo.store.find(List.of(closed), null).get(0);
            assertThat(erased.erased()).isNotNull();
            assertThat(erased.attributes()).isEmpty();
            assertThat(erased.description()).isNull();
            assertThat(erased.notes()).isNull();
            assertThat(erased.detail().wire()).isEqualTo("completed");
            assertThat(bo.store.history(closedKey)).extracting(BackOfficeStore.HistoryStep::notes).containsOnlyNulls();
            for (String column : List.of("last_name", "phone", "email", "address_string", "description", "personal_attributes",
                    "status_notes", "receipt_token")) {
                assertThat(raw(bo.db, "SELECT " + column + " FROM service_requests WHERE request_key = ?", closedKey))
                        .as(column).isNull();
            }
            // What statistics need stays, and Open311 still answers for it.
            assertThat(bo.get("requests/" + closed + ".json").statusCode()).isEqualTo(200);
            assertThat(bo.store.personal(openKey).orElseThrow().phone()).isEqualTo("13800138000");
            assertThat(bo.store.eraseClosedBefore(Instant.now().plusSeconds(1))).as("once").isZero();
        }
    }

    @Test
    void theSqliteFilesAndTheKeyFileAreTheOwnersOnly() throws Exception {
        Path db = dir.resolve("bo").resolve("backoffice.db");
        try (Database d = Database.sqlite(db)) {
            BackOfficeStore store = new BackOfficeStore(d, FieldCipher.load(null, dir.resolve("bo").resolve("personal-data.key")),
                    Clock.systemUTC());
            store.issueApiKey("k");
            for (String f : List.of("backoffice.db", "backoffice.db-wal", "backoffice.db-shm", "personal-data.key")) {
                Path p = dir.resolve("bo").resolve(f);
                if (Files.exists(p)) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(f).isEqualTo("rw-------");
                }
            }
            assertThat(dir.resolve("bo").resolve("backoffice.db-wal")).exists();
        }
        // A file made wider by someone is narrowed when opened again.
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database d = Database.sqlite(db)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        }
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedAndTheEnvironmentKeyWins() throws Exception {
        Path key = dir.resolve("k.key");
        Files.writeString(key, FieldCipher.newKeyText(), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> FieldCipher.load(null, key)).hasMessageContaining("readable by others");

        String env = FieldCipher.newKeyText();
        FieldCipher fromEnv = FieldCipher.load(env, key);
        assertThat(fromEnv.decrypt(FieldCipher.fromBase64(env).encrypt("x", "c"), "c")).isEqualTo("x");
        assertThatThrownBy(() -> FieldCipher.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");

        FieldCipher made = FieldCipher.load(null, dir.resolve("new").resolve("made.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new").resolve("made.key"))))
                .isEqualTo("rw-------");
        assertThat(FieldCipher.load(null, dir.resolve("new").resolve("made.key")).keyId()).isEqualTo(made.keyId());
    }

    @Test
    void aSealedValueIsNotThePlainTextAndEachSealIsFresh() {
        FieldCipher c = FieldCipher.random();
        List<String> seals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seals.add(c.encrypt("13800138000", "phone:k"));
        }
        assertThat(seals).doesNotHaveDuplicates().allMatch(s -> s.startsWith("e1.") && !s.contains("13800138000"));
        assertThat(c.decrypt(seals.get(0), "phone:k")).isEqualTo("13800138000");
        assertThatThrownBy(() -> c.decrypt(seals.get(0), "email:k")).hasMessageContaining("does not decrypt");
        String flipped = seals.get(0).substring(0, 10) + (seals.get(0).charAt(10) == 'A' ? 'B' : 'A') + seals.get(0).substring(11);
        assertThatThrownBy(() -> c.decrypt(flipped, "phone:k")).hasMessageContaining("does not decrypt");
        assertThat(c.encrypt(null, "x")).isNull();
    }
}

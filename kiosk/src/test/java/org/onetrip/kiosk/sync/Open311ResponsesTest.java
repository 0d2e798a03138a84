package org.onetrip.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onetrip.kiosk.request.RequestStatus;

class Open311ResponsesTest {
    private static final String ERRORS = "[{\"code\":404,\"description\":\"service_code not found\"}]";

    @Test
    void aNewFilingAndAReplayAreBothAccepted() {
        assertThat(Open311Responses.submitAnswer(201, "[{\"service_request_id\":\"100012\",\"service_notice\":\"\"}]", null))
                .isEqualTo(new SubmitOutcome.Accepted("100012", null, false));
        assertThat(Open311Responses.submitAnswer(200, "[{\"service_request_id\":100012}]", null))
                .isEqualTo(new SubmitOutcome.Accepted("100012", null, true));
        assertThat(Open311Responses.submitAnswer(201, "[{\"token\":\"tk-1\"}]", null))
                .isEqualTo(new SubmitOutcome.Accepted(null, "tk-1", false));
        assertThat(Open311Responses.submitAnswer(201, "{\"service_request_id\":\"7\"}", null))
                .isEqualTo(new SubmitOutcome.Accepted("7", null, false));
    }

    @Test
    void aSuccessWithoutAnIdIsTriedAgainNotTrusted() {
        for (String body : new String[] {"", "[]", "[{}]", "<html>ok</html>", "[{\"service_request_id\":\"\"}]"}) {
            assertThat(Open311Responses.submitAnswer(201, body, null)).as(body).isInstanceOf(SubmitOutcome.Retry.class);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "400, Refused", "404, Refused", "409, Refused", "413, Refused", "422, Refused",
            "403, Misconfigured", "401, Misconfigured",
            "500, Retry", "502, Retry", "503, Retry", "504, Retry", "429, Retry", "408, Retry"})
    void openElevenErrorsAreSortedByWhatTheKioskShouldDo(int status, String outcome) {
        assertThat(Open311Responses.submitAnswer(status, ERRORS, null).getClass().getSimpleName()).isEqualTo(outcome);
    }

    @Test
    void aRefusalCarriesTheServersReasons() {
        SubmitOutcome o = Open311Responses.submitAnswer(400,
                "[{\"code\":400,\"description\":\"phone: not an 11-digit mobile number\"},{\"code\":400,\"description\":\"x\"}]", null);
        assertThat(o).isEqualTo(new SubmitOutcome.Refused(400,
                "HTTP 400: code 400: phone: not an 11-digit mobile number; code 400: x"));
    }

    @Test
    void a404WithoutAnOpen311ErrorMeansTheAddressIsWrongNotTheRequest() {
        assertThat(Open311Responses.submitAnswer(404, "<html>Not Found</html>", null))
                .isInstanceOf(SubmitOutcome.Misconfigured.class);
        assertThat(Open311Responses.submitAnswer(405, "", null)).isInstanceOf(SubmitOutcome.Misconfigured.class);
        assertThat(Open311Responses.submitAnswer(302, "", null)).isInstanceOf(SubmitOutcome.Misconfigured.class);
        // The body is never quoted: it may echo what the resident typed.
        assertThat(((SubmitOutcome.Misconfigured) Open311Responses.submitAnswer(404, "secret 13800138000", null)).reason())
                .doesNotContain("13800138000");
    }

    @Test
    void retryAfterInSecondsIsKept() {
        assertThat(Open311Responses.submitAnswer(503, "", "120")).isEqualTo(new SubmitOutcome.Retry("HTTP 503", Duration.ofSeconds(120)));
        assertThat(((SubmitOutcome.Retry) Open311Responses.submitAnswer(503, "", "Wed, 21 Oct 2015 07:28:00 GMT")).retryAfter()).isNull();
    }

    @Test
    void longErrorTextsAreCut() {
        String longText = "x".repeat(1000);
        String reason = Open311Responses.errors("[{\"code\":400,\"description\":\"" + longText + "\"}]");
        assertThat(reason).hasSize(300).endsWith("…");
        assertThat(Open311Responses.errors("[1,2]")).isNull();
        assertThat(Open311Responses.errors("{}")).isNull();
    }

    @Test
    void requestObjectsWithTheDetailExtensionAndPlainOnes() {
        var statuses = Open311Responses.requests("""
                [{"service_request_id":"1","status":"open","status_notes":"请带户口本",
                  "updated_datetime":"2025-03-15T09:00:00+08:00",
                  "extended_attributes":{"status_detail":"needs_documents"}},
                 {"service_request_id":2,"status":"closed"},
                 {"service_request_id":"3","status":"open","extended_attributes":{"status_detail":"teleported"}},
                 {"service_request_id":"4","status":"open","extended_attributes":{"status_detail":"queued"}},
                 {"status":"open"}]""");

        assertThat(statuses).hasSize(4);
        assertThat(statuses.get(0)).isEqualTo(new RemoteStatus("1", RequestStatus.NEEDS_DOCUMENTS, false, "请带户口本",
                Instant.parse("2025-03-15T01:00:00Z")));
        assertThat(statuses.get(1)).isEqualTo(new RemoteStatus("2", null, true, null, null));
        assertThat(statuses.get(2).status()).isNull();
        assertThat(statuses.get(3).status()).isNull();
        assertThatThrownBy(() -> Open311Responses.requests("{}")).isInstanceOf(BackOfficeException.class);
    }

    @Test
    void plainOpenAndClosedResolveAgainstWhatTheKioskKnows() {
        RemoteStatus open = new RemoteStatus("1", null, false, null, null);
        RemoteStatus closed = new RemoteStatus("1", null, true, null, null);
        assertThat(open.resolve(RequestStatus.QUEUED)).isEqualTo(RequestStatus.RECEIVED);
        assertThat(open.resolve(RequestStatus.IN_PROGRESS)).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(closed.resolve(RequestStatus.IN_PROGRESS)).isEqualTo(RequestStatus.COMPLETED);
        assertThat(closed.resolve(RequestStatus.REJECTED)).isEqualTo(RequestStatus.REJECTED);
        assertThat(new RemoteStatus("1", RequestStatus.IN_PROGRESS, false, null, null).resolve(RequestStatus.NEEDS_DOCUMENTS))
                .isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void tokensWithAndWithoutTheirId() {
        assertThat(Open311Responses.tokens("[{\"token\":\"a\",\"service_request_id\":\"9\"},{\"token\":\"b\"},"
                + "{\"token\":\"c\",\"service_request_id\":null}]")).containsExactly(java.util.Map.entry("a", "9"));
    }
}

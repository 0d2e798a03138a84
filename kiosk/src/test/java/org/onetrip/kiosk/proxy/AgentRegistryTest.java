package org.onetrip.kiosk.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onetrip.kiosk.idcard.CardType;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.idcard.Identity;
import org.onetrip.kiosk.idcard.IdNumbers;
import org.onetrip.kiosk.idcard.Sex;
import org.onetrip.kiosk.proxy.AgentCheck.Refusal;

/** The registered agents file and the registry's answer for every kind of card offered as an agent's. */
class AgentRegistryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final String HEADER = AgentsFile.HEADER + "\n";

    @TempDir
    Path dir;

    private static AgentRegistry parse(String text) {
        return AgentsFile.parse(text.getBytes(StandardCharsets.UTF_8), "agents.csv");
    }

    private static AgentRegistry simulator() {
        return AgentsFile.loadResource("/profiles/simulator-agents.csv");
    }

    @Test
    void theSimulatorsAgentIsAcceptedWithHisVillage() {
        AgentCheck c = simulator().check(FictionalCards.ZHAN_AGENT, TODAY);
        assertThat(c.accepted()).isTrue();
        assertThat(c.agent().code()).isEqualTo("KL-01");
        assertThat(c.agent().maskedName()).isEqualTo("詹**");
        assertThat(c.agent().village().zh()).isEqualTo("柯岭村");
        assertThat(c.agent().village().en()).isEqualTo("Keling Village");
    }

    @Test
    void aResidentsCardIsNotAnAgentsCard() {
        AgentCheck c = simulator().check(FictionalCards.LAI_JIAJIA, TODAY);
        assertThat(c.accepted()).isFalse();
        assertThat(c.refusal()).isEqualTo(Refusal.NOT_REGISTERED);
        assertThat(c.agent()).isNull();
    }

    @Test
    void anEndedRegistrationIsRefusedFromTheDayAfterItsLastDay() {
        AgentRegistry r = simulator();
        assertThat(r.check(FictionalCards.OUYANG_ELDER, LocalDate.of(2025, 6, 30)).accepted()).isTrue();
        AgentCheck c = r.check(FictionalCards.OUYANG_ELDER, LocalDate.of(2025, 7, 1));
        assertThat(c.refusal()).isEqualTo(Refusal.REGISTRATION_EXPIRED);
        assertThat(c.agent().code()).isEqualTo("LM-02");
    }

    @Test
    void noAgentsFileRefusesEveryCardAndSaysSo() {
        assertThat(AgentRegistry.empty().check(FictionalCards.ZHAN_AGENT, TODAY).refusal()).isEqualTo(Refusal.NO_AGENTS);
    }

    @Test
    void theRegisteredNumberOnAnotherKindOfCardIsTheWrongCard() {
        Identity permit = new Identity(CardType.HMT_RESIDENCE_PERMIT, "詹照明", Sex.MALE, "", LocalDate.of(1975, 11, 2), "",
                FictionalCards.ZHAN_AGENT.idNumber(), "", LocalDate.of(2020, 1, 1), null, "", "");
        assertThat(simulator().check(permit, TODAY).refusal()).isEqualTo(Refusal.WRONG_CARD_TYPE);
    }

    @Test
    void theRegisteredPersonWithARenewedForeignCardIsTheWrongCard() {
        // Registered with the 2017 card; the 2023 card has a new 18-character number.
        AgentRegistry r = parse(HEADER + "F-1,foreign-2017,USA350085040901,安娜,柯岭村,Keling Village,\n");
        assertThat(r.check(FictionalCards.FOREIGN_PERMANENT, TODAY).accepted()).isTrue();
        Identity renewed = new Identity(CardType.FOREIGN_PERMANENT_2023, "安娜", Sex.FEMALE, "", LocalDate.of(1985, 4, 9), "",
                IdNumbers.withCheck("93384019850409001"), "国家移民管理局", LocalDate.of(2024, 7, 1), LocalDate.of(2034, 7, 1),
                "SMITH, ANNA", "USA");
        assertThat(r.check(renewed, TODAY).refusal()).isEqualTo(Refusal.WRONG_CARD_TYPE);
    }

    @Test
    void aRegisteredNumberUnderAnotherNameIsRefused() {
        Identity other = Identity.resident("詹小明", Sex.MALE, "汉", LocalDate.of(1975, 11, 2), "",
                FictionalCards.ZHAN_AGENT.idNumber(), "", LocalDate.of(2015, 1, 8), null);
        assertThat(simulator().check(other, TODAY).refusal()).isEqualTo(Refusal.NAME_MISMATCH);
    }

    @Test
    void aLowerCaseXOnTheCardMatchesTheRegistration() {
        Identity ouyang = FictionalCards.OUYANG_ELDER;
        String number = IdNumbers.withCheck("11010519491231002"); // ends in X
        assertThat(number).endsWith("X");
        AgentRegistry r = parse(HEADER + "X-1,resident," + number + ",欧阳秀英,流美社区,,\n");
        Identity lower = Identity.resident(ouyang.name(), ouyang.sex(), "汉", ouyang.birthDate(), "", number.toLowerCase(),
                "", LocalDate.of(2010, 1, 1), null);
        assertThat(r.check(lower, TODAY).accepted()).isTrue();
        assertThat(r.agents().get(0).village().en()).as("no English name: the Chinese one").isEqualTo("流美社区");
    }

    @Test
    void aHashedNumberInTheFileMatchesTheCard() {
        String hashed = SaltedDigest.format("Tongcheng2026", FictionalCards.ZHAN_AGENT.idNumber());
        assertThat(hashed).startsWith("sha256:Tongcheng2026:").hasSize(7 + 13 + 1 + 64);
        AgentRegistry r = parse(HEADER + "KL-01,resident," + hashed + ",詹照明,柯岭村,Keling Village,2028-12-31\n");
        assertThat(r.check(FictionalCards.ZHAN_AGENT, TODAY).accepted()).isTrue();
        assertThat(r.check(FictionalCards.LAI_JIAJIA, TODAY).accepted()).isFalse();
    }

    @Test
    void theHashAShellMakesIsTheOneTheKioskMatches() throws Exception {
        // firmware-config/README.md: printf '%s%s' SALT NUMBER | sha256sum
        String number = FictionalCards.ZHAN_AGENT.idNumber();
        Process p = new ProcessBuilder("sh", "-c", "printf '%s%s' Tongcheng2026 " + number + " | sha256sum").start();
        String shell = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split(" ")[0];
        assertThat(p.waitFor()).isZero();
        assertThat(shell).isEqualTo(sha256Hex("Tongcheng2026" + number));
        AgentRegistry r = parse(HEADER + "KL-01,resident,sha256:Tongcheng2026:" + shell + ",詹照明,柯岭村,,\n");
        assertThat(r.check(FictionalCards.ZHAN_AGENT, TODAY).accepted()).isTrue();
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void nothingTheRegistryPrintsHoldsANumberOrAWholeName() {
        AgentRegistry r = simulator();
        String shown = r + " " + r.agents() + " " + r.check(FictionalCards.ZHAN_AGENT, TODAY);
        assertThat(shown).doesNotContain(FictionalCards.ZHAN_AGENT.idNumber(), "詹照明", "19751102", "欧阳秀英")
                .contains("KL-01", "詹**");
    }

    @Test
    void commentsBlankLinesAByteOrderMarkAndCrLfAreFine() {
        AgentRegistry r = parse("\uFEFF# agents\r\n\r\n" + AgentsFile.HEADER + "\r\n# 柯岭村\r\n"
                + "KL-01,resident," + FictionalCards.ZHAN_AGENT.idNumber() + ",詹照明,柯岭村,Keling Village,\r\n");
        assertThat(r.agents()).hasSize(1);
        assertThat(r.agents().get(0).validUntil()).isNull();
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2 | KL-01,resident,350982197511020018,詹照明,柯岭村,Keling Village                     | 6 fields instead of 7
            2 | KL 01,resident,350982197511020018,詹照明,柯岭村,Keling Village,                    | code 'KL 01'
            2 | KL-01,passport,350982197511020018,詹照明,柯岭村,Keling Village,                    | card 'passport'
            2 | KL-01,resident,350982197511020019,詹照明,柯岭村,Keling Village,                    | right check character
            2 | KL-01,resident,35098219751102001,詹照明,柯岭村,Keling Village,                     | right check character
            2 | KL-01,resident,350982197511020018,,柯岭村,Keling Village,                          | name must be
            2 | KL-01,resident,350982197511020018,詹照明,,Keling Village,                          | village_zh
            2 | KL-01,resident,350982197511020018,詹照明,柯岭村,Keling Village,31/12/2028          | valid_until '31/12/2028'
            2 | KL-01,resident,sha256:salt-1:abcd,詹照明,柯岭村,Keling Village,                    | sha256:SALT:HASH
            2 | KL-01,foreign-2017,USA35008504090,安娜,柯岭村,Keling Village,                      | 15 letters and digits
            """)
    void aBadLineStopsTheKioskWithTheFileAndTheLine(int line, String row, String what) {
        assertThatThrownBy(() -> parse(HEADER + row + "\n"))
                .isInstanceOf(AgentsFile.Problem.class)
                .hasMessageStartingWith("agents.csv:" + line + ": ")
                .hasMessageContaining(what)
                .satisfies(e -> assertThat(((AgentsFile.Problem) e).line()).isEqualTo(line))
                // The ID number is personal data: a message names the line, never the number.
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("35098219751102001"));
    }

    @Test
    void aCodeOrANumberGivenTwiceIsNamedAtTheSecondLine() {
        String zhan = "KL-01,resident,350982197511020018,詹照明,柯岭村,Keling Village,\n";
        assertThatThrownBy(() -> parse(HEADER + zhan + zhan)).hasMessage("agents.csv:3: code 'KL-01' is given twice");
        assertThatThrownBy(() -> parse(HEADER + zhan + zhan.replace("KL-01", "KL-02")))
                .hasMessage("agents.csv:3: id_number is registered twice");
    }

    @Test
    void aMissingHeaderOrFileOrNonUtf8IsRefused() {
        assertThatThrownBy(() -> parse("KL-01,resident,350982197511020018,詹照明,柯岭村,,\n"))
                .hasMessageStartingWith("agents.csv:1: the first line must be the header");
        assertThatThrownBy(() -> parse("# nothing\n")).hasMessageStartingWith("agents.csv: has no header line");
        assertThatThrownBy(() -> AgentsFile.parse(new byte[] {(byte) 0xC3, 0x28}, "agents.csv"))
                .hasMessage("agents.csv: is not UTF-8 text");
        assertThatThrownBy(() -> AgentsFile.load(dir.resolve("missing.csv")))
                .hasMessageStartingWith(dir.resolve("missing.csv") + ": cannot be read");
    }

    @Test
    void aControlCharacterInAFieldIsRefused() {
        assertThatThrownBy(() -> parse(HEADER + "KL-01,resident,350982197511020018,詹\u0007照明,柯岭村,,\n"))
                .hasMessage("agents.csv:2: a control character in field 4");
    }

    @Test
    void aFileOnDiskIsRead() throws Exception {
        Path f = dir.resolve("agents.csv");
        Files.writeString(f, HEADER + "KL-01,resident,350982197511020018,詹照明,柯岭村,Keling Village,2028-12-31\n");
        assertThat(AgentsFile.load(f).check(FictionalCards.ZHAN_AGENT, TODAY).accepted()).isTrue();
    }
}

package org.onetrip.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.config.ConfigException;
import org.onetrip.kiosk.config.KioskConfig;
import org.onetrip.kiosk.idcard.FictionalCards;
import org.onetrip.kiosk.proxy.AgentRegistry;
import org.onetrip.kiosk.proxy.AgentsFile;

/** {@code proxy.agents-file}: found beside the profile, checked at start, a problem named by file and line. */
class AgentsWiringTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @TempDir
    Path dir;

    @Test
    void theBundledSimulatorProfileRegistersTheFictionalAgent() {
        AgentRegistry r = Wiring.agentRegistry(KioskConfig.simulator().validate());
        assertThat(r.check(FictionalCards.ZHAN_AGENT, TODAY).accepted()).isTrue();
        assertThat(r.check(FictionalCards.LAI_JIAJIA, TODAY).accepted()).isFalse();
    }

    @Test
    void aRelativeFileIsFoundBesideTheProfile() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("agents.csv"), AgentsFile.HEADER + "\n"
                + "X-9,resident," + FictionalCards.LAI_JIAJIA.idNumber() + ",赖佳佳,资国寺社区,Ziguosi Community,\n");
        Path profile = etc.resolve("kiosk.properties");
        Files.writeString(profile, "kiosk.id=k1\ndata.dir=" + dir.resolve("data") + "\nstatus.url-base=http://x/s/\n"
                + "idcard.device=sim\nprinter.device=sim\nscanner.device=sim\nproxy.agents-file=agents.csv\n");
        AgentRegistry r = Wiring.agentRegistry(KioskConfig.load(profile, List.of()).validate());
        assertThat(r.check(FictionalCards.LAI_JIAJIA, TODAY).agent().code()).isEqualTo("X-9");
        assertThat(r.check(FictionalCards.ZHAN_AGENT, TODAY).accepted()).isFalse();
    }

    @Test
    void noFileMeansNoAgents() {
        assertThat(Wiring.agentRegistry(KioskConfig.simulator("proxy.agents-file=").validate()).isEmpty()).isTrue();
    }

    @Test
    void aBadLineStopsTheKioskAtStartWithTheKeyTheFileAndTheLine() throws Exception {
        Path f = dir.resolve("agents.csv");
        Files.writeString(f, "# agents\n" + AgentsFile.HEADER + "\nKL-01,resident,350982197511020019,詹照明,柯岭村,,\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Wiring.wire(
                KioskConfig.simulator("data.dir=" + dir.resolve("data"), "proxy.agents-file=" + f), java.time.Clock.systemUTC()));
        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo("proxy.agents-file");
        assertThat(e.getMessage()).contains(f + ":3: id_number is not an 18-character ID number")
                .doesNotContain("350982197511020019");
    }

    @Test
    void aMissingFileIsAConfigurationError() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Wiring.agentRegistry(
                KioskConfig.simulator("proxy.agents-file=" + dir.resolve("nope.csv")).validate()));
        assertThat(e.getMessage()).contains("nope.csv: cannot be read");
    }
}

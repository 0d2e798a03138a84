package org.onetrip.kiosk.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.maintenance.PinVault.Result;
import org.onetrip.kiosk.testing.MutableClock;

class PinVaultTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-11-28T18:00:00Z");

    PinVault vault() {
        return new PinVault(dir.resolve("secrets.properties"), clock, Duration.ofMinutes(5));
    }

    @Test
    void thePinIsStoredOnlyAsASaltedHashInAPrivateFile() throws Exception {
        PinVault v = vault();
        assertThat(v.hasPin()).isFalse();
        assertThat(v.check("123456")).isEqualTo(Result.NO_PIN_SET);
        v.setPin("24681357");
        Path f = dir.resolve("secrets.properties");
        String text = Files.readString(f);
        assertThat(text).doesNotContain("24681357").contains("maintenance.pin=pbkdf2-sha256$");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(v.check("24681357")).isEqualTo(Result.ACCEPTED);
        assertThat(vault().check("24681357")).isEqualTo(Result.ACCEPTED); // survives a restart
        assertThat(v.check("24681358")).isEqualTo(Result.WRONG);
        v.setPin("24681357");
        assertThat(Files.readString(f)).isNotEqualTo(text); // a new salt each time
    }

    @Test
    void fiveWrongTriesLockEvenTheRightPinForAWhile() {
        PinVault v = vault();
        v.setPin("111222");
        for (int i = 0; i < 4; i++) {
            assertThat(v.check("999999")).isEqualTo(Result.WRONG);
        }
        assertThat(v.check("999999")).isEqualTo(Result.LOCKED);
        assertThat(v.check("111222")).isEqualTo(Result.LOCKED);
        assertThat(v.lockedForSeconds()).isBetween(299L, 300L);
        clock.advance(Duration.ofMinutes(4));
        assertThat(v.check("111222")).isEqualTo(Result.LOCKED);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(v.lockedForSeconds()).isZero();
        assertThat(v.check("111222")).isEqualTo(Result.ACCEPTED);
    }

    @Test
    void aRightPinResetsTheCountOfWrongOnes() {
        PinVault v = vault();
        v.setPin("111222");
        for (int i = 0; i < 4; i++) {
            v.check("000000");
        }
        assertThat(v.check("111222")).isEqualTo(Result.ACCEPTED);
        for (int i = 0; i < 4; i++) {
            assertThat(v.check("000000")).isEqualTo(Result.WRONG);
        }
    }

    @Test
    void weakOrMalformedPinsAreRefused() {
        PinVault v = vault();
        assertThatThrownBy(() -> v.setPin("1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v.setPin("abcdef")).isInstanceOf(IllegalArgumentException.class);
        v.setPin("123456");
        assertThat(v.check(null)).isEqualTo(Result.WRONG);
        assertThat(v.check("1".repeat(5000))).isEqualTo(Result.WRONG);
    }
}

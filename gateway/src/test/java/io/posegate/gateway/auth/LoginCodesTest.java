package io.posegate.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A login code is 128 random URL-safe bits, logs in once, only within its lifetime, and an unknown one logs in no one. */
class LoginCodesTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginCodes codes = new LoginCodes(clock, Duration.ofMinutes(10));

    @Test
    void aCodeIs22UrlSafeCharactersAndEachIsNew() {
        String a = codes.issue("pgt_a");
        String b = codes.issue("pgt_a");
        assertTrue(a.matches("[A-Za-z0-9_-]{22}"), a);
        assertNotEquals(a, b);
    }

    @Test
    void aCodeLogsInOnceWithItsToken() {
        String code = codes.issue("pgt_admin");
        assertEquals("pgt_admin", codes.redeem(code));
        assertNull(codes.redeem(code), "a used code");
    }

    @Test
    void aCodeExpiresAtTheEndOfItsLifetime() {
        String early = codes.issue("pgt_admin");
        String late = codes.issue("pgt_admin");
        clock.now = clock.now.plus(Duration.ofMinutes(10)).minusMillis(1);
        assertEquals("pgt_admin", codes.redeem(early), "valid just before the end");
        clock.now = clock.now.plusMillis(1);
        assertNull(codes.redeem(late), "expired at the end");
    }

    @Test
    void anIssuedCodeSaysWhenItExpiresAndExpiresThen() {
        LoginCodes.Issued issued = codes.issueWithExpiry("pgt_admin");
        assertEquals(clock.now.plus(Duration.ofMinutes(10)), issued.expires());
        assertFalse(issued.toString().contains(issued.code()), issued.toString());
        clock.now = issued.expires();
        assertNull(codes.redeem(issued.code()), "expired at the instant it names");
    }

    @Test
    void anUnknownOrEmptyCodeLogsInNoOne() {
        codes.issue("pgt_admin");
        assertNull(codes.redeem("AAAAAAAAAAAAAAAAAAAAAA"));
        assertNull(codes.redeem(""));
        assertNull(codes.redeem(null));
    }

    @Test
    void atMostMaxOpenCodesAreHeldTheOldestDroppedFirst() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i <= LoginCodes.MAX_OPEN; i++) {
            issued.add(codes.issue("pgt_" + i));
            clock.now = clock.now.plusMillis(1);
        }
        assertNull(codes.redeem(issued.get(0)), "the oldest is dropped");
        assertEquals("pgt_1", codes.redeem(issued.get(1)));
        assertEquals("pgt_" + LoginCodes.MAX_OPEN, codes.redeem(issued.get(LoginCodes.MAX_OPEN)));
    }

    @Test
    void aLifetimeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LoginCodes(clock, Duration.ZERO));
    }
}

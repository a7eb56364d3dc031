package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordsTests {

    /** BCrypt, counting its checks. */
    private final AtomicInteger checks = new AtomicInteger();

    private final PasswordEncoder bcrypt = new PasswordEncoder() {
        private final BCryptPasswordEncoder real = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };

    @Test
    void aRightPasswordIsCheckedWithBcryptOnceAndAWrongOneEveryTime() {
        var passwords = new RememberedPasswords(bcrypt, Duration.ofMinutes(10));
        String hash = passwords.encode("analyst-demo");

        assertThat(passwords.matches("analyst-demo", hash)).isTrue();
        assertThat(passwords.matches("analyst-demo", hash)).isTrue();
        assertThat(checks).hasValue(1);

        assertThat(passwords.matches("analyst-dem0", hash)).isFalse();
        assertThat(passwords.matches("analyst-dem0", hash)).isFalse();
        assertThat(checks).hasValue(3);

        // A new hash (the password changed) is checked again, and the old password fails on it.
        String changed = passwords.encode("new-secret");
        assertThat(passwords.matches("analyst-demo", changed)).isFalse();
        assertThat(passwords.matches("new-secret", changed)).isTrue();
        assertThat(checks).hasValue(5);
        assertThat(passwords.matches(null, hash)).isFalse();
    }

    @Test
    void whatIsRememberedIsForgottenAfterItsTime() throws Exception {
        var passwords = new RememberedPasswords(bcrypt, Duration.ofMillis(50));
        String hash = passwords.encode("auditor-demo");
        assertThat(passwords.matches("auditor-demo", hash)).isTrue();
        Thread.sleep(120);
        assertThat(passwords.matches("auditor-demo", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }
}

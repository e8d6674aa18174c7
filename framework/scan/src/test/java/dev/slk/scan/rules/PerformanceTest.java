package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile inputs must stay linear: no rule may backtrack catastrophically or rescan quadratically. */
class PerformanceTest {

    private static final int SIZE = 1 << 20;

    static List<String> hostile() {
        return List.of(
                "a".repeat(SIZE),
                "password=".repeat(SIZE / 9),
                "a=".repeat(SIZE / 2),
                "password: \"".repeat(SIZE / 11),
                "-----BEGIN RSA PRIVATE KEY-----\n".repeat(SIZE / 32),
                "\"private_key\": \"-----BEGIN ".repeat(SIZE / 28) + "\"client_email\"",
                "eyJ".repeat(SIZE / 3),
                "eyJhbGciOiJIUzI1NiJ9.".repeat(SIZE / 21),
                "https://a:".repeat(SIZE / 10),
                "a://b:c".repeat(SIZE / 7),
                "AccountKey=".repeat(SIZE / 11),
                "xoxb-1-".repeat(SIZE / 7),
                Fake.of(Fake.BASE64, SIZE),
                ("token: " + Fake.of(Fake.ALNUM, 5000) + "\n").repeat(SIZE / 5008));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void everyRuleIsFastOnHostileInput(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (SecretRule rule : SecretRules.catalogue()) {
                rule.detector().find(text);
            }
        });
    }
}

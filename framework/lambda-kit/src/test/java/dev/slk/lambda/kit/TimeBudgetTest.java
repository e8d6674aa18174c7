package dev.slk.lambda.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.lambda.testing.FakeContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void theContextsRemainingTimeLessTheDefaultMarginIsTheBudget() {
        TimeBudget budget = TimeBudget.of(FakeContext.of("fn", "req-1", 30_000));

        Duration remaining = budget.remaining();

        assertTrue(remaining.compareTo(Duration.ofSeconds(28)) <= 0, remaining.toString());
        assertTrue(remaining.compareTo(Duration.ofSeconds(27)) > 0, remaining.toString());
        assertEquals(Duration.ofSeconds(2), TimeBudget.DEFAULT_MARGIN);
    }

    @Test
    void itCountsDownOnItsClockAndNeverGoesBelowZero() {
        TimeBudget budget = TimeBudget.of(Duration.ofSeconds(10), Duration.ofSeconds(3), clock);
        assertEquals(Duration.ofSeconds(7), budget.remaining());

        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(2), budget.remaining());
        assertTrue(budget.allows(Duration.ofSeconds(2)));
        assertFalse(budget.allows(Duration.ofMillis(2001)));
        assertFalse(budget.isExhausted());

        clock.advance(Duration.ofSeconds(4));
        assertEquals(Duration.ZERO, budget.remaining());
        assertTrue(budget.isExhausted());
        assertEquals("TimeBudget[remaining=0 ms]", budget.toString());
    }

    @Test
    void aMarginLargerThanTheTimeLeftLeavesNoBudget() {
        TimeBudget budget = TimeBudget.of(FakeContext.of("fn", "req-2", 1_500));

        assertTrue(budget.isExhausted());
    }

    @Test
    void aNegativeMarginOrNoContextIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TimeBudget.of(Duration.ofSeconds(1), Duration.ofMillis(-1), clock));
        assertThrows(NullPointerException.class, () -> TimeBudget.of(null));
    }

    @Test
    void aHugeAvailableTimeDoesNotOverflow() {
        TimeBudget budget = TimeBudget.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ZERO, clock);

        assertEquals(Duration.ofDays(1), budget.remaining());
    }
}

package dev.slk.lambda.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocalContextTest {
    private final FakeClock clock = new FakeClock();
    private final PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theRemainingTimeCountsDownFromTheTimeoutAndStopsAtZero() {
        LocalContext context = new LocalContext("f", Duration.ofSeconds(300), nowhere, clock);
        assertEquals(300_000, context.getRemainingTimeInMillis());

        clock.advance(Duration.ofMillis(120_500));
        assertEquals(179_500, context.getRemainingTimeInMillis());

        clock.advance(Duration.ofSeconds(179));
        assertEquals(500, context.getRemainingTimeInMillis());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, context.getRemainingTimeInMillis());
        clock.advance(Duration.ofHours(1));
        assertEquals(0, context.getRemainingTimeInMillis());
        assertEquals("LocalContext[f, remaining=0 ms]", context.toString());
    }

    @Test
    void aTimeBudgetOfTheContextEndsWhenTheTimeoutPasses() {
        LocalContext context = new LocalContext("f", Duration.ofSeconds(10), nowhere, clock);
        clock.advance(Duration.ofSeconds(4));

        TimeBudget budget = TimeBudget.of(context, Duration.ofSeconds(2));

        Duration remaining = budget.remaining();
        assertTrue(remaining.compareTo(Duration.ofSeconds(4)) <= 0, remaining.toString());
        assertTrue(remaining.compareTo(Duration.ofSeconds(3)) > 0, remaining.toString());
    }

    @Test
    void theLoggerWritesWhatIsLoggedToTheGivenStreamUnchanged() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalContext context = new LocalContext("f", Duration.ofMinutes(1),
                new PrintStream(log, false, StandardCharsets.UTF_8), clock);

        context.getLogger().log("first line\n");
        context.getLogger().log("ünïcode bytes".getBytes(StandardCharsets.UTF_8));

        assertEquals("first line\nünïcode bytes", log.toString(StandardCharsets.UTF_8));
        assertSame(context.getLogger(), context.getLogger());
    }

    @Test
    void itDescribesTheLatestVersionOfALocalFunctionWithARequestIdOfItsOwn() {
        LocalContext context = new LocalContext("okta-logs-event-processor-local", Duration.ofMinutes(2), nowhere);

        assertEquals("okta-logs-event-processor-local", context.getFunctionName());
        assertEquals("$LATEST", context.getFunctionVersion());
        assertEquals("arn:aws:lambda:local:000000000000:function:okta-logs-event-processor-local",
                context.getInvokedFunctionArn());
        assertEquals("/local/okta-logs-event-processor-local", context.getLogGroupName());
        assertEquals("local", context.getLogStreamName());
        assertEquals(512, context.getMemoryLimitInMB());
        assertEquals(context.getAwsRequestId(), UUID.fromString(context.getAwsRequestId()).toString());
        assertNotEquals(context.getAwsRequestId(),
                new LocalContext("okta-logs-event-processor-local", Duration.ofMinutes(2), nowhere).getAwsRequestId());
        assertNull(context.getIdentity());
        assertNull(context.getClientContext());
    }

    @Test
    void aNegativeOrOversizedTimeoutOrAMissingPartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LocalContext("f", Duration.ofMillis(-1), nowhere));
        assertThrows(IllegalArgumentException.class, () -> new LocalContext("f", Duration.ofDays(25), nowhere));
        assertThrows(NullPointerException.class, () -> new LocalContext(null, Duration.ZERO, nowhere));
        assertThrows(NullPointerException.class, () -> new LocalContext("f", null, nowhere));
        assertThrows(NullPointerException.class, () -> new LocalContext("f", Duration.ZERO, null));
        assertEquals(0, new LocalContext("f", Duration.ZERO, nowhere, clock).getRemainingTimeInMillis());
    }
}

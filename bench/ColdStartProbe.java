/*
 * Copyright (c) 2026 the slk authors
 */
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.slk.lambda.kit.LocalContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The cold start of one Lambda function, in a fresh JVM on the class path of its package only
 * (lib/*.jar of the zip) plus this class, shared by the bench scripts (event-transformer.sh,
 * azure.sh, google-scc.sh). From JVM start: INIT, what Lambda does before the first invocation
 * (load the handler class, call its no-arg constructor), then the first invocation, with the
 * Lambda kit's {@code LocalContext}. Prints one line: "init_ms first_invoke_ms".
 *
 * <pre>
 * java -cp "probe:task/lib/*" ColdStartProbe HANDLER TIMEOUT_S EXPECTED [BODY_FILE...]
 * </pre>
 *
 * HANDLER is a class with a public no-arg constructor and a {@code handleRequest(input, Context)}:
 * the function's own handler, or, where the function needs a service no local server provides, a
 * bench handler of the module's test code that builds it on that seam. Its input type says the
 * trigger: an {@code SQSEvent} gets one message per BODY_FILE (the file's text is the body); a
 * {@code Map} gets the event EventBridge sends on a schedule. TIMEOUT_S is the function's timeout
 * (the context's remaining time counts down from it). The run fails unless the answer's
 * {@code toString()} contains EXPECTED.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (args.length < 3) {
            System.err.println("usage: ColdStartProbe HANDLER TIMEOUT_S EXPECTED [BODY_FILE...]");
            System.exit(2);
        }
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long init = System.currentTimeMillis();

        Method handle = handleRequest(type);
        Object input = input(handle.getParameterTypes()[0], Arrays.asList(args).subList(3, args.length));
        Context context = new LocalContext("cold-start-probe", Duration.ofSeconds(Long.parseLong(args[1])),
                new PrintStream(OutputStream.nullOutputStream()));
        long invoking = System.currentTimeMillis();
        Object answer;
        try {
            answer = handle.invoke(handler, input, context);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the first invocation failed: " + e.getCause(), e.getCause());
        }
        long invoked = System.currentTimeMillis();
        if (answer == null || !answer.toString().contains(args[2])) {
            throw new IllegalStateException("the first invocation answered " + answer + ", not " + args[2]);
        }
        System.out.println((init - jvmStart) + " " + (invoked - invoking));
        System.exit(0);
    }

    /** The handler's own method: the one whose input is not {@code Object} (that is the generic bridge). */
    private static Method handleRequest(Class<?> type) {
        for (Method m : type.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (m.getName().equals("handleRequest") && p.length == 2 && p[1] == Context.class && p[0] != Object.class) {
                return m;
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no handleRequest(input, Context)");
    }

    private static Object input(Class<?> type, List<String> bodyFiles) throws IOException {
        if (Map.class.isAssignableFrom(type)) {
            if (!bodyFiles.isEmpty()) {
                throw new IllegalArgumentException("a scheduled function takes no BODY_FILE");
            }
            return scheduledEvent();
        }
        if (type.getName().equals("com.amazonaws.services.lambda.runtime.events.SQSEvent")) {
            return Sqs.event(bodyFiles);
        }
        throw new IllegalArgumentException("the probe cannot make a " + type.getName() + " input");
    }

    /** What EventBridge sends on a schedule, as far as slk's scheduled functions read it (they do not). */
    private static Map<String, Object> scheduledEvent() {
        return Map.of("version", "0", "id", "cold-start", "detail-type", "Scheduled Event", "source", "aws.events",
                "time", Instant.now().toString());
    }

    /** Apart, so that a scheduled function's probe never loads the SQS event classes. */
    private static final class Sqs {
        static Object event(List<String> bodyFiles) throws IOException {
            List<SQSEvent.SQSMessage> messages = new ArrayList<>();
            for (String file : bodyFiles) {
                SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                m.setMessageId("cold-" + (messages.size() + 1));
                m.setBody(Files.readString(Path.of(file)));
                messages.add(m);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(messages);
            return event;
        }
    }
}

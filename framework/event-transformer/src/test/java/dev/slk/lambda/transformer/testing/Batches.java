package dev.slk.lambda.transformer.testing;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** SQS events as the event source mapping delivers them, and what came back. */
public final class Batches {
    private Batches() {
    }

    /** @return an event with messages {@code m0, m1, ...} carrying the bodies */
    public static SQSEvent of(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            records.add(message("m" + i, bodies[i]));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** @return one message */
    public static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        m.setEventSource("aws:sqs");
        return m;
    }

    /** @return the ids of the batch item failures */
    public static Set<String> failed(SQSBatchResponse response) {
        Set<String> out = new TreeSet<>();
        response.getBatchItemFailures().forEach(f -> out.add(f.getItemIdentifier()));
        return out;
    }
}

package dev.slk.lambda.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Packs events into event-queue messages and messages into SendMessageBatch calls, in the order
 * given: as many events per message as fit in {@code maxMessageBytes} with the envelope, at most
 * {@value #MAX_ENTRIES} messages and {@code maxBatchBytes} per call.
 */
final class MessagePacker {
    /** SendMessageBatch takes at most ten entries. */
    static final int MAX_ENTRIES = 10;
    private static final ObjectWriter WRITER = new ObjectMapper().writer().with(new SqsSafeEscapes());

    /**
     * @param events the indexes of the events in the message
     * @param body the message body
     * @param bytes its size in UTF-8
     */
    record Message(List<Integer> events, String body, int bytes) {
    }

    /**
     * @param calls the messages of each SendMessageBatch call
     * @param refused the events that cannot be sent at all
     */
    record Packing(List<List<Message>> calls, List<Undelivered> refused) {
    }

    private final EventEnvelope envelope;
    private final int maxMessageBytes;
    private final int maxBatchBytes;

    MessagePacker(EventEnvelope envelope, int maxMessageBytes, int maxBatchBytes) {
        this.envelope = envelope;
        this.maxMessageBytes = maxMessageBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    Packing pack(List<? extends JsonNode> events) {
        String prefix = envelope.prefix();
        String suffix = envelope.suffix();
        int overhead = utf8(prefix) + utf8(suffix);
        int limit = Math.min(maxMessageBytes, maxBatchBytes);
        List<Undelivered> refused = new ArrayList<>();
        List<List<Message>> calls = new ArrayList<>();
        List<Message> call = new ArrayList<>();
        int callBytes = 0;
        MessageBuilder message = new MessageBuilder(prefix, suffix, overhead);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String json = serialize(i, event, refused);
            if (json == null) {
                continue;
            }
            int bytes = utf8(json);
            if (overhead + bytes > limit) {
                refused.add(new Undelivered(i, Undelivered.Reason.TOO_LARGE, Undelivered.Reason.TOO_LARGE.name(),
                        "the event is " + bytes + " bytes; with the envelope one message holds at most "
                                + (limit - overhead)));
                continue;
            }
            int grown = message.bytesWith(bytes);
            if (!message.isEmpty() && grown <= maxMessageBytes && callBytes + grown <= maxBatchBytes) {
                message.add(i, json, bytes);
                continue;
            }
            if (!message.isEmpty()) {
                call.add(message.build());
                callBytes += message.bytes();
                message = new MessageBuilder(prefix, suffix, overhead);
            }
            // A new message starts: its call must have an entry free and room for it.
            if (call.size() == MAX_ENTRIES || callBytes + overhead + bytes > maxBatchBytes) {
                calls.add(List.copyOf(call));
                call = new ArrayList<>();
                callBytes = 0;
            }
            message.add(i, json, bytes);
        }
        if (!message.isEmpty()) {
            call.add(message.build());
        }
        if (!call.isEmpty()) {
            calls.add(List.copyOf(call));
        }
        return new Packing(List.copyOf(calls), List.copyOf(refused));
    }

    private static String serialize(int index, JsonNode event, List<Undelivered> refused) {
        if (event == null || !event.isObject()) {
            String kind = event == null ? "null" : "a JSON " + event.getNodeType().name().toLowerCase(Locale.ROOT);
            refused.add(new Undelivered(index, Undelivered.Reason.NOT_AN_OBJECT, Undelivered.Reason.NOT_AN_OBJECT.name(),
                    "the event is " + kind + ", not a JSON object"));
            return null;
        }
        int depth = depth(event, 1);
        if (depth > EventQueueSender.MAX_EVENT_DEPTH) {
            refused.add(new Undelivered(index, Undelivered.Reason.TOO_DEEP, Undelivered.Reason.TOO_DEEP.name(),
                    "the event nests " + depth + " levels deep; the transformer reads at most "
                            + EventQueueSender.MAX_EVENT_DEPTH + " inside the envelope"));
            return null;
        }
        try {
            return WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Counts objects and arrays as Jackson's nesting limit does: the event's own object is 1. */
    private static int depth(JsonNode node, int level) {
        if (level > EventQueueSender.MAX_EVENT_DEPTH) {
            return level;
        }
        int deepest = level;
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                deepest = Math.max(deepest, depth(child, level + 1));
            }
        }
        return deepest;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One message being filled. */
    private static final class MessageBuilder {
        private final StringBuilder body;
        private final String suffix;
        private final List<Integer> events = new ArrayList<>();
        private int bytes;

        MessageBuilder(String prefix, String suffix, int overhead) {
            this.body = new StringBuilder(prefix);
            this.suffix = suffix;
            this.bytes = overhead;
        }

        boolean isEmpty() {
            return events.isEmpty();
        }

        int bytes() {
            return bytes;
        }

        int bytesWith(int eventBytes) {
            return bytes + eventBytes + (events.isEmpty() ? 0 : 1);
        }

        void add(int index, String json, int eventBytes) {
            bytes = bytesWith(eventBytes);
            if (!events.isEmpty()) {
                body.append(',');
            }
            body.append(json);
            events.add(index);
        }

        Message build() {
            return new Message(List.copyOf(events), body + suffix, bytes);
        }
    }

    /**
     * SQS refuses a message with U+FFFE, U+FFFF or an unpaired surrogate, which would fail every
     * event packed with it; written as JSON escapes they reach the transformer unchanged.
     */
    private static final class SqsSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if ((ch >= 0xD800 && ch <= 0xDFFF) || ch == 0xFFFE || ch == 0xFFFF) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}

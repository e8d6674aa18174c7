/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.message.Message;
import org.apache.qpid.protonj2.test.driver.ProtonTestServer;
import org.apache.qpid.protonj2.test.driver.actions.TransferInjectAction;
import org.apache.qpid.protonj2.test.driver.codec.transport.Attach;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * A scripted Event Hubs service on 127.0.0.1, one AMQP 1.0 connection, as the Event Hubs client
 * sees it with {@code UseDevelopmentEmulator=true}: plain AMQP, SASL ANONYMOUS, management
 * requests on {@code $management} and SAS tokens put on {@code $cbs}.
 *
 * <p>Request/response links get the peer's channel and handles assigned here, so that replies go
 * on the right link; requests are decoded with proton-j (the client's own codec) and kept for
 * the tests to look at. Replies are encoded with proton-j too and sent as raw transfer payloads,
 * because the driver's codec cannot write the {@code String[]} the client expects for
 * {@code partition_ids}.
 */
final class EventHubPeer implements AutoCloseable {
    static final String HUB = "hub";

    private final ProtonTestServer server = new ProtonTestServer();
    private final List<Message> requests = new CopyOnWriteArrayList<>();
    private final List<Attach> attaches = new CopyOnWriteArrayList<>();
    /** The next delivery id of each of the peer's sessions, which start at next-outgoing-id 1. */
    private final Map<Integer, AtomicLong> deliveries = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> requestsOn = new ConcurrentHashMap<>();
    private int channels;

    EventHubPeer() {
        server.start();
    }

    ProtonTestServer script() {
        return server;
    }

    /** @return the connection string of a listen rule, emulator mode */
    String connectionString() {
        return "Endpoint=sb://localhost:" + server.getServerURI().getPort()
                + ";SharedAccessKeyName=listen;SharedAccessKey=not-a-real-key;EntityPath=" + HUB
                + ";UseDevelopmentEmulator=true";
    }

    /** SASL ANONYMOUS, then the AMQP open. */
    EventHubPeer expectConnect() {
        server.expectSASLAnonymousConnect();
        server.expectOpen().respond();
        return this;
    }

    /**
     * A session with a request/response link pair (the client's sender, then its receiver) at
     * {@code address}, with credit for the client's requests.
     *
     * @return the peer's channel of the session
     */
    int expectRequestResponseLinks(String address) {
        int channel = channels++;
        server.expectBegin().respond().onChannel(channel);
        server.expectAttach().ofSender().withTarget().withAddress(address).and().withCapture(attaches::add)
                .respond().withHandle(0);
        server.expectAttach().ofReceiver().withSource().withAddress(address).and().withCapture(attaches::add)
                .respond().withHandle(1);
        server.remoteFlow().withHandle(0).withDeliveryCount(0).withLinkCredit(100).onChannel(channel).queue();
        server.expectFlow().onChannel(channel).withHandle(1);
        return channel;
    }

    /** The client's next request on the channel's link pair, answered with status 200 and this body. */
    void expectRequestAnswered(int channel, int status, Object body) {
        if (requestsOn.merge(channel, 1, Integer::sum) > 1) {
            // The client gives its reply link credit again before each further request.
            server.expectFlow().onChannel(channel).withHandle(1);
        }
        Recorder recorder = new Recorder();
        server.expectTransfer().onChannel(channel).withHandle(0).withPayload(recorder);
        server.execute(() -> {
            Message request = recorder.request;
            Message reply = Proton.message();
            reply.setCorrelationId(request.getMessageId());
            reply.setApplicationProperties(new ApplicationProperties(Map.of("status-code", status,
                    "status-description", status < 300 ? "OK" : "failed")));
            reply.setBody(new AmqpValue(body));
            server.remoteTransfer().withHandle(1).withDeliveryId(nextDelivery(channel)).withSettled(true)
                    .withMessageFormat(0).withPayload(encode(reply)).onChannel(channel).now();
        }).queue();
    }

    /**
     * A receive link from {@code address} on a session begun before; the client's credit is
     * answered with these events, each settled as Event Hubs sends them.
     */
    void expectReceiveLink(int channel, String address, List<Event> events) {
        server.expectAttach().ofReceiver().withSource().withAddress(address).and().withCapture(attaches::add)
                .respond().withHandle(0);
        for (Event event : events) {
            // Event Hubs sends an event only against credit, which the client gives one at a time.
            server.expectFlow().onChannel(channel).withHandle(0);
            TransferInjectAction transfer = server.remoteTransfer().withHandle(0)
                    .withDeliveryId(nextDelivery(channel)).withSettled(true).withMessageFormat(0)
                    .withMessageAnnotations()
                    .withAnnotation("x-opt-sequence-number", event.sequenceNumber())
                    .withAnnotation("x-opt-enqueued-time", Date.from(event.enqueuedTime()))
                    .withAnnotation("x-opt-partition-key", "key-" + event.sequenceNumber())
                    .also().withBody().withData(event.body()).also();
            if (event.offset() != null) {
                transfer.withMessageAnnotations().withAnnotation("x-opt-offset", event.offset());
            }
            transfer.onChannel(channel).queue();
        }
    }

    /**
     * The client's end of a receive link: it detaches the link when its read is over. Before that
     * it may give credit for one more event: it does when its wait ran out, it may when it got
     * what it asked for (a race in the client), it does not when the read failed.
     */
    void expectReceiveLinkDetached(int channel) {
        server.expectFlow().onChannel(channel).withHandle(0).optional();
        server.expectDetach().onChannel(channel).withHandle(0);
    }

    /**
     * A session the client begins; the client begins a receiver's session before it puts the
     * receiver's token on {@code $cbs}, and attaches the receiver after the token was accepted.
     *
     * @return the peer's channel of the session
     */
    int expectSession() {
        int channel = channels++;
        server.expectBegin().respond().onChannel(channel);
        return channel;
    }

    /**
     * A receive link from {@code address} that the service closes, at the client's first credit,
     * with this error.
     */
    void expectReceiveLinkClosed(int channel, String address, String condition, String description) {
        server.expectAttach().ofReceiver().withSource().withAddress(address).and().withCapture(attaches::add)
                .respond().withHandle(0);
        server.expectFlow().onChannel(channel).withHandle(0);
        server.remoteDetach().withHandle(0).withClosed(true).withErrorCondition(condition, description)
                .onChannel(channel).queue();
        server.expectDetach().onChannel(channel).withHandle(0).optional();
    }

    /** An event as Event Hubs delivers it; a null offset sends no {@code x-opt-offset}. */
    record Event(long sequenceNumber, String offset, Instant enqueuedTime, byte[] body) {
    }

    List<Message> requests() {
        return requests;
    }

    List<Attach> attaches() {
        return attaches;
    }

    /**
     * Waits for the client to have done all the script expects, then drops the connection: how
     * the client takes its links and sessions down on close is not part of what is tested.
     */
    void verify() {
        server.waitForScriptToComplete(20, TimeUnit.SECONDS);
        server.dropConnection();
    }

    @Override
    public void close() {
        server.close();
    }

    private long nextDelivery(int channel) {
        return deliveries.computeIfAbsent(channel, c -> new AtomicLong(1)).getAndIncrement();
    }

    private static byte[] encode(Message message) {
        byte[] buffer = new byte[64 * 1024];
        int length = message.encode(buffer, 0, buffer.length);
        return java.util.Arrays.copyOf(buffer, length);
    }

    /** Matches any payload and decodes it as the request it is. */
    private final class Recorder extends BaseMatcher<ByteBuffer> {
        private volatile Message request;

        @Override
        public boolean matches(Object actual) {
            ByteBuffer bytes = ((ByteBuffer) actual).duplicate();
            Message message = Proton.message();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            message.decode(copy, 0, copy.length);
            request = message;
            requests.add(message);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a request message");
        }
    }
}

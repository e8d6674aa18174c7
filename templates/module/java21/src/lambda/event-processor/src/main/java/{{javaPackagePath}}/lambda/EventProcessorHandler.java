/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The {{moduleId}} event processor: runs on the module's schedule, fetches the source's new
 * events and sends them to the core event queue, which the core transformer turns into OCSF
 * records.
 *
 * <p>A run that cannot deliver every event fails, so that Lambda retries it and, after the
 * retries, parks the invocation in the function's dead-letter queue.
 */
public final class EventProcessorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(EventProcessorHandler.class);
    /** Built on the first invocation and reused by every later one in the same execution environment. */
    private static Clients shared;

    private final Supplier<Clients> clients;

    /** Used by the Lambda runtime: clients come from the function's environment variables. */
    public EventProcessorHandler() {
        this(EventProcessorHandler::sharedClients);
    }

    EventProcessorHandler(Supplier<Clients> clients) {
        this.clients = clients;
    }

    private static synchronized Clients sharedClients() {
        if (shared == null) {
            shared = Clients.fromEnvironment(System.getenv());
        }
        return shared;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> process(event));
    }

    private Map<String, Object> process(Map<String, Object> event) {
        Object trigger = event == null ? null : event.get("detail-type");
        LOG.info("run started by {}", trigger == null ? "a direct invocation" : trigger);
        Clients c = clients.get();
        List<String> events = c.source().fetchEvents();
        LOG.info("fetched {} events", events.size());
        EventQueueSender.Result result = c.sender().send(events);
        if (!result.failed().isEmpty()) {
            EventQueueSender.Failure first = result.failed().get(0);
            LOG.error("{} of {} events were not delivered; first: event {} ({}: {})", result.failed().size(),
                    events.size(), first.index(), first.code(), first.message());
            throw new DeliveryException(result.failed().size() + " of " + events.size()
                    + " events could not be sent to the event queue; first failure: " + first.code());
        }
        LOG.info("sent {} events to the event queue", result.sent());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("eventsFetched", events.size());
        response.put("eventsSent", result.sent());
        return response;
    }

    /** Some events could not be delivered; the run fails so that Lambda retries it. */
    public static final class DeliveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryException(String message) {
            super(message);
        }
    }
}

/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}}.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.lambda.kit.ModuleLogging;
import dev.slk.lambda.kit.SendResult;
import dev.slk.lambda.kit.TimeBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {{moduleId}} event processor: runs on the module's schedule, fetches the source's new
 * events and sends them to the core event queue with the Lambda kit's sender, which the core
 * transformer reads and turns into OCSF records.
 *
 * <p>A run that cannot deliver every event fails ({@code UndeliveredEventsException}), so that
 * Lambda retries it and, after the retries, parks the invocation in the function's dead-letter
 * queue.
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
        return ModuleLogging.handle(Clients.MODULE_ID, context, () -> process(event, TimeBudget.of(context)));
    }

    private Map<String, Object> process(Map<String, Object> event, TimeBudget budget) {
        Object trigger = event == null ? null : event.get("detail-type");
        LOG.info("run started by {}", trigger == null ? "a direct invocation" : trigger);
        Clients c = clients.get();
        List<JsonNode> events = c.source().fetchEvents();
        LOG.info("fetched {} events", events.size());
        SendResult sent = c.sender().send(events, budget).orThrow();
        LOG.info("sent {} events to the event queue in {} messages", sent.accepted().size(), sent.messages());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("eventsFetched", events.size());
        response.put("eventsSent", sent.accepted().size());
        return response;
    }
}

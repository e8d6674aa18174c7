/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * The run's figures as one CloudWatch embedded-metric-format line on standard output: Lambda ships
 * it to the log group, CloudWatch extracts the metrics, and the module's backlog alarm watches
 * {@code RunsEndedWithBacklog}. No API call, no extra permission.
 */
final class RunMetrics {
    /** The same namespace and metric the module's alarm uses. */
    static final String NAMESPACE = "slk/google-scc";
    static final String BACKLOG = "RunsEndedWithBacklog";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunMetrics() {
    }

    static String line(String functionName, RunSummary summary, long epochMillis) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", epochMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("FunctionName");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("FunctionName", functionName);
        metric(root, metrics, BACKLOG, summary.backlog() ? 1 : 0);
        metric(root, metrics, "MessagesPulled", summary.pulled());
        metric(root, metrics, "MessagesAcknowledged", summary.acknowledged());
        metric(root, metrics, "MessagesHandedBack", summary.handedBack());
        metric(root, metrics, "MessagesUnreadable", summary.unreadable());
        metric(root, metrics, "SqsCalls", summary.sqsCalls());
        return root.toString();
    }

    static void write(PrintStream out, String functionName, RunSummary summary, long epochMillis) {
        out.println(line(functionName, summary, epochMillis));
        out.flush();
    }

    private static void metric(ObjectNode root, ArrayNode metrics, String name, long value) {
        metrics.addObject().put("Name", name).put("Unit", "Count");
        root.put(name, value);
    }
}

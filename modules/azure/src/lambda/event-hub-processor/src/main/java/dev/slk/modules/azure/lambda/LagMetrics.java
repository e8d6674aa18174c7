/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * The consumer lag of each partition (last enqueued sequence number minus checkpoint), as
 * CloudWatch embedded metric format lines on standard output: {@code ConsumerLag} per
 * {@code FunctionName} and {@code PartitionId}, and {@code MaxConsumerLag} per function, which
 * the module's lag alarm watches. Lambda sends the lines to CloudWatch Logs, which extracts the
 * metrics; the function needs no CloudWatch permission.
 */
public final class LagMetrics {
    /** The metrics' namespace; the module's alarm uses the same. */
    public static final String NAMESPACE = "slk/azure";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final String functionName;
    private final Clock clock;

    /**
     * @param out where the lines go (standard output in Lambda)
     * @param functionName the function's name, the metrics' dimension
     * @param clock the metrics' timestamp
     */
    public LagMetrics(PrintStream out, String functionName, Clock clock) {
        this.out = out;
        this.functionName = functionName;
        this.clock = clock;
    }

    /** @param partitions the run's outcomes */
    public void publish(List<PartitionOutcome> partitions) {
        long max = 0;
        for (PartitionOutcome partition : partitions) {
            ObjectNode line = document("ConsumerLag", List.of("FunctionName", "PartitionId"));
            line.put("PartitionId", partition.partitionId());
            line.put("ConsumerLag", partition.lag());
            out.println(line);
            max = Math.max(max, partition.lag());
        }
        if (!partitions.isEmpty()) {
            ObjectNode line = document("MaxConsumerLag", List.of("FunctionName"));
            line.put("MaxConsumerLag", max);
            out.println(line);
        }
        out.flush();
    }

    private ObjectNode document(String metric, List<String> dimensions) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dims = directive.putArray("Dimensions").addArray();
        dimensions.forEach(dims::add);
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        line.put("FunctionName", functionName);
        return line;
    }
}

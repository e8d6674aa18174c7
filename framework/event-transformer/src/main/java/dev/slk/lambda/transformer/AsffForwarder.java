package dev.slk.lambda.transformer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends ASFF findings to the ASFF queue, one finding per message, ten messages per call at most.
 */
public final class AsffForwarder {
    /** SQS takes at most this many entries per SendMessageBatch. */
    static final int MAX_ENTRIES = 10;
    /** SQS's limit on a batch's total payload (and so on one message) slk keeps to. */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private final SqsClient sqs;
    private final String queueUrl;

    /**
     * @param sqs the client, created once per execution environment
     * @param queueUrl {@code ASFF_QUEUE_URL}
     */
    public AsffForwarder(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /**
     * Sends findings.
     *
     * @param findings the findings, complete (account fields filled)
     * @return by index into {@code findings}, why each one that was not sent failed
     */
    public Map<Integer, String> send(List<ObjectNode> findings) {
        Map<Integer, String> failed = new HashMap<>();
        List<Integer> chunk = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < findings.size(); i++) {
            String body = findings.get(i).toString();
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_BATCH_BYTES) {
                failed.put(i, "ASFF finding is " + size + " bytes, more than an SQS message holds");
                continue;
            }
            if (chunk.size() == MAX_ENTRIES || bytes + size > MAX_BATCH_BYTES) {
                flush(chunk, bodies, failed);
                bytes = 0;
            }
            chunk.add(i);
            bodies.add(body);
            bytes += size;
        }
        flush(chunk, bodies, failed);
        return failed;
    }

    private void flush(List<Integer> chunk, List<String> bodies, Map<Integer, String> failed) {
        if (chunk.isEmpty()) {
            return;
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int j = 0; j < chunk.size(); j++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(j)).messageBody(bodies.get(j)).build());
        }
        try {
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            for (BatchResultErrorEntry e : response.failed()) {
                failed.put(chunk.get(Integer.parseInt(e.id())), "ASFF queue refused the finding: " + e.code());
            }
        } catch (SdkException e) {
            for (Integer i : chunk) {
                failed.put(i, "ASFF queue unreachable: " + e.getClass().getSimpleName());
            }
        }
        chunk.clear();
        bodies.clear();
    }
}

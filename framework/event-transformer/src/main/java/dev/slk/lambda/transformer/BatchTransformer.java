package dev.slk.lambda.transformer;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.transformer.parquet.ParquetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The transformer's work on one SQS batch, apart from Lambda: parse, normalize, route, forward ASFF,
 * write one Parquet object per (source, class, eventDay) group, and report which messages failed.
 *
 * <p>The unit of acknowledgement is the message. A message is acknowledged only when every one of
 * its events is in an object that stayed in the lake (and its ASFF findings reached the ASFF
 * queue). When a group's write fails, its messages fail; a message that also had events in groups
 * already written is taken back out of them (the object is rewritten without its rows, or deleted),
 * so that a failed message has no row in the lake and its retry cannot duplicate one.
 */
public final class BatchTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(BatchTransformer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd", java.util.Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final TransformerSettings settings;
    private final Normalizer normalizer;
    private final LakeWriter lake;
    private final AsffForwarder asff;

    /**
     * @param settings the configuration
     * @param normalizer turns events into OCSF records
     * @param lake writes objects
     * @param asff forwards ASFF findings, or null when Security Hub is disabled
     */
    public BatchTransformer(TransformerSettings settings, Normalizer normalizer, LakeWriter lake, AsffForwarder asff) {
        this.settings = settings;
        this.normalizer = normalizer;
        this.lake = lake;
        this.asff = asff;
    }

    private record GroupKey(CustomSource source, int classUid, String eventDay) {
    }

    private record Row(String messageId, ObjectNode record) {
    }

    private record Finding(String messageId, ObjectNode finding) {
    }

    /**
     * @param messages the batch
     * @param invocation account, region and request id
     * @return the failed messages and the objects written
     */
    public BatchResult process(List<InboundMessage> messages, Invocation invocation) {
        Map<String, String> failures = new LinkedHashMap<>();
        Map<GroupKey, List<Row>> groups = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        int events = 0;
        for (InboundMessage m : messages) {
            Map<GroupKey, List<Row>> mine = new LinkedHashMap<>();
            List<Finding> myFindings = new ArrayList<>();
            String reason;
            try {
                reason = normalizeMessage(m, mine, myFindings);
            } catch (RuntimeException e) {
                LOG.error("unexpected failure on a message", e);
                reason = "internal error: " + e.getClass().getSimpleName();
            }
            if (reason != null) {
                fail(failures, m.messageId(), reason);
                continue;
            }
            mine.forEach((k, rows) -> groups.computeIfAbsent(k, x -> new ArrayList<>()).addAll(rows));
            findings.addAll(myFindings);
            events += mine.values().stream().mapToInt(List::size).sum();
        }
        forwardAsff(findings, invocation, failures);
        String batchTag = batchTag(messages);
        List<WrittenObject> written = writeGroups(groups, invocation, batchTag, failures);
        int rows = written.stream().mapToInt(WrittenObject::rows).sum();
        LOG.info("batch transformed", entry("messages", messages.size()), entry("events", events),
                entry("rows_written", rows), entry("objects", written.size()), entry("failed_messages", failures.size()));
        return new BatchResult(failures, written);
    }

    /** @return null when every event of the message is ready to write, else why not */
    private String normalizeMessage(InboundMessage m, Map<GroupKey, List<Row>> rows, List<Finding> findings) {
        MessageParser.Parsed parsed = MessageParser.parse(m.body());
        if (parsed instanceof MessageParser.Parsed.Unreadable u) {
            return u.reason();
        }
        List<SourceEvent> events = ((MessageParser.Parsed.Events) parsed).events();
        for (int i = 0; i < events.size(); i++) {
            SourceEvent e = events.get(i);
            String where = events.size() == 1 ? "" : "event " + i + ": ";
            Normalizer.Result r = normalizer.normalize(e);
            if (r instanceof Normalizer.Result.Rejected rejected) {
                return where + rejected.reason() + (e.moduleId() == null ? "" : " [module " + e.moduleId() + "]");
            }
            Normalizer.Result.Ok ok = (Normalizer.Result.Ok) r;
            int classUid = ok.ocsf().get("class_uid").intValue();
            Optional<CustomSource> source = settings.sourceFor(classUid);
            if (source.isEmpty()) {
                return where + "no custom source in SECURITY_LAKE_SOURCES takes class_uid " + classUid;
            }
            String day = DAY.format(Instant.ofEpochMilli(ok.ocsf().get("time").longValue()));
            rows.computeIfAbsent(new GroupKey(source.get(), classUid, day), k -> new ArrayList<>())
                    .add(new Row(m.messageId(), ok.ocsf()));
            ok.asff().ifPresent(f -> findings.add(new Finding(m.messageId(), f)));
        }
        return null;
    }

    private void forwardAsff(List<Finding> findings, Invocation inv, Map<String, String> failures) {
        if (asff == null || findings.isEmpty()) {
            return;
        }
        List<ObjectNode> complete = new ArrayList<>();
        for (Finding f : findings) {
            ObjectNode finding = f.finding().deepCopy();
            finding.put("SchemaVersion", "2018-10-08");
            finding.put("AwsAccountId", inv.accountId());
            finding.put("ProductArn", "arn:" + inv.partition() + ":securityhub:" + inv.region() + ":" + inv.accountId()
                    + ":product/" + inv.accountId() + "/default");
            complete.add(finding);
        }
        asff.send(complete).forEach((index, reason) -> fail(failures, findings.get(index).messageId(), reason));
    }

    private List<WrittenObject> writeGroups(Map<GroupKey, List<Row>> groups, Invocation inv, String batchTag,
            Map<String, String> failures) {
        Map<GroupKey, Set<String>> inLake = new LinkedHashMap<>();
        for (Map.Entry<GroupKey, List<Row>> g : groups.entrySet()) {
            List<Row> rows = surviving(g.getValue(), failures);
            if (rows.isEmpty()) {
                continue;
            }
            String key = key(g.getKey(), inv, batchTag);
            try {
                lake.put(g.getKey().source().bucket(), key, encode(g.getKey(), rows));
                inLake.put(g.getKey(), messagesOf(rows));
            } catch (RuntimeException e) {
                String reason = "write of s3://" + g.getKey().source().bucket() + "/" + key + " failed: " + describe(e);
                LOG.warn("group write failed", entry("key", key), entry("rows", rows.size()), entry("error", describe(e)));
                messagesOf(rows).forEach(id -> fail(failures, id, reason));
            }
        }
        takeBackFailedMessages(groups, inLake, inv, batchTag, failures);
        List<WrittenObject> out = new ArrayList<>();
        inLake.forEach((g, ids) -> out.add(new WrittenObject(g.source().bucket(), key(g, inv, batchTag),
                surviving(groups.get(g), failures).size())));
        return out;
    }

    /**
     * Objects written before another group failed may hold rows of messages that are now failing;
     * rewrite them without those rows (or delete them) until no written object holds a failed message.
     */
    private void takeBackFailedMessages(Map<GroupKey, List<Row>> groups, Map<GroupKey, Set<String>> inLake,
            Invocation inv, String batchTag, Map<String, String> failures) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (GroupKey g : List.copyOf(inLake.keySet())) {
                Set<String> ids = inLake.get(g);
                if (ids.stream().noneMatch(failures::containsKey)) {
                    continue;
                }
                String bucket = g.source().bucket();
                String key = key(g, inv, batchTag);
                List<Row> keep = surviving(groups.get(g), failures);
                if (!keep.isEmpty()) {
                    try {
                        lake.put(bucket, key, encode(g, keep));
                        inLake.put(g, messagesOf(keep));
                        continue;
                    } catch (RuntimeException e) {
                        String reason = "rewrite of s3://" + bucket + "/" + key + " failed: " + describe(e);
                        messagesOf(keep).forEach(id -> fail(failures, id, reason));
                        changed = true;
                    }
                }
                try {
                    lake.delete(bucket, key);
                    inLake.remove(g);
                } catch (RuntimeException e) {
                    // The object keeps rows of failed messages; their retries will write those rows again.
                    LOG.error("cannot remove rows of failed messages; their retry will duplicate them",
                            entry("key", key), entry("error", describe(e)));
                    inLake.remove(g);
                }
            }
        }
    }

    private byte[] encode(GroupKey g, List<Row> rows) {
        List<ObjectNode> records = rows.stream().map(Row::record).toList();
        return ParquetEncoder.encode(records, Map.of("slk.source", g.source().sourceName() + "/"
                + g.source().sourceVersion(), "slk.class_uid", Integer.toString(g.classUid())));
    }

    private static List<Row> surviving(List<Row> rows, Map<String, String> failures) {
        return rows.stream().filter(r -> !failures.containsKey(r.messageId())).toList();
    }

    private static Set<String> messagesOf(List<Row> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.messageId()));
        return ids;
    }

    private static void fail(Map<String, String> failures, String messageId, String reason) {
        if (failures.putIfAbsent(messageId, reason) == null) {
            LOG.warn("message failed", entry("message_id", messageId), entry("reason", reason));
        }
    }

    /**
     * {@code <prefix>region=<r>/accountId=<a>/eventDay=<yyyyMMdd>/slk-<class_uid>-<batch>.parquet}; the
     * batch tag is a hash of the batch's message ids, so the same batch delivered twice overwrites its
     * own objects instead of adding copies.
     */
    static String key(GroupKey g, Invocation inv, String batchTag) {
        return g.source().prefix() + "region=" + inv.region() + "/accountId=" + inv.accountId() + "/eventDay="
                + g.eventDay() + "/slk-" + g.classUid() + "-" + batchTag + ".parquet";
    }

    static String batchTag(List<InboundMessage> messages) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            messages.stream().map(InboundMessage::messageId).sorted().forEach(id -> {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int cut = m.indexOf(" (Service:");
        if (!(e instanceof SdkException)) {
            LOG.error("unexpected failure", e);
        }
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + (cut > 0 ? m.substring(0, cut) : m));
    }
}

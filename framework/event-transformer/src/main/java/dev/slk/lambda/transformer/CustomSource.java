package dev.slk.lambda.transformer;

import java.util.Set;

/**
 * A Security Lake custom source the transformer writes to.
 *
 * @param sourceName the custom source name
 * @param sourceVersion the custom source version
 * @param classUids the OCSF classes routed to this source
 * @param bucket the bucket of its location
 * @param prefix the key prefix of its location, ending in {@code /}
 */
public record CustomSource(String sourceName, String sourceVersion, Set<Integer> classUids, String bucket,
        String prefix) {

    public CustomSource {
        classUids = Set.copyOf(classUids);
    }

    /** @return the location as {@code s3://bucket/prefix} */
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }
}

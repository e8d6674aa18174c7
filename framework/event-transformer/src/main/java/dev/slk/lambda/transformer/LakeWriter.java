package dev.slk.lambda.transformer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts and removes Parquet objects in the Security Lake bucket. */
public final class LakeWriter {
    private final S3Client s3;

    /** @param s3 the client, created once per execution environment */
    public LakeWriter(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @param bucket the bucket
     * @param key the key
     * @param parquet the object
     * @throws SdkException when S3 refuses or cannot be reached (after the SDK's retries)
     */
    public void put(String bucket, String key, byte[] parquet) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/vnd.apache.parquet"),
                RequestBody.fromBytes(parquet));
    }

    /**
     * @param bucket the bucket
     * @param key the key
     * @throws SdkException when S3 refuses or cannot be reached (after the SDK's retries)
     */
    public void delete(String bucket, String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
}

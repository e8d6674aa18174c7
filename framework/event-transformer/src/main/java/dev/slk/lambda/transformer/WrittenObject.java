package dev.slk.lambda.transformer;

/**
 * A Parquet object the transformer left in the lake.
 *
 * @param bucket the bucket
 * @param key the key
 * @param rows the records in it
 */
public record WrittenObject(String bucket, String key, int rows) {
}

package dev.slk.ocsf.schema;

/** The storage type of an OCSF attribute, as slk writes it to Parquet. */
public enum AttributeType {
    /** string_t and its string-shaped relatives (ip_t, email_t, datetime_t...). */
    STRING,
    /** integer_t: 32-bit. */
    INTEGER,
    /** long_t: 64-bit. */
    LONG,
    /** timestamp_t: epoch milliseconds, 64-bit. */
    TIMESTAMP,
    /** float_t. */
    FLOAT,
    /** boolean_t. */
    BOOLEAN,
    /** json_t: any JSON, kept as JSON text. */
    JSON,
    /** An OCSF object. */
    OBJECT,
    /** A string-to-string map (Security Lake's type for {@code unmapped}). */
    MAP
}

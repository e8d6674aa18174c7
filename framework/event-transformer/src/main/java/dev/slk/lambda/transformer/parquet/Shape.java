package dev.slk.lambda.transformer.parquet;

import java.util.Map;

/** The storage shape of one column (or nested field) of a Parquet file slk writes. */
sealed interface Shape {
    /** A leaf value. */
    enum Primitive implements Shape {
        STRING, INT32, INT64, DOUBLE, BOOLEAN
    }

    /** A struct; fields in name order. */
    record Group(Map<String, Shape> fields) implements Shape {
    }

    /** A list (standard three-level LIST). */
    record ListOf(Shape element) implements Shape {
    }

    /** A string-to-string map (standard MAP). */
    record StringMap() implements Shape {
    }
}

package dev.slk.ocsf.schema;

/**
 * An OCSF attribute's type, known by its name.
 *
 * @param name the attribute name, e.g. {@code severity_id}
 * @param type the element type
 * @param array whether the attribute holds an array of {@code type}
 */
public record Attribute(String name, AttributeType type, boolean array) {
}

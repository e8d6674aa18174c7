package dev.slk.iam.catalogue;

import java.util.Locale;

/** An action's access level, as AWS's service authorization reference names it. */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    PERMISSIONS_MANAGEMENT("Permissions management"),
    TAGGING("Tagging");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    /** @return the reference's own words, e.g. {@code Permissions management} */
    public String label() {
        return label;
    }

    static AccessLevel parse(String text) {
        for (AccessLevel level : values()) {
            if (level.label.equalsIgnoreCase(text.strip())) {
                return level;
            }
        }
        // A level the reference adds later is treated as a write: the cautious reading.
        return text.toLowerCase(Locale.ROOT).contains("read") ? READ : WRITE;
    }
}

package dev.slk.lambda.customsource;

/** What identifies a custom log source to Security Lake's delete call. */
record SourceKey(String sourceName, String sourceVersion) {
    @Override
    public String toString() {
        return sourceName + " " + sourceVersion;
    }
}

package dev.slk.deploy.cdk;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CDK CLI version, {@code major.minor.patch}.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 */
public record CdkVersion(int major, int minor, int patch) implements Comparable<CdkVersion> {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * @param text e.g. {@code 2.1148.1 (build fcf5e34)}, what {@code cdk --version} prints
     * @return the first version in it, if any
     */
    public static Optional<CdkVersion> find(String text) {
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new CdkVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    /**
     * @param text a version such as {@code 2.1148.1}
     * @return it
     * @throws IllegalArgumentException when it is not one
     */
    public static CdkVersion parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
    }

    @Override
    public int compareTo(CdkVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}

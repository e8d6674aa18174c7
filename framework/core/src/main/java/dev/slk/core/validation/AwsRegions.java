package dev.slk.core.validation;

import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/** The AWS regions stacks can be deployed to, from the AWS SDK's built-in (offline) list. */
public final class AwsRegions {
    // Region.regions() also lists pseudo-regions (aws-global, fips endpoints); keep real ones.
    private static final Pattern REAL = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d+$");

    private AwsRegions() {
    }

    /** @return the region names, sorted */
    public static List<String> names() {
        return Region.regions().stream()
                .map(Region::id)
                .filter(id -> REAL.matcher(id).matches() && !id.contains("fips"))
                .sorted()
                .toList();
    }
}

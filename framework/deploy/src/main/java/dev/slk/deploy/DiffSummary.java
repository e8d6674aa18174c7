package dev.slk.deploy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code cdk diff} says will change: resources added, changed, replaced and removed, and
 * whether IAM or security-group access broadens (the CLI's own "potentially sensitive changes"
 * judgement, the one its {@code --require-approval broadening} uses).
 *
 * @param added resources to be created
 * @param changed resources to be updated in place
 * @param replaced resources to be replaced (a subset of the changed ones CloudFormation recreates)
 * @param removed resources to be deleted
 * @param broadening whether IAM statements or security-group rules are added
 */
public record DiffSummary(int added, int changed, int replaced, int removed, boolean broadening) {
    private static final Pattern RESOURCE = Pattern.compile("^\\[([+~-])\\] (AWS::|Custom::)\\S+ .*");
    private static final Pattern REPLACE = Pattern.compile("(requires replacement|may be replaced)");
    private static final Pattern SENSITIVE = Pattern.compile(
            "(IAM Statement Changes|IAM Policy Changes|Security Group Changes|potentially sensitive changes)");

    /**
     * @param lines what {@code cdk diff} printed
     * @return the summary
     */
    public static DiffSummary parse(List<String> lines) {
        int added = 0;
        int changed = 0;
        int replaced = 0;
        int removed = 0;
        boolean broadening = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (SENSITIVE.matcher(line).find()) {
                broadening = true;
            }
            var matcher = RESOURCE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            switch (matcher.group(1)) {
                case "+" -> added++;
                case "-" -> removed++;
                default -> {
                    changed++;
                    if (REPLACE.matcher(line).find()) {
                        replaced++;
                    }
                }
            }
        }
        return new DiffSummary(added, changed, replaced, removed, broadening);
    }

    /** @return whether anything changes */
    public boolean anyChange() {
        return added + changed + removed > 0;
    }

    /** @return e.g. {@code 37 to add, 0 to change (0 replaced), 0 to remove; IAM or security groups broaden} */
    public String line() {
        return added + " to add, " + changed + " to change (" + replaced + " replaced), " + removed + " to remove; "
                + (broadening ? "IAM or security-group access broadens" : "no IAM or security-group broadening");
    }
}

package dev.slk.deploy;

import dev.slk.deploy.cdk.CdkRun;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed CDK CLI run in one line: exit 1 when the stack failed (with the failing resource and
 * CloudFormation's reason), exit 2 when the environment is not ready (no credentials, not
 * bootstrapped: with the exact command to run).
 *
 * @param exitCode slk's exit code, 1 or 2
 * @param message one line
 */
public record CdkFailure(int exitCode, String message) {
    private static final Pattern ENVIRONMENT = Pattern.compile("aws://(\\d{12}|unknown-account)/([a-z0-9-]+)");
    private static final Pattern FAILED_EVENT = Pattern.compile(
            "\\|\\s*((?:CREATE|UPDATE|DELETE|ROLLBACK)_FAILED)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(.+)$");
    private static final Pattern CREDENTIALS = Pattern.compile(
            "(no credentials have been configured|Could not load credentials|Unable to resolve AWS account|"
                    + "ExpiredToken|InvalidClientTokenId)");
    private static final Pattern TERMINATION_PROTECTION = Pattern.compile("TerminationProtection is enabled");
    private static final Pattern NOT_BOOTSTRAPPED = Pattern.compile(
            "(/cdk-bootstrap/\\S+ not found|has not been bootstrapped|Has the environment been bootstrapped)");

    /**
     * @param run the failed run
     * @param cdk the CLI's executable, for the bootstrap command
     * @param stack the stack being deployed
     * @return the one line and exit code
     */
    public static CdkFailure of(CdkRun run, Path cdk, String stack) {
        List<String> lines = run.lines();
        if (run.exitCode() == -1) {
            return new CdkFailure(1, stack + ": " + lines.get(lines.size() - 1).replaceFirst("^slk: ", ""));
        }
        for (String line : lines) {
            if (CREDENTIALS.matcher(line).find()) {
                return new CdkFailure(2, "no usable AWS credentials: " + clean(line)
                        + " (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and try again)");
            }
        }
        for (String line : lines) {
            if (NOT_BOOTSTRAPPED.matcher(line).find()) {
                Matcher env = ENVIRONMENT.matcher(line);
                String target = env.find() ? env.group() : "aws://ACCOUNT/REGION";
                return new CdkFailure(2, target + " is not bootstrapped for the CDK; run: " + cdk + " bootstrap " + target);
            }
        }
        if (lines.stream().anyMatch(l -> TERMINATION_PROTECTION.matcher(l).find())) {
            return new CdkFailure(1, stack + " has termination protection (slk turns it on in prod), so it cannot be "
                    + "deleted; lift it with: aws cloudformation update-termination-protection "
                    + "--no-enable-termination-protection --stack-name " + stack + ", then run slk destroy again");
        }
        for (String line : lines) {
            Matcher failed = FAILED_EVENT.matcher(line);
            if (failed.find() && !failed.group(3).contains("Resource creation cancelled")
                    && !failed.group(2).equals("AWS::CloudFormation::Stack")) {
                return new CdkFailure(1, stack + " failed: " + failed.group(1) + " " + failed.group(2) + " "
                        + clean(failed.group(3)));
            }
        }
        for (String line : lines) {
            if (line.contains("❌")) {
                return new CdkFailure(1, clean(line.replace("❌", "")));
            }
        }
        String last = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
        return new CdkFailure(1, "the CDK CLI failed (exit " + run.exitCode() + "): " + clean(last));
    }

    private static String clean(String line) {
        return line.replaceFirst("^[‣\\s]+", "").replaceAll("\\s+", " ").strip();
    }
}

package dev.slk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.deploy.cdk.CdkRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdkFailureTest {
    private static final Path CDK = Path.of("/opt/slk/cdk/node_modules/.bin/cdk");

    @Test
    void anEnvironmentNotBootstrappedNamesTheExactBootstrapCommand() {
        CdkRun run = new CdkRun(1, List.of("✨  Synthesis time: 0.52s", "",
                "stack-dev: SSM parameter /cdk-bootstrap/hnb659fds/version not found in aws://123456789012/ca-central-1. "
                        + "Has the environment been bootstrapped? Please run 'cdk bootstrap'"), 900);
        assertEquals(new CdkFailure(2, "aws://123456789012/ca-central-1 is not bootstrapped for the CDK; run: " + CDK
                + " bootstrap aws://123456789012/ca-central-1"), CdkFailure.of(run, CDK, "stack-dev"));
    }

    @Test
    void missingCredentialsAreExitTwoWithWhatToSet() {
        CdkRun run = new CdkRun(1, List.of("Need to perform AWS calls for account 123456789012, but no credentials "
                + "have been configured"), 900);
        CdkFailure failure = CdkFailure.of(run, CDK, "stack-dev");
        assertEquals(2, failure.exitCode());
        assertEquals("no usable AWS credentials: Need to perform AWS calls for account 123456789012, but no credentials "
                + "have been configured (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and try again)",
                failure.message());
    }

    @Test
    void aStackFailureNamesTheFailingResourceAndReason() {
        CdkRun run = new CdkRun(1, List.of(
                "stack-dev |  0/37 | 1:04:59 PM | CREATE_IN_PROGRESS   | AWS::CloudFormation::Stack | stack-dev User Initiated",
                "stack-dev |  3/37 | 1:05:02 PM | CREATE_FAILED        | AWS::SQS::Queue            | EventQueue (EventQueue1A2B) "
                        + "Resource handler returned message: \"Value 1300000 for parameter MessageRetentionPeriod is invalid\"",
                "stack-dev |  3/37 | 1:05:02 PM | CREATE_FAILED        | AWS::Lambda::Function      | Transformer (T1) "
                        + "Resource creation cancelled",
                "❌  stack-dev failed: Error: The stack named stack-dev failed creation"), 5000);
        assertEquals(new CdkFailure(1, "stack-dev failed: CREATE_FAILED AWS::SQS::Queue EventQueue (EventQueue1A2B) "
                + "Resource handler returned message: \"Value 1300000 for parameter MessageRetentionPeriod is invalid\""),
                CdkFailure.of(run, CDK, "stack-dev"));
    }

    @Test
    void anyOtherFailureIsItsLastLine() {
        CdkRun run = new CdkRun(1, List.of("something", "❌  stack-dev failed: Error: boom", ""), 5000);
        assertEquals(new CdkFailure(1, "stack-dev failed: Error: boom"), CdkFailure.of(run, CDK, "stack-dev"));
    }

    @Test
    void terminationProtectionSaysHowToLiftIt() {
        CdkRun run = new CdkRun(1, List.of("security-lake-integration-prod: destroying... [1/1]",
                "❌  security-lake-integration-prod: destroy failed ValidationError: Stack [security-lake-integration-prod] "
                        + "cannot be deleted while TerminationProtection is enabled"), 900);
        assertEquals(new CdkFailure(1, "security-lake-integration-prod has termination protection (slk turns it on in "
                + "prod), so it cannot be deleted; lift it with: aws cloudformation update-termination-protection "
                + "--no-enable-termination-protection --stack-name security-lake-integration-prod, then run slk destroy "
                + "again"), CdkFailure.of(run, CDK, "security-lake-integration-prod"));
    }
}

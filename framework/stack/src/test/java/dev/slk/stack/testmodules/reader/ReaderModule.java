package dev.slk.stack.testmodules.reader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.ModuleResources;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * A second test module whose role reaches into the poller module's dead-letter queue, as a careless module would:
 * the synthesized two-module assembly the iam-analyzer's cross-module and envelope rules are tested on. Not
 * registered in the services file; the test that needs it registers it.
 */
public final class ReaderModule extends BaseIntegrationModule {
    @Override
    public String moduleId() {
        return "reader";
    }

    @Override
    public String moduleName() {
        return "Reader";
    }

    @Override
    public String moduleVersion() {
        return "1.0.0";
    }

    @Override
    public String moduleDescription() {
        return "Test module that reads another module's queue";
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        Role role = Role.Builder.create(scope, "ReaderRole").assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        IQueue pollerDlq = (IQueue) scope.getNode().getScope().getNode().findChild("poller").getNode()
                .findChild("PollerDlq");
        pollerDlq.grantConsumeMessages(role);
        if (config.path("alsoPurge").asBoolean(false)) {
            pollerDlq.grantPurge(role);
        }
        core.eventQueue().grantSendMessages(role);
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("KMS data-key actions of the core queue's key, which the queue grant adds.").build()), true);
        return ModuleResources.none();
    }
}

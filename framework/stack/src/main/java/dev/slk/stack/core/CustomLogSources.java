package dev.slk.stack.core;

import dev.slk.core.config.ProjectConfig;
import dev.slk.stack.assets.CoreFunction;
import dev.slk.stack.assets.LambdaArtifacts;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The custom resource that registers the configured custom log sources with Security Lake,
 * backed by slk's Java provider function. The external id travels as a reference that the
 * function resolves at deploy time; its value never enters the template.
 */
final class CustomLogSources extends Construct {
    /** Custom resources answer CloudFormation within this time, so creation of several sources fits. */
    private static final int TIMEOUT_SECONDS = 600;

    private final CustomResource resource;
    private final Queue deadLetterQueue;
    private final List<ProjectConfig.CustomSource> sources;

    CustomLogSources(Construct scope, ProjectConfig config, ResourceNames names, LambdaArtifacts artifacts,
            Optional<IKey> key) {
        super(scope, "CustomLogSources");
        ProjectConfig.SecurityLake lake = config.securityLake();
        this.sources = lake.ocsfEventClasses();
        ExternalIdReference externalId = ExternalIdReference.parse(lake.externalId());
        String crawlerRoleArn = "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role/" + lake.serviceRole();

        // CloudFormation invokes the provider asynchronously: a request the function could not
        // answer is kept in its dead-letter queue, so an operator can see why a stack operation hung.
        CoreLambda provider = CoreLambda.create(this, new CoreLambda.Spec("Provider", CoreFunction.CUSTOM_SOURCE_PROVIDER,
                names.function("custom-sources", "projectName"), "projectName", 256, TIMEOUT_SECONDS, 2,
                Map.of(), Map.of(), "securityLake", names.queue("custom-sources-dlq", "projectName")), artifacts,
                config, names, key);
        this.deadLetterQueue = provider.deadLetterQueue().orElseThrow();

        String arn = "arn:" + Aws.PARTITION + ":";
        String glue = arn + "glue:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":";
        String bucket = arn + "s3:::" + lake.s3Bucket();
        allow(provider, "ManageCustomLogSources",
                List.of("securitylake:CreateCustomLogSource", "securitylake:DeleteCustomLogSource"),
                List.of(arn + "securitylake:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":data-lake/default"));
        // ListLogSources and Lake Formation's RegisterResource and GrantPermissions take no resource ARN.
        allow(provider, "ListLogSources", List.of("securitylake:ListLogSources"), List.of("*"));
        allow(provider, "RegisterSourceLocation",
                List.of("lakeformation:RegisterResource", "lakeformation:GrantPermissions"), List.of("*"));
        // CreateCustomLogSource creates, as its caller, the provider role's policy, the source's Glue
        // database, table and crawler, and its location in the lake's bucket.
        // The crawler role goes to Security Lake, which hands it to the Glue crawler it creates; naming both
        // services keeps the role from being passed to anything else.
        provider.role().addToPrincipalPolicy(PolicyStatement.Builder.create().sid("PassCrawlerRole")
                .actions(List.of("iam:PassRole")).resources(List.of(crawlerRoleArn))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService",
                        List.of("securitylake.amazonaws.com", "glue.amazonaws.com"))))
                .build());
        allow(provider, "GetCrawlerRole", List.of("iam:GetRole"), List.of(crawlerRoleArn));
        allow(provider, "ManageProviderRole", List.of("iam:GetRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy"),
                List.of(arn + "iam::" + Aws.ACCOUNT_ID + ":role/AmazonSecurityLake-Provider-*"));
        allow(provider, "CreateSourceCatalog", List.of("glue:CreateDatabase", "glue:CreateTable"),
                List.of(glue + "catalog", glue + "database/amazon_security_lake_glue_db_*",
                        glue + "table/amazon_security_lake_glue_db_*/*"));
        // The service authorization reference gives CreateCrawler and the crawler schedule actions no resource
        // type: a crawler ARN could never match them (slk iam-analyzer's iam-resource-mismatch).
        allow(provider, "CreateSourceCrawler",
                List.of("glue:CreateCrawler", "glue:StartCrawlerSchedule", "glue:StopCrawlerSchedule"), List.of("*"));
        allow(provider, "CreateSourceLocation", List.of("s3:ListBucket"), List.of(bucket));
        allow(provider, "WriteSourceLocation", List.of("s3:PutObject"), List.of(bucket + "/ext/*"));
        allow(provider, "ReadExternalId", externalId.readActions(), List.of(externalId.resourceArn()));
        NagSuppressions.addResourceSuppressions(provider.role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Security Lake's ListLogSources, Lake Formation's RegisterResource and GrantPermissions "
                        + "and Glue's CreateCrawler and crawler schedule actions take no resource ARN. The provider "
                        + "roles, Glue databases and tables and the ext/ objects that CreateCustomLogSource creates "
                        + "are named by Security Lake at run time, so they are granted by their documented name prefixes. A Secrets Manager ARN ends in six "
                        + "random characters, matched by '??????'.")
                .appliesTo(List.of(RegexAppliesTo.builder().regex(
                        "/^Resource::(\\*|arn:<AWS::Partition>:(iam::<AWS::AccountId>:role\\/AmazonSecurityLake-"
                                + "Provider-\\*|glue:.*_glue_db_\\*.*|s3:::.*\\/ext\\/\\*|"
                                + "secretsmanager:.*-\\?{6}))$/").build()))
                .build()), true);

        List<Map<String, Object>> sourceProperties = sources.stream().map(CustomLogSources::properties).toList();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Sources", sourceProperties);
        properties.put("CrawlerRoleArn", crawlerRoleArn);
        properties.put("ProviderPrincipal", Aws.ACCOUNT_ID);
        properties.put("ExternalIdRef", externalId.reference());
        this.resource = CustomResource.Builder.create(this, "Resource")
                .serviceToken(provider.function().getFunctionArn())
                .resourceType("Custom::SecurityLakeCustomLogSources")
                .properties(properties)
                .build();
    }

    private static void allow(CoreLambda function, String sid, List<String> actions, List<String> resources) {
        function.role().addToPrincipalPolicy(PolicyStatement.Builder.create().sid(sid).actions(actions)
                .resources(resources).build());
    }

    Queue deadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * @return for each source, its name, version, event classes and the S3 location Security Lake
     *     gave it, as the event transformer's SECURITY_LAKE_SOURCES variable expects
     */
    List<Map<String, Object>> transformerSources() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ProjectConfig.CustomSource source : sources) {
            Map<String, Object> entry = properties(source);
            entry.put("location", resource.getAttString(source.sourceName() + ".Location"));
            result.add(entry);
        }
        return result;
    }

    private static Map<String, Object> properties(ProjectConfig.CustomSource source) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sourceName", source.sourceName());
        entry.put("sourceVersion", source.sourceVersion());
        entry.put("eventClasses", source.eventClasses());
        return entry;
    }
}

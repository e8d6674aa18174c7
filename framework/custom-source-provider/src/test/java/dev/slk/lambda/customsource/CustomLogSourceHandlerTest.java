package dev.slk.lambda.customsource;

import static dev.slk.lambda.customsource.Invoker.properties;
import static dev.slk.lambda.customsource.Invoker.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securitylake.SecurityLakeClient;

class CustomLogSourceHandlerTest {

    private static final String PHYSICAL_ID = "slk-custom-log-sources-" + Invoker.LOGICAL_ID;

    private Invoker invoker;
    private FakeAws aws;

    @BeforeEach
    void start() throws Exception {
        invoker = new Invoker(Duration.ofSeconds(1));
        aws = invoker.aws;
    }

    @AfterEach
    void stop() {
        invoker.close();
    }

    @Test
    void createRegistersEverySourceAndReturnsItsLocationAndRole() {
        Invoker.Invocation r = invoker.invoke(invoker.create(properties(
                source("unifiedEvents", "SECURITY_FINDING", "COMPLIANCE_FINDING"),
                source("azureActivity", "API_ACTIVITY"))));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(PHYSICAL_ID, r.response().path("PhysicalResourceId").asText());
        RegisteredSource unified = FakeAws.registered("unifiedEvents", "1.0");
        assertEquals(unified.location(), r.data().path("unifiedEvents.Location").asText());
        assertEquals(unified.providerRoleArn(), r.data().path("unifiedEvents.ProviderRoleArn").asText());
        assertEquals(FakeAws.registered("azureActivity", "1.0").location(),
                r.data().path("azureActivity.Location").asText());
        assertEquals(4, r.data().size());

        List<FakeAws.Call> creates = aws.calls("CreateCustomLogSource");
        assertEquals(2, creates.size());
        JsonNode first = creates.get(0).body();
        assertEquals("unifiedEvents", first.path("sourceName").asText());
        assertEquals("1.0", first.path("sourceVersion").asText());
        assertEquals("[\"SECURITY_FINDING\",\"COMPLIANCE_FINDING\"]", first.path("eventClasses").toString());
        assertEquals(Invoker.CRAWLER_ROLE, first.at("/configuration/crawlerConfiguration/roleArn").asText());
        assertEquals(FakeAws.ACCOUNT, first.at("/configuration/providerIdentity/principal").asText());
        assertEquals(invoker.externalId, first.at("/configuration/providerIdentity/externalId").asText(),
                "the id read from Secrets Manager is the one sent to Security Lake");
        assertEquals(Invoker.SECRET_NAME, aws.calls("GetSecretValue").get(0).body().path("SecretId").asText());
    }

    @Test
    void createLogsTheRequestAsStructuredJsonWithoutTheEvent() {
        Invoker.Invocation r = invoker.invoke(invoker.create(properties(source("unifiedEvents", "SECURITY_FINDING"))));

        JsonNode request = r.logLine("custom resource request");
        assertEquals("Create", request.path("requestType").asText());
        assertEquals(Invoker.LOGICAL_ID, request.path("logicalResourceId").asText());
        assertEquals("[\"unifiedEvents\"]", request.path("sourceNames").toString());
        assertEquals("slk-custom-sources", request.path("function_name").asText());
        // Written on the worker thread: the Lambda context travels with it.
        JsonNode created = r.logLine("created custom log source");
        assertEquals("unifiedEvents", created.path("sourceName").asText());
        assertEquals(request.path("function_request_id"), created.path("function_request_id"));
        for (JsonNode line : r.log()) {
            String text = line.toString();
            assertFalse(text.contains("ResponseURL") || text.contains("X-Amz-") || text.contains("ExternalIdRef"),
                    "the event leaked into the log: " + text);
        }
    }

    @Test
    void createReadsTheExternalIdFromAnSsmSecureString() {
        String ssmId = "slk-ssm-" + UUID.randomUUID();
        invoker.watch(ssmId);
        aws.putParameter("/slk/prod/external-id", "SecureString", ssmId);

        Invoker.Invocation r = invoker.invoke(invoker.create(
                properties("ssm:/slk/prod/external-id", source("unifiedEvents", "SECURITY_FINDING"))
                        .put("ServiceTimeout", "900")));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals("/slk/prod/external-id", aws.calls("GetParameter").get(0).body().path("Name").asText());
        assertEquals(ssmId, aws.calls("CreateCustomLogSource").get(0).body()
                .at("/configuration/providerIdentity/externalId").asText());
    }

    @Test
    void createTakesTheExternalIdFieldOfAJsonSecret() {
        String jsonId = "slk-json-" + UUID.randomUUID();
        invoker.watch(jsonId);
        aws.putSecret("slk/json", "{\"externalId\": \"" + jsonId + "\", \"note\": \"rotated yearly\"}");

        Invoker.Invocation r = invoker.invoke(invoker.create(
                properties("secretsmanager:slk/json", source("unifiedEvents", "SECURITY_FINDING"))));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(jsonId, aws.calls("CreateCustomLogSource").get(0).body()
                .at("/configuration/providerIdentity/externalId").asText());
    }

    @Test
    void createAdoptsASourceThatAlreadyExistsWithTheSameVersion() {
        aws.existingSource("aaOther", "2.0");
        aws.existingSource("unifiedEvents", "1.0");

        Invoker.Invocation r = invoker.invoke(invoker.create(properties(source("unifiedEvents", "SECURITY_FINDING"))));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(FakeAws.registered("unifiedEvents", "1.0").location(),
                r.data().path("unifiedEvents.Location").asText());
        JsonNode list = aws.calls("ListLogSources").get(0).body();
        assertEquals("[\"" + FakeAws.REGION + "\"]", list.path("regions").toString());
        assertEquals("[\"" + FakeAws.ACCOUNT + "\"]", list.path("accounts").toString());
        assertEquals("unifiedEvents", list.at("/sources/0/customLogSource/sourceName").asText());
        assertTrue(aws.source("aaOther").isPresent());
    }

    @Test
    void lookupFollowsPagesUntilItFindsTheSource() {
        aws.existingSource("aaFirst", "1.0");
        aws.existingSource("bbSecond", "1.0");
        aws.existingSource("unifiedEvents", "1.0");
        SecurityLakeClient client = SecurityLakeClient.builder()
                .region(Region.of(FakeAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(FakeAws.ACCESS_KEY, "loopback-" + UUID.randomUUID())))
                .endpointOverride(aws.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        SecurityLakeSources lake = new SecurityLakeSources(() -> client, FakeAws.REGION, Optional.empty(), new Redactor());

        assertEquals(FakeAws.registered("unifiedEvents", "1.0"), lake.find("unifiedEvents").orElseThrow());
        assertEquals(3, aws.calls("ListLogSources").size(), "three pages of one source");
        assertTrue(lake.find("missing").isEmpty());
    }

    @Test
    void createFailsWhenTheSourceExistsWithAnotherVersion() {
        aws.existingSource("unifiedEvents", "0.9");

        Invoker.Invocation r = invoker.invoke(invoker.create(properties(source("unifiedEvents", "SECURITY_FINDING"))));

        assertEquals("FAILED", r.status());
        assertEquals("custom log source unifiedEvents already exists with version 0.9, not 1.0;"
                + " delete it or choose another sourceName", r.reason());
        assertEquals("0.9", aws.source("unifiedEvents").orElseThrow().sourceVersion(), "left alone");
    }

    @Test
    void anApiFailureIsReportedAsFailedAndUndoesWhatTheCreateDid() {
        aws.existingSource("adopted", "1.0");
        // First source created, second adopted (ConflictException), third refused.
        aws.failCall("CreateCustomLogSource", 3, 403, "AccessDeniedException", "User is not authorized");

        Invoker.Invocation r = invoker.invoke(invoker.create(properties(source("unifiedEvents", "SECURITY_FINDING"),
                source("adopted", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"))));

        assertEquals("FAILED", r.status());
        assertEquals("creating custom log source azureActivity failed: AccessDeniedException (HTTP 403):"
                + " User is not authorized", r.reason());
        assertEquals(PHYSICAL_ID + "-create-failed", r.response().path("PhysicalResourceId").asText());
        assertEquals(0, r.data().size());
        assertTrue(aws.source("unifiedEvents").isEmpty(), "the source this Create made is removed again");
        assertTrue(aws.source("adopted").isPresent(), "a source it only adopted stays");

        // CloudFormation's rollback then deletes the failed resource: nothing is left to do.
        int callsBefore = aws.calls().size();
        Invoker.Invocation rollback = invoker.invoke(invoker.delete(PHYSICAL_ID + "-create-failed", properties(
                source("unifiedEvents", "SECURITY_FINDING"), source("adopted", "SECURITY_FINDING"))));
        assertEquals("SUCCESS", rollback.status(), rollback.reason());
        assertEquals(callsBefore, aws.calls().size());
        assertTrue(aws.source("adopted").isPresent());
    }

    @Test
    void updateCreatesAddedSourcesAndDeletesDroppedOnesUnderTheSamePhysicalId() {
        ObjectNode before = properties(source("unifiedEvents", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"));
        assertEquals("SUCCESS", invoker.invoke(invoker.create(before)).status());
        ObjectNode after = properties(source("azureActivity", "API_ACTIVITY"), source("gcpFindings", "SECURITY_FINDING"));

        Invoker.Invocation r = invoker.invoke(invoker.update(PHYSICAL_ID, after, before));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(PHYSICAL_ID, r.response().path("PhysicalResourceId").asText());
        assertTrue(aws.source("unifiedEvents").isEmpty(), "dropped source deleted");
        assertTrue(aws.source("gcpFindings").isPresent(), "added source created");
        assertTrue(aws.source("azureActivity").isPresent(), "kept source untouched");
        assertEquals(List.of("azureActivity.Location", "azureActivity.ProviderRoleArn",
                "gcpFindings.Location", "gcpFindings.ProviderRoleArn"), fieldNames(r.data()));
        FakeAws.Call delete = aws.calls("DeleteCustomLogSource").get(0);
        assertEquals("/v1/datalake/logsources/custom/unifiedEvents", delete.path());
        assertEquals("sourceVersion=1.0", delete.query());
        assertEquals(1, aws.calls("DeleteCustomLogSource").size(), "the kept source is not re-created");
    }

    @Test
    void updateRecreatesASourceWhoseDefinitionChanged() {
        ObjectNode before = properties(source("unifiedEvents", "SECURITY_FINDING"));
        invoker.invoke(invoker.create(before));
        ObjectNode after = properties(source("unifiedEvents", "SECURITY_FINDING", "VULNERABILITY_FINDING"));

        Invoker.Invocation r = invoker.invoke(invoker.update(PHYSICAL_ID, after, before));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(1, aws.calls("DeleteCustomLogSource").size());
        List<FakeAws.Call> creates = aws.calls("CreateCustomLogSource");
        assertEquals("[\"SECURITY_FINDING\",\"VULNERABILITY_FINDING\"]",
                creates.get(creates.size() - 1).body().path("eventClasses").toString());
        assertTrue(aws.source("unifiedEvents").isPresent());
    }

    @Test
    void updateOfTheExternalIdReferenceRecreatesEverySourceWithTheNewId() {
        ObjectNode before = properties(source("unifiedEvents", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"));
        invoker.invoke(invoker.create(before));
        String rotated = "slk-rotated-" + UUID.randomUUID();
        invoker.watch(rotated);
        aws.putSecret("slk/prod/external-id-2", rotated);
        ObjectNode after = properties("secretsmanager:slk/prod/external-id-2",
                source("unifiedEvents", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"));

        Invoker.Invocation r = invoker.invoke(invoker.update(PHYSICAL_ID, after, before));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(2, aws.calls("DeleteCustomLogSource").size());
        List<FakeAws.Call> creates = aws.calls("CreateCustomLogSource");
        assertEquals(4, creates.size());
        for (FakeAws.Call create : creates.subList(2, 4)) {
            assertEquals(rotated, create.body().at("/configuration/providerIdentity/externalId").asText());
        }
    }

    @Test
    void updateWithInvalidPropertiesFailsAndChangesNothing() {
        ObjectNode before = properties(source("unifiedEvents", "SECURITY_FINDING"));
        invoker.invoke(invoker.create(before));
        int calls = aws.calls().size();

        Invoker.Invocation r = invoker.invoke(invoker.update(PHYSICAL_ID,
                properties(source("aSourceNameThatIsTooLong", "SECURITY_FINDING")), before));

        assertEquals("FAILED", r.status());
        assertEquals(PHYSICAL_ID, r.response().path("PhysicalResourceId").asText());
        assertTrue(r.reason().startsWith("invalid properties: Sources[0].sourceName"), r.reason());
        assertEquals(calls, aws.calls().size());
    }

    @Test
    void deleteRemovesEveryListedSource() {
        ObjectNode props = properties(source("unifiedEvents", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"));
        invoker.invoke(invoker.create(props));

        Invoker.Invocation r = invoker.invoke(invoker.delete(PHYSICAL_ID, props));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(PHYSICAL_ID, r.response().path("PhysicalResourceId").asText());
        assertTrue(aws.source("unifiedEvents").isEmpty() && aws.source("azureActivity").isEmpty());
        assertTrue(aws.calls("GetSecretValue").size() == 1, "a Delete does not need the external id");
    }

    @Test
    void deleteOfASourceThatIsAlreadyGoneSucceeds() {
        Invoker.Invocation r = invoker.invoke(invoker.delete(PHYSICAL_ID,
                properties(source("unifiedEvents", "SECURITY_FINDING"))));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(1, aws.calls("DeleteCustomLogSource").size());
        assertEquals("custom log source was already gone", r.logLine("custom log source was already gone")
                .path("message").asText());
    }

    @Test
    void deleteKeepsGoingAfterOneFailureButReportsFailed() {
        aws.existingSource("unifiedEvents", "1.0");
        aws.existingSource("azureActivity", "1.0");
        aws.failNext("DeleteCustomLogSource", 403, "AccessDeniedException", "not authorized to delete");

        Invoker.Invocation r = invoker.invoke(invoker.delete(PHYSICAL_ID, properties(
                source("unifiedEvents", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"))));

        assertEquals("FAILED", r.status());
        assertEquals("deleting custom log source unifiedEvents failed: AccessDeniedException (HTTP 403):"
                + " not authorized to delete", r.reason());
        assertTrue(aws.source("unifiedEvents").isPresent());
        assertTrue(aws.source("azureActivity").isEmpty(), "the other source is still removed");
    }

    @Test
    void deleteOfPropertiesThatNeverValidatedSucceedsWithoutTouchingAnything() {
        ObjectNode bad = properties(source("aSourceNameThatIsTooLong", "SECURITY_FINDING"));
        bad.remove("CrawlerRoleArn");

        Invoker.Invocation r = invoker.invoke(invoker.delete(PHYSICAL_ID, bad));

        assertEquals("SUCCESS", r.status(), r.reason());
        assertEquals(List.of(), aws.calls());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProperties")
    void badPropertiesFailWithAReasonNamingTheProperty(String name, ObjectNode props, String reason) {
        Invoker.Invocation r = invoker.invoke(invoker.create(props));

        assertEquals("FAILED", r.status());
        assertEquals("invalid properties: " + reason, r.reason());
        assertEquals(List.of(), aws.calls(), "nothing is called with bad properties");
    }

    static Stream<Arguments> badProperties() {
        ObjectNode noSources = properties();
        ObjectNode literalId = properties(source("unifiedEvents", "SECURITY_FINDING")).put("ExternalId", "x");
        ObjectNode typo = properties(source("unifiedEvents", "SECURITY_FINDING")).put("CrawlerRole", "x");
        ObjectNode noRole = properties(source("unifiedEvents", "SECURITY_FINDING"));
        noRole.remove("CrawlerRoleArn");
        ObjectNode numberVersion = properties(source("unifiedEvents", "SECURITY_FINDING"));
        ((ObjectNode) numberVersion.get("Sources").get(0)).put("sourceVersion", 1);
        return Stream.of(
                args("source name over 20 characters", properties(source("azureEventHubsActivity", "API_ACTIVITY")),
                        "Sources[0].sourceName 'azureEventHubsActivity' is 22 characters; Security Lake allows at"
                                + " most 20 (it becomes part of the provider role name)"),
                args("source name with a space", properties(source("unified events", "API_ACTIVITY")),
                        "Sources[0].sourceName 'unified events' may only hold letters, digits, '_', '-', ':' and '.'"),
                args("duplicate source", properties(source("dup", "API_ACTIVITY"), source("dup", "FILE_ACTIVITY")),
                        "Sources[1].sourceName 'dup' is listed twice; source names are unique in a Region"),
                args("lower-case event class", properties(source("unifiedEvents", "security_finding")),
                        "Sources[0].eventClasses[0] 'security_finding' is not an OCSF event class name"
                                + " (upper-case letters, digits and '_')"),
                args("no event classes", properties(source("unifiedEvents")),
                        "Sources[0].eventClasses must be a non-empty list of OCSF event class names such as"
                                + " SECURITY_FINDING"),
                args("empty Sources", noSources,
                        "Sources must be a non-empty list of {sourceName, sourceVersion, eventClasses}"),
                args("version not a string", numberVersion, "Sources[0].sourceVersion must be a non-empty string"),
                args("missing role", noRole, "property CrawlerRoleArn is required"),
                args("role is not a role ARN", properties(source("unifiedEvents", "API_ACTIVITY"))
                        .put("CrawlerRoleArn", "arn:aws:iam::111122223333:user/alice"),
                        "CrawlerRoleArn 'arn:aws:iam::111122223333:user/alice' is not an IAM role ARN"),
                args("principal not an account", properties(source("unifiedEvents", "API_ACTIVITY"))
                        .put("ProviderPrincipal", "1234"),
                        "ProviderPrincipal '1234' is neither a 12-digit account id nor a service principal"),
                args("literal external id property", literalId, "property 'ExternalId' would put the external id"
                        + " in the template; store it in Secrets Manager or SSM and pass ExternalIdRef instead"),
                args("unknown property", typo, "unknown property 'CrawlerRole'; expected Sources, CrawlerRoleArn,"
                        + " ProviderPrincipal, ExternalIdRef"),
                args("reference without prefix", properties("plain-value-123", source("unifiedEvents", "API_ACTIVITY")),
                        "ExternalIdRef '<15 characters>' has no known prefix; write secretsmanager:<secret name"
                                + " or ARN> or ssm:/<parameter name>"),
                args("ssm reference without slash", properties("ssm:slk/id", source("unifiedEvents", "API_ACTIVITY")),
                        "ExternalIdRef 'ssm:slk/id' does not name an SSM parameter (a full name starting with '/');"
                                + " write secretsmanager:<secret name or ARN> or ssm:/<parameter name>"));
    }

    private static Arguments args(String name, ObjectNode props, String reason) {
        return Arguments.of(name, props, reason);
    }

    @Test
    void aMissingSecretFailsTheCreateClearly() {
        Invoker.Invocation r = invoker.invoke(invoker.create(
                properties("secretsmanager:slk/absent", source("unifiedEvents", "SECURITY_FINDING"))));

        assertEquals("FAILED", r.status());
        assertEquals("secretsmanager:slk/absent does not exist in this account and Region", r.reason());
        assertEquals(List.of(), aws.calls("CreateCustomLogSource"));
    }

    @Test
    void aPlainStringParameterIsRefused() {
        String plain = "slk-plain-" + UUID.randomUUID();
        invoker.watch(plain);
        aws.putParameter("/slk/plain", "String", plain);

        Invoker.Invocation r = invoker.invoke(invoker.create(
                properties("ssm:/slk/plain", source("unifiedEvents", "SECURITY_FINDING"))));

        assertEquals("FAILED", r.status());
        assertEquals("ssm:/slk/plain is a String parameter; store the external id as a SecureString", r.reason());
    }

    @Test
    void anExternalIdIamWouldRejectFailsWithoutShowingIt() {
        String spaced = "has spaces " + UUID.randomUUID();
        invoker.watch(spaced);
        aws.putSecret("slk/spaced", spaced);

        Invoker.Invocation r = invoker.invoke(invoker.create(
                properties("secretsmanager:slk/spaced", source("unifiedEvents", "SECURITY_FINDING"))));

        assertEquals("FAILED", r.status());
        assertEquals("the external id in secretsmanager:slk/spaced (" + spaced.length() + " characters) is not what"
                + " IAM accepts: 2-1224 of letters, digits and _ + = , . @ : / -", r.reason());
    }

    @Test
    void anErrorMessageQuotingTheExternalIdIsRedactedInTheReasonAndTheLog() {
        aws.failCall("CreateCustomLogSource", 2, 400, "BadRequestException",
                "1 validation error: value '" + invoker.externalId + "' at 'configuration.providerIdentity.externalId'");

        Invoker.Invocation r = invoker.invoke(invoker.create(properties(
                source("unifiedEvents", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"))));

        assertEquals("FAILED", r.status());
        assertEquals("creating custom log source azureActivity failed: BadRequestException (HTTP 400): 1 validation"
                + " error: value '<redacted>' at 'configuration.providerIdentity.externalId'", r.reason());
        assertEquals(r.reason(), r.logLine("custom resource response").path("reason").asText());
    }

    @Test
    void theWatchdogAnswersFailedBeforeTheLambdaTimesOut() throws Exception {
        aws.delay("CreateCustomLogSource", Duration.ofMillis(2500));

        // 1.5 s left, 1 s kept back for the answer: the work gets 0.5 s.
        Invoker.Invocation r = invoker.invoke(invoker.create(properties(
                source("unifiedEvents", "SECURITY_FINDING"), source("azureActivity", "API_ACTIVITY"))), 1500);

        assertEquals("FAILED", r.status());
        assertEquals("timed out: the custom log sources were not all in place after 0 s; raise the function's"
                + " timeout or retry", r.reason());
        assertEquals(PHYSICAL_ID, r.response().path("PhysicalResourceId").asText(),
                "the rollback Delete must still remove what the interrupted work created");
        assertTrue(r.took().toMillis() < 1500, "answered within the Lambda's remaining time: " + r.took());
        r.logLine("gave up before the Lambda timeout");

        // The abandoned worker stops once its call returns: it does not go on to the second source.
        Thread.sleep(3000);
        assertEquals(1, aws.calls("CreateCustomLogSource").size());
        assertEquals(List.of(), aws.calls("DeleteCustomLogSource"));
    }

    @Test
    void tooLittleTimeLeftFailsAtOnce() {
        Invoker.Invocation r = invoker.invoke(invoker.create(properties(source("unifiedEvents", "SECURITY_FINDING"))),
                800);

        assertEquals("FAILED", r.status());
        assertTrue(r.reason().startsWith("timed out"), r.reason());
        assertEquals(List.of(), aws.calls());
    }

    @Test
    void anUnknownRequestTypeFails() {
        ObjectNode event = invoker.event("Replace", PHYSICAL_ID, properties(source("unifiedEvents", "API_ACTIVITY")), null);

        Invoker.Invocation r = invoker.invoke(event);

        assertEquals("FAILED", r.status());
        assertEquals("unsupported RequestType 'Replace'; expected Create, Update or Delete", r.reason());
    }

    @Test
    void anEventWithoutAResponseUrlCannotBeAnsweredAndSaysSo() {
        ObjectNode event = invoker.create(properties(source("unifiedEvents", "API_ACTIVITY")));
        event.remove("ResponseURL");

        Invoker.Invocation r = invoker.invoke(event);

        assertTrue(r.thrown().isPresent());
        assertEquals(List.of(), invoker.cloudFormation.received());
        assertEquals("the event has no http(s) ResponseURL; is this a CloudFormation custom resource request?",
                r.logLine("cannot answer this request").path("cause").asText());
    }

    @Test
    void aResponseOverCloudFormationsSizeLimitFailsAndUndoesTheCreate() {
        SourceSpec[] many = new SourceSpec[20];
        for (int i = 0; i < many.length; i++) {
            many[i] = source("customSource" + i, "SECURITY_FINDING");
        }

        Invoker.Invocation r = invoker.invoke(invoker.create(properties(many)));

        assertEquals("FAILED", r.status());
        assertTrue(r.reason().startsWith("the response for 20 sources is "), r.reason());
        assertTrue(r.reason().endsWith("bytes, over CloudFormation's 4096-byte limit; split the sources across"
                + " several custom resources"), r.reason());
        assertTrue(aws.source("customSource0").isEmpty());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

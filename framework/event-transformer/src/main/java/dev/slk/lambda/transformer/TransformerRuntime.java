package dev.slk.lambda.transformer;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.slk.ocsf.mapping.MappingCatalog;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the transformer once per execution environment: settings, mappings, clients. */
public final class TransformerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(TransformerRuntime.class);

    private TransformerRuntime() {
    }

    /**
     * Builds the transformer as the Lambda runtime runs it, with clients for the function's region and
     * the credentials Lambda puts in the environment.
     *
     * @param env the environment
     * @return the transformer
     */
    public static BatchTransformer fromEnvironment(Map<String, String> env) {
        Region region = Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
        var s3Builder = S3Client.builder().region(region).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        String endpoint = env.getOrDefault("SLK_S3_ENDPOINT_URL", "").strip();
        if (!endpoint.isEmpty()) {
            // Local S3 servers (S3Mock, LocalStack) on an address without bucket subdomains.
            s3Builder.endpointOverride(java.net.URI.create(endpoint)).forcePathStyle(true);
        }
        S3Client s3 = s3Builder.build();
        SqsClient sqs = env.getOrDefault("ASFF_QUEUE_URL", "").isBlank() ? null
                : SqsClient.builder().region(region).httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
        return create(TransformerSettings.fromEnvironment(env), s3, sqs);
    }

    /**
     * Builds the transformer with given clients (tests, the local run, the benchmark).
     *
     * @param settings the settings
     * @param s3 the S3 client
     * @param sqs the SQS client for the ASFF queue, or null when {@code settings} has none
     * @return the transformer
     */
    public static BatchTransformer create(TransformerSettings settings, S3Client s3, SqsClient sqs) {
        MappingCatalog catalog = MappingCatalog.loadDirectory(settings.mappingsDir(), BuiltInMappings.load());
        catalog.broken().forEach((module, problems) -> problems.forEach(p -> LOG.error("module mappings did not load",
                entry("mappings_module", module), entry("problem", p.toString()))));
        int count = catalog.modules().values().stream().mapToInt(java.util.List::size).sum();
        LOG.info("mappings loaded", entry("mappings", count), entry("modules", catalog.modules().keySet()),
                entry("mappings_dir", settings.mappingsDir().toString()));
        AsffForwarder asff = settings.asffQueueUrl().isPresent() && sqs != null
                ? new AsffForwarder(sqs, settings.asffQueueUrl().get()) : null;
        return new BatchTransformer(settings, new Normalizer(catalog), new LakeWriter(s3), asff);
    }
}

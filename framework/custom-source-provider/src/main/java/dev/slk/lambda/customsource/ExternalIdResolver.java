package dev.slk.lambda.customsource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reads the external id from the store its reference names. Messages describe the store and the
 * shape of a bad value (length, character class), never the value.
 */
final class ExternalIdResolver {

    /** The limits IAM puts on sts:ExternalId, which Security Lake writes into the provider role's trust policy. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<SecretsManagerClient> secretsManager;
    private final Supplier<SsmClient> ssm;
    private final Redactor redactor;

    ExternalIdResolver(Supplier<SecretsManagerClient> secretsManager, Supplier<SsmClient> ssm, Redactor redactor) {
        this.secretsManager = secretsManager;
        this.ssm = ssm;
        this.redactor = redactor;
    }

    ExternalId resolve(ExternalIdRef ref) {
        String raw;
        if (ref instanceof ExternalIdRef.Secret secret) {
            raw = fromSecret(secret);
        } else if (ref instanceof ExternalIdRef.Parameter parameter) {
            raw = fromParameter(parameter);
        } else {
            throw new IllegalStateException("unknown reference type " + ref.getClass());
        }
        ExternalId id = new ExternalId(raw.strip());
        redactor.register(id);
        if (!EXTERNAL_ID.matcher(id.reveal()).matches()) {
            throw new ProviderException("the external id in " + ref.text() + " (" + id.reveal().length()
                    + " characters) is not what IAM accepts: 2-1224 of letters, digits and _ + = , . @ : / -");
        }
        return id;
    }

    private String fromSecret(ExternalIdRef.Secret ref) {
        GetSecretValueResponse response;
        try {
            response = secretsManager.get().getSecretValue(b -> b.secretId(ref.secretId()));
        } catch (AwsServiceException e) {
            throw failure(ref, e, "secretsmanager:GetSecretValue");
        }
        String value = response.secretString();
        if (value == null) {
            throw new ProviderException(ref.text() + " has no SecretString (binary secrets are not supported)");
        }
        if (value.strip().startsWith("{")) {
            return fieldOf(ref, value);
        }
        return value;
    }

    /** Secrets created in the console are JSON key/value pairs: take the "externalId" key. */
    private String fieldOf(ExternalIdRef.Secret ref, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProviderException(ref.text() + " starts with '{' but is not valid JSON");
        }
        JsonNode field = node.get("externalId");
        if (field == null || !field.isTextual()) {
            throw new ProviderException(ref.text() + " holds JSON without an \"externalId\" string field");
        }
        return field.asText();
    }

    private String fromParameter(ExternalIdRef.Parameter ref) {
        Parameter parameter;
        try {
            parameter = ssm.get().getParameter(b -> b.name(ref.name()).withDecryption(true)).parameter();
        } catch (AwsServiceException e) {
            throw failure(ref, e, "ssm:GetParameter (and kms:Decrypt on its key)");
        }
        if (parameter.type() != ParameterType.SECURE_STRING) {
            throw new ProviderException(ref.text() + " is a " + parameter.typeAsString()
                    + " parameter; store the external id as a SecureString");
        }
        return parameter.value();
    }

    private ProviderException failure(ExternalIdRef ref, AwsServiceException e, String permission) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        if (code.equals("ResourceNotFoundException") || code.equals("ParameterNotFound")) {
            return new ProviderException(ref.text() + " does not exist in this account and Region");
        }
        if (code.equals("AccessDeniedException") || code.equals("AccessDenied")) {
            return new ProviderException("not allowed to read " + ref.text() + "; grant the function " + permission);
        }
        return new ProviderException("reading " + ref.text() + " failed: " + AwsErrors.describe(e, redactor));
    }
}

package dev.slk.lambda.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Builds the SDK's {@link AwsSecurityFinding} from ASFF JSON by walking the model's own field
 * metadata (location names, marshalling types), as the SDK's unmarshallers do: no reflection, and
 * the request the SDK sends carries the same attributes the JSON had.
 */
final class AsffModel {
    private AsffModel() {
    }

    /** An ASFF attribute the model does not know, or a value of the wrong type, named by its path. */
    static final class InvalidFindingException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidFindingException(String message) {
            super(message);
        }
    }

    /**
     * @param json an ASFF finding
     * @return the SDK model of it
     * @throws InvalidFindingException when an attribute is unknown to ASFF or has the wrong type
     */
    static AwsSecurityFinding finding(JsonNode json) throws InvalidFindingException {
        return (AwsSecurityFinding) pojo((SdkPojo) AwsSecurityFinding.builder(), json, "");
    }

    private static Object pojo(SdkPojo builder, JsonNode json, String path) throws InvalidFindingException {
        if (!json.isObject()) {
            throw new InvalidFindingException(where(path) + "must be an object");
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        builder.sdkFields().forEach(f -> fields.put(f.locationName(), f));
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            SdkField<?> field = fields.get(e.getKey());
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (field == null) {
                throw new InvalidFindingException(at + " is not an ASFF attribute");
            }
            if (!e.getValue().isNull()) {
                field.set(builder, value(field, e.getValue(), at));
            }
        }
        return ((Buildable) builder).build();
    }

    private static Object value(SdkField<?> field, JsonNode json, String path) throws InvalidFindingException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            if (!json.isValueNode()) {
                throw new InvalidFindingException(path + " must be text");
            }
            return json.asText();
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.DOUBLE
                || type == MarshallingType.FLOAT || type == MarshallingType.BIG_DECIMAL) {
            if (!json.isNumber()) {
                throw new InvalidFindingException(path + " must be a number");
            }
            if (type == MarshallingType.INTEGER) {
                return json.intValue();
            }
            if (type == MarshallingType.LONG) {
                return json.longValue();
            }
            if (type == MarshallingType.FLOAT) {
                return json.floatValue();
            }
            return type == MarshallingType.DOUBLE ? (Object) json.doubleValue() : (Object) new BigDecimal(json.asText());
        }
        if (type == MarshallingType.BOOLEAN) {
            if (!json.isBoolean()) {
                throw new InvalidFindingException(path + " must be true or false");
            }
            return json.booleanValue();
        }
        if (type == MarshallingType.INSTANT) {
            return json.isNumber() ? Instant.ofEpochMilli(json.longValue()) : Instant.parse(json.asText());
        }
        if (type == MarshallingType.SDK_POJO) {
            return pojo(field.constructor().get(), json, path);
        }
        if (type == MarshallingType.LIST) {
            if (!json.isArray()) {
                throw new InvalidFindingException(path + " must be an array");
            }
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                out.add(value(member, json.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            if (!json.isObject()) {
                throw new InvalidFindingException(path + " must be an object");
            }
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                out.put(e.getKey(), value(member, e.getValue(), path + "." + e.getKey()));
            }
            return out;
        }
        throw new InvalidFindingException(path + " has a type slk does not send (" + type + ")");
    }

    private static String where(String path) {
        return path.isEmpty() ? "the finding " : path + " ";
    }
}

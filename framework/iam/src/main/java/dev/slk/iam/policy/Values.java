package dev.slk.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slk.assembly.Owner;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsics of policy strings against their template: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} and {@code Fn::Join} become the resources they name, with their owners.
 */
public final class Values {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern TOKEN = Pattern.compile("<[^<>]*>");
    private static final String REGION = "region-1";
    private static final String ACCOUNT = "111122223333";

    /** How a resource type's {@code Ref} and ARN look at deploy time, for the comparison with ARN formats. */
    private record Form(String arn, boolean refIsArn) {
    }

    private static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("AWS::SQS::Queue", new Form("arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":%s", false)),
            Map.entry("AWS::SNS::Topic", new Form("arn:aws:sns:" + REGION + ":" + ACCOUNT + ":%s", true)),
            Map.entry("AWS::KMS::Key", new Form("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/%s", false)),
            Map.entry("AWS::KMS::Alias", new Form("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":alias/%s", false)),
            Map.entry("AWS::S3::Bucket", new Form("arn:aws:s3:::%s", false)),
            Map.entry("AWS::SecretsManager::Secret",
                    new Form("arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:%s-AbCdEf", true)),
            Map.entry("AWS::Lambda::Function", new Form("arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:%s", false)),
            Map.entry("AWS::DynamoDB::Table", new Form("arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/%s", false)),
            Map.entry("AWS::DynamoDB::GlobalTable",
                    new Form("arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/%s", false)),
            Map.entry("AWS::Logs::LogGroup", new Form("arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:%s:*", false)),
            Map.entry("AWS::IAM::Role", new Form("arn:aws:iam::" + ACCOUNT + ":role/%s", false)),
            Map.entry("AWS::IAM::ManagedPolicy", new Form("arn:aws:iam::" + ACCOUNT + ":policy/%s", true)),
            Map.entry("AWS::Kinesis::Stream", new Form("arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/%s", false)),
            Map.entry("AWS::StepFunctions::StateMachine",
                    new Form("arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:%s", true)),
            Map.entry("AWS::SSM::Parameter", new Form("arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter/%s", false)),
            Map.entry("AWS::Events::Rule", new Form("arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/%s", false)),
            Map.entry("AWS::Events::EventBus", new Form("arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/%s", false)),
            Map.entry("AWS::Scheduler::Schedule",
                    new Form("arn:aws:scheduler:" + REGION + ":" + ACCOUNT + ":schedule/default/%s", false)));

    private Values() {
    }

    /**
     * @param value a string or an intrinsic of the template
     * @param template the template it belongs to
     * @return the resolved value
     */
    public static PolicyValue resolve(JsonNode value, StackTemplate template) {
        Builder b = new Builder(template);
        b.append(value);
        return b.build();
    }

    /** @return a list's values, or the one value; an absent key gives an empty list */
    public static List<PolicyValue> resolveAll(JsonNode value, StackTemplate template) {
        List<PolicyValue> out = new ArrayList<>();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> out.add(resolve(v, template)));
        } else {
            out.add(resolve(value, template));
        }
        return out;
    }

    /**
     * @param value a resolved value
     * @param region the region the policy is checked for
     * @return the value as IAM would see it once deployed in {@code region}: its sample form with that region, for
     *     services that need a concrete document (IAM Access Analyzer); an unresolved part stays {@code *}
     */
    public static String deployed(PolicyValue value, String region) {
        return value.sample().replace(":" + REGION + ":", ":" + region + ":");
    }

    /** @return the text without its {@code <...>} tokens: the parts a policy author wrote as literals */
    static String literalParts(String text) {
        return TOKEN.matcher(text).replaceAll("");
    }

    /** @return {@code module okta-logs}, {@code core}, {@code CDK framework}, {@code unattributed} */
    public static String ownerLabel(Owner owner) {
        if (owner instanceof Owner.Module m) {
            return "module " + m.id();
        }
        if (owner instanceof Owner.Core) {
            return "core";
        }
        return owner instanceof Owner.CdkFramework ? "CDK framework" : "unattributed";
    }

    /** Accumulates the text and sample of one value. */
    private static final class Builder {
        private final StackTemplate template;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder sample = new StringBuilder();
        private final List<Target> targets = new ArrayList<>();
        private boolean resolved = true;

        Builder(StackTemplate template) {
            this.template = template;
        }

        PolicyValue build() {
            return new PolicyValue(text.toString(), sample.toString(), targets, resolved);
        }

        void append(JsonNode value) {
            if (value == null || value.isMissingNode() || value.isNull()) {
                unknown("null");
            } else if (value.isValueNode()) {
                text.append(value.asText());
                sample.append(value.asText());
            } else if (value.isObject() && value.size() == 1) {
                Map.Entry<String, JsonNode> only = value.properties().iterator().next();
                switch (only.getKey()) {
                    case "Ref" -> ref(only.getValue().asText());
                    case "Fn::GetAtt" -> getAtt(only.getValue());
                    case "Fn::Join" -> join(only.getValue());
                    case "Fn::Sub" -> sub(only.getValue());
                    default -> unknown(only.getKey());
                }
            } else {
                unknown(value.isArray() ? "list" : "object");
            }
        }

        private void unknown(String what) {
            resolved = false;
            text.append('<').append(what).append('>');
            sample.append('*');
        }

        private void ref(String name) {
            if (name.startsWith("AWS::")) {
                text.append('<').append(name).append('>');
                sample.append(pseudo(name));
                return;
            }
            Resource r = template.resources().get(name);
            text.append('<').append(name).append('>');
            if (r == null) {
                // A parameter: its value is chosen at deploy time.
                resolved = false;
                sample.append('*');
                return;
            }
            targets.add(new Target(r, ""));
            Form form = FORMS.get(r.type());
            sample.append(form != null && form.refIsArn() ? form.arn().formatted(name) : name);
        }

        private void getAtt(JsonNode argument) {
            String id;
            String attribute;
            if (argument.isArray()) {
                id = argument.path(0).asText();
                attribute = argument.path(1).asText();
            } else {
                String[] parts = argument.asText().split("\\.", 2);
                id = parts[0];
                attribute = parts.length > 1 ? parts[1] : "";
            }
            text.append('<').append(id).append('.').append(attribute).append('>');
            Resource r = template.resources().get(id);
            if (r == null) {
                resolved = false;
                sample.append('*');
                return;
            }
            targets.add(new Target(r, attribute));
            Form form = FORMS.get(r.type());
            if (form != null && attribute.endsWith("Arn")) {
                sample.append(attribute.equals("StreamArn") ? form.arn().formatted(id) + "/stream/x" : form.arn().formatted(id));
            } else if (form == null && attribute.endsWith("Arn")) {
                // An ARN of a type slk has no form for: it can be anything of its service.
                resolved = false;
                sample.append('*');
            } else {
                sample.append(id);
            }
        }

        private void join(JsonNode argument) {
            String separator = argument.path(0).asText("");
            JsonNode parts = argument.path(1);
            if (!parts.isArray()) {
                unknown("Fn::Join");
                return;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    text.append(separator);
                    sample.append(separator);
                }
                append(parts.get(i));
            }
        }

        private void sub(JsonNode argument) {
            JsonNode format = argument.isArray() ? argument.path(0) : argument;
            JsonNode variables = argument.isArray() ? argument.path(1) : null;
            if (!format.isTextual()) {
                unknown("Fn::Sub");
                return;
            }
            Matcher m = SUB_VARIABLE.matcher(format.asText());
            int last = 0;
            while (m.find()) {
                String literal = format.asText().substring(last, m.start());
                text.append(literal);
                sample.append(literal);
                String name = m.group(1).strip();
                if (name.startsWith("!")) {
                    text.append("${").append(name.substring(1)).append('}');
                    sample.append("${").append(name.substring(1)).append('}');
                } else if (variables != null && variables.has(name)) {
                    append(variables.get(name));
                } else if (name.contains(".")) {
                    getAtt(TextNode.valueOf(name));
                } else {
                    ref(name);
                }
                last = m.end();
            }
            String rest = format.asText().substring(last);
            text.append(rest);
            sample.append(rest);
        }

        private static String pseudo(String name) {
            return switch (name) {
                case "AWS::Partition" -> "aws";
                case "AWS::Region" -> REGION;
                case "AWS::AccountId" -> ACCOUNT;
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> "x";
            };
        }
    }
}

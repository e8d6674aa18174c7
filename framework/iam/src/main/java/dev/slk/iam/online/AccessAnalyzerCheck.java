package dev.slk.iam.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.assembly.Owner;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Rule;
import dev.slk.core.report.Notice;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.iam.IamAnalysis;
import dev.slk.iam.IamRequest;
import dev.slk.iam.envelope.Access;
import dev.slk.iam.envelope.Envelopes;
import dev.slk.iam.policy.Policy;
import dev.slk.iam.policy.PolicyKind;
import dev.slk.iam.policy.PolicyValue;
import dev.slk.iam.policy.Statement;
import dev.slk.iam.policy.Values;
import dev.slk.iam.rules.Context;
import dev.slk.iam.rules.IamRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClientBuilder;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyRequest;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResourceType;

/**
 * {@code slk iam-analyzer --online}: each policy of the analysis sent to IAM Access Analyzer {@code ValidatePolicy}
 * and, with a baseline, each module's identity policies to {@code CheckNoNewAccess} against the baseline; the
 * answers become findings of the same report, attributed like the offline ones.
 */
public final class AccessAnalyzerCheck implements AutoCloseable {
    private final AccessAnalyzerClient client;
    private final String region;

    private AccessAnalyzerCheck(AccessAnalyzerClient client, String region) {
        this.client = client;
        this.region = region;
    }

    /**
     * @param session credentials, region and endpoint
     * @return a check talking to Access Analyzer in the session's region
     */
    public static AccessAnalyzerCheck connect(AwsSession session) {
        AccessAnalyzerClientBuilder builder = AccessAnalyzerClient.builder().region(session.region())
                .credentialsProvider(session.credentials()).httpClient(UrlConnectionHttpClient.create());
        if (session.endpoint() != null) {
            builder.endpointOverride(session.endpoint());
        }
        return new AccessAnalyzerCheck(builder.build(), session.region().id());
    }

    /**
     * @param request what was analysed (the module filter, the baseline, how files are shown)
     * @param analysis the offline analysis
     * @return the analysis with Access Analyzer's findings merged in
     * @throws UnreadableInputException in one line when Access Analyzer cannot be reached or refuses the calls
     */
    public IamAnalysis check(IamRequest request, IamAnalysis analysis) throws UnreadableInputException {
        long start = System.nanoTime();
        Context ctx = new Context(request.catalogue(), analysis.policies(), request.displayFile());
        List<Notice> notices = new ArrayList<>();
        int skipped = 0;
        try {
            for (Policy p : analysis.policies()) {
                if (!selected(p, request.module())) {
                    continue;
                }
                if (!p.managedPolicy().isEmpty() || p.holder().type().equals("AWS::Lambda::Permission")) {
                    skipped++;
                    continue;
                }
                validate(p, ctx);
            }
            if (request.baseline() != null) {
                checkNoNewAccess(request, analysis, ctx);
            }
        } catch (SdkException e) {
            throw new UnreadableInputException(AwsSession.OPTION, "IAM Access Analyzer in " + region
                    + " did not answer: " + oneLine(e.getMessage()));
        }
        if (skipped > 0) {
            notices.add(new Notice("", "--online: " + skipped + " AWS managed policies and Lambda permissions were "
                    + "not sent to IAM Access Analyzer (AWS writes the former; slk builds the latter's statement)"));
        }
        return analysis.with(ctx.findings(), notices, Duration.ofNanos(System.nanoTime() - start));
    }

    private static boolean selected(Policy p, String module) {
        return module == null || p.owner().moduleId().filter(module::equals).isPresent();
    }

    private void validate(Policy p, Context ctx) {
        ValidatePolicyRequest.Builder request = ValidatePolicyRequest.builder()
                .policyDocument(Documents.render(p.document(), p.stack(), region))
                .policyType(p.kind() == PolicyKind.IDENTITY ? PolicyType.IDENTITY_POLICY : PolicyType.RESOURCE_POLICY);
        ValidatePolicyResourceType type = switch (p.kind()) {
            case TRUST -> ValidatePolicyResourceType.AWS_IAM_ASSUME_ROLE_POLICY_DOCUMENT;
            case RESOURCE -> switch (p.resourceType()) {
                case "AWS::S3::Bucket" -> ValidatePolicyResourceType.AWS_S3_BUCKET;
                case "AWS::DynamoDB::Table" -> ValidatePolicyResourceType.AWS_DYNAMO_DB_TABLE;
                default -> null;
            };
            case IDENTITY -> null;
        };
        if (type != null) {
            request.validatePolicyResourceType(type);
        }
        for (ValidatePolicyFinding f : client.validatePolicyPaginator(request.build()).findings()) {
            Rule rule = switch (f.findingTypeAsString()) {
                case "ERROR" -> IamRules.ONLINE_ERROR;
                case "SECURITY_WARNING" -> IamRules.ONLINE_SECURITY_WARNING;
                case "SUGGESTION" -> IamRules.ONLINE_SUGGESTION;
                default -> IamRules.ONLINE_WARNING;
            };
            String pointer = p.pointer() + (f.hasLocations() && !f.locations().isEmpty()
                    ? Documents.pointer(path(f.locations().get(0).path())) : "");
            String link = f.learnMoreLink() == null ? "" : " (" + f.learnMoreLink() + ")";
            ctx.report(rule, p, pointer, "IAM Access Analyzer " + f.issueCode() + " in the " + p.describe() + ": "
                    + oneLine(f.findingDetails()) + link, f.issueCode());
        }
    }

    private static List<String> path(List<PathElement> path) {
        List<String> out = new ArrayList<>();
        for (PathElement e : path) {
            if (e.index() != null) {
                out.add(String.valueOf(e.index()));
            } else if (e.value() != null) {
                out.add(e.value());
            } else if (e.key() != null) {
                out.add(e.key());
            } else {
                break; // a substring of the last value: the pointer ends at the value
            }
        }
        return out;
    }

    /**
     * Each module's identity policies against a reference policy made of its baseline: an Allow per resource (and
     * condition) with the baseline's actions. The baseline records whether a grant was conditional, not the
     * condition: a conditional grant is referenced with the condition it has today, so a changed condition is not
     * new access, while a grant that lost its condition is.
     */
    private void checkNoNewAccess(IamRequest request, IamAnalysis analysis, Context ctx) {
        Map<String, List<Envelopes.Grant>> grants = Envelopes.of(analysis.policies(), request.catalogue());
        grants.forEach((module, list) -> {
            if (request.module() != null && !request.module().equals(module)) {
                return;
            }
            List<Access> accepted = request.baseline().of(module).orElse(List.of());
            if (accepted.isEmpty()) {
                return; // all of it is new, which the offline iam-new-access already names
            }
            ObjectNode document = reference(accepted, list);
            if (document.path("Statement").isEmpty()) {
                return; // nothing of the baseline is granted today: whatever is, iam-new-access names it
            }
            String reference = Documents.write(document);
            for (Policy p : analysis.policies()) {
                if (p.kind() != PolicyKind.IDENTITY || !(p.owner() instanceof Owner.Module m) || !m.id().equals(module)) {
                    continue;
                }
                CheckNoNewAccessResponse answer = client.checkNoNewAccess(b -> b
                        .newPolicyDocument(Documents.render(p.document(), p.stack(), region))
                        .existingPolicyDocument(reference).policyType(AccessCheckPolicyType.IDENTITY_POLICY));
                if (answer.result() != CheckNoNewAccessResult.FAIL) {
                    continue;
                }
                List<String> reasons = answer.reasons().stream().map(AccessAnalyzerCheck::reason).toList();
                String pointer = answer.reasons().stream().map(ReasonSummary::statementIndex)
                        .filter(i -> i != null && i < p.statements().size()).findFirst()
                        .map(i -> p.statements().get(i).pointer()).orElse(p.pointer());
                ctx.report(IamRules.ONLINE_NEW_ACCESS, p, pointer, "IAM Access Analyzer CheckNoNewAccess: the "
                        + p.describe() + " of module " + module + " allows more than its baseline "
                        + request.baselineFile() + ": " + oneLine(answer.message())
                        + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"), String.join("\n", reasons));
            }
        });
    }

    private static String reason(ReasonSummary r) {
        String where = r.statementId() != null ? "statement " + r.statementId()
                : r.statementIndex() != null ? "statement #" + r.statementIndex() : "";
        return (where.isEmpty() ? "" : where + ": ") + oneLine(r.description());
    }

    /** The baseline as one identity policy, its resources in the form they have today. */
    private ObjectNode reference(List<Access> accepted, List<Envelopes.Grant> current) {
        Map<String, String> deployed = new HashMap<>();
        Map<String, JsonNode> conditionOf = new HashMap<>();
        for (Envelopes.Grant g : current) {
            for (PolicyValue r : g.statement().resources()) {
                deployed.putIfAbsent(r.text(), Values.deployed(r, region));
            }
            if (g.access().conditional()) {
                conditionOf.putIfAbsent(g.access().key(),
                        Documents.concrete(g.statement().condition(), g.policy().stack(), region));
            }
        }
        Map<String, TreeSet<String>> actions = new LinkedHashMap<>();
        Map<String, JsonNode> conditions = new LinkedHashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        for (Access a : accepted) {
            String resource = deployed.get(a.resource());
            boolean plain = !a.action().startsWith("NotAction ") && !a.resource().startsWith("NotResource ");
            JsonNode condition = a.conditional() ? conditionOf.get(a.key()) : null;
            // A grant no statement makes today, or a Not* grant, cannot make today's policies pass: leave it out.
            if (resource == null || !plain || (a.conditional() && condition == null)) {
                continue;
            }
            String group = resource + "\n" + (condition == null ? "" : Documents.write(condition));
            actions.computeIfAbsent(group, k -> new TreeSet<>()).add(a.action());
            resources.put(group, resource);
            if (condition != null) {
                conditions.put(group, condition);
            }
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        actions.forEach((group, list) -> {
            ObjectNode s = statements.addObject();
            s.put("Effect", "Allow");
            ArrayNode a = s.putArray("Action");
            list.forEach(a::add);
            s.put("Resource", resources.get(group));
            if (conditions.containsKey(group)) {
                s.set("Condition", conditions.get(group));
            }
        });
        return document;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        client.close();
    }
}

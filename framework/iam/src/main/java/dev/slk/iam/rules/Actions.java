package dev.slk.iam.rules;

import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ActionInfo;
import dev.slk.iam.policy.PolicyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A statement's action entries expanded through the catalogue. */
record Actions(Map<String, List<ActionInfo>> byEntry, List<String> unknownServices, List<String> unknownActions,
        List<ActionInfo> all) {
    static Actions of(List<PolicyValue> entries, ActionCatalogue catalogue) {
        Map<String, List<ActionInfo>> byEntry = new LinkedHashMap<>();
        List<String> services = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (PolicyValue v : entries) {
            String text = v.text();
            if (!v.resolved()) {
                continue;
            }
            if (text.equals("*")) {
                byEntry.put(text, List.of());
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0 || catalogue.service(text.substring(0, colon)).isEmpty()) {
                services.add(text);
                continue;
            }
            List<ActionInfo> expanded = catalogue.expand(text);
            if (expanded.isEmpty()) {
                unknown.add(text);
            } else {
                byEntry.put(text, expanded);
            }
        }
        // Keyed by name: comparing the records themselves would compare their lists, for every pair.
        Map<String, ActionInfo> all = new LinkedHashMap<>();
        byEntry.values().forEach(list -> list.forEach(a -> all.putIfAbsent(a.fullName(), a)));
        return new Actions(byEntry, services, unknown, List.copyOf(all.values()));
    }

    /** @return whether an entry is the bare {@code *} */
    boolean hasStar() {
        return byEntry.containsKey("*");
    }

    /** @return the lower-case full names of every action named; with {@code *}, only what other entries name */
    List<String> lowerNames() {
        return all().stream().map(a -> a.fullName().toLowerCase(Locale.ROOT)).toList();
    }
}

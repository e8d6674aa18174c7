package dev.slk.core.waivers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ledger as {@code slk waivers} lists it: every entry with its state on the ledger's day and
 * how many findings of the checks that ran it matched.
 *
 * @param ledger the ledger
 * @param matches for each waiver, the findings it matched (from {@link WaiverLedger#judge})
 */
public record WaiverListing(WaiverLedger ledger, Map<Waiver, Integer> matches) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One line of the listing.
     *
     * @param waiver the entry
     * @param state where it stands
     * @param matched how many findings it matched
     * @param daysLeft days until its expiry day (0 on it, negative once past)
     */
    public record Entry(Waiver waiver, WaiverState state, int matched, long daysLeft) {
    }

    /** @return the entries, in ledger order */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Waiver w : ledger.waivers()) {
            int matched = matches.getOrDefault(w, 0);
            entries.add(new Entry(w, ledger.state(w, matched > 0), matched,
                    ChronoUnit.DAYS.between(ledger.today(), w.expires())));
        }
        return entries;
    }

    /** @return one line per entry, then a count per state */
    public String text() {
        StringBuilder out = new StringBuilder();
        int[] counts = new int[WaiverState.values().length];
        for (Entry e : entries()) {
            counts[e.state().ordinal()]++;
            Waiver w = e.waiver();
            out.append(String.format(Locale.ROOT, "%s: %-8s %s, owner %s, expires %s (%s), %d finding%s: %s%n",
                    w.location(), e.state().label(), w.describe(), w.owner(), w.expires(), when(e.daysLeft()),
                    e.matched(), e.matched() == 1 ? "" : "s", w.reason()));
        }
        List<String> parts = new ArrayList<>();
        for (WaiverState s : WaiverState.values()) {
            parts.add(counts[s.ordinal()] + " " + s.label());
        }
        return out.append(ledger.file()).append(": ").append(ledger.waivers().size())
                .append(ledger.waivers().size() == 1 ? " waiver (" : " waivers (").append(String.join(", ", parts))
                .append(") on ").append(ledger.today()).append('\n').toString();
    }

    /** @return the listing as JSON: the file, the day, and the entries with their state */
    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", ledger.file());
        root.put("today", ledger.today().toString());
        root.put("expiringDays", WaiverLedger.EXPIRING_DAYS);
        ArrayNode list = root.putArray("waivers");
        for (Entry e : entries()) {
            Waiver w = e.waiver();
            ObjectNode n = list.addObject();
            n.put("location", w.location().toString());
            n.put("line", w.location().line());
            n.put("rule", w.rule());
            if (w.selector() instanceof Waiver.Fingerprint f) {
                n.put("fingerprint", f.value());
            } else if (w.selector() instanceof Waiver.Patterns p) {
                putIfSet(n, "path", p.path());
                putIfSet(n, "resource", p.resource());
                putIfSet(n, "module", p.module());
            }
            n.put("owner", w.owner());
            n.put("reason", w.reason());
            n.put("expires", w.expires().toString());
            n.put("daysLeft", e.daysLeft());
            n.put("state", e.state().label());
            n.put("matched", e.matched());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a listing is plain JSON", e);
        }
    }

    private static void putIfSet(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    private static String when(long days) {
        if (days < 0) {
            return -days + (days == -1 ? " day ago" : " days ago");
        }
        return days == 0 ? "today" : "in " + days + (days == 1 ? " day" : " days");
    }
}

package dev.slk.scan.rules;

import java.util.Arrays;
import java.util.Collection;

/**
 * Where the keywords of a {@link KeywordAutomaton} occur in one text: which keywords occur at all,
 * and the start offset of every occurrence, case-insensitively.
 */
public final class KeywordHits {
    private final KeywordAutomaton automaton;
    /** Which keywords occur, by id. */
    private final boolean[] present;
    /** Pairs (keyword id, start offset), in order of the keywords' end offsets. */
    private int[] pairs = new int[16];
    private int size;
    private boolean ascii;

    KeywordHits(KeywordAutomaton automaton) {
        this.automaton = automaton;
        present = new boolean[automaton.keywordCount()];
    }

    void add(int keyword, int start) {
        present[keyword] = true;
        if (size + 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size++] = keyword;
        pairs[size++] = start;
    }

    void ascii(boolean allAscii) {
        ascii = allAscii;
    }

    /**
     * @return true when these hits come from a search of bytes that were all ASCII, so the text
     *     they encode has one character per byte in any ASCII-compatible charset
     */
    public boolean asciiBytes() {
        return ascii;
    }

    /** Adds the hits of {@code later}, all of which end after those already here. */
    void append(KeywordHits later) {
        if (later.size == 0) {
            return;
        }
        if (size + later.size > pairs.length) {
            pairs = Arrays.copyOf(pairs, Math.max(2 * pairs.length, size + later.size));
        }
        System.arraycopy(later.pairs, 0, pairs, size, later.size);
        size += later.size;
        for (int k = 0; k < present.length; k++) {
            present[k] |= later.present[k];
        }
    }

    /** @return whether no keyword occurs */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * @param keywords keywords, in any case
     * @return whether any of them occurs; false for keywords the automaton does not know
     */
    public boolean containsAny(Collection<String> keywords) {
        for (String keyword : keywords) {
            int id = automaton.id(keyword);
            if (id >= 0 && present[id]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param ids keyword ids from {@link KeywordAutomaton#ids} of the automaton these hits come from
     * @return whether any of them occurs; false for the id -1 (a keyword the automaton does not know)
     */
    public boolean containsAnyOf(int[] ids) {
        for (int id : ids) {
            if (id >= 0 && present[id]) {
                return true;
            }
        }
        return false;
    }

    /** @return the automaton whose search these hits are */
    KeywordAutomaton automaton() {
        return automaton;
    }

    /**
     * @param keywords keywords, in any case
     * @return whether the automaton searched for all of them, so that their hits are complete
     */
    public boolean knows(Collection<String> keywords) {
        for (String keyword : keywords) {
            if (automaton.id(keyword) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param keywords keywords the automaton knows
     * @return the start offsets of all their occurrences, ascending, without duplicates
     * @throws IllegalArgumentException when the automaton does not know one of them
     */
    public int[] starts(Collection<String> keywords) {
        boolean[] wanted = new boolean[present.length];
        boolean any = false;
        for (String keyword : keywords) {
            int id = automaton.id(keyword);
            if (id < 0) {
                throw new IllegalArgumentException("not a keyword of this search: " + keyword);
            }
            wanted[id] = true;
            any |= present[id];
        }
        if (!any) {
            return new int[0];
        }
        int[] starts = new int[size / 2];
        int n = 0;
        for (int i = 0; i < size; i += 2) {
            if (wanted[pairs[i]]) {
                starts[n++] = pairs[i + 1];
            }
        }
        // Found in order of their ends, so starts are out of order only among nearby hits of
        // keywords of different lengths: an insertion sort is linear here.
        for (int i = 1; i < n; i++) {
            int v = starts[i];
            int j = i - 1;
            while (j >= 0 && starts[j] > v) {
                starts[j + 1] = starts[j];
                j--;
            }
            starts[j + 1] = v;
        }
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || starts[i] != starts[distinct - 1]) {
                starts[distinct++] = starts[i];
            }
        }
        return Arrays.copyOf(starts, distinct);
    }

    /**
     * @param offset added to every start offset
     * @return these hits with their offsets moved, e.g. from byte offsets after a byte-order mark
     *     to character offsets
     */
    public KeywordHits shifted(int offset) {
        KeywordHits moved = new KeywordHits(automaton);
        System.arraycopy(present, 0, moved.present, 0, present.length);
        moved.pairs = Arrays.copyOf(pairs, Math.max(size, 2));
        moved.size = size;
        moved.ascii = ascii;
        for (int i = 1; i < size; i += 2) {
            moved.pairs[i] += offset;
        }
        return moved;
    }
}

package dev.slk.scan.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Finds every occurrence of a set of ASCII keywords, ignoring ASCII case, in one pass: an
 * Aho-Corasick automaton compiled into a dense transition table. It runs on raw bytes as well as
 * on text, so a file is searched before it is decoded, and a file holding no keyword is never
 * decoded at all.
 *
 * <p>Hand-written rather than taken from a library: the Java Aho-Corasick libraries match
 * {@code String}s through per-state hash maps of characters and allocate an object per hit, which
 * is several times slower than one table lookup per byte and cannot search undecoded bytes.
 *
 * <p>Keywords are ASCII, so searching the bytes of UTF-8 or ISO-8859-1 text finds exactly what
 * searching its characters would: every byte of a multi-byte UTF-8 sequence is above 0x7F and
 * matches no keyword character. Text in UTF-16 must be searched as characters.
 */
public final class KeywordAutomaton {
    private static final int ALPHABET = 128;
    private static final int LANES = 4;
    /** Below this many bytes per stretch, one stretch is as fast. */
    private static final int LANE_MIN = 1024;

    private final List<String> keywords;
    private final Map<String, Integer> ids;
    private final int[] lengths;
    /** How far before its stretch a lane starts: the longest keyword's length minus one. */
    private final int warmUp;
    /**
     * Symbol class of each byte: 0 for ASCII characters in no keyword, upper case folded to lower,
     * {@link #classes} (the last column) for bytes above 0x7F, which lead to {@link #nonAscii}.
     */
    private final byte[] classOf = new byte[256];
    /** The same, once a byte above 0x7F has been seen: such bytes are then like any non-keyword byte. */
    private final byte[] classOfOnceNonAscii = new byte[256];
    /** Symbol classes of keyword characters, plus 0 for the others. */
    private final int classes;
    /** Width of a row of {@link #next}: the classes plus the column for bytes above 0x7F. */
    private final int stride;
    /** Next state of (state, class), states pre-multiplied by {@link #stride}; state 0 is the root. */
    private final char[] next;
    /**
     * The state after a byte above 0x7F (pre-multiplied): it counts as accepting but ends no
     * keyword, and goes on like the root. So the search notices the first such byte without
     * testing every byte, then stops looking for them.
     */
    private final int nonAscii;
    /** States at or above this (pre-multiplied) value end at least one keyword. */
    private final int firstAccepting;
    /** For each accepting state, in order, the ids of the keywords ending there. */
    private final int[][] endingHere;

    private KeywordAutomaton(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        ids = new HashMap<>();
        lengths = new int[keywords.size()];
        for (int i = 0; i < keywords.size(); i++) {
            ids.put(keywords.get(i), i);
            lengths[i] = keywords.get(i).length();
        }
        warmUp = Arrays.stream(lengths).max().orElse(1) - 1;
        int symbols = 1;
        for (String keyword : keywords) {
            for (int i = 0; i < keyword.length(); i++) {
                char c = keyword.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (byte) symbols++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[Character.toLowerCase(c)];
        }
        classes = symbols;
        stride = classes + 1;
        System.arraycopy(classOf, 0, classOfOnceNonAscii, 0, ALPHABET);
        for (int b = ALPHABET; b < 256; b++) {
            classOf[b] = (byte) classes;
        }

        Trie trie = new Trie(classes);
        for (int k = 0; k < keywords.size(); k++) {
            trie.add(keywords.get(k), k, classOf);
        }
        trie.link();

        // Renumber: states that end no keyword first, so one comparison tells whether a state is
        // accepting; the non-ASCII state last.
        int trieStates = trie.size();
        int states = trieStates + 1;
        int[] order = new int[trieStates];
        int accepting = 1;
        for (int s = 0; s < trieStates; s++) {
            accepting += trie.outputs(s).isEmpty() ? 0 : 1;
        }
        int plain = 0;
        int acc = states - accepting;
        // Breadth-first, so the shallow states, which ordinary text visits all the time, have
        // neighbouring rows: with a hundred keywords the table outgrows the L1 cache, but these
        // rows stay in it (in the order keywords were added, they were spread over the table, and
        // the search ran half as slow again).
        for (int s : trie.breadthFirst()) {
            order[s] = trie.outputs(s).isEmpty() ? plain++ : acc++;
        }
        int mark = states - 1;
        if ((long) states * stride > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many keywords for one automaton: " + states + " states");
        }
        next = new char[states * stride];
        endingHere = new int[accepting][];
        for (int s = 0; s < trieStates; s++) {
            int from = order[s] * stride;
            for (int c = 0; c < classes; c++) {
                next[from + c] = (char) (order[trie.go(s, c)] * stride);
            }
            next[from + classes] = (char) (mark * stride);
            if (order[s] >= states - accepting) {
                endingHere[order[s] - (states - accepting)] = trie.outputs(s).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        System.arraycopy(next, 0, next, mark * stride, stride); // the root's row: the root is state 0
        endingHere[accepting - 1] = new int[0];
        nonAscii = mark * stride;
        firstAccepting = (states - accepting) * stride;
    }

    /**
     * @param keywords the keywords: ASCII, not empty; case does not matter, duplicates count once
     * @return an automaton finding all of them
     * @throws IllegalArgumentException when a keyword is empty or not ASCII
     */
    public static KeywordAutomaton of(List<String> keywords) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String keyword : keywords) {
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("empty keyword");
            }
            for (int i = 0; i < keyword.length(); i++) {
                if (keyword.charAt(i) >= ALPHABET) {
                    throw new IllegalArgumentException("keyword is not ASCII: " + keyword);
                }
            }
            distinct.add(lowerAscii(keyword));
        }
        return new KeywordAutomaton(new ArrayList<>(distinct));
    }

    /** @return the keywords, lower-cased, in the order first given */
    public List<String> keywords() {
        return keywords;
    }

    /**
     * @param keyword a keyword
     * @return its id in the hits of this automaton, or -1 when it is not one of its keywords
     */
    int id(String keyword) {
        Integer id = ids.get(keyword);
        if (id == null) {
            id = ids.get(lowerAscii(keyword));
        }
        return id == null ? -1 : id;
    }

    /**
     * @param keywords keywords, in any case
     * @return their ids, in order, for {@link KeywordHits#containsAnyOf} on this automaton's hits;
     *     -1 for a keyword it does not know. Looked up once, so a scan of many files does not look
     *     the same keywords up for each
     */
    public int[] ids(List<String> keywords) {
        int[] found = new int[keywords.size()];
        for (int i = 0; i < found.length; i++) {
            found[i] = id(keywords.get(i));
        }
        return found;
    }

    /**
     * Searches bytes of ASCII-compatible text (UTF-8, ISO-8859-1 and the like).
     *
     * @param bytes the content
     * @param from first byte to search; hit offsets count from here
     * @param to end of the bytes to search
     * @return the hits, with offsets relative to {@code from}, and whether all the bytes are ASCII
     */
    public KeywordHits find(byte[] bytes, int from, int to) {
        KeywordHits hits = new KeywordHits(this);
        hits.ascii(true);
        if (to - from < LANES * LANE_MIN || warmUp >= LANE_MIN) {
            scan(bytes, from, from, to, from, hits, 0, hits);
            return hits;
        }
        // Four stretches searched in one loop: a table lookup waits on the one before it, so one
        // stretch at a time leaves the processor idle most of each step. Each stretch but the first
        // starts longest-keyword-minus-one bytes early, so that it is in the right state where it
        // starts counting hits, and counts only hits ending in its own stretch.
        int length = (to - from + LANES - 1) / LANES;
        int s1 = from + length;
        int s2 = s1 + length;
        int s3 = s2 + length;
        int w1 = s1 - warmUp;
        int w2 = s2 - warmUp;
        int w3 = s3 - warmUp;
        char[] table = next;
        byte[] cls = classOf;
        int accept = firstAccepting;
        int q0 = 0;
        int q1 = 0;
        int q2 = 0;
        int q3 = 0;
        KeywordHits[] lanes = {new KeywordHits(this), new KeywordHits(this), new KeywordHits(this)};
        int steps = to - s3 + warmUp; // the last stretch is the shortest
        int off = 0;
        while (off < steps) {
            // No call in this loop, so that the compiler keeps all four states in registers.
            for (; off < steps; off++) {
                q0 = table[q0 + cls[bytes[from + off] & 0xff]];
                q1 = table[q1 + cls[bytes[w1 + off] & 0xff]];
                q2 = table[q2 + cls[bytes[w2 + off] & 0xff]];
                q3 = table[q3 + cls[bytes[w3 + off] & 0xff]];
                if ((q0 | q1 | q2 | q3) >= accept) {
                    break;
                }
            }
            if (off < steps) {
                if (q0 == nonAscii || q1 == nonAscii || q2 == nonAscii || q3 == nonAscii) {
                    hits.ascii(false);
                    cls = classOfOnceNonAscii;
                }
                // A stretch counts only its own hits: not those of its warm-up, nor those past its
                // end; each stretch keeps its own, so that the hits stay in order of their ends.
                if (q0 >= accept && from + off < s1) {
                    record(hits, q0, off);
                }
                if (q1 >= accept && w1 + off >= s1 && w1 + off < s2) {
                    record(lanes[0], q1, w1 + off - from);
                }
                if (q2 >= accept && w2 + off >= s2 && w2 + off < s3) {
                    record(lanes[1], q2, w2 + off - from);
                }
                if (q3 >= accept && w3 + off >= s3) {
                    record(lanes[2], q3, w3 + off - from);
                }
                off++;
            }
        }
        scan(bytes, from, from + off, s1, from, hits, q0, hits);
        scan(bytes, from, w1 + off, s2, s1, lanes[0], q1, hits);
        scan(bytes, from, w2 + off, s3, s2, lanes[1], q2, hits);
        for (KeywordHits lane : lanes) {
            hits.append(lane);
        }
        return hits;
    }

    /**
     * One stretch: searches bytes [from, to) from {@code state}, counting hits that end at or
     * after {@code countFrom}, with offsets relative to {@code base}, into {@code hits}; marks
     * {@code result} as not ASCII at the first byte above 0x7F.
     */
    private void scan(byte[] bytes, int base, int from, int to, int countFrom, KeywordHits hits, int state,
            KeywordHits result) {
        char[] table = next;
        byte[] cls = result.asciiBytes() ? classOf : classOfOnceNonAscii;
        int accept = firstAccepting;
        int q = state;
        for (int i = from; i < to; i++) {
            q = table[q + cls[bytes[i] & 0xff]];
            if (q >= accept) {
                if (q == nonAscii) {
                    result.ascii(false);
                    cls = classOfOnceNonAscii;
                } else if (i >= countFrom) {
                    record(hits, q, i - base);
                }
            }
        }
    }

    /**
     * @param text any text
     * @return the hits, with offsets in {@code text}
     */
    public KeywordHits find(CharSequence text) {
        KeywordHits hits = new KeywordHits(this);
        hits.ascii(false);
        char[] table = next;
        byte[] cls = classOf;
        int accept = firstAccepting;
        int state = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            state = table[state + (c < ALPHABET ? cls[c] : 0)];
            if (state >= accept) {
                record(hits, state, i);
            }
        }
        return hits;
    }

    private void record(KeywordHits hits, int state, int end) {
        for (int keyword : endingHere[(state - firstAccepting) / stride]) {
            hits.add(keyword, end + 1 - lengths[keyword]);
        }
    }

    int keywordCount() {
        return keywords.size();
    }

    private static String lowerAscii(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** The keyword trie with failure links, from which the dense table is built. */
    private static final class Trie {
        private final int classes;
        private final List<int[]> children = new ArrayList<>();
        private final List<List<Integer>> outputs = new ArrayList<>();
        private int[] fail;
        /** The states in breadth-first order, root first, once {@link #link} has run. */
        private final List<Integer> breadthFirst = new ArrayList<>();

        Trie(int classes) {
            this.classes = classes;
            newState();
        }

        private int newState() {
            int[] edges = new int[classes];
            Arrays.fill(edges, -1);
            children.add(edges);
            outputs.add(new ArrayList<>());
            return children.size() - 1;
        }

        void add(String keyword, int id, byte[] classOf) {
            int s = 0;
            for (int i = 0; i < keyword.length(); i++) {
                int c = classOf[keyword.charAt(i)];
                if (children.get(s)[c] < 0) {
                    int t = newState();
                    children.get(s)[c] = t;
                }
                s = children.get(s)[c];
            }
            outputs.get(s).add(id);
        }

        /** Breadth-first: completes every state's edges into a full transition function. */
        void link() {
            fail = new int[children.size()];
            breadthFirst.add(0);
            Queue<Integer> queue = new ArrayDeque<>();
            int[] root = children.get(0);
            for (int c = 0; c < classes; c++) {
                if (root[c] < 0) {
                    root[c] = 0;
                } else {
                    fail[root[c]] = 0;
                    queue.add(root[c]);
                }
            }
            // Class 0 (characters in no keyword) always leads back to the root.
            root[0] = 0;
            while (!queue.isEmpty()) {
                int s = queue.remove();
                breadthFirst.add(s);
                outputs.get(s).addAll(outputs.get(fail[s]));
                int[] edges = children.get(s);
                for (int c = 0; c < classes; c++) {
                    int t = edges[c];
                    if (t < 0) {
                        edges[c] = children.get(fail[s])[c];
                    } else {
                        fail[t] = s == 0 ? 0 : children.get(fail[s])[c];
                        queue.add(t);
                    }
                }
            }
        }

        int size() {
            return children.size();
        }

        List<Integer> breadthFirst() {
            return breadthFirst;
        }

        int go(int s, int c) {
            return children.get(s)[c];
        }

        List<Integer> outputs(int s) {
            return outputs.get(s);
        }
    }
}

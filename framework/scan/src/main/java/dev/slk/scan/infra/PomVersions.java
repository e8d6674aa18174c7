package dev.slk.scan.infra;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the versioned coordinates of a pom.xml (parent, dependencies, plugins, extensions) and
 * its properties, with the position of each version, in one pass of the JDK's StAX parser.
 *
 * <p>The parser is hardened: DTD support and external entities are off, and a DOCTYPE is refused
 * as soon as the parser reports it, before the root element, so no entity, internal or external,
 * is ever expanded. A pom never needs one.
 */
final class PomVersions {
    /** A coordinate element and the list element it must sit in. */
    private static final Map<String, String> COORDINATE_PARENTS = Map.of(
            "dependency", "dependencies", "plugin", "plugins", "extension", "extensions");

    private static final Set<String> COORDINATE_FIELDS = Set.of("groupId", "artifactId", "version");

    /** Maven's default plugin groupId, used when a plugin names none. */
    private static final String DEFAULT_PLUGIN_GROUP = "org.apache.maven.plugins";

    private PomVersions() {
    }

    /** The pom declares a DOCTYPE and was not read further. */
    static final class DoctypeException extends Exception {
        private final int line;

        DoctypeException(int line) {
            super("it declares a DOCTYPE, which is refused so that no XML entity is ever expanded");
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /**
     * A versioned element.
     *
     * @param kind dependency, plugin, extension or parent
     * @param groupId its groupId, or "" when absent
     * @param artifactId its artifactId, or "" when absent
     * @param version the version as written, e.g. {@code ${lib.version}}
     * @param line line of the version value
     * @param column column of the version value
     */
    record Coordinate(String kind, String groupId, String artifactId, String version, int line, int column) {
        /** @return groupId:artifactId */
        String name() {
            return groupId + ":" + artifactId;
        }
    }

    /**
     * @param properties the project's own {@code <properties>}
     * @param coordinates the elements that have a version, in document order
     */
    record Pom(Map<String, String> properties, List<Coordinate> coordinates) {
    }

    /** A coordinate element being read. */
    private static final class Builder {
        final String kind;
        /** Size of the element path with the coordinate element on it. */
        final int depth;
        final Map<String, String> fields = new HashMap<>();
        int line;
        int column;

        Builder(String kind, int depth) {
            this.kind = kind;
            this.depth = depth;
        }
    }

    /**
     * @param text the pom
     * @return its properties and versioned coordinates
     * @throws DoctypeException when it declares a DOCTYPE
     * @throws XMLStreamException when it is not well-formed
     */
    static Pom read(String text) throws DoctypeException, XMLStreamException {
        XMLStreamReader reader = factory().createXMLStreamReader(new StringReader(text));
        Map<String, String> properties = new HashMap<>();
        List<Coordinate> coordinates = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Builder> open = new ArrayDeque<>();
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new DoctypeException(reader.getLocation().getLineNumber());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    Builder current = open.peek();
                    if (current != null && path.size() == current.depth && COORDINATE_FIELDS.contains(name)) {
                        Location at = reader.getLocation();
                        current.fields.put(name, reader.getElementText().strip());
                        if (name.equals("version")) {
                            current.line = at.getLineNumber();
                            current.column = at.getColumnNumber();
                        }
                        continue;
                    }
                    if (isProjectProperty(path)) {
                        properties.put(name, reader.getElementText().strip());
                        continue;
                    }
                    if (startsCoordinate(name, path)) {
                        open.push(new Builder(name, path.size() + 1));
                    }
                    path.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    Builder current = open.peek();
                    if (current != null && current.depth == path.size()) {
                        open.pop();
                        emit(current, coordinates);
                    }
                    path.pop();
                }
            }
        } finally {
            reader.close();
        }
        return new Pom(properties, coordinates);
    }

    private static boolean startsCoordinate(String name, Deque<String> path) {
        String parent = path.peek();
        if (name.equals("parent")) {
            return path.size() == 1 && "project".equals(parent);
        }
        return COORDINATE_PARENTS.containsKey(name) && COORDINATE_PARENTS.get(name).equals(parent);
    }

    /** {@code project/properties/*}; profiles' properties depend on activation and are not used. */
    private static boolean isProjectProperty(Deque<String> path) {
        return path.size() == 2 && "properties".equals(path.peek()) && "project".equals(path.peekLast());
    }

    private static void emit(Builder b, List<Coordinate> out) {
        String version = b.fields.get("version");
        if (version == null) {
            // Managed elsewhere (dependencyManagement, the parent): nothing is declared here.
            return;
        }
        String group = b.fields.getOrDefault("groupId", b.kind.equals("plugin") ? DEFAULT_PLUGIN_GROUP : "");
        out.add(new Coordinate(b.kind, group, b.fields.getOrDefault("artifactId", ""), version, b.line, b.column));
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}

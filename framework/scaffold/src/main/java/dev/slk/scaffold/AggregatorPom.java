package dev.slk.scaffold;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The Maven pom that lists the integration modules ({@code modules/pom.xml}): its coordinates,
 * which generated modules use as their parent, and its {@code <modules>} list, which
 * {@code new-module} extends by editing the text (so comments and layout stay as the user wrote
 * them) and then checking the result with an XML parser.
 *
 * @param displayName the pom as the user knows it, e.g. {@code modules/pom.xml}
 * @param text the pom's text
 * @param groupId its groupId (or its parent's)
 * @param artifactId its artifactId
 * @param version its version (or its parent's)
 * @param modules the entries of its top-level {@code <modules>}
 */
record AggregatorPom(String displayName, String text, String groupId, String artifactId, String version,
        List<String> modules) {

    /**
     * @param displayName the pom as the user knows it
     * @param text the pom's text
     * @return the parsed pom
     * @throws ScaffoldException when it is not a well-formed pom with packaging {@code pom}
     */
    static AggregatorPom parse(String displayName, String text) throws ScaffoldException {
        Document document = dom(displayName, text);
        Element project = document.getDocumentElement();
        if (!"project".equals(localName(project))) {
            throw new ScaffoldException(displayName + " is not a Maven pom (its root element is <"
                    + localName(project) + ">)");
        }
        String packaging = childText(project, "packaging");
        if (!"pom".equals(packaging)) {
            throw new ScaffoldException(displayName + " has packaging '" + (packaging == null ? "jar" : packaging)
                    + "'; modules are listed in a pom with <packaging>pom</packaging>");
        }
        Element parent = child(project, "parent");
        String groupId = firstNonNull(childText(project, "groupId"), parent == null ? null : childText(parent, "groupId"));
        String version = firstNonNull(childText(project, "version"), parent == null ? null : childText(parent, "version"));
        String artifactId = childText(project, "artifactId");
        if (groupId == null || artifactId == null || version == null) {
            throw new ScaffoldException(displayName + " lacks a groupId, artifactId or version");
        }
        return new AggregatorPom(displayName, text, groupId, artifactId, version, modules(project));
    }

    /**
     * @param added module paths to list, relative to the pom's directory
     * @return the pom's text with each path not yet listed added to {@code <modules>}
     * @throws ScaffoldException when the pom's layout defeats the edit (checked by parsing the result)
     */
    String withModules(List<String> added) throws ScaffoldException {
        List<String> missing = added.stream().filter(m -> !modules.contains(m)).toList();
        if (missing.isEmpty()) {
            return text;
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        Span span = topLevelModules(text);
        String result;
        if (span == null || span.selfClosing()) {
            int at = span != null ? span.start() : closingProject(text);
            String indent = span != null ? lineIndent(text, span.start()) : "  ";
            StringBuilder block = new StringBuilder("<modules>").append(newline);
            for (String m : missing) {
                block.append(indent).append("  <module>").append(m).append("</module>").append(newline);
            }
            block.append(indent).append("</modules>");
            if (span != null) {
                result = text.substring(0, span.start()) + block + text.substring(span.end());
            } else {
                result = text.substring(0, at) + indent + block + newline + text.substring(at);
            }
        } else {
            int close = span.closeStart();
            int lineStart = text.lastIndexOf('\n', close - 1) + 1;
            boolean ownLine = text.substring(lineStart, close).isBlank();
            String closeIndent = ownLine ? text.substring(lineStart, close) : lineIndent(text, span.start());
            String indent = existingModuleIndent(text, span).orElse(closeIndent + "  ");
            StringBuilder lines = new StringBuilder();
            for (String m : missing) {
                lines.append(indent).append("<module>").append(m).append("</module>").append(newline);
            }
            result = ownLine
                    ? text.substring(0, lineStart) + lines + text.substring(lineStart)
                    : text.substring(0, close) + newline + lines + closeIndent + text.substring(close);
        }
        AggregatorPom check = parse(displayName, result);
        List<String> expected = new ArrayList<>(modules);
        expected.addAll(missing);
        if (!check.modules().equals(expected)) {
            throw new ScaffoldException("could not add " + String.join(", ", missing) + " to the <modules> of "
                    + displayName + " safely; add them by hand");
        }
        return result;
    }

    private static java.util.Optional<String> existingModuleIndent(String text, Span span) {
        String inside = text.substring(span.openEnd(), span.closeStart());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^([ \\t]*)<module>").matcher(blankComments(inside));
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static String lineIndent(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int i = lineStart;
        while (i < at && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    private static int closingProject(String text) throws ScaffoldException {
        String blanked = blankComments(text);
        int at = blanked.lastIndexOf("</project>");
        if (at < 0) {
            at = blanked.lastIndexOf(":project>");
            at = at < 0 ? -1 : blanked.lastIndexOf("</", at);
        }
        if (at < 0) {
            throw new ScaffoldException("cannot find </project> in the pom");
        }
        return text.lastIndexOf('\n', at - 1) + 1;
    }

    /** Where the top-level {@code <modules>} element is in the text. */
    private record Span(int start, int openEnd, int closeStart, int end, boolean selfClosing) {
    }

    /** Finds {@code <modules>} as a direct child of the root element, skipping comments, CDATA and declarations. */
    private static Span topLevelModules(String text) {
        String t = blankComments(text);
        int depth = 0;
        int open = -1;
        int openEnd = -1;
        int i = 0;
        while (i < t.length()) {
            int lt = t.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (t.startsWith("<?", lt) || t.startsWith("<!", lt)) {
                int gt = t.indexOf('>', lt);
                i = gt < 0 ? t.length() : gt + 1;
                continue;
            }
            int gt = tagEnd(t, lt);
            if (gt < 0) {
                break;
            }
            String tag = t.substring(lt, gt + 1);
            boolean closing = tag.startsWith("</");
            boolean selfClosing = tag.endsWith("/>");
            String name = tagName(tag);
            if (closing) {
                depth--;
                if (depth == 1 && "modules".equals(name) && open >= 0) {
                    return new Span(open, openEnd, lt, gt + 1, false);
                }
            } else if (selfClosing) {
                if (depth == 1 && "modules".equals(name)) {
                    return new Span(lt, gt + 1, lt, gt + 1, true);
                }
            } else {
                if (depth == 1 && "modules".equals(name)) {
                    open = lt;
                    openEnd = gt + 1;
                }
                depth++;
            }
            i = gt + 1;
        }
        return null;
    }

    private static int tagEnd(String t, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static String tagName(String tag) {
        int start = tag.startsWith("</") ? 2 : 1;
        int end = start;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '>'
                && tag.charAt(end) != '/') {
            end++;
        }
        String name = tag.substring(start, end);
        return name.substring(name.indexOf(':') + 1);
    }

    /** Replaces comments and CDATA sections with spaces of the same length, so offsets stay valid. */
    private static String blankComments(String text) {
        StringBuilder out = new StringBuilder(text);
        for (String[] pair : new String[][] {{"<!--", "-->"}, {"<![CDATA[", "]]>"}}) {
            int from = 0;
            while (true) {
                int start = out.indexOf(pair[0], from);
                if (start < 0) {
                    break;
                }
                int end = out.indexOf(pair[1], start + pair[0].length());
                end = end < 0 ? out.length() : end + pair[1].length();
                for (int i = start; i < end; i++) {
                    if (out.charAt(i) != '\n' && out.charAt(i) != '\r') {
                        out.setCharAt(i, ' ');
                    }
                }
                from = end;
            }
        }
        return out.toString();
    }

    private static Document dom(String displayName, String text) throws ScaffoldException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException e) {
            String where = e instanceof org.xml.sax.SAXParseException p
                    ? ":" + p.getLineNumber() + ":" + p.getColumnNumber() : "";
            throw new ScaffoldException(displayName + where + ": is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot parse XML", e);
        }
    }

    private static List<String> modules(Element project) {
        List<String> list = new ArrayList<>();
        Element modules = child(project, "modules");
        if (modules != null) {
            for (Node n = modules.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "module".equals(localName(e))) {
                    list.add(e.getTextContent().trim());
                }
            }
        }
        return list;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}

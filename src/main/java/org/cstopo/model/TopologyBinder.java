package org.cstopo.model;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cstopo.CstopoException;
import org.cstopo.io.SourceAttribute;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Binds a {@link SourceDocument} to the JAXB model generated from {@code xsd/topology.xsd}.
 *
 * <p>JAXB is fed SAX events from the source tree rather than from a second parse, so every bound
 * object can be mapped to the exact element it came from (for line numbers and for edits).
 */
public final class TopologyBinder {
    public static final String TOPOLOGY_NS = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
    public static final String SERVICE_ROLES_NS = "urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008";
    static final String TOPOLOGY_BUILDER_NS = "urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008";

    private TopologyBinder() {
    }

    /** Built once per JVM: creating a JAXBContext is the expensive part of JAXB. */
    private static final class Context {
        static final JAXBContext INSTANCE = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(org.cstopo.model.xml.ObjectFactory.class,
                        org.cstopo.model.xml.roles.ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the topology model cannot be initialised", e);
            }
        }
    }

    public static JAXBContext context() {
        return Context.INSTANCE;
    }

    /** Builds what every bind needs (the context, the schema's element names) ahead of the first bind. */
    public static void prepare() {
        context();
        SchemaElements.NAMES.size();
    }

    public static Topology bind(SourceDocument doc) {
        checkRoot(doc);
        Binding b = new Binding(doc, doc.elements().size());
        try {
            b.handler.startDocument();
            b.emit(doc, doc.root());
            b.handler.endDocument();
            return new Topology(doc, b.result(), b.sources, b.problems);
        } catch (SAXException e) {
            throw CstopoException.badInput(doc.name() + ": cannot be read as a topology (" + e.getMessage() + ")");
        } catch (CstopoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadableValue(doc, b.current[0] == null ? doc.root() : b.current[0], e);
        }
    }

    /**
     * Binds {@code result}, a document made by editing {@code before}'s source (see
     * {@link SourceDocument#base()}), binding only the section entries (pools, services, sites...)
     * that the edit touched: every other entry is {@code before}'s object, now linked to its element
     * in {@code result}. The model is the one {@link #bind} would build, object for object
     * (RebindTest); {@code before} is left as it was. Falls back to a whole bind when the edit
     * reached the root or a section's own tags.
     */
    public static Topology rebind(Topology before, SourceDocument result) {
        if (result.base() != before.source()) {
            return bind(result);
        }
        Topology t = Rebind.of(before, result);
        return t != null ? t : bind(result);
    }

    /** An unmarshaller fed SAX events, recording the element each object and each problem came from. */
    static final class Binding {
        final Map<Object, SourceElement> sources;
        final List<Topology.BindProblem> problems = new ArrayList<>();
        final SourceElement[] current = new SourceElement[1];
        final UnmarshallerHandler handler;
        private final AttributesImpl attrs = new AttributesImpl();
        private final StringBuilder text = new StringBuilder();
        private char[] chars = new char[256];

        Binding(SourceDocument doc, int size) {
            this.sources = new IdentityHashMap<>(size);
            try {
                Unmarshaller u = context().createUnmarshaller();
                u.setListener(new Unmarshaller.Listener() {
                    @Override
                    public void beforeUnmarshal(Object target, Object parent) {
                        sources.put(target, current[0]);
                    }
                });
                u.setEventHandler(event -> {
                    problems.add(new Topology.BindProblem(current[0], event.getMessage()));
                    return true;
                });
                handler = u.getUnmarshallerHandler();
            } catch (JAXBException e) {
                throw CstopoException.badInput(doc.name() + ": cannot be read as a topology (" + e.getMessage() + ")");
            }
            this.doc = doc;
        }

        private final SourceDocument doc;

        /**
         * Depth is bounded by the scanner (XmlScanner.MAX_DEPTH), so recursion is safe. Elements the
         * schemas do not declare are not sent: JAXB could only make them into DOMs nobody reads (see
         * {@link SchemaElements}).
         */
        void emit(SourceDocument doc, SourceElement e) throws SAXException {
            List<String> declared = startTag(e);
            if (!e.isEmptyTag()) {
                int from = e.startTagEnd();
                for (SourceElement child : e.children()) {
                    characters(doc, from, child.start());
                    if (SchemaElements.NAMES.contains(child.localName())) {
                        emit(doc, child);
                    }
                    from = child.end();
                }
                characters(doc, from, e.contentEnd());
            }
            endTag(e, declared);
        }

        /** An element's start tag and namespace declarations; returns the prefixes to end with it. */
        List<String> startTag(SourceElement e) throws SAXException {
            // One Attributes for every element: SAX hands them to the handler for the call only.
            attrs.clear();
            List<String> declared = List.of();
            for (SourceAttribute a : e.attributes()) {
                if (a.isNamespaceDeclaration()) {
                    String prefix = a.qName().equals("xmlns") ? "" : a.localName();
                    handler.startPrefixMapping(prefix, a.value());
                    if (declared.isEmpty()) {
                        declared = new ArrayList<>(2);
                    }
                    declared.add(prefix);
                } else {
                    String uri = a.prefix().isEmpty() ? "" : e.namespaceFor(a.prefix());
                    attrs.addAttribute(uri == null ? "" : uri, a.localName(), a.qName(), "CDATA", a.value());
                }
            }
            current[0] = e;
            handler.startElement(e.namespaceUri(), e.localName(), e.qName(), attrs);
            return declared;
        }

        void endTag(SourceElement e, List<String> declared) throws SAXException {
            handler.endElement(e.namespaceUri(), e.localName(), e.qName());
            for (String prefix : declared) {
                handler.endPrefixMapping(prefix);
            }
        }

        /** Character data of [from, to), through one buffer: SAX hands the characters to the handler for the call only. */
        private void characters(SourceDocument doc, int from, int to) throws SAXException {
            if (from >= to) {
                return;
            }
            text.setLength(0);
            doc.appendCharacterData(from, to, text);
            int n = text.length();
            if (n > 0) {
                if (chars.length < n) {
                    chars = new char[Math.max(n, 2 * chars.length)];
                }
                text.getChars(0, n, chars, 0);
                handler.characters(chars, 0, n);
            }
        }

        /** The root object bound, once the events are sent. */
        org.cstopo.model.xml.Topology result() {
            try {
                return (org.cstopo.model.xml.Topology) handler.getResult();
            } catch (JAXBException e) {
                throw CstopoException.badInput(doc.name() + ": cannot be read as a topology (" + e.getMessage() + ")");
            }
        }
    }

    private static void checkRoot(SourceDocument doc) {
        SourceElement root = doc.root();
        String ns = root.namespaceUri();
        if (root.localName().equals("Topology") && ns.equals(TOPOLOGY_NS)) {
            return;
        }
        // Only now is the position needed: building the line index costs a pass over the whole text.
        String where = doc.location(root);
        if (root.localName().equals("TopologyBuilder") || ns.equals(TOPOLOGY_BUILDER_NS)) {
            throw CstopoException.badInput(where + ": this is a Topology Builder file (.tbxml), which Publish-CsTopology"
                    + " does not accept; export the published topology with Get-CsTopology -AsXml | Out-File topology.xml");
        }
        if (!root.localName().equals("Topology")) {
            throw CstopoException.badInput(where + ": root element is <" + root.qName() + ">, not <Topology>;"
                    + " pass the file written by Get-CsTopology -AsXml");
        }
        if (!ns.equals(TOPOLOGY_NS)) {
            throw CstopoException.badInput(where + ": <Topology> is in namespace '" + ns + "', expected '" + TOPOLOGY_NS
                    + "'; pass the file written by Get-CsTopology -AsXml");
        }
    }

    /**
     * JAXB's own converters throw on some malformed values instead of reporting them (a boolean
     * written "t" ends in StringIndexOutOfBoundsException, found by FuzzTest): one line, not a crash.
     */
    static CstopoException unreadableValue(SourceDocument doc, SourceElement e, RuntimeException cause) {
        String suspect = "";
        for (SourceAttribute a : e.attributes()) {
            String v = a.value().trim().toLowerCase(java.util.Locale.ROOT);
            boolean brokenBoolean = !v.isEmpty() && !v.equals("true") && !v.equals("false")
                    && ("true".startsWith(v) || "false".startsWith(v));
            if (brokenBoolean) {
                suspect = " (" + a.qName() + "=\"" + a.value() + "\")";
                break;
            }
        }
        return new CstopoException(org.cstopo.ExitCode.BAD_INPUT, doc.location(e) + ": <" + e.qName() + "> has a value the topology"
                + " model cannot read" + suspect + "; write true/false and numbers as Get-CsTopology does", cause);
    }

}

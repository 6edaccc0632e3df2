package org.cstopo.change;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.cstopo.CstopoException;
import org.cstopo.io.FileIO;
import org.cstopo.io.SafeXml;
import org.cstopo.io.SourceAttribute;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.SourceElement;
import org.cstopo.change.xml.TopologyChanges;
import org.cstopo.model.Topology;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads a changes file (xsd/changes.xsd): validated against the schema first, then turned into {@link Change}s. */
public final class ChangesFile {
    public static final String NAMESPACE = "urn:cstopo:changes:1";

    private ChangesFile() {
    }

    private static final class Holder {
        static final JAXBContext CONTEXT;
        static final Schema SCHEMA;

        static {
            try {
                CONTEXT = JAXBContext.newInstance(org.cstopo.change.xml.ObjectFactory.class);
                SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                URL xsd = ChangesFile.class.getResource("/org/cstopo/xsd/changes.xsd");
                if (xsd == null) {
                    throw new IllegalStateException("changes.xsd is missing from the jar");
                }
                SCHEMA = sf.newSchema(xsd);
            } catch (JAXBException | SAXException e) {
                throw new IllegalStateException("the changes schema cannot be loaded", e);
            }
        }
    }

    public static List<Change> read(Path path) {
        return parse(FileIO.readDocument(path, FileIO.Input.CHANGES));
    }

    public static List<Change> parse(SourceDocument doc) {
        SourceElement root = doc.root();
        if (!root.localName().equals("TopologyChanges") || !root.namespaceUri().equals(NAMESPACE)) {
            throw CstopoException.badInput(doc.location(root) + ": <" + root.qName() + "> in namespace '" + root.namespaceUri()
                    + "' is not a changes file; the root must be <TopologyChanges xmlns=\"" + NAMESPACE + "\"> (see xsd/changes.xsd)");
        }
        checkValues(doc, root);
        TopologyChanges changes;
        try {
            Unmarshaller u = Holder.CONTEXT.createUnmarshaller();
            u.setSchema(Holder.SCHEMA);
            u.setEventHandler(event -> false);
            SAXSource source = new SAXSource(SafeXml.newReader(), new InputSource(new StringReader(doc.text())));
            changes = (TopologyChanges) u.unmarshal(source);
        } catch (UnmarshalException e) {
            throw invalid(doc, e);
        } catch (JAXBException e) {
            throw CstopoException.badInput(doc.name() + ": cannot be read as a changes file (" + e.getMessage() + ")");
        }
        List<Object> items = changes.getNewTrustedApplicationPoolOrNewTrustedApplicationComputerOrNewTrustedApplication();
        List<SourceElement> elements = root.children();
        List<Change> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(convert(items.get(i), doc.location(elements.get(i))));
        }
        refuseDuplicates(out);
        return out;
    }

    /** A changes file names attributes as they are written, and shows a good value the same way. */
    public static final ChangeValues.Spelling SPELLING = new ChangeValues.Spelling() {
        @Override
        public String name(String attribute) {
            return attribute;
        }

        @Override
        public String example(String attribute, String value) {
            return attribute + "=\"" + value + "\"";
        }
    };

    /**
     * The value rules ({@link ChangeValues}) before the schema: the schema states the same rules as
     * patterns, but its messages quote a regular expression; these say what is wrong and point at the
     * attribute itself.
     */
    private static void checkValues(SourceDocument doc, SourceElement root) {
        for (SourceElement e : root.children()) {
            if (!NAMESPACE.equals(e.namespaceUri())) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (SourceAttribute a : e.attributes()) {
                if (!a.isNamespaceDeclaration() && a.prefix().isEmpty()) {
                    attributes.put(a.qName(), a.value());
                }
            }
            ChangeValues.Problem problem = ChangeValues.problem(e.localName(), attributes);
            if (problem != null) {
                SourceAttribute at = e.attribute(problem.attribute());
                String where = at == null ? doc.location(e) : doc.location(at.valueStart());
                throw CstopoException.badInput(where + ": " + e.localName() + " " + problem.message(SPELLING));
            }
        }
    }

    /** See {@link ChangeValues#duplicate}: the later of two SetIPAddress that repeat each other is refused. */
    public static void refuseDuplicates(List<Change> changes) {
        ChangeValues.Duplicate d = ChangeValues.duplicate(changes);
        if (d != null) {
            throw CstopoException.badInput(d.later().origin() + ": SetIPAddress " + d.message() + " (the other is at "
                    + d.earlier().origin() + ")");
        }
    }

    private static CstopoException invalid(SourceDocument doc, UnmarshalException e) {
        Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
        String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        String where = doc.name();
        if (cause instanceof org.xml.sax.SAXParseException spe) {
            where += ":" + spe.getLineNumber() + ":" + spe.getColumnNumber();
        }
        return CstopoException.badInput(where + ": " + plain(message) + " (the changes file must follow xsd/changes.xsd)");
    }

    /** Xerces prefixes schema messages with a code such as "cvc-complex-type.3.2.2: "; keep the sentence. */
    private static String plain(String message) {
        String m = message == null ? "invalid" : message.trim();
        int colon = m.indexOf(": ");
        if (m.startsWith("cvc-") && colon > 0) {
            m = m.substring(colon + 2);
        }
        return m;
    }

    private static Change convert(Object o, String origin) {
        if (o instanceof org.cstopo.change.xml.NewTrustedApplicationPool p) {
            return new Change.NewTrustedApplicationPool(origin, p.getIdentity(), p.getRegistrar(), p.getSite(), p.getComputerFqdn(),
                    p.isTreatAsAuthenticated(), p.isThrottleAsServer(), p.isRequiresReplication(), p.isOutboundOnly(),
                    new Change.MediaPorts(p.getAudioPortStart(), p.getAudioPortCount(), p.getVideoPortStart(),
                            p.getVideoPortCount(), p.getAppSharingPortStart(), p.getAppSharingPortCount()));
        }
        if (o instanceof org.cstopo.change.xml.NewTrustedApplicationComputer c) {
            return new Change.NewTrustedApplicationComputer(origin, c.getIdentity(), c.getPool());
        }
        if (o instanceof org.cstopo.change.xml.NewTrustedApplication a) {
            return new Change.NewTrustedApplication(origin, a.getApplicationId(), a.getTrustedApplicationPoolFqdn(), a.getPort(),
                    a.isEnableTcp());
        }
        if (o instanceof org.cstopo.change.xml.SetIPAddress s) {
            return new Change.SetIPAddress(origin, s.getComputer(), s.getIPAddress(),
                    s.getInterfaceSide() == null ? Topology.PRIMARY : s.getInterfaceSide());
        }
        if (o instanceof org.cstopo.change.xml.SetTrustedApplicationPool p) {
            return new Change.SetTrustedApplicationPool(origin, p.getIdentity(), p.getRegistrar(), p.isTreatAsAuthenticated(),
                    p.isThrottleAsServer(), p.isRequiresReplication(), p.isOutboundOnly());
        }
        if (o instanceof org.cstopo.change.xml.RemoveTrustedApplicationPool r) {
            return new Change.RemoveTrustedApplicationPool(origin, r.getIdentity());
        }
        if (o instanceof org.cstopo.change.xml.RemoveTrustedApplicationComputer r) {
            return new Change.RemoveTrustedApplicationComputer(origin, r.getIdentity());
        }
        if (o instanceof org.cstopo.change.xml.RemoveTrustedApplication r) {
            return removeApplication(origin, r.getIdentity(), r.getApplicationId(), r.getTrustedApplicationPoolFqdn());
        }
        throw new IllegalStateException("unhandled change element " + o.getClass());
    }

    /** Accepts the cmdlet identity "pool.fqdn/urn:application:id" or ApplicationId + TrustedApplicationPoolFqdn. */
    public static Change.RemoveTrustedApplication removeApplication(String origin, String identity, String applicationId, String pool) {
        if (identity != null && !identity.isEmpty()) {
            int slash = identity.indexOf('/');
            if (slash <= 0 || slash == identity.length() - 1) {
                throw CstopoException.badInput(origin + ": RemoveTrustedApplication Identity '" + identity
                        + "' must be pool.fqdn/urn:application:id (as Get-CsTrustedApplication shows it)");
            }
            return new Change.RemoveTrustedApplication(origin, identity.substring(slash + 1), identity.substring(0, slash));
        }
        if (applicationId == null || pool == null) {
            throw CstopoException.badInput(origin + ": RemoveTrustedApplication needs Identity=\"pool.fqdn/urn:application:id\""
                    + " or both ApplicationId and TrustedApplicationPoolFqdn");
        }
        return new Change.RemoveTrustedApplication(origin, applicationId, pool);
    }
}

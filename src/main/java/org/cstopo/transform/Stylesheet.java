package org.cstopo.transform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.Configuration;
import net.sf.saxon.lib.EnvironmentVariableResolver;
import net.sf.saxon.lib.Feature;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.lib.UnparsedTextURIResolver;
import net.sf.saxon.s9api.ItemType;
import net.sf.saxon.s9api.Location;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XmlProcessingError;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.trans.XPathException;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.cstopo.io.FileIO;
import org.cstopo.io.SafeXml;
import org.cstopo.io.SourceDocument;
import org.xml.sax.InputSource;

/**
 * An XSLT 3.0 stylesheet compiled with Saxon-HE, locked down: it sees the topology it is given and
 * its parameters, nothing else. Every external resource is refused (xsl:include/xsl:import, doc(),
 * document(), unparsed-text(), collection(), xsl:result-document, environment variables), both by
 * Saxon's allowed-protocols setting and by resolvers that refuse; the stylesheet itself is parsed
 * with the hardened parser, so a DOCTYPE in it is refused too.
 */
public final class Stylesheet {
    /** The rules shipped in xslt/ (and in the jar under org/cstopo/xslt/), usable by name. */
    public static final List<String> SHIPPED = List.of("set-ip", "replace-unassigned-ips", "add-trusted-pool", "readdress", "rename-domain",
            "report-text");

    private final String name;
    private final Processor processor;
    private final XsltExecutable executable;

    private Stylesheet(String name, Processor processor, XsltExecutable executable) {
        this.name = name;
        this.processor = processor;
        this.executable = executable;
    }

    /** What a run produced: the serialised result, whether it is XML (else a report), and xsl:message texts. */
    public record Output(String text, boolean xml, List<String> messages) {
    }

    /** The name messages give a stylesheet file or shipped rule ({@code set-ip.xsl}). */
    static String displayName(String pathOrRule) {
        return isShipped(pathOrRule) ? pathOrRule + ".xsl" : pathOrRule;
    }

    private static boolean isShipped(String pathOrRule) {
        return !Files.exists(Path.of(pathOrRule)) && SHIPPED.contains(pathOrRule);
    }

    /** A stylesheet file, or the name of a shipped rule ({@code set-ip}). */
    static Stylesheet load(String pathOrRule) {
        if (isShipped(pathOrRule)) {
            return bundled(pathOrRule + ".xsl");
        }
        if (!Files.exists(Path.of(pathOrRule))) {
            throw CstopoException.badInput(pathOrRule + ": no such stylesheet; give a file, or a shipped rule: " + String.join(", ", SHIPPED)
                    + (pathOrRule.equals("report-html") ? " (the HTML report is now 'cstopo show TOPOLOGY --format html')" : ""));
        }
        return compile(pathOrRule, FileIO.readInput(Path.of(pathOrRule), FileIO.Input.STYLESHEET));
    }

    /** A stylesheet shipped in xslt/, which the jar holds under org/cstopo/xslt/. */
    static Stylesheet bundled(String fileName) {
        try (InputStream in = Stylesheet.class.getResourceAsStream("/org/cstopo/xslt/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("shipped stylesheet " + fileName + " is missing from the jar");
            }
            return compile(fileName, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped stylesheet " + fileName, e);
        }
    }

    /** A stylesheet file, and only a file (no shipped rule by name). */
    static Stylesheet file(Path path) {
        return compile(path.toString(), FileIO.readInput(path, FileIO.Input.STYLESHEET));
    }

    static Stylesheet compile(String name, byte[] bytes) {
        Processor processor = lockedDown();
        XsltCompiler compiler = processor.newXsltCompiler();
        compiler.getUnderlyingCompilerInfo().setCodeInjector(new Checkpoints());
        compiler.setResourceResolver(refuse(name));
        List<XmlProcessingError> errors = new ArrayList<>();
        compiler.setErrorReporter(e -> {
            if (!e.isWarning()) {
                errors.add(e);
            }
        });
        SAXSource source = new SAXSource(SafeXml.newReader(), new InputSource(new ByteArrayInputStream(bytes)));
        source.setSystemId(name);
        try {
            return new Stylesheet(name, processor, compiler.compile(source));
        } catch (SaxonApiException e) {
            if (!errors.isEmpty()) {
                XmlProcessingError first = errors.get(0);
                throw error(name, first.getLocation(), first.getMessage(), errors.size());
            }
            throw error(name, null, e.getMessage(), 1);
        }
    }

    public String name() {
        return name;
    }

    /** The stylesheet's global parameters (xsl:param), by local name. */
    public Set<String> parameters() {
        Set<String> out = new TreeSet<>();
        executable.getGlobalParameters().keySet().forEach(q -> out.add(q.getLocalName()));
        return out;
    }

    /**
     * Runs the stylesheet on a topology; parameters are passed as untyped atomic values (like
     * strings). The watchdog's checks run at every step (see {@link Checkpoints}).
     */
    Output run(SourceDocument input, Map<String, String> params, Watchdog watchdog) {
        Map<QName, XdmAtomicValue> values = new HashMap<>();
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!parameters().contains(p.getKey())) {
                throw new CstopoException(ExitCode.USAGE, "--param " + p.getKey() + ": " + name + " has no such parameter; it has: "
                        + (parameters().isEmpty() ? "none" : String.join(", ", parameters())));
            }
            try {
                values.put(new QName(p.getKey()), new XdmAtomicValue(p.getValue(), ItemType.UNTYPED_ATOMIC));
            } catch (SaxonApiException e) {
                throw new IllegalStateException("any string is an untypedAtomic value", e);
            }
        }
        Xslt30Transformer t = executable.load30();
        t.setResourceResolver(refuse(name));
        t.setUnparsedTextResolver(refuseText(name));
        t.setTraceListener(watchdog.listener());
        // An XPathException, not an unchecked one: Saxon prints the stack trace of anything else a resolver throws.
        t.getUnderlyingController().setResultDocumentResolver((context, href, base, properties) -> {
            throw new XPathException("writing " + href + " (xsl:result-document) is not allowed: " + name
                    + " may only produce its one result");
        });
        List<String> messages = new ArrayList<>();
        t.setMessageHandler(m -> messages.add(m.getStringValue()));
        List<XmlProcessingError> errors = new ArrayList<>();
        t.setErrorReporter(e -> {
            if (!e.isWarning()) {
                errors.add(e);
            }
        });
        StringWriter out = new StringWriter();
        Serializer serializer = t.newSerializer(out);
        SAXSource source = new SAXSource(SafeXml.newReader(), new InputSource(new StringReader(input.text())));
        source.setSystemId(input.name());
        try {
            XdmNode doc = processor.newDocumentBuilder().build(source);
            t.setStylesheetParameters(values);
            t.setGlobalContextItem(doc);
            t.applyTemplates(doc, serializer);
        } catch (SaxonApiException e) {
            String where = e.getSystemId() == null || e.getSystemId().endsWith(Path.of(name).getFileName().toString()) ? name : e.getSystemId();
            boolean terminated = e.getErrorCode() != null && e.getErrorCode().getLocalName().equals("XTMM9000") && !messages.isEmpty();
            // xsl:message terminate="yes" is how a rule refuses: its text is the message the user needs.
            String message = terminated ? messages.get(messages.size() - 1) : oneLine(e.getMessage())
                    + (e.getErrorCode() == null ? "" : " (" + e.getErrorCode().getLocalName() + ")");
            throw new CstopoException(ExitCode.BAD_INPUT, where + ":" + Math.max(e.getLineNumber(), 0) + ": " + oneLine(message));
        } catch (IllegalStateException e) {
            throw new CstopoException(ExitCode.BAD_INPUT, name + ": " + oneLine(e.getMessage()));
        }
        return new Output(out.toString(), !isReport(), messages);
    }

    /** True when the stylesheet writes a report (xsl:output method text or html) rather than a topology. */
    public boolean isReport() {
        String method = executable.getUnderlyingCompiledStylesheet().getDeclaredSerializationProperties().getProperties().getProperty("method");
        return method != null && !method.equals("xml");
    }

    private static Processor lockedDown() {
        Processor p = new Processor(false);
        Configuration c = p.getUnderlyingConfiguration();
        c.setConfigurationProperty(Feature.ALLOWED_PROTOCOLS, "");
        // Also what makes system-property() answer only the xsl: properties, never a Java one (user.home, java.home, ...).
        c.setConfigurationProperty(Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
        c.setConfigurationProperty(Feature.ENVIRONMENT_VARIABLE_RESOLVER, new EnvironmentVariableResolver() {
            @Override
            public Set<String> getAvailableEnvironmentVariables() {
                return Set.of();
            }

            @Override
            public String getEnvironmentVariable(String name) {
                return null;
            }
        });
        c.setCollectionFinder((context, uri) -> {
            throw new XPathException("collection " + uri + ": reading collections is not allowed");
        });
        return p;
    }

    private static ResourceResolver refuse(String name) {
        return request -> {
            throw new XPathException(request.uri + ": " + name + " may not read other files or URLs (only the topology it is given)");
        };
    }

    private static UnparsedTextURIResolver refuseText(String name) {
        return (uri, encoding, config) -> {
            throw new XPathException(uri + ": " + name + " may not read other files or URLs (only the topology it is given)");
        };
    }

    private static CstopoException error(String name, Location where, String message, int count) {
        String line = where == null || where.getLineNumber() < 0 ? "" : ":" + where.getLineNumber();
        return CstopoException.badInput(name + line + ": " + oneLine(message) + (count > 1 ? " (and " + (count - 1) + " more errors)" : "")
                + "; fix the stylesheet");
    }

    private static String oneLine(String s) {
        return s == null ? "error" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

package org.cstopo.io;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.cstopo.CstopoException;
import org.cstopo.ExitCode;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The only way cstopo parses XML: namespace-aware, DOCTYPE refused (so no external entity can read
 * a file or the network, and no entity expansion bomb can run), secure processing on. A topology
 * export never has a DTD, so refusing them costs a real user nothing.
 */
public final class SafeXml {
    private static final SAXParserFactory SAX = saxFactory();

    private SafeXml() {
    }

    private static SAXParserFactory saxFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
    }

    /**
     * Errors end the parse with the exception and nothing else: the JDK's default handlers print
     * "[Fatal Error] ..." lines on standard error, which would break the one-line error rule.
     */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not stop a parse and are not the user's business
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** A fresh hardened reader that prints nothing; the caller sets its handlers. */
    public static XMLReader newReader() {
        try {
            XMLReader reader = SAX.newSAXParser().getXMLReader();
            reader.setErrorHandler(QUIET);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create an XML parser", e);
        }
    }

    /** A hardened DOM builder that prints nothing, for code that needs a DOM (XMLUnit, XSLT inputs). */
    public static DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser cannot be hardened", e);
        }
    }

    /**
     * The most elements and attributes a topology may have. Real exports have a few hundred
     * elements; the 1,000-pool synthetic topology (org.cstopo.bench.SyntheticTopology, 30 MB as
     * UTF-16) has 160,525 elements and 508,235 attributes. The bounds keep the memory of the source
     * tree and the model proportionate (a few hundred bytes per element) whatever a file holds: five
     * million empty elements in 20 MB are refused during this first pass, before anything is built.
     * Tests lower them.
     */
    static int maxElements = 1_000_000;
    static int maxAttributes = 4_000_000;

    /** Thrown at the first element over a limit; carries where it is. */
    private static final class TooMany extends SAXException {
        final int line;
        final int column;

        TooMany(Locator where, String what) {
            super(what);
            this.line = where == null ? 0 : where.getLineNumber();
            this.column = where == null ? 0 : where.getColumnNumber();
        }
    }

    /**
     * Throws a one-line {@link CstopoException} naming file:line:column when the text is not
     * well-formed XML, or holds more elements or attributes than a topology can.
     */
    public static void checkWellFormed(String text, String file) {
        XMLReader reader = newReader();
        DefaultHandler handler = new DefaultHandler() {
            private Locator locator;
            private int elements;
            private long attributes;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attrs) throws SAXException {
                if (++elements > maxElements) {
                    throw new TooMany(locator, "more than " + String.format("%,d", maxElements) + " elements (cstopo's limit;"
                            + " a 1,000-pool topology has about 160,000)");
                }
                attributes += attrs.getLength();
                if (attributes > maxAttributes) {
                    throw new TooMany(locator, "more than " + String.format("%,d", maxAttributes) + " attributes (cstopo's limit;"
                            + " a 1,000-pool topology has about 510,000)");
                }
            }
        };
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        try {
            reader.parse(new InputSource(new StringReader(text)));
        } catch (TooMany e) {
            throw CstopoException.badInput(file + ":" + e.line + ":" + e.column + ": " + e.getMessage()
                    + "; no topology export does: check that this is the right file");
        } catch (SAXParseException e) {
            throw notWellFormed(file, e);
        } catch (SAXException e) {
            throw CstopoException.badInput(file + ": not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    public static CstopoException notWellFormed(String file, SAXParseException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String where = file + ":" + e.getLineNumber() + ":" + e.getColumnNumber();
        if (msg.contains("DOCTYPE")) {
            return new CstopoException(ExitCode.BAD_INPUT, where
                    + ": a DOCTYPE declaration is refused (DTDs and entities can read files or expand without bound);"
                    + " topology exports never have one: remove it");
        }
        if (msg.contains("Premature end of file") || msg.contains("must end with") || msg.contains("XML document structures must start and end")) {
            return new CstopoException(ExitCode.BAD_INPUT, where + ": the XML ends too early (" + msg.trim()
                    + "); the file looks truncated: export the topology again");
        }
        if (msg.contains("Content is not allowed in prolog")) {
            return new CstopoException(ExitCode.BAD_INPUT, where
                    + ": this is not XML (no element where the document should start); pass the file written by Get-CsTopology -AsXml");
        }
        return new CstopoException(ExitCode.BAD_INPUT, where + ": not well-formed XML: " + msg.trim()
                + " (fix the file there, or export it again)");
    }
}

package org.cstopo.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import org.cstopo.io.SafeXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The local names of the elements xsd/topology.xsd and xsd/serviceroles.xsd declare: the only
 * elements JAXB can bind to a model class. Anything else in a topology (WebService, ConfService,
 * content from later versions) would become a DOM in a wildcard list that no code reads, at the
 * cost of a new XML parser per element (JAXB's DOM building creates one each time): a file of a
 * million unknown elements took minutes and gigabytes. The binder skips those subtrees instead.
 */
final class SchemaElements {
    static final Set<String> NAMES = read("topology.xsd", "serviceroles.xsd");

    private SchemaElements() {
    }

    private static Set<String> read(String... schemas) {
        Set<String> names = new HashSet<>();
        XMLReader reader = SafeXml.newReader();
        reader.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attrs) {
                if (XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(uri) && localName.equals("element")) {
                    add(attrs.getValue("name"));
                    add(attrs.getValue("ref"));
                }
            }

            private void add(String name) {
                if (name != null) {
                    names.add(name.substring(name.indexOf(':') + 1));
                }
            }
        });
        for (String schema : schemas) {
            try (InputStream in = SchemaElements.class.getResourceAsStream("/org/cstopo/xsd/" + schema)) {
                if (in == null) {
                    throw new IllegalStateException("the schema " + schema + " is missing from the jar");
                }
                reader.parse(new InputSource(in));
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("cannot read the schema " + schema, e);
            }
        }
        return Set.copyOf(names);
    }
}

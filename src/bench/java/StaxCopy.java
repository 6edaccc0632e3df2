import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JVM's practical limit for a streaming tool: the JDK's StAX parser reads a topology and its
 * writer copies every event to a new file in the input's encoding (UTF-16 LE with BOM stays so).
 * No tree, no binding, no checks: what any XML tool on the JVM pays at least.
 * Usage: StaxCopy IN OUT
 */
public final class StaxCopy {
    private StaxCopy() {
    }

    public static void main(String[] args) throws Exception {
        XMLInputFactory in = XMLInputFactory.newFactory();
        in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        in.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try (InputStream is = new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16);
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16)) {
            is.mark(4);
            int b0 = is.read();
            int b1 = is.read();
            is.reset();
            String encoding = "UTF-8";
            if (b0 == 0xFF && b1 == 0xFE) {
                encoding = "UTF-16LE";
                os.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            }
            XMLStreamReader r = in.createXMLStreamReader(is);
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(os, encoding);
            copy(r, w);
            w.flush();
            w.close();
            r.close();
        }
    }

    private static void copy(XMLStreamReader r, XMLStreamWriter w) throws Exception {
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String prefix = r.getPrefix() == null ? "" : r.getPrefix();
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    w.writeStartElement(prefix, r.getLocalName(), ns);
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        if (p == null || p.isEmpty()) {
                            w.writeDefaultNamespace(r.getNamespaceURI(i));
                        } else {
                            w.writeNamespace(p, r.getNamespaceURI(i));
                        }
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ap = r.getAttributePrefix(i);
                        if (ap == null || ap.isEmpty()) {
                            w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        } else {
                            w.writeAttribute(ap, r.getAttributeNamespace(i), r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> w.writeEndElement();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE ->
                        w.writeCharacters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.CDATA -> w.writeCData(r.getText());
                case XMLStreamConstants.COMMENT -> w.writeComment(r.getText());
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> w.writeProcessingInstruction(r.getPITarget(), r.getPIData());
                default -> {
                    // START_DOCUMENT, END_DOCUMENT, ENTITY_REFERENCE: nothing to copy
                }
            }
        }
    }
}

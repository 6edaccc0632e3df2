package org.cstopo.model;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.cstopo.io.Fragment;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns JAXB model objects into {@link Fragment}s to insert into a document. Marshalling to SAX
 * keeps the attribute order of the schema (a DOM would sort them), and prefixes are dropped: the
 * editor writes namespaces the way Lync does.
 */
public final class Fragments {
    private Fragments() {
    }

    /** Marshals {@code value} as element {@code name} of namespace {@code ns}. */
    public static <T> Fragment of(String ns, String name, Class<T> type, T value) {
        try {
            Marshaller m = TopologyBinder.context().createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            Collector c = new Collector();
            m.marshal(new JAXBElement<>(new QName(ns, name), type, value), c);
            return c.root;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot build a " + name + " element", e);
        }
    }

    /** Marshals an object whose class is a root element (e.g. the ServiceRoles Ports element). */
    public static Fragment of(Object rootElement) {
        try {
            Marshaller m = TopologyBinder.context().createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            Collector c = new Collector();
            m.marshal(rootElement, c);
            return c.root;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot build an element from " + rootElement.getClass().getSimpleName(), e);
        }
    }

    private static final class Open {
        final String ns;
        final String name;
        final List<Map.Entry<String, String>> attrs;
        final List<Fragment> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Open(String ns, String name, List<Map.Entry<String, String>> attrs) {
            this.ns = ns;
            this.name = name;
            this.attrs = attrs;
        }
    }

    private static final class Collector extends DefaultHandler {
        final Deque<Open> stack = new ArrayDeque<>();
        Fragment root;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            List<Map.Entry<String, String>> attrs = new ArrayList<>();
            for (int i = 0; i < atts.getLength(); i++) {
                String q = atts.getQName(i);
                if (q.equals("xmlns") || q.startsWith("xmlns:")) {
                    continue;
                }
                attrs.add(Map.entry(atts.getLocalName(i).isEmpty() ? q : atts.getLocalName(i), atts.getValue(i)));
            }
            stack.push(new Open(uri, localName, attrs));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            stack.peek().text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open o = stack.pop();
            String text = o.text.toString().isBlank() ? null : o.text.toString();
            Fragment f = new Fragment(o.ns, o.name, o.attrs, o.children, text);
            if (stack.isEmpty()) {
                root = f;
            } else {
                stack.peek().children.add(f);
            }
        }
    }
}

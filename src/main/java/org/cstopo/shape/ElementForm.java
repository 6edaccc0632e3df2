package org.cstopo.shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.io.Fragment;
import org.cstopo.io.SourceAttribute;
import org.cstopo.io.SourceElement;

/**
 * How one kind of element is written: its name and namespace, and its attributes in writing order
 * (a default-namespace declaration included, where the example has it), each with where its value
 * comes from. Learned from an element of a real document; rendered for a new object.
 */
public record ElementForm(String namespaceUri, String localName, List<Attribute> attributes, List<ElementForm> children) {

    public ElementForm {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** Where an attribute's value comes from. */
    public sealed interface Value {
    }

    /** Written as the example wrote it (also the {@code xmlns} declaration). */
    public record Fixed(String value) implements Value {
    }

    /** Decided by the change: a cmdlet parameter, a name, a number; omitted when the change gives none. */
    public record Given() implements Value {
    }

    /** Follows a name of the new object as the example's followed its own: prefix + name + suffix. */
    public record Follows(String prefix, String name, String suffix) implements Value {
    }

    public record Attribute(String name, Value value) {
    }

    /**
     * The form of {@code e}: attributes named in {@code given} are the change's; a value equal to one
     * of {@code names} (say the example machine's FQDN), or holding a dotted one, follows that name.
     */
    public static ElementForm learn(SourceElement e, Set<String> given, Map<String, String> names) {
        return learn(e, given, names, Set.of());
    }

    /** As {@link #learn(SourceElement, Set, Map)}, with the children named in {@code childNames} learned too. */
    public static ElementForm learn(SourceElement e, Set<String> given, Map<String, String> names, Set<String> childNames) {
        List<Attribute> attributes = new ArrayList<>();
        for (SourceAttribute a : e.attributes()) {
            if (a.qName().startsWith("xmlns:")) {
                continue;
            }
            attributes.add(new Attribute(a.qName(), given.contains(a.qName()) ? new Given()
                    : a.qName().equals("xmlns") ? new Fixed(a.value()) : valueOf(a.value(), names)));
        }
        List<ElementForm> children = new ArrayList<>();
        for (SourceElement c : e.children()) {
            if (childNames.contains(c.localName())) {
                children.add(learn(c, given, names));
            }
        }
        return new ElementForm(e.namespaceUri(), e.localName(), attributes, children);
    }

    private static Value valueOf(String value, Map<String, String> names) {
        for (Map.Entry<String, String> n : names.entrySet()) {
            if (n.getValue() != null && n.getValue().equalsIgnoreCase(value)) {
                return new Follows("", n.getKey(), "");
            }
        }
        for (Map.Entry<String, String> n : names.entrySet()) {
            String name = n.getValue();
            int at = name != null && name.contains(".") ? indexIgnoringCase(value, name) : -1;
            if (at >= 0) {
                return new Follows(value.substring(0, at), n.getKey(), value.substring(at + name.length()));
            }
        }
        return new Fixed(value);
    }

    /**
     * Where {@code name} starts in {@code value}, case ignored, or -1. Compared in place: lower-casing
     * the whole value can change its length (U+0130 becomes two chars) and shift every index after it.
     */
    private static int indexIgnoringCase(String value, String name) {
        for (int i = 0; i + name.length() <= value.length(); i++) {
            if (value.regionMatches(true, i, name, 0, name.length())) {
                return i;
            }
        }
        return -1;
    }

    /** This form with attribute {@code name} decided by the change (added last when the example has none). */
    public ElementForm withGiven(String name) {
        List<Attribute> out = new ArrayList<>(attributes);
        int i = indexOf(name);
        if (i < 0) {
            out.add(new Attribute(name, new Given()));
        } else {
            out.set(i, new Attribute(name, new Given()));
        }
        return new ElementForm(namespaceUri, localName, out, children);
    }

    /** The value the example wrote for an attribute no change decides, or null. */
    public String fixedValue(String name) {
        int i = indexOf(name);
        return i >= 0 && attributes.get(i).value() instanceof Fixed f ? f.value() : null;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(String name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Attribute names in writing order, {@code xmlns} included. */
    public List<String> names() {
        return attributes.stream().map(Attribute::name).toList();
    }

    /**
     * A new element of this form. {@code values} holds the change's values by attribute name and the
     * names values may follow; an attribute whose value is missing is left out.
     */
    public Fragment render(Map<String, String> values, List<Fragment> childFragments) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Attribute a : attributes) {
            String v;
            if (a.value() instanceof Fixed f) {
                v = f.value();
            } else if (a.value() instanceof Follows f) {
                v = values.get(f.name()) == null ? null : f.prefix() + values.get(f.name()) + f.suffix();
            } else {
                v = values.get(a.name());
            }
            if (v != null) {
                out.add(Map.entry(a.name(), v));
            }
        }
        return new Fragment(namespaceUri, localName, out, childFragments, null);
    }

    /**
     * How this form differs from {@code other} (the built-in one), one phrase each: name, attribute
     * set and order, namespace declaration, values. A value the change decides is not compared.
     */
    public List<String> differencesFrom(ElementForm other) {
        List<String> out = new ArrayList<>();
        if (!localName.equals(other.localName) || !namespaceUri.equals(other.namespaceUri)) {
            out.add("element " + localName + " in " + namespaceUri + " (built-in: " + other.localName + " in " + other.namespaceUri + ")");
            return out;
        }
        List<String> mine = names();
        List<String> theirs = other.names();
        for (Attribute a : attributes) {
            if (!theirs.contains(a.name())) {
                out.add("has " + a.name() + " " + describe(a.value()) + " (built-in: no " + a.name() + ")");
            }
        }
        for (String n : theirs) {
            if (!mine.contains(n)) {
                out.add("no " + n + " (built-in: has it)");
            }
        }
        List<String> common = mine.stream().filter(theirs::contains).toList();
        if (!common.equals(theirs.stream().filter(mine::contains).toList())) {
            out.add("attribute order " + String.join(" ", mine) + " (built-in: " + String.join(" ", theirs) + ")");
        }
        Map<String, Value> byName = new HashMap<>();
        other.attributes.forEach(a -> byName.put(a.name(), a.value()));
        for (Attribute a : attributes) {
            Value b = byName.get(a.name());
            if (b != null && !(a.value() instanceof Given) && !(b instanceof Given) && !a.value().equals(b)) {
                out.add(a.name() + " " + describe(a.value()) + " (built-in: " + describe(b) + ")");
            }
        }
        return out;
    }

    private static String describe(Value v) {
        if (v instanceof Fixed f) {
            return "\"" + f.value() + "\"";
        }
        if (v instanceof Follows f) {
            return "\"" + f.prefix() + "{" + f.name() + "}" + f.suffix() + "\"";
        }
        return "given by the change";
    }
}

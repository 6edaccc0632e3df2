package org.cstopo.diff;

import org.w3c.dom.Element;

/**
 * One difference between two XML trees, in XML terms. {@code control} is the element of the old
 * document and {@code test} that of the new one; for an added element only {@code test} is set, for
 * a removed one only {@code control}. {@code name} is the attribute's qualified name for attribute changes.
 */
public record NodeChange(Type type, Element control, Element test, String name, String oldValue, String newValue,
                         String xpath) {

    public enum Type { ELEMENT_ADDED, ELEMENT_REMOVED, ATTRIBUTE_ADDED, ATTRIBUTE_REMOVED, ATTRIBUTE_CHANGED, TEXT_CHANGED, OTHER }
}

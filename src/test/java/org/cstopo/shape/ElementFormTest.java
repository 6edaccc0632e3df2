package org.cstopo.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cstopo.io.Fragment;
import org.cstopo.io.SourceDocument;
import org.cstopo.io.TextEncoding;
import org.junit.jupiter.api.Test;

class ElementFormTest {
    @Test
    void aValueFollowsANameWhateverCaseAndCharactersComeBeforeIt() {
        // U+0130 lower-cases to two chars: an index into the lower-cased value would cut this one in the wrong place
        SourceDocument doc = SourceDocument.parse("x.xml", TextEncoding.UTF8,
                "<Machine Fqdn=\"node1.sip.com\" FaultDomain=\"\u0130stanbul/NODE1.sip.com/rack\" />");
        ElementForm form = ElementForm.learn(doc.root(), Set.of("Fqdn"), Map.of("machine FQDN", "node1.sip.com"));
        assertEquals(new ElementForm.Follows("\u0130stanbul/", "machine FQDN", "/rack"), form.attributes().get(1).value());
        Fragment f = form.render(Map.of("Fqdn", "node2.sip.com", "machine FQDN", "node2.sip.com"), List.of());
        assertEquals(List.of(Map.entry("Fqdn", "node2.sip.com"), Map.entry("FaultDomain", "\u0130stanbul/node2.sip.com/rack")),
                f.attributes());
    }
}

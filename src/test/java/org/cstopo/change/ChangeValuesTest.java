package org.cstopo.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.cstopo.change.ChangeValues.Kind;
import org.junit.jupiter.api.Test;

/** The value rules, word for word: what each says is wrong (the inputs add where and how to write it). */
class ChangeValuesTest {

    @Test
    void anFqdnIsRfc1123LabelsWithoutTrailingDotNorNumericTopLevelDomain() {
        assertEquals("'\"' is not allowed: a name holds letters, digits, hyphens and dots only", Kind.FQDN.problem("p\"<>.com"));
        assertEquals("an underscore is not allowed: a name holds letters, digits, hyphens and dots only", Kind.FQDN.problem("a_b.com"));
        assertEquals("a space is not allowed: a name holds letters, digits, hyphens and dots only", Kind.FQDN.problem("a b.com"));
        assertEquals("'\u00fc' is not allowed: a name holds letters, digits, hyphens and dots only (an internationalised name in its"
                + " xn-- form)", Kind.FQDN.problem("b\u00fccher.de"));
        assertEquals("the character U+0009 is not allowed: a name holds letters, digits, hyphens and dots only", Kind.FQDN.problem("a\t.com"));
        assertEquals("it ends with a dot (write it without)", Kind.FQDN.problem("a.b.com."));
        assertEquals("it starts with a dot", Kind.FQDN.problem(".b.com"));
        assertEquals("two dots with nothing between them", Kind.FQDN.problem("a..b.com"));
        assertEquals("it is a single label (a NetBIOS name, which Lync refuses): add its domain", Kind.FQDN.problem("trustedpool"));
        assertEquals("it is 304 characters long; a name has 253 at most", Kind.FQDN.problem("x".repeat(300) + ".com"));
        assertEquals("its label 'aaaaaaaaaa...' is 64 characters long; a label has 63 at most", Kind.FQDN.problem("a".repeat(64) + ".com"));
        assertEquals("its label '-a' starts with a hyphen", Kind.FQDN.problem("-a.b.com"));
        assertEquals("its label 'b-' ends with a hyphen", Kind.FQDN.problem("a.b-.com"));
        assertEquals("its last label '10' has no letter (a top-level domain is alphabetic; is this an address?)",
                Kind.FQDN.problem("10.10.1.10"));
        assertEquals("it is empty", Kind.FQDN.problem(""));
        assertNull(Kind.FQDN.problem("xn--bcher-kva.example"));
        assertNull(Kind.FQDN.problem("a".repeat(63) + ".b"));
    }

    @Test
    void anApplicationIdIsTheIdAloneOrAfterItsUrnPrefix() {
        assertNull(Kind.APPLICATION_ID.problem("urn:application:tapp1"));
        assertNull(Kind.APPLICATION_ID.problem("Microsoft.Rtc.Applications.Acd"));
        assertEquals("nothing follows urn:application:", Kind.APPLICATION_ID.problem("urn:application:"));
        assertEquals("':' is not allowed: write the id alone, or after urn:application: in lower case",
                Kind.APPLICATION_ID.problem("urn:Application:x"));
        assertEquals("a space is not allowed: an application id holds letters, digits, dots, hyphens and underscores only",
                Kind.APPLICATION_ID.problem("a b"));
        assertEquals("no application id after the '/'", Kind.APPLICATION_IDENTITY.problem("tp.sip.com/"));
        assertEquals("its pool FQDN 'tp' is not valid: it is a single label (a NetBIOS name, which Lync refuses): add its domain",
                Kind.APPLICATION_IDENTITY.problem("tp/app"));
        assertNull(Kind.APPLICATION_IDENTITY.problem("tp.sip.com/urn:application:app"));
    }

    @Test
    void anAddressHasNoZoneIdAndPortsAreWholeNumbersInRange() {
        assertEquals("'%eth0' is a zone id, which only the computer itself knows: give the address alone (fe80::1)",
                Kind.ADDRESS.problem("fe80::1%eth0"));
        assertEquals("IPv4 is four numbers from 0 to 255 without leading zeros", Kind.ADDRESS.problem("010.0.0.1"));
        assertEquals("", Kind.ADDRESS.problem("a.b.c.d"));
        assertNull(Kind.ADDRESS.problem("0.0.0.0"));
        assertEquals("it is not a whole number", Kind.PORT.problem("5061.0"));
        assertEquals("", Kind.PORT.problem("65536"));
        assertNull(Kind.PORT.problem(" +05061 "), "as XML Schema reads an int");
        assertEquals("it is blank", Kind.SITE.problem("  "));
        assertEquals("it begins or ends with a space", Kind.SITE.problem("Redmond "));
        assertEquals("nothing follows Registrar:", Kind.REGISTRAR.problem("registrar:"));
        assertNull(Kind.REGISTRAR.problem("$SkypeFQDN"), "a name the topology may hold; looking it up is the applier's part");
    }

    private static final ChangeValues.Spelling FILE = ChangesFile.SPELLING;

    @Test
    void aChangeIsCheckedAsItsElementAndAttributesAndTheProblemIsWordedByTheInput() {
        ChangeValues.Problem p = ChangeValues.problem(new Change.NewTrustedApplication("o", "a b", "tp.sip.com", 5061, false));
        assertEquals("ApplicationId", p.attribute());
        assertEquals("ApplicationId 'a b' is not an application id: a space is not allowed: an application id holds letters, digits,"
                + " dots, hyphens and underscores only; e.g. ApplicationId=\"imptrustedapp.sip.com\"", p.message(FILE));
        ChangeValues.Spelling typed = new ChangeValues.Spelling() {
            @Override
            public String name(String attribute) {
                return "--" + attribute.toLowerCase();
            }

            @Override
            public String example(String attribute, String value) {
                return name(attribute) + " " + value;
            }
        };
        assertEquals("--applicationid 'a b' is not an application id: a space is not allowed: an application id holds letters,"
                + " digits, dots, hyphens and underscores only; e.g. --applicationid imptrustedapp.sip.com", p.message(typed));
    }

    @Test
    void aPortRangeIsAStartAndACountWithinThePortNumbers() {
        ChangeValues.Problem half = ChangeValues.problem("NewTrustedApplicationPool",
                Map.of("Identity", "tp.sip.com", "Registrar", "r.sip.com", "VideoPortCount", "100"));
        assertEquals("VideoPortCount", half.attribute());
        assertEquals("VideoPortCount needs VideoPortStart (a port range is a start and a count): give both or neither", half.message(FILE));
        ChangeValues.Problem past = ChangeValues.problem("NewTrustedApplicationPool",
                Map.of("Identity", "tp.sip.com", "Registrar", "r.sip.com", "AudioPortStart", "65000", "AudioPortCount", "1000"));
        assertEquals("AudioPortStart 65000 and AudioPortCount 1000 run past port 65535: lower one of them", past.message(FILE));
        assertNull(ChangeValues.problem("NewTrustedApplicationPool",
                Map.of("Identity", "tp.sip.com", "Registrar", "r.sip.com", "AudioPortStart", "64536", "AudioPortCount", "1000")));
    }

    @Test
    void aSetWithNothingToSetIsAProblemAndOneSettingIsEnough() {
        ChangeValues.Problem p = ChangeValues.problem(new Change.SetTrustedApplicationPool("o", "tp.sip.com", null, null, null, null, null));
        assertEquals("Identity tp.sip.com: nothing to change; give one setting at least: Registrar, TreatAsAuthenticated,"
                + " ThrottleAsServer, RequiresReplication, OutboundOnly", p.message(FILE));
        assertNull(ChangeValues.problem(new Change.SetTrustedApplicationPool("o", "tp.sip.com", null, null, null, null, false)));
    }

    @Test
    void theSameComputerAndSideTwiceIsADuplicateInAnyCaseButTwoSidesAreNot() {
        Change.SetIPAddress first = new Change.SetIPAddress("c.xml:2:3", "imp1.sip.com", "10.0.0.1", "Primary");
        Change.SetIPAddress external = new Change.SetIPAddress("c.xml:3:3", "imp1.sip.com", "10.0.0.2", "External");
        Change.SetIPAddress again = new Change.SetIPAddress("c.xml:4:3", "IMP1.sip.com", "10.0.0.1", "primary");
        assertNull(ChangeValues.duplicate(List.of(first, external)));
        ChangeValues.Duplicate d = ChangeValues.duplicate(List.of(first, external, again));
        assertEquals(first, d.earlier());
        assertEquals(again, d.later());
        assertEquals("IMP1.sip.com is given twice (primary interface): give each computer one address", d.message());
        assertNull(ChangeValues.duplicate(List.of(first, new Change.SetIPAddress("c.xml:5:3", "imp2.sip.com", "10.0.0.1", "Primary"))),
                "one address on two computers is validation's ip-address-shared, which --force may overrule");
    }

    @Test
    void setIpAssignmentsSayWhichHalfIsWrong() {
        assertEquals("'imp1.sip.com' is not FQDN=ADDRESS; e.g. impserver2.sip.com=10.10.1.11",
                ChangeValues.Assignment.parse("o", "imp1.sip.com", "Primary").problem());
        assertEquals("'imp_1.sip.com' in 'imp_1.sip.com=10.0.0.1' is not a fully qualified domain name: an underscore is not allowed: a"
                + " name holds letters, digits, hyphens and dots only; e.g. impserver2.sip.com=10.10.1.11",
                ChangeValues.Assignment.parse("o", "imp_1.sip.com=10.0.0.1", "Primary").problem());
        assertEquals(new Change.SetIPAddress("o", "imp1.sip.com", "::1", "External"),
                ChangeValues.Assignment.parse("o", "imp1.sip.com=::1", "External").change());
    }
}

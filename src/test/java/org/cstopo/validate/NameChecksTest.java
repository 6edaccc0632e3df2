package org.cstopo.validate;

import static org.cstopo.validate.EditedFixture.findings;
import static org.cstopo.validate.EditedFixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NetBIOS names and host-name characters, beyond the one fixture per rule. */
class NameChecksTest {
    /** A pool and its Office Web Apps service, inserted into se-synergy.xml (pool cluster 9). */
    private static final String[] WAC_POOL = {
        "  </Clusters>", "    <Cluster RequiresReplication=\"false\" RequiresSetup=\"false\" Fqdn=\"OWA01\">\n"
            + "      <ClusterId SiteId=\"1\" Number=\"9\" />\n      <Machine OrdinalInCluster=\"1\" Fqdn=\"OWA01\" />\n    </Cluster>\n"
            + "  </Clusters>",
        "  </Services>", "    <Service RoleVersion=\"1\" ServiceVersion=\"6\">\n"
            + "      <ServiceId SiteId=\"1\" RoleName=\"WacService\" Instance=\"1\" />\n      <DependsOn />\n"
            + "      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"9\" />\n      </InstalledOn>\n"
            + "      <WacService xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\""
            + " DiscoveryUrl=\"https://owa_01/hosting/discovery/\" IsExternal=\"false\" />\n    </Service>\n  </Services>"};

    @Test
    void anOfficeWebAppsPoolMayCarryASingleLabelNameAsInAGenuineExportButNotAnUnderscore() {
        List<Finding> f = findings("se-synergy.xml", WAC_POOL);
        assertEquals(List.of("warning name-characters service 1-WacService-1"), summary(f));
        assertTrue(f.get(0).message().contains("the discovery URL host 'owa_01' holds an underscore"), f.get(0).message());
    }

    @Test
    void theSamePoolWithoutItsOfficeWebAppsRoleIsANetBiosName() {
        List<Finding> f = findings("se-synergy.xml", WAC_POOL[0], WAC_POOL[1]);
        assertEquals(List.of("error netbios-name pool OWA01"), summary(f), "the machine named as its pool is reported once");
        assertTrue(f.get(0).fix().contains("OWA01.synergy.com"), f.get(0).fix());
    }

    @Test
    void aStandardEditionServerNamedByItsHostNameIsOneFinding() {
        List<Finding> f = findings("se-synergy.xml", "lyncserver.synergy.com", "LYNCSERVER");
        assertEquals(List.of("error netbios-name pool LYNCSERVER"), summary(f));
        assertTrue(f.get(0).fix().startsWith("a published pool cannot be renamed: define it again under its FQDN (for example"
                + " LYNCSERVER.synergy.com)"), f.get(0).fix());
    }

    @Test
    void aTrustedPoolKeepsItsOwnRuleId() {
        List<Finding> f = findings("se-trusted-pool.xml", "Fqdn=\"ucma01.synergy.com\"", "Fqdn=\"ucma01\"");
        assertEquals(List.of("error trusted-pool-netbios-name pool ucmapool.synergy.com, machine ucma01",
                "warning trusted-pool-unassigned-ip pool ucmapool.synergy.com, machine ucma02.synergy.com"), summary(f));
    }

    @Test
    void placeholdersAndAddressesAreNotHostNames() {
        assertFalse(NameChecks.isSingleLabelHostName("$SkypeFQDN"), "a lab script's placeholder");
        assertFalse(NameChecks.isSingleLabelHostName("fe80::1"), "an IPv6 gateway address");
        assertFalse(NameChecks.isSingleLabelHostName("192.0.2.7"));
        assertFalse(NameChecks.isSingleLabelHostName("lync.fabrikam.com"));
        assertFalse(NameChecks.isSingleLabelHostName(""));
        assertTrue(NameChecks.isSingleLabelHostName("S4BLab92-WAC1"));
        assertTrue(NameChecks.isSingleLabelHostName("fs_01"));
    }

    @Test
    void badCharacters() {
        assertNull(NameChecks.badCharacter("lync-01.fabrikam.com"));
        assertNull(NameChecks.badCharacter("xn--slj-qla.fabrikam.com"));
        assertNull(NameChecks.badCharacter(null));
        assertTrue(NameChecks.badCharacter("a_b.fabrikam.com").startsWith("an underscore"));
        assertTrue(NameChecks.badCharacter("säljare.fabrikam.com").startsWith("'ä', which is not ASCII"));
        assertTrue(NameChecks.badCharacter("日本.example").startsWith("'日'"));
    }

    @Test
    void hostOfAUrl() {
        assertEquals("wac.fabrikam.com", NameChecks.hostOf("https://wac.fabrikam.com/hosting/discovery/"));
        assertEquals("wac.fabrikam.com", NameChecks.hostOf("https://wac.fabrikam.com:443/hosting/discovery"));
        assertEquals("wac", NameChecks.hostOf("https://wac?x"));
        assertEquals("wac.fabrikam.com", NameChecks.hostOf("wac.fabrikam.com"));
        assertNull(NameChecks.hostOf(null));
    }
}

package org.cstopo.validate;

import static org.cstopo.validate.EditedFixture.findings;
import static org.cstopo.validate.EditedFixture.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL instances and file stores, beyond the one fixture per rule. */
class StoreChecksTest {
    /** se-synergy.xml's FileStore service is installed on cluster 2 (fs01); these move it. */
    private static final String FILE_STORE_ON_FS01 = "<ServiceId SiteId=\"1\" RoleName=\"FileStore\" Instance=\"1\" />\n"
            + "      <DependsOn />\n      <InstalledOn>\n        <ClusterId SiteId=\"1\" Number=\"2\" />";

    private static String fileStoreOn(String number) {
        return FILE_STORE_ON_FS01.replace("Number=\"2\"", "Number=\"" + number + "\"");
    }

    @Test
    void aStandardEditionServerMayHoldItsOwnFileShare() {
        assertEquals(List.of(), findings("se-synergy.xml", FILE_STORE_ON_FS01, fileStoreOn("1")));
    }

    @Test
    void aDirectorMayNot() {
        List<Finding> f = findings("se-synergy-director.xml", FILE_STORE_ON_FS01, fileStoreOn("3"));
        assertEquals(List.of("error file-store-collocated service 1-FileStore-1"), summary(f));
        assertTrue(f.get(0).message().contains("pool director.synergy.com, a Director pool (1-Registrar-2)"), f.get(0).message());
    }

    @Test
    void storesOfDifferentRolesShareAnInstanceAsInEveryExport() {
        String applicationStore = "  </Services>";
        List<Finding> f = findings("se-synergy.xml", applicationStore,
                "    <Service RoleVersion=\"1\" ServiceVersion=\"6\">\n"
                        + "      <ServiceId SiteId=\"1\" RoleName=\"ApplicationStore\" Instance=\"1\" />\n      <DependsOn />\n"
                        + "      <InstalledOn>\n        <SqlInstanceId Name=\"RTC\">\n          <ClusterId SiteId=\"1\" Number=\"1\" />\n"
                        + "        </SqlInstanceId>\n      </InstalledOn>\n    </Service>\n  </Services>");
        assertEquals(List.of(), f, "another role on the same instance (its name written in another case)");
    }

    @Test
    void aSecondStoreOfTheSameRoleOnTheSameInstanceNameInAnotherCaseIsTheSameInstance() {
        List<Finding> f = findings("invalid/sql-instance-shared.xml", "<SqlInstanceId Name=\"lync\">\n          <ClusterId SiteId=\"1\" Number=\"2\" />\n"
                + "        </SqlInstanceId>\n      </InstalledOn>\n      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />\n"
                + "    </Service>\n  </Services>", "<SqlInstanceId Name=\"LYNC\">\n          <ClusterId SiteId=\"1\" Number=\"2\" />\n"
                + "        </SqlInstanceId>\n      </InstalledOn>\n      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />\n"
                + "    </Service>\n  </Services>");
        assertEquals(List.of("error sql-instance-shared service 1-UserStore-2"), summary(f));
    }

    @Test
    void anotherInstanceOnTheSameServerIsFine() {
        List<Finding> f = findings("invalid/sql-instance-shared.xml", "<SqlInstanceId Name=\"lync\">\n          <ClusterId SiteId=\"1\" Number=\"2\" />\n"
                + "        </SqlInstanceId>\n      </InstalledOn>\n      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />\n"
                + "    </Service>\n  </Services>", "<SqlInstanceId Name=\"lync2010\">\n          <ClusterId SiteId=\"1\" Number=\"2\" />\n"
                + "        </SqlInstanceId>\n      </InstalledOn>\n      <Ports xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\" />\n"
                + "    </Service>\n  </Services>", "    </SqlInstance>\n  </SqlInstances>", "    </SqlInstance>\n    <SqlInstance>\n"
                + "      <SqlInstanceId Name=\"lync2010\">\n        <ClusterId SiteId=\"1\" Number=\"2\" />\n      </SqlInstanceId>\n"
                + "    </SqlInstance>\n  </SqlInstances>");
        assertEquals(List.of(), f);
    }

    @Test
    void aPoolUsingAnotherSitesFileStoreIsReportedOnceWhateverServicesDependOnIt() {
        List<Finding> f = findings("invalid/file-store-other-site.xml",
                "<ServiceId SiteId=\"2\" RoleName=\"Registrar\" Instance=\"1\" />\n      <DependsOn>\n",
                "<ServiceId SiteId=\"2\" RoleName=\"Registrar\" Instance=\"1\" />\n      <DependsOn>\n        <Dependency Usage=\"Default\">\n"
                        + "          <ServiceId SiteId=\"1\" RoleName=\"FileStore\" Instance=\"1\" />\n        </Dependency>\n");
        assertEquals(List.of("warning file-store-other-site pool se02.fabrikam.com, service 2-UserServices-1"), summary(f));
    }
}

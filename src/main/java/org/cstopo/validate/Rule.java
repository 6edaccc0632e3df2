package org.cstopo.validate;

import static org.cstopo.validate.Severity.ERROR;
import static org.cstopo.validate.Severity.INFO;
import static org.cstopo.validate.Severity.WARNING;

/**
 * Every rule cstopo checks, with its stable id (used in output, in the README and by scripts:
 * never rename one) and its severity. The checks themselves live in the *Checks classes.
 */
public enum Rule {
    VALUE_INVALID("value-invalid", ERROR, "a value cannot be read: a boolean attribute that is not true or false"),
    ATTRIBUTE_MISSING("attribute-missing", ERROR,
            "an identifying attribute is missing (ClusterId SiteId/Number, ServiceId SiteId/RoleName/Instance, Fqdn, SQL instance Name)"),
    DEPENDENCY_MISSING("dependency-missing", ERROR, "a DependsOn names a service that does not exist"),
    INSTALLED_ON_MISSING("installed-on-missing", ERROR,
            "an InstalledOn (or a SQL instance) names a cluster or SQL instance that does not exist"),
    SITE_MISSING("site-missing", ERROR, "a cluster's ClusterId names a site that is not defined"),
    TRUSTED_POOL_REGISTRAR("trusted-pool-registrar", ERROR,
            "a trusted application pool has no registrar, or its registrar service or the registrar's site does not exist"),
    POOL_FQDN_DUPLICATE("pool-fqdn-duplicate", ERROR, "two pools have the same FQDN"),
    MACHINE_FQDN_DUPLICATE("machine-fqdn-duplicate", ERROR,
            "a machine FQDN appears twice, or is the FQDN of another pool (a Standard Edition machine may share its own pool's FQDN)"),
    CLUSTER_NUMBER_DUPLICATE("cluster-number-duplicate", ERROR, "two clusters have the same ClusterId Number in one site"),
    SERVICE_INSTANCE_DUPLICATE("service-instance-duplicate", ERROR,
            "two services have the same ServiceId (Instance of a role within a site)"),
    APPLICATION_ID_DUPLICATE("application-id-duplicate", ERROR,
            "one application id is defined twice (for the same usage) on one pool"),
    SIP_PORT_CONFLICT("sip-port-conflict", ERROR,
            "two listeners of one pool share interface, port, protocol, usage and URL path"),
    IP_ADDRESS_INVALID("ip-address-invalid", ERROR, "an IPAddress or ConfiguredIPAddress is not an IPv4 or IPv6 address"),
    IP_ADDRESS_SHARED("ip-address-shared", ERROR, "two machines have the same real (not 0.0.0.0) address"),
    TRUSTED_POOL_UNASSIGNED_IP("trusted-pool-unassigned-ip", WARNING,
            "a machine of a trusted application pool is still on 0.0.0.0"),
    TRUSTED_POOL_SINGLE_COMPUTER("trusted-pool-single-computer", ERROR,
            "a trusted application pool that also hosts Registrar or CentralMgmt, or whose computer has the pool's FQDN,"
                    + " holds more than one computer"),
    TRUSTED_POOL_NETBIOS_NAME("trusted-pool-netbios-name", ERROR,
            "a trusted application pool or computer is named by a NetBIOS name, not an FQDN (NetBIOSNameNotAllowed)"),
    LYNC_POOL_IN_FEDERATED_DOMAIN("lync-pool-in-federated-domain", ERROR,
            "a Lync registrar pool's FQDN is inside the IM and Presence domain of a federation trusted pool"),
    TRUSTED_POOL_NEXT_HOP("trusted-pool-next-hop", ERROR,
            "a trusted application pool's registrar (its next hop) is a Director pool, not a Front End pool or Standard Edition server"),
    NETBIOS_NAME("netbios-name", ERROR,
            "a pool, machine or file store is named by a NetBIOS name, not an FQDN (NetBIOSNameNotAllowed; trusted application"
                    + " pools keep trusted-pool-netbios-name)"),
    NAME_CHARACTERS("name-characters", WARNING, "an FQDN or a URL's host holds an underscore or a non-ASCII character"),
    SQL_INSTANCE_SHARED("sql-instance-shared", ERROR, "one SQL instance hosts two stores of the same role (two pools' back ends)"),
    FILE_STORE_COLLOCATED("file-store-collocated", ERROR,
            "a file store is on an Enterprise Edition Front End, Director, Edge or Office Web Apps pool"),
    FILE_STORE_OTHER_SITE("file-store-other-site", WARNING, "a pool uses the file store of another site"),
    ROLE_COLLOCATION("role-collocation", ERROR,
            "one pool hosts two of Front End, Director, Edge Server, stand-alone Mediation Server and Office Web Apps Server"),
    FRONT_END_POOL_SIZE("front-end-pool-size", WARNING,
            "a Front End pool holds more Front End Servers than supported (12; 16 in Skype for Business Server 2019)"),
    WEB_EXTERNAL_FQDN_DUPLICATE("web-external-fqdn-duplicate", ERROR,
            "two Front End pools or Directors share one external Web services FQDN"),
    WEB_PORT_CONFLICT("web-port-conflict", WARNING, "a pool's internal and external Web sites listen on the same port"),
    EDGE_NEXT_HOP("edge-next-hop", ERROR, "an Edge pool has no next hop (no Registrar in its DependsOn)"),
    EDGE_NAT_PRIVATE("edge-nat-private", WARNING,
            "an Edge Server's public (NAT) address is a private, loopback or link-local address"),
    TRUSTED_POOL_SHAPE("trusted-pool-shape", INFO,
            "an existing trusted application pool is written differently from cstopo's built-in (inferred) form");

    private final String id;
    private final Severity severity;
    private final String summary;

    Rule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }
}

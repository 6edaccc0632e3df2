<?xml version="1.0" encoding="UTF-8"?>
<!--
  add-trusted-pool: what New-CsTrustedApplicationPool, New-CsTrustedApplicationComputer and
  New-CsTrustedApplication add to a topology, in the same shape as cstopo apply writes
  (org.cstopo.change.TrustedPoolShape: keep the two in step).

  Parameters (named like the cmdlets' parameters)
    identity              required  pool FQDN, e.g. trustedpool.sip.com
    registrar             required  registrar pool FQDN, e.g. lyncserver.synergy.com
    site                  required  SiteId, e.g. 1
    computers             optional  computer FQDNs separated by commas, the first one being the
                                    ComputerFqdn of New-CsTrustedApplicationPool (default: identity)
    applications          optional  ID=PORT pairs separated by commas, e.g. imptrustedapp.sip.com=5061 (MTLS)
    treatAsAuthenticated  optional  true (default) or false
    throttleAsServer      optional  true (default) or false
    requiresReplication   optional  true (default) or false
    outboundOnly          optional  false (default) or true

  The new Cluster goes after the last pool, the new ExternalServer service after the last service.
  Computers get 0.0.0.0 (set their addresses with set-ip or replace-unassigned-ips).
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:param name="identity" as="xs:string" required="yes"/>
  <xsl:param name="registrar" as="xs:string" required="yes"/>
  <xsl:param name="site" as="xs:string" required="yes"/>
  <xsl:param name="computers" as="xs:string" select="$identity"/>
  <xsl:param name="applications" as="xs:string" select="''"/>
  <xsl:param name="treatAsAuthenticated" as="xs:boolean" select="true()"/>
  <xsl:param name="throttleAsServer" as="xs:boolean" select="true()"/>
  <xsl:param name="requiresReplication" as="xs:boolean" select="true()"/>
  <xsl:param name="outboundOnly" as="xs:boolean" select="false()"/>

  <xsl:global-context-item as="document-node()" use="required"/>
  <xsl:mode on-no-match="shallow-copy"/>

  <xsl:variable name="roles" select="'urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008'"/>
  <xsl:variable name="computer-list" select="tokenize($computers, '\s*,\s*')[normalize-space()]"/>
  <xsl:variable name="registrar-cluster" select="//Cluster[lower-case(@Fqdn) = lower-case($registrar)]"/>
  <xsl:variable name="registrar-service" select="//Service[ServiceId/@RoleName = 'Registrar']
      [InstalledOn/ClusterId[@SiteId = $registrar-cluster/ClusterId/@SiteId and @Number = $registrar-cluster/ClusterId/@Number]]"/>
  <!-- Cluster numbers are unique per site, ExternalServer instances per site: take the next free one. -->
  <xsl:variable name="number" select="max((0, //Cluster/ClusterId[@SiteId = $site]/@Number ! xs:integer(.))) + 1"/>
  <xsl:variable name="instance" select="max((0, //Service/ServiceId[@SiteId = $site][@RoleName = 'ExternalServer']/@Instance ! xs:integer(.))) + 1"/>

  <xsl:template match="/">
    <xsl:if test="//Cluster[lower-case(@Fqdn) = lower-case($identity)]">
      <xsl:message terminate="yes">pool {$identity} already exists</xsl:message>
    </xsl:if>
    <xsl:if test="empty(//Sites/*[@SiteId = $site])">
      <xsl:message terminate="yes">site {$site} does not exist</xsl:message>
    </xsl:if>
    <xsl:if test="empty($registrar-service)">
      <xsl:message terminate="yes">no registrar pool {$registrar} in this topology</xsl:message>
    </xsl:if>
    <xsl:variable name="taken" select="//Machine/lower-case(@Fqdn)"/>
    <xsl:for-each select="$computer-list[lower-case(.) = $taken]">
      <xsl:message terminate="yes">computer {.} already belongs to a pool</xsl:message>
    </xsl:for-each>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="Clusters">
    <xsl:copy>
      <xsl:apply-templates select="@*, node()"/>
      <Cluster RequiresReplication="{$requiresReplication}" RequiresSetup="false" Fqdn="{$identity}">
        <ClusterId SiteId="{$site}" Number="{$number}"/>
        <xsl:for-each select="$computer-list">
          <Machine OrdinalInCluster="{position()}" Fqdn="{.}">
            <NetInterface InterfaceSide="Primary" InterfaceNumber="1" IPAddress="0.0.0.0"/>
          </Machine>
        </xsl:for-each>
      </Cluster>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="Services">
    <xsl:copy>
      <xsl:apply-templates select="@*, node()"/>
      <Service RoleVersion="1" ServiceVersion="{($registrar-service/@ServiceVersion, '6')[1]}"
          Type="Microsoft.Rtc.Management.Deploy.Internal.ServiceRoles.ExternalServerService">
        <ServiceId SiteId="{$site}" RoleName="ExternalServer" Instance="{$instance}"/>
        <DependsOn>
          <Dependency Usage="Default">
            <xsl:copy-of select="$registrar-service/ServiceId"/>
          </Dependency>
        </DependsOn>
        <InstalledOn>
          <ClusterId SiteId="{$site}" Number="{$number}"/>
        </InstalledOn>
        <xsl:element name="Ports" namespace="{$roles}">
          <xsl:for-each select="tokenize($applications, '\s*,\s*')[normalize-space()]">
            <xsl:variable name="id" select="substring-before(., '=')"/>
            <xsl:element name="Port" namespace="{$roles}">
              <xsl:attribute name="Owner" select="'urn:application:' || $id"/>
              <xsl:attribute name="Usage" select="'SipServer'"/>
              <xsl:attribute name="InterfaceSide" select="'Primary'"/>
              <xsl:attribute name="InterfaceNumber" select="'1'"/>
              <xsl:attribute name="Port" select="substring-after(., '=')"/>
              <xsl:attribute name="Protocol" select="'Mtls'"/>
              <xsl:attribute name="UrlPath" select="'/'"/>
              <xsl:attribute name="AuthorizesRequests" select="'true'"/>
              <xsl:attribute name="GruuType" select="$id"/>
            </xsl:element>
          </xsl:for-each>
        </xsl:element>
        <xsl:element name="ExternalServerService" namespace="{$roles}">
          <xsl:attribute name="TreatAsAuthenticated" select="$treatAsAuthenticated"/>
          <xsl:attribute name="ThrottleAsServer" select="$throttleAsServer"/>
          <xsl:attribute name="OutboundOnly" select="$outboundOnly"/>
        </xsl:element>
      </Service>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>

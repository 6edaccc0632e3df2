<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-text: a plain-text report of a topology for a change review: sites, then every pool with
  its machines and addresses, the roles it hosts and, for trusted application pools, the registrar
  and the applications with their ports. No parameters.

  The output method is text, so cstopo prints the result as it is (a report, not an edit).
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:output method="text"/>
  <xsl:global-context-item as="document-node()" use="required"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <!-- The services installed on a cluster, by its ClusterId. -->
  <xsl:key name="services-on" match="Service" use="InstalledOn/ClusterId/(@SiteId || ':' || @Number)"/>

  <xsl:template match="/">
    <xsl:text>Topology {Topology/@Signature}{$nl}</xsl:text>
    <xsl:for-each select="Topology/Sites/*">
      <xsl:text>site {@SiteId}: {Name}{$nl}</xsl:text>
    </xsl:for-each>
    <xsl:apply-templates select="Topology/Clusters/Cluster"/>
  </xsl:template>

  <xsl:template match="Cluster">
    <xsl:variable name="services" select="key('services-on', ClusterId/(@SiteId || ':' || @Number))"/>
    <xsl:text>{$nl}pool {@Fqdn} (site {ClusterId/@SiteId}): {string-join($services/ServiceId/@RoleName, ', ')}{$nl}</xsl:text>
    <xsl:for-each select="Machine">
      <xsl:text>  machine {@Fqdn}{string-join(NetInterface ! (' ' || @InterfaceSide || '=' || @IPAddress), '')}{$nl}</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="$services[ServiceId/@RoleName = 'ExternalServer']">
      <xsl:text>  trusted application pool, registrar {DependsOn/Dependency/ServiceId[@RoleName = 'Registrar']
          ! (@SiteId || '-' || @RoleName || '-' || @Instance)}{$nl}</xsl:text>
      <xsl:for-each select="*:Ports/*:Port[starts-with(@Owner, 'urn:application:')]">
        <xsl:text>  application {substring-after(@Owner, 'urn:application:')} port {@Port} {@Protocol}{$nl}</xsl:text>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>

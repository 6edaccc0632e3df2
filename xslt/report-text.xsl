<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-text: a plain-text report of a topology for a change review: sites, then every pool with
  its roles, its machines and addresses and, for a trusted application pool, its service id,
  registrar, settings and applications with their ports. No parameters.

  It says what `cstopo show` says (a test compares them on every fixture): a pool's roles are the
  services installed on it directly or through one of its SQL instances, each once, in the order
  of the Services section; the registrar is the registrar's pool FQDN and service id.

  The output method is text, so cstopo prints the result as it is (a report, not an edit).
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:r="urn:cstopo:report"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:output method="text"/>
  <xsl:global-context-item as="document-node()" use="required"/>

  <!-- The services on a cluster, installed on it or in one of its SQL instances, by "SiteId:Number". -->
  <xsl:key name="services-on" match="Service" use="InstalledOn/(ClusterId | SqlInstanceId/ClusterId)/(@SiteId || ':' || @Number)"/>
  <xsl:key name="service" match="Service" use="ServiceId/r:id(.)"/>
  <xsl:key name="cluster" match="Cluster" use="ClusterId/(@SiteId || ':' || @Number)"/>

  <!-- "1-Registrar-1", as Lync writes service ids. -->
  <xsl:function name="r:id" as="xs:string">
    <xsl:param name="serviceId" as="element()"/>
    <xsl:sequence select="$serviceId/(@SiteId || '-' || @RoleName || '-' || @Instance)"/>
  </xsl:function>

  <xsl:function name="r:services-on" as="element(Service)*">
    <xsl:param name="cluster" as="element(Cluster)"/>
    <xsl:sequence select="$cluster/key('services-on', ClusterId/(@SiteId || ':' || @Number))"/>
  </xsl:function>

  <!-- A pool's roles, each once, in the order of the Services section. -->
  <xsl:function name="r:roles" as="xs:string*">
    <xsl:param name="cluster" as="element(Cluster)"/>
    <xsl:for-each-group select="r:services-on($cluster)/ServiceId/@RoleName" group-by="string()">
      <xsl:sequence select="current-grouping-key()"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- The ExternalServer service that makes a pool a trusted application pool, or nothing. -->
  <xsl:function name="r:trusted" as="element(Service)?">
    <xsl:param name="cluster" as="element(Cluster)"/>
    <xsl:sequence select="r:services-on($cluster)[ServiceId/@RoleName = 'ExternalServer'][InstalledOn/ClusterId][1]"/>
  </xsl:function>

  <!-- "lyncserver.synergy.com (1-Registrar-1)": the registrar a service depends on, its pool and id. -->
  <xsl:function name="r:registrar" as="xs:string">
    <xsl:param name="service" as="element(Service)"/>
    <xsl:variable name="id" select="($service/DependsOn/Dependency/ServiceId[@RoleName = 'Registrar'])[1]"/>
    <xsl:variable name="pool" select="$id ! key('service', r:id(.))[1]
        ! key('cluster', InstalledOn/(ClusterId | SqlInstanceId/ClusterId)/(@SiteId || ':' || @Number))[1]/@Fqdn"/>
    <xsl:sequence select="if (empty($id)) then '(none)'
        else if (empty($pool)) then r:id($id) || ' (not in this topology)'
        else $pool || ' (' || r:id($id) || ')'"/>
  </xsl:function>

  <!-- A boolean setting as PowerShell prints it; "(not stated)" when the topology does not say. -->
  <xsl:function name="r:bool" as="xs:string">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:sequence select="if (normalize-space($value) = ('true', '1')) then 'True'
        else if (normalize-space($value) = ('false', '0')) then 'False' else '(not stated)'"/>
  </xsl:function>

  <!-- The four settings of a trusted application pool, by cmdlet parameter name. -->
  <xsl:function name="r:settings" as="map(xs:string, xs:string)">
    <xsl:param name="cluster" as="element(Cluster)"/>
    <xsl:variable name="role" select="r:trusted($cluster)/*:ExternalServerService[1]"/>
    <xsl:sequence select="map {
        'TreatAsAuthenticated': r:bool($role/@TreatAsAuthenticated),
        'ThrottleAsServer': r:bool($role/@ThrottleAsServer),
        'RequiresReplication': r:bool($cluster/@RequiresReplication),
        'OutboundOnly': r:bool($role/@OutboundOnly)}"/>
  </xsl:function>

  <xsl:variable name="r:settings" as="xs:string*" select="'TreatAsAuthenticated', 'ThrottleAsServer', 'RequiresReplication', 'OutboundOnly'"/>

  <!-- A trusted pool's applications (Port elements owned by urn:application:...). -->
  <xsl:function name="r:applications" as="element()*">
    <xsl:param name="cluster" as="element(Cluster)"/>
    <xsl:sequence select="r:trusted($cluster)/*:Ports[1]/*:Port[starts-with(@Owner, 'urn:application:')]"/>
  </xsl:function>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:text>Topology {Topology/@Signature}{$nl}</xsl:text>
    <xsl:for-each select="Topology/Sites/*">
      <xsl:text>site {@SiteId}: {Name}{$nl}</xsl:text>
    </xsl:for-each>
    <xsl:apply-templates select="Topology/Clusters/Cluster"/>
  </xsl:template>

  <xsl:template match="Cluster">
    <xsl:text>{$nl}pool {@Fqdn} (site {ClusterId/@SiteId}): {string-join(r:roles(.), ', ')}{$nl}</xsl:text>
    <xsl:for-each select="Machine">
      <xsl:text>  machine {@Fqdn}{string-join(NetInterface ! (' ' || @InterfaceSide || '=' || @IPAddress), '')}{$nl}</xsl:text>
    </xsl:for-each>
    <xsl:variable name="service" select="r:trusted(.)"/>
    <xsl:if test="exists($service)">
      <xsl:variable name="settings" select="r:settings(.)"/>
      <xsl:text>  trusted application pool {r:id($service/ServiceId)}, registrar {r:registrar($service)}{$nl}</xsl:text>
      <xsl:text>  {string-join($r:settings ! (. || ' ' || $settings(.)), ', ')}{$nl}</xsl:text>
      <xsl:for-each select="r:applications(.)">
        <xsl:text>  application {substring-after(@Owner, 'urn:application:')} port {@Port} {@Protocol}{$nl}</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

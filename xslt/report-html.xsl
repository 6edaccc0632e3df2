<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html: the report of report-text as an HTML page, for a change ticket or a wiki: a table of
  pools (roles, machines, addresses), one of trusted application pools (service id, registrar,
  site, settings) and one of trusted applications. No parameters.

  It says what `cstopo show` says (a test compares them on every fixture): a pool's roles are the
  services installed on it directly or through one of its SQL instances, each once, in the order
  of the Services section; the registrar is the registrar's pool FQDN and service id.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:r="urn:cstopo:report"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" indent="yes"/>
  <xsl:global-context-item as="document-node()" use="required"/>

  <!-- From here to "end of the shared part", report-text.xsl and report-html.xsl are the same text: a
       stylesheet may include nothing (see README, transform), so each carries its own copy. -->

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

  <!-- end of the shared part -->

  <xsl:template match="/">
    <xsl:variable name="trusted-pools" select="Topology/Clusters/Cluster[exists(r:trusted(.))]"/>
    <html>
      <head>
        <meta charset="utf-8"/>
        <title>Topology {Topology/@Signature}</title>
      </head>
      <body>
        <h1>Topology {Topology/@Signature}</h1>
        <h2>Pools</h2>
        <table border="1">
          <tr><th>pool</th><th>site</th><th>roles</th><th>machine</th><th>addresses</th></tr>
          <xsl:for-each select="Topology/Clusters/Cluster">
            <xsl:variable name="cluster" select="."/>
            <xsl:variable name="rows" select="(Machine, .[empty(Machine)])"/>
            <xsl:for-each select="$rows">
              <tr>
                <xsl:if test="position() = 1">
                  <td rowspan="{count($rows)}">{$cluster/@Fqdn}</td>
                  <td rowspan="{count($rows)}">{$cluster/ClusterId/@SiteId}</td>
                  <td rowspan="{count($rows)}">{string-join(r:roles($cluster), ', ')}</td>
                </xsl:if>
                <td>{self::Machine/@Fqdn}</td>
                <td>{string-join(self::Machine/NetInterface ! (@InterfaceSide || ' ' || @IPAddress), ', ')}</td>
              </tr>
            </xsl:for-each>
          </xsl:for-each>
        </table>
        <h2>Trusted application pools</h2>
        <table border="1">
          <tr><th>pool</th><th>service</th><th>registrar</th><th>site</th>
            <xsl:for-each select="$r:settings"><th>{.}</th></xsl:for-each></tr>
          <xsl:for-each select="$trusted-pools">
            <xsl:variable name="settings" select="r:settings(.)"/>
            <tr>
              <td>{@Fqdn}</td>
              <td>{r:id(r:trusted(.)/ServiceId)}</td>
              <td>{r:registrar(r:trusted(.))}</td>
              <td>{ClusterId/@SiteId}</td>
              <xsl:for-each select="$r:settings"><td>{$settings(.)}</td></xsl:for-each>
            </tr>
          </xsl:for-each>
        </table>
        <h2>Trusted applications</h2>
        <table border="1">
          <tr><th>pool</th><th>application</th><th>port</th><th>protocol</th></tr>
          <xsl:for-each select="$trusted-pools">
            <xsl:variable name="pool" select="@Fqdn"/>
            <xsl:for-each select="r:applications(.)">
              <tr>
                <td>{$pool}</td>
                <td>{substring-after(@Owner, 'urn:application:')}</td>
                <td>{@Port}</td>
                <td>{@Protocol}</td>
              </tr>
            </xsl:for-each>
          </xsl:for-each>
        </table>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html: the report of report-text as an HTML page with one table of pools, machines and
  addresses and one of trusted applications, for a change ticket or a wiki. No parameters.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" indent="yes"/>
  <xsl:global-context-item as="document-node()" use="required"/>

  <xsl:key name="services-on" match="Service" use="InstalledOn/ClusterId/(@SiteId || ':' || @Number)"/>

  <xsl:template match="/">
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
            <xsl:variable name="roles" select="string-join(key('services-on', ClusterId/(@SiteId || ':' || @Number))/ServiceId/@RoleName, ', ')"/>
            <xsl:variable name="cluster" select="."/>
            <xsl:for-each select="(Machine, .[empty(Machine)])">
              <tr>
                <td>{$cluster/@Fqdn}</td>
                <td>{$cluster/ClusterId/@SiteId}</td>
                <td>{$roles}</td>
                <td>{self::Machine/@Fqdn}</td>
                <td>{string-join(self::Machine/NetInterface ! (@InterfaceSide || ' ' || @IPAddress), ', ')}</td>
              </tr>
            </xsl:for-each>
          </xsl:for-each>
        </table>
        <h2>Trusted applications</h2>
        <table border="1">
          <tr><th>pool</th><th>application</th><th>port</th><th>protocol</th></tr>
          <xsl:for-each select="Topology/Services/Service[ServiceId/@RoleName = 'ExternalServer']">
            <xsl:variable name="pool" select="//Cluster[ClusterId/@SiteId = current()/InstalledOn/ClusterId/@SiteId]
                [ClusterId/@Number = current()/InstalledOn/ClusterId/@Number]/@Fqdn"/>
            <xsl:for-each select="*:Ports/*:Port[starts-with(@Owner, 'urn:application:')]">
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

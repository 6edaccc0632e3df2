<?xml version="1.0" encoding="UTF-8"?>
<!--
  replace-unassigned-ips: replace every 0.0.0.0 ("not pinned") address in one pool with the real
  address of each machine, and refuse when a machine of the pool has no address given.

  Parameters
    pool       required  the pool (Cluster) FQDN, e.g. trustedpool.sip.com
    addresses  required  FQDN=ADDRESS pairs separated by commas, one per machine of the pool

  Example (the README shows the full command line): pool=trustedpool.sip.com
  addresses=impserverPub.sip.com=10.10.1.10,impserver2.sip.com=10.10.1.11
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:param name="pool" as="xs:string" required="yes"/>
  <xsl:param name="addresses" as="xs:string" required="yes"/>

  <xsl:global-context-item as="document-node()" use="required"/>
  <xsl:mode on-no-match="shallow-copy"/>

  <xsl:variable name="address" as="map(xs:string, xs:string)" select="map:merge(
      for $pair in tokenize($addresses, '\s*,\s*')[normalize-space()]
      return map { lower-case(normalize-space(substring-before($pair, '='))) : normalize-space(substring-after($pair, '=')) })"/>

  <xsl:variable name="cluster" select="//Cluster[lower-case(@Fqdn) = lower-case($pool)]"/>

  <xsl:template match="/">
    <xsl:if test="empty($cluster)">
      <xsl:message terminate="yes">no pool {$pool} in this topology</xsl:message>
    </xsl:if>
    <xsl:variable name="missing" select="$cluster/Machine[NetInterface/@IPAddress = '0.0.0.0']
        [not(map:contains($address, lower-case(@Fqdn)))]/@Fqdn"/>
    <xsl:if test="exists($missing)">
      <xsl:message terminate="yes">no address given for {string-join($missing, ', ')} (pool {$pool} has 0.0.0.0 there)</xsl:message>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="Cluster[lower-case(@Fqdn) = lower-case($pool)]/Machine/NetInterface/@IPAddress[. = '0.0.0.0']">
    <xsl:attribute name="IPAddress" select="$address(lower-case(../../@Fqdn))"/>
  </xsl:template>
</xsl:stylesheet>

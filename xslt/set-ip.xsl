<?xml version="1.0" encoding="UTF-8"?>
<!--
  set-ip: set the IP address of named machines (what step 6 of Cisco's IM and Presence guide does by hand).

  Parameters
    machines  required  FQDN=ADDRESS pairs separated by commas, e.g.
                        impserverPub.sip.com=10.10.1.10,impserver2.sip.com=10.10.1.11
    side      optional  the NetInterface to change: Primary (default), External, Internal, Pstn

  Example (the README shows the full command line): machines=impserver2.sip.com=10.10.1.11

  Everything not matched below is copied as it is (xsl:mode on-no-match="shallow-copy"); cstopo then
  writes only the differences into the original file, so the result differs by one line per address.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:param name="machines" as="xs:string" required="yes"/>
  <xsl:param name="side" as="xs:string" select="'Primary'"/>

  <xsl:global-context-item as="document-node()" use="required"/>
  <xsl:mode on-no-match="shallow-copy"/>

  <!-- FQDNs compare without case, as DNS does. -->
  <xsl:variable name="wanted" as="map(xs:string, xs:string)" select="map:merge(
      for $pair in tokenize($machines, '\s*,\s*')[normalize-space()]
      return map { lower-case(normalize-space(substring-before($pair, '='))) : normalize-space(substring-after($pair, '=')) })"/>

  <xsl:template match="/">
    <!-- Refuse names that are not there: a typo must not pass silently. -->
    <xsl:variable name="present" select="//Machine[NetInterface/@InterfaceSide = $side]/lower-case(@Fqdn)"/>
    <xsl:for-each select="map:keys($wanted)">
      <xsl:variable name="fqdn" select="."/>
      <xsl:if test="not($fqdn = $present)">
        <xsl:message terminate="yes">no machine {$fqdn} with a {$side} interface in this topology</xsl:message>
      </xsl:if>
    </xsl:for-each>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="Machine[map:contains($wanted, lower-case(@Fqdn))]/NetInterface[@InterfaceSide = $side]/@IPAddress">
    <xsl:attribute name="IPAddress" select="$wanted(lower-case(../../@Fqdn))"/>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  rename-domain: move the topology's servers to another DNS domain: every pool, machine and trusted
  application pool FQDN in the domain, and every other attribute that holds such a name (a machine's
  FaultDomain and UpgradeDomain, an Edge's ConfiguredFqdn, the external Web services Host, a SQL
  AlwaysOnPrimaryNodeFqdn, the host of a URL such as an Office Web Apps DiscoveryUrl).

  Parameters
    from  required  the domain to leave, e.g. sip.com
    to    required  the domain to move to, e.g. sip.example.com

  Only whole labels match, case ignored: from=sip.com renames sip.com and pool.SIP.com, never
  notsip.com. What a name holds before the domain is kept as written; the new domain is written as
  given. Left alone: the SIP domains (InternalDomains: users' SIP addresses, not server names) and
  trusted application ids (Port Owner and GruuType: the id of an application, even when it looks like
  an FQDN). Topology references are ids, not names, so nothing else needs to follow; the result is
  validated like every edit (a name that now clashes, a Lync pool inside a federated IM and Presence
  domain: exit 6).

  Example: from=sip.com to=sip.example.com
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:r="urn:cstopo:rule:rename-domain"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:param name="from" as="xs:string" required="yes"/>
  <xsl:param name="to" as="xs:string" required="yes"/>

  <xsl:global-context-item as="document-node()" use="required"/>
  <xsl:mode on-no-match="shallow-copy"/>

  <!-- RFC 1123 host name labels; a name has two labels at least. -->
  <xsl:variable name="label" as="xs:string" select="'[A-Za-z0-9]([A-Za-z0-9\-]{0,61}[A-Za-z0-9])?'"/>
  <xsl:variable name="name" as="xs:string" select="$label || '(\.' || $label || ')+'"/>
  <xsl:variable name="old" as="xs:string" select="lower-case(normalize-space($from))"/>
  <xsl:variable name="new" as="xs:string" select="normalize-space($to)"/>

  <!-- An attribute value that is a name in the domain, or a URL whose host is one: group 2 is the name. -->
  <xsl:variable name="holder" as="xs:string" select="'^([A-Za-z][A-Za-z0-9+.\-]*://)?(' || $name || ')([:/?#].*)?$'"/>

  <xsl:function name="r:in-domain" as="xs:boolean">
    <xsl:param name="host" as="xs:string"/>
    <xsl:sequence select="lower-case($host) = $old or ends-with(lower-case($host), '.' || $old)"/>
  </xsl:function>

  <!-- Attributes that hold no server name, whatever they look like. -->
  <xsl:function name="r:kept" as="xs:boolean">
    <xsl:param name="a" as="attribute()"/>
    <xsl:sequence select="$a/parent::*[local-name() = ('InternalDomain', 'InternalDomains')]
        or ($a/parent::*[local-name() = 'Port'] and local-name($a) = ('Owner', 'GruuType'))"/>
  </xsl:function>

  <xsl:function name="r:renames" as="xs:boolean">
    <xsl:param name="a" as="attribute()"/>
    <!-- contains() first: it rules out nearly every attribute of a large topology at the cost of a string search. -->
    <xsl:sequence select="contains(lower-case($a), $old) and not(r:kept($a)) and matches($a, $holder)
        and r:in-domain(replace($a, $holder, '$2'))"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:for-each select="[$from, 'from'], [$to, 'to']">
      <xsl:if test="not(matches(normalize-space(?1), '^' || $name || '$'))">
        <xsl:message terminate="yes">{?2}='{?1}' is not a DNS domain: give labels of letters, digits and hyphens joined by dots (e.g. from=sip.com to=sip.example.com)</xsl:message>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="$old = lower-case($new)">
      <xsl:message terminate="yes">from and to are the same domain ({$old}): nothing to rename</xsl:message>
    </xsl:if>
    <xsl:variable name="count" select="count(//@*[r:renames(.)])"/>
    <xsl:message>{if ($count = 0) then 'no name in the domain ' || $old || ': nothing renamed'
        else 'renamed ' || $count || ' name' || (if ($count = 1) then '' else 's') || ' from ' || $old || ' to ' || $new}</xsl:message>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="@*[r:renames(.)]">
    <xsl:variable name="scheme" select="replace(., $holder, '$1')"/>
    <xsl:variable name="host" select="replace(., $holder, '$2')"/>
    <xsl:attribute name="{node-name(.)}" namespace="{namespace-uri(.)}"
        select="$scheme || substring($host, 1, string-length($host) - string-length($old)) || $new
            || substring(., string-length($scheme) + string-length($host) + 1)"/>
  </xsl:template>
</xsl:stylesheet>

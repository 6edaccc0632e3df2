<?xml version="1.0" encoding="UTF-8"?>
<!--
  readdress: move machines to new IPv4 addresses by a mapping of old to new addresses and subnets,
  as when a data centre is re-addressed. Changes every IPAddress and ConfiguredIPAddress (an Edge's
  NAT address) of every NetInterface that the mapping covers, and nothing else.

  Parameters
    map  required  OLD=NEW entries separated by commas or line ends, e.g.
                   10.1.0.0/16=10.2.0.0/16,10.1.5.7=10.9.9.9
                   An entry maps one address (10.1.5.7=10.9.9.9) or a subnet onto a subnet of the
                   same size (10.1.0.0/16=10.2.0.0/16: 10.1.5.8 becomes 10.2.5.8). A line without "="
                   is a CSV row OLD,NEW (a first row without digits, such as old,new, is a header);
                   "#" starts a comment. cstopo's param-file option passes a file's text as map.

  An address given exactly wins over a subnet that holds it. 0.0.0.0 ("not pinned") is never changed
  and may not be mapped; IPv6 addresses are left as they are, and an IPv6 entry is refused (use
  set-ip). Refused, with the entries named: an address or subnet mapped twice, two subnets that
  overlap, two entries that map to the same address or to overlapping subnets, a subnet with host
  bits set (10.1.5.0/16), subnets of different sizes. An entry that matches no address is said, not
  refused. The result is validated like every edit (two machines now sharing an address: exit 6).

  Example: map=10.1.0.0/16=10.2.0.0/16,10.1.5.7=10.9.9.9
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:math="http://www.w3.org/2005/xpath-functions/math"
    xmlns:r="urn:cstopo:rule:readdress"
    xpath-default-namespace="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008"
    exclude-result-prefixes="#all">

  <xsl:param name="map" as="xs:string" required="yes"/>

  <xsl:global-context-item as="document-node()" use="required"/>
  <xsl:mode on-no-match="shallow-copy"/>

  <!-- Dotted-quad IPv4 without leading zeros. -->
  <xsl:variable name="octet" as="xs:string" select="'(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])'"/>
  <xsl:variable name="ipv4" as="xs:string" select="'^' || $octet || '(\.' || $octet || '){3}$'"/>

  <!-- 2 to the power 0 to 32, computed once. -->
  <xsl:variable name="powers" as="xs:integer+" select="for $i in 0 to 32 return xs:integer(math:pow(2, $i))"/>

  <xsl:function name="r:pow2" as="xs:integer">
    <xsl:param name="bits" as="xs:integer"/>
    <xsl:sequence select="$powers[$bits + 1]"/>
  </xsl:function>

  <xsl:function name="r:number" as="xs:integer">
    <xsl:param name="address" as="xs:string"/>
    <xsl:sequence select="sum(for $i in 1 to 4 return xs:integer(tokenize($address, '\.')[$i]) * r:pow2(8 * (4 - $i)))"/>
  </xsl:function>

  <xsl:function name="r:address" as="xs:string">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:sequence select="string-join(for $i in 1 to 4 return string(($number idiv r:pow2(8 * (4 - $i))) mod 256), '.')"/>
  </xsl:function>

  <!-- One side of an entry: map{network, prefix}, or a string saying what is wrong with it. -->
  <xsl:function name="r:side" as="item()">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="address" select="substring-before($text || '/', '/')"/>
    <xsl:variable name="prefix" select="if (contains($text, '/')) then substring-after($text, '/') else '32'"/>
    <xsl:sequence select="
        if (contains($text, ':')) then
          $text || ' is IPv6: this rule re-addresses IPv4 only (set-ip changes an IPv6 address)'
        else if (not(matches($address, $ipv4)) or not(matches($prefix, '^(3[0-2]|[12]?[0-9])$'))) then
          '''' || $text || ''' is not an IPv4 address or subnet (e.g. 10.1.5.7 or 10.1.0.0/16)'
        else if ($address = '0.0.0.0' and $prefix = '32') then
          '0.0.0.0 means &quot;not pinned&quot; and is never re-addressed (set-ip and replace-unassigned-ips give machines their addresses)'
        else if (r:number($address) mod r:pow2(32 - xs:integer($prefix)) ne 0) then
          $text || ' has host bits set: the subnet is '
              || r:address(r:number($address) - r:number($address) mod r:pow2(32 - xs:integer($prefix))) || '/' || $prefix
        else map { 'network': r:number($address), 'prefix': xs:integer($prefix) }"/>
  </xsl:function>

  <!-- OLD=NEW as an entry map{text, old, new, prefix}, or a string saying what is wrong with it. -->
  <xsl:function name="r:entry" as="item()">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="sides" as="xs:string*"/>
    <xsl:variable name="old" select="if (count($sides) eq 2) then r:side($sides[1]) else ()"/>
    <xsl:variable name="new" select="if (count($sides) eq 2) then r:side($sides[2]) else ()"/>
    <xsl:sequence select="
        if (count($sides) ne 2) then '''' || $text || ''' is not OLD=NEW (e.g. 10.1.0.0/16=10.2.0.0/16 or 10.1.5.7=10.9.9.9)'
        else if ($old instance of xs:string) then $old
        else if ($new instance of xs:string) then $new
        else if ($old?prefix ne $new?prefix) then $text || ': a subnet maps onto a subnet of the same size, an address onto an address'
        else map { 'text': $text, 'old': $old?network, 'new': $new?network, 'prefix': $old?prefix }"/>
  </xsl:function>

  <!-- The entries, in order: an entry map each, or the text of what is wrong with one. -->
  <xsl:variable name="entries" as="item()*">
    <xsl:for-each select="tokenize($map, '\r\n|\r|\n') ! normalize-space(replace(., '#.*$', ''))[. ne '']">
      <xsl:variable name="line" select="."/>
      <xsl:choose>
        <xsl:when test="contains($line, '=')">
          <xsl:sequence select="tokenize($line, '\s*,\s*')[. ne ''] ! r:entry(., tokenize(., '\s*=\s*'))"/>
        </xsl:when>
        <xsl:when test="position() = 1 and not(matches($line, '[0-9]'))"/>
        <xsl:otherwise>
          <xsl:sequence select="r:entry($line, tokenize($line, '\s*[,;]\s*'))"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:variable>

  <xsl:variable name="mapping" as="map(*)*" select="$entries[. instance of map(*)]"/>

  <xsl:function name="r:covers" as="xs:boolean">
    <xsl:param name="network" as="xs:integer"/>
    <xsl:param name="prefix" as="xs:integer"/>
    <xsl:param name="address" as="xs:integer"/>
    <xsl:sequence select="$network idiv r:pow2(32 - $prefix) eq $address idiv r:pow2(32 - $prefix)"/>
  </xsl:function>

  <!-- Two ranges (network and prefix) share an address. -->
  <xsl:function name="r:overlap" as="xs:boolean">
    <xsl:param name="a" as="xs:integer"/>
    <xsl:param name="a-prefix" as="xs:integer"/>
    <xsl:param name="b" as="xs:integer"/>
    <xsl:param name="b-prefix" as="xs:integer"/>
    <xsl:sequence select="r:covers($a, min(($a-prefix, $b-prefix)), $b)"/>
  </xsl:function>

  <xsl:function name="r:range" as="xs:string">
    <xsl:param name="network" as="xs:integer"/>
    <xsl:param name="prefix" as="xs:integer"/>
    <xsl:sequence select="r:address($network) || (if ($prefix eq 32) then '' else '/' || $prefix)"/>
  </xsl:function>

  <!-- What two entries may not do together; an address given exactly may sit in a subnet mapped as a whole. -->
  <xsl:function name="r:conflict" as="xs:string?">
    <xsl:param name="a" as="map(*)"/>
    <xsl:param name="b" as="map(*)"/>
    <xsl:variable name="same-size" select="$a?prefix eq $b?prefix"/>
    <xsl:variable name="subnets" select="$a?prefix ne 32 and $b?prefix ne 32"/>
    <xsl:sequence select="
        if ($same-size and $a?old eq $b?old) then
          r:range($a?old, $a?prefix) || ' is mapped twice (' || $a?text || ', ' || $b?text || '): map each address once'
        else if ($subnets and r:overlap($a?old, $a?prefix, $b?old, $b?prefix)) then
          $a?text || ' and ' || $b?text || ' map overlapping subnets: map each address once'
        else if (($same-size or $subnets) and r:overlap($a?new, $a?prefix, $b?new, $b?prefix)) then
          $a?text || ' and ' || $b?text || ' map to the same addresses: give each address its own'
        else ()"/>
  </xsl:function>

  <!-- The entry that moves an address: the one naming it exactly, else the subnet that holds it. -->
  <xsl:function name="r:entry-for" as="map(*)?">
    <xsl:param name="address" as="xs:integer"/>
    <xsl:sequence select="($mapping[?prefix eq 32][?old eq $address], $mapping[?prefix ne 32][r:covers(?old, ?prefix, $address)])[1]"/>
  </xsl:function>

  <!-- The addresses this rule may change: IPv4, pinned. -->
  <xsl:function name="r:movable" as="xs:boolean">
    <xsl:param name="a" as="attribute()"/>
    <xsl:sequence select="matches($a, $ipv4) and $a ne '0.0.0.0' and exists(r:entry-for(r:number($a)))"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="wrong" select="$entries[. instance of xs:string]"/>
    <xsl:if test="exists($wrong)">
      <xsl:message terminate="yes">map: {$wrong[1]}</xsl:message>
    </xsl:if>
    <xsl:if test="empty($mapping)">
      <xsl:message terminate="yes">map: no entry; give OLD=NEW pairs (e.g. map=10.1.0.0/16=10.2.0.0/16,10.1.5.7=10.9.9.9)</xsl:message>
    </xsl:if>
    <xsl:variable name="conflicts" select="for $i in 1 to count($mapping), $j in $i + 1 to count($mapping)
        return r:conflict($mapping[$i], $mapping[$j])"/>
    <xsl:if test="exists($conflicts)">
      <xsl:message terminate="yes">map: {$conflicts[1]}</xsl:message>
    </xsl:if>
    <xsl:variable name="moved" select="//NetInterface/(@IPAddress, @ConfiguredIPAddress)[r:movable(.)]"/>
    <xsl:variable name="used" select="distinct-values($moved ! r:entry-for(r:number(.))?text)"/>
    <xsl:for-each select="$mapping[not(?text = $used)]">
      <xsl:message>{?text} matches no address in this topology</xsl:message>
    </xsl:for-each>
    <xsl:message>re-addressed {count($moved)} address{if (count($moved) = 1) then '' else 'es'}</xsl:message>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="NetInterface/@IPAddress[r:movable(.)] | NetInterface/@ConfiguredIPAddress[r:movable(.)]">
    <xsl:variable name="n" select="r:number(.)"/>
    <xsl:variable name="entry" select="r:entry-for($n)"/>
    <xsl:attribute name="{local-name()}" select="r:address($entry?new + $n mod r:pow2(32 - $entry?prefix))"/>
  </xsl:template>
</xsl:stylesheet>

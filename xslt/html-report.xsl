<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-report: the page `cstopo diff OLD NEW` writes for a change (for a change board) and `cstopo show
  TOPOLOGY` writes for one topology (to document a deployment), both with the format option set to html.
  One HTML5 file with its CSS and SVG inline: no script, no network, no other file; it prints on A4 or
  Letter (landscape).

  To change the look, copy this file, change the copy and name it with the stylesheet option of diff or
  show (README, "The HTML report"). It runs locked down like every stylesheet: it reads only its input.

  Its input is the report's XML, which cstopo writes from the same model as the text commands
  (namespace urn:cstopo:report; values in attributes; an attribute the topology does not state is absent):

  report kind="diff|show" generated="2026-11-28T10:00:00Z" version
    file role="old|new|topology" name signature encoding line-ends="CRLF|LF" lines bytes
    summary differences added changed removed (diff only) sites pools
    validation file errors warnings infos summary       the findings of NEW (of TOPOLOGY for show)
      finding severity rule location line column target? mark?  > object, message, fix
    trust                                              how each trusted application pool is written
      pool ref fqdn mark? form="built-in|own"  > inferred element what  (what the built-in form infers)
      old-trusted-pool fqdn                            (diff: the trusted pools OLD had)
    drawing width height font-size line-height padding pools full-up-to collapsed-sites listed-pools
        links links-without-arrow max-arrows change-report
      topology-wide id mark changes x y width height   (changes that concern no site or pool)
      site id site-id name kind mark? collapsed x y width height
        row kind="site-title|listed" x y > span id? of? mark?   (listed: the pools only named, at its foot)
        pool ref at n fqdn site cluster mark? trusted form? listed (x y width height: when it is drawn, not only named)
          role ref at name mark? / machine ref at fqdn mark? > address ref at side number ip nat? was? mark?
          application ref at app-id port protocol mark? / trusted service registrar registrar-service
            TreatAsAuthenticated ThrottleAsServer RequiresReplication OutboundOnly
          row kind="title|text" x y > span id? of? mark?
      link id ref from from-fqdn to to-fqdn kind="trusted|edge|mediation|pstn" label mark? x1 y1 c1x c1y c2x c2y x2 y2
        (the arrows; every link is also a row of its pool, a span whose id is the link's ref)
    changes > change kind mark object target pool? machine? xpath  > the item's text (diff only)
    line-diff lines shown truncated > hunk header > line type="context|removed|added" old? new?
      > same, changed                                  (diff only)

  n is a pool's place in the topology's Clusters (the tables sort by it). ref is an object's id; at is the id of the element that shows it in the page (its own, or the pool's
  or site's it is drawn in): link to #at. Geometry is cstopo's: every row's text is placed and wrapped for a 12 px monospaced font, and a span
  with an id and a mark has room for a two-character sign before it ("+ "). Marks: added, changed,
  removed; each is drawn with a colour, a line style and a sign or word, so that the page reads in
  black and white and without telling colours apart.
-->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:r="urn:cstopo:report"
    xmlns:f="urn:cstopo:report:functions"
    xmlns:svg="http://www.w3.org/2000/svg"
    xpath-default-namespace="urn:cstopo:report"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:global-context-item as="document-node()" use="required"/>

  <!-- ==== words and signs of the marks ==================================================== -->

  <xsl:function name="f:sign" as="xs:string">
    <xsl:param name="mark" as="xs:string?"/>
    <xsl:sequence select="if ($mark = 'added') then '+' else if ($mark = 'changed') then '~'
        else if ($mark = 'removed') then '&#x2212;' else ''"/>
  </xsl:function>

  <xsl:function name="f:word" as="xs:string">
    <xsl:param name="mark" as="xs:string?"/>
    <xsl:sequence select="if ($mark = 'added') then 'NEW' else if ($mark = 'changed') then 'CHANGED'
        else if ($mark = 'removed') then 'REMOVED' else ''"/>
  </xsl:function>

  <xsl:function name="f:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || $noun || (if ($n = 1) then '' else 's')"/>
  </xsl:function>

  <xsl:function name="f:num" as="xs:string">
    <xsl:param name="n" as="xs:double"/>
    <xsl:sequence select="format-number($n, '0.#')"/>
  </xsl:function>

  <xsl:variable name="diff" as="xs:boolean" select="/report/@kind = 'diff'"/>
  <xsl:variable name="new" select="/report/file[@role = ('new', 'topology')]"/>
  <xsl:variable name="old" select="/report/file[@role = 'old']"/>
  <xsl:variable name="pad" as="xs:double" select="xs:double(/report/drawing/@padding)"/>
  <xsl:variable name="line" as="xs:double" select="xs:double(/report/drawing/@line-height)"/>

  <!-- ==== the page ========================================================================= -->

  <xsl:template match="/report">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{string-join(('cstopo', @version), ' ')}"/>
        <title>{if ($diff) then 'Topology change: ' || $old/@name || ' → ' || $new/@name else 'Topology: ' || $new/@name}</title>
        <style>{$css}</style>
      </head>
      <body>
        <xsl:call-template name="header"/>
        <xsl:apply-templates select="drawing"/>
        <xsl:apply-templates select="changes"/>
        <xsl:call-template name="trust"/>
        <xsl:call-template name="trusted-pools"/>
        <xsl:if test="not($diff)">
          <xsl:call-template name="pools"/>
        </xsl:if>
        <xsl:apply-templates select="validation"/>
        <xsl:apply-templates select="line-diff"/>
        <footer>
          <p>Made by {string-join(('cstopo', @version), ' ')} on {@generated} with
            <code>{if ($diff) then 'cstopo diff ' || $old/@name || ' ' || $new/@name else 'cstopo show ' || $new/@name} --format html</code>.
            Everything on this page is read from the {if ($diff) then 'two files' else 'file'}; no server was asked.
            The page holds no script and loads nothing.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ==== header: files, signatures, encodings, date, counts ============================== -->

  <xsl:template name="header">
    <xsl:variable name="v" select="validation"/>
    <header>
      <h1>
        <xsl:choose>
          <xsl:when test="$diff">Topology change: <code>{$old/@name}</code> → <code>{$new/@name}</code></xsl:when>
          <xsl:otherwise>Topology: <code>{$new/@name}</code></xsl:otherwise>
        </xsl:choose>
      </h1>
      <p class="counts">
        <xsl:choose>
          <xsl:when test="$diff and summary/@differences = 0">
            <strong>No differences</strong>: OLD and NEW describe the same topology.
          </xsl:when>
          <xsl:when test="$diff">
            <strong>{f:count(summary/@differences, 'difference')}</strong>:
            <span class="added"><span class="sign">+</span> {summary/@added} added</span>,
            <span class="changed"><span class="sign">~</span> {summary/@changed} changed</span>,
            <span class="removed"><span class="sign">&#x2212;</span> {summary/@removed} removed</span>.
          </xsl:when>
          <xsl:otherwise>{f:count(summary/@sites, 'site')}, {f:count(summary/@pools, 'pool')}.</xsl:otherwise>
        </xsl:choose>
        {if ($diff) then 'NEW' else 'The topology'}: <a href="#validation" class="{if ($v/@errors > 0) then 'verdict-bad' else 'verdict-good'}">
          {f:count($v/@errors, 'error')}, {f:count($v/@warnings, 'warning')}{if ($v/@infos > 0) then ', ' || $v/@infos || ' info' else ''}</a>
        <xsl:text> (</xsl:text>
        <xsl:value-of select="if ($v/@errors > 0) then 'Publish-CsTopology would refuse it'
            else 'no rule cstopo checks is broken'"/>
        <xsl:text>). Generated {@generated}.</xsl:text>
      </p>
      <table class="files">
        <thead>
          <tr><th scope="col"></th>
            <xsl:for-each select="file"><th scope="col">{if (@role = 'old') then 'OLD (before)' else if (@role = 'new') then 'NEW (after)' else 'file'}</th></xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <tr><th scope="row">file</th><xsl:for-each select="file"><td><code>{@name}</code></td></xsl:for-each></tr>
          <tr><th scope="row">signature</th><xsl:for-each select="file"><td><code>{(@signature, '(none)')[1]}</code></td></xsl:for-each></tr>
          <tr><th scope="row">encoding</th><xsl:for-each select="file"><td>{@encoding}, {@line-ends} line ends</td></xsl:for-each></tr>
          <tr><th scope="row">size</th><xsl:for-each select="file"><td>{@lines} lines, {@bytes} bytes</td></xsl:for-each></tr>
        </tbody>
      </table>
      <xsl:variable name="inferred" select="trust/pool[@form = 'built-in']"/>
      <xsl:if test="exists($inferred)">
        <p class="callout"><strong>{if ($diff and $inferred/@mark = 'added') then 'New: ' else ''}{f:count(count($inferred), 'trusted application pool')}
          ({string-join($inferred/@fqdn, ', ')}) {if (count($inferred) = 1) then 'is' else 'are'} written in cstopo's built-in form, which is inferred:</strong>
          read <a href="#trust">What is confirmed, what is inferred</a> before publishing.</p>
      </xsl:if>
      <xsl:if test="$diff">
        <p class="note">
          <xsl:choose>
            <xsl:when test="string($old/@signature) = string($new/@signature)">Same signature: NEW is an edit of the export OLD is (the
              signature names the topology revision that was exported).</xsl:when>
            <xsl:otherwise><strong>The signatures differ</strong>: OLD and NEW come from different exports (or revisions) of the topology.</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$old/@encoding != $new/@encoding or $old/@line-ends != $new/@line-ends">
            <strong> The encodings or line ends differ</strong>: the line diff below compares the decoded texts.</xsl:if>
        </p>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- ==== what is confirmed, what is inferred ============================================== -->

  <xsl:template name="trust">
    <section id="trust" class="trust">
      <h2>What is confirmed, what is inferred</h2>
      <ul>
        <xsl:for-each select="trust/pool">
          <li>
            <xsl:choose>
              <xsl:when test="@form = 'built-in'">
                <strong>Inferred: </strong> <a href="#{@ref}"><code>{@fqdn}</code></a>
                {if (@mark = 'added') then ' (new)' else ''} is written in cstopo's built-in form of a trusted application pool (*).
                No public export holds a trusted pool, so these parts of it are inferred, not confirmed by Lync:
                <ul>
                  <xsl:for-each select="inferred"><li><code>{@element}</code>: {@what}</li></xsl:for-each>
                </ul>
                Publish it in a lab first and compare the lab's new export with <code>cstopo diff</code>, or create the pool with
                <code>New-CsTrustedApplicationPool</code>, <code>New-CsTrustedApplicationComputer</code> and
                <code>New-CsTrustedApplication</code> and let cstopo change only the addresses (README: “What is confirmed, what is inferred”).
              </xsl:when>
              <xsl:otherwise>
                <strong>Not cstopo's built-in form: </strong> <a href="#{@ref}"><code>{@fqdn}</code></a>
                {if (@mark = 'added') then ' (new)' else ''} is written differently from cstopo's built-in (inferred) form:
                {if ($diff and exists(../old-trusted-pool))
                  then 'copied from a trusted pool of this deployment (OLD has ' || string-join(../old-trusted-pool/@fqdn, ', ') || ') or written by Lync'
                  else if ($diff) then 'OLD has no trusted pool to copy, so it was written by Lync, another tool or by hand'
                  else 'in an export, this is how Lync writes it'};
                the finding <code>trusted-pool-shape</code> below names each difference.
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
        <xsl:if test="empty(trust/pool)">
          <li>No trusted application pool is written in cstopo's built-in (inferred) form{if ($diff) then ' in NEW' else ''}.</li>
        </xsl:if>
        <li>Read from the file{if ($diff) then 's' else ''} alone: pools, machines, addresses and applications are what
          {if ($diff) then 'the files state' else 'the file states'}; the arrows are the <code>DependsOn</code> dependencies it states
          between pools{if ($diff) then '; the items, the marks and the line diff come from one comparison of OLD and NEW' else ''}.</li>
        <li>Validation covers the rules cstopo checks (README: “Validation rules”), not everything Publish-CsTopology checks.</li>
      </ul>
    </section>
  </xsl:template>

  <!-- ==== the drawing ======================================================================= -->

  <xsl:template match="drawing">
    <section id="drawing-section">
      <h2>Drawing</h2>
      <xsl:call-template name="legend"/>
      <xsl:if test="@links-without-arrow > 0">
        <p class="note">NEW has {f:count(@links, 'link')} between pools: each is a line of its pool's box
          (“Edge: …”, “next hop: …”); with more than {@max-arrows}, only a trusted pool's registrar and what changed are also arrows.</p>
      </xsl:if>
      <xsl:if test="@listed-pools > 0">
        <p class="note">NEW has {f:count(@pools, 'pool')}: to keep the change in view, the {@listed-pools} where nothing changed and
          that no changed pool links to are only named, at the foot of their site{if (@collapsed-sites > 0) then ' (' ||
          f:count(@collapsed-sites, 'site') || ' with nothing changed in ' || (if (@collapsed-sites = 1) then 'it' else 'them') || ')' else ''}.
          <code>cstopo show {$new/@name} --format html</code> draws every pool.</p>
      </xsl:if>
      <svg xmlns="http://www.w3.org/2000/svg" id="drawing" class="drawing" viewBox="0 0 {@width} {@height}"
          width="{@width}" height="{@height}" role="img" aria-labelledby="drawing-title">
        <title id="drawing-title">{if ($diff) then 'The topology after the change, with what was added, changed and removed marked'
          else 'The topology'}: sites, pools, machines, addresses and the links between pools</title>
        <defs>
          <xsl:for-each select="'unchanged', 'added', 'changed', 'removed'">
            <marker id="arrow-{.}" class="arrow {.}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse"
                markerWidth="11" markerHeight="11" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z"/>
            </marker>
          </xsl:for-each>
          <pattern id="hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#fff"/>
            <line x1="0" y1="0" x2="0" y2="8" stroke="#e9b8a0" stroke-width="3"/>
          </pattern>
        </defs>
        <xsl:apply-templates select="topology-wide, site"/>
        <xsl:apply-templates select="link"/>
        <xsl:apply-templates select="site/pool[@x]"/>
      </svg>
    </section>
  </xsl:template>

  <xsl:template name="legend">
    <ul class="legend">
      <xsl:if test="$diff">
        <xsl:for-each select="'added', 'changed', 'removed'">
          <li class="{.}">
            <svg xmlns="http://www.w3.org/2000/svg" width="46" height="18" viewBox="0 0 46 18" aria-hidden="true">
              <rect class="box {.}" x="2" y="2" width="42" height="14" rx="3"/>
            </svg>
            <span class="tag {.}">{f:sign(.)} {f:word(.)}</span>
            {if (. = 'added') then 'only in NEW' else if (. = 'changed') then 'in both, different' else 'only in OLD'}
          </li>
        </xsl:for-each>
      </xsl:if>
      <li>
        <svg xmlns="http://www.w3.org/2000/svg" width="46" height="18" viewBox="0 0 46 18" aria-hidden="true">
          <rect class="box" x="2" y="2" width="42" height="14" rx="3"/><rect class="band trusted" x="2" y="2" width="42" height="6"/>
        </svg> trusted application pool (*: written in cstopo's built-in, inferred form)</li>
      <li>
        <svg xmlns="http://www.w3.org/2000/svg" width="46" height="18" viewBox="0 0 46 18" aria-hidden="true">
          <path class="line trusted" d="M 4 9 L 40 9" marker-end="url(#arrow-unchanged)"/>
        </svg> a trusted pool's registrar</li>
      <li>
        <svg xmlns="http://www.w3.org/2000/svg" width="46" height="18" viewBox="0 0 46 18" aria-hidden="true">
          <path class="line edge" d="M 4 9 L 40 9" marker-end="url(#arrow-unchanged)"/>
        </svg> Edge, Mediation Server, PSTN gateway: next hop and the pools they use (named in the box it starts from)</li>
    </ul>
  </xsl:template>

  <xsl:template match="topology-wide">
    <g xmlns="http://www.w3.org/2000/svg" id="{@id}" class="topology-wide {@mark}">
      <rect class="box {@mark}" x="{@x}" y="{@y}" width="{@width}" height="{@height}" rx="4"/>
      <text class="row title" x="{f:num(@x + $pad)}" y="{f:num(@y + $pad + $line - 4)}"><tspan class="sign">{f:sign(@mark)} </tspan>Topology-wide: {f:count(@changes, 'change')} that concern no site, pool or machine (see the list)</text>
    </g>
  </xsl:template>

  <xsl:template match="site">
    <g xmlns="http://www.w3.org/2000/svg" id="{@id}" class="site {@mark}{if (@collapsed = 'true') then ' collapsed' else ''}">
      <rect class="region {@mark}" x="{@x}" y="{@y}" width="{@width}" height="{@height}" rx="8"/>
      <xsl:call-template name="tag"><xsl:with-param name="box" select="."/></xsl:call-template>
      <xsl:apply-templates select="row"/>
    </g>
  </xsl:template>

  <xsl:template match="pool">
    <xsl:variable name="title-rows" select="count(row[@kind = 'title'])"/>
    <g xmlns="http://www.w3.org/2000/svg" id="{@ref}" class="pool {@mark}{if (@trusted = 'true') then ' trusted' else ''}">
      <rect class="box {@mark}" x="{@x}" y="{@y}" width="{@width}" height="{@height}" rx="4"/>
      <rect class="band{if (@trusted = 'true') then ' trusted' else ''}" x="{f:num(@x + 1.5)}" y="{f:num(@y + 1.5)}"
          width="{f:num(@width - 3)}" height="{f:num($pad + $title-rows * $line + 1)}" rx="3"/>
      <xsl:call-template name="tag"><xsl:with-param name="box" select="."/></xsl:call-template>
      <xsl:apply-templates select="row"/>
    </g>
  </xsl:template>

  <!-- The word of a marked box, at its top right: "+ NEW", "~ CHANGED", "− REMOVED". -->
  <xsl:template name="tag">
    <xsl:param name="box" as="element()"/>
    <xsl:if test="$box/@mark">
      <xsl:variable name="text" select="f:sign($box/@mark) || ' ' || f:word($box/@mark)"/>
      <xsl:variable name="width" select="string-length($text) * 6.1 + 10"/>
      <g xmlns="http://www.w3.org/2000/svg" class="tag {$box/@mark}">
        <rect x="{f:num($box/@x + $box/@width - $width - 6)}" y="{f:num($box/@y + 5)}" width="{f:num($width)}" height="17" rx="3"/>
        <text x="{f:num($box/@x + $box/@width - $width div 2 - 6)}" y="{f:num($box/@y + 17.5)}" text-anchor="middle">{$text}</text>
      </g>
    </xsl:if>
  </xsl:template>

  <xsl:template match="row">
    <text xmlns="http://www.w3.org/2000/svg" class="row {@kind}" x="{@x}" y="{@y}"><xsl:apply-templates select="span"/></text>
  </xsl:template>

  <!-- An object's first span: its id, its mark's sign, then its text (struck through when removed, the sign not). -->
  <xsl:template match="span[@id]">
    <tspan xmlns="http://www.w3.org/2000/svg" id="{@id}" class="obj {@mark}">
      <xsl:choose>
        <xsl:when test="@mark"><tspan class="sign">{f:sign(@mark)} </tspan><tspan class="value">{.}</tspan></xsl:when>
        <xsl:otherwise>{.}</xsl:otherwise>
      </xsl:choose>
    </tspan>
  </xsl:template>

  <xsl:template match="span[@mark]" priority="0">
    <tspan xmlns="http://www.w3.org/2000/svg" class="obj {@mark}">{.}</tspan>
  </xsl:template>

  <xsl:template match="span" priority="-1">
    <tspan xmlns="http://www.w3.org/2000/svg">{.}</tspan>
  </xsl:template>

  <!-- An arrow, under the boxes (a line that crosses a pool passes behind it); the row in its pool's box names it. -->
  <xsl:template match="link">
    <xsl:variable name="mark" select="(@mark, 'unchanged')[1]"/>
    <xsl:variable name="d" select="'M ' || @x1 || ' ' || @y1 || ' C ' || @c1x || ' ' || @c1y || ', ' || @c2x || ' ' || @c2y || ', ' || @x2 || ' ' || @y2"/>
    <g xmlns="http://www.w3.org/2000/svg" id="{@id}" class="link {@kind} {$mark}">
      <title>{@from-fqdn} → {@to-fqdn}: {@label}{if (@mark) then ' (' || f:word(@mark) || ')' else ''}</title>
      <path class="halo" d="{$d}"/>
      <path class="line {@kind} {$mark}" d="{$d}" marker-end="url(#arrow-{$mark})"/>
    </g>
  </xsl:template>

  <!-- ==== the change in topology terms ===================================================== -->

  <xsl:template match="changes">
    <section id="changes">
      <h2>The change in topology terms</h2>
      <xsl:choose>
        <xsl:when test="empty(change)"><p>No differences: OLD and NEW describe the same topology.</p></xsl:when>
        <xsl:otherwise>
          <p class="note">What <code>cstopo diff</code> says, one item per line; each links to its place in the drawing.</p>
          <ol class="changes">
            <xsl:for-each select="change">
              <li id="change-{position()}" class="{@mark}" data-object="{@object}">
                <xsl:variable name="item">
                  <span class="sign">{f:sign(@mark)}</span>
                  <xsl:text> </xsl:text>
                  <span class="tag {@mark}">{f:word(@mark)}</span>
                  <xsl:text> </xsl:text>
                  <span class="text">{.}</span>
                </xsl:variable>
                <xsl:choose>
                  <xsl:when test="@target"><a href="#{@target}"><xsl:sequence select="$item"/></a></xsl:when>
                  <xsl:otherwise><xsl:sequence select="$item"/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ==== tables ============================================================================ -->

  <xsl:function name="f:bool" as="xs:string">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:sequence select="if ($value = 'true') then 'True' else if ($value = 'false') then 'False' else '(not stated)'"/>
  </xsl:function>

  <xsl:function name="f:site" as="xs:string">
    <xsl:param name="pool" as="element(pool)"/>
    <xsl:variable name="site" select="$pool/ancestor::site[1]"/>
    <xsl:sequence select="string-join(($site/@site-id, $site/@name), ' ')"/>
  </xsl:function>

  <xsl:template name="trusted-pools">
    <xsl:variable name="pools" as="element(pool)*">
      <xsl:perform-sort select="drawing//pool[@trusted = 'true']"><xsl:sort select="xs:integer(@n)"/></xsl:perform-sort>
    </xsl:variable>
    <section id="trusted-pools">
      <h2>Trusted application pools</h2>
      <xsl:choose>
        <xsl:when test="empty($pools)"><p>None.</p></xsl:when>
        <xsl:otherwise>
          <table class="data">
            <thead>
              <tr><th>pool</th><th>site</th><th>service, registrar</th><th>settings</th><th>computers</th><th>applications</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="$pools">
                <tr class="{@mark}">
                  <td><xsl:call-template name="marked"><xsl:with-param name="of" select="."/><xsl:with-param name="text" select="@fqdn"/></xsl:call-template></td>
                  <td>{f:site(.)}</td>
                  <td>{trusted/@service}<br/>{if (trusted/@registrar) then trusted/@registrar || ' (' || trusted/@registrar-service || ')'
                    else if (trusted/@registrar-service) then trusted/@registrar-service || ' (not in this topology)' else '(none)'}</td>
                  <td class="settings">
                    <xsl:variable name="settings" select="trusted"/>
                    <xsl:for-each select="'TreatAsAuthenticated', 'ThrottleAsServer', 'RequiresReplication', 'OutboundOnly'">
                      {.} {f:bool($settings/@*[local-name() = current()])}<br/>
                    </xsl:for-each>
                  </td>
                  <td>
                    <xsl:for-each select="machine">
                      <div class="{@mark}"><xsl:call-template name="marked"><xsl:with-param name="of" select="."/>
                        <xsl:with-param name="text" select="@fqdn || '  ' || string-join(address ! (@side || ' ' || @ip || (if (@was) then ' (was ' || @was || ')' else '')), ', ')"/>
                      </xsl:call-template></div>
                    </xsl:for-each>
                  </td>
                  <td>
                    <xsl:for-each select="application">
                      <div class="{@mark}"><xsl:call-template name="marked"><xsl:with-param name="of" select="."/>
                        <xsl:with-param name="text" select="@app-id || '  port ' || @port || ' ' || @protocol"/></xsl:call-template></div>
                    </xsl:for-each>
                    <xsl:if test="empty(application)">(none)</xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="pools">
    <section id="pools">
      <h2>Pools</h2>
      <table class="data">
        <thead><tr><th>pool</th><th>site</th><th>roles</th><th>machines and addresses</th></tr></thead>
        <tbody>
          <xsl:for-each select="drawing//pool">
            <xsl:sort select="xs:integer(@n)"/>
            <tr>
              <td><code>{@fqdn}</code></td>
              <td>{f:site(.)}</td>
              <td>{string-join(role/@name, ', ')}</td>
              <td>
                <xsl:for-each select="machine">
                  <div><code>{@fqdn}</code>{if (address) then '  ' || string-join(address ! (@side || ' ' || @ip || (if (@nat) then ' NAT ' || @nat else '')), ', ') else ''}</div>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- A value with its object's sign, linked to the object in the drawing. -->
  <xsl:template name="marked">
    <xsl:param name="of" as="element()"/>
    <xsl:param name="text" as="xs:string"/>
    <a href="#{$of/@at}" class="{$of/@mark}">
      <xsl:if test="$of/@mark"><span class="sign">{f:sign($of/@mark)}</span><xsl:text> </xsl:text></xsl:if>
      <code>{$text}</code>
    </a>
  </xsl:template>

  <!-- ==== validation ========================================================================= -->

  <xsl:template match="validation">
    <section id="validation">
      <h2>Validation of {if ($diff) then 'NEW' else 'the topology'} (<code>{@file}</code>)</h2>
      <xsl:choose>
        <xsl:when test="empty(finding)">
          <p class="no-findings"><strong>No findings</strong>: {if ($diff) then 'NEW' else 'the topology'} breaks none of the rules cstopo checks
            (no error, no warning, no info).</p>
        </xsl:when>
        <xsl:otherwise>
          <p><strong>{@summary}</strong>. Errors are what Publish-CsTopology would refuse; warnings and infos do not stop it.</p>
          <table class="data findings">
            <thead><tr><th>severity</th><th>rule</th><th>object</th><th>what</th><th>fix</th><th>where</th></tr></thead>
            <tbody>
              <xsl:for-each select="finding">
                <tr id="finding-{position()}" class="{@severity}">
                  <td class="severity">{if (@severity = 'error') then '✖ ' else if (@severity = 'warning') then '▲ ' else 'ℹ '}{@severity}</td>
                  <td><code>{@rule}</code></td>
                  <td><xsl:choose>
                    <xsl:when test="@target"><a href="#{@target}">{object}</a></xsl:when>
                    <xsl:otherwise>{object}</xsl:otherwise>
                  </xsl:choose></td>
                  <td>{message}</td>
                  <td>{fix}</td>
                  <td><code>{@location}</code></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ==== the line diff ======================================================================= -->

  <xsl:template match="line-diff">
    <section id="line-diff">
      <h2>Line diff</h2>
      <xsl:choose>
        <xsl:when test="@lines = 0"><p>The texts of OLD and NEW are the same, line for line.</p></xsl:when>
        <xsl:otherwise>
          <p class="note">The lines that differ in the files' texts, with three lines around them
            (<span class="removed"><span class="sign">&#x2212;</span> only in OLD</span>, <span class="added"><span class="sign">+</span> only in NEW</span>;
            the part of a line that changed is <mark>underlined</mark>).
            {if (@truncated = 'true') then 'The first ' || @shown || ' of ' || @lines || ' lines are shown.' else ''}</p>
          <table class="line-diff">
            <thead><tr><th scope="col">OLD</th><th scope="col">NEW</th><th scope="col"></th><th scope="col">{$old/@name} → {$new/@name}</th></tr></thead>
            <xsl:for-each select="hunk">
              <tbody>
                <tr class="hunk"><td colspan="4"><code>{@header}</code></td></tr>
                <xsl:for-each select="line">
                  <tr class="{@type}">
                    <td class="no">{@old}</td><td class="no">{@new}</td>
                    <td class="sign">{if (@type = 'added') then '+' else if (@type = 'removed') then '&#x2212;' else ''}</td>
                    <td class="code"><code><xsl:apply-templates select="same | changed"/></code></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </xsl:for-each>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="same">{.}</xsl:template>
  <xsl:template match="changed"><mark>{.}</mark></xsl:template>

  <!-- ==== the look ============================================================================= -->

  <xsl:variable name="css" as="xs:string" expand-text="no">
:root {
  --added: #009e73; --added-text: #00654a; --added-bg: #e3f4ee;
  --changed: #e69f00; --changed-text: #7a5300; --changed-bg: #fcf0d6;
  --removed: #d55e00; --removed-text: #9c3d00; --removed-bg: #fbe6dc;
  --trusted: #d7e8f7; --line: #555; --muted: #666;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
body { font: 14px/1.45 "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 1040px; margin: 0 auto; padding: 16px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 22px 0 8px; border-bottom: 1px solid #bbb; padding-bottom: 2px; }
code, .mono { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", Menlo, monospace; font-size: 12.5px; }
a { color: inherit; }
.note { color: #333; }
.counts { font-size: 15px; }
.verdict-bad { color: var(--removed-text); font-weight: bold; }
.verdict-good { color: var(--added-text); font-weight: bold; }
table { border-collapse: collapse; }
table.files th, table.files td { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
table.files th[scope=row] { color: var(--muted); font-weight: normal; }
table.data { width: 100%; }
table.data th, table.data td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
table.data thead th { background: #eee; }
table.data tr.added td:first-child { border-left: 5px solid var(--added); }
table.data tr.changed td:first-child { border-left: 5px dashed var(--changed); }
table.data tr.removed td:first-child { border-left: 5px dotted var(--removed); }
.sign { font-weight: bold; font-family: "DejaVu Sans Mono", Consolas, monospace; }
span.added, li.added, .added .sign { color: var(--added-text); }
span.changed, li.changed, .changed .sign { color: var(--changed-text); }
span.removed, li.removed, .removed .sign { color: var(--removed-text); }
table.data .removed code { text-decoration: line-through; }
.tag { display: inline-block; font: bold 11.5px/1.3 "DejaVu Sans Mono", Consolas, monospace; padding: 0 5px; border-radius: 3px; color: #000; border: 1px solid #000; }
span.tag.added { background: var(--added); color: #000; } span.tag.changed { background: var(--changed); color: #000; }
span.tag.removed { background: var(--removed); color: #000; }
ol.changes li { margin: 2px 0; }
ol.changes li a { text-decoration: none; }
ol.changes li a:hover .text, ol.changes li a:focus .text { text-decoration: underline; }
ol.changes li.added { list-style-type: decimal; }
section.trust { border: 1px solid #ccc; border-left: 5px solid var(--changed); padding: 2px 12px; background: #fffaf0; }
.callout { border: 1px solid var(--changed); border-left: 5px solid var(--changed); background: #fffaf0; padding: 4px 10px; }
.callout::before { content: "\26A0  "; font-weight: bold; }
section.trust ul ul { margin: 4px 0; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 6px 0; font-size: 13px; }
ul.legend li { display: flex; align-items: center; gap: 6px; }
.no-findings { font-size: 15px; color: var(--added-text); }
tr.error td.severity { color: var(--removed-text); font-weight: bold; }
tr.warning td.severity { color: var(--changed-text); font-weight: bold; }
table.line-diff { width: 100%; font-size: 12px; }
table.line-diff th { text-align: left; color: var(--muted); font-weight: normal; border-bottom: 1px solid #bbb; }
table.line-diff td { padding: 0 6px; vertical-align: top; }
table.line-diff td.no { color: var(--muted); text-align: right; width: 3.5em; font-family: "DejaVu Sans Mono", Consolas, monospace; }
table.line-diff td.code code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; }
table.line-diff tr.hunk td { background: #eef; color: #335; padding-top: 4px; }
table.line-diff tr.added td { background: var(--added-bg); }
table.line-diff tr.removed td { background: var(--removed-bg); }
table.line-diff tr.added td.sign { color: var(--added-text); font-weight: bold; }
table.line-diff tr.removed td.sign { color: var(--removed-text); font-weight: bold; }
mark { background: #ffe27a; text-decoration: underline 2px; color: inherit; }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; border-top: 1px solid #ccc; }
:target { outline: 3px solid #0072b2; outline-offset: 2px; }

/* the drawing */
svg.drawing { display: block; max-width: 100%; height: auto; margin: 8px 0; }
svg text { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", Menlo, monospace; font-size: 12px; white-space: pre; fill: #111; }
svg .region { fill: #f6f6f4; stroke: #9a9a9a; stroke-width: 1.2; }
svg .row.site-title, svg .row.title { font-weight: bold; }
svg .row.listed { fill: #444; }
svg .box { fill: #fff; stroke: #777; stroke-width: 1.2; }
svg .band { fill: #eeeeee; }
svg .band.trusted { fill: var(--trusted); }
svg .box.added, svg .region.added { stroke: var(--added); stroke-width: 3.5; }
svg .box.changed, svg .region.changed { stroke: var(--changed); stroke-width: 3.5; stroke-dasharray: 9 4; }
svg .box.removed, svg .region.removed { stroke: var(--removed); stroke-width: 3; stroke-dasharray: 2 3; fill: url(#hatch); }
svg g.pool.removed .row.title { text-decoration: line-through; }
svg .obj.added { fill: var(--added-text); font-weight: bold; }
svg .obj.changed { fill: var(--changed-text); font-weight: bold; }
svg .obj.removed { fill: var(--removed-text); font-weight: bold; }
svg .obj.removed .value, svg .obj.removed:not([id]) { text-decoration: line-through; }
svg .tag rect { stroke: #000; stroke-width: 0.8; }
svg .tag.added rect { fill: var(--added); } svg .tag.changed rect { fill: var(--changed); } svg .tag.removed rect { fill: var(--removed); }
svg .tag text { font-size: 10.5px; font-weight: bold; fill: #000; }
svg .halo { fill: none; stroke: #fff; stroke-width: 5; stroke-opacity: 0.85; }
svg .line { fill: none; stroke: var(--line); stroke-width: 1.6; }
svg .line.trusted { stroke: #0072b2; stroke-width: 2.6; }
svg .line.edge, svg .line.mediation, svg .line.pstn { stroke-dasharray: 6 3; }
svg .line.added { stroke: var(--added); stroke-width: 3; stroke-dasharray: none; }
svg .line.changed { stroke: var(--changed); stroke-width: 3; }
svg .line.removed { stroke: var(--removed); stroke-width: 2.4; stroke-dasharray: 2 3; }
svg .arrow path { fill: var(--line); }
svg .arrow.added path { fill: var(--added); } svg .arrow.changed path { fill: var(--changed); } svg .arrow.removed path { fill: var(--removed); }
svg .link-label { font-size: 11px; font-weight: bold; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; fill: #0b3d5c; }
svg .link-label.added { fill: var(--added-text); } svg .link-label.removed { fill: var(--removed-text); text-decoration: line-through; }
svg g:target > .box, svg g:target > .region { stroke: #0072b2; stroke-width: 5; }
svg tspan:target { fill: #0072b2; text-decoration: underline; }
ul.legend svg .box { fill: #fff; }

@page { size: landscape; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  a { text-decoration: none; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  :target { outline: none; }
}
</xsl:variable>
</xsl:stylesheet>

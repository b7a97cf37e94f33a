<?xml version="1.0" encoding="UTF-8"?>
<!-- A canonical message bundle, already filtered for housing -> one RaiseAlert envelope per tenant.
     Input: the bundle's JSON text as $input. Every value is written as text by the XSLT processor,
     which escapes it: no string is ever pasted into XML. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:cw="urn:caseway:mappings"
    xmlns:local="urn:caseway:mappings:local"
    xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:ten="urn:northshirehomes:tenancy:v1"
    exclude-result-prefixes="#all">

  <xsl:param name="input" as="xs:string"/>
  <xsl:param name="source" as="xs:string" select="''"/>
  <xsl:param name="risk-to-staff" as="xs:string" select="''"/>
  <xsl:param name="disclosure-id" as="xs:string" select="''"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:variable name="SD" select="'https://caseway.example/fhir/StructureDefinition/'"/>
  <xsl:variable name="TENANCY" select="'https://id.northshirehomes.org.uk/tenancy'"/>
  <xsl:variable name="bundle" select="parse-json($input)"/>
  <xsl:variable name="entries" select="$bundle?entry?*"/>
  <xsl:variable name="resources" select="$entries ! ?resource"/>
  <xsl:variable name="header" select="$resources[?resourceType = 'MessageHeader'][1]"/>
  <xsl:variable name="event" select="string($header?eventCoding?code)"/>
  <xsl:variable name="focus" select="local:resource($header?focus?1?reference)"/>
  <xsl:variable name="disclosure" select="if ($disclosure-id != '') then $disclosure-id else string($bundle?id)"/>
  <xsl:variable name="first-risk" select="tokenize($risk-to-staff, '\s*,\s*')[. != '']"/>

  <xsl:function name="local:resource" as="map(*)?">
    <xsl:param name="reference" as="xs:string?"/>
    <xsl:sequence select="$entries[?fullUrl = $reference][1]?resource"/>
  </xsl:function>

  <xsl:function name="local:extension" as="map(*)?">
    <xsl:param name="resource" as="map(*)?"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="$resource?extension?*[?url = $SD || $name][1]"/>
  </xsl:function>

  <xsl:function name="local:markers" as="xs:string*">
    <xsl:param name="person" as="map(*)"/>
    <xsl:sequence select="$resources[?resourceType = 'Flag'][?subject?reference = 'urn:uuid:' || $person?id]
        ! ?code?coding?*?code"/>
  </xsl:function>

  <xsl:function name="local:alert-type" as="xs:string">
    <xsl:param name="tenancy" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$tenancy = $first-risk">RISK_TO_STAFF</xsl:when>
      <xsl:when test="$event = 'incident-reported'">ASB_INCIDENT</xsl:when>
      <xsl:when test="$event = 'case-opened'">CASE_OPENED</xsl:when>
      <xsl:when test="$event = 'case-closed'">CASE_CLOSED</xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">Northshire Homes has no alert type for the event '<xsl:value-of
            select="$event"/>' (only incident-reported, case-opened, case-closed, or RISK_TO_STAFF via the risk-to-staff parameter)</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- HIGH: a violent or weapons marker on the tenant, or a HIGH risk case; MEDIUM: a MEDIUM risk
       case or another risk marker; LOW otherwise. -->
  <xsl:function name="local:severity" as="xs:string">
    <xsl:param name="markers" as="xs:string*"/>
    <xsl:variable name="risk" select="string(local:extension($focus, 'caseway-risk-level')?valueCoding?code)"/>
    <xsl:sequence select="if ($markers = ('VI', 'WE') or $risk = 'HIGH') then 'HIGH'
        else if ($markers = 'DR' or $risk = 'MEDIUM') then 'MEDIUM' else 'LOW'"/>
  </xsl:function>

  <xsl:function name="local:summary" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="markers" as="xs:string*"/>
    <xsl:variable name="location" select="local:resource(local:extension($focus, 'caseway-incident-location')?valueReference?reference)"/>
    <xsl:variable name="place" select="string-join(($location?address?text, $location?address?postalCode)[. != ''], ', ')"/>
    <xsl:variable name="category" select="string((local:extension($focus, 'caseway-incident-type'),
        local:extension($focus, 'caseway-case-category'))[1]?valueCoding?code)"/>
    <xsl:sequence select="
        if ($type = 'RISK_TO_STAFF') then 'Warning marker: ' || string-join($markers[. = ('VI', 'WE')]
            ! (if (. = 'VI') then 'violent' else 'weapons'), ', ')
        else if ($type = 'ASB_INCIDENT') then $category || ' reported' || (if ($place != '') then ' at ' || $place else '')
        else 'ASB case ' || $focus?identifier?1?value || (if ($type = 'CASE_OPENED') then ' opened' else ' closed')
            || ' (' || $category || ')'"/>
  </xsl:function>

  <xsl:template name="xsl:initial-template">
    <xsl:for-each select="$resources[?resourceType = 'Patient'][exists(?identifier?*[?system = $TENANCY])]">
      <xsl:variable name="person" select="."/>
      <xsl:variable name="tenancy" select="string($person?identifier?*[?system = $TENANCY][1]?value)"/>
      <xsl:variable name="markers" select="local:markers($person)"/>
      <!-- A risk flag on a tenant whose violent or weapons marker housing already has: housing has no
           alert type for it (housing-soap.md), and its officers already know. -->
      <xsl:if test="$event != 'risk-flag-raised' or $tenancy = $first-risk">
      <xsl:variable name="type" select="local:alert-type($tenancy)"/>
      <xsl:result-document href="{$tenancy}-{$type}.xml">
        <soapenv:Envelope>
          <!-- Declared on the envelope, as in housing-soap.md's example. -->
          <xsl:namespace name="ten" select="'urn:northshirehomes:tenancy:v1'"/>
          <soapenv:Header/>
          <soapenv:Body>
            <ten:RaiseAlert>
              <ten:AlertId><xsl:value-of select="cw:uuid('housing-alert/' || $disclosure || '|' || $tenancy || '|' || $type)"/></ten:AlertId>
              <ten:TenancyRef><xsl:value-of select="$tenancy"/></ten:TenancyRef>
              <ten:Tenant>
                <ten:Surname><xsl:value-of select="$person?name?1?family"/></ten:Surname>
                <ten:Forename><xsl:value-of select="string-join($person?name?1?given?*, ' ')"/></ten:Forename>
                <xsl:if test="exists($person?birthDate)">
                  <ten:DateOfBirth><xsl:value-of select="$person?birthDate"/></ten:DateOfBirth>
                </xsl:if>
              </ten:Tenant>
              <ten:AlertType><xsl:value-of select="$type"/></ten:AlertType>
              <ten:RaisedBy><xsl:value-of select="$header?source?name"/></ten:RaisedBy>
              <ten:RaisedOn><xsl:value-of select="format-dateTime(adjust-dateTime-to-timezone(
                  xs:dateTime($bundle?timestamp), xs:dayTimeDuration('PT0S')), '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z')"/></ten:RaisedOn>
              <ten:Summary><xsl:value-of select="local:summary($type, $markers)"/></ten:Summary>
              <ten:Severity><xsl:value-of select="local:severity($markers)"/></ten:Severity>
            </ten:RaiseAlert>
          </soapenv:Body>
        </soapenv:Envelope>
      </xsl:result-document>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>

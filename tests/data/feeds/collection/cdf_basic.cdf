<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item700.html" LASTMOD="2026-03-26T04:40"><TITLE>Consultation on Westmere bus routes (part 4)</TITLE><ABSTRACT>Have your say on changes to rural bus routes around Westmere before 30 April. Ref 1386.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item701.html" LASTMOD="2026-03-27T05:41"><TITLE>Consultation on Lowmoor bus routes (part 4)</TITLE><ABSTRACT>Have your say on changes to rural bus routes around Lowmoor before 30 April. Ref 1387.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item702.html" LASTMOD="2026-03-01T06:42"><TITLE>Consultation on Hollin Cross bus routes (part 4)</TITLE><ABSTRACT>Have your say on changes to rural bus routes around Hollin Cross before 30 April. Ref 1388.</ABSTRACT></ITEM>
</CHANNEL>

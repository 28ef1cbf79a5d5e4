<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item700.html" LASTMOD="2026-03-26T04:40"><TITLE>New flood defences open at Tarne (part 4)</TITLE><ABSTRACT>The new flood wall at Tarne was opened today by the county council. Ref 1392.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item701.html" LASTMOD="2026-03-27T05:41"><TITLE>New flood defences open at Brennock (part 4)</TITLE><ABSTRACT>The new flood wall at Brennock was opened today by the county council. Ref 1393.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item702.html" LASTMOD="2026-03-01T06:42"><TITLE>New flood defences open at Ardvale (part 4)</TITLE><ABSTRACT>The new flood wall at Ardvale was opened today by the county council. Ref 1394.</ABSTRACT></ITEM>
</CHANNEL>

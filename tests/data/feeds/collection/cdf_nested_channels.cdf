<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item710.html" LASTMOD="2026-03-09T14:50"><TITLE>New flood defences open at Caldria Bay (part 4)</TITLE><ABSTRACT>The new flood wall at Caldria Bay was opened today by the county council. Ref 1395.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item711.html" LASTMOD="2026-03-10T15:51"><TITLE>New flood defences open at Westmere (part 4)</TITLE><ABSTRACT>The new flood wall at Westmere was opened today by the county council. Ref 1396.</ABSTRACT></ITEM>
<CHANNEL HREF="https://cdf.example.org/sub/"><TITLE>Sub channel</TITLE>
<ITEM HREF="https://cdf.example.org/item712.html" LASTMOD="2026-03-11T16:52"><TITLE>New flood defences open at Lowmoor (part 4)</TITLE><ABSTRACT>The new flood wall at Lowmoor was opened today by the county council. Ref 1397.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item713.html" LASTMOD="2026-03-12T17:53"><TITLE>New flood defences open at Hollin Cross (part 4)</TITLE><ABSTRACT>The new flood wall at Hollin Cross was opened today by the county council. Ref 1398.</ABSTRACT></ITEM>
</CHANNEL>
</CHANNEL>

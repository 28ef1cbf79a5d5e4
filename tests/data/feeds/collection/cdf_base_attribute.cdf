<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0" BASE="https://cdf.example.org/base/">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="items/relative.html" LASTMOD="2026-03-22T03:03"><TITLE>New flood defences open at Westmere (part 4)</TITLE><ABSTRACT>The new flood wall at Westmere was opened today by the county council. Ref 1396.</ABSTRACT></ITEM>
</CHANNEL>

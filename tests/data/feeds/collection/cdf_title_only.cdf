<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item721.html" LASTMOD="2026-03-20T01:01"><TITLE>Schools closed in Kerrow because of snow (part 4)</TITLE></ITEM>
</CHANNEL>

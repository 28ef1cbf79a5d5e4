<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0" BASE="https://cdf.example.org/base/">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="items/relative.html" LASTMOD="2026-03-22T03:03"><TITLE>Schools closed in Tarne because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Tarne are closed today; check the council website. Ref 1402.</ABSTRACT></ITEM>
</CHANNEL>

<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item724.html" LASTMOD="2026-03-23T04:04"><TITLE>Schools closed in Brennock because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Brennock are closed today; check the council website. Ref 1403.</ABSTRACT><USAGE VALUE="ScreenSaver"/><LOGO HREF="https://cdf.example.org/i.gif" STYLE="ICON"/></ITEM>
</CHANNEL>

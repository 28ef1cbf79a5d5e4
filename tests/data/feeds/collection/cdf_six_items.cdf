<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item730.html" LASTMOD="2026-03-02T10:10"><TITLE>Schools closed in Kerrow because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Kerrow are closed today; check the council website. Ref 1400.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item731.html" LASTMOD="2026-03-03T11:11"><TITLE>Schools closed in Port Ellis because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Port Ellis are closed today; check the council website. Ref 1401.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item732.html" LASTMOD="2026-03-04T12:12"><TITLE>Schools closed in Tarne because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Tarne are closed today; check the council website. Ref 1402.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item733.html" LASTMOD="2026-03-05T13:13"><TITLE>Schools closed in Brennock because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Brennock are closed today; check the council website. Ref 1403.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item734.html" LASTMOD="2026-03-06T14:14"><TITLE>Schools closed in Ardvale because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Ardvale are closed today; check the council website. Ref 1404.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item735.html" LASTMOD="2026-03-07T15:15"><TITLE>Schools closed in Caldria Bay because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Caldria Bay are closed today; check the council website. Ref 1405.</ABSTRACT></ITEM>
</CHANNEL>

<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item730.html" LASTMOD="2026-03-02T10:10"><TITLE>Schools closed in Westmere because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Westmere are closed today; check the council website. Ref 1406.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item731.html" LASTMOD="2026-03-03T11:11"><TITLE>Schools closed in Lowmoor because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Lowmoor are closed today; check the council website. Ref 1407.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item732.html" LASTMOD="2026-03-04T12:12"><TITLE>Schools closed in Hollin Cross because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Hollin Cross are closed today; check the council website. Ref 1408.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item733.html" LASTMOD="2026-03-05T13:13"><TITLE>Schools closed in Marrick because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Marrick are closed today; check the council website. Ref 1409.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item734.html" LASTMOD="2026-03-06T14:14"><TITLE>Heatwave advice for Kerrow (part 4)</TITLE><ABSTRACT>Drink water, keep out of the midday sun and check on neighbours in Kerrow. Ref 1410.</ABSTRACT></ITEM>
<ITEM HREF="https://cdf.example.org/item735.html" LASTMOD="2026-03-07T15:15"><TITLE>Heatwave advice for Port Ellis (part 4)</TITLE><ABSTRACT>Drink water, keep out of the midday sun and check on neighbours in Port Ellis. Ref 1411.</ABSTRACT></ITEM>
</CHANNEL>

<?xml version="1.0" encoding="UTF-8"?>
<channel href="https://cdf.example.org/" lastmod="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<title>Hollin Cross channel</title><abstract>Channel news</abstract><LOGO href="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<item href="https://cdf.example.org/item725.html" lastmod="2026-03-24T05:05"><title>Schools closed in Ardvale because of snow (part 4)</title><abstract>Nine schools in Ardvale are closed today; check the council website. Ref 1404.</abstract></item>
</channel>

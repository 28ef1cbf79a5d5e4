<CHANNEL HREF="https://cdf.example.org/" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0">
<TITLE>Hollin Cross channel</TITLE><ABSTRACT>Channel news</ABSTRACT><LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>
<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>
<ITEM HREF="https://cdf.example.org/item726.html" LASTMOD="2026-03-25T06:06"><TITLE>Schools closed in Caldria Bay because of snow (part 4)</TITLE><ABSTRACT>Nine schools in Caldria Bay are closed today; check the council website. Ref 1405.</ABSTRACT></ITEM>
</CHANNEL>

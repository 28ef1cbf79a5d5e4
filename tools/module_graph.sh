#!/bin/sh
# The module graph (docs/design.md, "Keeping the layers honest"): for each top-level module of
# src/, how many times its files name each other module (`crate::NAME`). Run from the
# repository's root: sh tools/module_graph.sh
for m in error text config ingest compose query catalog grade store index fetch app web; do
  p=src/$m; [ -d "$p" ] || p=src/$m.rs
  printf '%-8s' "$m"
  grep -rhoE 'crate::[a-z_]+' "$p" | grep -v "crate::$m\$" | sort | uniq -c | tr -s ' \n' ' '
  echo
done
printf '%-8s' cli
grep -rhoE 'sandpit::[a-z_]+' src/main.rs src/cli | sort | uniq -c | tr -s ' \n' ' '
echo

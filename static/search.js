// Live query preview: enhancement only; the search page works without it.

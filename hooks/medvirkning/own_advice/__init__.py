"""Our own advice and proposals: their mark on pages, in downloads and calendars, and the check
that stops the build when marked text goes out without it."""

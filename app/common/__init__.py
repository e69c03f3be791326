"""What every view uses: the language, colours, compact widgets, the session's signals and background tasks."""

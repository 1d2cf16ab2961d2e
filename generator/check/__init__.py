"""``pressgen check``: read release markdown, lint its wording, report findings in several formats."""

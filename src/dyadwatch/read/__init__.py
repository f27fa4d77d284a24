"""Read: articles from text, HTML, JSON and JSON Lines files, folders, globs and stdin."""

"""The lead's workbench: new project, import articles, the start screen (issue 12)."""

"""The core every feature stands on: the language builds and their state, data files and schemas,
the shared HTML parse, markers, slugs, page dates, the theme's template cache and the strict build
with its Norwegian messages. Nothing here imports a feature."""

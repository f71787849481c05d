"""The one hook in mkdocs.yml: every event goes to medvirkning.pipeline, which runs the steps
in the order written down there. Nothing else lives here, so the package is loaded once."""
from medvirkning.pipeline import (  # noqa: F401  (MkDocs finds the events by name)
    on_build_error, on_config, on_env, on_files, on_nav, on_page_content, on_page_context, on_page_markdown,
    on_post_build, on_post_page, on_post_template, on_pre_build, on_startup, on_template_context)

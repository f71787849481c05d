"""The one hook in mkdocs.yml: every event goes to medvirkning.pipeline, which runs the steps
in the order written down there. Nothing else lives here.

MkDocs loads a hook once per process, so under `mkdocs serve` a change in hooks/ would not run
until the preview is restarted. When serving, each new build first looks at the package's files,
and if one has changed since it was loaded, it loads the package anew (events forward to the
pipeline module loaded last; their priorities are the pipeline's)."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from medvirkning import pipeline as _first

_PACKAGE = Path(__file__).resolve().parent / "medvirkning"
_EVENTS = ("on_startup", "on_config", "on_pre_build", "on_files", "on_nav", "on_page_markdown", "on_page_content",
           "on_env", "on_page_context", "on_template_context", "on_post_page", "on_post_template",
           "on_post_build", "on_build_error")
_loaded = {"pipeline": _first, "stamp": None}


def package_stamp(folder: Path = _PACKAGE) -> tuple:
    """The package's files and when each last changed."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*")
                        if p.is_file() and p.suffix in (".py", ".js", ".html", ".json")))


def reload_if_changed():
    """Under `mkdocs serve`, between builds: the package as it is on disk now."""
    pipeline = _loaded["pipeline"]
    if not pipeline.OPTIONS.serving or pipeline.BUILDS.in_progress:
        return pipeline
    stamp = package_stamp()
    if _loaded["stamp"] is None:
        _loaded["stamp"] = stamp
    elif stamp != _loaded["stamp"]:
        options = pipeline.OPTIONS
        for name in [n for n in sys.modules if n == "medvirkning" or n.startswith("medvirkning.")]:
            del sys.modules[name]
        pipeline = importlib.import_module("medvirkning.pipeline")
        pipeline.OPTIONS.__dict__.update(options.__dict__)  # how the preview was started
        _loaded.update(pipeline=pipeline, stamp=stamp)
        pipeline.log.info("Koden i hooks/ er endret: forhåndsvisningen bruker den nye koden.")
    return pipeline


def _forward(name: str):
    def event(*args, **kwargs):
        pipeline = reload_if_changed() if name == "on_config" else _loaded["pipeline"]
        return getattr(pipeline, name)(*args, **kwargs)
    event.__name__ = name
    priority = getattr(getattr(_first, name), "mkdocs_priority", None)
    if priority is not None:
        event.mkdocs_priority = priority
    return event


for _name in _EVENTS:
    globals()[_name] = _forward(_name)

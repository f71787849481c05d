"""The accessibility statement's status, from every WCAG success criterion (data/wcag.yml).

Editors keep one entry per success criterion of WCAG 2.1 level A and AA, and the additions of
WCAG 2.2 at those levels, each with how it was assessed (metode), what was found (resultat),
when (dato) and a note (merknad). A criterion assessed automatically (metode: automatisk) takes
its result and date from the checks themselves: the build's (kilde: bygget) or the browser
audit's (kilde: revisjon, data/tilgjengelighetsrevisjon.yml). As in Digdir's statement form
(uustatus), the site «oppfyller» only when every criterion is assessed and met (or does not
apply); otherwise it meets them «delvis», and the statement lists what is not assessed yet.
"""
from __future__ import annotations

import json

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_build_datetime

from ..core.data_files import read_yaml

DATA_FILE = "data/wcag.yml"
METHODS = ("automatisk", "manuell", "ikke vurdert")
RESULTS = ("samsvar", "avvik", "ikke relevant")
NOT_ASSESSED = "ikke vurdert"
# Every success criterion the statement answers for: WCAG 2.1 A and AA, and WCAG 2.2's new A
# and AA criteria (2.2 leaves out 4.1.1, which the Norwegian regulation still names).
WCAG21_A_AA = (
    "1.1.1", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5",
    "1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5", "1.4.10", "1.4.11", "1.4.12", "1.4.13",
    "2.1.1", "2.1.2", "2.1.4", "2.2.1", "2.2.2", "2.3.1", "2.4.1", "2.4.2", "2.4.3", "2.4.4", "2.4.5", "2.4.6",
    "2.4.7", "2.5.1", "2.5.2", "2.5.3", "2.5.4", "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.2.3", "3.2.4",
    "3.3.1", "3.3.2", "3.3.3", "3.3.4", "4.1.1", "4.1.2", "4.1.3",
)
WCAG22_A_AA = ("2.4.11", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8")
# In WCAG's order: by principle, guideline and number (2.4.11 after 2.4.7).
CRITERIA = tuple(sorted(WCAG21_A_AA + WCAG22_A_AA, key=lambda number: tuple(map(int, number.split(".")))))

SCHEMA_FILE = "data/skjema/wcag.json"  # the file's JSON Schema, which the build checks every data file against


@dataclass(frozen=True)
class Criterion:
    number: str
    level: str
    names: dict[str, str]
    method: str
    result: str  # one of RESULTS, or NOT_ASSESSED
    date: str | None
    note: str
    deviation: dict[str, str] | None = None
    source: str | None = None  # for an automatic criterion: bygget or revisjon

    def name(self, locale: str) -> str:
        return self.names.get(locale) or self.names["nb"]


def load(root: Path) -> list[Criterion]:
    """Every criterion of data/wcag.yml, in WCAG's order; a criterion missing, twice or
    unknown, or a date in the future, stops the build naming the file."""
    raw = read_yaml(root / DATA_FILE, None, schema=json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8")))
    if raw is None:
        raise PluginError(f"{DATA_FILE} mangler. Tilgjengelighetserklæringen regner ut statusen fra den fila.")
    criteria, problems = {}, []
    today = get_build_datetime().date().isoformat()
    for number, item in enumerate(raw["kriterier"], start=1):
        key = item["krav"]
        if key in criteria:
            problems.append(f"kriteriet {key} står to ganger (oppføring nr. {number}). Slett den ene.")
        elif key not in CRITERIA:
            problems.append(f"«{key}» i oppføring nr. {number} er ikke et suksesskriterium på nivå A eller AA i "
                            "WCAG 2.1 eller 2.2. Sjekk nummeret.")
        if item.get("dato", "") > today:
            problems.append(f"kriteriet {key} har datoen {item['dato']}, som er etter i dag. Skriv datoen da "
                            "kriteriet ble vurdert.")
        if item["metode"] != "manuell" and ("resultat" in item or "dato" in item):
            problems.append(f"kriteriet {key} er «{item['metode']}», men har resultat eller dato. "
                            + ("Et automatisk kriterium får dem fra testene: slett linjene."
                               if item["metode"] == "automatisk" else "Slett linjene, eller skriv metode: manuell."))
        criteria[key] = Criterion(
            number=key, level=item["niva"], names=item["navn"], method=item["metode"],
            result=item.get("resultat", NOT_ASSESSED), date=item.get("dato"), note=" ".join(item["merknad"].split()),
            deviation=item.get("avvik"), source=item.get("kilde"))
    missing = [key for key in CRITERIA if key not in criteria]
    if missing:
        problems.append(f"{'kriteriene' if len(missing) > 1 else 'kriteriet'} {', '.join(missing)} mangler. Hvert "
                        "kriterium skal stå i fila, også de som ikke er vurdert (metode: ikke vurdert).")
    if problems:
        raise PluginError("\n".join(f"{DATA_FILE}: {problem}" for problem in problems))
    return [criteria[key] for key in CRITERIA]


def with_automatic_results(criteria: list[Criterion], failed: set[str], build_date: str,
                           audit_date: str | None) -> list[Criterion]:
    """The automatic criteria with the result and date of their checks: «avvik» when a check found
    a problem under the criterion (`failed`), not assessed when the browser audit is missing."""
    done = []
    for criterion in criteria:
        if criterion.method == "automatisk":
            date = build_date if criterion.source == "bygget" else audit_date
            result = NOT_ASSESSED if date is None else "avvik" if criterion.number in failed else "samsvar"
            criterion = Criterion(**{**criterion.__dict__, "result": result, "date": date})
        done.append(criterion)
    return done


def status(criteria: list[Criterion], has_deviations: bool) -> str:
    """«oppfyller» only when every criterion is assessed and met or does not apply, and no check
    found a problem; «ikke_testet» when nothing is assessed; else «delvis»."""
    if all(c.result == NOT_ASSESSED for c in criteria):
        return "ikke_testet"
    if has_deviations or any(c.result in (NOT_ASSESSED, "avvik") for c in criteria):
        return "delvis"
    return "oppfyller"


def criterion_number(requirement: str) -> str:
    """«1.3.1» of a requirement as the statement names it («1.3.1 Informasjon og relasjoner»)."""
    return requirement.split(" ", 1)[0]

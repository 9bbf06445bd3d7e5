"""The national database for benchmarks: the 34 provinces and 3.321 communes of the 2025
reform, a 2021-2025 plan per province, and approved values of every commune for every year.

Owns: ``build_national`` (what ``chitieu web build_national`` runs) and the indicator list it
plans (``plan_specs``). Benchmark data, never real figures: every value says so in its source,
is written in bulk without audit rows, and the command refuses a database that already holds
units, plans or values (it is meant for an empty database made for measuring; docs/scale.md).

- Units: the list of the package ``vietnam-provinces`` (2025.10.1, data of 18 October 2025:
  the draft list of codes of the General Statistics Office after the 1 July 2025 reform;
  GPL-3.0-or-later, a development dependency only, imported here when the command runs).
  Communes sit directly under their province (two-level local government); codes are the
  package's, padded to 2 and 5 digits. The predecessors of 2020-2024 are not in the package:
  the communes carry values for every year as if they had existed then.
- Indicators: the starter catalogue's with a target of every form (growth, level at the end,
  each year, below a ceiling, over the whole term, change, multiple, structure with its parts,
  qualitative), then generated ones (``TN001`` …) to reach the number asked for.
- Values: one per commune, indicator and year (the last year an estimate, the others
  official), drawn from a seeded generator; the province's own values are its communes' sum
  (indicators summed when units combine), mean (the others), or for a standard (đạt / không
  đạt) met when every commune meets it. Every submission is approved,
  so leaders' pages, which read approved values, show them.

PostgreSQL: values are written with COPY (about 2 million rows in well under a minute);
elsewhere with ``bulk_create`` in batches.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

from django.db import connection, transaction
from django.utils import timezone

from chitieu.core.numbers import round_half_up
from chitieu.core.series import ValueStatus

PACKAGE = "vietnam_provinces"
PACKAGE_PIN = "vietnam-provinces==2025.10.1"
SOURCE = "Số liệu thử nghiệm đo hiệu năng (build_national) — không phải số liệu thật"
PLAN_SOURCE = "Kế hoạch thử nghiệm đo hiệu năng (build_national) — không phải văn bản thật"
BATCH = 5_000
SEED = 2025

LEVELS = {"tỉnh": "tinh", "thành phố trung ương": "thanh_pho_tw", "xã": "xa", "phường": "phuong",
          "đặc khu": "dac_khu"}


class NationalDataError(Exception):
    """The national database cannot be built (package missing, database not empty, bad option)."""


@dataclass(frozen=True)
class Spec:
    """One indicator of the benchmark plan: its target phrase ("" for a structure's part) and
    the shape its generated values take (see ``_SHAPES``)."""

    code: str
    phrase: str
    shape: str


# From the starter catalogue, the first five of a different form each (so that a slice of five
# indicators still has growth, level, change, multiple and qualitative targets).
CURATED = [
    Spec("KT01", "tăng 15 - 17%/năm", "money"),                             # growth, average
    Spec("XH02", "đạt trên 90%", "rate_up"),                                 # level, end of term
    Spec("XH06N", "giảm 10 - 15 hộ/năm", "count_down"),                      # change, each year
    Spec("KT09", "tăng 1,4 - 1,5 lần so với năm 2020", "money_level"),      # multiple
    Spec("XH14", "Giữ vững đạt chuẩn quốc gia về y tế", "yes"),             # qualitative
    Spec("KT07", "Nông nghiệp, lâm nghiệp và thủy sản chiếm dưới 20%, công nghiệp - xây dựng chiếm "
                 "trên 30%, thương mại dịch vụ chiếm trên 40%", "none"),    # structure
    Spec("KT07.1", "", "share_agriculture"),
    Spec("KT07.2", "", "share_industry"),
    Spec("KT07.3", "", "share_services"),
    Spec("KT06", "bình quân đạt trên 8%", "growth_rate"),                   # growth of a growth rate
    Spec("CC01", "hằng năm đạt 100%", "rate_full"),                          # level, each year
    Spec("XH04", "dưới 10%", "rate_down"),                                   # level below a ceiling
    Spec("KT11", "cả giai đoạn đạt 1.500 tỷ đồng", "money"),                # level, cumulative
    Spec("KT08", "tăng thêm 50 doanh nghiệp", "count_up"),                  # change over the term
    Spec("XH11", "hằng năm: 80 - 100 lao động", "count_up"),                # level range, each year
    Spec("KT02", "tăng 10 - 12%/năm", "money"),
    Spec("KT03", "tăng 3 - 4%/năm", "money"),
    Spec("KT05", "đến năm 2025 đạt 900 tỷ đồng", "money"),
    Spec("KT12", "tăng 12 - 14%/năm", "money"),
    Spec("XH03", "đạt trên 80%", "rate_up"),
    Spec("XH05", "dưới 5%", "rate_down"),
    Spec("XH12", "đạt 40%", "rate_up"),
    Spec("XH13", "hằng năm đạt trên 98%", "rate_full"),
    Spec("XH15", "Xây dựng đạt chuẩn đô thị văn minh", "yes"),
    Spec("MT01", "đạt 100%", "rate_full"),
    Spec("MT02", "đạt trên 90%", "rate_up"),
    Spec("MT03", "đạt 30%", "rate_up"),
    Spec("CC02", "đạt 100%", "rate_full"),
    Spec("CC03", "đạt trên 75%", "rate_up"),
    Spec("CC04", "đạt trên 95%", "rate_up"),
    Spec("CC07", "đạt trên 90%", "rate_up"),
    Spec("QP01", "hằng năm đạt 100%", "rate_full"),
    Spec("QP03", "Giữ vững an ninh chính trị, trật tự an toàn xã hội", "yes"),
    Spec("DG01", "đạt trên 90%", "rate_up"),
    Spec("DG02", "đạt trên 90%", "rate_up"),
]

# Generated indicators, in turn: (unit, kind, direction, domain, aggregation, phrase, shape).
_GENERATED = [
    ("tỷ đồng", "flow", "higher", "kinh_te", "sum", "tăng 8 - 10%/năm", "money"),
    ("%", "rate", "higher", "van_hoa_xa_hoi", "none", "đạt trên 80%", "rate_up"),
    ("người", "count", "higher", "van_hoa_xa_hoi", "sum", "tăng thêm 100 người", "count_up"),
    ("triệu đồng", "level", "higher", "kinh_te", "none", "gấp 1,3 lần năm 2020", "money_level"),
    ("%", "rate", "lower", "moi_truong_do_thi", "none", "dưới 5%", "rate_down"),
]


def generated_code(n: int) -> str:
    return f"TN{n:03d}"


def plan_specs(count: int) -> list[Spec]:
    """The ``count`` indicators of the benchmark plan: the curated ones first (a structure
    target is never cut from its parts), then generated ones."""
    if count < 1:
        raise NationalDataError("Số chỉ tiêu phải từ 1 trở lên. / --indicators must be at least 1.")
    out = list(CURATED[:count])
    structure = [s for s in out if s.code.startswith("KT07")]
    if 0 < len(structure) < 4:  # a structure target is judged on all its parts, or not at all
        out = [s for s in out if not s.code.startswith("KT07")]
    n = 1
    while len(out) < count:
        unit, kind, direction, domain, aggregation, phrase, shape = _GENERATED[(n - 1) % len(_GENERATED)]
        out.append(Spec(generated_code(n), phrase, shape))
        n += 1
    return out


def generated_rows(specs: list[Spec]) -> list[dict]:
    """Catalogue rows (as the import reads them) of the generated indicators among ``specs``."""
    rows = []
    for spec in specs:
        if not spec.code.startswith("TN"):
            continue
        n = int(spec.code[2:])
        unit, kind, direction, domain, aggregation, _phrase, _shape = _GENERATED[(n - 1) % len(_GENERATED)]
        rows.append({"code": spec.code, "name": f"Chỉ tiêu thử nghiệm {n:03d} (đo hiệu năng)", "unit": unit,
                     "kind": kind, "direction": direction, "domain": domain, "aggregation": aggregation,
                     "price_basis": "current" if unit == "tỷ đồng" else "none", "decimals": 1})
    return rows


def parse_years(text: str) -> list[int]:
    """"2020-2025" → [2020, …, 2025] (the first year is the plan's base year)."""
    try:
        first, last = (int(x) for x in text.replace("–", "-").split("-"))
    except ValueError:
        raise NationalDataError(f"Khoảng năm “{text}” không hợp lệ (ví dụ 2020-2025). / "
                                f"Bad year range {text!r} (e.g. 2020-2025).") from None
    if not 1990 <= first < last <= 2100:
        raise NationalDataError(f"Khoảng năm “{text}”: năm cuối phải sau năm đầu. / "
                                f"Year range {text!r}: the last year must follow the first.")
    return list(range(first, last + 1))


def divisions() -> list[dict]:
    """The provinces with their communes (``wards``) from the package, sorted by code."""
    try:
        data = resources.files(PACKAGE).joinpath("data", "nested-divisions.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        raise NationalDataError(
            f"Thiếu gói {PACKAGE_PIN} (danh sách đơn vị hành chính sau sắp xếp năm 2025); cài bằng "
            f"`.venv/bin/pip install -c constraints.txt -e \".[dev]\"`. / The package {PACKAGE_PIN} "
            "is not installed (it is a development dependency: install the dev extras).") from None
    provinces = sorted(json.loads(data), key=lambda p: p["code"])
    for p in provinces:
        p["wards"] = sorted(p["wards"], key=lambda w: w["code"])
    return provinces


# --- values -----------------------------------------------------------------------------


def _grow(rng, low, high, g_low, g_high, decimals=1):
    base, g = rng.uniform(low, high), rng.uniform(g_low, g_high)
    return lambda k: round_half_up(base * (1 + g) ** k, decimals)


def _money(rng):
    return _grow(rng, 20, 400, 0.05, 0.22)


def _money_level(rng):
    return _grow(rng, 40, 90, 0.03, 0.12)


def _rate_up(rng):
    start, step = rng.uniform(60, 95), rng.uniform(0, 2)
    return lambda k: round_half_up(min(100.0, start + step * k), 1)


def _rate_full(rng):
    short = rng.random() < 0.15
    low = rng.uniform(95, 99.9)
    return lambda k: round_half_up(low, 1) if short and k == 2 else 100.0


def _rate_down(rng):
    start, step = rng.uniform(3, 15), rng.uniform(-1.5, 0.2)
    return lambda k: round_half_up(max(0.1, start + step * k), 1)


def _count_down(rng):
    start, step = rng.randint(150, 400), rng.randint(5, 20)
    return lambda k: float(max(0, start - step * k))


def _count_up(rng):
    start, step = rng.randint(50, 400), rng.randint(0, 30)
    return lambda k: float(start + step * k)


def _yes(rng):
    lapse = rng.random() < 0.1
    return lambda k: 0.0 if lapse and k == 3 else 1.0


def _growth_rate(rng):
    return lambda k: round_half_up(rng.uniform(5, 12), 1)


class _Structure:
    """The three sector shares of one commune, summing to 100 each year."""

    def __init__(self, rng):
        self.agri = rng.uniform(5, 35)
        self.industry = rng.uniform(15, 45)
        self.shift = rng.uniform(0, 1.5)

    def share(self, part: str, k: int) -> float:
        agri = max(1.0, self.agri - self.shift * k)
        industry = self.industry + self.shift * k / 2
        values = {"agriculture": agri, "industry": industry, "services": 100 - agri - industry}
        return round_half_up(values[part], 1)


_SHAPES: dict[str, Callable] = {
    "money": _money, "money_level": _money_level, "rate_up": _rate_up, "rate_full": _rate_full,
    "rate_down": _rate_down, "count_down": _count_down, "count_up": _count_up, "yes": _yes,
    "growth_rate": _growth_rate,
}


def _commune_values(rng, specs: list[Spec], n_years: int) -> Iterator[tuple[int, int, float]]:
    """(spec index, year index, value) of one commune."""
    structure = _Structure(rng)
    for i, spec in enumerate(specs):
        if spec.shape == "none":
            continue
        if spec.shape.startswith("share_"):
            part = spec.shape.removeprefix("share_")
            for k in range(n_years):
                yield i, k, structure.share(part, k)
            continue
        f = _SHAPES[spec.shape](rng)
        for k in range(n_years):
            yield i, k, f(k)


# --- writing ------------------------------------------------------------------------------


class _ValueWriter:
    """Writes Value rows in bulk: COPY on PostgreSQL, one ``executemany`` per batch elsewhere
    (Django's ``bulk_create`` spends ~0,5 ms a row preparing each field). The columns the builder
    does not set take the model's defaults, prepared once (a field added later keeps working)."""

    SET = ("unit_id", "indicator_id", "year", "status", "value")

    def __init__(self) -> None:
        from chitieu.web.values.models import Value

        self.count = 0
        template = Value(unit_id=0, indicator_id=0, year=2000, status=ValueStatus.OFFICIAL.value,
                         value=Decimal(0), source=SOURCE)
        fields = [f for f in Value._meta.concrete_fields if not f.primary_key]
        given = {name: i for i, name in enumerate(self.SET)}
        rest = [f for f in fields if f.attname not in given]
        self._consts = tuple(f.get_db_prep_save(f.pre_save(template, True), connection) for f in rest)
        at_rest = {f.attname: len(self.SET) + j for j, f in enumerate(rest)}
        self._order = [given.get(f.attname, at_rest.get(f.attname)) for f in fields]
        quote = connection.ops.quote_name
        self._table = quote(Value._meta.db_table)
        self._columns = ", ".join(quote(f.column) for f in fields)
        self._postgres = connection.vendor == "postgresql"
        self._pending: list[tuple] = []

    def add(self, unit_id: int, indicator_id: int, year: int, status: str, value: float) -> None:
        self.count += 1
        full = (unit_id, indicator_id, year, status, repr(value), *self._consts)
        self._pending.append(tuple(full[i] for i in self._order))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        with connection.cursor() as cursor:
            if self._postgres:
                with cursor.cursor.copy(f"COPY {self._table} ({self._columns}) FROM STDIN") as copy:
                    for row in self._pending:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self._order))
                cursor.executemany(f"INSERT INTO {self._table} ({self._columns}) VALUES ({marks})", self._pending)
        self._pending = []


@dataclass
class Built:
    provinces: int
    communes: int
    indicators: int
    plans: int
    targets: int
    values: int
    submissions: int
    seconds: dict[str, float]


def _refuse_non_empty() -> None:
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit
    from chitieu.web.values.models import Value

    units, plans, values = AdministrativeUnit.objects.count(), Plan.objects.count(), Value.objects.count()
    if units or plans or values:
        raise NationalDataError(
            f"Cơ sở dữ liệu đã có dữ liệu ({units} đơn vị, {plans} kế hoạch, {values} số liệu): build_national "
            f"chỉ chạy trên cơ sở dữ liệu trống, dành riêng cho đo hiệu năng. / The database is not empty "
            f"({units} units, {plans} plans, {values} values): build_national only fills an empty database "
            "made for benchmarks.")


def build_national(*, provinces: int | None = None, indicators: int = 100, years: str = "2020-2025",
                   progress: Callable[[str], None] | None = None, seed: int = SEED) -> Built:
    """Build the national benchmark database (all or nothing, in one transaction)."""
    from chitieu.web.catalog.actions import do_import_indicators
    from chitieu.web.catalog.files import starter_rows
    from chitieu.web.catalog.models import Indicator
    from chitieu.web.plans.actions import check_phrase
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.units.models import AdministrativeUnit
    from chitieu.web.values.models import Submission

    say = progress or (lambda _line: None)
    year_list = parse_years(years)
    specs = plan_specs(indicators)
    country = divisions()
    if provinces is not None:
        if not 1 <= provinces <= len(country):
            raise NationalDataError(f"--provinces phải từ 1 đến {len(country)}. / --provinces must be 1-{len(country)}.")
        country = country[:provinces]
    rng = random.Random(seed)
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = now - clock
        clock = now
        say(f"  {name}: {seconds[name]:.1f} s")

    # bulk_create gives back the new ids on PostgreSQL and on SQLite ≥ 3.35 (the builder needs them)
    with transaction.atomic():
        _refuse_non_empty()
        do_import_indicators(starter_rows(), acting_user=None)
        extra = generated_rows(specs)
        if extra:
            do_import_indicators(extra, acting_user=None)
        by_code = {i.code: i for i in Indicator.objects.filter(code__in=[s.code for s in specs])}
        missing = [s.code for s in specs if s.code not in by_code]
        if missing:
            raise NationalDataError(f"Thiếu chỉ tiêu trong danh mục: {', '.join(missing)}. / "
                                    f"Indicators missing from the catalogue: {', '.join(missing)}.")
        phrases = {s.code: check_phrase(s.phrase, by_code[s.code]) for s in specs}
        lap("catalogue")

        province_units = AdministrativeUnit.objects.bulk_create([
            AdministrativeUnit(code=f"{p['code']:02d}", name=p["name"], level=LEVELS[p["division_type"]])
            for p in country])
        communes = AdministrativeUnit.objects.bulk_create([
            AdministrativeUnit(code=f"{w['code']:05d}", name=w["name"], level=LEVELS[w["division_type"]],
                               parent_id=pu.pk)
            for p, pu in zip(country, province_units, strict=True) for w in p["wards"]], batch_size=BATCH)
        by_province: dict[int, list] = {}
        for u in communes:
            by_province.setdefault(u.parent_id, []).append(u)
        lap("units")

        base, final = year_list[0], year_list[-1]
        plans = Plan.objects.bulk_create([
            Plan(unit=pu, base_year=base, final_year=final, source=PLAN_SOURCE,
                 title=f"Kế hoạch phát triển KT-XH {base + 1}-{final} (thử nghiệm)")
            for pu in province_units])
        targets = PlanTarget.objects.bulk_create([
            PlanTarget(plan=plan, indicator=by_code[s.code], phrase=phrases[s.code], order=order)
            for plan in plans for order, s in enumerate(specs, 1)], batch_size=BATCH)
        lap("plans")

        writer = _ValueWriter()
        n_years = len(year_list)
        statuses = [ValueStatus.ESTIMATE.value if k == n_years - 1 else ValueStatus.OFFICIAL.value
                    for k in range(n_years)]
        indicator_ids = [by_code[s.code].pk for s in specs]
        summed = [by_code[s.code].aggregation == "sum" for s in specs]
        decimals = [by_code[s.code].places for s in specs]
        for pu in province_units:
            members = by_province.get(pu.pk, [])
            totals: dict[tuple[int, int], float] = {}
            for unit in members:
                for i, k, value in _commune_values(rng, specs, n_years):
                    writer.add(unit.pk, indicator_ids[i], year_list[k], statuses[k], value)
                    totals[i, k] = totals.get((i, k), 0.0) + value
            for (i, k), total in sorted(totals.items()):
                if specs[i].shape == "yes":  # the province meets a standard when all its communes do
                    value = 1.0 if total == len(members) else 0.0
                else:
                    value = total if summed[i] else total / len(members)
                writer.add(pu.pk, indicator_ids[i], year_list[k], statuses[k], round_half_up(value, decimals[i]))
        writer.flush()
        lap("values")

        now = timezone.now()
        approved = Submission.State.APPROVED
        extra_fields = {f.name for f in Submission._meta.concrete_fields}
        stamps = {name: now for name in ("submitted_at", "reviewed_at", "approved_at") if name in extra_fields}
        plan_of = {p.unit_id: p for p in plans}
        submissions = Submission.objects.bulk_create([
            Submission(unit_id=unit.pk, plan=plan_of[unit.parent_id or unit.pk], year=year, state=approved,
                       comment="Dữ liệu thử nghiệm", **stamps)
            for unit in (*province_units, *communes) for year in year_list], batch_size=BATCH)
        lap("submissions")
    # PostgreSQL checks the deferred foreign keys of every row here
    lap("commit")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, so the first pages get good query plans
        lap("analyze")

    return Built(provinces=len(province_units), communes=len(communes), indicators=len(specs), plans=len(plans),
                 targets=len(targets), values=writer.count, submissions=len(submissions), seconds=seconds)

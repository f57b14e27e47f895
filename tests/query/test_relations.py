"""query.relations, query.series and the relation chart."""
from __future__ import annotations

import pytest

from newsgraph import query
from newsgraph.errors import NewsgraphError
from newsgraph.query.plot import plot_relation
from newsgraph.query.relations import period_of
from newsgraph.store.sqlite import Store

from .event_docs import build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("relations") / "relations.db")
    with Store(path, readonly=True) as s:
        yield s


def test_events_between_two_actors_in_time_order_with_their_direction(store):
    rows = list(query.relations(store, "Norway", "Finland"))
    assert [(r["type"], r["direction"]) for r in rows] == [
        ("CONSULT", "A->B"), ("ACCUSE", "A->B"), ("REJECT", "B->A"), ("THREATEN", "B->A"), ("CONSULT", "A+B"),
    ]
    assert [r["score"] for r in rows] == [4.0, -3.0, -2.0, -3.5, 2.5]
    assert [r["quad"] for r in rows] == [1, 3, 3, 3, 1]


def test_swapping_the_actors_swaps_the_direction(store):
    forward = {r["id"]: r["direction"] for r in query.relations(store, "NOR", "FIN:GOV")}
    backward = {r["id"]: r["direction"] for r in query.relations(store, "FIN:GOV", "NOR")}
    swap = {"A->B": "B->A", "B->A": "A->B", "A+B": "A+B"}
    assert forward and backward == {k: swap[v] for k, v in forward.items()}
    assert "SUPPORT" in {r["type"] for r in query.relations(store, "NOR", "FIN:GOV")}  # Niinistö is FIN:GOV


def test_unknown_actors_give_no_rows_and_date_filters_apply(store):
    assert list(query.relations(store, "Norway", "Nobody")) == []
    assert [r["type"] for r in query.relations(store, "Norway", "Finland", date_from="2021-08-15")] == [
        "REJECT", "THREATEN", "CONSULT"]


def test_monthly_series_counts_sums_and_means(store):
    rows = list(query.relations(store, "Norway", "Finland"))
    series = query.series(rows, by="month")
    assert [p["period"] for p in series.periods] == ["2021-07", "2021-08"]
    july, august = series.periods
    assert (july["count"], july["sum_score"], july["mean_score"], july["cooperation"], july["conflict"]) == \
        (2, 1.0, 0.5, 1, 1)
    assert (august["count"], august["sum_score"], august["cooperation"], august["conflict"]) == (2, 0.5, 1, 1)
    assert (august["cooperation_score"], august["conflict_score"]) == (2.5, -2.0)
    assert series.left_out == 1  # the negated threat
    assert series.unplaced == 0


def test_weekly_series_fills_gaps_and_leaves_out_month_dated_events(store):
    series = query.series(list(query.relations(store, "Norway", "Finland")), by="week")
    periods = [p["period"] for p in series.periods]
    assert periods[0] == "2021-W27" and periods[-1] == "2021-W33"
    assert len(periods) == 7 and sum(p["count"] for p in series.periods) == 3
    assert series.unplaced == 1  # REJECT is dated only to August


def test_periods():
    assert period_of("2021-07-08", "2021-07-08", "month") == "2021-07"
    assert period_of("2021-07-01", "2021-07-31", "month") == "2021-07"
    assert period_of("2021-01-01", "2021-12-31", "month") is None
    assert period_of("2021-01-04", "2021-01-10", "week") == "2021-W01"
    assert period_of("2021-01-01", "2021-01-01", "week") == "2020-W53"
    assert period_of(None, None, "week") is None
    with pytest.raises(ValueError):
        query.series([], by="day")


def test_a_day_date_places_the_event_even_when_its_window_is_wider():
    reported = {"date": "2021-09-07", "date_precision": "day", "date_first": "2021-08-07",
                "date_last": "2021-09-07", "score": 2.5, "quad": 1, "negated": False, "hypothetical": False}
    monthly = {**reported, "date": "2021-08", "date_precision": "month", "date_first": "2021-08-01",
               "date_last": "2021-08-31"}
    assert [p["period"] for p in query.series([reported], "month").periods] == ["2021-09"]
    assert [p["period"] for p in query.series([reported], "week").periods] == ["2021-W36"]
    assert query.series([monthly], "week").unplaced == 1


def test_series_across_a_year_end():
    rows = [{"date_first": d, "date_last": d, "score": 1.0, "quad": 1, "negated": False, "hypothetical": False}
            for d in ("2020-12-15", "2021-02-03")]
    assert [p["period"] for p in query.series(rows, "month").periods] == ["2020-12", "2021-01", "2021-02"]
    assert len(query.series(rows, "week").periods) == 8


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
@pytest.mark.parametrize("value", ["sum", "mean"])
def test_the_chart_is_written_as_png_or_svg(store, tmp_path, suffix, magic, value):
    series = query.series(list(query.relations(store, "Norway", "Finland")), by="month")
    out = plot_relation(series, "Norway", "Finland", tmp_path / f"chart{suffix}", value=value)
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 1000
    if suffix == ".svg":
        assert b"Norway and Finland" in data


def test_the_chart_of_an_empty_series_still_draws(tmp_path):
    out = plot_relation(query.series([], by="month"), "A", "B", tmp_path / "empty.png")
    assert out.stat().st_size > 0


def test_chart_errors(store, tmp_path):
    series = query.series([], by="month")
    with pytest.raises(NewsgraphError) as err:
        plot_relation(series, "A", "B", tmp_path / "chart.pdf")
    assert err.value.code == "E021"
    with pytest.raises(NewsgraphError) as err:
        plot_relation(series, "A", "B", tmp_path / "missing" / "chart.png")
    assert err.value.code == "E018"

"""The risk heat map's rows: risks placed by likelihood and impact, rated on the programme's
matrix, and the risks that cannot be placed."""

from types import SimpleNamespace

from programmes.heatmap import risk_heatmap, unplaced_risks
from programmes.models import Programme


def test_heat_map_rows_most_likely_first_rated_on_the_programmes_matrix():
    risks = [
        SimpleNamespace(title="A", likelihood=3, impact=3),
        SimpleNamespace(title="B", likelihood=1, impact=2),
        SimpleNamespace(title="C", likelihood=None, impact=2),
    ]
    programme = Programme(name="P", rag_labels={"red": "Urgent Action"})
    rows = risk_heatmap(risks, programme)
    assert [row.label for row in rows] == ["High", "Medium", "Low"]
    top_right = rows[0].cells[2]
    assert (top_right.word, top_right.css, top_right.count) == ("Urgent Action", "rag-red", 1)
    assert [risk.title for risk in rows[2].cells[1].risks] == ["B"]
    assert [risk.title for risk in unplaced_risks(risks, programme)] == ["C"]


def test_a_programmes_own_matrix_colours_the_heat_map():
    programme = Programme(
        name="P",
        risk_matrix=[
            ["amber", "amber", "red"],
            ["green", "amber", "amber"],
            ["green", "green", "green"],
        ],
    )
    rows = risk_heatmap([], programme)
    assert [cell.rating for cell in rows[0].cells] == ["amber", "amber", "red"]
    assert [cell.word for cell in rows[2].cells] == ["Green", "Green", "Green"]

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from common.exports import neutralise
from tests.activities.factories import ActivityFactory
from tests.meetings.factories import (
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    MeetingFactory,
    ParticipationFactory,
)
from tests.stakeholders.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

PAST = datetime.date(2023, 2, 1)


def titles(response):
    return [action.title for action in response.context["actions"]]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_tracker_filters_by_organisation_status_overdue_and_meeting(client, participant, organization):
    meeting = MeetingFactory(published=True)
    ActionItemFactory(title="Ours, overdue", responsible_organization=organization, due_on=PAST, meeting=meeting)
    ActionItemFactory(title="Ours, done", responsible_organization=organization, status="done")
    ActionItemFactory(title="Theirs, open", due_on=datetime.date(2099, 1, 1))
    client.force_login(participant)
    url = reverse("meetings:action-list")

    assert len(titles(client.get(url))) == 3  # participants see every action
    assert set(titles(client.get(url, {"organization": organization.pk}))) == {"Ours, overdue", "Ours, done"}
    assert set(titles(client.get(url, {"status": "open"}))) == {"Ours, overdue", "Theirs, open"}
    assert titles(client.get(url, {"overdue": "on"})) == ["Ours, overdue"]
    assert titles(client.get(url, {"meeting": meeting.pk})) == ["Ours, overdue"]
    response = client.get(url, {"overdue": "on"})
    assert 'class="table-danger"' in response.content.decode()


def test_tracker_bad_filter_values_give_errors_not_500(client, participant):
    ActionItemFactory()
    client.force_login(participant)
    response = client.get(
        reverse("meetings:action-list"), {"organization": "x", "status": "bogus", "meeting": "1; DROP", "page": "9"}
    )
    assert response.status_code in (200, 404)
    response = client.get(reverse("meetings:action-list"), {"organization": "x", "status": "bogus", "meeting": "%00"})
    assert response.status_code == 200
    assert response.context["filter"].errors


def test_tracker_shows_the_meetings_that_reviewed_an_action(client, participant):
    action = ActionItemFactory()
    later = MeetingFactory(series=action.meeting.series)
    AgendaItemFactory(meeting=later).actions_to_review.add(action)
    even_later = MeetingFactory(series=action.meeting.series, published=True)
    ActionUpdateFactory(action=action, meeting=even_later)
    ActionUpdateFactory(action=action, meeting=MeetingFactory(series=action.meeting.series))  # draft minutes
    client.force_login(participant)
    [listed] = client.get(reverse("meetings:action-list")).context["actions"]
    assert listed.reviewed_at == [later, even_later]


@pytest.mark.parametrize("rows", [3, 30])
def test_tracker_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    for _ in range(rows):
        action = ActionItemFactory()
        AgendaItemFactory(meeting=MeetingFactory()).actions_to_review.add(action)
        ActionUpdateFactory(action=action, meeting=MeetingFactory())
    client.force_login(participant)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("meetings:action-list"), {"status": "open"}).status_code == 200
    with django_assert_max_num_queries(10):  # 10: the role check reads the user's permissions (issue 12)
        response = client.get(reverse("meetings:action-export", args=["csv"]))
        assert len(csv_rows(response)) == rows + 1


@pytest.mark.parametrize("value", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)"])
def test_neutralise_formula_triggers(value):
    assert neutralise(value) == "'" + value
    # A tab or carriage return may split the cell: the formula after it is neutralised as well.
    assert neutralise("\t" + value) == "'\t'" + value
    assert neutralise("Plain text") == "Plain text"
    assert neutralise(5) == 5


def test_action_exports_respect_filters_and_neutralise_formulas(client, participant, organization):
    ActionItemFactory(title="=cmd|' /C calc'!A0", responsible_organization=organization)
    ActionItemFactory(title="Someone else's")
    client.force_login(participant)
    for file_format, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        response = client.get(reverse("meetings:action-export", args=[file_format]), {"organization": organization.pk})
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        header, *rows = read(response)
        assert header[:2] == ["ID", "Action"]
        assert [row[1] for row in rows] == ["'=cmd|' /C calc'!A0"]
    response = client.get(reverse("meetings:action-export", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert all(cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row)


def test_activity_export_respects_the_page_filters(client, participant):
    ActivityFactory(title="Airport training", places=["Bukhara", "Fergana"], kind="training")
    ActivityFactory(title="Tashkent seminar", places=["Tashkent"], kind="seminar")
    client.force_login(participant)
    page = client.get(reverse("activities:activity-list"), {"city": "Bukhara"})
    assert "Airport training" in page.content.decode() and "Tashkent seminar" not in page.content.decode()
    [_header, row] = csv_rows(client.get(reverse("activities:activity-export", args=["csv"]), {"city": "Bukhara"}))
    assert row[2] == "Airport training" and row[8] == "Bukhara, Fergana"
    [_header, row] = xlsx_rows(client.get(reverse("activities:activity-export", args=["xlsx"]), {"kind": "seminar"}))
    assert row[2] == "Tashkent seminar"


def test_participation_export_filters_by_series_and_status(client, participant):
    meeting = MeetingFactory()
    ParticipationFactory(meeting=meeting, organization=OrganizationFactory(name="Present"), status="attended")
    ParticipationFactory(meeting=meeting, organization=OrganizationFactory(name="Away"), status="excused")
    ParticipationFactory(organization=OrganizationFactory(name="Other series"), status="attended")
    client.force_login(participant)
    rows = csv_rows(client.get(reverse("meetings:participation-export", args=["csv"]), {"series": meeting.series_id}))
    assert sorted(row[3] for row in rows[1:]) == ["Away", "Present"]
    rows = xlsx_rows(
        client.get(
            reverse("meetings:participation-export", args=["xlsx"]), {"series": meeting.series_id, "status": "attended"}
        )
    )
    assert [row[3] for row in rows[1:]] == ["Present"]


def test_unknown_export_format_is_404(client, participant):
    client.force_login(participant)
    assert client.get("/actions/export.exe").status_code == 404


def test_exports_stream_and_keep_types_empty_cells_and_text(client, participant, organization):
    ActionItemFactory(
        title="Tabs\tand <tags> & \x01control", responsible_organization=organization, owner=None, due_on=PAST
    )
    client.force_login(participant)
    response = client.get(reverse("meetings:action-export", args=["xlsx"]))
    assert response.streaming
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, row = [list(cells) for cells in workbook.active.iter_rows()]
    assert all(cell.font.b for cell in header)
    values = [cell.value for cell in row]
    assert values[1] == "Tabs\tand <tags> & control"
    assert values[3] is None  # no owner: the empty cell keeps the columns after it in place
    assert values[4] == datetime.datetime(2023, 2, 1) and row[4].number_format == "yyyy-mm-dd"
    assert values[6] == "yes"  # overdue
    assert isinstance(values[0], int)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exports_read_in_chunks_give_every_row_once(client, participant, monkeypatch, file_format):
    monkeypatch.setattr("common.exports.CHUNK_ROWS", 2)
    later = MeetingFactory()
    actions = [ActionItemFactory(title=f"Action {number}") for number in range(5)]
    AgendaItemFactory(meeting=later).actions_to_review.add(actions[4])
    ActionUpdateFactory(action=actions[0], meeting=later)
    client.force_login(participant)
    read = csv_rows if file_format == "csv" else xlsx_rows
    _header, *rows = read(client.get(reverse("meetings:action-export", args=[file_format])))
    assert sorted(row[1] for row in rows) == [f"Action {number}" for number in range(5)]
    reviewed = {row[1]: row[9] for row in rows}
    assert reviewed["Action 4"] == reviewed["Action 0"] == f"{later.ordinal} meeting"
    assert reviewed["Action 2"] in ("", None)


@pytest.mark.parametrize("rows", [2, 20])
def test_export_query_count_is_constant(client, participant, django_assert_max_num_queries, rows):
    for _ in range(rows):
        ParticipationFactory()
        ActivityFactory()
    client.force_login(participant)
    for name in ("activities:activity-export", "meetings:participation-export"):
        with django_assert_max_num_queries(8):
            response = client.get(reverse(name, args=["xlsx"]))
            assert len(xlsx_rows(response)) == rows + 1


HOSTILE = ["Done;=cmd|' /C calc'!A0", "ok\t+SUM(A1)", "a, -2+3", "x;\n@SUM(1)", " =1", "plain; text"]


def _cells_as_split(text: str, delimiter: str, quoting: int) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter, quoting=quoting) for cell in row]


def test_csv_export_has_no_formula_cell_whether_split_on_semicolons_commas_or_tabs(client, participant):
    """Issue 12, finding 5: Excel in Russian or Uzbek locales splits CSV on `;`."""
    for title in HOSTILE:
        ActionItemFactory(title=title, description=title)
    client.force_login(participant)
    text = b"".join(client.get(reverse("meetings:action-export", args=["csv"])).streaming_content).decode("utf-8-sig")
    header, first_row = text.splitlines()[:2]
    assert header.startswith('"ID","') and first_row.startswith('"')  # every field is quoted, numbers too
    for delimiter in (";", ",", "\t"):
        for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_NONE):  # a reader that honours quotes, and one that does not
            cells = _cells_as_split(text, delimiter, quoting)
            formulas = [cell for cell in cells if cell.strip(' "').startswith(("=", "+", "-", "@"))]
            assert formulas == [], (delimiter, quoting)
    titles = [row[1] for row in csv.reader(io.StringIO(text))][1:]
    assert sorted(titles) == sorted(neutralise(title) for title in HOSTILE)


def test_xlsx_export_cells_stay_strings(client, participant):
    for title in HOSTILE:
        ActionItemFactory(title=title)
    client.force_login(participant)
    response = client.get(reverse("meetings:action-export", args=["xlsx"]))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "Done;'=cmd|' /C calc'!A0" in [cell.value for cell in cells]

"""Each of the portal's shared rules has one definition; every other place asks it. These tests read the source
(outside migrations and tests) for the hand-written forms of each rule and fail if one reappears elsewhere."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "node_modules", "tests", "migrations", "bench", "var", "static"}


def python_sources():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if not SKIPPED.intersection(relative.parts):
            yield relative.as_posix(), path.read_text()


# rule: (pattern of its hand-written form, the one module allowed to write it)
RULES = {
    "what a draft meeting is": (r"announced_at__isnull", "meetings/models/meeting.py"),
    "who is secretariat": (r"[\"']meetings\.change_meeting[\"']", "meetings/apps.py"),
    "the user's organisation through an active contact": (
        r"contacts__user|Contact\.objects\.filter\(user=",
        "stakeholders/models.py",
    ),
    "published minutes only": (
        r"minutes_status\s*=\s*(MinutesStatus\.PUBLISHED|[\"']published[\"'])|__minutes_status\s*=",
        "common/access.py",
    ),
    "which fields are an item's minutes": (r"[\"']discussion_summary_ru[\"'],", "meetings/models/agenda.py"),
    "which fields are the meeting's minutes": (r"[\"']minutes_summary_ru[\"'],", "meetings/models/meeting.py"),
}

# Writes (not filters) that the publishing service and the demo data make, and forms a form or the admin lays out.
ALLOWED_ELSEWHERE = {
    "published minutes only": {"meetings/services/publishing.py", "coordination/operations/demo.py"},
    # The account's person, whether or not their contact is still active: their name, their account history.
    "the user's organisation through an active contact": {"stakeholders/accounts.py", "coordination/two_factor.py"},
    "which fields are the meeting's minutes": {"meetings/admin.py"},
    "which fields are an item's minutes": {"meetings/admin.py"},
}


@pytest.mark.parametrize("rule", RULES)
def test_the_rule_is_written_in_one_place(rule):
    pattern, home = RULES[rule]
    allowed = {home} | ALLOWED_ELSEWHERE.get(rule, set())
    places = {name for name, text in python_sources() if re.search(pattern, text)}
    assert places - allowed == set(), f"{rule!r} is written by hand outside {home}"


def test_the_rules_have_their_definitions():
    sources = dict(python_sources())
    assert "DRAFT_MEETING = Q(announced_at__isnull=True)" in sources["meetings/models/meeting.py"]
    assert "def of_user(self, user):" in sources["stakeholders/models.py"]
    assert "def published_minutes_q(" in sources["common/access.py"]
    assert "MINUTES_FIELDS = (" in sources["meetings/models/agenda.py"]
    assert "MINUTES_TEXT_FIELDS = (" in sources["meetings/models/meeting.py"]
    assert "def is_secretariat(user)" in sources["common/access.py"]


def test_the_access_policy_names_no_app_it_decides_for():
    """common is the ground floor: the apps register their permission codenames and statuses with it."""
    sources = dict(python_sources())
    for name in ("common/access.py", "common/roles.py"):
        assert not re.search(r"[\"'](meetings|stakeholders)\.\w+[\"']", sources[name]), name
        assert not re.search(r"[\"']published[\"']", sources[name]), name

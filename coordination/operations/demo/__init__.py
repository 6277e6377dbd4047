"""Demo data: the counter-trafficking coordination platform described in the seed articles.

Everything is keyed on natural keys and written only when it differs, so loading twice
changes nothing, and loading over an older demo database brings it to this content.
Facts (names, dates, places, titles) come from the two articles; every text is written
for the portal, and the speakers' remarks are summaries in reported speech that name the
article as their source. What the articles do not state but the demo needs to show a
feature (the meetings' times, venue and publication date, the follow-up actions) is
flagged illustrative in the data, and the pages badge it.
"""

from coordination.operations.demo.facts import ARTICLE_FOURTH_MEETING, DEMO_USERS, FORMER_DECISIONS, DemoUsersRefused
from coordination.operations.demo.loader import load_demo

__all__ = ["ARTICLE_FOURTH_MEETING", "DEMO_USERS", "FORMER_DECISIONS", "DemoUsersRefused", "load_demo"]

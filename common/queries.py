"""Small query helpers shared by the apps."""

import datetime

from django.db import models
from django.db.models import ExpressionWrapper, F, Value


def sort_key_without_index(field_name: str, output_field: models.Field) -> ExpressionWrapper:
    """The column plus zero: the same order, but an expression no index matches.

    For "the first few rows of a small set, by date" where the set sorts last by date (this quarter's activities,
    the meetings still to come), ordering by the bare column makes PostgreSQL walk the date index from the start
    and filter away nearly every row. Ordering by this expression makes it read the small set through the
    index that matches the filter and sort it instead.
    """
    zero = Value(datetime.timedelta(0)) if isinstance(output_field, models.DateTimeField) else Value(0)
    return ExpressionWrapper(F(field_name) + zero, output_field=output_field)

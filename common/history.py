"""django-simple-history's HistoricalRecords, with each model's history manager class made once.

simple_history makes a new manager class (Manager.from_queryset, which inspects every method of the queryset class)
each time ``instance.history`` is read, and its post_save handler reads it on every save of a tracked model: a few
hundred microseconds more on every write of the portal, for a class that is the same each time."""

import functools

from simple_history import manager, models


class HistoryDescriptor(manager.HistoryDescriptor):
    @functools.cached_property
    def manager_of_instances(self) -> type:
        return self.manager_class.from_queryset(self.queryset_class)

    def __get__(self, instance, owner):
        return self.manager_of_instances(self.model, instance)


class HistoricalRecords(models.HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        made = sender.__dict__.get(self.manager_name)
        if type(made) is manager.HistoryDescriptor:
            cached = HistoryDescriptor(made.model, manager=made.manager_class, queryset=made.queryset_class)
            setattr(sender, self.manager_name, cached)

"""The secretariat's pages for a meeting series (its title, description, members and their translations) and for
the topics put on meetings, agenda items, statements and activities."""

from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, ListView, UpdateView

from common.permissions import SecretariatRequiredMixin
from meetings.forms.series import SeriesForm, TopicForm
from meetings.models import MeetingSeries, Topic


class SeriesCreateView(SecretariatRequiredMixin, SuccessMessageMixin, CreateView):
    model = MeetingSeries
    form_class = SeriesForm
    template_name = "meetings/series_form.html"
    success_message = gettext_lazy("The series was added.")


class SeriesUpdateView(SecretariatRequiredMixin, SuccessMessageMixin, UpdateView):
    model = MeetingSeries
    form_class = SeriesForm
    template_name = "meetings/series_form.html"
    success_message = gettext_lazy("The series was saved.")


class TopicListView(SecretariatRequiredMixin, ListView):
    model = Topic
    template_name = "meetings/topic_list.html"
    context_object_name = "topics"
    ordering = "name"


class TopicCreateView(SecretariatRequiredMixin, SuccessMessageMixin, CreateView):
    model = Topic
    form_class = TopicForm
    template_name = "meetings/topic_form.html"
    success_url = reverse_lazy("meetings:topic-list")
    success_message = gettext_lazy("The topic was added.")


class TopicUpdateView(SecretariatRequiredMixin, SuccessMessageMixin, UpdateView):
    model = Topic
    form_class = TopicForm
    template_name = "meetings/topic_form.html"
    success_url = reverse_lazy("meetings:topic-list")
    success_message = gettext_lazy("The topic was saved.")

"""The places activities take place in, translated by the secretariat once for every activity that names them."""

from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, UpdateView

from activities.forms import PlaceForm
from activities.models import Place
from common.permissions import SecretariatRequiredMixin


class PlaceListView(SecretariatRequiredMixin, ListView):
    model = Place
    template_name = "activities/place_list.html"
    context_object_name = "places"
    ordering = "name"


class PlaceUpdateView(SecretariatRequiredMixin, SuccessMessageMixin, UpdateView):
    model = Place
    form_class = PlaceForm
    template_name = "activities/place_form.html"
    success_url = reverse_lazy("activities:place-list")
    success_message = gettext_lazy("The place's names were saved.")

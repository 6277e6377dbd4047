import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from common.roles import PARTICIPANT, SECRETARIAT
from stakeholders.models import Contact, Organization, OrganizationKind

FACTORY_PASSWORD = "correct horse battery staple"  # every factory-made user's


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = OrganizationKind.GOVERNMENT
    country = "Uzbekistan"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(FACTORY_PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Faker("name")
    position = "Programme officer"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


def secretariat_user(**kwargs):
    user = UserFactory(role=SECRETARIAT, **kwargs)
    ContactFactory(user=user, name=f"Secretariat {user.username}")
    return user


def participant_user(organization=None, **kwargs):
    user = UserFactory(role=PARTICIPANT, **kwargs)
    ContactFactory(user=user, organization=organization or OrganizationFactory(), name=f"Participant {user.username}")
    return user


def session_cookie(user):
    """The session cookie a sign-in gives ``user``, made by Django's login() (its signals too) without the form: for
    the tests that hand a session to a browser or to many clients rather than walk the form each time."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME]

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    from common.roles import sync_roles

    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Secretariat", "Participant"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("stakeholders", "0001_squashed_0007_translated_names"),
        ("meetings", "0001_squashed_0021_time_zone_choices_by_reference"),
        ("activities", "0001_squashed_0009_search_in_three_languages"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

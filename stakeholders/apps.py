from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "stakeholders"

    def ready(self):
        """Tell the access policy (common.access) which permission makes a focal point."""
        from common import access

        access.register_permission("focal_point", "stakeholders.manage_organization_contacts")

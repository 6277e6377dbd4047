from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"

    def ready(self):
        """Tell the access policy (common.access), which names no app, what the meetings app's permissions and
        published minutes are."""
        from common import access
        from meetings.models import MinutesStatus
        from meetings.models.meeting import announced_q

        access.register_permission("read", "meetings.view_meeting")
        access.register_permission("draft_minutes", "meetings.view_draft_minutes")
        access.register_permission("report_own", "meetings.update_own_action")
        access.register_permission("secretariat", "meetings.change_meeting")
        access.register_status("minutes_published", MinutesStatus.PUBLISHED)
        access.register_condition("announced", announced_q)

        # Deactivating an organisation's last reachable contact names the coming meetings left without anyone there.
        from meetings.services.invitations import coming_meetings_left_unreachable
        from stakeholders.services import register_deactivation_check

        register_deactivation_check(coming_meetings_left_unreachable)

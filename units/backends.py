"""The signed-in user, loaded with what every page's menu shows of them."""

from django.contrib.auth.backends import ModelBackend
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from units.models import User
from units.notifications.models import Notification


class UserBackend(ModelBackend):
    """ModelBackend whose user comes with the count of their unread notifications (the menu's badge).

    Every page loads the user; counting in the same statement spares each page a query of its own. The count is
    the one at the start of the request, and the views that mark notifications read redirect afterwards.
    """

    def get_user(self, user_id):
        unread = (
            Notification.objects.filter(recipient=OuterRef("pk"))
            .unread()
            .order_by()
            .values("recipient")
            .annotate(n=Count("pk"))
            .values("n")
        )
        try:
            user = User._default_manager.annotate(unread_notification_count=Coalesce(Subquery(unread), 0)).get(
                pk=user_id
            )
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

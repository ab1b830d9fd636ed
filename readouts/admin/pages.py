"""Admin pages of our own (import, review queue) served by a ModelAdmin, as Django's own are."""

from django.core.exceptions import PermissionDenied


class ModelAdminPage:
    """A view mixin: the serving ModelAdmin's permission check and the admin's page context."""

    model_admin = None  # the ModelAdmin whose get_urls() serves the page
    permission = "change"  # "add", "change" or "view": which right the page needs
    title = ""

    def dispatch(self, request, *args, **kwargs):
        if not getattr(self.model_admin, f"has_{self.permission}_permission")(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.model_admin.admin_site.each_context(self.request),
            title=self.title,
            opts=self.model_admin.model._meta,
            has_view_permission=self.model_admin.has_view_permission(self.request),
            **kwargs,
        )
